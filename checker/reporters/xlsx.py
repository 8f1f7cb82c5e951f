"""Excel workbook for reviewers: a summary sheet, a findings sheet and per-rule statistics.

汇总 has one row per file, worst first, filled by its worst severity, with a link to the file's
first row on 问题清单. Every sheet has Chinese headers, a frozen header row, an autofilter and
column widths fitted to the (full-width) text. openpyxl is imported only when this format is used.
Report text never becomes a formula: cells are always written as strings.
"""

from __future__ import annotations

import io
import unicodedata

from ..diagnostics import Severity
from .summary import SEVERITY_LABEL, file_rows, finding_rows, rule_stats, worst_first

SUMMARY, FINDINGS, STATISTICS = "汇总", "问题清单", "规则统计"
_FILL = {Severity.ERROR: "FFC7CE", Severity.WARNING: "FFEB9C", Severity.INFO: "DDEBF7", None: "C6EFCE"}
_UNREADABLE_FILL = "D9D9D9"
_MAX_WIDTH = {"说明": 80, "最严重问题": 60, "原文摘录": 50}


def render(run, options=None) -> bytes:
    from openpyxl import Workbook

    results, batch = run.files, run.cross

    book = Workbook()
    first_rows = _findings(book.active, results, batch)
    summary = book.create_sheet(SUMMARY, 0)
    _summary(summary, results, batch, first_rows)
    _statistics(book.create_sheet(STATISTICS), results, batch, (options or {}).get("titles") or {})
    book.active = 0
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _summary(sheet, results, batch, first_rows: dict[int, int]) -> None:
    from openpyxl.worksheet.hyperlink import Hyperlink

    header = ("文件", "报告主体", "年度", "已识别部分", "错误", "警告", "提示", "跨文件", "最严重问题", "问题清单")
    rows = worst_first(file_rows(results, batch))
    _table(sheet, header, [
        (r.path, r.issuer, r.year, r.parts_text, r.errors, r.warnings, r.infos, r.cross, r.worst_text,
         "查看问题" if r.index in first_rows else "")
        for r in rows
    ])
    for offset, row in enumerate(rows, start=2):
        _fill(sheet, offset, len(header), _UNREADABLE_FILL if row.error else _FILL[row.worst])
        if row.index in first_rows:
            link = sheet.cell(row=offset, column=len(header))
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{FINDINGS}'!A{first_rows[row.index]}")
            link.style = "Hyperlink"


def _findings(sheet, results, batch) -> dict[int, int]:
    """Fill the findings sheet; return file index → its first row there (for the links)."""
    sheet.title = FINDINGS
    header = ("文件", "行", "部分", "规则", "级别", "说明", "原文摘录")
    rows = finding_rows(results, batch)
    _table(sheet, header, [(r.path, r.line, r.part, r.rule, r.level, r.message, r.excerpt) for r in rows])
    first: dict[int, int] = {}
    for offset, row in enumerate(rows, start=2):
        first.setdefault(row.index, offset)
        _fill(sheet, offset, 5, _FILL[row.severity] if row.severity else _UNREADABLE_FILL, start=5)
    return first


def _statistics(sheet, results, batch, titles: dict) -> None:
    header = ("规则", "级别", "次数", "文件数", "说明")
    stats = rule_stats(results, batch)
    _table(sheet, header, [(s.rule, SEVERITY_LABEL[s.severity], s.count, s.files, titles.get(s.rule, "")) for s in stats])


def _table(sheet, header: tuple, rows: list[tuple]) -> None:
    from openpyxl.styles import Font

    sheet.append([_text(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in rows:
        sheet.append([_text(v) if isinstance(v, str) else v for v in values])
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # report text starting with "=" is text, never a formula
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _widths(sheet, header, rows)


def _text(value: str) -> str:
    """Without the control characters that Excel rejects (binary junk in a report)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _fill(sheet, row: int, columns: int, color: str, start: int = 1) -> None:
    from openpyxl.styles import PatternFill

    fill = PatternFill("solid", start_color=color, end_color=color)
    for column in range(start, columns + 1):
        sheet.cell(row=row, column=column).fill = fill


def _widths(sheet, header: tuple, rows: list[tuple]) -> None:
    from openpyxl.utils import get_column_letter

    for column, name in enumerate(header, start=1):
        widest = max([_cells(name)] + [_cells(str(r[column - 1])) for r in rows[:2000] if r[column - 1] is not None])
        sheet.column_dimensions[get_column_letter(column)].width = min(widest + 2, _MAX_WIDTH.get(name, 40))


def _cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
