"""numeric/sum-mismatch, numeric/sum-incomplete, numeric/unit-mixed: a total and its breakdown.

Which sums the wording promises is decided in ``checker/breakdown.py``; this check only reports.
Sums are interval sums (4000余份 is [4000, 5000)), so a total is wrong only when no value its
parts can mean equals a value it can mean. Approximate figures stay out of equality (domain.md
§6.6): a total of 1.2万余份 is compared with no sum at all (its parts, 5000份 and 8000份, are as
loose as it is), only with a single part larger than its upper bound; approximate parts of an
exact total may still add up to more than it (their lower bounds hold).

Items that are different outcomes of one family (``outcomes``, e.g. 调解成功 vs 移交/终止) are
disjoint, so they may not add up to more than the total though they are a status list; below it
says nothing (an outcome may be unlisted). See ``breakdown.disjoint_parts``.

```yaml
check: numeric_sum            # or numeric_sum_incomplete, numeric_unit_mixed
scope: body
params:
  outcomes:                   # each family: regexes of outcomes a case can have only one of
    - ["(?<![未不])(?:调解|调处)?成功", "移交|移送|终止|未成功|不成功"]
    - ["(?<![未没])(?:办结|结案)", "在办|正在办理|未办结"]
```
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Iterator

from ..analysis.breakdowns import OVERLAP_PRONE, Breakdown, Family, disjoint_parts
from ..diagnostics import Finding
from ..text.numbers import Interval
from ..offsets import Span
from .base import Check, ParamError, Regex


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``numeric_sum`` check (validated by Check.compile)."""

    outcomes: tuple[tuple[Regex, ...], ...] = ()  # families of mutually exclusive outcomes


class NumericSumCheck(Check):
    """Parts that cannot add up to their total (numeric/sum-mismatch)."""

    name = "numeric_sum"
    Params = Params
    messages = {"sum": ("total", "parts", "sum", "marker"), "part_exceeds": ("total", "part"),
                "disjoint": ("total", "parts", "sum")}
    report: ClassVar[str] = "mismatch"
    default_scope = "body"

    @classmethod
    def validate(cls, params: Params) -> None:
        if any(len(family) < 2 for family in params.outcomes):
            raise ParamError("each family in 'outcomes' needs at least two outcomes")

    def run(self, view) -> Iterator[Finding]:
        doc, facts = view.doc, view.facts
        for sentence in view.sentences:
            for b in view.analysis.breakdowns(sentence.text):
                finding = self._judge(b)
                if finding is not None:
                    span, kind, values = finding
                    yield Finding(sentence.span(*span),
                                  kind, values)

    def _judge(self, b: Breakdown):
        span = (b.total.start, b.parts[-1].end)
        if self.report == "mismatch":
            return _mismatch(b, span) or _disjoint(b, self.params.outcomes)
        if self.report == "incomplete":
            return _incomplete(b, span)
        return _unit_mixed(b, span)


class SumIncompleteCheck(NumericSumCheck):
    """A parallel 其中 list that sums below its total (numeric/sum-incomplete)."""

    name = "numeric_sum_incomplete"
    messages = {"incomplete": ("total", "parts", "sum", "gap")}
    report = "incomplete"


class UnitMixedCheck(NumericSumCheck):
    """Measure words of one group mixed in a total and its parts (numeric/unit-mixed)."""

    name = "numeric_unit_mixed"
    messages = {"unit_mixed": ("total", "parts", "units")}
    report = "unit_mixed"


def _mismatch(b: Breakdown, span):
    for part in b.parts:
        if _below(b.total.value, part.value):
            return (b.total.start, part.end), "part_exceeds", {"total": b.total.raw,
                                                              "part": part.raw}
    if b.distant or b.total.approx is not None:
        return None  # 其中 after an aside, or a total of 1.2万余份: no sum to compare (§6.6)
    total = _sum(b, range(len(b.parts)))
    over = (b.exhaustive or _selection(b) or b.categories) and _below(b.total.value, total)
    exact = not any(p.approx for p in b.parts)  # 1000余份: a bound, kept out of equality (§6.6)
    if (exact and b.exhaustive and not total.overlaps(b.total.value)) or over:
        return span, "sum", {**_values(b, total), "marker": b.marker}
    return None


def _disjoint(b: Breakdown, families: tuple[Family, ...]):
    """Distinct outcomes of one family adding up to more than the total."""
    if b.distant or b.total.approx is not None:
        return None
    for family in families:
        picked = disjoint_parts(b, family)
        total = _sum(b, picked)
        if picked and _below(b.total.value, total):
            parts = "".join(f"“{b.labels[i].strip()}{_bare(b.parts[i].raw)}”" for i in picked)
            return ((b.total.start, b.parts[picked[-1]].end), "disjoint",
                    {"total": _bare(b.total.raw), "parts": parts, "sum": _fmt(total)})
    return None


def _sum(b: Breakdown, picked) -> Interval:
    return sum((b.parts[i].value for i in picked), Interval.point(0))


def _incomplete(b: Breakdown, span):
    total = sum(p.value for p in b.parts)
    if len(b.parts) < 2 or b.exhaustive or not _selection(b) or not _below(total, b.total.value):
        return None
    gap = b.total.value.lo - total.hi if total.hi is not None else None
    return span, "incomplete", {**_values(b, total), "gap": _plain(gap) if gap else "若干"}


def _selection(b: Breakdown) -> bool:
    """A plain list of disjoint categories: its sum may be compared, though it need not be all."""
    return b.coordinated and not b.hedged and b.total.unit_group not in OVERLAP_PRONE


def _unit_mixed(b: Breakdown, span):
    units = []
    for q in (b.total, *b.parts):
        unit = "元" if q.unit_group == "money" else q.unit
        if unit not in units:
            units.append(unit)
    if len(units) < 2:
        return None
    return span, "unit_mixed", {"total": b.total.raw, "parts": "、".join(p.raw for p in b.parts),
                                "units": "、".join(f"“{u}”" for u in units)}


def _below(a: Interval, b: Interval) -> bool:
    """Every value of a lies below every value of b."""
    return not a.overlaps(b) and a.hi is not None and a.hi <= b.lo


def _values(b: Breakdown, total: Interval) -> dict[str, str]:
    parts = "＋".join(_bare(p.raw) for p in b.parts)
    return {"total": _bare(b.total.raw), "parts": parts, "sum": _fmt(total)}


def _bare(raw: str) -> str:
    return "".join(raw.split())  # a PDF line break inside "230\n余人次"


def _fmt(value: Interval) -> str:
    if value.lo == value.hi:
        return _plain(value.lo)
    return f"{value}（区间）"


def _plain(x) -> str:
    return format(x.normalize(), "f")
