"""How figures are written back in messages: as stated, as points or intervals, as sums.

Messages show the arithmetic: the figures as written (without a PDF line break inside them), what
they add up to or give, as a point when exact and as an interval when a figure is approximate.
"""

from __future__ import annotations

import re
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


_ARABIC = re.compile(r"[0-9][0-9.,]*")


def fmt_as(value: Interval, like: Quantity) -> str:
    """A sum in the unit the author wrote ``like`` in: 500万元 beside 450万元, never 5000000.

    Only a scaled figure (450万元, 2.6万余份) changes how the sum reads; a plain count keeps
    ``fmt``'s digits.
    """
    raw = bare(like.raw)
    number = _ARABIC.match(raw)
    if number is None or not Decimal(number.group().replace(",", "") or 0):
        return fmt(value)
    scale = like.stated / Decimal(number.group().replace(",", ""))
    if scale <= 1 or scale != scale.to_integral_value():
        return fmt(value)
    unit = like.unit
    if not unit.startswith(("万", "亿")):  # 3.5万人次: the unit is 人次, 万 is the figure's scale
        word = {Decimal(10000): "万", Decimal(100000000): "亿"}.get(scale)
        if word is None:
            return fmt(value)
        unit = word + unit

    def shown(x: Decimal) -> str:
        return plain(x / scale) + unit

    if value.lo == value.hi:
        return shown(value.lo)
    hi = "+∞)" if value.hi is None else f"{shown(value.hi)}{')' if value.hi_open else ']'}"
    return f"{'(' if value.lo_open else '['}{shown(value.lo)}, {hi}（区间）"


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
