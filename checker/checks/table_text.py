"""Figures the narrative states against the cells of a genre's fixed tables.

Each entry of ``figures`` is a regex with a group ``n`` (the count as written) and the cells it
must equal (a sum when several: ``rows: [（三）*]``, ``cols: [商业企业, …]``). A share written
right after the figure (“予以公开18件，占36.0%”) is checked against the table's count over the
entry's ``base`` cells at the stated precision (rounded or truncated, text/numbers.py). A blank
cell in a column of ``blank_totals`` reads as the sum of its row's columns listed there (the
format's 总计). ``sums`` name figures whose stated values must add up to another's, when the same
paragraph states all of them.

```yaml
check: table_text
params:
  figures:
    - {name: 予以公开, match: '予以公开(?P<n>\\d+)件', table: 三, rows: [（一）], cols: [总计], base: {rows: [（七）], cols: [总计]}}
  sums: [{total: 办结, parts: [予以公开, 部分公开]}]
  blank_totals: {总计: [自然人, 商业企业]}
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..diagnostics import Finding
from ..offsets import Span
from ..text.intervals import Fit, fit_rate
from .base import Check, ParamError

_SHARE = re.compile(r"(?:[，,、]|(?<!\s))\s*(?:占比?|比例为|占比为)\s*(?P<pct>\d+(?:\.\d+)?)\s*%")
_VALUES = ("text", "stated", "computed", "where", "name", "base_where")


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``table_text`` check (validated by Check.compile)."""

    figures: tuple[dict[str, Any], ...]
    sums: tuple[dict[str, Any], ...] = ()
    blank_totals: dict[str, tuple[str, ...]] | None = None


class TableTextCheck(Check):
    name = "table_text"
    Params = Params
    messages = {"count": _VALUES, "share": _VALUES, "sum": _VALUES}

    @classmethod
    def validate(cls, params: Params) -> None:
        for f in params.figures:
            if not {"name", "match", "table", "rows", "cols"} <= set(f):
                raise ParamError("each of 'figures' needs name, match, table, rows and cols")
            try:
                if "n" not in re.compile(f["match"]).groupindex:
                    raise ParamError(f"figure '{f['name']}': 'match' needs a group (?P<n>…)")
            except re.error as err:
                raise ParamError(f"figure '{f['name']}': 'match' is not a valid regular expression: {err}") from None

    def run(self, view):
        tables = view.analysis.keyed_tables
        if not tables:
            return
        doc = view.doc
        for line in view.lines:
            if doc.table_at(line.index) is not None:
                continue
            stated = {}
            for fig in self.params.figures:
                for m in re.finditer(fig["match"], line.text):
                    stated.setdefault(fig["name"], (int(m.group("n")), m))
                    yield from self._figure(tables, fig, line, m)
            yield from self._sums(line, stated, tables)

    def _figure(self, tables, fig: dict, line, m):
        keyed = tables.get(fig["table"])
        actual = self._value(keyed, fig["rows"], fig["cols"])
        if actual is None:
            return
        where = _where(keyed, fig)
        n = Decimal(m.group("n"))
        span = Span(line.start + m.start(), line.start + m.end())
        values = {"text": m.group(), "where": where, "name": fig["name"]}
        if n != actual:
            yield Finding(span, "count", {**values, "stated": m.group("n"), "computed": _plain(actual)})
        share = _SHARE.match(line.text, m.end())
        base = fig.get("base")
        if share and base:
            whole = self._value(keyed, base["rows"], base["cols"])
            pct = Decimal(share.group("pct"))
            places = len(share.group("pct").partition(".")[2])
            if whole and fit_rate(actual, whole, pct, places) is Fit.NEITHER:
                right = (actual * 100 / whole).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
                text = share.group().lstrip("，,、 ")
                at = line.start + share.end() - len(text)
                yield Finding(Span(at, line.start + share.end()), "share",
                              {**values, "text": text, "stated": f"{share.group('pct')}%", "computed": f"{right}%",
                               "base_where": keyed.where(base["rows"][0], base["cols"][0])})

    def _sums(self, line, stated: dict, tables):
        for spec in self.params.sums:
            names = [spec["total"], *spec["parts"]]
            if not all(n in stated for n in names):
                continue
            parts = sum(stated[n][0] for n in spec["parts"])
            whole, _ = stated[spec["total"]]
            if parts != whole:
                first = min(stated[n][1].start() for n in spec["parts"])
                last = max(stated[n][1].end() for n in spec["parts"])
                yield Finding(Span(line.start + first, line.start + last), "sum",
                              {"text": line.text[first:last], "stated": str(parts), "computed": str(whole),
                               "name": spec["total"], "where": stated[spec["total"]][1].group()})

    def _value(self, keyed, rows, cols) -> Decimal | None:
        if keyed is None:
            return None
        cells = keyed.select(rows, cols)
        if not cells:
            return None
        total = Decimal(0)
        for row, col, cell in cells:
            value = cell.value if cell is not None else None
            if value is None and cell is not None and cell.kind == "blank":
                value = self._blank_total(keyed, row, col)
            if value is None:
                return None
            total += value
        return total

    def _blank_total(self, keyed, row: str, col: str) -> Decimal | None:
        parts = (self.params.blank_totals or {}).get(col)
        if not parts:
            return None
        cells = [keyed.cell(row, c) for c in parts]
        if any(c is None or c.value is None for c in cells):
            return None
        return sum((c.value for c in cells), Decimal(0))


def _where(keyed, fig: dict) -> str:
    """表三 第“（七）总计”行 “总计”列; for a sum: the rows or columns it adds up."""
    rows, cols = fig["rows"], fig["cols"]
    label = keyed.template.label
    if len(rows) > 1 or rows[0].endswith("*"):
        return f"{label} “{fig['name']}”各行 “{'、'.join(keyed.col_name(c) for c in cols)}”列之和"
    if len(cols) > 1:
        return f"{label} 第“{keyed.row_name(rows[0])}”行 {'、'.join(keyed.col_name(c) for c in cols)}之和"
    return keyed.where(rows[0], cols[0])


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")
