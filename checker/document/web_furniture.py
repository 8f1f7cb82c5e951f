"""Web-page furniture (来源：…, 【打印】【关闭】, 字体：大 中 小, bare URLs, watermarks…), one definition.

The entries are the lexicon rulesets/lexicons/web-furniture.yaml. The outline keeps furniture lines
out of the title, the body and the signature (a metadata line is never the first sentence's first
half), format/junk reports them and format/whitespace leaves them to it. Each entry matches the
stripped line; an entry marked ``short`` counts only on a short line without 。, so "群众扫一扫
二维码即可查询。" is report text; an entry marked ``trailer`` only tells the outline where the
signature ends (looser shapes, safe only below the last line of the report); an entry marked
``inline`` is a piece of a line (a watermark fused into a heading); an entry marked ``list`` starts
a list of links whose items, below the report, are furniture too; an entry marked ``head`` counts
only above the report's first paragraph or heading (``in_head``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..text.regexes import LazyRegex


@dataclass(frozen=True)
class _Entry:
    pattern: LazyRegex  # compiled on first use, tried only when its anchors occur in the line
    what: str
    short: bool
    trailer: bool
    inline: bool
    starts_list: bool
    head: bool


def is_paragraph(text: str) -> bool:
    """A line of running text (long, or holding a full stop): where a page's front matter ends."""
    return len(text) > 60 or "。" in text[:-1]


class WebFurniture:
    """Compiled furniture entries: ``what(line)`` names the kind of furniture a line is, if any."""

    def __init__(self, entries: Iterable[dict], max_chars: int = 40) -> None:
        self.max_chars = max_chars
        # Lazy: a report's lines rarely hold an entry's literal (打印, 来源), so most entries are
        # never compiled (~40 ms at every start) nor searched (one regex per entry per line).
        self.entries = tuple(_Entry(LazyRegex(e["match"]), str(e["what"]), bool(e.get("short", False)),
                                    bool(e.get("trailer", False)), bool(e.get("inline", False)),
                                    bool(e.get("list", False)), bool(e.get("head", False))) for e in entries)
        # One scan per line tells whether any entry's literal occurs at all; usually none does, and
        # then only the entries without a literal are tried.
        literals = sorted({a for e in self.entries for a in e.pattern.anchors}, key=len, reverse=True)
        self._literal = LazyRegex("|".join(map(re.escape, literals)) or "(?!)", known_anchors=())
        self._kinds: dict[tuple[bool, bool, bool, bool], tuple[_Entry, ...]] = {}

    def what(self, text: str, *, after_signature: bool = False, in_head: bool = False) -> str | None:
        """What kind of web furniture the stripped line ``text`` is, or None for report text."""
        entry = self._line_entry(text, after_signature, in_head)
        return entry.what if entry else None

    def starts_list(self, text: str) -> bool:
        """The line heads a list of links (相关新闻): what follows it below the report is the list."""
        entry = self._line_entry(text, False, False)
        return bool(entry and entry.starts_list)

    def pieces(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, what) of furniture inside a line of report text (a fused watermark)."""
        found = []
        literal = self._literal.compiled.search(text) is not None
        for entry in self.entries:
            rx = entry.pattern
            if entry.inline and (not rx.anchors or literal and rx.might_match(text)):
                found.extend((m.start(), m.end(), entry.what) for m in rx.compiled.finditer(text) if m.end() > m.start())
        return sorted(found)

    def _line_entry(self, text: str, after_signature: bool, in_head: bool) -> _Entry | None:
        short = len(text) <= self.max_chars and "。" not in text
        literal = self._literal.compiled.search(text) is not None
        for entry in self._entries_for(short, after_signature, in_head, literal):
            rx = entry.pattern  # tried only when it can match: it has no literal, or one occurs
            if (not rx.anchors or rx.might_match(text)) and rx.compiled.search(text):
                return entry
        return None

    def _entries_for(self, short: bool, after_signature: bool, in_head: bool, literal: bool) -> tuple[_Entry, ...]:
        """The entries, in order, that may name a line of this kind: sixteen kinds, each listed
        once, so a line is not tested against every entry's conditions (most lines hold no literal)."""
        key = (short, after_signature, in_head, literal)
        found = self._kinds.get(key)
        if found is None:
            found = self._kinds[key] = tuple(
                e for e in self.entries
                if not (e.inline or (e.short and not short) or (e.trailer and not after_signature)
                        or (e.head and not in_head)) and (literal or not e.pattern.anchors))
        return found

    def __bool__(self) -> bool:
        return bool(self.entries)
