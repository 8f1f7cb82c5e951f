"""Read a .docx into plain text, rendering Word's automatic numbering back into the lines.

Positions (what "line N" means for a .docx):
  * Only the main body (word/document.xml) is read. Headers, footers, footnotes, comments, text
    boxes and shapes are not part of the text.
  * Every body paragraph is one line, in document order, empty paragraphs included (an empty
    paragraph is an empty line), so line N is the Nth paragraph mark (¶) a person counts in Word.
  * Tables are read row by row, cell by cell; every paragraph inside a cell is its own line (a cell
    always holds at least one paragraph, so an empty cell is an empty line; a vertically merged
    continuation cell is an empty line too). meta["tables"] lists ``[first_line, last_line]``
    (1-based, inclusive) of each top-level table so the outline can treat them as body text, and
    meta["grids"] its grid: ``{"cells": [[row, col, rowspan, colspan, start, end], …]}``, one entry
    per cell that starts a merge (w:gridSpan across, w:vMerge down, w:gridBefore skipped), with
    the offsets of its text in ``text`` (document/tables.py reads them).
  * Exception: a manual line break (Shift+Enter, w:br / w:cr) starts a new line inside the same
    paragraph, as Word displays it. A page or column break at the very start or end of a paragraph
    adds nothing; in the middle it starts a new line. meta["line_breaks"] counts such extra lines
    (0 means line N is exactly paragraph N) and meta["continued_lines"] lists those lines.
  * Automatic numbering (w:numPr, direct or from the paragraph style) is rendered as Word displays
    it, with counters kept per abstract numbering definition (as Word does), ``w:start``,
    ``w:startOverride`` and ``w:lvlRestart`` honoured. The marker is followed directly by the text
    when it ends in 、 ） . or ． (GB/T 9704 style "一、" "（一）" "1.") or when w:suff is "nothing",
    and by one space otherwise (Word's tab shown as a space). meta["numbering"] = "auto" and
    meta["auto_numbered"] = [line, …] when any marker was rendered.

Inline content: w:t text; w:tab/w:ptab → "\\t"; w:noBreakHyphen → "-"; w:softHyphen → nothing;
w:sym → its character (symbol-font private-use glyphs are dropped); fields show their displayed
result (w:instrText field codes are skipped); mc:AlternateContent is read through its
mc:Fallback (text boxes there stay excluded); deleted text (tracked changes) and hidden runs
(w:vanish) are skipped; inserted text is kept; footnote/comment reference marks are skipped.

Safety: the container (signature, zip caps, safe XML parsing) is docx_package.py's job. The body is
parsed element by element (xml_stream.py), so memory follows the largest paragraph or table.
Runtime dependency: lxml (imported lazily).
"""

from __future__ import annotations

from .docx_numbering import Numbering, Styles, join_marker
from .docx_package import CORRUPT, DOCTYPE, MISSING, STRICT_W, W, check_signature, parse_part, read_parts
from .docx_trace import trace_paragraph
from .errors import reading
from .extracted import Extracted
from .xml_stream import body_children

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_ALTERNATE = _MC + "AlternateContent"
_M_T = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"


# Inline elements whose content a reader of the printed page does not see as body text.
_SKIP = {W + t for t in ("pPr", "rPr", "del", "moveFrom", "instrText", "delInstrText", "delText",
                         "drawing", "pict", "object", "rt", "footnoteReference", "endnoteReference",
                         "commentReference", "annotationRef", "fldData", "txbxContent")}
_CONTAINERS = {W + t for t in ("body", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml",
                               "ins", "moveTo", "smartTag")}
_PAGE = "\f"  # placeholder for a page/column break until the paragraph is assembled


def read_docx(data: bytes) -> Extracted:
    """Return the body text of a .docx; raise SourceError for anything that is not a sane .docx."""
    check_signature(data)
    with reading(MISSING, CORRUPT):
        document, styles, numbering = read_parts(data)
        return _Reader(parse_part(styles), parse_part(numbering)).read(body_children(document, DOCTYPE))


def read_docx_layout(data: bytes):
    """read_docx, plus a docx_trace.Layout: the parsed body and the element behind every character.

    Used to write comments and revisions back on the characters that were read; the body tree
    is the one the text was read from, so offsets and elements agree by construction.
    """
    from .docx_trace import Layout

    check_signature(data)
    with reading(MISSING, CORRUPT):
        document, styles, numbering = read_parts(data)
        trace: list = []
        root = parse_part(document)
        body = root.find(W + "body")  # whole, not streamed: the copy is written back from this tree
        extracted = _Reader(parse_part(styles), parse_part(numbering), trace).read(body if body is not None else ())
        return extracted, Layout(root, trace, strict=STRICT_W in document)


