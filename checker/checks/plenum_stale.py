"""term/plenum-stale: the guiding sentence stops at a plenum older than the latest one held in the year.

Reports open with a formula ("全面贯彻党的二十大和二十届二中全会精神") that offices copy from the
year before; a report on 2024 that still stops at 二中 was not brought up to date, since 三中
met in July 2024. Only that formula is judged: the congress and the plenum list of the same
congress in one clause with 精神 (a sentence on what one plenum decided is no guidance formula),
and only with its verb (``guidance``, 贯彻) and none of the words of a reported event
(``activity``: 传达学习…精神 in March 2024 was current then). It is judged against the plenums
held by 31 December of the report year, or by the date the text was written when it says one
inside the year (its signing date, or a date on a line of its own) (one that met early in Y+1 may be cited, need not be). A plenum list inside 《》
is a title, and a report on part of the year (上半年, 前三季度) is not judged. A list of an
earlier congress once a later one has met is term/outdated's (十九大 as current guidance).

```yaml
check: plenum_stale
params: {plenums: {lexicon: plenums}, guidance: 贯彻, activity: "传达|宣讲|专题|讲座|培训"}
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..diagnostics import Finding
from ..offsets import Span
from ..text.clauses import clause
from ..text.dates import parse_date, render_date
from ..text.plenums import rank
from .base import Check, Regex, plenum_table


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``plenum_stale`` check (validated by Check.compile)."""

    plenums: tuple[Any, ...] = ()
    guidance: Regex = re.compile("贯彻")  # the formula's verb: the clause must have it
    activity: Regex | None = None  # words of a reported event (传达学习…精神): not the formula
    table: Any = field(default=None, repr=False)


class PlenumStaleCheck(Check):
    name = "plenum_stale"
    default_scope = "body"
    Params = Params
    messages = {"default": ("cited", "latest", "held", "year")}

    @classmethod
    def validate(cls, params: Params) -> None:
        object.__setattr__(params, "table", plenum_table(params.plenums))

    def run(self, view):
        doc, facts = view.doc, view.facts
        year = facts.year
        if not year or "全会" not in doc.text or _part_year(doc):
            return
        by, table = _written_by(doc, year, facts.signature_date), self.params.table
        for line in view.lines:
            for m, cited in table.lists(line.text):
                congress = m.group(1)
                if line.text.count("《", 0, m.start()) > line.text.count("》", 0, m.start()):
                    continue  # a cited title (《关于学习贯彻…二中全会精神的实施方案》) is a name, not the formula
                a, b = clause(line.text, m.start(), m.end())
                before = line.text[a:m.start()]
                if "精神" not in line.text[m.end():b] or f"{congress}大" not in before \
                        or not self.params.guidance.search(before) \
                        or (self.params.activity and self.params.activity.search(line.text[a:b])):
                    continue
                latest = table.latest(congress, by)
                newest = max((c.session for c in cited), key=rank)
                if latest is None or rank(latest) <= rank(newest) or table.later_congress_met(congress, by):
                    continue
                held = table.held[latest]
                yield Finding(Span(line.start + m.start(), line.start + m.end()), values={
                    "cited": f"{newest}全会", "latest": f"{latest}全会",
                    "held": render_date(held.year, held.month, held.day), "year": year,
                })


def _written_by(doc, year: int, signed: date | None) -> date:
    """31 December of the report year, or an earlier date the text was written by: its signing
    date, or a date standing on a line of its own (a notice dated 2020年7月8日 under its title)."""
    dated = [signed] if signed else []
    for line in doc.lines:
        text = line.content
        if 8 <= len(text) <= 12 and text[0].isdigit() and (written := parse_date(text)) is not None \
                and written.text == text and written.year == year and (day := written.as_date()):
            dated.append(day)
    inside = [d for d in dated if d.year == year]
    return max(inside) if inside else date(year, 12, 31)


def _part_year(doc) -> bool:
    """A report on part of the year (上半年, 前三季度): its formula is dated by that period, not by 31 December."""
    title = "".join(line.content for line in doc.title) if doc.title else ""
    return any(word in title for word in _PART_YEAR)


_PART_YEAR = ("上半年", "半年", "季度", "1—6月", "1-6月", "前三")
