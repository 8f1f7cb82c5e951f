"""Regular expressions from rulesets, compiled on first use and skipped by a literal prefilter.

A run compiles every pattern it touches, and `re` needs about 1 ms for a pattern with a class of
Chinese characters. Most entries of a data-driven rule (a dated term, a misused phrase) never
occur in a given report, so a LazyRegex keeps the source text, knows the literal text every match
must contain ("anchors": per top-level alternative a literal, or the characters of a small
class), and compiles only when a text contains one of them. Pickled (the compiled-ruleset cache)
it is its source and anchors. Module-level patterns that run on every sentence use the same
anchors to skip a scan that cannot match (numbers.py).
"""

from __future__ import annotations

import re
from typing import Any

_META = set(".^$*+?{}[]|()\\")


class LazyRegex:
    """Behaves like the compiled pattern (search, finditer, sub, .pattern …), compiled when first used."""

    __slots__ = ("pattern", "flags", "anchors", "_compiled")

    def __init__(self, pattern: str, flags: int = 0, known_anchors: tuple[str, ...] | None = None) -> None:
        self.pattern = pattern
        self.flags = flags
        if known_anchors is not None:  # from the pickle: computing them again is start-up time
            self.anchors = known_anchors
        else:
            self.anchors = anchors(pattern) if not flags & (re.IGNORECASE | re.VERBOSE) else ()
        self._compiled: re.Pattern | None = None

    @property
    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def might_match(self, text: str) -> bool:
        """False only when no match is possible: none of the anchors occurs in ``text``."""
        for anchor in self.anchors:  # a plain loop: this runs for every line and entry
            if anchor in text:
                return True
        return not self.anchors

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)

    def __reduce__(self):
        return (LazyRegex, (self.pattern, self.flags, self.anchors))

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern!r})"


def anchors(pattern: str) -> tuple[str, ...]:
    """Texts of which every match contains at least one; () when unsure (then always try the pattern).

    Each top-level alternative gives its longest required literal, or else the characters of a
    small required class ([·•・]); a pattern with a global case-insensitive or verbose inline flag
    has none.
    """
    if _INLINE_FLAGS.match(pattern):
        return ()
    found: list[str] = []
    for branch in _top_level_branches(pattern):
        required = _required(branch)
        if not required:
            return ()
        found.extend(a for a in required if a not in found)
    return tuple(found)


_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux]*[ix]")
_SMALL_CLASS = 8  # a required class of more characters is no cheaper to test than the pattern


def _required(branch: str) -> tuple[str, ...]:
    """The longest run of plain characters outside any group or class that a match must contain,
    or, without one, the characters of the first small required class.

    Groups (also lookarounds), classes and escapes such as \\d end a run (\\. is a literal dot);
    a character or class followed by a quantifier that allows zero (? * {0,n}) is not required,
    one followed by + or {2,} is.
    """
    best, run, depth, i = "", [], 0, 0
    chars: tuple[str, ...] = ()
    while i < len(branch):
        literal, width = _literal_at(branch, i) if depth == 0 else (None, 0)
        if literal is not None:
            run.append(literal)
            i += width
            continue
        if depth == 0 and run and _optional(branch, i):
            run.pop()
        best = max(best, "".join(run), key=len)
        run = []
        i, depth, chars = _past_meta(branch, i, depth, chars)
    best = max(best, "".join(run), key=len)
    return (best,) if best else chars


def _literal_at(branch: str, i: int) -> tuple[str | None, int]:
    """The plain character at ``i`` (\\. \\( \\" stand for the character itself) and its width
    in the pattern; (None, 0) at a metacharacter."""
    ch = branch[i]
    if ch not in _META:
        return ch, 1
    if ch == "\\" and _escaped_literal(branch[i + 1:i + 2]):
        return branch[i + 1], 2
    return None, 0


def _past_meta(branch: str, i: int, depth: int, chars: tuple[str, ...]) -> tuple[int, int, tuple[str, ...]]:
    """Step over the metacharacter at ``i`` (an escape, a class, a {m,n} or a parenthesis): the next
    index, the group depth after it, and the first small required class seen at the top level."""
    ch = branch[i]
    if ch == "\\":
        return i + 2, depth, chars
    if ch == "[":
        end = _class_end(branch, i)
        if depth == 0 and not chars and not _optional(branch, end):
            chars = _plain_class(branch[i + 1:end - 1])
        return end, depth, chars
    if ch == "{":
        close = branch.find("}", i)
        return (close + 1 if close > 0 else len(branch)), depth, chars
    return i + 1, depth + (ch == "(") - (ch == ")"), chars


_REPEAT = re.compile(r"\{(\d*)(?:,\d*)?\}")


def _optional(pattern: str, at: int) -> bool:
    """Whether the quantifier at ``at`` (if any) lets what precedes it occur zero times."""
    ch = pattern[at:at + 1]
    if ch in ("?", "*"):
        return True
    if ch != "{":
        return False
    repeat = _REPEAT.match(pattern, at)
    return repeat is None or not repeat.group(1) or int(repeat.group(1)) == 0


def _escaped_literal(ch: str) -> bool:
    """After a backslash, punctuation is itself; letters and digits are classes or references."""
    return bool(ch) and not (ch.isascii() and ch.isalnum())


def _plain_class(body: str) -> tuple[str, ...]:
    """The characters of a class body listing plain characters only; () for ranges, escapes, negation.
    A - first or last is itself ([—_-]), elsewhere a range."""
    if not body or len(body) > _SMALL_CLASS or body[0] == "^" or any(c in "\\[" for c in body) or "-" in body[1:-1]:
        return ()
    return tuple(dict.fromkeys(body))


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
