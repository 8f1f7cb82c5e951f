"""format/page-number: page numbers and page footers left in the text by a PDF or Word copy.

A line that is only "5", "- 3 -", "—3—", "第3页", "第 3 页 共 10 页" or "3/10". The outline already
sets trailing ones apart (doc.trailer); this check also finds them between paragraphs. A run of
short lines around the number looks like a table column (序号 1 2 3), so it stays silent there.
Years (2023) have four digits and never match; headings ("3.") do not either.

```yaml
check: page_number
params:
  table_cell_chars: 8
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import Finding
from .base import Check
from .chars import delete_line, filled_lines

_PAGE = re.compile(
    r"^\s*(?:(?P<dash>[-－—–―]{1,2}\s*\d{1,3}\s*[-－—–―]{1,2})|(?P<bare>\d{1,3})"
    r"|(?P<word>第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?|共\s*\d{1,3}\s*页\s*第\s*\d{1,3}\s*页)"
    r"|(?P<ratio>\d{1,3}\s*/\s*\d{1,3}))\s*$"
)


@dataclass(frozen=True)
class Params:
    table_cell_chars: int = 8  # neighbours this short (or numeric) make a lone number a table cell


class PageNumberCheck(Check):
    name = "page_number"
    Params = Params
    messages = {"default": ("line",)}
    fixable = True

    def run(self, doc, facts):
        lines = filled_lines(doc)
        headings = {h.line for h in doc.headings}
        trailer = {line.index for line in doc.trailer}
        for pos, line in enumerate(lines):
            m = _PAGE.match(line.text)
            if not m or (line.index not in trailer and self._in_table(lines, pos, headings)):
                continue
            # A bare number could still be a lost list number or a cell: fix it by hand.
            safe = not m.group("bare") or line.index in trailer
            fix = delete_line(doc, line, "删除页码行", safe=safe)
            yield Finding(line.span, values={"line": line.content}, fix=fix)

    def _in_table(self, lines, pos: int, headings: set[int]) -> bool:
        limit = self.params.table_cell_chars
        around = [lines[i] for i in (pos - 1, pos + 1) if 0 <= i < len(lines)]
        return any(
            line.index not in headings and (len(line.content) <= limit or _numeric(line.content))
            for line in around
        )


def _numeric(text: str) -> bool:
    return bool(re.fullmatch(r"[\d\s.,，%％:：/\-]+", text))
