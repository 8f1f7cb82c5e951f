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
  entries:
    - {match: "^来源[：:]", what: 来源说明}
    - {match: "扫一扫|分享到", what: 分享按钮, short: true}
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Finding
from .base import Check, ParamError, delete_line, entry_mapping


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``junk_line`` check (validated by Check.compile)."""

    entries: tuple[Any, ...]
    max_chars: int = 40
    compiled: tuple[tuple[re.Pattern, str, bool], ...] = field(default=(), repr=False)


class JunkLineCheck(Check):
    name = "junk_line"
    Params = Params
    messages = {"default": ("line", "what")}
    fixable = True

    @classmethod
    def validate(cls, params: Params) -> None:
        object.__setattr__(params, "compiled", compile_entries(params.entries))

    def run(self, doc, facts):
        for line in doc.lines:
            if not line.content:
                continue
            text = doc.original(line.span).strip()
            what = junk_what(text, self.params.compiled, self.params.max_chars)
            if what:
                shown = text if len(text) <= 30 else text[:30] + "…"
                yield Finding(line.span, values={"line": shown, "what": what}, fix=delete_line(doc, line))


def compile_entries(entries, where: str = "entries") -> tuple[tuple[re.Pattern, str, bool], ...]:
    """Compile a list of junk entries; format/whitespace reads the same list to leave those lines
    to this rule (one finding per line: the line goes, its spaces with it)."""
    return tuple(_entry(f"{where}[{i}]", raw) for i, raw in enumerate(entries))


def junk_what(text: str, compiled, max_chars: int = 40) -> str | None:
    """What kind of web furniture the stripped line ``text`` is, or None for report text."""
    short = len(text) <= max_chars and "。" not in text
    for pattern, what, needs_short in compiled:
        if (short or not needs_short) and pattern.search(text):
            return what
    return None


def _entry(where: str, raw: Any) -> tuple[re.Pattern, str, bool]:
    raw = entry_mapping(where, raw, {"match", "what", "short"}, required=("match", "what"))
    try:
        return re.compile(raw["match"]), raw["what"], bool(raw.get("short", False))
    except re.error as err:
        raise ParamError(f"'{where}' is not a valid regular expression: {err}") from None
