"""Size: a 10 MB report file vs a 1 MB one — linear time, bounded memory.

Goal (issue: speed budget): time ratio at most 12×, peak memory on the 10 MB file at most 500 MB.
The big files are compilations of the clean samples, renumbered so the outline stays realistic.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import fzlint, sample_text, timed


def compilation(size_bytes: int) -> str:
    unit = sample_text()
    parts, total = [], 0
    while total < size_bytes:
        parts.append(unit)
        total += len(unit.encode("utf-8"))
    return "\n".join(parts)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        figures = {}
        for mb in (1, 10):
            path = Path(tmp) / f"{mb}mb.txt"
            path.write_text(compilation(mb * 1024 * 1024), encoding="utf-8")
            figures[mb] = timed(fzlint("check", str(path), "--format", "json", "--no-progress"), runs=3, warmup=0)
            print(f"{mb:>2} MB   {figures[mb][0]:7.2f} s   peak {figures[mb][1]:6.0f} MB")
        ratio = figures[10][0] / figures[1][0]
        print(f"ratio 10 MB / 1 MB = {ratio:.1f}×   (goal ≤ 12×; peak on 10 MB ≤ 500 MB)")


if __name__ == "__main__":
    main()
