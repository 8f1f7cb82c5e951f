"""Intervals of values a stated figure can mean, and how a stated rate fits its counts.

A figure carries its precision (numbers.py reads "96.7%" as [96.65, 96.75]), so a check compares
intervals and flags only what cannot overlap (style.md, "Numbers are intervals"). A stated rate
fits when 100·part/whole, rounded (GB/T 8170) or truncated to the stated decimals, can give it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .numbers import Quantity


@dataclass(frozen=True)
class Interval:
    """A set of values a figure can mean; ``hi=None`` is unbounded above. Closed unless flagged."""

    lo: Decimal
    hi: Decimal | None
    lo_open: bool = False
    hi_open: bool = False

    @classmethod
    def point(cls, x: Decimal | int | str) -> Interval:
        """The exact value ``x``; floats are refused: they cannot carry a stated precision."""
        if isinstance(x, float):
            raise TypeError("use Decimal or str, not float")
        return cls(Decimal(x), Decimal(x))

    def __add__(self, other: Interval) -> Interval:
        if not isinstance(other, Interval):
            return NotImplemented
        hi = None if self.hi is None or other.hi is None else self.hi + other.hi
        return Interval(self.lo + other.lo, hi, self.lo_open or other.lo_open,
                        self.hi_open or other.hi_open)

    def __radd__(self, other: object) -> Interval:
        """Lets ``sum(intervals)`` start from 0."""
        if other == 0:
            return self
        return NotImplemented

    def _below(self, other: Interval) -> bool:
        """True when every value of self lies strictly below every value of other."""
        if self.hi is None:
            return False
        return self.hi < other.lo or (self.hi == other.lo and (self.hi_open or other.lo_open))

    def overlaps(self, other: Interval) -> bool:
        return not (self._below(other) or other._below(self))

    def contains(self, x: Decimal) -> bool:
        return self.overlaps(Interval.point(x))

    def __str__(self) -> str:
        """Plain notation for messages: [11500, 12500], [4000, 5000), (300, +∞)."""
        hi = "+∞)" if self.hi is None else f"{_plain(self.hi)}{')' if self.hi_open else ']'}"
        return f"{'(' if self.lo_open else '['}{_plain(self.lo)}, {hi}"


def _plain(x: Decimal) -> str:
    return format(x.normalize(), "f")


class Fit(Enum):
    """How a stated percentage relates to the ratio of its counts (domain.md §6.2)."""

    ROUNDED = "rounded"
    TRUNCATED = "truncated"
    NEITHER = "neither"


def rate_interval(stated: Decimal, decimals: int) -> tuple[Interval, Interval]:
    """(rounded, truncated) bands of a stated rate: 96.7, 1 -> [96.65, 96.75], [96.7, 96.8)."""
    step = Decimal(1).scaleb(-decimals)
    return (Interval(stated - step / 2, stated + step / 2),
            Interval(stated, stated + step, hi_open=True))


def ratio(part: Interval | Decimal | int, whole: Interval | Decimal | int) -> Interval | None:
    """100·part/whole as an interval; None when the whole may be zero."""
    p, w = (x if isinstance(x, Interval) else Interval.point(x) for x in (part, whole))
    if w.lo <= 0:
        return None
    with localcontext() as ctx:
        ctx.prec = 50
        lo = 100 * p.lo / w.hi if w.hi is not None else Decimal(0)
        hi = None if p.hi is None else 100 * p.hi / w.lo
    return Interval(lo, hi)


def fit_rate(part: Interval | Decimal | int, whole: Interval | Decimal | int,
             stated: Decimal, decimals: int) -> Fit | None:
    """Does 100·part/whole give ``stated`` when rounded, only when truncated, or neither?"""
    r = ratio(part, whole)
    if r is None:
        return None
    rounded, truncated = rate_interval(stated, decimals)
    if r.overlaps(rounded):
        return Fit.ROUNDED
    return Fit.TRUNCATED if r.overlaps(truncated) else Fit.NEITHER


def rate_fit(pct: "Quantity", part: Interval | Decimal | int,
             whole: Interval | Decimal | int) -> Fit | None:
    """``fit_rate`` for a percent Quantity; an approximate one (95%以上) only rounds or fails."""
    if pct.approx is None:
        return fit_rate(part, whole, pct.stated, pct.decimals)
    r = ratio(part, whole)
    if r is None:
        return None
    return Fit.ROUNDED if r.overlaps(pct.value) else Fit.NEITHER
