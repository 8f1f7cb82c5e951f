"""A small streaming writer of Excel workbooks (SpreadsheetML, .xlsx): rows in, bytes out.

Why not openpyxl: even in write-only mode it builds a cell object and an lxml element for every
cell (~35 µs each), so 100,000 findings (700,000 cells) took half a minute; the reviewer's export
must take seconds. This writer knows only what the reports need (text and number cells, a few
styles, column widths, frozen header, autofilter, internal links, print setup) and writes each
row as one string: linear, about 1 µs a cell. openpyxl and LibreOffice read the result back in
the tests (tests/test_inbox.py), Excel and WPS open it.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from .. import __version__
from ..text.scrub import scrub

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass(frozen=True)
class Style:
    """How a cell looks; each distinct Style becomes one entry of the workbook's styles."""

    fill: str | None = None  # RGB, e.g. "FFC7CE"
    bold: bool = False
    wrap: bool = False
    size: int = 11
    link: bool = False


PLAIN = Style()


def column(n: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


LINE = 15  # points per line of 11-point text


def cell_width(value: str) -> int:
    """Columns ``value`` takes in Excel's units: two for a full-width character, one otherwise
    (from the UTF-8 length, computed in C: a CJK character is three bytes, ASCII one)."""
    return len(value) + (len(value.encode("utf-8", "surrogatepass")) - len(value)) // 2


def text(value: str) -> str:
    """``value`` escaped for XML, without the characters XML cannot hold (binary junk in a report;
    a lone surrogate of an undecodable file name becomes U+FFFD)."""
    if not value.isprintable():
        value = scrub(_ILLEGAL.sub("", value))
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Workbook:
    def __init__(self) -> None:
        self.sheets: list[Sheet] = []
        self._styles: dict[Style, int] = {PLAIN: 0}

    def sheet(self, title: str) -> "Sheet":
        made = Sheet(self, title, len(self.sheets))
        self.sheets.append(made)
        return made

    def style(self, style: Style) -> int:
        return self._styles.setdefault(style, len(self._styles))

    def save(self) -> bytes:
        """The .xlsx; the same rows give the same bytes (no timestamps), so runs can be compared."""
        out = io.BytesIO()
        with _Zip(out) as z:
            z.writestr("[Content_Types].xml", self._content_types())
            z.writestr("_rels/.rels", _rels([("officeDocument", "xl/workbook.xml"),
                                              ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml")]))
            z.writestr("docProps/core.xml", _CORE)
            z.writestr("xl/workbook.xml", self._workbook())
            z.writestr("xl/_rels/workbook.xml.rels", _rels(
                [("worksheet", f"worksheets/sheet{n + 1}.xml") for n in range(len(self.sheets))] + [("styles", "styles.xml")]))
            z.writestr("xl/styles.xml", self._styles_xml())
            for n, sheet in enumerate(self.sheets):
                z.writestr(f"xl/worksheets/sheet{n + 1}.xml", sheet.xml())
        return out.getvalue()

    def _content_types(self) -> str:
        sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{n + 1}.xml" ContentType="application/'
                         f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for n in range(len(self.sheets)))
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                f"{sheets}</Types>")

    def _workbook(self) -> str:
        sheets = "".join(f"<sheet name={quoteattr(s.title)} sheetId=\"{n + 1}\" r:id=\"rId{n + 1}\"/>"
                         for n, s in enumerate(self.sheets))
        names = "".join(s.defined_names() for s in self.sheets)
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
                f"<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>{sheets}</sheets>"
                f"{f'<definedNames>{names}</definedNames>' if names else ''}</workbook>")

    def _styles_xml(self) -> str:
        styles = sorted(self._styles, key=self._styles.get)
        fonts = list(dict.fromkeys((s.bold, s.size, s.link) for s in styles))
        fills = list(dict.fromkeys(s.fill for s in styles if s.fill))
        font_xml = "".join(_font(bold, size, link) for bold, size, link in fonts)
        fill_xml = '<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' + "".join(
            f'<fill><patternFill patternType="solid"><fgColor rgb="FF{rgb}"/><bgColor rgb="FF{rgb}"/></patternFill></fill>'
            for rgb in fills)
        xfs = "".join(
            f'<xf numFmtId="0" fontId="{fonts.index((s.bold, s.size, s.link))}" fillId="{fills.index(s.fill) + 2 if s.fill else 0}" '
            f'borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">'
            f'<alignment vertical="top"{_WRAP if s.wrap else ""}/></xf>' for s in styles)
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{_MAIN}">'
                f'<fonts count="{len(fonts)}">{font_xml}</fonts><fills count="{len(fills) + 2}">{fill_xml}</fills>'
                '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
                '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                f'<cellXfs count="{len(styles)}">{xfs}</cellXfs>'
                '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


class Sheet:
    """One worksheet, written row by row; settings may be given any time before ``save``."""

    def __init__(self, book: Workbook, title: str, index: int) -> None:
        self.book, self.title, self.index = book, title[:31], index
        self.rows: list[str] = []
        self.widths: list[float] = []
        self.frozen = 0  # rows kept in view
        self.filter: str | None = None  # an A1 range
        self.title_rows: tuple[int, int] | None = None  # repeated on every printed page
        self.links: list[tuple[str, str]] = []  # (cell, location in the workbook)
        self.header, self.footer = "", ""
        self._letters = [column(n) for n in range(1, 65)]

    def append(self, values, styles=(), wrap=()) -> int:
        """Add a row (str and int/float cells, None for an empty one); ``styles`` gives a style id
        per cell (Workbook.style). Returns the row's number.

        ``wrap`` marks the cells whose style wraps text: the row is made as tall as their text
        needs, since LibreOffice (unlike Excel) does not grow a row for wrapped text by itself."""
        number = len(self.rows) + 1
        cells = []
        letters = self._letters
        lines = 1
        for n in wrap:
            value = values[n] if n < len(values) else None
            if isinstance(value, str) and n < len(self.widths):
                lines = max(lines, -(-cell_width(value) // max(int(self.widths[n]) - 1, 1)))
        for n, value in enumerate(values):
            if value is None or value == "":
                continue
            s = styles[n] if n < len(styles) else 0
            ref = f"{letters[n]}{number}"
            style = f' s="{s}"' if s else ""
            if isinstance(value, str):
                cells.append(f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{text(value)}</t></is></c>')
            else:
                cells.append(f'<c r="{ref}"{style}><v>{value}</v></c>')
        height = f' ht="{min(lines, 25) * LINE:.0f}" customHeight="1"' if lines > 1 else ""
        self.rows.append(f'<row r="{number}"{height}>{"".join(cells)}</row>')
        return number

    def link(self, row: int, col: int, location: str) -> None:
        self.links.append((f"{self._letters[col - 1]}{row}", location))

    def defined_names(self) -> str:
        quoted = "'" + self.title.replace("'", "''") + "'"
        names = ""
        if self.filter:
            a, b = (re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", part) for part in self.filter.split(":"))
            names += f'<definedName name="_xlnm._FilterDatabase" localSheetId="{self.index}" hidden="1">{text(quoted)}!{a}:{b}</definedName>'
        if self.title_rows:
            top, bottom = self.title_rows
            names += f'<definedName name="_xlnm.Print_Titles" localSheetId="{self.index}">{text(quoted)}!${top}:${bottom}</definedName>'
        return names

    def _header_footer(self) -> str:
        parts = _part("oddHeader", self.header) + _part("oddFooter", self.footer)
        return f"<headerFooter>{parts}</headerFooter>" if parts else ""

    def xml(self) -> str:
        pane = (f'<pane ySplit="{self.frozen}" topLeftCell="A{self.frozen + 1}" activePane="bottomLeft" state="frozen"/>'
                if self.frozen else "")
        cols = "".join(f'<col min="{n}" max="{n}" width="{w:.1f}" customWidth="1"/>' for n, w in enumerate(self.widths, 1))
        links = "".join(f"<hyperlink ref=\"{ref}\" location={quoteattr(loc)}/>" for ref, loc in self.links)
        return "".join((
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">',
            '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
            f'<sheetViews><sheetView workbookViewId="0"{_SELECTED if self.index == 0 else ""}>{pane}</sheetView></sheetViews>',
            '<sheetFormatPr defaultRowHeight="15"/>', f"<cols>{cols}</cols>" if cols else "",
            "<sheetData>", "".join(self.rows), "</sheetData>",
            f'<autoFilter ref="{self.filter}"/>' if self.filter else "",
            f"<hyperlinks>{links}</hyperlinks>" if links else "",
            '<printOptions gridLines="1"/>',
            '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>',
            '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
            self._header_footer(),
            "</worksheet>",
        ))


_WRAP = ' wrapText="1"'
_SELECTED = ' tabSelected="1"'


def _font(bold: bool, size: int, link: bool) -> str:
    look = ("<b/>" if bold else "") + ("<u/>" if link else "")
    color = '<color rgb="FF0563C1"/>' if link else ""
    return f'<font>{look}<sz val="{size}"/>{color}<name val="等线"/><family val="2"/></font>'


class _Zip(zipfile.ZipFile):
    def __init__(self, out) -> None:
        super().__init__(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1)  # level 1: 3x faster, 10% larger

    def writestr(self, name: str, data: str) -> None:  # type: ignore[override]
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(info, data)


def _part(tag: str, value: str) -> str:
    return f"<{tag}>{text('&C' + value)}</{tag}>" if value else ""


def _rels(targets: list[tuple[str, str]]) -> str:
    items = "".join(
        f'<Relationship Id="rId{n + 1}" Type="{kind if kind.startswith("http") else _REL + "/" + kind}" Target="{target}"/>'
        for n, (kind, target) in enumerate(targets))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{_PKG}">{items}</Relationships>'


_CORE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>法治政府建设年度报告检查结果</dc:title>'
         f"<dc:creator>fzlint {__version__}</dc:creator></cp:coreProperties>")
