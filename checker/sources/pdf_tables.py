"""Tables of a PDF, by their ruling lines: cells from geometry, not from the text layer's order.

A PDF's text layer breaks a narrow cell into fragments (“社会公益” / “组织”, “三、本年” / “度办理结”
/ “果”), one line each, so the rows of a table cannot be told from the text alone. pdfplumber
(pdfminer.six underneath) finds the table's ruled cells; each cell's characters are taken from
its box and joined. The lines the text layer made of the table (found by their characters, in
order, whitespace ignored) are replaced by one line per row, the cells of the row separated by
TABs, and the grid is returned with the place of every cell in those lines.

pdfplumber is imported lazily; without it (or on any trouble with one page) a page keeps the
text layer's lines and has no grid.
"""

from __future__ import annotations

import io
import re

_WS = re.compile(r"\s+")
MAX_TABLE_PAGES = 200  # a longer PDF is no annual report; keep reading it cheap


def tables(data: bytes, pages: list[list[str]]) -> tuple[list[list[str]], list[dict]]:
    """(pages with each found table's lines replaced by its rows, grids): a grid is
    {"page": p, "cells": [[row, col, rowspan, colspan, line, start, end], …]} with ``line`` the
    index in its page's new lines and ``start``/``end`` character offsets in that line."""
    try:
        import pdfplumber
    except ImportError:
        return pages, []
    grids: list[dict] = []
    pages = [list(p) for p in pages]
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_TABLE_PAGES:
                return pages, []
            for number, page in enumerate(pdf.pages):
                if number >= len(pages) or not (page.rects or page.lines):
                    continue
                for found in _page_tables(page):
                    grid = _replace(pages[number], found)
                    if grid is not None:
                        grids.append({"page": number, "cells": grid})
    except Exception:  # noqa: BLE001 - a table the extractor cannot read leaves the text layer as it is
        return pages, grids
    return pages, grids


def _page_tables(page) -> list[list[tuple[int, int, int, int, str]]]:
    """Each ruled table of a page as cells (row, col, rowspan, colspan, text), rows top down."""
    out = []
    for table in page.find_tables():
        boxes = table.cells
        if len(boxes) < 2:
            continue
        xs = sorted({round(v, 1) for x0, _, x1, _ in boxes for v in (x0, x1)})
        ys = sorted({round(v, 1) for _, top, _, bottom in boxes for v in (top, bottom)})
        cells = []
        for x0, top, x1, bottom in boxes:
            r, c = ys.index(round(top, 1)), xs.index(round(x0, 1))
            rs, cs = ys.index(round(bottom, 1)) - r, xs.index(round(x1, 1)) - c
            text = page.crop((x0, top, x1, bottom)).extract_text() or ""
            cells.append((r, c, max(rs, 1), max(cs, 1), _join(text)))
        cells.sort(key=lambda cell: (cell[0], cell[1]))
        out.append(_compact(cells))
    return out


def _compact(cells):
    """Row and column indexes renumbered so that no grid line is left without a cell starting on it."""
    rows = sorted({r for r, *_ in cells})
    cols = sorted({c for _, c, *_ in cells})
    rmap, cmap = {r: i for i, r in enumerate(rows)}, {c: i for i, c in enumerate(cols)}
    out = []
    for r, c, rs, cs, text in cells:
        r1 = next((rmap[x] for x in rows if x >= r + rs), len(rows))
        c1 = next((cmap[x] for x in cols if x >= c + cs), len(cols))
        out.append((rmap[r], cmap[c], max(r1 - rmap[r], 1), max(c1 - cmap[c], 1), text))
    return out


def _join(text: str) -> str:
    """A cell's wrapped lines as one: CJK joined directly, Latin words with a space."""
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    joined = ""
    for part in parts:
        if joined and joined[-1].isascii() and joined[-1].isalnum() and part[0].isascii() and part[0].isalnum():
            joined += " "
        joined += part
    return joined


def _replace(lines: list[str], cells) -> list[list[int]] | None:
    """Find the table's characters among ``lines`` and put one TAB-separated row per line there."""
    wanted = "".join(_WS.sub("", text) for *_, text in cells)
    if not wanted:
        return None
    span = _locate(lines, wanted)
    if span is None:
        return None
    first, last = span
    rows: dict[int, list] = {}
    for cell in cells:
        rows.setdefault(cell[0], []).append(cell)
    new_lines, grid = [], []
    for index, r in enumerate(sorted(rows)):
        line, pos = [], 0
        for k, (row, col, rs, cs, text) in enumerate(rows[r]):
            if k:
                line.append("\t")
                pos += 1
            grid.append([row, col, rs, cs, first + index, pos, pos + len(text)])
            line.append(text)
            pos += len(text)
        new_lines.append("".join(line))
    lines[first:last + 1] = new_lines
    return grid


def _locate(lines: list[str], wanted: str) -> tuple[int, int] | None:
    squeezed = [_WS.sub("", line) for line in lines]
    for i, head in enumerate(squeezed):
        if not head or not wanted.startswith(head):
            continue
        acc, j = head, i
        while len(acc) < len(wanted) and j + 1 < len(lines):
            j += 1
            acc += squeezed[j]
            if not wanted.startswith(acc):
                break
        if acc == wanted:
            return i, j
    return None
