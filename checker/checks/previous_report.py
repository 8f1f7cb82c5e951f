"""This year's report against the same issuer's report on the year before (``--previous``).

``mode: carry-over``: per column, this year's ``row`` of ``table`` must equal last year's
``previous_row`` (表三: 二、上年结转 = last year's 四、结转下年度继续办理). ``mode: copied``: a
paragraph of running text at least ``min_chars`` long that stands word for word in last year's
report (内容雷同); lines that differ only by a year are not the same. Silent without last year's
report (analysis.previous: the files of --previous and the other files of the run).

```yaml
check: previous_report
params: {mode: carry-over, table: 三, row: 二, previous_row: 四}
```
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

from ..analysis.table_keys import total
from ..diagnostics import Finding
from ..offsets import Span
from .base import Check, ParamError


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``previous_report`` check (validated by Check.compile)."""

    mode: Literal["carry-over", "copied"]
    table: str = ""
    row: str = ""
    previous_row: str = ""
    min_chars: int = 30


class PreviousReportCheck(Check):
    name = "previous_report"
    Params = Params
    _all = ("where", "stated", "computed", "previous", "previous_year", "text", "previous_line")
    messages = {"carry_over": _all, "copied": _all}  # one rule per mode: its message serves its kind
    default_scope = "body"

    @classmethod
    def validate(cls, params: Params) -> None:
        if params.mode == "carry-over" and not (params.table and params.row and params.previous_row):
            raise ParamError("mode carry-over needs 'table', 'row' and 'previous_row'")

    def run(self, view):
        before = view.analysis.previous
        if before is None:
            return
        named = {"previous": os.path.basename(before.doc.source.path), "previous_year": before.facts.year or ""}
        if self.params.mode == "carry-over":
            yield from self._carry_over(view, before, named)
        else:
            yield from self._copied(view, before, named)

    def _carry_over(self, view, before, named: dict):
        p = self.params
        now, then = view.analysis.keyed_tables.get(p.table), before.keyed_tables.get(p.table)
        if now is None or then is None:
            return
        for col in now.cols(["*"]):
            cell, old = now.cell(p.row, col), then.cell(p.previous_row, col)
            stated, computed = total([cell]), total([old])
            if stated is not None and computed is not None and stated != computed:
                yield Finding(cell.span, "carry_over", {**named, "where": now.where(p.row, col),
                                                        "stated": str(stated), "computed": str(computed)})

    def _copied(self, view, before, named: dict):
        earlier = {}
        for line in before.lines("body"):
            if before.doc.table_at(line.index) is None and len(line.content) >= self.params.min_chars:
                earlier.setdefault(line.content, line.index + 1)
        doc = view.doc
        headings = {h.line for h in doc.headings if not h.run_in}
        for line in view.lines:
            text = line.content
            if (len(text) >= self.params.min_chars and text in earlier and line.index not in headings
                    and doc.table_at(line.index) is None):
                start = line.start + line.text.index(text)
                yield Finding(Span(start, start + len(text)), "copied",
                              {**named, "text": text[:24] + ("…" if len(text) > 24 else ""), "previous_line": earlier[text]})
