"""The years the plan part names, for the numeric/year-* and section/next-year-* checks.

It finds the plan part's heading years and the year phrase its opening sentence
starts with ("2024年，我局将…"), and labels the report year's source in words a clerk knows.
Only these two places are judged for the year itself: a plan mentions other years in passing
(到2025年底, 十四五, 2035年远景目标) and those say nothing about which year the plan is for. Whether
the plan is dated at all also reads its sub-parts' headings and opening phrases: "三、下一步工作打算
（一）深化学习 （二）2024年重点抓好执法规范化" names its year, only not first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.dates import YearMention, plain_years, year_mentions
from .facts import Facts
from .year import FIRM_SOURCES
from ..document.model import Document, Line, Section
from ..offsets import Span
from ..text.clauses import STATEMENT_ENDS

_OPENING_PHRASE = re.compile(r"^[ \t]*(?:在|于)?((?:19|20)\d{2})年(?:度)?(?![以来起底前末初上下中])")
_FORWARD = re.compile(
    r"将(?:继续|进一步|持续|不断|全面|深入|着力|重点|坚持|围绕|以|在|按照|认真|切实|始终|紧紧|加大|加强|大力|聚焦|紧扣"
    r"|全力|积极|推动|推进|强化|抓好|做好|深化|健全|完善|严格)|计划|力争|争取|打算|拟|是[^。；]{0,30}(?:之年|一年)"
)
_PAST = re.compile(r"了(?!解)|已经|业已|已于|已完成|已实现|已取得")
_SENTENCE_END = re.compile(f"[{STATEMENT_ENDS}]")


@dataclass(frozen=True)
class PlanYears:
    """The years the plan part names, in its heading and opening sentence."""

    heading: Span  # the plan heading's title
    heading_years: tuple[YearMention, ...]  # plain years, offsets in doc.text
    heading_dated: bool  # any year at all in the heading, a period (2024－2025年) included
    opening: YearMention | None  # the year phrase the opening sentence starts with (doc.text offsets)
    opening_forward: bool  # that sentence plans ahead (将继续…, 力争…) and reports nothing done (…了)
    opening_dated: bool  # the opening sentence names some year in plain words
    parts_dated: bool = False  # a sub-part's heading names a year, or its opening starts with one


def firm_year(facts: Facts) -> int | None:
    """The report year when it is firm enough to judge other years by."""
    return facts.year if facts.year and facts.year_source in FIRM_SOURCES else None


def plan_years(doc: Document, facts: Facts) -> PlanYears | None:
    """The plan part's heading and opening years; None when the plan has no heading of its own."""
    section = _plan_section(doc, facts)
    if section is None:
        return None
    heading = section.heading
    base = heading.title.start
    years = tuple(_shift(m, base) for m in plain_years(heading.title_text))
    dated = any(True for _ in year_mentions(heading.title_text))
    sentence, start = _opening_sentence(doc, section)
    opening, forward, opening_dated = None, False, False
    if sentence is not None:
        m = _OPENING_PHRASE.match(sentence)
        if m:
            opening = YearMention(int(m.group(1)), start + m.start(1), start + m.end(1) + 1, "plain")
            forward = bool(_FORWARD.search(sentence)) and not _PAST.search(sentence)
        opening_dated = opening is not None or bool(plain_years(sentence))
    return PlanYears(heading.title, years, dated, opening, forward, opening_dated, _parts_dated(doc, section, facts.year))


def _parts_dated(doc: Document, section: Section, year: int | None) -> bool:
    """Does a sub-part of the plan name a later year than the report's in its heading or open with
    one ("2024年，我局将…")? （一）巩固2023年成果 in a plan for 2024 names the year looked back on."""
    def later(y: int) -> bool:
        return year is None or y > year

    for child in section.children:
        if child.heading is None:
            continue
        if any(later(m.year) for m in year_mentions(child.heading.title_text)):
            return True
        sentence, _ = _opening_sentence(doc, child)
        m = _OPENING_PHRASE.match(sentence) if sentence is not None else None
        if m and later(int(m.group(1))):
            return True
    return False


def _plan_section(doc: Document, facts: Facts) -> Section | None:
    """The plan's own section: of several (三、存在的问题和下一步打算 / 四、2024年工作安排), the one
    whose heading names a year, else the first."""
    info = facts.parts.get("next_year")
    if info is None or info.section is None or info.section.heading is None:
        return None
    level = info.section.heading.level
    peers = [s for s in facts.sections_of("next_year") if s.heading is not None and s.heading.level == level]
    return next((s for s in peers if any(True for _ in year_mentions(s.heading.title_text))), info.section)


def _shift(mention: YearMention, base: int) -> YearMention:
    return YearMention(mention.year, base + mention.start, base + mention.end, mention.role)


def _opening_sentence(doc: Document, section) -> tuple[str | None, int]:
    """The first sentence under the plan heading (its run-in rest, or the next line without its marker)."""
    heading = section.heading
    line = doc.lines[heading.line]
    if heading.run_in:
        return _first_sentence(doc.text[heading.title.end:line.end], heading.title.end)
    nxt = next((l for l in section.all_lines() if l.index > heading.line and l.content), None)
    if nxt is None:
        return None, 0
    return _first_sentence(*_without_marker(doc, nxt))


def _without_marker(doc: Document, line: Line) -> tuple[str, int]:
    sub = next((h for h in doc.headings if h.line == line.index), None)
    start = sub.title.start if sub is not None else line.start
    return doc.text[start:line.end], start


def _first_sentence(text: str, start: int) -> tuple[str, int]:
    lead = len(text) - len(text.lstrip(" \t"))
    text = text[lead:]
    end = _SENTENCE_END.search(text)
    return (text[: end.end()] if end else text), start + lead
