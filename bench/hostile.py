"""Hostile inputs: one huge line, a tiny .docx that inflates to megabytes, a 10 MB report.

Prints, for fresh `fzlint check FILE --format json` processes (wall clock, peak RSS):

  1 MB single line (ASCII letters, and Chinese prose)            goal: each under 5 s
  43 KB .docx whose one text node holds 7 MB of "A"              goal: under 5 s
  10 MB ÷ 1 MB time ratio                                        goal: ≤ 11×
  peak memory on the 10 MB report                                goal: ≤ 300 MB

``--extra`` adds the other cases of the hostile-input campaign (a 20 MB line of dated terms,
100k headings, 200k numbered paragraphs, a list numbered from 10^8 and 10^10). Runs longer
than ``--timeout`` seconds are stopped and shown as such. Figures only: nothing is asserted.

  python bench/hostile.py [--extra] [--timeout 300]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, _PYCACHE, fzlint
from size import compilation

sys.path.insert(0, str(ROOT / "tests"))

import hostile_inputs as hi  # noqa: E402

MB = 1024 * 1024


def run(cmd: list[str], timeout: float) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) and how it ended (exit code, or "timeout")."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(_PYCACHE))
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return time.perf_counter() - start, usage.ru_maxrss / 1024, f"exit {proc.returncode}"
        if time.perf_counter() - start > timeout:
            proc.kill()
            _, _, usage = os.wait4(proc.pid, 0)
            return time.perf_counter() - start, usage.ru_maxrss / 1024, "timeout"
        time.sleep(0.05)


def case(label: str, path: Path, timeout: float, runs: int = 1) -> tuple[float, float]:
    """Median wall time and highest peak of ``runs`` runs, printed on one line."""
    done = [run(fzlint("check", str(path), "--format", "json", "--no-progress"), timeout) for _ in range(runs)]
    wall, peak, how = sorted(done)[len(done) // 2][0], max(p for _, p, _ in done), done[-1][2]
    size = path.stat().st_size
    shown = f"{size / MB:.1f} MB" if size >= MB else f"{size / 1024:.0f} KB"
    note = "" if how in ("exit 0", "exit 1") else f"  ({how})"
    print(f"{label:<44} {shown:>8}  {wall:7.2f} s  peak {peak:6.0f} MB{note}", flush=True)
    return wall, peak


def inputs(folder: Path, extra: bool) -> list[tuple[str, Path]]:
    """Write every input (in a process of its own: see main) and return (label, path) pairs."""
    cases = [
        ("1 MB single line, ASCII letters", "letters.txt", lambda: "一、主要举措和成效\n" + "A" * MB),
        ("1 MB single line, Chinese prose", "prose.txt", lambda: "一、主要举措和成效\n" + "全面推进依法行政，" * (MB // 27 + 1)),
        ('.docx with a 7 MB text node of "A"', "node.docx", hi.big_text_node_docx),
        ("1 MB report (compilation of the samples)", "1mb.txt", lambda: compilation(MB)),
        ("10 MB report", "10mb.txt", lambda: compilation(10 * MB)),
    ]
    if extra:
        title = "桑柘镇2023年度法治政府建设情况报告\n一、主要举措和成效\n"  # a report year: term/outdated judges
        terms = "党的十九大、十三五规划、《信访条例》、扫黑除恶专项斗争"
        cases += [
            ("20 MB single line of dated terms", "terms.txt", lambda: title + terms * (20 * MB // 80)),
            ("100k headings", "headings.txt", lambda: hi.headings(100_000)),
            ("200k numbered paragraphs (.docx)", "list.docx", lambda: hi.numbered_docx(200_000, fmt="decimal")),
            ("numbering from 10^8, upper letters (.docx)", "start8.docx", lambda: hi.numbered_docx(20, 10**8)),
            ("numbering from 10^10, upper letters (.docx)", "start10.docx", lambda: hi.numbered_docx(20, 10**10)),
        ]
    written = []
    for label, name, make in cases:
        data = make()
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        written.append((label, path))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extra", action="store_true", help="also the slower cases of the campaign")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--write", help=argparse.SUPPRESS)  # internal: write the inputs into this folder
    args = parser.parse_args()
    if args.write:
        for label, path in inputs(Path(args.write), args.extra):
            print(f"{path}\t{label}")
        return
    run(fzlint("rules"), args.timeout)  # bytecode and the compiled-ruleset cache, as for any later run
    with tempfile.TemporaryDirectory() as tmp:
        # A forked child's peak RSS starts at its parent's RSS (Linux copies the counters at fork),
        # so the big inputs are made by another process and this one stays small.
        made = subprocess.run([sys.executable, __file__, "--write", tmp] + (["--extra"] if args.extra else []),
                              capture_output=True, text=True, check=True).stdout
        pairs = [line.split("\t") for line in made.splitlines()]
        # the two reports of the ratio: median of three runs, as on a shared machine one run is noise
        figures = {label: case(label, Path(path), args.timeout, 3 if "report" in label else 1) for path, label in pairs}
        small, big = figures["1 MB report (compilation of the samples)"], figures["10 MB report"]
        print(f"ratio 10 MB / 1 MB = {big[0] / small[0]:.1f}×   (goal ≤ 11×); peak on 10 MB {big[1]:.0f} MB (goal ≤ 300 MB)")


if __name__ == "__main__":
    main()
