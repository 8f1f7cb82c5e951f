"""Sentences and clause labels of running text, for checks that relate figures to each other.

Numeric checks pair a total with its parts or a rate with its counts only inside one sentence
(domain.md §6): figures in different sentences are never paired. A sentence runs to 。！？; a line
break inside a sentence (PDF extraction breaks lines anywhere, even in "230\\n余人次") does not end
it, so consecutive body lines are joined when the first has no terminal punctuation and neither
is a stand-alone heading. A *unit* is a piece of a sentence between ；, the scope of one total and
its breakdown or of one rate and its counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..document.model import Document, Line

_TERMINAL = "。！？；：…"
_SENTENCE = re.compile(r"[^。！？]+[。！？]*|[。！？]+")
_UNIT = re.compile(r"[^；]+；?|；")
# Where a clause (the words a figure belongs to) begins: after a comma, colon, semicolon or 、.
_CLAUSE_SEP = re.compile(r"[，,；：:、。！？\n]")
_PHRASE_SEP = re.compile(r"[，,；：:。！？\n]")  # keeps 来信、来访 together


@dataclass(frozen=True)
class Sentence:
    """``text`` is ``doc.text[start:start + len(text)]``; it may hold line breaks."""

    start: int
    text: str
    block: int  # sentences of one paragraph share a block number

    def units(self) -> Iterator[tuple[int, str]]:
        """(offset in the sentence, text) of each ；-separated piece."""
        for m in _UNIT.finditer(self.text):
            yield m.start(), m.group()


def split(doc: Document, lines: Iterable[Line]) -> Iterator[Sentence]:
    """Sentences of the given lines, in order, a paragraph broken across lines joined again."""
    for block, (start, end) in enumerate(_blocks(doc, list(lines))):
        text = doc.text[start:end]
        for m in _SENTENCE.finditer(text):
            if m.group().strip():
                yield Sentence(start + m.start(), m.group(), block)


def _blocks(doc: Document, lines: list[Line]) -> Iterator[tuple[int, int]]:
    """(start, end) of runs of lines that belong to one paragraph."""
    headings = {h.line: h.run_in for h in doc.headings}
    run: list[Line] = []
    for line in lines:
        if run and not _continues(run[-1], line, headings):
            yield run[0].start, run[-1].end
            run = []
        run.append(line)
    if run:
        yield run[0].start, run[-1].end


def _continues(prev: Line, line: Line, headings: dict[int, bool]) -> bool:
    if line.index != prev.index + 1 or line.index in headings:
        return False
    if headings.get(prev.index) is False:  # a stand-alone heading ends where its line ends
        return False
    tail = prev.text.rstrip()
    return bool(tail) and tail[-1] not in _TERMINAL


def clause_label(text: str, start: int, floor: int = 0, *, enumeration: bool = False) -> str:
    """The words of the clause before ``start`` (after ``floor``): "受理" in "，受理120件".

    With ``enumeration`` a 、 does not end the clause ("受理来信、来访" names two categories).
    """
    head = text[floor:start]
    cut = 0
    for m in (_PHRASE_SEP if enumeration else _CLAUSE_SEP).finditer(head):
        cut = m.end()
    return head[cut:]
