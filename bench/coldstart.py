"""Cold start: `fzlint check` on one typical report vs `python -c "import lark, rich, yaml"`.

Goal (issue: speed budget): at most 2.5×. Prints both medians and the ratio.
"""

from __future__ import annotations

import sys

from common import SAMPLES, fzlint, timed


def main() -> None:
    report = str(sorted(SAMPLES.glob("*.txt"))[0])
    base, _ = timed([sys.executable, "-c", "import lark, rich, yaml"], runs=15, warmup=3)
    ours, _ = timed(fzlint("check", report, "--no-progress"), runs=15, warmup=3)
    print(f"baseline  python -c 'import lark, rich, yaml'  {base * 1000:7.1f} ms")
    print(f"fzlint    check {report.rsplit('/', 1)[-1]:<28} {ours * 1000:7.1f} ms")
    print(f"ratio     {ours / base:.2f}×   (goal ≤ 2.5×)")


if __name__ == "__main__":
    main()
