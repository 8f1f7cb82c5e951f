"""The parsed report: lines, headings, the section tree and the front and back matter.

Frozen values built once by outline.py and only read afterwards. Offsets are in the matching view
(normalize.py); the engine maps them to the original text at the edge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from .normalize import Normalized
from ..offsets import Span
from ..sources import Source

@dataclass(frozen=True)
class Line:
    """One line of the matching view; offsets are in the view, mapped back when reported."""

    index: int  # 0-based line number in the matching view
    start: int
    end: int  # exclusive, without the line break
    text: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def content(self) -> str:
        return self.text.strip()


@dataclass(frozen=True)
class Heading:
    """A numbered heading as the grammar read it: level, number, marker and title spans."""

    level: int  # 0 第一部分, 1 一、, 2 （一）, 3 1., 4 （1）, 5 ①
    number: int
    marker: Span  # the numeral and its brackets and separator
    separator: str  # what follows the numeral or bracket: 、 . ， ： or ""
    title: Span  # the heading text; for a run-in heading, up to its first 。 or ：
    title_text: str
    line: int
    run_in: bool


@dataclass(frozen=True)
class Section:
    """A heading with the lines and subsections under it (the outline tree)."""

    heading: Heading | None  # None for the document root
    children: tuple["Section", ...]
    lines: tuple[Line, ...]  # body lines directly under this heading (not under children)
    span: Span  # from the heading to the end of its last descendant

    def walk(self) -> Iterator["Section"]:
        yield self
        for child in self.children:
            yield from child.walk()

    def all_lines(self) -> Iterator[Line]:
        """Body lines of this section and every descendant, in document order."""
        for line in sorted(self._gather(), key=lambda l: l.index):
            yield line

    def _gather(self) -> list[Line]:
        found = list(self.lines)
        for child in self.children:
            found.extend(child._gather())
        return found

    @property
    def body_text(self) -> str:
        """Heading run-in text and all body text below, one line per line."""
        return "\n".join(line.text for line in self.all_lines())


@dataclass(frozen=True)
class Signature:
    """The issuing body and date closing the report (落款), when found."""

    issuer_lines: tuple[Line, ...]
    date_line: Line | None
    date_span: Span | None  # the date inside date_line

    @property
    def issuer(self) -> str:
        return "".join(line.content for line in self.issuer_lines)


@dataclass(frozen=True)
class Document:
    """A parsed report: the source, its matching view, lines, outline and layout parts."""

    source: Source
    norm: Normalized
    lines: tuple[Line, ...]
    title: tuple[Line, ...]  # one or two lines (a long title wraps)
    header: Line | None  # an issuing-body line above the title (丰都县双龙镇人民政府)
    addressee: Line | None
    preamble: tuple[Line, ...]
    root: Section
    headings: tuple[Heading, ...]
    closing: Line | None  # 特此报告。
    signature: Signature | None
    trailer: tuple[Line, ...]  # page numbers and the like after the signature
    line_kinds: dict = field(default_factory=dict)  # line index → title|header|addressee|closing|signature|trailer|furniture
    residue: tuple[Span, ...] = ()  # web furniture inside lines of report text (a watermark fused into a heading)
    tables: tuple = ()  # tables.Table, in document order: grids of the reader, or rows of a text copy

    def table_at(self, line: int):
        """The table that line ``line`` (0-based) belongs to, or None."""
        return next((t for t in self.tables if t.first_line <= line <= t.last_line), None)

    @property
    def text(self) -> str:
        return self.norm.text

    def original(self, span: Span) -> str:
        """The text as written in the file for a span of the matching view."""
        mapped = self.norm.map.span(span)
        return self.source.text[mapped.start:mapped.end]

    @property
    def title_text(self) -> str:
        return "".join(line.content for line in self.title)

    def sections(self) -> Iterator[Section]:
        for section in self.root.walk():
            if section.heading is not None:
                yield section

    def filled_lines(self) -> list[Line]:
        """Lines with any visible content, in document order."""
        return [line for line in self.lines if line.content]

    def body_lines(self) -> Iterator[Line]:
        """Lines of running text: preamble and section bodies, not title or signature."""
        yield from self.preamble
        yield from self.root.all_lines()
