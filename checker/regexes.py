"""Regular expressions from rulesets, compiled on first use and skipped by a literal prefilter.

A run compiles every pattern it touches, and `re` needs about 1 ms for a pattern with a class of
Chinese characters. Most entries of a data-driven rule (a dated term, a misused phrase) never
occur in a given report, so a LazyRegex keeps the source text, knows the literal text every match
must begin with ("anchors", one per top-level alternative), and compiles only when a text
contains one of them. Pickled (the compiled-ruleset cache) it is just its source.
"""

from __future__ import annotations

import re
from typing import Any

_META = set(".^$*+?{}[]|()\\")


class LazyRegex:
    """Behaves like the compiled pattern (search, finditer, sub, .pattern …), compiled when first used."""

    __slots__ = ("pattern", "flags", "anchors", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self.anchors = anchors(pattern) if not flags & re.IGNORECASE else ()
        self._compiled: re.Pattern | None = None

    @property
    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def might_match(self, text: str) -> bool:
        """False only when no match is possible: none of the anchors occurs in ``text``."""
        return not self.anchors or any(anchor in text for anchor in self.anchors)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)

    def __reduce__(self):
        return (LazyRegex, (self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern!r})"


def anchors(pattern: str) -> tuple[str, ...]:
    """One literal per top-level alternative that every match of it contains; () when unsure."""
    found = []
    for branch in _top_level_branches(pattern):
        literal = required_literal(branch)
        if not literal:
            return ()
        found.append(literal)
    return tuple(found)


def required_literal(branch: str) -> str:
    """The longest run of plain characters outside any group or class that a match must contain.

    Groups (also lookarounds), classes and escapes end a run; a character followed by a quantifier
    that allows zero (? * {) is dropped, one followed by + ends the run after it.
    """
    best, run, depth, i = "", [], 0, 0
    while i < len(branch):
        ch = branch[i]
        if depth == 0 and ch not in _META:
            run.append(ch)
            i += 1
            continue
        if depth == 0 and ch in "?*{" and run:
            run.pop()
        best = max(best, "".join(run), key=len)
        run = []
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(branch, i)
            continue
        if ch == "{":
            close = branch.find("}", i)
            i = close + 1 if close > 0 else len(branch)
            continue
        depth += ch == "("
        depth -= ch == ")"
        i += 1
    return max(best, "".join(run), key=len)


def _class_end(pattern: str, start: int) -> int:
    """Index just past the character class that opens at ``start``."""
    i = start + 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def literal_prefix(pattern: str) -> str:
    """The literal text every match of a single-branch ``pattern`` begins with, or "" when unsure.

    Conservative: a leading group, class or escape gives "", and a literal followed by an
    optional quantifier (* ? {) is dropped.
    """
    prefix: list[str] = []
    for ch in pattern:
        if ch in _META:
            if ch in "*?{" and prefix:
                prefix.pop()
            break
        prefix.append(ch)
    return "".join(prefix)


def _top_level_branches(pattern: str) -> list[str]:
    branches, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches
