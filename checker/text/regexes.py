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
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Iterator

_META = set(".^$*+?{}[]|()\\")
_trusted = False


@contextmanager
def trusted() -> Iterator[None]:
    """Load the bundled rulesets without compiling each pattern just to validate it.

    Their patterns are compiled by the test suite (tests/test_rulecache.py loads every bundled
    ruleset validating); a rules-cache miss compiled ~400 of them only to throw them away, about
    100 ms of the first run after an install. A user's ruleset is always validated.
    """
    global _trusted
    before, _trusted = _trusted, True
    try:
        yield
    finally:
        _trusted = before


def validating() -> bool:
    """Whether patterns being loaded must be compiled now to report a mistake (see ``trusted``)."""
    return not _trusted


def validate(pattern: str, flags: int = 0) -> None:
    """Raise re.error when ``pattern`` does not compile (nothing is done inside ``trusted``)."""
    if not _trusted:
        re.compile(pattern, flags)


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


@lru_cache(maxsize=4096)  # a pure function of the text; a cache miss builds each genre's copy of a rule
def anchors(pattern: str) -> tuple[str, ...]:
    """Texts of which every match contains at least one; () when unsure (then always try the pattern).

    Each top-level alternative gives its longest required literal, or else the characters of a
    small required class ([·•・]); a pattern with a global case-insensitive or verbose inline flag
    has none.
    """
    if not _META_BUT_BAR.search(pattern):  # plain words, one or several: the common lexicon entry
        branches = pattern.split("|")
        return () if "" in branches else tuple(dict.fromkeys(branches))
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
_META_BUT_BAR = re.compile(r"[.^$*+?{}\[\]()\\]")
_NEXT_META = re.compile(r"[.^$*+?{}\[\]|()\\]")
_NEXT_INSIDE = re.compile(r"[\\\[(){]")  # what _past_meta acts on inside a group
_SMALL_CLASS = 8  # a required class of more characters is no cheaper to test than the pattern


def _required(branch: str) -> tuple[str, ...]:
    """The longest run of plain characters outside any group or class that a match must contain,
    or, without one, the characters of the first small required class, or else the anchors of
    the first required group that has some.

    Groups (also lookarounds), classes and escapes such as \\d end a run (\\. is a literal dot);
    a character or class followed by a quantifier that allows zero (? * {0,n}) is not required,
    one followed by + or {2,} is.
    """
    best, run, depth, i, end = "", [], 0, 0, len(branch)
    chars: tuple[str, ...] = ()
    groups: list[int] = []
    while i < end:
        if depth == 0:
            if branch[i] not in _META:  # a stretch of plain characters, in one step
                meta = _NEXT_META.search(branch, i)
                stop = meta.start() if meta else end
                run.extend(branch[i:stop])
                i = stop
                continue
            literal, width = _literal_at(branch, i)
            if literal is not None:
                run.append(literal)
                i += width
                continue
            if run and _optional(branch, i):
                run.pop()
            best = max(best, "".join(run), key=len)
            run = []
            if branch[i] == "(":
                groups.append(i)
        else:
            meta = _NEXT_INSIDE.search(branch, i)  # nothing else inside a group moves the depth
            if meta is None:
                break
            i = meta.start()
        i, depth, chars = _past_meta(branch, i, depth, chars)
    best = max(best, "".join(run), key=len)
    if best:
        return (best,)
    if chars:
        return chars
    for start in groups:  # only now: a group's anchors cost a second look at its text
        found = _group_anchors(branch, start)
        if found:
            return found
    return ()


def _group_anchors(branch: str, start: int) -> tuple[str, ...]:
    """The anchors of the group that opens at ``start`` when every match of the branch contains
    one: a plain, non-capturing or named group that is not optional (^(?:转载自|原文链接) gives
    both names); () for lookarounds, flags, references, conditionals and optional groups."""
    head = branch[start + 1:start + 4]
    if head.startswith("?") and not head.startswith(("?:", "?P<")):
        return ()
    end = _group_end(branch, start)
    if end is None or _optional(branch, end):
        return ()
    inner = branch[start + 1:end - 1]
    if inner.startswith("?:"):
        inner = inner[2:]
    elif inner.startswith("?P<"):
        inner = inner[inner.find(">") + 1:] if ">" in inner else ""
    return anchors(inner) if inner else ()


def _group_end(pattern: str, start: int) -> int | None:
    """Index just past the parenthesis that closes the group opening at ``start``; None when unbalanced."""
    depth, i = 0, start
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i)
            continue
        depth += (ch == "(") - (ch == ")")
        i += 1
        if depth == 0:
            return i
    return None


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
    while True:
        meta = _BRANCH_META.search(pattern, i)  # plain characters change nothing: skip them at once
        if meta is None:
            break
        i = meta.start()
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


_BRANCH_META = re.compile(r"[\\\[\]()|]")
