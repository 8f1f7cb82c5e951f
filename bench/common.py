"""Shared helpers for the benchmarks: run a command several times, report wall time and memory."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "clean"


# pip compiles an installed package to bytecode, as it did for lark, rich and yaml; a checkout run
# under PYTHONDONTWRITEBYTECODE would recompile fzlint's sources on every start and measure that
# instead. Bytecode goes to a scratch prefix so the checkout stays clean.
_PYCACHE = Path(os.environ.get("TMPDIR", "/tmp")) / "fzlint-bench-pycache"


def timed(cmd: list[str], runs: int = 5, warmup: int = 1, cwd: Path | None = None) -> tuple[float, float]:
    """Median wall seconds and peak RSS (MB) of ``cmd`` over ``runs`` runs (exit 2 = refused: reported)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(_PYCACHE))
    warmup = max(warmup, 1)  # the first run writes the bytecode
    for _ in range(warmup):
        subprocess.run(cmd, capture_output=True, env=env, cwd=cwd)
    times, peak = [], 0.0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        if os.waitstatus_to_exitcode(status) == 2:
            print(f"  note: {' '.join(cmd[-4:])} exited 2 (a file was refused or unreadable): the time is not a lint")
        times.append(time.perf_counter() - start)
        peak = max(peak, usage.ru_maxrss / 1024)
    return statistics.median(times), peak


def fzlint(*args: str) -> list[str]:
    return [sys.executable, "-m", "checker", *args]


def sample_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))


__all__ = ["timed", "fzlint", "sample_text", "ROOT", "resource"]
