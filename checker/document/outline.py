"""Text → Document: which line is a heading, which is front or back matter, and the section tree.

Each job has its own module (heading_lines, matter, sections); this one walks the lines once and
hands each its kind. Nothing here raises on bad structure: a line that cannot be placed is body
text, and the checks report what looks wrong.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..offsets import Span
from ..sources import Source
from .heading_lines import parse_heading
from .matter import TITLE_TOPIC, TITLE_WORDS, back_matter, front_matter
from .model import Document, Heading, Line, Signature
from .normalize import Normalized, normalize
from .sections import nest
from .web_furniture import WebFurniture, is_paragraph


def split_lines(text: str) -> tuple[Line, ...]:
    lines, start = [], 0
    for index, chunk in enumerate(text.split("\n")):
        lines.append(Line(index, start, start + len(chunk), chunk))
        start += len(chunk) + 1
    return tuple(lines)


def build(source: Source, furniture: WebFurniture | None = None, norm: Normalized | None = None,
          title_words: tuple[str, str] | None = None) -> Document:
    """Parse a loaded source into a Document; ``furniture`` tells web leftovers after the signature,
    ``title_words`` the genre's (topic, 文种) regexes that make a first line its title."""
    norm = norm or normalize(source)
    lines = split_lines(norm.text)
    filled = [line for line in lines if line.content]
    tables = _tables(source, norm, lines)
    headings = _headings(filled, {i for table in tables for i in table.lines}, furniture)
    web = _web_lines(filled, headings, furniture)
    prose = [line for line in filled if line.index not in web]
    for index in _page_chunks(prose, headings):
        del headings[index]
    topic, words = (re.compile(w) for w in title_words) if title_words else (TITLE_TOPIC, TITLE_WORDS)
    header, title, addressee, body_from = front_matter(prose, headings, topic, words)
    closing, signature, trailer, body_to = back_matter(filled, headings, furniture)
    kinds = _line_kinds(web, {"header": header, "addressee": addressee, "closing": closing}, title, signature,
                        trailer)
    body = [line for line in filled if body_from <= line.index < body_to and line.index not in kinds]
    first_heading = next((line.index for line in body if line.index in headings), body_to)
    return Document(
        source=source,
        norm=norm,
        lines=lines,
        title=title,
        header=header,
        addressee=addressee,
        preamble=tuple(line for line in body if line.index < first_heading),
        root=nest([line for line in body if line.index >= first_heading], headings, len(norm.text)),
        headings=tuple(h for i, h in sorted(headings.items()) if body_from <= i < body_to),
        closing=closing,
        signature=signature,
        trailer=trailer,
        line_kinds=kinds,
        tables=tables,
        residue=_residue(filled, web, furniture),
    )


def _headings(filled: list[Line], in_table: set[int], furniture: WebFurniture | None) -> dict[int, Heading]:
    """Line index → the heading it starts with; a table row is never a heading."""
    return {line.index: _trimmed(h, furniture) for line in filled
            if line.index not in in_table and (h := parse_heading(line)) is not None}


def _web_lines(filled: list[Line], headings: dict[int, Heading], furniture: WebFurniture | None) -> set[int]:
    """Web furniture comes first: a metadata line is never the title, the first sentence or the signature."""
    if not furniture:
        return set()
    after_last = filled[-1].index + 1 if filled else 0
    front = next((l.index for l in filled if l.index in headings or is_paragraph(l.content)), after_last)
    return {line.index for line in filled if line.index not in headings
            and furniture.what(line.content, in_head=line.index < front)}


def _line_kinds(web: set[int], singles: dict[str, Line | None], title: tuple[Line, ...],
                signature: Signature | None, trailer: tuple[Line, ...]) -> dict[int, str]:
    """Line index → furniture, header, addressee, closing, title, signature or trailer."""
    kinds = {i: "furniture" for i in web}
    kinds.update({line.index: kind for kind, line in singles.items() if line is not None})
    kinds.update({line.index: "title" for line in title})
    if signature:
        kinds.update({line.index: "signature" for line in signature.issuer_lines})
        if signature.date_line:
            kinds[signature.date_line.index] = "signature"
    kinds.update({line.index: "trailer" for line in trailer})
    return kinds


def _tables(source: Source, norm: Normalized, lines: tuple[Line, ...]) -> tuple:
    """The reader's grids (.docx, .pdf), then tables of text rows elsewhere, in document order."""
    import bisect
    from dataclasses import replace

    from . import table_text
    from .tables import from_grid

    starts = [line.start for line in lines]
    line_of = lambda offset: max(bisect.bisect_right(starts, offset) - 1, 0)  # noqa: E731
    grids = [t for i, raw in enumerate(source.meta.get("grids") or ())
             if (t := from_grid(i, raw, norm.text, _inverse(norm), line_of)) is not None]
    covered = {i for t in grids for i in t.lines}
    if "\t" not in norm.text and "|" not in norm.text and "  " not in norm.text and "\u3000" not in norm.text:
        found = grids
    else:
        found = grids + table_text.find(lines, lambda l: parse_heading(l) is not None, covered)
    found.sort(key=lambda t: t.first_line)
    return tuple(replace(t, index=i) for i, t in enumerate(found))


def _inverse(norm: Normalized):
    """Original offset → the first matching-view offset at or after it (a bisect over the map)."""
    size = len(norm.text)

    def to_view(original: int) -> int:
        lo, hi = 0, size
        while lo < hi:
            mid = (lo + hi) // 2
            if norm.map.start(mid) < original:
                lo = mid + 1
            else:
                hi = mid
        return lo

    return to_view


def _residue(filled: list[Line], web: set[int], furniture: WebFurniture | None) -> tuple[Span, ...]:
    if not furniture:
        return ()
    return tuple(Span(line.start + a, line.start + b) for line in filled if line.index not in web
                 for a, b, _ in furniture.pieces(line.text))


_CHUNK = re.compile(r"^\s*[0-9]{1,2}、")
_OPEN_END = re.compile(r"[^。！？；：”’）》…!?;:)]$")


def _page_chunks(filled: list[Line], headings: dict[int, Heading]) -> list[int]:
    """Lines a document site numbered as page chunks ("1、…" / "…依" / "2、法有效化解…"): a
    "N、" that carries on the sentence the long line before it left open is no heading, and then
    neither is the "1、" that opens the text."""
    chunks = [line.index for prev, line in zip(filled, filled[1:])
              if line.index in headings and _CHUNK.match(line.text)
              and len(prev.content) > 60 and _OPEN_END.search(prev.content)]
    first = filled[0] if filled else None
    if chunks and first is not None and first.index in headings and _CHUNK.match(first.text) \
            and headings[first.index].number == 1 and len(first.content) > 60:
        chunks.insert(0, first.index)
    return chunks


def _trimmed(heading: Heading, furniture: WebFurniture | None) -> Heading:
    """A heading without the watermark fused to its end ("…主要举措和成效 范文之家 www.x.com")."""
    if not furniture:
        return heading
    for start, end, _ in furniture.pieces(heading.title_text):
        if not heading.title_text[end:].strip() and heading.title_text[:start].strip():
            text = heading.title_text[:start].rstrip()
            return replace(heading, title=Span(heading.title.start, heading.title.start + len(text)), title_text=text)
    return heading


