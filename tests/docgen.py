"""Build .docx and .pdf test documents in memory, so no binary fixture is ever committed.

docx_bytes(blocks) takes a list of blocks:
  "text"                      a paragraph with typed text
  None                        an empty paragraph
  Num(ilvl, "text", num_id)   a paragraph with Word automatic numbering (w:numPr)
  Styled("Heading 1", "text") a paragraph in a style (which may carry numbering: style_numbering)
  Table([["a", "b"], …])      a table; a cell string with "\\n" holds several paragraphs
  Raw("<w:p>…</w:p>")         raw body elements (w: and mc: prefixes bound), for what python-docx
                              cannot make (fields, breaks, tracked changes, hidden text…)
numbering=XML replaces word/numbering.xml; style_numbering={"Heading 1": ("7", 0)} gives a style a
w:numPr. pdf_bytes(pages) draws pre-wrapped lines with reportlab's built-in CJK font.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

WNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MCNS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


@dataclass(frozen=True)
class Num:
    ilvl: int
    text: str
    num_id: str = "1"


@dataclass(frozen=True)
class Styled:
    style: str
    text: str


@dataclass(frozen=True)
class Table:
    rows: list


@dataclass(frozen=True)
class Raw:
    xml: str


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, suff: str | None = None,
        extra: str = "") -> str:
    suffix = f'<w:suff w:val="{suff}"/>' if suff else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'{suffix}<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


# The GB/T 9704 outline 一、 （一） 1. （1）; in lvlText "%N" is the counter of level N (1-based).
OUTLINE_LEVELS = (lvl(0, "chineseCounting", "%1、") + lvl(1, "chineseCounting", "（%2）")
                  + lvl(2, "decimal", "%3.") + lvl(3, "decimal", "（%4）"))


def numbering_xml(abstracts: dict[str, str], nums: dict[str, str]) -> str:
    """abstracts: abstractNumId → <w:lvl> xml; nums: numId → abstractNumId[ + override xml]."""
    body = "".join(f'<w:abstractNum w:abstractNumId="{a}">{levels}</w:abstractNum>'
                   for a, levels in abstracts.items())
    for num_id, spec in nums.items():
        aid, _, overrides = spec.partition("|")
        body += f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'
    return f'<w:numbering xmlns:w="{WNS}">{body}</w:numbering>'


def docx_bytes(blocks, numbering: str | None = None, style_numbering: dict | None = None) -> bytes:
    import docx
    from docx.oxml import parse_xml

    doc = docx.Document()
    for block in blocks:
        _add_block(doc, block, parse_xml)
    if numbering is not None:
        doc.part.numbering_part._element = parse_xml(numbering)
    for name, (num_id, ilvl) in (style_numbering or {}).items():
        ppr = doc.styles[name].element.get_or_add_pPr()
        ilvl_xml = "" if ilvl is None else f'<w:ilvl w:val="{ilvl}"/>'
        ppr.append(parse_xml(f'<w:numPr xmlns:w="{WNS}">{ilvl_xml}'
                             f'<w:numId w:val="{num_id}"/></w:numPr>'))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _add_block(doc, block, parse_xml) -> None:
    if block is None:
        doc.add_paragraph()
    elif isinstance(block, str):
        doc.add_paragraph(block)
    elif isinstance(block, Styled):
        doc.add_paragraph(block.text, style=block.style)
    elif isinstance(block, Num):
        p = doc.add_paragraph(block.text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr xmlns:w="{WNS}"><w:ilvl w:val="{block.ilvl}"/>'
            f'<w:numId w:val="{block.num_id}"/></w:numPr>'))
    elif isinstance(block, Table):
        table = doc.add_table(rows=len(block.rows), cols=len(block.rows[0]))
        for row, values in zip(table.rows, block.rows):
            for cell, value in zip(row.cells, values):
                first, *rest = value.split("\n")
                cell.text = first
                for more in rest:
                    cell.add_paragraph(more)
    elif isinstance(block, Raw):
        body = doc.element.body
        wrapper = parse_xml(f'<w:body xmlns:w="{WNS}" xmlns:mc="{MCNS}">{block.xml}</w:body>')
        for element in list(wrapper):
            body.insert(len(body) - 1, element)  # before the final w:sectPr


def patch_zip(data: bytes, replace: dict[str, bytes | None]) -> bytes:
    """Copy a zip, replacing members (None deletes one; new names are added)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename not in replace:
                dst.writestr(info, src.read(info))
        for name, content in replace.items():
            if content is not None:
                dst.writestr(name, content)
    return out.getvalue()


