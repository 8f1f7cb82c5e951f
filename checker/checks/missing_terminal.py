"""format/missing-terminal: a paragraph ends without its sentence-final mark before a heading.

A line that ends open and is followed by running text is either wrapped or a paragraph that lost
its 。 — format/broken-line tells those apart, and reports only the wraps. Before a heading, or
right above the signature, a sentence cannot run on: a body paragraph that ends there without
。！？；： (inside or after its closing quotes and brackets) lost its final punctuation. Only sentence-like text is judged (a pause
mark inside, or long enough to be prose): a label, a table caption or a list of short items may
stand without a mark. The line above the body's first heading that announces it (…报告如下)
wants a colon; any other a full stop. The end of a text without a signature is
structure/signature-missing's (a cut-off copy), not a lost mark.

```yaml
check: missing_terminal
params: {skip_kinds: [pdf], min_chars: 12, prose_chars: 25}
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..analysis import line_breaks as wraps
from ..diagnostics import Edit, Finding, Fix
from ..offsets import Span
from .base import Check

_ENDS_BEFORE = ("closing", "signature")
_PAUSE = re.compile(r"[，、；,;]")
_ANNOUNCES = re.compile(r"(?:如下|以下)$")
_CLOSERS = "）》”’」』】〕)\"'"
_MARKS = set("。！？；：…!?;:")


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``missing_terminal`` check (validated by Check.compile)."""

    skip_kinds: tuple[str, ...] = ("pdf",)  # PDF text: paragraph ends are not known
    min_chars: int = 12  # shorter lines are labels
    prose_chars: int = 25  # a line this long is prose even without a pause mark


class MissingTerminalCheck(Check):
    name = "missing_terminal"
    Params = Params
    messages = {"default": ("end", "mark")}
    fixable = True

    def run(self, view):
        doc = view.doc
        if doc.source.kind in self.params.skip_kinds:
            return
        headings = {h.line: h for h in doc.headings}
        pieces = view.analysis.furniture
        hidden = pieces.certain() | pieces.labels
        lines = [line for line in doc.filled_lines() if line.index not in hidden]
        for line, following in zip(lines, lines[1:]):
            if not (following.index in headings or doc.line_kinds.get(following.index) in _ENDS_BEFORE):
                continue
            if doc.line_kinds.get(line.index) in wraps.NOT_BODY_KINDS:
                continue
            heading = headings.get(line.index)
            if heading is not None and not heading.run_in:
                continue  # a standalone heading carries no final mark
            text = line.content
            if not self._prose(text) or _ended(text):
                continue
            mark = "：" if _ANNOUNCES.search(text) else "。"
            end = line.start + len(line.text.rstrip())
            yield Finding(Span(end - 1, end), values={"end": text[-12:], "mark": mark},
                          fix=Fix(f"在段末加“{mark}”", (Edit(Span(end, end), mark),), safe=False))

    def _prose(self, text: str) -> bool:
        if len(text) < self.params.min_chars or wraps.TABLE_ROW.search(text):
            return False
        return len(text) >= self.params.prose_chars or _PAUSE.search(text) is not None


def _ended(text: str) -> bool:
    """The text ends its sentence: a mark last, or inside the closing quotes and brackets
    (…“满堂红”。 and …“满堂红。” both end; …“满堂红” and …（详见附件1） do not)."""
    core = text.rstrip(_CLOSERS)
    return not core or core[-1] in _MARKS or wraps.sentence_ended(core)
