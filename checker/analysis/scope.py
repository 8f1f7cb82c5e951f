"""Where a check looks: the lines a declared ``scope`` names.

Scopes: ``all`` (every line), ``body`` (running text: preamble and sections), ``title``,
``headings`` (heading lines), ``signature``, or ``part:<name>`` (the sections of one part).
"""

from __future__ import annotations

from typing import Iterator

from .facts import PARTS, Facts
from ..document.model import Document, Line

SCOPES = ("all", "body", "title", "headings", "signature") + tuple(f"part:{p}" for p in PARTS)


def lines(doc: Document, facts: Facts, scope: str) -> Iterator[Line]:
    if scope == "all":
        yield from (line for line in doc.lines if line.text)
    elif scope == "body":
        yield from doc.body_lines()
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
        for section in facts.sections_of(scope[5:]):
            for line in section.all_lines():
                if line.index not in seen:
                    seen.add(line.index)
                    yield line
    else:
        raise ValueError(f"unknown scope {scope!r}")
