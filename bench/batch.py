"""Benchmark: a reviewer's batch against one plain jieba pass over the same text.

Generates 1,000 synthetic reports of about 5,000 characters (tests/batchgen.py), then times

  fzlint check DIR --jobs 1 --format json -o /dev/null      (everything: parse, rules, near-duplicates)
  jieba.lcut over every text, default dictionary, one process (just word segmentation)

  autocorrect_py.lint_for over every text, one process (a Rust CJK spacing and punctuation linter)

as fresh processes, interleaved over ``--rounds`` rounds, and prints the median of the per-round
ratios of wall and of CPU time (goals, issue 15: ≤ 0.4 of jieba, ≤ 4 of autocorrect). CPU time is
the figure to quote on a shared machine: other work on it lengthens the wall time of whichever
command it overlaps. autocorrect-py (``pip install autocorrect-py``) is the bench's alone, never a
dependency of fzlint: without it the bench says so and leaves that line out.
Usage:

  python bench/batch.py [--files 1000] [--chars 5000] [--jobs 1] [--rounds 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
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

_JIEBA = """
import sys, time
from pathlib import Path
t0 = time.perf_counter()
import jieba
jieba.initialize()
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).iterdir())]
t1 = time.perf_counter()
tokens = sum(len(jieba.lcut(text)) for text in texts)
t2 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {tokens}")
"""

_AUTOCORRECT = """
import sys, time
from pathlib import Path
t0 = time.perf_counter()
import autocorrect_py
paths = sorted(Path(sys.argv[1]).iterdir())
texts = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
t1 = time.perf_counter()
found = sum(len(autocorrect_py.lint_for(text, name).lines) for name, text in texts)
t2 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {found}")
"""


def generate(folder: Path, files: int, chars: int, seed: int = 1) -> int:
    """Write ``files`` reports of about ``chars`` characters; return the total character count."""
    rng = random.Random(seed)
    names = batchgen.issuers(files, rng)
    sentences = max(1, chars // 190)  # a report has 13 paragraphs of `sentences` sentences (~15 chars each)
    total = 0
    for i, name in enumerate(names):
        text = batchgen.report(name, 2021 + i % 3, rng, sentences=sentences)
        total += len(text)
        batchgen.write(folder, f"{i:04d}", text, "md" if i % 2 else "txt")
    return total


# bytecode written and read, as for an installed jieba (common.py: a scratch prefix, a clean checkout)
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
_ENV.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "fzlint-bench-pycache"))


def timed(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + system, the process and its workers) and standard output."""
    before = os.times()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=_ENV)
    wall = time.perf_counter() - start
    after = os.times()
    if done.returncode not in (0, 1):
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, done.stdout


def _ratio(rounds: list[tuple], name: str, at: int, goal: float) -> None:
    """fzlint ÷ the command whose wall and cpu seconds stand at ``at`` and ``at + 1`` of each round."""
    wall = statistics.median(r[0] / r[at] for r in rounds)
    cpu = statistics.median(r[1] / r[at + 1] for r in rounds)
    print(f"{'ratio fzlint / ' + name:<33}: {cpu:6.2f} cpu, {wall:.2f} wall  "
          f"(median of {len(rounds)} interleaved rounds; goal ≤ {goal:g})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--chars", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", help="generate into this folder and keep it")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="fzlint-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        total = generate(folder, args.files, args.chars)
        print(f"{args.files} reports, {total:,} characters ({total // args.files:,} per report) in {folder}")
        lint_cmd = [sys.executable, "-m", "checker", "check", str(folder), "--jobs", str(args.jobs),
                    "--format", "json", "-o", os.devnull]
        jieba_cmd = [sys.executable, "-c", _JIEBA, str(folder)]
        autocorrect = importlib.util.find_spec("autocorrect_py") is not None
        correct_cmd = [sys.executable, "-c", _AUTOCORRECT, str(folder)]
        rounds = []
        for _ in range(args.rounds):  # interleaved: drift in the machine's speed hits all alike
            lint_wall, lint_cpu, _ = timed(lint_cmd)
            jieba_wall, jieba_cpu, out = timed(jieba_cmd)
            correct = timed(correct_cmd) if autocorrect else (0.0, 0.0, "")
            rounds.append((lint_wall, lint_cpu, jieba_wall, jieba_cpu, out, *correct))
        med = lambda i: statistics.median(r[i] for r in rounds)  # noqa: E731
        setup, cut, tokens = rounds[-1][4].split()
        print(f"fzlint check --jobs {args.jobs} --format json : {med(0):6.2f} s wall, {med(1):6.2f} s cpu")
        print(f"jieba.lcut, one process          : {med(2):6.2f} s wall, {med(3):6.2f} s cpu "
              f"(import + dictionary + reading {float(setup):.2f} s, segmentation {float(cut):.2f} s, {int(tokens):,} tokens)")
        _ratio(rounds, "jieba", 2, 0.4)
        if not autocorrect:
            print("autocorrect-py is not installed (pip install autocorrect-py): no comparison with it")
            return
        setup, lint, found = rounds[-1][7].split()
        print(f"autocorrect_py.lint_for, one process: {med(5):6.2f} s wall, {med(6):6.2f} s cpu "
              f"(import + reading {float(setup):.2f} s, linting {float(lint):.2f} s, {int(found):,} lines flagged)")
        _ratio(rounds, "autocorrect", 5, 4)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
