"""Cold start as a user has it: `fzlint check one.txt` from an installed wheel vs `import lark, rich, yaml`.

Goal (issue 15): at most 2.5×, both with an empty rules cache (the first run after installing) and
a warm one (every later run). The wheel is built from this checkout and installed, with its
dependencies, into a fresh virtual environment (pip compiles it to bytecode, as for lark, rich and
yaml); nothing of the checkout is on the path. The three commands run interleaved, one run each
per round, so load on a shared machine hits them alike; ratios are medians of the per-round ratios.

  python bench/coldstart.py [--rounds 20] [--venv DIR]

``--venv DIR`` reuses (or creates) that environment and reinstalls only fzlint: quick reruns.
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
REPORT = sorted((ROOT / "samples" / "clean").glob("*.txt"))[0]


def install(venv: Path, fresh: bool) -> Path:
    """Build the wheel, install it into ``venv``; the venv's python."""
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        fresh = True
    with tempfile.TemporaryDirectory() as wheels:
        subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", wheels, str(ROOT)],
                       check=True, env=_env())
        wheel = next(Path(wheels).glob("fzlint-*.whl"))
        extra = [] if fresh else ["--no-deps", "--force-reinstall"]
        subprocess.run([str(python), "-m", "pip", "install", "-q", *extra, str(wheel)], check=True, env=_env())
    return python


def _env(**extra: str) -> dict[str, str]:
    # bytecode must be written and read, as in any pip install: no PYTHONDONTWRITEBYTECODE, no
    # PYTHONPATH pointing at the checkout
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    env.update(extra)
    return env


def run_once(cmd: list[str], env: dict[str, str], empty: Path | None = None) -> float:
    """Wall seconds of one run; ``empty`` is a cache folder removed first (an empty rules cache)."""
    if empty is not None:
        shutil.rmtree(empty, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tempfile.gettempdir())
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--venv", help="reuse this environment (created when missing)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fzlint-coldstart-") as tmp:
        venv = Path(args.venv) if args.venv else Path(tmp) / "venv"
        python = install(venv, fresh=not args.venv)
        cold_dir, warm_dir = Path(tmp) / "cold-cache", Path(tmp) / "warm-cache"
        baseline = [str(python), "-c", "import lark, rich, yaml"]
        ours = [str(venv / "bin" / "fzlint"), "check", str(REPORT), "--no-progress"]
        cold_env, warm_env = _env(FZLINT_CACHE_DIR=str(cold_dir)), _env(FZLINT_CACHE_DIR=str(warm_dir))
        for _ in range(2):  # warm-up: the OS file cache, and the warm rules cache filled
            run_once(baseline, warm_env), run_once(ours, warm_env), run_once(ours, cold_env, cold_dir)
        rounds = [(run_once(baseline, warm_env), run_once(ours, warm_env), run_once(ours, cold_env, cold_dir))
                  for _ in range(args.rounds)]
    base = statistics.median(r[0] for r in rounds)
    print(f"wheel in a fresh venv, {args.rounds} interleaved rounds, report {REPORT.name}")
    print(f"baseline  python -c 'import lark, rich, yaml'   {base * 1000:7.1f} ms (median)")
    for label, i in (("warm rules cache", 1), ("empty rules cache", 2)):
        ratio = statistics.median(r[i] / r[0] for r in rounds)
        ms = statistics.median(r[i] for r in rounds) * 1000
        print(f"fzlint    check, {label:<18}   {ms:7.1f} ms   ratio {ratio:.2f}×  (goal ≤ 2.5×)")


if __name__ == "__main__":
    main()
