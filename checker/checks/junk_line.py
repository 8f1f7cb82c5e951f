"""format/junk: whole lines that came from a web page or a scraping site, not from the report.

Reports collected from government portals carry the page around them (来源：…, 责任编辑：…,
【打印本页】【关闭窗口】, 字体：【大 中 小】, share buttons, bare URLs, watermarks such as
"公文汇 www.gongwenhui.com"). Each entry matches the whole line as written or as its matching view
(Traditional 來源 reads 来源); an entry marked ``short`` only counts on a short line without 。, so
"群众扫一扫二维码即可查询。" stays silent. An ``inline`` entry is a piece of a line (a watermark
fused into a heading: only that piece is reported and deleted); below the report, the lines after
a ``list`` entry (- 相关新闻) are the list of links. The fix deletes the line or the piece.

```yaml
check: junk_line
params:
  max_chars: 40
  entries: {lexicon: web-furniture}   # or a list: [{match: "^来源[：:]", what: 来源说明}, …]
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Edit, Finding, Fix
from ..document.web_furniture import WebFurniture, is_paragraph
from ..offsets import Span
from .base import Check, ParamError, delete_line, entry_mapping


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``junk_line`` check (validated by Check.compile)."""

    entries: tuple[Any, ...]  # the web-furniture lexicon, validated when it loads
    max_chars: int = 40
    compiled: Any = field(default=None, repr=False)


class JunkLineCheck(Check):
    name = "junk_line"
    Params = Params
    messages = {"default": ("line", "what"), "piece": ("line", "what")}
    fixable = True

    @classmethod
    def validate(cls, params: Params) -> None:
        object.__setattr__(params, "compiled", furniture_of(params.entries, params.max_chars))

    def run(self, view):
        doc = view.doc
        furniture = self.params.compiled
        trailer = {line.index for line in doc.trailer}
        listing = None  # the kind of the link list being read below the report
        front = front_end(doc)
        for line in doc.lines:
            if not line.content:
                continue
            text = doc.original(line.span).strip()
            head = line.index < front
            same = line.content == text  # mostly: then the folded line says nothing the original did not
            what = furniture.what(text, in_head=head) or (None if same else furniture.what(line.content, in_head=head))
            if what is None and listing and line.index in trailer:
                what = listing
            if what:
                if line.index in trailer and (furniture.starts_list(text) or not same and furniture.starts_list(line.content)):
                    listing = what
                yield Finding(line.span, values={"line": _shown(text), "what": what}, fix=delete_line(doc, line))
                continue
            for start, end, kind in furniture.pieces(line.text):
                span = Span(line.start + start, line.start + end)
                piece = doc.text[span.start:span.end].strip()
                yield Finding(span, "piece", values={"line": _shown(piece), "what": kind},
                              fix=Fix(f"删除{kind}", (Edit(_with_blanks(line.text, line.start, start, end), ""),)))


_BLANKS = " \t\u3000\u00a0"


def _with_blanks(text: str, offset: int, start: int, end: int) -> Span:
    """The piece and the blanks around it: deleting a watermark leaves no trailing space."""
    while start > 0 and text[start - 1] in _BLANKS:
        start -= 1
    while end < len(text) and text[end] in _BLANKS:
        end += 1
    return Span(offset + start, offset + end)


def front_end(doc) -> int:
    """The index of the report's first paragraph or heading: above it a page's metadata block."""
    headings = {h.line for h in doc.headings}
    return next((line.index for line in doc.lines if line.content and (line.index in headings or is_paragraph(line.content))),
                len(doc.lines))


def _shown(text: str) -> str:
    return text if len(text) <= 30 else text[:30] + "…"


def furniture_of(entries, max_chars: int = 40, where: str = "entries") -> WebFurniture:
    """Entries checked and compiled (a ruleset may also give them inline, not from the lexicon)."""
    for i, raw in enumerate(entries):
        raw = entry_mapping(f"{where}[{i}]", raw, {"match", "what", "short", "trailer", "inline", "list", "head"}, required=("match", "what"))
        try:
            re.compile(raw["match"])
        except re.error as err:
            raise ParamError(f"'{where}[{i}]' is not a valid regular expression: {err}") from None
    return WebFurniture(entries, max_chars)
