"""numeric/rate-mismatch: a rate its own counts cannot produce.

Which counts a rate is made of is decided in ``analysis/pairing.py`` (conservatively: an unclear
pairing is no pairing). A stated rate fits when 100·numerator/denominator, rounded *or* truncated
to the stated decimals, gives it (numbers.rate_fit; GB/T 8170 rounding, the contract accepts
truncation). Counts are intervals (1.2万余件), so the ratio is a range. Changes (同比提高5%,
3个百分点) are never rates.

```yaml
check: numeric_rate
scope: body
```
"""

from __future__ import annotations

from typing import Iterator

from ..diagnostics import Finding
from ..text.intervals import Fit
from .base import Check
from ..analysis.rate_fit import fit_of, values_of


class NumericRateCheck(Check):
    """A rate its own counts cannot produce (numeric/rate-mismatch)."""

    name = "numeric_rate"
    messages = {"mismatch": ("rate", "stated", "numerator", "denominator", "computed")}
    default_scope = "body"

    def run(self, view) -> Iterator[Finding]:
        for reading in view.analysis.rate_readings(view.scope):
            if fit_of(view.analysis, reading) is Fit.NEITHER:
                span, values = values_of(reading)
                yield Finding(span, "mismatch", values)
