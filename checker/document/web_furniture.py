"""Web-page furniture lines (来源：…, 【打印】【关闭】, 字体：大 中 小, bare URLs…), one definition.

The entries are the lexicon rulesets/lexicons/web-furniture.yaml. The outline finds the signature
above such lines, format/junk reports them and format/whitespace leaves them to it. Each entry
matches the stripped line as written; an entry marked ``short`` counts only on a short line
without 。, so "群众扫一扫二维码即可查询。" is report text; an entry marked ``trailer`` only tells the
outline where the signature ends (looser shapes, safe only below the last line of the report);
format/junk does not report by it.
"""

from __future__ import annotations

import re
from typing import Iterable


class WebFurniture:
    """Compiled furniture entries: ``what(line)`` names the kind of furniture a line is, if any."""

    def __init__(self, entries: Iterable[dict], max_chars: int = 40) -> None:
        self.max_chars = max_chars
        self.entries = tuple((re.compile(e["match"]), str(e["what"]), bool(e.get("short", False)),
                              bool(e.get("trailer", False))) for e in entries)

    def what(self, text: str, *, after_signature: bool = False) -> str | None:
        """What kind of web furniture the stripped line ``text`` is, or None for report text."""
        short = len(text) <= self.max_chars and "。" not in text
        for pattern, what, needs_short, trailer_only in self.entries:
            if (short or not needs_short) and (after_signature or not trailer_only) and pattern.search(text):
                return what
        return None

    def __bool__(self) -> bool:
        return bool(self.entries)
