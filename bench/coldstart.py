"""Cold start: `fzlint check` on one typical report vs `python -c "import lark, rich, yaml"`.

Goal (issue: speed budget): at most 2.5×. Prints both medians and the ratio.
"""

from __future__ import annotations

import sys

import statistics

from common import SAMPLES, fzlint, timed

ROUNDS = 20


def main() -> None:
    report = str(sorted(SAMPLES.glob("*.txt"))[0])
    baseline_cmd = [sys.executable, "-c", "import lark, rich, yaml"]
    ours_cmd = fzlint("check", report, "--no-progress")
    timed(baseline_cmd, runs=1, warmup=2)
    timed(ours_cmd, runs=1, warmup=2)  # also fills the compiled-ruleset cache, as any earlier run would
    # Interleaved single runs, so load on a shared machine hits both commands alike.
    pairs = [(timed(baseline_cmd, runs=1, warmup=0)[0], timed(ours_cmd, runs=1, warmup=0)[0]) for _ in range(ROUNDS)]
    base = statistics.median(b for b, _ in pairs)
    ours = statistics.median(o for _, o in pairs)
    ratio = statistics.median(o / b for b, o in pairs)
    print(f"baseline  python -c 'import lark, rich, yaml'  {base * 1000:7.1f} ms  (median of {ROUNDS})")
    print(f"fzlint    check {report.rsplit('/', 1)[-1]:<28} {ours * 1000:7.1f} ms")
    print(f"ratio     {ratio:.2f}×   (median of paired runs; goal ≤ 2.5×)")


if __name__ == "__main__":
    main()
