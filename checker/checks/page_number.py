"""format/page-number: page numbers and running headers left in the text by a PDF or Word copy.

A line that is only "5", "- 3 -", "—3—", "第3页", "第 3 页 共 10 页" or "3/10". The outline already
sets trailing ones apart (doc.trailer); this check also finds them between paragraphs. A run of
short lines around the number looks like a table column (序号 1 2 3), so it stays silent there.
Years (2023) have four digits and never match; headings ("3.") do not either.

The running header is the page furniture of the same copy, so it is reported here too (not under
format/junk, which is about web pages): a copy of the title below the title, or a short line
repeated at page breaks (see furniture.py). Deleting it is safe when page numbers mark the breaks;
a header found only because it cuts sentences, and a lone bare number mid-document (it might be
a lost list number), are fixed only by hand.

```yaml
check: page_number
params:
  table_cell_chars: 8
```
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Finding
from ..analysis import furniture
from .base import Check, delete_line


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``page_number`` check (validated by Check.compile)."""

    table_cell_chars: int = 8  # neighbours this short (or numeric) make a lone number a table cell


class PageNumberCheck(Check):
    name = "page_number"
    Params = Params
    messages = {"default": ("line",), "title": ("line",), "header": ("line",)}
    fixable = True

    def run(self, view):
        doc, facts = view.doc, view.facts
        found = view.analysis.furniture if self.params.table_cell_chars == 8 else furniture.find(doc, self.params.table_cell_chars)
        trailer = {line.index for line in doc.trailer}
        for line in doc.lines:
            m = found.pages.get(line.index)
            if m is not None:
                safe = not m.group("bare") or line.index in trailer
                yield Finding(line.span, values={"line": line.content},
                              fix=delete_line(doc, line, "删除页码行", safe=safe))
            elif line.index in found.headers:
                kind, safe = found.headers[line.index]
                fix = delete_line(doc, line, "删除页眉行", safe=safe)
                yield Finding(line.span, kind, {"line": _shown(line.content)}, fix=fix)


def _shown(text: str) -> str:
    return text if len(text) <= 30 else text[:30] + "…"
