"""Tables as grids: cells with their row and column, merges resolved, headers read, places kept.

A Table is built once per document (outline.py) from one of two kinds of source:

* a reader's grid (``source.meta["grids"]``): .docx tables with w:gridSpan / w:vMerge, .pdf
  tables found by their ruling lines (sources/pdf.py). Each cell names its row, column, row and
  column span and its characters in the text, so the grid is exact.
* text rows (table_text.py): a text copy of a table, one row a line, cells separated by TABs,
  `` | `` or runs of spaces. The alignment of merged cells is reconstructed there.

Every cell keeps its place (a span of the matching view, hence line and column, paragraph or
page of the original) so a finding about a cell points at the cell. Reading a table as numbers:
a *data row* holds at least one figure; the rows above a run of data rows are its *header block*;
a value cell's column labels are the header texts over its first column, its row labels the
non-figure texts of its row (vertically merged label cells included).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from ..offsets import Span

_NUMBER = re.compile(r"[-−－+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_PERCENT = re.compile(r"(?:[-−－+]|(?<![\d.]))\d+(?:\.\d+)?\s*[%％]")
NOT_APPLICABLE = frozenset({"/", "／", "—", "-", "－", "——", "\\", "无"})


@dataclass(frozen=True)
class Cell:
    """One cell of the grid (the anchor of a merged cell), as written, with its place."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str  # stripped, the lines of a multi-paragraph cell joined without a break
    span: Span  # matching-view offsets of the text (an empty span where the cell is blank)

    @cached_property
    def kind(self) -> str:
        """blank | number | percent | na (“/”: not applicable) | text."""
        t = self.text.replace(" ", "")
        if not t:
            return "blank"
        if _NUMBER.fullmatch(t):
            return "number"
        if _PERCENT.fullmatch(t):
            return "percent"
        return "na" if t in NOT_APPLICABLE else "text"

    @property
    def value(self) -> Decimal | None:
        """The number a ``number`` cell holds (thousands separators and a Unicode minus read)."""
        if self.kind != "number":
            return None
        return Decimal(self.text.replace(" ", "").replace(",", "").replace("−", "-").replace("－", "-"))

    @property
    def is_figure(self) -> bool:
        return self.kind in ("number", "percent")

    def covers(self, row: int, col: int) -> bool:
        return self.row <= row < self.row + self.rowspan and self.col <= col < self.col + self.colspan


@dataclass(frozen=True)
class Table:
    """A grid of cells: ``cells`` are the anchors in row-major order; every position is covered
    by exactly one anchor or by none (a ragged row)."""

    index: int  # 0-based among the document's tables
    cells: tuple[Cell, ...]
    nrows: int
    ncols: int
    first_line: int  # 0-based line indexes of the matching view, inclusive
    last_line: int
    origin: str  # grid (the reader's geometry: .docx, .pdf) | text (rows of a text copy)

    @cached_property
    def _grid(self) -> dict[tuple[int, int], Cell]:
        grid: dict[tuple[int, int], Cell] = {}
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    grid.setdefault((r, c), cell)
        return grid

    def at(self, row: int, col: int) -> Cell | None:
        """The cell covering (row, col), merged or not."""
        return self._grid.get((row, col))

    def row(self, row: int) -> tuple[Cell, ...]:
        """The anchors that start in ``row``, left to right."""
        return tuple(c for c in self.cells if c.row == row)

    @cached_property
    def data_rows(self) -> frozenset[int]:
        return frozenset(c.row for c in self.cells if c.is_figure)

    @cached_property
    def _header_block(self) -> dict[int, tuple[int, ...]]:
        """Data row → the header rows over it: the non-data rows right above its run of data rows."""
        blocks: dict[int, tuple[int, ...]] = {}
        header: list[int] = []
        previous_data = False
        for r in range(self.nrows):
            if r in self.data_rows:
                blocks[r] = tuple(header)
                previous_data = True
            else:
                if previous_data:
                    header = []
                header.append(r)
                previous_data = False
        return blocks

    def header_rows(self, row: int) -> tuple[int, ...]:
        return self._header_block.get(row, ())

    def column_labels(self, cell: Cell) -> tuple[str, ...]:
        """Header texts over the first column of ``cell``, top to bottom."""
        labels: list[str] = []
        for r in self.header_rows(cell.row):
            above = self.at(r, cell.col)
            if above is not None and above.text and above.text not in labels:
                labels.append(above.text)
        return tuple(labels)

    def row_labels(self, row: int) -> tuple[str, ...]:
        """The texts of ``row`` that are no figures, left to right (merged label cells included)."""
        labels: list[str] = []
        seen: set[int] = set()
        for c in range(self.ncols):
            cell = self.at(row, c)
            if cell is None or id(cell) in seen:
                continue
            seen.add(id(cell))
            if cell.kind == "text":
                labels.append(cell.text)
        return tuple(labels)

    def values(self, row: int) -> tuple[Cell, ...]:
        """The cells of a data row that hold (or should hold) a figure: right of its first label."""
        cells = self.row(row)
        first = next((i for i, c in enumerate(cells) if c.kind != "text"), len(cells))
        return tuple(c for c in cells[first:] if c.kind != "text")

    @property
    def lines(self) -> range:
        return range(self.first_line, self.last_line + 1)

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells if c.text)


def from_grid(index: int, raw: dict, text: str, to_view, line_of) -> Table | None:
    """A Table from a reader's grid: ``raw["cells"]`` = [row, col, rowspan, colspan, start, end]
    in original offsets; ``text`` is the matching view, ``to_view`` maps an original offset into
    it and ``line_of`` gives the 0-based line of a view offset."""
    cells = []
    for r, c, rs, cs, start, end in raw.get("cells", ()):
        a, b = to_view(start), to_view(end)
        piece = text[a:b]
        cells.append(Cell(r, c, max(rs, 1), max(cs, 1), _clean(piece), _trim(piece, a, b)))
    if not cells:
        return None
    cells.sort(key=lambda x: (x.row, x.col))
    first = min(line_of(c.span.start) for c in cells)
    last = max(line_of(max(c.span.end - 1, c.span.start)) for c in cells)
    nrows = max(c.row + c.rowspan for c in cells)
    ncols = max(c.col + c.colspan for c in cells)
    return Table(index, tuple(cells), nrows, ncols, first, last, "grid")


def _clean(text: str) -> str:
    """A cell's text on one line: the paragraphs of a cell (or a PDF's wrapped fragments) joined."""
    parts = [p.strip() for p in text.split("\n")]
    joined = ""
    for part in parts:
        if joined and part and (joined[-1].isascii() and part[0].isascii()) and joined[-1].isalnum() and part[0].isalnum():
            joined += " "
        joined += part
    return joined.strip()


def _trim(piece: str, start: int, end: int) -> Span:
    """The span of a cell's visible characters (an empty span at its start when blank)."""
    lead = len(piece) - len(piece.lstrip())
    tail = len(piece) - len(piece.rstrip())
    if lead == len(piece):
        return Span(start, start)
    return Span(start + lead, end - tail)
