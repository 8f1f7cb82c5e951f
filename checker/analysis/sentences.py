"""Sentences and clause labels of running text, read whole across hard wraps and page breaks.

Numeric checks relate figures to each other inside one sentence, or a rate to the sentence just
before it in the same paragraph (domain.md §6). A copied or PDF report breaks its lines anywhere,
even inside "1\\n96件次" or "成功\\n率", and repeats page numbers and running headers between its
pages; so a paragraph is rebuilt first: consecutive body lines are joined when the first does not
end its sentence (or fills the line to the document's wrap width), page furniture between them is
dropped, and the line breaks and indentation at each join are removed. The sentence text numeric
checks read has no line break at all; ``Sentence.span`` maps its offsets back to the matching view
(and from there the engine maps to the original lines).

A *unit* is a piece of a sentence between ；, the scope of one total and its breakdown or of one
rate and its counts. Lines that are table rows (cells apart by tabs, runs of spaces or |) are no
running text: they stay out (tables are read as grids elsewhere).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..document.model import Document, Line
from ..offsets import Span
from ..text.clauses import FULL_STOPS

_TERMINAL = "。！？；：…"
_SENTENCE = re.compile(f"[^{FULL_STOPS}]+[{FULL_STOPS}]*|[{FULL_STOPS}]+")
_UNIT = re.compile(r"[^；]+；?|；")
# Where a clause (the words a figure belongs to) begins: after a comma, colon, semicolon or 、.
_CLAUSE_SEP = re.compile(r"[，,；：:、。！？\n]")
_PHRASE_SEP = re.compile(r"[，,；：:。！？\n]")  # keeps 来信、来访 together
_TABLE_ROW = re.compile(r"\S(?:\t|[ \u3000]{3,}| \| ?|｜)\S")
_WRAP_MIN = 16  # shorter lines say nothing about a wrap width


@dataclass(frozen=True)
class Sentence:
    """A sentence of one paragraph, with line breaks and page furniture taken out.

    ``start`` is the matching-view offset of its first character; ``joins`` are the
    (offset in ``text``, offset in the view) where each joined line piece begins.
    """

    start: int
    text: str
    block: int  # sentences of one paragraph share a block number
    joins: tuple[tuple[int, int], ...] = ()

    def at(self, i: int) -> int:
        """The view offset of character ``i`` of ``text`` (``len(text)``: just after the end)."""
        if not self.joins:
            return self.start + i
        keys = [k for k, _ in self.joins]
        k = max(bisect.bisect_right(keys, i) - 1, 0)
        return self.joins[k][1] + i - self.joins[k][0]

    def span(self, start: int, end: int) -> Span:
        """View span of ``text[start:end]``: from its first character to just after its last."""
        if end <= start:
            return Span(self.at(start), self.at(start))
        return Span(self.at(start), self.at(end - 1) + 1)

    def units(self) -> Iterator[tuple[int, str]]:
        """(offset in the sentence, text) of each ；-separated piece."""
        if "；" not in self.text:  # most sentences: one piece, the whole of it
            if self.text:
                yield 0, self.text
            return
        for m in _UNIT.finditer(self.text):
            yield m.start(), m.group()


def joined(first: Sentence, second: Sentence) -> Sentence:
    """Two sentences read as one ("共受理…45件。" + "其中，维持28件…"), offsets still mapped."""
    head = first.joins or ((0, first.start),)
    tail = second.joins or ((0, second.start),)
    joins = head + tuple((k + len(first.text), v) for k, v in tail)
    return Sentence(first.start, first.text + second.text, first.block, joins)


def split(doc: Document, lines: Iterable[Line], skip: frozenset[int] | set[int] = frozenset()) -> Iterator[Sentence]:
    """Sentences of the given lines, in order, a paragraph broken across lines (or pages) joined.

    ``skip`` are indexes of page-furniture lines (page numbers, running headers) to read across.
    """
    lines = [line for line in lines if line.index not in skip]
    width = _wrap_width(lines)
    for block, run in enumerate(_blocks(doc, lines, skip, width)):
        text, joins = _joined(run)
        keys = [k for k, _ in joins]
        single = len(joins) == 1  # a paragraph of one line: a sentence's offsets are its start's
        for m in _SENTENCE.finditer(text):
            found = m.group()
            if not found.strip():
                continue
            if single and len(found) <= MAX_SENTENCE:
                yield Sentence(joins[0][1] + m.start(), found, block)
                continue
            for at, piece in _pieces(found):
                yield _sentence(m.start() + at, piece, block, joins, keys)


# A sentence of a report runs to a few hundred characters. The numeric checks relate every figure
# of a sentence to the others, so a "sentence" of megabytes (no 。 in a whole file) would cost
# them quadratic time: beyond this length it is read as pieces ending at ；, else at ，, else cut.
MAX_SENTENCE = 1000


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of ``text`` in pieces of at most MAX_SENTENCE characters."""
    at = 0
    while len(text) - at > MAX_SENTENCE:
        window = text[at:at + MAX_SENTENCE]
        cut = max(window.rfind("；"), window.rfind(";"))
        if cut < 0:
            cut = max(window.rfind("，"), window.rfind(","))
        cut = cut + 1 if cut >= 0 else MAX_SENTENCE
        yield at, text[at:at + cut]
        at += cut
    yield at, text[at:]


