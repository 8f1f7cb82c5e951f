"""numeric/rate-mismatch, rate-rounding, percent-out-of-range, rate-without-base: stated rates.

Which counts a rate is made of is decided in ``checker/rates.py`` (conservatively: an unclear
pairing is no pairing). A stated rate fits when 100·numerator/denominator, rounded *or*
truncated to the stated decimals, gives it (numbers.rate_fit; GB/T 8170 rounding, the contract
accepts truncation). Changes (同比提高5%, 3个百分点) are never rates.

```yaml
check: numeric_rate   # or numeric_rate_rounding, numeric_percent_range, numeric_rate_base
scope: body
```
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from typing import ClassVar, Iterator

from ..diagnostics import Finding
from ..text.numbers import Fit, Quantity, rate_fit
from ..offsets import Span
from ..analysis.rates import RateMention, asides, has_base, is_target, pair
from ..analysis.sentences import Sentence
from .base import Check


class NumericRateCheck(Check):
    """A rate its own counts cannot produce (numeric/rate-mismatch)."""

    name = "numeric_rate"
    messages = {"mismatch": ("rate", "stated", "numerator", "denominator", "computed")}
    report: ClassVar[str] = "mismatch"
    default_scope = "body"

    def run(self, view) -> Iterator[Finding]:
        an = view.analysis
        previous: Sentence | None = None
        for sentence in view.sentences:
            mentions = an.rates(sentence.text)
            qs = an.quantities(sentence.text) if mentions else []
            for rate in mentions:
                for span, kind, values in self._judge(an, sentence, qs, rate, previous):
                    yield Finding(sentence.span(*span),
                                  kind, values)
            previous = sentence

    def _judge(self, an, sentence, qs, rate, previous):
        report = self.report
        if report == "out_of_range":
            return _out_of_range(sentence.text, rate)
        if report == "without_base":
            if an.facts.part_at(sentence.start) == "next_year":
                return ()  # plans state goals, not results
            return _without_base(an, sentence, qs, rate, previous)
        return _fit(an, sentence.text, qs, rate, report)


class RateRoundingCheck(NumericRateCheck):
    """A rate truncated, not rounded, at its stated precision (numeric/rate-rounding)."""

    name = "numeric_rate_rounding"
    messages = {"rounding": ("rate", "stated", "numerator", "denominator", "computed",
                             "expected")}
    report = "rounding"


class PercentRangeCheck(NumericRateCheck):
    """A proportion above 100% or below 0 (numeric/percent-out-of-range)."""

    name = "numeric_percent_range"
    messages = {"out_of_range": ("rate", "stated")}
    report = "out_of_range"


class RateBaseCheck(NumericRateCheck):
    """A rate with no count in its sentence to compute it from (numeric/rate-without-base)."""

    name = "numeric_rate_base"
    messages = {"without_base": ("rate", "stated")}
    report = "without_base"


def _out_of_range(text: str, rate: RateMention):
    if not rate.proportion:
        return
    for pct in rate.percents:
        negative = text[pct.start - 1:pct.start] in ("-", "－", "−", "负") and pct.start > 0
        if pct.stated > 100 or (negative and pct.stated > 0):
            stated = ("-" if negative else "") + _bare(pct.raw)
            yield (rate.start, pct.end), "out_of_range", {"rate": rate.name, "stated": stated}


def _without_base(an, sentence: Sentence, qs, rate: RateMention, previous: Sentence | None):
    book = an.words.rates
    if rate.share or is_target(sentence.text, rate) or has_base(book, sentence.text, qs, rate):
        return
    if previous is not None and previous.block == sentence.block:
        if has_base(book, previous.text, an.quantities(previous.text), rate, near=False):
            return  # counts stated just before: a base, though too far to check against
    stated = "、".join(_bare(p.raw) for p in rate.percents)
    if len(rate.percents) > 1:
        stated = f"分别为{stated}"
    elif len(rate.names) > 1:
        stated = f"均为{stated}"
    yield (rate.start, rate.percents[-1].end), "without_base", {"rate": rate.name,
                                                               "stated": stated}


def _fit(an, text: str, qs: list[Quantity], rate: RateMention, report: str):
    unit_start = text.rfind("；", 0, rate.start) + 1
    earlier = [r for r in an.rates(text) if unit_start <= r.start < rate.start]
    floor = earlier[-1].percents[-1].end if earlier else unit_start
    paired = pair(an.words.rates, text, qs, rate, floor, an.breakdowns(text))
    if paired is None or (rate.proportion and rate.percents[0].stated > 100):
        return  # above 100%: percent-out-of-range says it more plainly
    num, den = paired
    pct = rate.percents[0]
    fit = rate_fit(pct, num.value, den.value)
    values = {"rate": rate.name, "stated": _bare(pct.raw), "numerator": _bare(num.raw),
              "denominator": _bare(den.raw), "computed": _computed(num, den, pct.decimals)}
    span = (min(num.start, den.start), pct.end)
    if fit is Fit.NEITHER and _fits_an_aside(qs, text, pct, num, den):
        return  # the rate may be the subset's: "受理2486件（含转办1800件），办结1764件，办结率98%"
    if fit is Fit.NEITHER and report == "mismatch":
        yield span, "mismatch", values
    elif fit is Fit.TRUNCATED and report == "rounding" and _points(num, den):
        expected = _percent(num.value.lo, den.value.lo, pct.decimals, ROUND_HALF_UP)
        yield span, "rounding", {**values, "expected": expected}


def _fits_an_aside(qs, text, pct, num, den) -> bool:
    """Could a subset aside (（含…）), which pairing set aside, be the rate's real count?"""
    for q in asides(text, qs):
        if q.unit_group != den.unit_group or q.end > pct.start:
            continue
        if (rate_fit(pct, num.value, q.value) is not Fit.NEITHER
                or rate_fit(pct, q.value, den.value) is not Fit.NEITHER):
            return True
    return False


def _points(*qs: Quantity) -> bool:
    return all(q.value.lo == q.value.hi for q in qs)


def _computed(num: Quantity, den: Quantity, decimals: int) -> str:
    """The exact ratio to two more places than stated, or its range for approximate counts."""
    if _points(num, den):
        return _exact(num.value.lo, den.value.lo, decimals + 2)
    lo = _percent(num.value.lo, den.value.hi, decimals + 1, ROUND_DOWN) if den.value.hi else "0%"
    hi = (_percent(num.value.hi, den.value.lo, decimals + 1, ROUND_DOWN)
          if num.value.hi is not None and den.value.lo > 0 else "∞")
    return f"{lo}～{hi}"


def _exact(num: Decimal, den: Decimal, decimals: int) -> str:
    """96.72…% when the ratio goes on, 95% when it stops."""
    shown = _percent(num, den, decimals, ROUND_DOWN)
    with localcontext() as ctx:
        ctx.prec = 50
        exact = 100 * num / den if den else None
    if exact is not None and Decimal(shown[:-1]) == exact:
        return f"{exact.normalize():f}%"
    return shown[:-1] + "…%"


def _percent(num: Decimal, den: Decimal, decimals: int, rounding: str) -> str:
    if den == 0:
        return "∞"
    with localcontext() as ctx:
        ctx.prec = 50
        value = (100 * num / den).quantize(Decimal(1).scaleb(-decimals), rounding=rounding)
    return f"{value}%"


def _bare(raw: str) -> str:
    return "".join(raw.split())