class _Reader:
    """Walks the body once, collecting lines, table ranges and rendered numbering."""

    def __init__(self, styles_root, numbering_root, trace: list | None = None) -> None:
        styles = Styles(styles_root)
        self.numbering = Numbering(numbering_root, styles)
        self.styles = styles
        self.lines: list[str] = []
        self.line_no = 0  # 1-based number of the last line emitted
        self.tables: list[list[int]] = []
        self.grids: list[dict] = []
        self.auto: list[int] = []
        self.breaks = 0
        self.offset = 0  # where the next paragraph starts in the joined text
        self.continued: list[int] = []  # lines that a manual line break started inside a paragraph
        self.trace = trace  # docx_trace.ParagraphTrace per paragraph, when asked for

    def read(self, body_children) -> Extracted:
        for child in body_children:
            self._child(child, in_table=False)
        meta = {"format": "docx", "paragraphs": len(self.lines), "line_breaks": self.breaks,
                "tables": self.tables, "grids": self.grids}
        if self.auto:
            meta.update(numbering="auto", auto_numbered=self.auto)
        if self.continued:
            meta["continued_lines"] = self.continued
        return Extracted(text="\n".join(self.lines), meta=meta)

    def _walk(self, container, in_table: bool) -> None:
        for child in container:
            self._child(child, in_table)

    def _child(self, child, in_table: bool) -> None:
        tag = child.tag
        if tag == W + "p":
            self._paragraph(child)
        elif tag == W + "tbl" and not in_table:
            first = self.line_no + 1
            cells = self._table(child)
            if self.line_no >= first:
                self.tables.append([first, self.line_no])
                self.grids.append({"cells": cells})
        elif tag in _CONTAINERS:
            self._walk(child, in_table)
        elif tag == _ALTERNATE:
            self._walk(_fallback(child), in_table)

    def _table(self, tbl) -> list[list[int]]:
        """Walk a top-level table row by row, recording each cell's grid place and text offsets."""
        cells: list[list[int]] = []
        above: dict[int, int] = {}  # grid column → the cell covering it from the rows above
        row = 0
        for child in tbl:
            if child.tag != W + "tr":
                if child.tag in _CONTAINERS or child.tag == _ALTERNATE:
                    self._walk(child if child.tag != _ALTERNATE else _fallback(child), in_table=True)
                continue
            col = _int(child.find(f"{W}trPr/{W}gridBefore"), 0)
            for tc in child:
                if tc.tag != W + "tc":
                    if tc.tag in _CONTAINERS:
                        self._walk(tc, in_table=True)
                    continue
                span = max(_int(tc.find(f"{W}tcPr/{W}gridSpan"), 1), 1)
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                start = self.offset
                self._walk(tc, in_table=True)
                end = max(self.offset - 1, start)
                if merge is not None and merge.get(W + "val", "continue") == "continue" and col in above:
                    anchor = cells[above[col]]
                    anchor[2] = row - anchor[0] + 1
                else:
                    cells.append([row, col, 1, span, start, end])
                    for k in range(col, col + span):
                        above[k] = len(cells) - 1
                col += span
            row += 1
        return cells

    def _paragraph(self, p) -> None:
        pieces = list(_inline(p, hidden=False))
        joined = "".join(text for text, _ in pieces)
        body = joined.strip(_PAGE).replace(_PAGE, "\n")
        style, num_id, ilvl = self.styles.paragraph_numbering(p)
        marker = self.numbering.marker(num_id, ilvl, style)
        text = body
        if marker is not None:
            text = join_marker(marker[0], marker[1], body)
            self.auto.append(self.line_no + 1)
        if self.trace is not None:
            lead = len(joined) - len(joined.lstrip(_PAGE))
            self.trace.append(trace_paragraph(p, self.offset, text, len(text) - len(body), lead, pieces))
        self.offset += len(text) + 1
        self.continued.extend(range(self.line_no + 2, self.line_no + 2 + text.count("\n")))
        self.breaks += text.count("\n")
        self.line_no += text.count("\n") + 1
        self.lines.append(text)


def _inline(el, hidden: bool):
    """Yield ``(text, element)`` for the visible inline content of a paragraph, in document order.

    The element is the one that produced the text (w:t, w:tab, w:br…); docx_trace keeps it so
    that comments and revisions can be written back on the very characters that were read.
    """
    for child in el:
        tag = child.tag
        if tag in _SKIP or not isinstance(tag, str):
            continue
        if tag == W + "t" or tag == _M_T:
            if not hidden:  # a raw newline in w:t shows as a space in Word
                yield (child.text or "").replace("\r", " ").replace("\n", " "), child
        elif hidden:
            continue
        elif tag in (W + "tab", W + "ptab"):
            yield "\t", child
        elif tag == W + "br":
            yield (_PAGE if child.get(W + "type") in ("page", "column") else "\n"), child
        elif tag == W + "cr":
            yield "\n", child
        elif tag == W + "noBreakHyphen":
            yield "-", child
        elif tag == W + "sym":
            yield _symbol(child.get(W + "char", "")), child
        elif tag == W + "r":
            yield from _inline(child, hidden=_is_hidden(child))
        elif tag == _ALTERNATE:
            yield from _inline(_fallback(child), hidden)
        else:  # hyperlink, fldSimple, ins, smartTag, sdt, ruby base…: look inside
            yield from _inline(child, hidden)


def _int(element, default: int) -> int:
    try:
        return int(element.get(W + "val")) if element is not None else default
    except (TypeError, ValueError):
        return default


def _fallback(alternate):
    """mc:AlternateContent: read the mc:Fallback, the variant meant for any consumer."""
    found = alternate.find(_MC + "Fallback")
    return found if found is not None else ()


def _is_hidden(run) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val", "true") not in ("0", "false", "off")


def _symbol(code: str) -> str:
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    # Symbol/Wingdings glyphs live in the private-use area and mean nothing as text.
    return "" if 0xE000 <= value <= 0xF8FF or value < 0x20 else chr(value)
