"""numeric/rate-rounding: a rate truncated, not rounded, at its stated precision (a hint).

GB/T 8170 rounds; a truncated rate is accepted by numeric/rate-mismatch, and this rule says what
the rounded value would be. Only exact counts are judged (an approximate count has no one value).

```yaml
check: numeric_rate_rounding
scope: body
```
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP
from typing import Iterator

from ..diagnostics import Finding
from ..text.intervals import Fit
from .base import Check
from ..text.figures import percent
from ..analysis.rate_fit import fit_of, values_of


class RateRoundingCheck(Check):
    """A rate truncated, not rounded, at its stated precision (numeric/rate-rounding)."""

    name = "numeric_rate_rounding"
    messages = {"rounding": ("rate", "stated", "numerator", "denominator", "computed", "expected")}
    default_scope = "body"

    def run(self, view) -> Iterator[Finding]:
        for reading in view.analysis.rate_readings(view.scope):
            if fit_of(view.analysis, reading) is Fit.TRUNCATED and reading.pair.exact:
                span, values = values_of(reading)
                pct = reading.mention.percents[0]
                expected = percent(reading.pair.num.lo, reading.pair.den.lo, pct.decimals, ROUND_HALF_UP)
                yield Finding(span, "rounding", {**values, "expected": expected})
