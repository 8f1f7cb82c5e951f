"""format/junk: whole lines that came from a web page or a scraping site, not from the report.

Reports collected from government portals carry the page around them (来源：…, 责任编辑：…,
【打印本页】【关闭窗口】, 字体：【大 中 小】, share buttons, bare URLs, watermarks such as
"公文汇 www.gongwenhui.com"). Each entry matches the whole line as written; an entry marked
``short`` only counts on a short line without 。, so "群众扫一扫二维码即可查询。" stays silent.
The fix deletes the line.

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

from ..diagnostics import Finding
from ..document.web_furniture import WebFurniture
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
    messages = {"default": ("line", "what")}
    fixable = True

    @classmethod
    def validate(cls, params: Params) -> None:
        object.__setattr__(params, "compiled", furniture_of(params.entries, params.max_chars))

    def run(self, view):
        doc = view.doc
        for line in doc.lines:
            if not line.content:
                continue
            text = doc.original(line.span).strip()
            what = self.params.compiled.what(text)
            if what:
                shown = text if len(text) <= 30 else text[:30] + "…"
                yield Finding(line.span, values={"line": shown, "what": what}, fix=delete_line(doc, line))


def furniture_of(entries, max_chars: int = 40, where: str = "entries") -> WebFurniture:
    """Entries checked and compiled (a ruleset may also give them inline, not from the lexicon)."""
    for i, raw in enumerate(entries):
        raw = entry_mapping(f"{where}[{i}]", raw, {"match", "what", "short", "trailer"}, required=("match", "what"))
        try:
            re.compile(raw["match"])
        except re.error as err:
            raise ParamError(f"'{where}[{i}]' is not a valid regular expression: {err}") from None
    return WebFurniture(entries, max_chars)
