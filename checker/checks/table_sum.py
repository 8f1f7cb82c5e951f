"""Sums across a genre's fixed table: totals of rows and columns, balances, group totals, blanks.

The table and its row and column keys come from the genre profile (``tables:``, read by
analysis/table_keys.py); a rule states its identity in keys. ``across: columns`` runs each sum
along a row (over column keys), once for every row in ``each``; ``across: rows`` runs it down a
column (over row keys), once for every column in ``each``. ``total`` and ``parts`` are lists of
keys (``（三）*`` is every row 1.–8. of （三）); the finding sits on the last total cell.
A sum with a blank, missing or non-number cell is not judged (``report: blank`` reports the blank
total instead, with the sum its parts give).

```yaml
check: table_sum
params:
  table: 三
  across: columns
  sums: [{total: [总计], parts: [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他]}]
```
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..analysis.table_keys import total
from ..diagnostics import Finding
from ..document.tables import Cell
from .base import Check, ParamError

_VALUES = ("where", "stated", "computed", "expression", "total_names", "part_names", "table")


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``table_sum`` check (validated by Check.compile)."""

    table: str
    across: Literal["columns", "rows"]
    sums: tuple[dict[str, Any], ...]
    each: tuple[str, ...] = ("*",)
    report: Literal["mismatch", "blank"] = "mismatch"


class TableSumCheck(Check):
    name = "table_sum"
    Params = Params
    messages = {"mismatch": _VALUES, "blank": _VALUES}

    @classmethod
    def validate(cls, params: Params) -> None:
        for s in params.sums:
            if set(s) != {"total", "parts"} or not all(isinstance(s[k], list) and s[k] for k in s):
                raise ParamError("'sums' is a list of {total: [keys], parts: [keys]}")

    def run(self, view):
        keyed = view.analysis.keyed_tables.get(self.params.table)
        if keyed is None:
            return
        p = self.params
        for line in keyed.rows(p.each) if p.across == "columns" else keyed.cols(p.each):
            for spec in p.sums:
                finding = self._judge(keyed, line, spec)
                if finding is not None:
                    yield finding

    def _judge(self, keyed, line: str, spec: dict) -> Finding | None:
        totals, parts = self._cells(keyed, line, spec["total"]), self._cells(keyed, line, spec["parts"])
        if not totals or not parts:
            return None
        anchor_key, anchor = totals[-1]
        if anchor is None:
            return None
        row, col = (line, anchor_key) if self.params.across == "columns" else (anchor_key, line)
        balance = self.params.across == "rows" and len(totals) > 1  # a column's balance, not one cell's sum
        values = {"where": keyed.where(None, col) if balance else keyed.where(row, col),
                  "table": keyed.template.label,
                  "total_names": "+".join(self._name(keyed, k) for k, _ in totals),
                  "part_names": "+".join(self._name(keyed, k) for k, _ in parts)}
        computed = total(c for _, c in parts)
        if self.params.report == "blank":
            if len(totals) != 1 or anchor.kind != "blank" or computed is None:
                return None
            return Finding(anchor.span, "blank", {**values, "stated": "", "computed": _plain(computed),
                                                  "expression": _expression(parts)})
        stated = total(c for _, c in totals)
        if stated is None or computed is None or stated == computed:
            return None
        return Finding(anchor.span, "mismatch", {**values, "stated": _plain(stated), "computed": _plain(computed),
                                                 "expression": _expression(parts)})

    def _cells(self, keyed, line: str, keys: list[str]) -> list[tuple[str, Cell | None]]:
        if self.params.across == "columns":
            return [(c, keyed.cell(line, c)) for c in keyed.cols(keys)]
        return [(r, keyed.cell(r, line)) for r in keyed.rows(keys)]

    def _name(self, keyed, key: str) -> str:
        return keyed.col_name(key) if self.params.across == "columns" else key


def _expression(parts: list[tuple[str, Cell | None]]) -> str:
    return "+".join(c.text if c is not None and c.text else "0" for _, c in parts)


def _plain(value) -> str:
    return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
