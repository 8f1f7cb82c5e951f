"""Benchmark: is the process pool worth it? Wall and CPU time of a batch by --jobs and batch size.

Generates the county inbox (tests/batchgen.inbox), then for each batch size (the first N reports,
.docx/.txt/.pdf mixed as in the inbox) and each --jobs runs

  fzlint check FILES... --format json -o /dev/null --jobs J

as a fresh process, median wall time of --runs runs, and the CPU time of the process and its
workers. The load average is printed before and after: other processes on the machine make wall
times upper bounds (two workers cannot get two cores that are busy). Usage:

  python bench/pool.py [--sizes 4,8,16,32,64,200] [--jobs default,1,2,3,4] [--runs 3] [--keep DIR] [--force-pool]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import batchgen  # noqa: E402


_PLAIN = "import sys; from checker.cli import main; sys.exit(main(sys.argv[1:]))"
_FORCED = "import sys; import checker.app.parallel as p; p.MIN_PARALLEL = 2; from checker.cli import main; sys.exit(main(sys.argv[1:]))"


def timed(command: list[str]) -> tuple[float, float]:
    """(wall, CPU of the process and its children) of one run."""
    before = os.times()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True)
    wall = time.perf_counter() - start
    after = os.times()
    if done.returncode not in (0, 1, 2):  # 2: a file of the inbox could not be read (it has its row)
        sys.exit(f"failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="4,8,16,32,64,200")
    parser.add_argument("--jobs", default="default,1,2,3,4", help="'default': no --jobs option")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", help="generate the inbox into this folder and keep it")
    parser.add_argument("--force-pool", action="store_true",
                        help="start the pool for any batch size (to measure what the in-process threshold saves)")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="fzlint-pool-"))
    try:
        made = batchgen.inbox(folder) if not any(folder.iterdir()) else None
        reports = sorted(str(p) for p in (made.all_reports if made else folder.rglob("*")) if p.suffix in (".docx", ".txt", ".pdf", ".md"))
        reports = [p for p in reports if "fzlint批注" not in p]
        print(f"{len(reports)} reports in {folder}; {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}")
        print("files     jobs   wall s (min–max)     CPU s")
        for size in map(int, args.sizes.split(",")):
            for jobs in args.jobs.split(","):
                chosen = [] if jobs == "default" else ["--jobs", jobs]
                command = [sys.executable, "-c", _FORCED if args.force_pool else _PLAIN, "check", *reports[:size],
                           "--format", "json", "-o", os.devnull, *chosen, "--no-progress"]
                timed(command)  # warm the rule cache and the page cache
                runs = [timed(command) for _ in range(args.runs)]
                walls = [w for w, _ in runs]
                print(f"{size:5d}  {jobs:>7s}  {statistics.median(walls):6.2f} ({min(walls):.2f}–{max(walls):.2f})"
                      f"  {statistics.median(c for _, c in runs):8.2f}")
        print(f"load average now {os.getloadavg()[0]:.2f}")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
