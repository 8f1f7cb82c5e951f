"""Benchmark: how long each export takes for a big batch, apart from linting it.

Builds a run of 1,000 county reports with 100 findings each (100,000 findings; tests/batchgen.py
synthetic_run, no linting) and times every format's reporter, in-process, wall clock, best of
--repeat runs, as `fzlint check DIR --format F -o FILE` spends it after the last file is linted.
The reviewer's export must take seconds (docs/batch.md). Usage:

  python bench/export.py [--reports 1000] [--findings 100] [--repeat 2] [--formats xlsx,html,csv,json,text,sarif]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import batchgen  # noqa: E402
from checker import reporters  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--findings", type=int, default=100, help="findings per report")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--formats", default="xlsx,html,csv,json,text,sarif")
    args = parser.parse_args()
    start = time.perf_counter()
    run = batchgen.synthetic_run(args.reports, args.findings)
    total = sum(len(r.diagnostics) for r in run.files)
    print(f"{len(run.files)} reports, {total:,} findings (built in {time.perf_counter() - start:.1f} s)")
    options = {"width": 120, "titles": {}}
    for fmt in args.formats.split(","):
        best, size = float("inf"), 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            out = reporters.get(fmt).render(run, options)
            best = min(best, time.perf_counter() - start)
            size = len(out)
        print(f"  {fmt:6s} {best:6.2f} s  {size / 1e6:7.1f} MB  ({total / best:,.0f} findings/s)")


if __name__ == "__main__":
    main()
