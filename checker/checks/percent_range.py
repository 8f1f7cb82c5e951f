"""numeric/percent-out-of-range: a proportion above 100% or below 0.

A registered proportion (办结率, 满意率, 覆盖率…) or a share (占比) is a part of a whole; 完成率
of a plan may exceed 100%, a change (同比增长120%, 提高3个百分点) is no level, and a rate
outside the registry (使用率…) is not judged.

```yaml
check: numeric_percent_range
scope: body
```
"""

from __future__ import annotations

from typing import Iterator

from ..diagnostics import Finding
from .base import Check
from ..text.figures import bare


class PercentRangeCheck(Check):
    """A proportion above 100% or below 0 (numeric/percent-out-of-range)."""

    name = "numeric_percent_range"
    messages = {"out_of_range": ("rate", "stated")}
    default_scope = "body"

    def run(self, view) -> Iterator[Finding]:
        for reading in view.analysis.rate_readings(view.scope):
            rate, text = reading.mention, reading.sentence.text
            if not rate.proportion:
                continue
            for i, pct in enumerate(rate.percents):
                negative = pct.start > 0 and text[pct.start - 1:pct.start] in ("-", "－", "−", "负")
                if pct.stated > 100 or (negative and pct.stated > 0):
                    stated = ("-" if negative else "") + bare(pct.raw)
                    yield Finding(reading.sentence.span(rate.start, pct.end), "out_of_range",
                                  {"rate": _name_of(rate, i), "stated": stated})


def _name_of(rate, index: int) -> str:
    """The rate a percent belongs to: names and percents listed pairwise (办结率、满意率分别为98%、102%)
    pair one to one; one percent for several names is shared by them all."""
    if len(rate.names) > 1 and len(rate.names) == len(rate.percents):
        return rate.names[index]
    return rate.name