# ---------------------------------------------------------------- PDF

FONT = "STSong-Light"
PAGE_W, PAGE_H = 595.27, 841.89  # A4 in points
SIZE = 16  # 三号字, 28 characters per line on a GB/T 9704 type area
MARGIN_X = (PAGE_W - 28 * SIZE) / 2


def wrap(text: str, width: int = 28) -> list[str]:
    """Hard-wrap a paragraph the way a typesetter does: fixed characters per line."""
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def pdf_bytes(pages: list[list[str]], header: str | None = None,
              page_number: str | None = "- {n} -", encrypt=None, header_from: int = 1) -> bytes:
    """One list of lines per page; a running header on top and a page number at the bottom."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(PAGE_W, PAGE_H), encrypt=encrypt)
    for n, lines in enumerate(pages, start=1):
        if header and n >= header_from:
            c.setFont(FONT, 10.5)
            c.drawCentredString(PAGE_W / 2, PAGE_H - 50, header)
        c.setFont(FONT, SIZE)
        for i, line in enumerate(lines):
            c.drawString(MARGIN_X, PAGE_H - 100 - i * 28, line)
        if page_number:
            c.setFont(FONT, 14)
            c.drawCentredString(PAGE_W / 2, 50, page_number.format(n=n))
        c.showPage()
    c.save()
    return out.getvalue()


def pdf_without_text() -> bytes:
    """A 'scanned' page: graphics only, no text layer."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.rect(100, 100, 300, 400, fill=1)
    c.showPage()
    c.save()
    return out.getvalue()


def pdf_flowing(paragraphs: list[str], header: str | None = None) -> bytes:
    """Let reportlab typeset the paragraphs (CJK line breaking, first-line indent, headings
    unindented) with a running header and "- n -" page numbers, as Word's PDF export would."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle("body", fontName=FONT, fontSize=SIZE, leading=28, wordWrap="CJK",
                          firstLineIndent=2 * SIZE)
    heading = ParagraphStyle("heading", parent=body, firstLineIndent=0)

    def decorate(c, doc) -> None:
        c.saveState()
        if header:
            c.setFont(FONT, 10.5)
            c.drawCentredString(PAGE_W / 2, PAGE_H - 50, header)
        c.setFont(FONT, 14)
        c.drawCentredString(PAGE_W / 2, 50, f"- {doc.page} -")
        c.restoreState()

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=(PAGE_W, PAGE_H), leftMargin=MARGIN_X,
                            rightMargin=MARGIN_X, topMargin=100, bottomMargin=90)
    story = [Paragraph(text, heading if text[:1] in "一二三四五（" else body) for text in paragraphs]
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return out.getvalue()


# ---------------------------------------------------------------- whole reports

_MARKERS = ("一二三四五六七八九十", "（一）（二）（三）（四）（五）（六）（七）（八）")


def report_docx(text: str, numbered: bool = True) -> bytes:
    """A report's text as a .docx; with ``numbered`` its 一、/（一） headings use Word automatic
    numbering (the marker is not typed but drawn by w:numPr, as in most real submissions)."""
    import re

    blocks: list = []
    for line in text.split("\n"):
        top = re.match(r"^[一二三四五六七八九十]+、", line)
        sub = re.match(r"^（[一二三四五六七八九十]+）", line)
        if numbered and top:
            blocks.append(Num(0, line[top.end():]))
        elif numbered and sub and len(line) < 40:  # a heading, not a paragraph opening with （一）
            blocks.append(Num(1, line[sub.end():]))
        else:
            blocks.append(line or None)
    numbering = numbering_xml({"0": OUTLINE_LEVELS}, {"1": "0"}) if numbered else None
    return docx_bytes(blocks, numbering=numbering)


def report_pdf(text: str, lines_per_page: int = 24) -> bytes:
    """A report as a PDF export looks to a reader: hard-wrapped lines, "- N -" footers."""
    wrapped = [piece for line in text.split("\n") if line.strip() for piece in wrap(line)]
    pages = [wrapped[i:i + lines_per_page] for i in range(0, len(wrapped), lines_per_page)]
    return pdf_bytes(pages)
