"""Cells of a genre's fixed tables that cannot be what they count: negative, fractional or no number.

Every value cell of the named tables must hold a non-negative whole number, except in columns
the genre marks ``count: false`` (amounts in 万元, 本年增/减 changes) and cells marked not
applicable (“/”, “—”). Blank cells are left to the rule on blanks.

```yaml
check: table_values
params: {tables: [二, 三, 四]}
```
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Finding
from .base import Check


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``table_values`` check (validated by Check.compile)."""

    tables: tuple[str, ...]


class TableValuesCheck(Check):
    name = "table_values"
    Params = Params
    messages = {"negative": ("where", "stated"), "fraction": ("where", "stated"), "not_number": ("where", "stated")}

    def run(self, view):
        for table_id in self.params.tables:
            keyed = view.analysis.keyed_tables.get(table_id)
            if keyed is None:
                continue
            for (row, col), cell in keyed.cells.items():
                column = keyed.template.column(col)
                if (column is not None and not column.count) or cell.kind in ("blank", "na"):
                    continue
                kind = _problem(cell)
                if kind:
                    yield Finding(cell.span, kind, {"where": keyed.where(row, col), "stated": cell.text})


def _problem(cell) -> str | None:
    if cell.kind != "number":
        return "not_number"
    value = cell.value
    if value < 0:
        return "negative"
    return "fraction" if value != value.to_integral_value() else None
