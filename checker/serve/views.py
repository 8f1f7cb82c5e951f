"""One linted file as the page shows it: facts, outline, one card per finding, the text by lines.

Only values go to the browser (the page escapes every one before showing it). Positions for the
highlight are line indexes and UTF-16 columns, as JavaScript counts string positions; places are
named as everywhere else (reporters/places.py): 第N段 plus the heading path.
"""

from __future__ import annotations

import re

from ..annotate.notes import anchor, authority, for_reader, suggestion
from ..offsets import LineIndex, Span
from ..reporters.labels import NO_PART, SEVERITY_LABEL
from ..analysis.places import Placer, shorten

_BREAK = re.compile(r"\r\n|\r|\n")
_EXCERPT = 60


def file_view(index: int, name: str, result, rules_by_id: dict) -> dict:
    """The JSON for one uploaded file (an unreadable one carries only its error)."""
    base = {"index": index, "name": name, "kind": result.kind, "error": result.error}
    if result.error:
        return base
    text = result.source.text
    lines = _BREAK.split(text)
    placer = Placer(result)
    index_ = LineIndex(text)
    info = result.info
    parts = _part_spans(result)
    base.update(
        numbers=_numbers(lines, placer, result.source.kind == "docx"),
        title=info.title if info else None, year=info.year if info else None, issuer=info.issuer if info else None,
        missing=[info.label(p, "label") for p in info.missing_parts] if info else [],
        counts={s.label: result.count(s) for s in SEVERITY_LABEL},
        outline=_outline(result, placer), lines=lines,
        findings=[_card(k, d, text, lines, index_, placer, rules_by_id.get(d.rule), parts, result)
                  for k, d in enumerate(result.diagnostics)],
    )
    return base


def _card(k: int, d, text: str, lines: list[str], index: LineIndex, placer: Placer, rule, parts, result) -> dict:
    # a missing part is shown where Word's comment sits: on the heading it should follow
    start, end, lead = anchor(result, d)
    place = placer.at(start)
    part = d.part or next((p for a, b, p in parts if a <= d.start < b), "")
    start_line, start_col = index.position(start)
    end_line, end_col = index.position(end)
    fix = suggestion(text, d)
    whole = result.info is not None and result.info.missing_part_of(d.rule) is not None
    original = "（整篇报告）" if whole else text[d.start:d.end]
    return {
        "id": k, "rule": d.rule, "severity": d.severity.label, "level": SEVERITY_LABEL[d.severity],
        "message": lead + for_reader(d.message), "title": rule.title if rule else "", "authority": authority(rule.rationale) if rule else None,
        "where": place.where, "path": place.path, "place": place.label,
        "part": part, "part_label": (result.info.label(part) if result.info and part else NO_PART),
        "original": original if len(original) <= _EXCERPT else original[:_EXCERPT] + "…",
        "suggestion": fix[1] if fix and len(fix[1]) <= _EXCERPT else None,
        "fixable": bool(fix), "safe": bool(d.fix and d.fix.safe),
        "from": [start_line - 1, _utf16(lines, start_line, start_col)],
        "to": [end_line - 1, _utf16(lines, end_line, end_col)],
    }


def _numbers(lines: list[str], placer: Placer, docx: bool) -> list[str]:
    """The number shown beside each line: its Word paragraph (blank where a manual break continues one)."""
    shown, last = [], None
    for line in range(1, len(lines) + 1):
        number = placer.number(line) if docx else line
        shown.append("" if number == last else str(number))
        last = number
    return shown


def _part_spans(result) -> list[tuple[int, int, str]]:
    """(start, end, part) of each recognised part's section, innermost first."""
    doc, info = result.document, result.info
    if doc is None or info is None:
        return []
    heading_lines = {p.line: p.part for p in info.parts if p.how != "inline"}
    index = LineIndex(result.source.text)
    found = []
    for section in doc.sections():
        start = doc.norm.map.start(section.heading.marker.start)
        part = heading_lines.get(index.position(start)[0])
        if part:
            span = doc.norm.map.span(section.span)
            found.append((span.start, span.end, part))
    return sorted(found, key=lambda x: x[1] - x[0])


def _utf16(lines: list[str], line: int, column: int) -> int:
    """A 1-based code-point column as the 0-based UTF-16 index JavaScript uses."""
    prefix = lines[line - 1][:column - 1] if 0 < line <= len(lines) else ""
    return len(prefix.encode("utf-16-le")) // 2


def _outline(result, placer: Placer) -> list[dict]:
    doc = result.document
    if doc is None:
        return []
    parts = {p.line: p.part for p in (result.info.parts if result.info else ()) if p.how != "inline"}
    index = LineIndex(result.source.text)
    out: list[dict] = []

    def walk(section, depth: int) -> None:
        for child in section.children:
            h = child.heading
            start = doc.norm.map.start(h.marker.start)
            line, _ = index.position(start)
            label = doc.original(Span(h.marker.start, h.title.end)).strip()
            out.append({"depth": depth, "label": shorten(label, 40), "where": placer.at(start).where,
                        "line": line - 1, "part": result.info.label(parts[line]) if result.info and line in parts else ""})
            walk(child, depth + 1)

    walk(doc.root, 0)
    return out
