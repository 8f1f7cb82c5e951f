"""How figures are written back in messages: as stated, as points or intervals, as sums.

Messages show the arithmetic: the figures as written (without a PDF line break inside them), what
they add up to or give, as a point when exact and as an interval when a figure is approximate.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal, localcontext

from .intervals import Interval
from .numbers import Quantity


def bare(raw: str) -> str:
    return "".join(raw.split())  # a PDF line break inside "230\n余人次"


def plain(x: Decimal) -> str:
    return format(x.normalize(), "f")


def fmt(value: Interval) -> str:
    if value.lo == value.hi:
        return plain(value.lo)
    return f"{value}（区间）"


def below(a: Interval, b: Interval) -> bool:
    """Every value of a lies below every value of b."""
    return not a.overlaps(b) and a.hi is not None and a.hi <= b.lo


def total_of(qs) -> Interval:
    return sum((q.value for q in qs), Interval.point(0))


def joined(qs: list[Quantity], sep: str = "＋") -> str:
    return sep.join(bare(q.raw) for q in qs)


def percent(num: Decimal, den: Decimal, decimals: int, rounding: str = ROUND_DOWN) -> str:
    if den == 0:
        return "∞"
    with localcontext() as ctx:
        ctx.prec = 50
        value = (100 * num / den).quantize(Decimal(1).scaleb(-decimals), rounding=rounding)
    return f"{value}%"
