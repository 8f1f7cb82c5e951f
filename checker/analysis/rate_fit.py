"""How a paired rate fits its counts, and the message values that show the division (no check type).

Shared by numeric/rate-mismatch and numeric/rate-rounding, which judge the same readings.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal, localcontext

from .pairing import asides
from ..text.intervals import Fit, rate_fit
from ..text.figures import bare, percent


def fit_of(analysis, reading) -> Fit | None:
    """How the stated level relates to its counts; None when unpaired or left to another rule."""
    pair, rate = reading.pair, reading.mention
    if pair is None or (rate.proportion and rate.percents[0].stated > 100):
        return None  # above 100%: percent-out-of-range says it more plainly
    pct = rate.percents[0]
    fit = rate_fit(pct, pair.num, pair.den)
    if fit is Fit.NEITHER and _fits_an_aside(analysis, reading):
        return None  # the rate may be the subset's: "受理2486件（含转办1800件），办结1764件，办结率98%"
    return fit


def _fits_an_aside(analysis, reading) -> bool:
    """Could a subset aside (（含…）), which pairing set aside, be the rate's real count?"""
    text, pct, pair = reading.sentence.text, reading.mention.percents[0], reading.pair
    for q in asides(text, analysis.quantities(text)):
        if q.end > pct.start:
            continue
        if (rate_fit(pct, pair.num, q.value) is not Fit.NEITHER
                or rate_fit(pct, q.value, pair.den) is not Fit.NEITHER):
            return True
    return False


def values_of(reading):
    """(span, message values) of a paired reading."""
    pair, rate = reading.pair, reading.mention
    pct = rate.percents[0]
    values = {"rate": rate.name, "stated": bare(pct.raw), "numerator": pair.num_text,
              "denominator": pair.den_text, "computed": _computed(pair, pct.decimals)}
    return reading.span(pair.first, pct.end + reading.cut), values


def _computed(pair, decimals: int) -> str:
    """The exact ratio to two more places than stated, or its range for approximate counts."""
    if pair.exact:
        return _exact(pair.num.lo, pair.den.lo, decimals + 2)
    lo = percent(pair.num.lo, pair.den.hi, decimals + 1, ROUND_DOWN) if pair.den.hi else "0%"
    hi = (percent(pair.num.hi, pair.den.lo, decimals + 1, ROUND_DOWN)
          if pair.num.hi is not None and pair.den.lo > 0 else "∞")
    return f"{lo}～{hi}"


def _exact(num: Decimal, den: Decimal, decimals: int) -> str:
    """96.72…% when the ratio goes on, 95% when it stops."""
    shown = percent(num, den, decimals, ROUND_DOWN)
    with localcontext() as ctx:
        ctx.prec = 50
        exact = 100 * num / den if den else None
    if exact is not None and Decimal(shown[:-1]) == exact:
        return f"{exact.normalize():f}%"
    return shown[:-1] + "…%"
