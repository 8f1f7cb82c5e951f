"""format/whitespace: invisible characters and stray spaces that copying leaves behind.

Zero-width characters (recorded by normalize.py as artifacts), no-break spaces from web pages,
lines holding nothing but spaces, and ASCII spaces between two Chinese characters inside running
text. Spaces in the title, the signature and the header are layout and stay silent, as are those
between joint issuers' names on a line of their own (a cover letter's signature); so do
indentation at the start of a line and spaces next to Latin letters or digits (2023 年 is another
rule's business, LED 显示屏 is fine). One finding per line and kind. Lines that format/junk
deletes whole (``junk``: the web-furniture lexicon it reads too) are left to it: one
finding per line, and "[ 大 中 小 ]" is a button bar to delete, not spacing to tidy.

```yaml
check: whitespace
params:
  junk: {lexicon: web-furniture}
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Edit, Finding, Fix
from ..offsets import Span
from ..text.regexes import LazyRegex
from .base import Check
from ..text.bodies import joint_bodies
from ..text.chars import HAN
from .junk_line import furniture_of

_STRAY = LazyRegex(rf"(?<=[{HAN}，。、；：？！”’）》])[ ]+(?=[{HAN}“‘（《])")  # compiled once a line has a space
_NBSP = re.compile("\u00a0+")
_LAYOUT = ("title", "header", "signature", "trailer", "addressee", "closing")
_NAMES = {"\u200b": "零宽空格", "\u200c": "零宽非连接符", "\u200d": "零宽连接符", "\u2060": "零宽不换行符",
          "\ufeff": "字节顺序标记（BOM）", "\u00ad": "软连字符"}


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``whitespace`` check (validated by Check.compile)."""

    junk: tuple[Any, ...] = ()  # format/junk's entries: lines it deletes are not looked at here
    junk_max_chars: int = 40
    compiled: Any = field(default=None, repr=False)


class WhitespaceCheck(Check):
    name = "whitespace"
    Params = Params
    messages = {"zero_width": ("name",), "nbsp": ("count",), "blank": (), "stray": ("found",)}
    fixable = True

    @classmethod
    def validate(cls, params: Params) -> None:
        object.__setattr__(params, "compiled", furniture_of(params.junk, params.junk_max_chars, "junk"))

    def run(self, view):
        doc, facts = view.doc, view.facts
        original = doc.source.text
        spans = [(line, doc.norm.map.span(line.span)) for line in doc.lines]
        junk = [span for _, span in spans if self._junk(original[span.start:span.end])]
        for artifact in doc.norm.artifacts:
            if artifact.kind == "zero-width" and not any(s.start <= artifact.span.start < s.end for s in junk):
                fix = Fix("删除不可见字符", (Edit(artifact.span, ""),))
                name = _NAMES.get(artifact.text[0], "不可见字符")
                yield Finding(artifact.span, "zero_width", {"name": name}, fix=fix, original=True)
        for line, span in spans:
            if span not in junk:
                yield from _line(doc, line, span.start, original[span.start:span.end])

    def _junk(self, text: str) -> bool:
        text = text.strip()
        return bool(self.params.compiled and text and self.params.compiled.what(text))


def _line(doc, line, base: int, text: str):
    if text and not text.strip():
        whole = Span(base, base + len(text))
        yield Finding(whole, "blank", fix=Fix("删除行内空白", (Edit(whole, ""),)), original=True)
        return
    spaces = list(_NBSP.finditer(text)) if "\u00a0" in text else []  # `in` finds a character faster than re
    if spaces:
        edits = tuple(Edit(Span(base + m.start(), base + m.end()), " " * len(m.group())) for m in spaces)
        first = Span(base + spaces[0].start(), base + spaces[0].end())
        count = sum(len(m.group()) for m in spaces)
        yield Finding(first, "nbsp", {"count": count}, fix=Fix("改为普通空格", edits), original=True)
    if doc.line_kinds.get(line.index) in _LAYOUT or joint_bodies(text):
        return  # joint issuers on one line (a cover letter's signature) are spaced as layout
    body = text.lstrip(" \u3000\t\u00a0")
    lead = len(text) - len(body)
    stray = _STRAY.search(body) if _STRAY.might_match(body) else None
    if stray:
        at = Span(base + lead + stray.start(), base + lead + stray.end())
        found = body[max(stray.start() - 3, 0):stray.end() + 3]
        yield Finding(at, "stray", {"found": found}, fix=Fix("删除多余空格", (Edit(at, ""),), safe=False), original=True)
