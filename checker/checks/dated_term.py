"""Terms with dates: a congress, plenum, doctrine, plan, law or body name that did not exist yet, or
that was superseded, at the time the report speaks of.

A report on year Y is written by its signing date D (when the signature gives no usable date,
the end of the first quarter of Y+1 is assumed: the filing deadline). A term is judged twice:

- ``not_yet``: D (or that assumed date) lies before the term's ``from`` date: the writer could not
  have cited it, so the text was copied from a later report or the year is wrong;
- ``stale`` / ``renamed`` / ``retired``: the term was superseded by ``stale_from`` (compared with
  the last day of Y, or with D when ``by: signature``) and the report uses it as current. The kind
  only chooses the wording: a superseded basis (stale, a warning by default), a body renamed in a
  reform (renamed, "原…" may mark the old body), a campaign or name that is no longer current
  (retired: 新冠肺炎, 扫黑除恶专项斗争; the writer may date it instead). A clause that marks
  history (the shared ``past`` regex: 以来, 期间, 收官, 原…) is left alone, as is an entry's own
  ``unless`` clause regex (十九大 listed with 二十大 in one clause) and a document matching
  ``unless_document``. Each mention is judged by its own clause: a copied preamble that still
  "全面贯彻党的十九大精神" is stale even when 二十大 appears elsewhere.
  An entry with ``plan_ok`` may be named ahead in the plan part, which speaks of Y+1. In the plan
  part a term superseded before Y+1 is not excused by review words (总结, 验收, 收官: a 2026 plan
  that still "做好七五普法总结验收" is stale); only ``plan_past`` words (以来, 期间, 原…) are history.

Plenum lists (十九届四中、五中全会) are expanded and each plenum is dated from ``plenums`` (the
lexicon rulesets/lexicons/plenums.yaml): the congress numerals come from its sessions.
The table lives in YAML, so a new law or plenum is a data edit:

```yaml
check: dated_term
params:
  past: "以来|期间|收官"
  future: "迎接|喜迎|即将召开"
  plenums: [{session: 十九届六中, date: 2021-11-08}]
  terms:
    - name: 党的二十大
      match: "(?:党的)?二十大(?![项类])"
      from: 2022-10-16
      fact: 党的二十大于2022年10月16日开幕
    - name: 《信访条例》
      match: "《信访条例》"
      stale_from: 2022-05-01
      current: 《信访工作条例》
      note: 《信访工作条例》自2022年5月1日起施行，取代2005年《信访条例》
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterator

from ..diagnostics import Finding, Severity
from ..offsets import Span
from ..text.regexes import LazyRegex, validate
from .base import Check, ParamError, entry_mapping, plenum_table
from ..text.clauses import clause
from ..text.dates import render_date
from ..text.plenums import Plenums

@dataclass(frozen=True)
class Term:
    """One dated term: its pattern and the period in which it is current."""

    name: str
    match: LazyRegex  # compiled only for a line that holds one of its anchors
    unless: LazyRegex | None
    unless_document: LazyRegex | None
    since: date | None  # the first day the term can be cited
    stale_from: date | None
    by_signature: bool
    kind: str  # stale | renamed | retired
    current: str
    note: str
    fact: str
    plan_ok: bool  # may be named ahead in the plan part (the 八五 period was known before its plan came out)
    severity: Severity  # of stale/renamed/retired findings; not_yet findings take the rule's severity


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``dated_term`` check (validated by Check.compile)."""

    terms: tuple[Any, ...]
    past: str = ""
    plan_past: str = ""  # past words that still mark history inside the plan part
    future: str = ""
    plenums: tuple[Any, ...] = ()
    compiled: tuple[Term, ...] = field(default=(), repr=False)
    past_re: Any = field(default=None, repr=False)
    plan_past_re: Any = field(default=None, repr=False)
    future_re: Any = field(default=None, repr=False)
    plenum_table: Any = field(default=None, repr=False)


