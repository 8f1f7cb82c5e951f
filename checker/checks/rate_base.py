"""numeric/rate-without-base: a rate with no count nearby to compute it from (a hint).

Evaluators criticise 办结率100% without the numbers behind it. A count of a group the rate is
counted in, in its sentence, or one named by the rate's verbs in the sentence before (same
paragraph), is a base. Shares, goals (力争…达到95%) and the plan part are not asked for one.

```yaml
check: numeric_rate_base
scope: body
```
"""

from __future__ import annotations

from typing import Iterator

from ..analysis.rates import has_base, is_target
from ..diagnostics import Finding
from .base import Check
from ..text.figures import bare


class RateBaseCheck(Check):
    """A rate with no count in its sentence to compute it from (numeric/rate-without-base)."""

    name = "numeric_rate_base"
    messages = {"without_base": ("rate", "stated")}
    default_scope = "body"

    def run(self, view) -> Iterator[Finding]:
        an = view.analysis
        book = an.words.rates
        previous = None
        for sentence in view.sentences:
            mentions = an.rates(sentence.text)
            if mentions and an.facts.part_at(sentence.start) != "next_year":
                qs = an.quantities(sentence.text)
                for rate in mentions:
                    if rate.share or is_target(sentence.text, rate) or has_base(book, sentence.text, qs, rate):
                        continue
                    if previous is not None and previous.block == sentence.block and has_base(
                            book, previous.text, an.quantities(previous.text), rate, near=False):
                        continue  # counts stated just before: a base, though too far to check against
                    yield Finding(sentence.span(rate.start, rate.percents[-1].end), "without_base",
                                  {"rate": rate.name, "stated": _stated(rate)})
            previous = sentence


def _stated(rate) -> str:
    stated = "、".join(bare(p.raw) for p in rate.percents)
    if len(rate.percents) > 1:
        return f"分别为{stated}"
    if len(rate.names) > 1:
        return f"均为{stated}"
    return stated
