"""numeric/sum-mismatch: parts that cannot add up to their total.

Which sums the wording promises is decided in ``analysis/breakdowns.py`` (and ``totals.py`` for a
total after its parts); this check only compares. Sums are interval sums (4000余份 is [4000,
5000], 2.4万件 is [23500, 24500]), so a total is wrong only when no value its parts can mean
equals (or, for a mere selection, stays within) a value it can mean.

Items that exclude each other (a known partition, outcomes of one family, a complement pair) may
not add up to more than the total though the list is no full breakdown. ``outcomes`` adds
families of outcomes to those of the partitions lexicon (rulesets/lexicons/partitions.yaml).

```yaml
check: numeric_sum
scope: body
params:
  outcomes:                   # each family: regexes of outcomes a case can have only one of
    - ["(?<![未不])(?:调解|调处)?成功", "移交|移送|终止|未成功|不成功"]
```
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..analysis.breakdowns import OVERLAP_PRONE, Breakdown
from ..analysis.partitions import Partition, _by_partition
from ..diagnostics import Finding
from .base import Check, ParamError, Regex
from ..text.figures import bare, below, fmt_as, joined, total_of


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``numeric_sum`` check (validated by Check.compile)."""

    outcomes: tuple[tuple[Regex, ...], ...] = ()  # families of mutually exclusive outcomes


class NumericSumCheck(Check):
    """Parts that cannot add up to their total (numeric/sum-mismatch)."""

    name = "numeric_sum"
    Params = Params
    messages = {"sum": ("total", "parts", "sum", "marker"), "sum_after": ("total", "parts", "sum", "marker"),
                "sum_list": ("total", "parts", "sum"),
                "part_exceeds": ("total", "part"), "disjoint": ("total", "parts", "sum", "why")}
    default_scope = "body"

    @classmethod
    def validate(cls, params: Params) -> None:
        if any(len(family) < 2 for family in params.outcomes):
            raise ParamError("each family in 'outcomes' needs at least two outcomes")

    def run(self, view) -> Iterator[Finding]:
        families = tuple(Partition(f"outcomes{i}", family, (), None, False)
                         for i, family in enumerate(self.params.outcomes))
        for sentence, b in view.analysis.breakdown_readings(view.scope):
            found = mismatch(b) or _disjoint(b, families)
            if found is not None:
                span, kind, values = found
                yield Finding(sentence.span(*span), kind, values)


def selection(b: Breakdown) -> bool:
    """A plain list of categories: its sum may be compared, though it need not be all."""
    return b.coordinated and not b.hedged and b.total.unit_group not in OVERLAP_PRONE


def mismatch(b: Breakdown):
    """(span, kind, values) of what is wrong with ``b``, or None."""
    whole = b.total.value
    if not b.superset:
        for part in b.parts:
            if below(whole, part.value):
                return (min(b.total.start, part.start), max(b.total.end, part.end)), "part_exceeds", {
                    "total": bare(b.total.raw), "part": bare(part.raw)}
    if b.distant and not b.listed:
        return _disjoint_of(b, b.disjoint, b.why)  # 其中 after an aside: only a known partition's parts
    parts = total_of(b.parts)
    kind = "sum_after" if b.after else "sum" if b.marker else "sum_list"
    if b.superset:
        wrong = b.exhaustive and below(parts, whole)
    else:
        wrong = ((b.exhaustive and not parts.overlaps(whole))
                 or ((b.categories or selection(b)) and below(whole, parts)))
    if wrong:
        return b.span, kind, _values(b, parts)
    return _disjoint_of(b, b.disjoint, b.why)


def _disjoint(b: Breakdown, families: tuple[Partition, ...]):
    """Distinct outcomes of a rule's own family adding up to more than the total."""
    if b.distant or b.hedged:
        return None
    for family in families:
        found = _disjoint_of(b, _by_partition(family, list(b.labels), [p.value.lo for p in b.parts], "").disjoint, "")
        if found:
            return found
    return None


def _disjoint_of(b: Breakdown, picked: tuple[int, ...], why: str):
    if not picked or b.superset:
        return None
    chosen = [b.parts[i] for i in picked]
    parts = total_of(chosen)
    if not below(b.total.value, parts):
        return None
    shown = "".join(f"“{b.labels[i].strip()}{bare(b.parts[i].raw)}”" for i in picked)
    span = (min(b.total.start, chosen[0].start), max(b.total.end, chosen[-1].end))
    named = f"，分属“{why}”的不同类别" if why and why not in ("互斥", "同类") else ""
    return span, "disjoint", {"total": bare(b.total.raw), "parts": shown, "sum": fmt_as(parts, b.total),
                              "why": named}


def _values(b: Breakdown, parts) -> dict[str, str]:
    return {"total": bare(b.total.raw), "parts": joined(list(b.parts)), "sum": fmt_as(parts, b.total),
            "marker": b.marker}
