"""format/broken-line: a sentence broken across lines or paragraphs (hard wrap, PDF or web copy).

A line is broken when it ends without closing punctuation and the next filled line carries on the
same sentence. Because a paragraph that merely lacks its final 。 looks the same, the break must
show it: the line ends in a mark that cannot end a sentence (，、《“（), or in a word that cannot
(的 和 与 对…), the next line starts with punctuation, or a word runs across the break
(会 / 议制度 → 会议). Headings that stand alone, the title, addressee, signature and list items
are never the broken part. PDF text is skipped: its wraps are already joined in the matching view.

```yaml
check: broken_line
params:
  skip_kinds: [pdf]
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import Edit, Finding, Fix
from ..offsets import Span
from .base import Check
from .chars import filled_lines, is_han

_ENDS = set("。！？；：…”’）》」』】〕.!?;:)\"'—")
_OPEN_ENDS = set("，、《“（【〔‘「『,(")
_FUNCTION_ENDS = set("的和与及或在对把将被从向以于并而且但因之其")
_STARTS_WITH_MARK = re.compile(r"^[，。、；：？！）》”’」』】〕…]")
_LIST_START = re.compile(r"^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、]|[（(]?[0-9一二三四五六七八九十]{1,2}[）)、.]|[\u2460-\u2473]|[-•·*])")
_SKIP_KINDS = ("title", "header", "addressee", "closing", "signature", "trailer")


@dataclass(frozen=True)
class Params:
    skip_kinds: tuple[str, ...] = ("pdf",)
    min_chars: int = 8  # shorter lines are labels (附件：, 签发人) rather than wrapped text


class BrokenLineCheck(Check):
    name = "broken_line"
    Params = Params
    messages = {"default": ("end", "start")}
    fixable = True

    def run(self, doc, facts):
        if doc.source.kind in self.params.skip_kinds:
            return
        headings = {h.line: h for h in doc.headings}
        lines = filled_lines(doc)
        for first, second in zip(lines, lines[1:]):
            if not self._candidate(doc, headings, first, second):
                continue
            if _continues(first.content, second.content):
                yield _finding(first, second)

    def _candidate(self, doc, headings, first, second) -> bool:
        kinds = doc.line_kinds
        if kinds.get(first.index) in _SKIP_KINDS or kinds.get(second.index) in _SKIP_KINDS:
            return False
        heading = headings.get(first.index)
        if (heading is not None and not heading.run_in) or second.index in headings:
            return False
        text = first.content
        return len(text) >= self.params.min_chars and text[-1] not in _ENDS and not _LIST_START.match(second.content)


def _continues(end: str, start: str) -> bool:
    if end[-1] in _OPEN_ENDS or _STARTS_WITH_MARK.match(start):
        return True
    if not (is_han(end[-1]) and is_han(start[0])):
        return False
    return end[-1] in _FUNCTION_ENDS or _word_across(end, start)


def _word_across(end: str, start: str) -> bool:
    """True when a dictionary word covers the last character of ``end`` and the first of ``start``."""
    from ..segment import words

    left, right = _han_tail(end), _han_head(start)
    at = 0
    for token in words(left + right):
        if at < len(left) < at + len(token) and len(token) >= 2:
            return True
        at += len(token)
    return False


def _han_tail(text: str, size: int = 6) -> str:
    tail = ""
    for ch in reversed(text):
        if not is_han(ch) or len(tail) >= size:
            break
        tail = ch + tail
    return tail


def _han_head(text: str, size: int = 6) -> str:
    head = ""
    for ch in text:
        if not is_han(ch) or len(head) >= size:
            break
        head += ch
    return head


def _finding(first, second) -> Finding:
    end = first.start + len(first.text.rstrip())
    indent = len(second.text) - len(second.text.lstrip())
    join = Fix("把下一行接到本行末尾", (Edit(Span(end, second.start + indent), ""),), safe=False)
    values = {"end": first.content[-8:], "start": second.content[:8]}
    return Finding(Span(end - 1, end), values=values, fix=join)
