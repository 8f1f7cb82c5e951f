"""What reporters need to know about a report beyond its findings, as one small picklable value.

A parsed Document with its Facts is ~45 KB pickled and slow to rebuild; a batch run sends each
file's result from a worker process back to the parent, so workers send this summary instead
(about 1 KB) and drop the Document. Every reporter reads the report's year, issuer, title and
parts from here, whether the file was linted in-process or in a worker.
"""

from __future__ import annotations

from dataclasses import dataclass

from .facts import Facts
from ..document.model import Document
from ..offsets import LineIndex


@dataclass(frozen=True)
class PartRef:
    """Where one part of the report was found, and how."""

    part: str  # a part id of the genre: achievements | first_responsible | shortcomings | next_year | other
    line: int  # 1-based line in the original text
    heading: str
    how: str  # heading | nested | topics | inline


@dataclass(frozen=True)
class PartLabel:
    """How reporters name one part of the genre: in full, in a table, in the narrowest column."""

    part: str
    label: str
    short: str
    tiny: str


@dataclass(frozen=True)
class ReportInfo:
    """What reporters show about a report besides its findings (JSON ``report``)."""

    script: str  # simplified | traditional | mixed
    year: int | None
    title: str | None
    issuer: str | None
    parts: tuple[PartRef, ...]
    genre: str = ""
    labels: tuple[PartLabel, ...] = ()  # every part of the genre, in its order
    missing: tuple[str, ...] = ()  # required parts reported missing (ids), in the genre's order

    @property
    def part_names(self) -> tuple[str, ...]:
        return tuple(p.part for p in self.parts)

    def label(self, part: str | None, width: str = "short") -> str:
        """The part's label (``label``, ``short`` or ``tiny``); an unknown id is shown as is."""
        found = next((lab for lab in self.labels if lab.part == part), None)
        return getattr(found, width) if found else (part or "")


def describe(analysis, missing: tuple[str, ...] = ()) -> ReportInfo:
    """The summary of an analysed report; ``missing`` are the parts its findings say are missing."""
    doc, facts, genre = analysis.doc, analysis.facts, analysis.genre
    return ReportInfo(
        script=doc.norm.script,
        year=facts.year,
        title=_title_as_written(doc),
        issuer=facts.issuer,
        parts=_parts(doc, facts, analysis.line_index),
        genre=genre.id,
        labels=tuple(PartLabel(p.id, p.label, p.short, p.tiny) for p in genre.parts),
        missing=tuple(p for p in genre.part_ids if p in missing),
    )


def _parts(doc: Document, facts: Facts, index: LineIndex) -> tuple[PartRef, ...]:
    parts = []
    for info in facts.parts.values():
        line, _ = index.position(doc.norm.map.start(info.line.start))
        heading = info.line.content if info.how != "inline" else doc.text[info.span.start:info.span.end]
        parts.append(PartRef(info.part, line, heading, info.how))
    return tuple(parts)


def _title_as_written(doc) -> str | None:
    """The title in the file's own characters (a Traditional title stays Traditional)."""
    if not doc.title:
        return None
    return "".join(doc.original(line.span).strip() for line in doc.title) or None
