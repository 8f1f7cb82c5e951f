"""Where a finding is, the way its reader finds it: 第N段 (or 第N行) and the headings above it.

Word shows no paragraph numbers, so a number alone does not lead a clerk to the spot; the path of
headings it sits under ("二、存在的不足和原因 › （三）执法队伍建设") does. For a .docx, N counts
Word's paragraphs (a cell's paragraphs included; a manual line break does not start one); for
.txt/.md/.pdf it is the line. The engine stamps every Location with both, so a result that comes
back from a worker process (without its Document) still names its places in full.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..offsets import LineIndex, Span

TITLE_CHARS = 14  # a heading longer than this is cut with "…"
SEPARATOR = " › "


@dataclass(frozen=True)
class Place:
    """Where an offset of ``Source.text`` is: paragraph (or line) number and heading path."""

    number: int
    unit: str  # 段 (a Word paragraph) or 行 (a line)
    headings: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        """第8段 / 第8行."""
        return f"第{self.number}{self.unit}"

    @property
    def path(self) -> str:
        """The headings, each shortened for display (the Place keeps them whole)."""
        return SEPARATOR.join(shorten(h) for h in self.headings)

    @property
    def label(self) -> str:
        """第8段 · 一、2023年度推进法治政府… › （二）坚持严格规范公正文明执法."""
        return f"{self.where} · {self.path}" if self.headings else self.where


class Placer:
    """Names places in one linted file (a FileResult with its source and, ideally, document)."""

    def __init__(self, result, index: LineIndex | None = None) -> None:
        source = result.source
        self._index = index or LineIndex(source.text)
        self._docx = source.kind == "docx"
        self._continued = sorted(source.meta.get("continued_lines", ())) if self._docx else []
        self._sections = _sections(result.document) if result.document is not None else []

    def number(self, line: int) -> int:
        """The Word paragraph of 1-based ``line`` (a .docx), else the line itself."""
        return line - bisect.bisect_right(self._continued, line)

    def at(self, offset: int) -> Place:
        line, _ = self._index.position(offset)
        return Place(self.number(line), "段" if self._docx else "行", self.headings(offset))

    def headings(self, offset: int) -> tuple[str, ...]:
        """The titles of the sections holding ``offset``, outermost first (a bisection per level:
        a report of 100,000 headings must not cost a scan of them per finding)."""
        path: list[str] = []
        level = self._sections
        while level:
            at = bisect.bisect_right(level, offset, key=_start) - 1
            if at < 0 or offset >= level[at][1]:
                break
            path.append(level[at][2])
            level = level[at][3]
        return tuple(path)


def _start(section: tuple) -> int:
    return section[0]


def _sections(doc) -> list[tuple]:
    """(start, end, label, children) of the outline, in original offsets, top level first."""

    def build(section) -> list[tuple]:
        out = []
        for child in section.children:
            h = child.heading
            span = doc.norm.map.span(child.span)
            label = doc.original(Span(h.marker.start, h.title.end)).strip().rstrip("。：:；")
            out.append((span.start, span.end, label, build(child)))
        return out

    return build(doc.root)


def shorten(text: str, limit: int = TITLE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
