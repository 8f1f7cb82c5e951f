"""CSV: one row per finding, UTF-8 with a BOM so that Excel shows the Chinese text correctly.

Columns: 文件, 行, 列, 部分, 规则, 级别, 说明, 原文摘录, 结论, 缺少部分 (the last two are the file's
verdict and missing parts, on each of its rows). Every file has at least one row: a file without
findings one that says 未发现问题, a file that could not be read one with 级别 "无法检查" and the
reason; a cross-report finding has one row for each file it names; a file of a folder that was
left out (an annotated copy…) has a row with 级别 "未检查" and the reason.
"""

from __future__ import annotations

import csv
import io

from ..text.scrub import scrub
from .summary import finding_rows, ticker

# 行/段 and 列/字: a .docx names the paragraph as Word counts them and the character in it;
# 位置 is the place as every view names it (第8段 · 一、… › （二）…).
HEADER = ("文件", "行/段", "列/字", "部分", "规则", "级别", "说明", "原文摘录", "结论", "缺少部分", "位置")


def render(run, options=None) -> bytes:
    advance = ticker(options)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for n, row in enumerate(finding_rows(run, clean=True), start=1):
        writer.writerow((row.path, _blank(row.line), _blank(row.column), row.part, row.rule, row.level,
                         row.message, _safe(row.excerpt), row.verdict, row.missing, row.place))
        if not n % 1000:
            advance(1000)
    for item in run.skipped:
        writer.writerow((item.path, "", "", "", "", "未检查", item.reason, "", "", "", ""))
    return ("\ufeff" + scrub(buffer.getvalue())).encode("utf-8")  # an undecodable file name: U+FFFD


def _blank(value) -> str:
    return "" if value is None else str(value)


def _safe(text: str) -> str:
    """Quoted report text must not start a spreadsheet formula (=, +, -, @) when Excel opens it."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
