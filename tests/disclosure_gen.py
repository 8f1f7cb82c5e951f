"""Render a 政府信息公开工作年度报告 sample (.txt, samples/disclosure/) as .docx and .pdf, in memory.

The .txt holds the tables the way a text copy of a Word table looks: one table row per line, cells
separated by TABs, a horizontally merged cell written once, the continuation of a vertically
merged cell written as an empty cell. This module rebuilds the official layout from that:

  表二 (第二十条…项 blocks)      4 grid columns; a block heading spans all four, the last cell of a
                                 shorter row spans the rest (2021: 本年处理决定数量 / 本年收费金额).
  表三 (…勾稽关系… 申请人情况)  10 grid columns: 3 label columns + 自然人, 商业企业, 科研机构,
                                 社会公益组织, 法律服务机构, 其他, 总计. The corner note spans 3×3,
                                 申请人情况 spans all 7 value columns, 法人或其他组织 spans 5, 自然人 and
                                 总计 span 2 rows; 一/二/四 row labels span the 3 label columns,
                                 三、本年度办理结果 is merged down the result rows, （三）…（六） down
                                 their items, and （一）（二）（七） (2019: （六）) span 2 label columns.
  表四 (行政复议 / 行政诉讼)      15 grid columns: 行政复议 spans 5, 行政诉讼 10; the 5 行政复议
                                 sub-headers span 2 rows, 未经复议直接起诉 and 复议后起诉 span 5.

API
  parse(text) -> list of blocks: Title(text), Heading(level, text), Para(text), Table(kind, grid),
                 Signature(lines). kind is "二", "三" or "四" (None for a table it does not know).
  layout(kind, rows) -> Grid(cells, spans): cells[r][c] is the text of an anchor cell, or None where
                 a merged cell covers the position; spans = [(r0, c0, r1, c1)], inclusive.
  tables(text) -> list of (kind, Grid).
  docx_bytes(text, headings="plain") -> bytes: python-docx; every table a real Word table with the
                 merges above (python-docx cell.merge: w:gridSpan / w:vMerge); narrative paragraphs keep their typed
                 numbering (一、 （一）); headings="styled" puts headings in "Heading 1"/"Heading 2".
  pdf_bytes(text) -> bytes: reportlab platypus with the built-in CID font STSong-Light (as
                 tests/docgen.py); tables are reportlab Tables with the same SPANs and a full grid, so a
                 text-layer table extractor (pdfplumber, camelot) finds the ruling lines and cells.
  write(txt_path, out_dir) -> (docx_path, pdf_path); also ``python tests/disclosure_gen.py FILE… -o DIR``.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

FONT = "STSong-Light"

# ---------------------------------------------------------------- parsing

T2_BLOCK = re.compile(r"^第二十条\s*第[（(][一二三四五六七八九十][）)]项$")
H1 = re.compile(r"^[一二三四五六七八九十]+、")
H2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")


@dataclass(frozen=True)
class Title:
    text: str


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Para:
    text: str


@dataclass
class Grid:
    cells: list
    spans: list = field(default_factory=list)

    @property
    def ncols(self) -> int:
        return len(self.cells[0]) if self.cells else 0


@dataclass
class Table:
    kind: str | None
    grid: Grid
    rows: list  # the TAB fields as written


@dataclass(frozen=True)
class Signature:
    lines: tuple


def _is_table_line(line: str) -> bool:
    return "\t" in line or bool(T2_BLOCK.match(line.strip()))


def _kind(first: list[str]) -> str | None:
    head = first[0].strip()
    if T2_BLOCK.match(head):
        return "二"
    if "勾稽关系" in head or "申请人情况" in first:
        return "三"
    if head == "行政复议":
        return "四"
    return None


def parse(text: str) -> list:
    lines = text.replace("\r\n", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    blocks: list = []
    signature: tuple = ()
    if len(lines) >= 2 and DATE.match(lines[-1].strip()):
        signature = (lines[-2].strip(), lines[-1].strip())
        lines = lines[:-2]
    i = 0
    while i < len(lines):
        line = lines[i]
        if _is_table_line(line):
            j = i
            rows = []
            while j < len(lines) and _is_table_line(lines[j]):
                rows.append(lines[j].split("\t"))
                j += 1
            # 表二 blocks follow each other; 表三 and 表四 each start a new table
            kind = _kind(rows[0])
            blocks.append(Table(kind, layout(kind, rows), rows))
            i = j
            continue
        stripped = line.strip()
        if not blocks:
            blocks.append(Title(stripped))
        elif not stripped:
            blocks.append(Para(""))
        elif H1.match(stripped) and len(stripped) <= 40 and "。" not in stripped:
            blocks.append(Heading(1, stripped))
        elif H2.match(stripped) and len(stripped) <= 30 and not re.search(r"[。：:；]", stripped):
            blocks.append(Heading(2, stripped))
        else:
            blocks.append(Para(stripped))
        i += 1
    if signature:
        blocks.append(Signature(signature))
    return blocks


def tables(text: str) -> list:
    return [(b.kind, b.grid) for b in parse(text) if isinstance(b, Table)]


# ---------------------------------------------------------------- layout

def _empty(nrows: int, ncols: int) -> list:
    return [["" for _ in range(ncols)] for _ in range(nrows)]


def _span(grid: Grid, r0: int, c0: int, r1: int, c1: int, text: str) -> None:
    if (r0, c0) == (r1, c1):
        grid.cells[r0][c0] = text
        return
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            grid.cells[r][c] = None
    grid.cells[r0][c0] = text
    grid.spans.append((r0, c0, r1, c1))


def _generic(rows: list) -> Grid:
    ncols = max(len(r) for r in rows)
    grid = Grid(_empty(len(rows), ncols))
    for r, fields in enumerate(rows):
        for c, value in enumerate(fields):
            grid.cells[r][c] = value
    return grid


def _layout2(rows: list) -> Grid:
    ncols = max(4, max(len(r) for r in rows))
    grid = Grid(_empty(len(rows), ncols))
    for r, fields in enumerate(rows):
        n = len(fields)
        for c, value in enumerate(fields[:-1]):
            grid.cells[r][c] = value
        _span(grid, r, n - 1, r, ncols - 1, fields[-1])
    return grid


def _layout3(rows: list) -> Grid:
    if len(rows) < 4 or len(rows[1]) < 4 or len(rows[2]) < 7:
        return _generic(rows)
    grid = Grid(_empty(len(rows), 10))
    _span(grid, 0, 0, 2, 2, rows[0][0])
    _span(grid, 0, 3, 0, 9, rows[0][1] if len(rows[0]) > 1 else "")
    _span(grid, 1, 3, 2, 3, rows[1][1])
    _span(grid, 1, 4, 1, 8, rows[1][2])
    _span(grid, 1, 9, 2, 9, rows[1][3])
    for c, value in enumerate(rows[2][2:7]):
        grid.cells[2][4 + c] = value
    block = group = None  # start rows of the open vertical merges in label columns 0 and 1

    def close(start, end, col, text):
        _span(grid, start, col, end, col, text)

    for r in range(3, len(rows)):
        fields = rows[r]
        values, labels = fields[-7:], fields[:-7]
        for c, value in enumerate(values):
            grid.cells[r][3 + c] = value
        continues_block = len(labels) >= 2 and labels[0] == ""
        continues_group = len(labels) == 3 and labels[1] == ""
        if group is not None and not continues_group:
            close(group[0], r - 1, 1, group[1])
            group = None
        if block is not None and not continues_block:
            close(block[0], r - 1, 0, block[1])
            block = None
        if len(labels) <= 1:
            _span(grid, r, 0, r, 2, labels[0] if labels else "")
            continue
        if labels[0]:
            block = (r, labels[0])
        if len(labels) == 2:
            _span(grid, r, 1, r, 2, labels[1])
        else:
            if labels[1]:
                group = (r, labels[1])
            grid.cells[r][2] = labels[2]
    last = len(rows) - 1
    if group is not None:
        close(group[0], last, 1, group[1])
    if block is not None:
        close(block[0], last, 0, block[1])
    return grid


def _layout4(rows: list) -> Grid:
    if len(rows) < 4 or len(rows[1]) < 7 or len(rows[2]) < 15:
        return _generic(rows)
    grid = Grid(_empty(len(rows), 15))
    _span(grid, 0, 0, 0, 4, rows[0][0])
    _span(grid, 0, 5, 0, 14, rows[0][1] if len(rows[0]) > 1 else "")
    for c in range(5):
        _span(grid, 1, c, 2, c, rows[1][c])
    _span(grid, 1, 5, 1, 9, rows[1][5])
    _span(grid, 1, 10, 1, 14, rows[1][6])
    for c, value in enumerate(rows[2][5:15]):
        grid.cells[2][5 + c] = value
    for r in range(3, len(rows)):
        for c, value in enumerate(rows[r][:15]):
            grid.cells[r][c] = value
    return grid


def layout(kind: str | None, rows: list) -> Grid:
    return {"二": _layout2, "三": _layout3, "四": _layout4}.get(kind, _generic)(rows)


# ---------------------------------------------------------------- .docx

WNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _east_asia(run_or_style, name: str) -> None:
    from docx.oxml.ns import qn

    element = run_or_style._r if hasattr(run_or_style, "_r") else run_or_style.element
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), name)


def _docx_table(doc, grid: Grid):
    """A Word table with the grid's merges, made with python-docx's cell.merge() (which writes
    w:gridSpan across and w:vMerge restart/continue down). The cells are looked up once, before
    merging: table.cell(r, c) re-scans the whole table on every call, seconds for a 28-row table.
    Every anchor (the top-left cell of a merge, or an unmerged cell) lies outside all other merges,
    so its element survives the merges and the cached lookup stays valid."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt
    from docx.table import _Cell

    table = doc.add_table(rows=len(grid.cells), cols=grid.ncols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tcs = [list(tr.tc_lst) for tr in table._tbl.tr_lst]
    for r0, c0, r1, c1 in grid.spans:
        _Cell(tcs[r0][c0], table).merge(_Cell(tcs[r1][c1], table))
    for r, row in enumerate(grid.cells):
        for c, text in enumerate(row):
            if text is None:
                continue
            cell = _Cell(tcs[r][c], table)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(text)
            run.font.size = Pt(9)
            if re.fullmatch(r"-?[\d.]+|/|—", text.strip() or "x"):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return table


def docx_bytes(text: str, headings: str = "plain") -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(16)
    _east_asia(normal, "仿宋_GB2312")
    for block in parse(text):
        if isinstance(block, Title):
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(block.text)
            run.font.size = Pt(22)
            _east_asia(run, "方正小标宋简体")
        elif isinstance(block, Heading):
            if headings == "styled":
                doc.add_paragraph(block.text, style=f"Heading {block.level}")
            else:
                p = doc.add_paragraph()
                p.paragraph_format.first_line_indent = Pt(32)
                run = p.add_run(block.text)
                _east_asia(run, "黑体" if block.level == 1 else "楷体_GB2312")
        elif isinstance(block, Para):
            p = doc.add_paragraph()
            if block.text:
                p.paragraph_format.first_line_indent = Pt(32)
                m = re.match(r"^([（(][一二三四五六七八九十]+[）)][^。：:]{1,16}[。：:])(.+)$", block.text)
                if m:  # an inline heading: （一）主动公开。全年…
                    lead = p.add_run(m.group(1))
                    _east_asia(lead, "楷体_GB2312")
                    p.add_run(m.group(2))
                else:
                    p.add_run(block.text)
        elif isinstance(block, Table):
            _docx_table(doc, block.grid)
        elif isinstance(block, Signature):
            for line in block.lines:
                p = doc.add_paragraph(line)
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- .pdf

PAGE_W, PAGE_H = 595.27, 841.89  # A4
MARGIN = 42
WIDTHS = {  # points; the type area is 511 wide
    "二": [190, 107, 107, 107],
    "三": [40, 72, 147] + [36] * 7,
    "四": [34] * 15,
}


def pdf_bytes(text: str) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=21, wordWrap="CJK", firstLineIndent=24)
    title = ParagraphStyle("title", parent=body, fontSize=18, leading=28, alignment=TA_CENTER,
                           firstLineIndent=0, spaceAfter=12)
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT, firstLineIndent=0)
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=7.5, leading=9.5, wordWrap="CJK", alignment=TA_CENTER)

    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    story = []
    for block in parse(text):
        if isinstance(block, Title):
            story.append(Paragraph(esc(block.text), title))
        elif isinstance(block, Heading):
            story.append(Paragraph(esc(block.text), body))
        elif isinstance(block, Para):
            story.append(Paragraph(esc(block.text), body) if block.text else Spacer(1, 10))
        elif isinstance(block, Table):
            grid = block.grid
            data = [[Paragraph(esc(v), cell) if v else "" for v in row] for row in grid.cells]
            widths = WIDTHS.get(block.kind)
            if widths is None or len(widths) != grid.ncols:
                widths = [(PAGE_W - 2 * MARGIN) / grid.ncols] * grid.ncols
            style = [("FONT", (0, 0), (-1, -1), FONT, 7.5),
                     ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                     ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                     ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
            style += [("SPAN", (c0, r0), (c1, r1)) for r0, c0, r1, c1 in grid.spans]
            story.append(KeepTogether([RLTable(data, colWidths=widths, style=TableStyle(style))]))
            story.append(Spacer(1, 6))
        elif isinstance(block, Signature):
            story.append(Spacer(1, 12))
            story += [Paragraph(esc(line), right) for line in block.lines]

    def page_number(c, doc) -> None:
        c.saveState()
        c.setFont(FONT, 10.5)
        c.drawCentredString(PAGE_W / 2, 30, f"- {doc.page} -")
        c.restoreState()

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=(PAGE_W, PAGE_H), leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=56, bottomMargin=56)
    doc.build(story, onFirstPage=page_number, onLaterPages=page_number)
    return out.getvalue()


# ---------------------------------------------------------------- files

def write(txt_path, out_dir) -> tuple[Path, Path]:
    src = Path(txt_path)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    text = src.read_text(encoding="utf-8")
    docx_path, pdf_path = out / (src.stem + ".docx"), out / (src.stem + ".pdf")
    docx_path.write_bytes(docx_bytes(text))
    pdf_path.write_bytes(pdf_bytes(text))
    return docx_path, pdf_path


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("-o", "--out", default=".")
    args = parser.parse_args()
    for name in args.files:
        for path in write(name, args.out):
            print(path)
