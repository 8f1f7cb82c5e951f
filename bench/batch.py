"""Benchmark: a reviewer's batch against one plain jieba pass over the same text.

Generates 1,000 synthetic reports of about 5,000 characters (tests/batchgen.py), then times

  fzlint check DIR --jobs 2 --format json -o /dev/null      (everything: parse, rules, near-duplicates)
  jieba.lcut over every text, default dictionary, one process (just word segmentation)

both as fresh processes, wall clock, and prints the ratio (goal: ≤ 0.5). Usage:

  python bench/batch.py [--files 1000] [--chars 5000] [--jobs 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import shutil
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


def timed(command: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr}")
    return wall, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--chars", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", help="generate into this folder and keep it")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="fzlint-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        total = generate(folder, args.files, args.chars)
        print(f"{args.files} reports, {total:,} characters ({total // args.files:,} per report) in {folder}")
        lint, _ = timed([sys.executable, "-m", "checker", "check", str(folder), "--jobs", str(args.jobs),
                         "--format", "json", "-o", "/dev/null"])
        jieba, out = timed([sys.executable, "-c", _JIEBA, str(folder)])
        setup, cut, tokens = out.split()
        print(f"fzlint check --jobs {args.jobs} --format json : {lint:6.2f} s wall")
        print(f"jieba.lcut, one process          : {jieba:6.2f} s wall "
              f"(import + dictionary + reading {float(setup):.2f} s, segmentation {float(cut):.2f} s, {int(tokens):,} tokens)")
        print(f"ratio fzlint / jieba             : {lint / jieba:6.2f}  (goal ≤ 0.5; against segmentation alone {lint / float(cut):.2f})")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
