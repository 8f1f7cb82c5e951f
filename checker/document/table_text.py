"""Tables in text copies: rows of cells separated by TABs, `` | `` or runs of spaces → grids.

What a text copy of a Word table looks like (samples/disclosure/README.md): one row a line, a
horizontally merged cell written once, the continuation of a vertically merged cell written as
an empty cell. So the grid is reconstructed, per run of data rows and the header rows over it:

* data rows (a row with a figure) are read from the right: their last V fields are the value
  columns (V = the widest row of the run), the fields before them labels, left-aligned, the last
  label spanning up to the values; an empty label continues the label cell above it;
* the lowest header row is right-aligned to the values (its first field spans what is left);
  each header row above is laid over the one below it: an empty field below continues the cell
  above it, a run of filled fields below lies under one cell above. Where the counts disagree, a
  run is split where its cells change shape (merged vs single), else evenly.

A line without a separator between two table rows (第二十条第（五）项) is a row spanning the
table; a heading line (一、…, no separator) ends it. A block needs two rows and one figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from ..offsets import Span
from .model import Line
from .tables import Cell, Table

_CAPTION = re.compile(r"^(?:第[一二三四五六七八九十百\d]+条|表\s*[一二三四五六七八九十\d]+|附表)")  # a caption above the rows
_SPACES = re.compile(r"(?: {2,}|\u3000+)")
_SENTENCE = re.compile(r"[。；，！？]")
_FIGURE = re.compile(r"[-−－+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*%?|/|／|—|——")


@dataclass
class _Field:
    text: str
    start: int  # view offsets of the stripped text
    end: int


@dataclass
class _Box:
    """A cell while the grid is being laid out."""

    row: int
    col: int
    colspan: int
    field: _Field
    rowspan: int = 1

    @property
    def empty(self) -> bool:
        return not self.field.text

    @property
    def shape(self) -> tuple[int, int]:
        return self.rowspan, self.colspan


def _fields(line: Line, mode: str) -> list[_Field] | None:
    text = line.text
    if mode == "tab":
        pieces, pos = [], 0
        for piece in text.split("\t"):
            pieces.append((piece, pos))
            pos += len(piece) + 1
    elif mode == "pipe":
        body = text.strip().strip("|｜")
        offset = text.index(body) if body else 0
        pieces, pos = [], offset
        for piece in re.split(r"[|｜]", body):
            pieces.append((piece, pos))
            pos += len(piece) + 1
    else:
        pieces = [(m.group(), m.start()) for m in re.finditer(r"\S+(?: \S+)*", text)]
    out = []
    for piece, pos in pieces:
        lead = len(piece) - len(piece.lstrip())
        stripped = piece.strip()
        start = line.start + pos + lead
        out.append(_Field(stripped, start, start + len(stripped)))
    return out


def _mode(line: Line) -> str | None:
    text = line.text
    if "\t" in text.strip(" ") or (text.startswith("\t") and text.strip()):
        return "tab"
    stripped = text.strip()
    if stripped.count("|") + stripped.count("｜") >= 2 and not _SENTENCE.search(stripped):
        return "pipe"
    if _SPACES.search(stripped) and not _SENTENCE.search(stripped) and len(stripped) <= 80:
        return "spaces"
    return None


def _is_figure(text: str) -> bool:
    return bool(_FIGURE.fullmatch(text.replace(" ", "")))


def find(lines: Sequence[Line], is_heading: Callable[[Line], bool], skip: set[int] = frozenset(), first_index: int = 0) -> list[Table]:
    """Every table of text rows among ``lines`` (lines in ``skip`` belong to a reader's grid)."""
    tables: list[Table] = []
    modes = [None if line.index in skip else _mode(line) for line in lines]
    i = 0
    while i < len(lines):
        if modes[i] is None:
            i += 1
            continue
        mode, block = modes[i], [i]
        above = lines[i - 1] if i > 0 else None
        if (mode == "tab" and above is not None and modes[i - 1] is None and _CAPTION.match(above.content)
                and len(above.content) <= 30 and not _SENTENCE.search(above.content) and not is_heading(above)
                and (not tables or tables[-1].last_line < above.index)):
            block.insert(0, i - 1)
        j = i + 1
        while j < len(lines):
            if modes[j] == mode:
                block.append(j)
            elif (mode == "tab" and modes[j] is None and j + 1 < len(lines) and modes[j + 1] == mode
                  and lines[j].content and not is_heading(lines[j]) and not _SENTENCE.search(lines[j].content)
                  and len(lines[j].content) <= 40):
                block.append(j)  # a caption row between two table rows
            else:
                break
            j += 1
        table = _table(first_index + len(tables), [lines[k] for k in block], mode)
        if table is not None:
            tables.append(table)
        i = j
    return tables


def _table(index: int, block: list[Line], mode: str) -> Table | None:
    rows = [_fields(line, mode) if _mode(line) == mode else [_Field(line.content, line.start + line.text.index(line.content),
                                                                         line.start + line.text.index(line.content) + len(line.content))]
            for line in block]
    if len(rows) < 2 or not any(_is_figure(f.text) for row in rows for f in row):
        return None
    if mode != "tab" and any(len(r) < 2 for r in rows):
        return None
    width = max(len(r) for r in rows)
    grid: list[list[_Box]] = [[] for _ in rows]
    for header, data in _sections(rows):
        values = max(len(rows[r]) - _first_value(rows[r]) for r in data)
        for r in data:
            grid[r] = _data_row(r, rows[r], width, values)
        _merge_labels(grid, data)
        _headers(grid, rows, header, width)
    cells = tuple(Cell(b.row, b.col, b.rowspan, b.colspan, b.field.text,
                       Span(b.field.start, b.field.end)) for row in grid for b in row)
    return Table(index, cells, len(rows), width, block[0].index, block[-1].index, "text")


def _sections(rows: list[list[_Field]]):
    """(header rows, data rows) of each run of data rows and the non-data rows right above it."""
    header: list[int] = []
    data: list[int] = []
    for r, row in enumerate(rows):
        if any(_is_figure(f.text) for f in row):
            data.append(r)
            continue
        if data:
            yield header, data
            header, data = [], []
        header.append(r)
    if data:
        yield header, data
    elif header:
        yield header, []


def _first_value(row: list[_Field]) -> int:
    return next((i for i, f in enumerate(row) if _is_figure(f.text)), len(row))


def _data_row(r: int, row: list[_Field], width: int, values: int) -> list[_Box]:
    labels, vals = (row[:-values], row[-values:]) if len(row) > values else ([], row)
    boxes = [_Box(r, width - len(vals) + k, 1, f) for k, f in enumerate(vals)]
    label_end = width - len(vals)
    for k, f in enumerate(labels):
        span = (label_end - k) if k == len(labels) - 1 else 1
        boxes.insert(k, _Box(r, k, max(span, 1), f))
    return boxes


def _merge_labels(grid: list[list[_Box]], data: list[int]) -> None:
    """An empty label field continues the label cell above it in the same columns."""
    for r in data:
        if r - 1 not in data:
            continue
        kept = []
        for box in grid[r]:
            above = _covering(grid, r - 1, box.col)
            if (box.empty and above is not None and not _is_figure(above.field.text) and above.col == box.col
                    and above.colspan == box.colspan and box.col + box.colspan <= _first_value_col(grid[r])):
                above.rowspan = r + box.rowspan - above.row
                continue
            kept.append(box)
        grid[r] = kept


def _first_value_col(row: list[_Box]) -> int:
    return next((b.col for b in row if _is_figure(b.field.text)), 10**6)


def _covering(grid: list[list[_Box]], r: int, c: int) -> _Box | None:
    for row in grid[: r + 1]:
        for box in row:
            if box.row <= r < box.row + box.rowspan and box.col <= c < box.col + box.colspan:
                return box
    return None


def _headers(grid: list[list[_Box]], rows: list[list[_Field]], header: list[int], width: int) -> None:
    if not header:
        return
    lowest = header[-1]
    grid[lowest] = _right_aligned(lowest, rows[lowest], width)
    for r in reversed(header[:-1]):
        grid[r] = _laid_over(r, rows[r], grid[r + 1], width, grid)


def _right_aligned(r: int, row: list[_Field], width: int) -> list[_Box]:
    if len(row) == 1:
        return [_Box(r, 0, width, row[0])]
    lead = width - len(row)
    return [_Box(r, 0 if k == 0 else lead + k, lead + 1 if k == 0 else 1, f) for k, f in enumerate(row)]


def _laid_over(r: int, row: list[_Field], below: list[_Box], width: int, grid) -> list[_Box]:
    if len(row) == 1:
        return [_Box(r, 0, width, row[0])]
    items = _items(below, len(row))
    if items is None:
        return _right_aligned(r, row, width)
    boxes = []
    for f, item in zip(row, items):
        box = _Box(r, item[0].col, item[-1].col + item[-1].colspan - item[0].col, f)
        if len(item) == 1 and item[0].empty:  # the empty field below continues this cell
            box.rowspan = item[0].row + item[0].rowspan - r
            grid[item[0].row].remove(item[0])
        boxes.append(box)
    return boxes


def _items(below: list[_Box], wanted: int) -> list[list[_Box]] | None:
    """The cells below as groups for ``wanted`` cells above: each empty cell alone, each run of
    filled cells together, runs split where needed."""
    items: list[list[_Box]] = []
    for box in below:
        if box.empty or not items or items[-1][0].empty:
            items.append([box])
        else:
            items[-1].append(box)
    extra = wanted - len(items)
    if extra < 0:
        return None
    while extra > 0:
        runs = [k for k, it in enumerate(items) if len(it) > 1 and not it[0].empty]
        if not runs:
            return None
        changes = [(k, p) for k in runs for p in range(1, len(items[k])) if items[k][p].shape != items[k][p - 1].shape]
        if changes:
            k, p = changes[0]
        else:
            k = max(runs, key=lambda x: len(items[x]))
            p = len(items[k]) // 2
        items[k:k + 1] = [items[k][:p], items[k][p:]]
        extra -= 1
    return items
