"""The fixed tables of a genre (``tables:`` in rulesets/genres/<id>.yaml): how a table is
recognised, and which regexes over its row and column labels name its rows and columns.

```yaml
tables:
  - id: 三
    label: 表三
    match: "申请人情况"
    columns: [{key: 总计, header: "总计"}]
    rows: [{key: 一, match: "本年新收"}]
```
A column with ``count: false`` holds amounts or changes (万元, 本年增/减), not counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..text.regexes import validate

_KEYS = {"id", "label", "match", "columns", "rows", "context"}
_COLUMN_KEYS = {"key", "header", "label", "count"}
_ROW_KEYS = {"key", "match", "label"}


class TemplateError(ValueError):
    """A table template that cannot be used; the message names the key."""


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    label: str
    count: bool = True

    @cached_property
    def header_re(self) -> re.Pattern[str]:
        return re.compile(self.header)


@dataclass(frozen=True)
class Row:
    key: str
    match: str
    label: str

    @cached_property
    def match_re(self) -> re.Pattern[str]:
        return re.compile(self.match)


@dataclass(frozen=True)
class TableTemplate:
    id: str
    label: str
    match: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    context: str = ""

    @cached_property
    def match_re(self) -> re.Pattern[str]:
        return re.compile(self.match)

    @cached_property
    def context_re(self) -> re.Pattern[str] | None:
        return re.compile(self.context) if self.context else None

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


def templates(raw: Any) -> tuple[TableTemplate, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise TemplateError("'tables' must be a list of table templates")
    return tuple(_template(item) for item in raw)


def _template(item: Any) -> TableTemplate:
    if not isinstance(item, dict) or not {"id", "match", "columns"} <= set(item):
        raise TemplateError("each table needs 'id', 'match' and 'columns'")
    _known(item, _KEYS, f"table '{item['id']}'")
    columns = tuple(Column(str(c["key"]), str(c["header"]), str(c.get("label") or c["key"]), bool(c.get("count", True)))
                    for c in _entries(item["columns"], _COLUMN_KEYS, ("key", "header"), item["id"]))
    rows = tuple(Row(str(r["key"]), str(r["match"]), str(r.get("label") or r["key"]))
                 for r in _entries(item.get("rows") or [], _ROW_KEYS, ("key", "match"), item["id"]))
    template = TableTemplate(str(item["id"]), str(item.get("label") or item["id"]), str(item["match"]), columns, rows,
                             str(item.get("context") or ""))
    for pattern in [template.match, template.context] + [c.header for c in columns] + [r.match for r in rows]:
        try:
            validate(pattern)
        except re.error as err:
            raise TemplateError(f"table '{template.id}': {pattern!r} is not a valid regular expression: {err}") from None
    return template


def _entries(raw: Any, keys: set[str], required: tuple[str, ...], table: Any) -> list[dict]:
    if not isinstance(raw, list) or not all(isinstance(e, dict) for e in raw):
        raise TemplateError(f"table '{table}': columns and rows are lists of mappings")
    for entry in raw:
        _known(entry, keys, f"table '{table}'")
        missing = [k for k in required if k not in entry]
        if missing:
            raise TemplateError(f"table '{table}': an entry needs {', '.join(missing)}")
    return raw


def _known(entry: dict, keys: set[str], where: str) -> None:
    unknown = sorted(set(entry) - keys)
    if unknown:
        raise TemplateError(f"{where}: unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(keys))})")
