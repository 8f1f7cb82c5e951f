"""A document's tables read by the genre's table templates: each cell named by (row key, column key).

The genre profile (``tables:``) says how a fixed table is recognised and which regexes over the
labels of a row and of a column name it; this module applies that to the grids of the document
(document/tables.py), so checks ask for ``表三[（七）, 总计]`` whatever the format, the layout
year (2019 / 2021) or the spelling of the labels. A key ending in ``*`` selects every row (or
column) whose key starts with the rest: ``（三）*`` is 1.–8. of 不予公开.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable

from ..document.tables import Cell, Table
from ..profile.table_templates import TableTemplate


@dataclass(frozen=True)
class KeyedTable:
    """One table of the document with its cells named by the template's keys."""

    template: TableTemplate
    table: Table
    cells: dict  # (row key, column key) → Cell
    row_keys: tuple[str, ...]  # in table order
    row_titles: dict = field(default_factory=dict)  # row key → the row's labels as written

    def cell(self, row: str, col: str) -> Cell | None:
        return self.cells.get((row, col))

    def rows(self, keys: Iterable[str]) -> list[str]:
        return _expand(keys, self.row_keys)

    def cols(self, keys: Iterable[str]) -> list[str]:
        present = tuple(dict.fromkeys(c for _, c in self.cells))
        return _expand(keys, present)

    def select(self, rows: Iterable[str], cols: Iterable[str]) -> list[tuple[str, str, Cell | None]]:
        return [(r, c, self.cell(r, c)) for r in self.rows(rows) for c in self.cols(cols)]

    def row_name(self, row: str) -> str:
        return self.row_titles.get(row, row)

    def col_name(self, col: str) -> str:
        column = self.template.column(col)
        return column.label if column else col

    def where(self, row: str | None, col: str | None) -> str:
        """How a reviewer names a cell: 表三 第“（七）总计”行 “总计”列."""
        parts = [self.template.label]
        if row is not None and self.template.rows and len(self.row_keys) > 1:
            parts.append(f"第“{self.row_name(row)}”行")
        if col is not None:
            parts.append(f"“{self.col_name(col)}”列")
        return " ".join(parts)


def _expand(keys: Iterable[str], present: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for key in keys:
        if key == "*":
            out.extend(present)
        elif key.endswith("*"):
            out.extend(k for k in present if k.startswith(key[:-1]) and k != key[:-1])
        elif key in present:
            out.append(key)
    return list(dict.fromkeys(out))


def resolve(tables: Iterable[Table], templates: Iterable[TableTemplate]) -> dict[str, KeyedTable]:
    """Template id → the first unclaimed table that the template recognises."""
    found: dict[str, KeyedTable] = {}
    claimed: set[int] = set()
    tables = list(tables)
    for template in templates:
        for table in tables:
            if table.index in claimed or not template.match_re.search(table.text):
                continue
            keyed = _keyed(template, table)
            if keyed.cells:
                found[template.id] = keyed
                claimed.add(table.index)
                break
    return found


def _keyed(template: TableTemplate, table: Table) -> KeyedTable:
    cells: dict = {}
    row_keys: list[str] = []
    titles: dict[str, str] = {}
    for r in sorted(table.data_rows):
        labels = table.row_labels(r)
        key = _row_key(template, " ".join(labels))
        if key is None or key in row_keys:
            continue
        row_keys.append(key)
        context = template.context_re
        titles[key] = " ".join(l for l in labels if not (context and context.search(l))) or key
        for cell in table.values(r):
            col = _col_key(template, " ".join(table.column_labels(cell)))
            if col is not None and (key, col) not in cells:
                cells[(key, col)] = cell
    return KeyedTable(template, table, cells, tuple(row_keys), titles)


def _row_key(template: TableTemplate, text: str) -> str | None:
    if not template.rows:
        return ""
    return next((row.key for row in template.rows if row.match_re.search(text)), None)


def _col_key(template: TableTemplate, text: str) -> str | None:
    return next((col.key for col in template.columns if col.header_re.search(text)), None)


def total(cells: Iterable[Cell | None]) -> Decimal | None:
    """The sum of number cells; None when any is missing, blank or not a number."""
    values = [c.value if c is not None else None for c in cells]
    if any(v is None for v in values):
        return None
    return sum(values, Decimal(0))
