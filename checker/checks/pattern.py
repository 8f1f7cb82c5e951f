"""A data-driven check: listed patterns that are wrong where they appear, with an optional fix.

Each entry is a regular expression with what to write instead, a note, an optional severity and
an ``unless`` whitelist: a match that overlaps a whitelist match on the same line is not reported
(法制审核 stays silent while 法制宣传 is flagged). Most term/* and format/* rules are this check.

```yaml
check: pattern
scope: body              # a rule field: all | body | title | headings | signature | part:<id>
params:
  view: normalized       # or original: the file as written (punctuation width), only Traditional→Simplified
  entries:
    - match: "法制(宣传|教育)"
      replace: '法治\\1'   # shown as {expected}; also the fix when fix: true
      note: "指依法治理时应写“法治”"
      unless: "法制(审核|审查|机构)"
      severity: warning
      fix: true
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from ..diagnostics import Edit, Finding, Fix, Severity
from ..document.normalize import simplify
from ..text.regexes import LazyRegex, validating
from ..offsets import Span
from .base import Check, ParamError, entry_mapping


@dataclass(frozen=True)
class Entry:
    """One compiled pattern entry: what to match, what to suggest, where it applies."""

    match: LazyRegex  # compiled only for a text that holds one of its anchors (regexes.py)
    replace: str | None
    note: str
    unless: LazyRegex | None
    severity: Severity | None
    fix: bool
    safe: bool
    years: tuple[int | None, int | None]  # report years the entry applies to (inclusive)


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``pattern`` check (validated by Check.compile)."""

    entries: tuple[Any, ...]
    view: str = "normalized"
    unless: str | None = None
    compiled: tuple[Entry, ...] = field(default=(), repr=False)


class PatternCheck(Check):
    name = "pattern"
    default_scope = "body"
    Params = Params
    messages = {"default": ("match", "expected", "note")}
    fixable = True

    @classmethod
    def validate(cls, params: Params) -> None:
        if params.view not in ("normalized", "original"):
            raise ParamError("'view' must be normalized or original")
        entries = tuple(_entry(i, raw, params.unless) for i, raw in enumerate(params.entries))
        object.__setattr__(params, "compiled", entries)

    def can_fix(self) -> bool:
        """Only entries with ``fix: true`` and a replacement offer a fix."""
        return any(e.fix and e.replace is not None for e in self.params.compiled)

    def run(self, view) -> Iterator[Finding]:
        doc, facts = view.doc, view.facts
        original = self.params.view == "original"
        for line in view.lines:
            text = simplify(doc.original(line.span), doc.norm.script) if original else line.text
            base = doc.norm.map.start(line.start) if original else line.start
            for entry in self.params.compiled:
                # anchors first: most entries occur in no line, and a generator costs more than this test
                if entry.match.might_match(text) and _year_applies(entry, facts.year):
                    yield from _matches(entry, text, base, original)


def _matches(entry: Entry, text: str, base: int, original: bool) -> Iterator[Finding]:
    allowed: list[tuple[int, int]] | None = None  # the whitelist, computed only once a match needs it
    for m in entry.match.finditer(text):
        if m.end() == m.start():
            continue
        if allowed is None:
            allowed = [u.span() for u in entry.unless.finditer(text)] if entry.unless else []
        if any(a < m.end() and m.start() < b for a, b in allowed):
            continue
        expected = m.expand(entry.replace) if entry.replace is not None else ""
        span = Span(base + m.start(), base + m.end())
        fix = None
        if entry.fix and entry.replace is not None:
            fix = Fix(f"改为“{expected}”" if expected else "删除", (Edit(span, expected),), safe=entry.safe)
        values = {"match": m.group(), "expected": expected, "note": entry.note}
        yield Finding(span, values=values, fix=fix, severity=entry.severity, original=original)


def _year_applies(entry: Entry, year: int | None) -> bool:
    low, high = entry.years
    if low is None and high is None:
        return True
    if year is None:
        return False
    return (low is None or year >= low) and (high is None or year <= high)


_ENTRY_KEYS = {"match", "replace", "note", "unless", "severity", "fix", "safe", "from_year", "until_year"}


def _entry(index: int, raw: Any, shared_unless: str | None) -> Entry:
    where = f"entries[{index}]"
    raw = entry_mapping(where, raw, _ENTRY_KEYS)
    unless = "|".join(f"(?:{u})" for u in (raw.get("unless"), shared_unless) if u)
    try:
        severity = Severity.parse(raw["severity"]) if raw.get("severity") else None
    except KeyError:
        raise ParamError(f"'{where}.severity' must be error, warning or info") from None
    try:
        if validating():  # compiled again lazily where it is needed
            match = re.compile(raw["match"])
            if unless:
                re.compile(unless)
            if raw.get("replace") is not None:
                match.sub(raw["replace"], "")  # reject bad group references now, not mid-report
    except (re.error, TypeError) as err:
        raise ParamError(f"'{where}' is not a valid regular expression or replacement: {err}") from None
    return Entry(
        match=LazyRegex(raw["match"]),
        replace=raw.get("replace"),
        note=str(raw.get("note", "")),
        unless=LazyRegex(unless) if unless else None,
        severity=severity,
        fix=bool(raw.get("fix", False)),
        safe=bool(raw.get("safe", True)),
        years=(raw.get("from_year"), raw.get("until_year")),
    )