def _sentence(at: int, text: str, block: int, joins: list[tuple[int, int]], keys: list[int]) -> Sentence:
    """The sentence at ``at`` of a joined paragraph; ``keys`` are the joins' offsets (bisected:
    a paragraph of thousands of lines, a PDF without breaks, costs no scan per sentence)."""
    first = max(bisect.bisect_right(keys, at) - 1, 0)
    last = bisect.bisect_left(keys, at + len(text), first)
    own = [(max(k - at, 0), v + max(at - k, 0)) for k, v in joins[first:max(last, first + 1)]]
    return Sentence(own[0][1], text, block, tuple(own) if len(own) > 1 else ())


def _joined(run: list[Line]) -> tuple[str, list[tuple[int, int]]]:
    """The paragraph's text without the breaks and indentation between its lines."""
    pieces: list[str] = []
    joins: list[tuple[int, int]] = []
    size = 0
    for i, line in enumerate(run):
        text, start = line.text, line.start
        if i > 0:
            stripped = text.lstrip(" \t\u3000")
            start += len(text) - len(stripped)
            text = stripped
        if i < len(run) - 1:
            text = text.rstrip(" \t\u3000")
        joins.append((size, start))
        pieces.append(text)
        size += len(text)
    return "".join(pieces), joins


def _wrap_width(lines: list[Line]) -> int | None:
    """The width a hard-wrapped copy breaks its lines at: the commonest length of long lines."""
    lengths = Counter(len(line.text.rstrip()) for line in lines if len(line.text.rstrip()) >= _WRAP_MIN)
    if not lengths:
        return None
    width, count = lengths.most_common(1)[0]
    return width if count >= 3 else None


def _blocks(doc: Document, lines: list[Line], skip, width: int | None) -> Iterator[list[Line]]:
    """Runs of lines that belong to one paragraph (table rows stand alone)."""
    headings = {h.line: h.run_in for h in doc.headings}
    run: list[Line] = []
    for line in lines:
        if _table_row(line.text):
            if run:
                yield run
                run = []
            continue
        if run and not _continues(run[-1], line, headings, skip, width):
            yield run
            run = []
        run.append(line)
    if run:
        yield run


def _table_row(text: str) -> bool:
    """``_TABLE_ROW.search(text)``, skipped on a line without a tab, a space or a ｜: every cell gap has one."""
    return ("\t" in text or " " in text or "\u3000" in text or "｜" in text) and _TABLE_ROW.search(text) is not None


def _continues(prev: Line, line: Line, headings: dict[int, bool], skip, width: int | None) -> bool:
    if line.index in headings or any(i not in skip for i in range(prev.index + 1, line.index)):
        return False  # a heading, or a blank or other line between them
    if headings.get(prev.index) is False:  # a stand-alone heading ends where its line ends
        return False
    tail = prev.text.rstrip()
    if not tail:
        return False
    return tail[-1] not in _TERMINAL or (width is not None and len(tail) >= width)


def clause_label(text: str, start: int, floor: int = 0, *, enumeration: bool = False) -> str:
    """The words of the clause before ``start`` (after ``floor``): "受理" in "，受理120件".

    With ``enumeration`` a 、 does not end the clause ("受理来信、来访" names two categories).
    """
    head = text[floor:start]
    cut = 0
    for m in (_PHRASE_SEP if enumeration else _CLAUSE_SEP).finditer(head):
        cut = m.end()
    return head[cut:]
