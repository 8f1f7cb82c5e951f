"""numeric/year-mismatch: the title, the opening and the plan part must agree on the report year Y.

The title and the opening sentence name Y; the plan part is about Y+1 (《法治政府建设与责任落实
督察工作规定》: 上一年度情况, 下一年度安排). A plan headed "2023年工作计划" in a report on 2023 is
last year's plan copied forward. Only the plan heading and its opening year phrase are judged, never
years the plan mentions in passing, and each on its own: a right heading does not excuse an opening
"2025年，我镇将…" (half-updated copy), nor an undated heading a wrong opening. When title and opening
disagree, a plan fitting either is left alone: the title/opening finding already points at the slip.
An achievements heading that names another year than Y (一、2024年法治政府建设基本情况 in a report on
2025) is last year's text too; a period (2021—2025年), 2018年以来 or a cited title is no such year.

```yaml
check: year_consistency
```
"""

from __future__ import annotations

import re

from ..diagnostics import Finding
from ..analysis.year import SOURCE_NAMES, opening_year_mention
from ..offsets import Span
from ..analysis.plan import firm_year
from ..text.dates import plain_years
from .base import Check

_VALUES = ("found", "expected", "year", "source")


class YearConsistencyCheck(Check):
    name = "year_consistency"
    messages = {"opening": _VALUES, "title": _VALUES, "plan_heading": _VALUES, "plan_opening": _VALUES,
                "achievements_heading": _VALUES}

    def run(self, view):
        doc, facts = view.doc, view.facts
        yield from _title_vs_opening(doc, facts)
        yield from _plan(view.analysis.plan, facts)
        yield from _achievements(facts)


def _achievements(facts):
    """A heading of the achievements part that names only other years than the report year."""
    year = firm_year(facts)
    if year is None:
        return
    accepted = {y for y in (year, facts.title_year, facts.opening_year) if y}
    values = {"expected": year, "year": year, "source": SOURCE_NAMES.get(facts.year_source, "")}
    for section in facts.sections_of("achievements"):
        heading = section.heading
        years = plain_years(heading.title_text)
        if years and not accepted & {m.year for m in years} and all(m.year <= year + 1 for m in years):
            span = Span(heading.title.start + years[0].start, heading.title.start + years[0].end)
            yield Finding(span, "achievements_heading", {**values, "found": years[0].year})


def _title_vs_opening(doc, facts):
    if facts.title_year is None or facts.opening_year is None or facts.title_year == facts.opening_year:
        return
    mention = opening_year_mention(doc)
    if mention is None or not mention[2]:
        return  # a year met in passing is no evidence against the title
    if facts.year == facts.opening_year and doc.title:
        # The body or the plan sides with the opening (facts.derive): the title is the slip.
        values = {"found": facts.title_year, "expected": facts.opening_year, "year": facts.opening_year,
                  "source": _evidence(facts.year_support)}
        yield Finding(_title_year_span(doc, facts.title_year), "title", values)
        return
    values = {"found": facts.opening_year, "expected": facts.title_year, "year": facts.title_year, "source": "标题"}
    yield Finding(mention[1], "opening", values)


def _plan(plan, facts):
    """The plan heading and the plan's forward-looking opening, each judged on its own."""
    year = firm_year(facts)
    if plan is None or year is None:
        return
    accepted = {year + 1}
    if facts.title_year and facts.opening_year:
        accepted |= {facts.title_year + 1, facts.opening_year + 1}
    values = {"expected": year + 1, "year": year, "source": SOURCE_NAMES.get(facts.year_source, "")}
    named = {m.year for m in plan.heading_years}
    if named and not accepted & named:
        wrong = plan.heading_years[0]
        yield Finding(_span(wrong), "plan_heading", {**values, "found": wrong.year})
    elif named:
        accepted |= named  # a right heading vouches for every year it names (2024年及2025年)
    elif plan.heading_dated:
        return  # a period heads the plan (2024—2025年): its opening may start with any of its years
    if plan.opening is not None and plan.opening_forward and plan.opening.year not in accepted:
        yield Finding(_span(plan.opening), "plan_opening", {**values, "found": plan.opening.year})


def _span(mention) -> Span:
    return Span(mention.start, mention.end)


_EVIDENCE = {"body": "正文", "plan": "工作安排部分"}


def _evidence(support: tuple[str, ...]) -> str:
    """"开头", "开头和正文", "开头、正文和工作安排部分": only what names the year does."""
    names = ["开头", *(_EVIDENCE[s] for s in support if s in _EVIDENCE)]
    return names[0] if len(names) == 1 else "、".join(names[:-1]) + "和" + names[-1]


def _title_year_span(doc, year: int) -> Span:
    """The title's year as written (2023年度), or the whole title when it cannot be found."""
    pattern = re.compile(rf"(?<![0-9]){year}\s*(?:年度|年)?")
    for line in doc.title:
        m = pattern.search(doc.text, line.start, line.end)
        if m:
            return Span(m.start(), m.end())
    return Span(doc.title[0].start, doc.title[-1].end)