class DatedTermCheck(Check):
    name = "dated_term"
    default_scope = "body"
    Params = Params
    messages = {
        "not_yet": ("match", "term", "fact", "year", "written"),
        "stale": ("match", "term", "year", "current", "note"),
        "renamed": ("match", "term", "year", "current", "note"),
        "retired": ("match", "term", "year", "current", "note"),
    }

    @classmethod
    def validate(cls, params: Params) -> None:
        terms = tuple(_term(i, raw) for i, raw in enumerate(params.terms))
        object.__setattr__(params, "compiled", terms)
        object.__setattr__(params, "past_re", _regex("past", params.past))
        object.__setattr__(params, "plan_past_re", _regex("plan_past", params.plan_past))
        object.__setattr__(params, "future_re", _regex("future", params.future))
        object.__setattr__(params, "plenum_table", plenum_table(params.plenums))

    def run(self, view) -> Iterator[Finding]:
        doc, facts = view.doc, view.facts
        year = facts.year
        if not year:
            return
        written, assumed = written_by(year, facts.signature_date)
        when = f"落款日期{render_date(written.year, written.month, written.day)}" if not assumed else f"按{year + 1}年一季度末成文计"
        terms = [t for t in self.params.compiled if t.match.might_match(doc.text)
                 and not (t.unless_document and t.unless_document.search(doc.text))]
        for line in view.lines:
            for term in terms:
                if not term.match.might_match(line.text):
                    continue
                for m in term.match.finditer(line.text):
                    in_plan = facts.part_at(line.start + m.start()) == "next_year"
                    found = self._judge(term, line.text, m, year, written, in_plan)
                    if found:
                        kind, severity = found
                        yield _finding(line, m, term, kind, severity, year, when)
            yield from self._plenums(line, year, written, when)

    def _judge(self, term: Term, text: str, m: re.Match, year: int, written: date, in_plan: bool = False):
        a, b = clause(text, m.start(), m.end())
        context = text[a:b]
        if term.unless and term.unless.search(context):
            return None
        if term.since and written < term.since:
            if in_plan and term.plan_ok:
                return None
            if self.params.future_re and self.params.future_re.search(context):
                return None  # 迎接党的二十大: an announced event, not a cited one
            return "not_yet", None
        if term.stale_from and (written if term.by_signature else date(year, 12, 31)) >= term.stale_from:
            late = in_plan and term.stale_from < date(year + 1, 1, 1)  # a plan for Y+1 reviews nothing this old
            past = self.params.plan_past_re if late else self.params.past_re
            if _historical(text[a:m.start()], context, past):
                return None
            return term.kind, term.severity
        return None

    def _plenums(self, line, year: int, written: date, when: str) -> Iterator[Finding]:
        table: Plenums = self.params.plenum_table
        for _, cited in table.lists(line.text):
            for plenum in cited:
                held = table.held.get(plenum.session)
                if held and written < held:
                    span = Span(line.start + plenum.start, line.start + plenum.end)
                    values = {"match": plenum.session + "全会", "term": plenum.session + "全会",
                              "fact": f"{plenum.session}全会于{render_date(held.year, held.month, held.day)}召开",
                              "year": year, "written": when}
                    yield Finding(span, "not_yet", values)


def written_by(year: int, signed: date | None) -> tuple[date, bool]:
    """The date the report was written by, and whether it is assumed (no usable signing date)."""
    if signed is not None and year <= signed.year <= year + 1:
        return signed, False
    return date(year + 1, 3, 31), True


def _historical(before: str, context: str, past: re.Pattern | None) -> bool:
    if re.search(r"原[^，。；、]{0,3}$", before):
        return True  # 原安监局, 原县法制办
    return bool(past and past.search(context))


def _finding(line, m, term: Term, kind: str, severity, year: int, when: str) -> Finding:
    values = {"match": m.group(), "term": term.name, "fact": term.fact, "year": year, "written": when,
              "current": term.current, "note": term.note}
    return Finding(Span(line.start + m.start(), line.start + m.end()), kind, values, severity=severity)




_KINDS = ("stale", "renamed", "retired")
_TERM_KEYS = {"name", "match", "unless", "unless_document", "from", "stale_from", "by", "kind", "current",
              "note", "fact", "severity", "plan_ok"}


def _term(index: int, raw: Any) -> Term:
    where = f"terms[{index}]"
    raw = entry_mapping(where, raw, _TERM_KEYS, required=("name", "match"))
    if "from" not in raw and "stale_from" not in raw:
        raise ParamError(f"'{where}' needs 'from' or 'stale_from'")
    if raw.get("by", "year") not in ("year", "signature") or raw.get("kind", "stale") not in _KINDS:
        raise ParamError(f"'{where}': 'by' must be year|signature and 'kind' {'|'.join(_KINDS)}")
    try:
        default = "info" if raw.get("kind") in ("renamed", "retired") else "warning"
        severity = Severity.parse(raw.get("severity") or default)
    except KeyError:
        raise ParamError(f"'{where}.severity' must be error, warning or info") from None
    return Term(
        name=str(raw["name"]),
        match=_regex(f"{where}.match", raw["match"]),
        unless=_regex(f"{where}.unless", raw.get("unless")),
        unless_document=_regex(f"{where}.unless_document", raw.get("unless_document")),
        since=_date(f"{where}.from", raw["from"]) if "from" in raw else None,
        stale_from=_date(f"{where}.stale_from", raw["stale_from"]) if "stale_from" in raw else None,
        by_signature=raw.get("by") == "signature",
        kind=raw.get("kind", "stale"),
        current=str(raw.get("current", "")),
        note=str(raw.get("note", "")),
        fact=str(raw.get("fact", "")),
        plan_ok=bool(raw.get("plan_ok", False)),
        severity=severity,
    )


def _regex(where: str, value: Any) -> LazyRegex | None:
    if not value:
        return None
    try:
        validate(str(value))
    except re.error as err:
        raise ParamError(f"'{where}' is not a valid regular expression: {err}") from None
    return LazyRegex(str(value))


def _date(where: str, value: Any) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ParamError(f"'{where}' must be a date YYYY-MM-DD, not {value!r}") from None
