"""Turn offsets of ``Source.text`` into places between runs of word/document.xml.

A comment range or a revision must start and end between runs. ``Anchors.cut`` splits runs (a
w:t in two, a run before a w:tab…) so that every offset asked for falls between two runs; the
split runs keep their w:rPr, so nothing changes on the page. ``start_gap``/``end_gap`` then say
where a marker goes: before the run that begins at an offset, or after the one that ends there.

Characters with no run of their own are anchored next to it: a rendered automatic-numbering
marker at the paragraph start, text read from mc:Fallback or from an equation before or after
the whole element that holds it (a run inside them is not what Word shows or edits).
"""

from __future__ import annotations

import bisect
import copy
from dataclasses import dataclass

from ..sources.docx_trace import Piece

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_RUN_CONTENT = {W + t for t in ("t", "tab", "ptab", "br", "cr", "noBreakHyphen", "sym")}
_PROPERTIES = {W + "rPr", W + "pPr"}


@dataclass(frozen=True)
class Gap:
    """Where to put a marker: ``before`` a node, ``after`` it, or appended to an empty paragraph."""

    node: object
    how: str  # before | after | append

    def insert(self, element) -> None:
        if self.how == "before":
            self.node.addprevious(element)
        elif self.how == "after":
            self.node.addnext(element)
        else:
            self.node.append(element)


class Anchors:
    """Places between runs for the paragraphs of one Layout (runs are split on demand)."""

    def __init__(self, layout) -> None:
        self.paragraphs = layout.paragraphs
        self._starts = [p.start for p in self.paragraphs]

    # ---- finding the paragraph --------------------------------------------------------------

    def paragraph(self, offset: int, *, ending: bool = False):
        """The paragraph holding ``offset``; an end at a paragraph's first character belongs to
        the paragraph before (the range ends on the line break)."""
        i = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        if ending and i > 0 and offset <= self.paragraphs[i].start:
            i -= 1
        return self.paragraphs[i] if self.paragraphs else None

    # ---- cutting ------------------------------------------------------------------------------

    def cut(self, offsets) -> None:
        """Split runs so that each offset lies between two runs (where its characters have any)."""
        by_paragraph: dict[int, set[int]] = {}
        for x in offsets:
            p = self.paragraph(x)
            if p is not None and p.body_start < x < p.end:
                by_paragraph.setdefault(id(p), set()).add(x)
        for p in self.paragraphs:
            for x in sorted(by_paragraph.get(id(p), ()), reverse=True):
                _cut_at(p, x)

    # ---- gaps -----------------------------------------------------------------------------------

    def start_gap(self, offset: int) -> Gap | None:
        p = self.paragraph(offset)
        if p is None:
            return None
        if offset >= p.end and p.pieces:
            return Gap(_unit(p, p.pieces[-1]), "after")
        piece = _piece_at(p, offset)
        if piece is None or offset < p.body_start:
            return _paragraph_start(p)
        return Gap(_unit(p, piece), "before")

    def end_gap(self, offset: int) -> Gap | None:
        p = self.paragraph(offset, ending=True)
        if p is None:
            return None
        if offset <= p.body_start or not p.pieces:
            return _paragraph_start(p)
        piece = _piece_at(p, min(offset, p.end) - 1)
        return Gap(_unit(p, piece), "after")

    def pieces_between(self, start: int, end: int) -> list[Piece]:
        p = self.paragraph(start)
        return [piece for piece in p.pieces if start <= piece.start and piece.end <= end] if p else []

    def anchorable(self, p, piece: Piece) -> bool:
        return _anchorable(p, piece)


def _piece_at(p, offset: int) -> Piece | None:
    starts = [piece.start for piece in p.pieces]
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and p.pieces[i].start <= offset < p.pieces[i].end:
        return p.pieces[i]
    return None


def _paragraph_start(p) -> Gap:
    for child in p.element:
        if child.tag not in _PROPERTIES:
            return Gap(child, "before")
    return Gap(p.element, "append")


def _anchorable(p, piece: Piece) -> bool:
    """A run of the paragraph itself: not inside mc:AlternateContent, an equation or a deletion."""
    element = piece.element
    if element.tag not in _RUN_CONTENT or element.getparent() is None or element.getparent().tag != W + "r":
        return False
    node = element.getparent().getparent()
    while node is not None and node is not p.element:
        if node.tag.startswith((_MC, _MATH)) or node.tag in (W + "del", W + "moveFrom"):
            return False
        node = node.getparent()
    return node is p.element


def _unit(p, piece: Piece):
    """The run holding a piece or, when that run is not anchorable, the paragraph child holding it."""
    if _anchorable(p, piece):
        return piece.element.getparent()
    node = piece.element
    while node.getparent() is not None and node.getparent() is not p.element:
        node = node.getparent()
    return node


def _cut_at(p, x: int) -> None:
    """Make ``x`` (strictly inside the paragraph's own text) a boundary between runs."""
    i = next((k for k, piece in enumerate(p.pieces) if piece.start <= x < piece.end), None)
    if i is None or not _anchorable(p, p.pieces[i]):
        return
    piece = p.pieces[i]
    if x > piece.start:
        if piece.element.tag != W + "t" or len(piece.element.text or "") != piece.end - piece.start:
            return
        tail = _split_text(piece.element, x - piece.start)
        p.pieces[i:i + 1] = [Piece(piece.start, x, piece.element), Piece(x, piece.end, tail)]
        piece = p.pieces[i + 1]
    previous = piece.element.getprevious()
    if previous is not None and previous.tag not in _PROPERTIES:
        split_run_before(piece.element)


def _split_text(t, k: int):
    """Cut a w:t after ``k`` characters; the tail becomes a new w:t right after it."""
    text = t.text or ""
    tail = copy.copy(t)
    tail.tail = None
    t.text, tail.text = text[:k], text[k:]
    for el in (t, tail):
        el.set(_XML_SPACE, "preserve")
    t.addnext(tail)
    return tail


def split_run_before(child):
    """Move ``child`` and what follows it in its run into a new run with the same properties."""
    run = child.getparent()
    new = run.makeelement(run.tag, dict(run.attrib))
    props = run.find(W + "rPr")
    if props is not None:
        new.append(copy.deepcopy(props))
    following = [child] + list(child.itersiblings())
    run.addnext(new)
    for el in following:
        new.append(el)
    return new
