"""Page furniture: what a PDF or Word copy repeats on every page, found once for two rules.

A copied document keeps its page numbers ("- 3 -", "第3页") and its running header, a short line
(usually the title, often shortened: "青溪镇2023年度法治政府建设情况报告") printed at the top of
every page. Between two pages they sit in the middle of a sentence. format/page-number reports
them; format/broken-line reads a sentence across them and never takes them for its second half.

- A page number is a line that is only a number in a page-number shape, unless its neighbours are
  short or numeric (a table column: 序号 / 1 / 2 / 合计).
- A running header is a line that repeats the report's title below the title itself, or a short
  unpunctuated line that occurs twice or more, at least twice at a page break: next to a page
  number, or (once the page numbers are gone) right after a line that stops mid-sentence. Only
  the first kind of evidence makes deleting it safe.
- A label (a short unpunctuated line that occurs twice or more, or once next to a page number)
  may be a header (of a two-page copy, or one whose page numbers were already deleted) or a real
  label; format/broken-line never joins a sentence to it, but nobody deletes it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..document.model import Document, Line
from ..text.pagination import PAGE_NUMBER as PAGE
from . import line_breaks as wraps

_SENTENCE_MARK = re.compile(r"[。，；！？,;!?]")
_OWN_KINDS = ("title", "header", "addressee", "closing", "signature")  # the report's own lines
_LABEL_CHARS = (4, 40)
_MIN_TITLE_CHARS = 8  # a shorter "title" is too generic to call every copy of it a header


@dataclass(frozen=True)
class Furniture:
    """Page furniture of one document: page-number lines and running headers."""

    pages: dict  # line index → the PAGE match of a page-number line
    headers: dict  # line index → ("title" | "header", safe): a copy of the title, or repeated at page breaks
    labels: frozenset  # line indexes of labels that may be headers (see the module docstring)

    def certain(self) -> set[int]:
        """Lines that are surely furniture: a sentence may be read across them."""
        return set(self.pages) | set(self.headers)


def find(doc: Document, table_cell_chars: int = 8) -> Furniture:
    # a cell of a table (a header row repeated by each block of 表二) is never page furniture
    lines = [line for line in doc.filled_lines() if doc.table_at(line.index) is None]
    pages = page_numbers(doc, lines, table_cell_chars)
    groups = _label_groups(doc, lines, pages)
    headers, labels = {}, set()
    title = _squeeze(doc.title_text)
    for key, group in groups.items():
        kind = _header_kind(key, group, title, pages, lines)
        if kind:
            headers.update({lines[pos].index: kind for pos in group})
        elif len(group) >= 2 or any(_next_to_page(lines, pos, pages) for pos in group):
            labels.update(lines[pos].index for pos in group)
    return Furniture(pages, headers, frozenset(labels))


def page_numbers(doc: Document, lines: list[Line], table_cell_chars: int) -> dict:
    headings = {h.line for h in doc.headings}
    trailer = {line.index for line in doc.trailer}
    found = {}
    for pos, line in enumerate(lines):
        m = PAGE.match(line.text)
        if m and (line.index in trailer or not _in_table(lines, pos, headings, table_cell_chars)):
            found[line.index] = m
    return found


def _in_table(lines: list[Line], pos: int, headings: set[int], limit: int) -> bool:
    around = [lines[i] for i in (pos - 1, pos + 1) if 0 <= i < len(lines)]
    return any(
        line.index not in headings and (len(line.content) <= limit or _numeric(line.content))
        for line in around
    )


def _numeric(text: str) -> bool:
    return bool(re.fullmatch(r"[\d\s.,，%％:：/\-]+", text))


def _label_groups(doc: Document, lines: list[Line], pages: dict) -> dict[str, list[int]]:
    """Positions (in ``lines``) of short unpunctuated lines outside headings and the report's own
    front and back matter, grouped by their text without spaces."""
    headings = {h.line for h in doc.headings}
    groups: dict[str, list[int]] = defaultdict(list)
    for pos, line in enumerate(lines):
        if line.index in pages or line.index in headings or doc.line_kinds.get(line.index) in _OWN_KINDS:
            continue
        key = _squeeze(line.content)
        if _LABEL_CHARS[0] <= len(key) <= _LABEL_CHARS[1] and not _SENTENCE_MARK.search(key):
            groups[key].append(pos)
    return groups


def _header_kind(key: str, group: list[int], title: str, pages: dict, lines: list[Line]) -> tuple[str, bool] | None:
    if len(title) >= _MIN_TITLE_CHARS and key == title:
        return "title", True
    if len(group) < 2:
        return None
    by_page = sum(_next_to_page(lines, pos, pages) for pos in group)
    at_breaks = sum(_next_to_page(lines, pos, pages) or _cuts_sentence(lines, pos, pages) for pos in group)
    return ("header", by_page >= 2) if at_breaks >= 2 else None


def _next_to_page(lines: list[Line], pos: int, pages: dict) -> bool:
    return any(0 <= i < len(lines) and lines[i].index in pages for i in (pos - 1, pos + 1))


def _cuts_sentence(lines: list[Line], pos: int, pages: dict) -> bool:
    """The nearest line above (page numbers aside) stops in the middle of a sentence."""
    for line in reversed(lines[:pos]):
        if line.index not in pages:
            text = line.content
            return len(text) >= 8 and not wraps.closed(text) and not wraps.sentence_ended(text)
    return False


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)
