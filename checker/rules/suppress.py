"""Suppression comments in .txt and .md reports, applied after the rules have run.

    <!-- fzlint-disable term/misuse,format -->   … <!-- fzlint-enable term/misuse,format -->
    <!-- fzlint-enable -->                        closes every open disable
    <!-- fzlint-disable-next-line term -->        the following line only
    <!-- fzlint-disable-file numeric/sum-mismatch -->

A selector is a rule id or a prefix of one (``term``); none means every rule. A comment
suppresses findings that START on a line it covers; a disable covers its own line up to its enable
(or the end of the file). Comments whose selectors suppressed nothing come back as "unused" Findings
for the ``meta/unused-suppression`` rule, but only for selectors that name a loaded rule: a rule
left out by --select cannot fire, so its comment is not known to be stale. The comments themselves
are masked out of the matching view by normalize.py, so no other rule sees them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .selection import matches
from ..diagnostics import Diagnostic, Finding
from ..document.normalize import FZLINT_COMMENT
from ..offsets import LineIndex, Span

ALL = "*"
KINDS = ("txt", "md")
_ACTIONS = {"disable": "disable", "enable": "enable", "disable-next-line": "next-line", "disable-file": "file"}
_SELECTOR = re.compile(r"^(?:[a-z0-9][a-z0-9-]*)(?:/[a-z0-9][a-z0-9-]*)?$")


@dataclass(frozen=True)
class Directive:
    """One fzlint comment in a report, as parsed."""

    action: str  # disable | enable | next-line | file | bad (not understood)
    selectors: tuple[str, ...]  # (ALL,) when the comment names no rule
    span: Span  # the comment, in original offsets
    line: int  # 1-based
    text: str


@dataclass
class _Range:
    """The lines one disable comment covers, for one selector."""

    directive: Directive
    selector: str
    first: int
    last: int
    used: bool = field(default=False)


def directives(text: str) -> list[Directive]:
    """Every ``<!-- fzlint… -->`` comment of ``text``, understood or not."""
    index = LineIndex(text)
    found = []
    for m in FZLINT_COMMENT.finditer(text):
        action, selectors = _parse(m.group("body"))
        found.append(Directive(action, selectors, Span(m.start(), m.end()), index.position(m.start())[0], m.group()))
    return found


def _parse(body: str) -> tuple[str, tuple[str, ...]]:
    words = body.strip().split(None, 1)
    action = _ACTIONS.get(words[0][1:] if words and words[0].startswith("-") else "", "bad")
    names = tuple(s for s in re.split(r"[\s,，]+", words[1] if len(words) > 1 else "") if s)
    if action == "bad" or not all(_SELECTOR.match(s) for s in names):
        return "bad", names
    return action, names or (ALL,)


def apply(found: list[Diagnostic], text: str, rule_ids: list[str]) -> tuple[list[Diagnostic], list[Finding]]:
    """Drop suppressed diagnostics; return the kept ones and Findings for stale or broken comments."""
    comments = directives(text)
    if not comments:
        return found, []
    ranges, problems = _ranges(comments, LineIndex(text).line_count)
    kept = []
    for d in found:
        if any(c.span.start <= d.start and d.end <= c.span.end for c in comments):
            continue  # a finding about the comment's own text
        hits = [r for r in ranges if r.first <= d.line <= r.last and (r.selector == ALL or matches(d.rule, (r.selector,)))]
        for r in hits:
            r.used = True
        if not hits:
            kept.append(d)
    return kept, problems + _unused(ranges, rule_ids)


def _ranges(comments: list[Directive], last_line: int) -> tuple[list[_Range], list[Finding]]:
    ranges: list[_Range] = []
    problems: list[Finding] = []
    open_: dict[str, _Range] = {}
    for c in comments:
        if c.action == "bad":
            problems.append(Finding(c.span, "malformed", {"comment": c.text}, original=True))
        elif c.action in ("file", "next-line"):
            first, last = (1, last_line) if c.action == "file" else (c.line + 1, c.line + 1)
            ranges.extend(_Range(c, s, first, last) for s in c.selectors)
        elif c.action == "disable":
            for s in c.selectors:
                open_.setdefault(s, _Range(c, s, c.line, last_line))
        else:
            closing = list(open_) if c.selectors == (ALL,) else list(c.selectors)
            if not closing or any(s not in open_ for s in closing):
                problems.append(Finding(c.span, "unmatched_enable", {"comment": c.text}, original=True))
            for s in closing:
                if s in open_:
                    r = open_.pop(s)
                    r.last = c.line
                    ranges.append(r)
    return ranges + list(open_.values()), problems


def _unused(ranges: list[_Range], rule_ids: list[str]) -> list[Finding]:
    """One Finding per comment listing its selectors that suppressed nothing (and could have)."""
    stale: dict[Directive, list[str]] = {}
    for r in ranges:
        could_fire = r.selector == ALL or any(matches(rid, (r.selector,)) for rid in rule_ids)
        if not r.used and could_fire:
            stale.setdefault(r.directive, []).append(r.selector)
    return [
        Finding(c.span, "unused", {"comment": c.text, "rules": "、".join("全部规则" if s == ALL else s for s in sels)}, original=True)
        for c, sels in stale.items()
    ]
