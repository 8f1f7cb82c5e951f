"""Where each character of a .docx's text came from, so findings can be written back into Word.

``read_docx_layout`` (docx.py) reads a .docx exactly as ``read_docx`` does and also returns a
Layout: the parsed word/document.xml tree and one ParagraphTrace per w:p that became a line. A
trace gives the paragraph's ``[start, end)`` in the text (offsets of ``Source.text``), where its
own text begins after a rendered automatic-numbering marker (``body_start``), and the Pieces:
``[start, end)`` of the characters each element produced (w:t, w:tab, w:br, w:sym, m:t…).

Characters with no piece: a rendered numbering marker and the space after it, and the "\\n"
that joins two paragraphs. Deleted (tracked) and hidden text produced no characters at all.
The pieces of a paragraph are in order, contiguous and cover ``[body_start, end)`` exactly.

The Layout is a working structure: the Word writer splits runs and so replaces pieces in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Piece:
    """Characters ``[start, end)`` of the text and the XML element that produced them."""

    start: int
    end: int
    element: object  # an lxml element: w:t, m:t, w:tab, w:ptab, w:br, w:cr, w:noBreakHyphen, w:sym


@dataclass
class ParagraphTrace:
    """One w:p: its span in the text, where its own characters begin, and their pieces."""

    element: object  # the w:p
    start: int
    end: int
    body_start: int  # == start unless an automatic-numbering marker was rendered before the text
    pieces: list[Piece] = field(default_factory=list)


@dataclass
class Layout:
    """The parsed body of a .docx and a trace per paragraph, in text order."""

    document: object  # root element of word/document.xml as read
    paragraphs: list[ParagraphTrace]
    strict: bool = False  # saved as "Strict Open XML": the reader rewrote its namespace


def trace_paragraph(p, start: int, text: str, marker_len: int, lead: int, pieces) -> ParagraphTrace:
    """Place the ``(text, element)`` pieces of one paragraph in the joined text.

    ``lead`` page-break characters were stripped from the front of the paragraph and some from
    its end; a piece (or the part of one) that fell there produced no character of ``text``.
    """
    body_start = start + marker_len
    end = start + len(text)
    placed: list[Piece] = []
    at = body_start - lead
    for chunk, element in pieces:
        a, b = max(at, body_start), min(at + len(chunk), end)
        at += len(chunk)
        if b > a:
            placed.append(Piece(a, b, element))
    return ParagraphTrace(p, start, end, body_start, placed)
