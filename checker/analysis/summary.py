"""The summary of an analysed report that reporters read (results.ReportInfo), made once per file.

A parsed Document with its Facts is ~45 KB pickled and slow to rebuild; a batch run sends each
file's result from a worker process back to the parent with this summary (about 1 KB) instead.
"""

from __future__ import annotations

from ..document.headings import canonical_marker
from ..results import Outline, OutlineNode, PartLabel, PartRef, ReportInfo
from .facts import Facts
from ..document.model import Document
from ..offsets import LineIndex


def describe(analysis, missing: tuple[tuple[str, str], ...] = ()) -> ReportInfo:
    """The summary of an analysed report; ``missing`` the (part, rule) its findings say are missing."""
    doc, facts, genre = analysis.doc, analysis.facts, analysis.genre
    return ReportInfo(
        script=doc.norm.script,
        year=facts.year,
        title=_title_as_written(doc),
        issuer=facts.issuer,
        parts=_parts(doc, facts, analysis.line_index),
        genre=genre.id,
        labels=tuple(PartLabel(p.id, p.label, p.short, p.tiny) for p in genre.parts),
        missing=tuple(sorted(missing, key=lambda m: genre.part_ids.index(m[0]) if m[0] in genre.part_ids else 99)),
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


def outline_of(analysis) -> Outline:
    """The heading tree with each heading's part, and where each part of the genre is."""
    doc, facts, genre = analysis.doc, analysis.facts, analysis.genre
    index = analysis.line_index
    docx = doc.source.kind == "docx"

    def shown(offset: int) -> int:  # a .docx names Word's paragraph, a text file its line
        line = index.position(offset)[0]
        return analysis.placer.number(line) if docx else line

    part_of = {id(s): p for p, group in facts.layout.sections.items() for s in group}

    def nodes(section) -> tuple[OutlineNode, ...]:
        made = []
        for child in section.children:
            h = child.heading
            line = shown(doc.norm.map.start(h.marker.start))
            part = part_of.get(id(child))
            made.append(OutlineNode(canonical_marker(h.level, h.number), h.title_text, line,
                                    genre.label(part, "short") if part else "", nodes(child)))
        return tuple(made)

    parts = []
    for part in genre.part_ids:
        info = facts.parts.get(part)
        line = shown(doc.norm.map.start(info.line.start)) if info else None
        parts.append((genre.label(part), line, info.how if info else None))
    return Outline(doc.title_text, facts.year, facts.issuer, nodes(doc.root), tuple(parts))
