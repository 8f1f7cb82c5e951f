"""format/bracket-unbalanced: 《》 “” （） 〔〕 【】 that open without closing, or close without opening.

Paired marks are matched per paragraph in the matching view (where ASCII brackets read as （）).
A title or a quotation may wrap, so a line that leaves a mark open is joined with up to two
following lines (not headings) before the mark counts as unclosed. A closing bracket right after a
list number at the start of a line (1） a） 一）) is a list marker, not half of a pair. Web furniture
lines (【字体： 【打印文本】: broken page buttons, format/junk's finding) are not report text. A
mark left open on the line where a cut-off copy stops (document/matter.cut_off) was closed in the
lost text: structure/signature-missing says the copy is cut. The finding points at the unmatched
mark.

```yaml
check: bracket_balance
params:
  pairs: ["《》", "“”", "（）", "〔〕", "【】"]
  max_lines: 3
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..diagnostics import Finding
from ..document.matter import cut_off
from ..offsets import Span
from .base import Check, ParamError

_LIST_MARKER = re.compile(r"^\s*[0-9A-Za-z一二三四五六七八九十]{1,3}(?=）)")


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``bracket_balance`` check (validated by Check.compile)."""

    pairs: tuple[str, ...] = ("《》", "“”", "（）", "〔〕", "【】")
    max_lines: int = 3  # a paragraph may wrap over this many lines before an open mark counts


class BracketBalanceCheck(Check):
    name = "bracket_balance"
    Params = Params
    messages = {"unclosed": ("mark", "expected"), "unopened": ("mark", "expected")}

    @classmethod
    def validate(cls, params: Params) -> None:
        if any(len(p) != 2 for p in params.pairs):
            raise ParamError("'pairs' must be two-character strings (opening and closing mark)")

    def run(self, view):
        doc, facts = view.doc, view.facts
        opening = {p[0]: p[1] for p in self.params.pairs}
        closing = {p[1]: p[0] for p in self.params.pairs}
        marks = _marks(self.params.pairs)
        headings = {h.line for h in doc.headings}
        lines = [line for line in doc.filled_lines() if doc.line_kinds.get(line.index) != "furniture"]
        cut = cut_off(doc)  # a mark opened on the line where a copy stops was closed in the lost text
        pos = 0
        while pos < len(lines):
            group = [lines[pos]]
            stack, stray = _scan(group, opening, closing, marks)
            while stack and len(group) < self.params.max_lines and pos + len(group) < len(lines):
                following = lines[pos + len(group)]
                if following.index in headings:
                    break
                group.append(following)
                stack, stray = _scan(group, opening, closing, marks)
            pos += len(group)
            for at, mark in stray:
                if not _garbled(doc, view.analysis.mojibake, at):
                    yield Finding(Span(at, at + 1), "unopened", {"mark": mark, "expected": closing[mark]})
            for at, mark in stack:
                if cut is not None and cut.start <= at <= cut.end:
                    continue
                if not _garbled(doc, view.analysis.mojibake, at):
                    yield Finding(Span(at, at + 1), "unclosed", {"mark": mark, "expected": opening[mark]})


def _garbled(doc, spans, at: int) -> bool:
    """The mark sits in a mojibake stretch (?!陡僖?》): half a pair lost with the text around it."""
    if not spans:
        return False
    where = doc.norm.map.span(Span(at, at + 1))
    return any(s.start - 2 <= where.start < s.end + 2 for s in spans)


@lru_cache(maxsize=8)
def _marks(pairs: tuple[str, ...]) -> re.Pattern:
    return re.compile("[" + "".join(re.escape(ch) for pair in pairs for ch in pair) + "]")


def _scan(group, opening: dict, closing: dict, marks: re.Pattern) -> tuple[list, list]:
    """Unclosed openers and unopened closers (offset, mark) over consecutive lines."""
    stack: list[tuple[int, str]] = []
    lost: list[tuple[int, str]] = []  # opened inside a pair that closed without them
    stray: list[tuple[int, str]] = []
    open_count = dict.fromkeys(opening, 0)
    for line in group:
        marker = _LIST_MARKER.match(line.text)
        list_close = line.start + marker.end() if marker else -1
        for found in marks.finditer(line.text):  # only the marks: most characters are none
            ch, at = found.group(), line.start + found.start()
            if ch in opening:
                stack.append((at, ch))
                open_count[ch] += 1
            elif ch in closing and at != list_close:
                if not open_count[closing[ch]]:
                    stray.append((at, ch))
                    continue
                while stack[-1][1] != closing[ch]:  # each opener is popped once: linear time
                    lost.append(stack.pop())
                    open_count[lost[-1][1]] -= 1
                open_count[stack.pop()[1]] -= 1
    return sorted(lost + stack), stray
