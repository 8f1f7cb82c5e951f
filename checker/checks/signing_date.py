"""date/*: the signing date (成文日期) checked against the report year Y and the filing deadlines.

One type serves several rules, each stating its window relative to Y in YAML:
``not_before: "+1-01-01"`` means (Y+1)-01-01; ``not_after`` maps the issuer level (facts.issuer_level:
provincial, prefecture, county, township, department, unknown) to a bound, ``default`` for the rest.
A date whose day is missing (2024年3月) fires only when every day of that month is out of the window.
``years`` limits a rule to dates in Y+k (so date/late stays silent on a year the out-of-range rule
reports); ``real`` reports dates that do not exist (2024年2月30日). ``from_year`` / ``until_year``
limit a rule to reports on Y ≥ from_year / Y < until_year: the 3月1日 and 4月1日 deadlines are the
2019 regulation's, reports on 2018 and before had the 2015 纲要's 第一季度. Y must come from the title,
the opening or the command line: a year guessed from the body is too weak to judge a date by.

```yaml
check: signing_date
params:
  not_after: {default: "+1-03-01", provincial: "+1-04-01"}
  years: [1]
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..text.dates import DateText, render_date
from ..diagnostics import Finding
from ..analysis.plan import firm_year
from ..analysis.year import SOURCE_NAMES
from .base import Check, ParamError

_BOUND = re.compile(r"^\+([0-9])-([0-9]{2})-([0-9]{2})$")
_VALUES = ("date", "date_year", "year", "next_year", "bound", "level", "source")


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``signing_date`` check (validated by Check.compile)."""

    real: bool = False
    not_before: str | None = None
    not_after: dict[str, str] | None = None
    years: tuple[int, ...] | None = (0, 1)
    from_year: int | None = None  # only reports on this year or later are judged
    until_year: int | None = None  # only reports on a year before this one are judged


class SigningDateCheck(Check):
    name = "signing_date"
    Params = Params
    messages = {"invalid": _VALUES, "early": _VALUES, "late": _VALUES}

    @classmethod
    def validate(cls, params: Params) -> None:
        bounds = [params.not_before] + list((params.not_after or {}).values())
        for bound in filter(None, bounds):
            if bound != "none" and not _BOUND.match(bound):
                raise ParamError(f"bound {bound!r} must look like '+1-03-01' (years after the report year, month, day)")
        if params.not_after and "default" not in params.not_after:
            raise ParamError("'not_after' needs a 'default' entry")

    def run(self, view):
        doc, facts = view.doc, view.facts
        written = view.analysis.signature_date
        if written is None:
            return
        where = doc.signature.date_span
        year = firm_year(facts)
        values = _values(written, facts, year)
        if not written.real:
            if self.params.real:
                yield Finding(where, "invalid", values)
            return
        if year is None or (self.params.years is not None and written.year - year not in self.params.years):
            return
        if (self.params.from_year and year < self.params.from_year) or (self.params.until_year and year >= self.params.until_year):
            return
        yield from self._window(where, written, year, facts.issuer_level, values)

    def _window(self, span, written: DateText, year: int, level: str, values: dict):
        p = self.params
        if p.not_before:
            bound = _bound(p.not_before, year)
            if written.latest() < bound:
                yield Finding(span, "early", {**values, "bound": render_date(bound.year, bound.month, bound.day)})
        limit = p.not_after.get(level, p.not_after["default"]) if p.not_after else "none"
        if limit != "none":  # "none": no deadline for this level (a township's disclosure report)
            bound = _bound(limit, year)
            if written.earliest() > bound:
                yield Finding(span, "late", {**values, "bound": render_date(bound.year, bound.month, bound.day)})


def _values(written: DateText, facts, year: int | None) -> dict:
    return {
        "date": written.text, "date_year": written.year, "year": year or "", "next_year": year + 1 if year else "",
        "level": facts.genre.level_label(facts.issuer_level), "source": SOURCE_NAMES.get(facts.year_source, ""),
        "bound": "",
    }


def _bound(text: str, year: int) -> date:
    offset, month, day = (int(g) for g in _BOUND.match(text).groups())
    return date(year + offset, month, day)
