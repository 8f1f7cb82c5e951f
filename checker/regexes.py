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
    """The literal starts of the top-level alternatives, or () when any alternative has none."""
    found = []
    for branch in _top_level_branches(pattern):
        prefix = literal_prefix(branch)
        if not prefix:
            return ()
        found.append(prefix)
    return tuple(found)


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
