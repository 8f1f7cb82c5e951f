"""Facts about a report as a whole, derived once: its year, issuer, level, parts and signing date.

Checks read these instead of re-deriving them, so every rule agrees on what the report year is
and where the shortcomings part starts. The pieces live in year.py, issuer.py and parts.py; this
module puts them together for one Document and its genre.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Mapping

from ..document.model import Document, Section
from ..profile.genre import Genre
from ..text import dates
from . import issuer as issuers
from . import parts as part_finder
from .parts import PartInfo, Parts
from .year import report_year


@dataclass(frozen=True)
class Facts:
    """What is known about a report as a whole, computed once and read by every rule."""

    genre: Genre
    year: int | None
    year_source: str  # option | title | opening | dominant | plan | none
    title_year: int | None
    opening_year: int | None
    issuer: str | None
    issuer_level: str  # an id of the genre's levels, or unknown
    localities: tuple[str, ...]  # place names of the issuer, longest first (丰都县, 双龙镇, 双龙, 丰都)
    layout: Parts
    signature_date: date | None
    signature_date_text: str | None
    year_support: tuple[str, ...] = ()  # besides the opening, what names the year the opening wins with: body, plan

    @property
    def parts(self) -> Mapping[str, PartInfo]:
        """part id → where it first is; a part not found is absent."""
        return self.layout.found

    def part_at(self, offset: int) -> str | None:
        """The innermost part whose section holds ``offset`` (matching-view offsets)."""
        return self.layout.at(offset)

    def sections_of(self, part: str) -> list[Section]:
        return list(self.layout.sections.get(part, ()))


def derive(doc: Document, genre: Genre, year: int | None = None) -> Facts:
    plan = next((p for p in genre.parts if p.plan), None)
    plan_headings = {h.line for h in doc.headings
                     if plan and plan.id in part_finder.heading_parts(h.title_text, None, genre)}
    found_year = report_year(doc, year, plan_headings)
    name = issuers.issuer(doc)
    signature_text, signature_date = _signature_date(doc)
    return Facts(
        genre=genre,
        year=found_year.value,
        year_source=found_year.source,
        title_year=found_year.title,
        opening_year=found_year.opening,
        issuer=name,
        issuer_level=genre.level_of(name),
        localities=issuers.localities(name, doc),
        layout=part_finder.find(doc, genre, found_year.value),
        signature_date=signature_date,
        signature_date_text=signature_text,
        year_support=found_year.support,
    )


def parse_date(text: str) -> date | None:
    """2023年12月21日 / 二〇二三年十二月二十一日 / 2023.12.21 → date; None if no real, complete date."""
    written = dates.parse_date(text)
    return written.as_date() if written else None


def _signature_date(doc: Document) -> tuple[str | None, date | None]:
    sig = doc.signature
    if sig is None or sig.date_span is None:
        return None, None
    text = doc.text[sig.date_span.start:sig.date_span.end]
    return text, parse_date(text)
