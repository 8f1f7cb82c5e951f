"""Relative time words (今年, 去年, 截至目前) in a report that is read in the following year.

A report on year Y is filed and read in Y+1, and published for years after: "今年" is read as Y+1
by then, "截至目前" has no date at all. Each entry names the words (look-alikes such as 如今年轻 or
项目前期 are excluded by the entry's regex) and the explicit text to write instead, as a template
over {year} (Y), {next} (Y+1) and {prev} (Y-1); ``expected_in_plan`` is used inside the plan part,
which speaks of Y+1 (there "今年" means Y+1). Words inside a quoted title or quotation (《…》, “…”)
belong to what is quoted and are left alone.

```yaml
check: relative_time
params:
  entries:
    - match: "今年以来"
      expected: "{year}年以来"
    - match: "(?<!如)今年(?!轻)"
      expected: "{year}年"
      expected_in_plan: "{next}年"
    - match: "去年"          # no expected: the year it means depends on when it was written
    - match: "目前"
      severity: info
```
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from ..diagnostics import Finding, Severity
from ..offsets import Span
from ..text.regexes import LazyRegex
from .base import Check, ParamError, entry_mapping
from ..text.clauses import quoted


@dataclass(frozen=True)
class Entry:
    """One relative-time expression and the dated wording to suggest for it."""

    match: LazyRegex  # compiled only for a line that holds one of its anchors
    expected: str
    expected_in_plan: str
    severity: Severity | None


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``relative_time`` check (validated by Check.compile)."""

    entries: tuple[Any, ...]
    skip_quoted: bool = True
    compiled: tuple[Entry, ...] = field(default=(), repr=False)


class RelativeTimeCheck(Check):
    name = "relative_time"
    default_scope = "body"
    Params = Params
    messages = {"default": ("match", "expected", "read_year"), "undated": ("match", "read_year")}

    @classmethod
    def validate(cls, params: Params) -> None:
        object.__setattr__(params, "compiled", tuple(_entry(i, raw) for i, raw in enumerate(params.entries)))

    def run(self, view) -> Iterator[Finding]:
        doc, facts = view.doc, view.facts
        for line in view.lines:
            taken: list[tuple[int, int]] = []  # sorted and disjoint: one bisection per match
            for entry in self.params.compiled:
                if not entry.match.might_match(line.text):
                    continue
                for m in entry.match.finditer(line.text):
                    if _overlaps(taken, m.start(), m.end()):
                        continue  # 今年以来 already reported; 今年 inside it is the same word
                    if self.params.skip_quoted and quoted(line.text, m.start()):
                        continue
                    bisect.insort(taken, m.span())
                    yield self._finding(entry, line, m, facts)

    def _finding(self, entry: Entry, line, m: re.Match, facts) -> Finding:
        span = Span(line.start + m.start(), line.start + m.end())
        year = facts.year
        in_plan = facts.part_at(span.start) == "next_year"
        template = entry.expected_in_plan if in_plan and entry.expected_in_plan else entry.expected
        read_year = f"{year + 1}年" if year else "次年"
        if not template or not year:
            return Finding(span, "undated", {"match": m.group(), "read_year": read_year}, severity=entry.severity)
        expected = template.format(year=year, next=year + 1, prev=year - 1)
        values = {"match": m.group(), "expected": expected, "read_year": read_year}
        return Finding(span, "default", values, severity=entry.severity)


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    at = bisect.bisect_left(taken, (start, end))
    return (at > 0 and taken[at - 1][1] > start) or (at < len(taken) and taken[at][0] < end)


_KEYS = {"match", "expected", "expected_in_plan", "severity"}


def _entry(index: int, raw: Any) -> Entry:
    where = f"entries[{index}]"
    raw = entry_mapping(where, raw, _KEYS)
    try:
        re.compile(raw["match"])  # a bad pattern is a ruleset error now, not at first use
        match = LazyRegex(raw["match"])
        severity = Severity.parse(raw["severity"]) if raw.get("severity") else None
        for key in ("expected", "expected_in_plan"):
            str(raw.get(key, "")).format(year=1, next=2, prev=0)
    except re.error as err:
        raise ParamError(f"'{where}.match' is not a valid regular expression: {err}") from None
    except KeyError as err:
        raise ParamError(f"'{where}': unknown name {err} (severity: error|warning|info; templates: {{year}} {{next}} {{prev}})") from None
    except (ValueError, IndexError) as err:
        raise ParamError(f"'{where}': bad template: {err}") from None
    return Entry(match, str(raw.get("expected", "")), str(raw.get("expected_in_plan", "")), severity)
