"""numeric/table-total: a 合计/小计/总计 row or column of a table that its cells do not add up to.

Any table of the report, read as a grid (document/tables.py: .docx tables, .pdf tables, text rows):
a *total row* (its label is 合计, 小计, 总计…) is compared, column by column, with the data rows it
closes: the rows since the previous total row of its block, or for a 合计 after 小计 rows the
小计 rows (and any row after the last 小计); a total row standing first adds up the rows below it.
A *total column* (its lowest header is 合计…) is compared, row by row, with the value cells to its
left back to the previous total column. Rows that start with 其中 are subsets and never added;
columns of rates, shares, serial numbers or years (``skip``) are never summed, and a sum with a
blank or non-number cell is not judged. Numbers are exact counts: any difference is reported.

```yaml
check: table_total
params: {total: "^(?:合计|小计|总计)$", subtotal: "^小计$"}
```
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..diagnostics import Finding
from ..text.regexes import LazyRegex
from .base import Check, Regex

_VALUES = ("where", "stated", "computed", "expression", "label")


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``table_total`` check (validated by Check.compile)."""

    total: Regex = LazyRegex(r"^(?:合计|小计|总计|共计|总数)[:：]?$")
    subtotal: Regex = LazyRegex(r"^小计[:：]?$")
    subset: Regex = LazyRegex(r"^其中")
    skip: Regex = LazyRegex(r"序号|编号|比例|占比|比重|率|%|年度?$|^\d{4}")


class TableTotalCheck(Check):
    name = "table_total"
    Params = Params
    messages = {"row": _VALUES, "column": _VALUES}

    def run(self, view):
        for table in view.doc.tables:
            yield from self._rows(table)
            yield from self._columns(table)

    # ---- total rows --------------------------------------------------------------------------

    def _rows(self, table):
        p = self.params
        for block in _blocks(table):
            totals = [r for r in block if self._is_total(table, r)]
            for t in totals:
                parts = self._closed_by(table, block, totals, t)
                if not parts:
                    continue
                for cell in table.values(t):
                    if cell.kind != "number" or self._skipped(table, cell):
                        continue
                    cells = [table.at(r, cell.col) for r in parts]
                    if any(c is None or c.row != r or c.col != cell.col or c.kind != "number" for c, r in zip(cells, parts)):
                        continue
                    computed = sum((c.value for c in cells), Decimal(0))
                    if computed != cell.value:
                        label = table.row_labels(t)[0]
                        yield Finding(cell.span, "row", {
                            "where": f"“{label}”行 “{_header(table, cell)}”列", "label": label,
                            "stated": cell.text, "computed": _plain(computed),
                            "expression": "+".join(c.text for c in cells)})

    def _is_total(self, table, row: int) -> bool:
        labels = table.row_labels(row)
        return bool(labels) and bool(self.params.total.search(labels[0].replace(" ", "")))

    def _closed_by(self, table, block: list[int], totals: list[int], t: int) -> list[int]:
        p = self.params
        plain = [r for r in block if r not in totals and not self._subset(table, r)]
        if t == block[0]:  # a 合计 row first: it adds up the rows below, to the next total
            nxt = next((r for r in totals if r > t), block[-1] + 1)
            return [r for r in plain if t < r < nxt]
        earlier = [r for r in totals if r < t]
        label = table.row_labels(t)[0].replace(" ", "")
        subtotals = [r for r in earlier if p.subtotal.search(table.row_labels(r)[0].replace(" ", ""))]
        if not p.subtotal.search(label) and subtotals:
            after = [r for r in plain if subtotals[-1] < r < t]
            return subtotals + after
        start = earlier[-1] if earlier else -1
        return [r for r in plain if start < r < t]

    def _subset(self, table, row: int) -> bool:
        labels = table.row_labels(row)
        return bool(labels) and bool(self.params.subset.search(labels[0]))

    def _skipped(self, table, cell) -> bool:
        return bool(self.params.skip.search(_header(table, cell))) or cell.kind == "percent"

    # ---- total columns -----------------------------------------------------------------------

    def _columns(self, table):
        for row in sorted(table.data_rows):
            values = [c for c in table.values(row)]
            for i, cell in enumerate(values):
                if cell.kind != "number" or not self.params.total.search(_header(table, cell).replace(" ", "")):
                    continue
                parts = []
                for c in reversed(values[:i]):
                    if self.params.total.search(_header(table, c).replace(" ", "")):
                        break
                    if not self._skipped(table, c):
                        parts.append(c)
                parts.reverse()
                if len(parts) < 2 or any(c.kind != "number" for c in parts):
                    continue
                computed = sum((c.value for c in parts), Decimal(0))
                if computed != cell.value:
                    label = "、".join(table.row_labels(row)) or f"第{row + 1}行"
                    yield Finding(cell.span, "column", {
                        "where": f"“{label}”行 “{_header(table, cell)}”列", "label": label,
                        "stated": cell.text, "computed": _plain(computed), "expression": "+".join(c.text for c in parts)})


def _blocks(table) -> list[list[int]]:
    """Runs of data rows under one header block."""
    blocks: list[list[int]] = []
    for r in sorted(table.data_rows):
        if blocks and blocks[-1][-1] == r - 1 and table.header_rows(r) == table.header_rows(blocks[-1][-1]):
            blocks[-1].append(r)
        else:
            blocks.append([r])
    return blocks


def _header(table, cell) -> str:
    labels = table.column_labels(cell)
    return labels[-1] if labels else ""


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")
