"""Excel workbook for reviewers: 汇总 (one row per report, its verdict first), 问题清单 (every
finding), 跨文件问题 (copies and resubmissions, the likeliest copy first) and 规则统计.

汇总 opens with the verdict counts and the totals of the run, the same lines the terminal and the
HTML page show, then the files of the folders that were left out; its rows are worst first,
filled by verdict, with a link to the file's first row on 问题清单. Every sheet has Chinese
headers, a frozen header row, an autofilter, widths fitted to the (full-width) text and a print
setup (A4 landscape, one page wide, the header row repeated on every page, page numbers).

Written by reporters/sheets.py, one string per row: linear, 100,000 findings in seconds (openpyxl
re-read the sheet after every row, which made the export quadratic: 9 min for 200 reports; even
its write-only mode spends ~35 µs a cell). Text cells are inline strings, never formulas.
"""

from __future__ import annotations

from ..diagnostics import Severity
from ..results import Verdict
from .sheets import Style, Workbook, cell_width
from .summary import SEVERITY_LABEL, file_rows, finding_rows, rule_stats, ticker, totals_line, verdict_line, worst_first

SUMMARY, FINDINGS, CROSS, STATISTICS = "汇总", "问题清单", "跨文件问题", "规则统计"
_FILL = {Severity.ERROR: "FFC7CE", Severity.WARNING: "FFEB9C", Severity.INFO: "DDEBF7", None: "C6EFCE"}
_VERDICT_FILL = {Verdict.RETURN: "FFC7CE", Verdict.REVISE: "FFEB9C", Verdict.PASS: "C6EFCE", Verdict.UNCHECKED: "D9D9D9"}
_UNREADABLE_FILL = "D9D9D9"
# widest a column may grow (in Excel's character units); wider text wraps inside the cell
_MAX_WIDTH = {"文件": 34, "报告主体": 16, "缺少部分": 20, "最严重问题": 46, "说明": 56, "原文摘录": 30, "另一文件": 34,
              "位置": 18}  # 位置: 第8段 · 一、… › （二）…, wrapped
_WRAP = set(_MAX_WIDTH)
_CHUNK = 1000  # rows between two progress ticks


def render(run, options=None) -> bytes:
    advance = ticker(options)
    book = Workbook()
    findings = finding_rows(run)
    rows = worst_first(file_rows(run))
    first = {}
    for offset, row in enumerate(findings, start=2):
        first.setdefault(row.index, offset)
    _Sheet(book.sheet(SUMMARY), advance).write(*_summary(run, rows, first))  # the whole row filled
    _Sheet(book.sheet(FINDINGS), advance, filled=("级别",)).write(*_findings(findings))
    if len(run.files) > 1:
        _Sheet(book.sheet(CROSS), advance, filled=("级别",)).write(*_cross(run))
    _Sheet(book.sheet(STATISTICS), advance).write(*_statistics(run, (options or {}).get("titles") or {}))
    return book.save()


def _summary(run, rows, first: dict[int, int]):
    totals = run.totals
    lead = [verdict_line(totals), totals_line(totals) + "。"] + [f"未检查 {s.path}：{s.reason}" for s in run.skipped]
    header = ("文件", "格式", "结论", "报告主体", "年度", "缺少部分", *SEVERITY_LABEL.values(), "跨文件", "最严重问题", "问题清单")
    body = [((r.path, r.kind, r.verdict.label, r.issuer, r.year, r.missing_text, r.errors, r.warnings, r.infos, r.cross,
              r.worst_text if r.error else _short(r.worst_text), "查看问题" if r.index in first else ""),
             _VERDICT_FILL[r.verdict], f"'{FINDINGS}'!A{first[r.index]}" if r.index in first else None)
            for r in rows]
    return header, body, lead


def _short(text: str, limit: int = 70) -> str:
    """The worst finding in a line or two of the printed summary; 问题清单 has it in full."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _findings(findings):
    header = ("文件", "位置", "部分", "规则", "级别", "说明", "原文摘录")
    body = [((r.path, _where(r), r.part, r.rule, r.level, r.message, r.excerpt),
             _FILL[r.severity] if r.severity else _UNREADABLE_FILL, None) for r in findings]
    return header, body, []


def _where(row) -> str:
    return row.place if row.line is not None else ""


def _cross(run):
    header = ("序号", "规则", "级别", "相同比例", "文件", "位置", "另一文件", "位置", "说明")
    body = []
    for n, d in enumerate(run.cross, start=1):
        here, *others = d.locations
        there = others[0] if others else None
        others = [loc.path for loc in others if loc.path != here.path]
        body.append(((n, d.rule, SEVERITY_LABEL[d.severity], f"{d.share:.0%}" if d.share is not None else "",
                      here.path, _lines(here), "、".join(dict.fromkeys(others)), _lines(there) if there else "", d.message),
                     _FILL[d.severity], None))
    return header, body, [] if body else ["本次检查没有跨文件问题。"]


def _lines(loc) -> str:
    unit = "段" if (loc.path or "").lower().endswith(".docx") else "行"
    return f"第{loc.line}{unit}" if loc.line == loc.end_line else f"第{loc.line}—{loc.end_line}{unit}"


def _statistics(run, titles: dict):
    header = ("规则", "级别", "次数", "文件数", "说明")
    body = [((s.rule, SEVERITY_LABEL[s.severity], s.count, s.files, titles.get(s.rule, "")), None, None)
            for s in rule_stats(run.files, run.cross)]
    return header, body, []


class _Sheet:
    """One sheet: lead lines, a header row, body rows (values, fill, link), widths and print setup."""

    def __init__(self, sheet, advance, filled: tuple[str, ...] = ()) -> None:
        self.sheet, self.advance, self.filled = sheet, advance, filled

    def write(self, header: tuple, body: list, lead: list[str]) -> None:
        sheet, book = self.sheet, self.sheet.book
        sheet.widths = _widths(header, body)
        sheet.header, sheet.footer = f"法治政府建设年度报告检查结果 · {sheet.title}", "第 &P 页，共 &N 页"
        for n, line in enumerate(lead):
            sheet.append([line], [book.style(Style(bold=True, size=14 if n == 0 else 11))])
        if lead:
            sheet.append([])
        top = sheet.append(header, [book.style(Style(fill="F2F2F2", bold=True, wrap=True))] * len(header))
        wrap = [h in _WRAP for h in header]
        wrapped = [c for c, w in enumerate(wrap) if w]
        fills = [not self.filled or h in self.filled for h in header]
        styles: dict[str | None, list[int]] = {}
        for n, (values, fill, link) in enumerate(body, start=1):
            if fill not in styles:
                styles[fill] = [book.style(Style(fill=fill if fills[c] else None, wrap=wrap[c], link=link_col))
                                for c, link_col in enumerate(h == "问题清单" for h in header)]
            row = sheet.append(values, styles[fill], wrapped)
            if link:
                sheet.link(row, len(header), link)
            if not n % _CHUNK:
                self.advance(_CHUNK)
        self.advance(len(body) % _CHUNK)
        from .sheets import column

        sheet.frozen, sheet.title_rows = top, (top, top)
        sheet.filter = f"A{top}:{column(len(header))}{top + max(len(body), 1)}"


def _widths(header: tuple, body: list) -> list[float]:
    """Each column as wide as its widest text (full-width characters count two), within bounds."""
    widths = []
    for c, name in enumerate(header):
        widest = max([cell_width(name)] + [cell_width(str(r[0][c])) for r in body[:2000] if r[0][c] is not None])
        widths.append(min(widest + 2, _MAX_WIDTH.get(name, 40)))
    return widths
