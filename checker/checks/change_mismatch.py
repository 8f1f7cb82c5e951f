"""numeric/change-mismatch: a stated change the two figures it compares cannot produce.

Which figures a change compares is read in ``analysis/changes.py`` (only when both are given).
A relative change P% fits when 100·(X−Y)/Y (or (Y−X)/Y for 下降/减少), rounded or truncated to
P's decimals, gives P; figures are intervals (2.36万件 is [23550, 23650]), so the change is a
range. A change in percentage points must equal the difference of the two percentages as written
(to its stated decimals); an amount (增加D件) must equal X − Y. A change whose direction the
figures contradict (增长 while X < Y) is wrong too.

```yaml
check: numeric_change
scope: body
```
"""

from __future__ import annotations

from decimal import Decimal, ROUND_DOWN, ROUND_HALF_UP, localcontext
from typing import Iterator

from ..analysis.changes import Change
from ..diagnostics import Finding
from ..text.intervals import Interval, rate_interval
from .base import Check
from ..text.figures import bare, plain


class ChangeMismatchCheck(Check):
    """A change its two figures cannot produce (numeric/change-mismatch)."""

    name = "numeric_change"
    messages = {"percent": ("change", "now", "before", "computed", "expr", "basis", "expected"),
                "points": ("change", "now", "before", "computed"),
                "amount": ("change", "now", "before", "computed"),
                "direction": ("change", "now", "before")}
    default_scope = "body"

    def run(self, view) -> Iterator[Finding]:
        for sentence in view.sentences:
            for change in view.analysis.changes(sentence.text):
                found = judge(change)
                if found is not None:
                    kind, values = found
                    yield Finding(sentence.span(change.first, change.stated.end), kind, values)


def judge(c: Change):
    """(kind, values) when the change does not follow from its figures, else None."""
    values = {"change": _said(c), "now": bare(c.now.raw), "before": c.before_text,
              "basis": f"（上年数按{c.basis}＝{c.before_text}计）" if c.basis else ""}
    diff = _difference(c)
    if diff is None:
        return None
    if diff.hi is not None and diff.hi < 0:
        return "direction", values
    if c.kind == "amount":
        return None if diff.overlaps(c.stated.value) else ("amount", {**values, "computed": _shown(diff)})
    if c.kind == "points":
        return _points(c, values)
    return _relative(c, diff, values)


def _said(c: Change) -> str:
    return (c.verb or ("增长" if c.up else "下降")) + bare(c.stated.raw)


def _difference(c: Change) -> Interval | None:
    """X − Y in the change's direction (Y − X for a fall), as an interval."""
    x, y = c.now.value, c.before
    if x.hi is None or y.hi is None:
        return None
    if c.up:
        return Interval(x.lo - y.hi, x.hi - y.lo)
    return Interval(y.lo - x.hi, y.hi - x.lo)


def _points(c: Change, values):
    if c.before_stated is None:
        return None
    computed = (c.now.stated - c.before_stated.stated) * (1 if c.up else -1)
    decimals = c.stated.decimals
    rounded = computed.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    truncated = computed.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_DOWN)
    if c.stated.stated in (rounded, truncated) and (decimals < _places(computed) or c.stated.stated == computed):
        return None
    return "points", {**values, "computed": plain(computed)}


def _places(x: Decimal) -> int:
    exp = x.normalize().as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def _relative(c: Change, diff: Interval, values):
    y = c.before
    if y.lo <= 0:
        return None
    with localcontext() as ctx:
        ctx.prec = 50
        lo = diff.lo / (y.hi if diff.lo >= 0 else y.lo)
        hi = diff.hi / (y.lo if diff.hi >= 0 else y.hi)
        ratio = Interval(100 * lo, 100 * hi)
    rounded, truncated = rate_interval(c.stated.stated, c.stated.decimals)
    if ratio.overlaps(rounded) or ratio.overlaps(truncated):
        return None
    now, before = values["now"], values["before"]
    expr = f"（{now}－{before}）÷{before}" if c.up else f"（{before}－{now}）÷{before}"
    step = Decimal(1).scaleb(-c.stated.decimals)
    lo, hi = (x.quantize(step, rounding=ROUND_HALF_UP) for x in (ratio.lo, ratio.hi))
    expected = f"，按这两个数应为{lo}%" if lo == hi else ""
    return "percent", {**values, "computed": _shown_ratio(ratio, c.stated.decimals), "expr": expr,
                       "expected": expected}


def _shown(x: Interval) -> str:
    return plain(x.lo) if x.lo == x.hi else f"{plain(x.lo)}～{plain(x.hi)}"


def _shown_ratio(r: Interval, decimals: int) -> str:
    step = Decimal(1).scaleb(-decimals - 2)
    lo = r.lo.quantize(step, rounding=ROUND_DOWN)
    hi = r.hi.quantize(step, rounding=ROUND_DOWN)
    if lo == hi:
        return f"{lo}…%"
    return f"{lo}%～{hi}%"
