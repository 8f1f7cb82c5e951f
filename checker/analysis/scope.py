"""Where a rule looks: the lines a declared ``scope`` names, and the View a check runs on.

Scope is a field of every rule (``scope: part:shortcomings``), validated against the genre when
the ruleset loads; the engine hands each check a View of its scope, so no check resolves one.
Scopes: ``all`` (every line), ``body`` (running text: preamble and sections), ``prose`` (every
line outside the tables: labels of a copied table keep the form's own punctuation), ``title``,
``headings`` (heading lines), ``signature``, or ``part:<id>`` (the sections of one part).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from ..document.model import Document, Line

if TYPE_CHECKING:
    from . import Analysis
    from .facts import Facts

SCOPE_NAMES = ("all", "body", "prose", "title", "headings", "signature")


@dataclass(frozen=True)
class View:
    """What one rule sees: the analysed document and the lines of its scope."""

    analysis: "Analysis"
    scope: str

    @property
    def doc(self) -> Document:
        return self.analysis.doc

    @property
    def facts(self) -> "Facts":
        return self.analysis.facts

    @property
    def lines(self) -> tuple[Line, ...]:
        return self.analysis.lines(self.scope)

    @property
    def sentences(self):
        """Sentences of the scope's lines, a paragraph broken across lines joined (sentences.py)."""
        return self.analysis.sentences(self.scope)


def resolve(analysis: "Analysis", scope: str) -> Iterator[Line]:
    doc = analysis.doc
    if scope == "all":
        yield from (line for line in doc.lines if line.text)
    elif scope == "body":
        yield from doc.body_lines()
    elif scope == "prose":
        yield from (line for line in doc.lines if line.text and doc.table_at(line.index) is None)
    elif scope == "title":
        yield from doc.title
    elif scope == "headings":
        yield from (doc.lines[h.line] for h in doc.headings)
    elif scope == "signature":
        if doc.signature:
            yield from doc.signature.issuer_lines
            if doc.signature.date_line:
                yield doc.signature.date_line
    elif scope.startswith("part:"):
        seen: set[int] = set()
        for section in analysis.facts.sections_of(scope[5:]):
            for line in section.all_lines():
                if line.index not in seen:
                    seen.add(line.index)
                    yield line
    else:
        raise ValueError(f"unknown scope {scope!r}")
