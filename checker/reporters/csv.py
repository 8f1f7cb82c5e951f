"""CSV: one row per finding, UTF-8 with a BOM so that Excel shows the Chinese text correctly.

Columns: 文件, 行, 列, 部分, 规则, 级别, 说明, 原文摘录. A file that could not be read has one row
with 级别 "无法检查"; a cross-report finding has one row for each file it names.
"""

from __future__ import annotations

import csv
import io

from .summary import finding_rows

HEADER = ("文件", "行", "列", "部分", "规则", "级别", "说明", "原文摘录")


def render(run, options=None) -> bytes:
    results, batch = run.files, run.cross
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in finding_rows(results, batch):
        writer.writerow((row.path, _blank(row.line), _blank(row.column), row.part, row.rule, row.level,
                         row.message, _safe(row.excerpt)))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _blank(value) -> str:
    return "" if value is None else str(value)


def _safe(text: str) -> str:
    """Quoted report text must not start a spreadsheet formula (=, +, -, @) when Excel opens it."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
