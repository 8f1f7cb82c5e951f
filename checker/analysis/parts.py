"""Which sections of a report are which part of its genre (parts, labels and synonyms from the
genre profile, rulesets/genres/*.yaml).

A heading names a part by what it is: the heads of its title's last clause (split at 和/及/与/、)
END in the part's ``head`` ("…围绕市委工作安排，推动…的举措和成效" is the achievements part), or
the title carries the part's mark (``heading``: 第一责任人, 下一步) anywhere. A top-level heading
names the parts it announces, in the genre's match order (several for "存在的问题及下一步打算"); a
part marked ``only_alone`` is taken only when nothing else matched. A section none of whose
headings names a part may hold sub-headings that do (``nested``), never under a part listed in
``never_inside`` (a plan item "压实第一责任人职责" is a plan); a part marked ``nested: overview``
may also be a sub-heading of a heading named only by an ``alone_head`` (一、2019年法治政府建设情况
（二）存在的不足和原因). Unnamed topic sections before the
later parts report the year's work (``collects_topics``). A part with no heading may still be
reported by sentences (part_sentences.py: ``inline`` words, or ``content``: what the leaders did),
never by a sentence that only announces the parts (本报告包括…四个部分); the part's text is then
every item that holds such a sentence. Every rule that asks "where is the shortcomings part?" reads the
answer from here, so they all agree.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from ..document.model import Document, Line, Section
from ..offsets import Span
from ..profile.genre import Genre, Part
from ..text.dates import YEAR
from ..text.segment import is_word
from ..text.regexes import LazyRegex
from .part_sentences import clause_before, sentences_reporting

_PLAN_WORD = re.compile(r"计划|安排|打算|思路|要点")
_PLAN_REVIEW = re.compile(r"(?:计划|安排|要点)的?(?:完成|执行|落实|实施)情况")
# A heading that is nothing but a plan title: "2022年工作计划", "2022年法治政府建设工作安排：".
_PLAN_TITLE = LazyRegex(r"^(?:19|20)\d{2}年度?[\u4e00-\u9fff“”]{0,14}?(?:计划|安排|打算|思路|要点)[。：]?$")
_CLAUSE_MARK = re.compile(r"[，,；;：:]")
_CONJUNCTION = re.compile(r"以及|和|及|与|、|暨")
_TRAILING = "。：:；;，, \t　"


@dataclass(frozen=True)
class PartInfo:
    """Where one part is and how it was recognised (heading, nested, topics, inline)."""

    part: str
    how: str  # heading | nested | topics | inline
    line: Line  # the heading line, or the line holding the inline sentence
    section: Section | None
    span: Span  # the heading title, or the inline sentence
    # inline: the items (or paragraphs) holding the part's sentences; nested: those outside its section
    # (（三）述法 is the part's heading, while （一） says what the leaders did)
    extent: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Parts:
    """The parts of one report: the first place of each, every section of each, and a lookup."""

    found: Mapping[str, PartInfo]  # part id → where it first is (never mutated after find)
    sections: Mapping[str, tuple[Section, ...]]  # part id → every section that belongs to it
    spans: tuple[tuple[Span, str], ...]  # (section span, part), outer before inner
    _starts: tuple[int, ...]
    _labels: tuple[str | None, ...]

    def at(self, offset: int) -> str | None:
        """The innermost part whose section holds ``offset`` (a bisect: called once per finding)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return self._labels[i] if i >= 0 else None

    def part_of(self, section: Section) -> str | None:
        return next((p for p, group in self.sections.items() if any(s is section for s in group)), None)


def find(doc: Document, genre: Genre, year: int | None) -> Parts:
    sections, topics = classify(doc, genre, year)
    spans = tuple(sorted(((s.span, p) for p in genre.part_ids for s in sections.get(p, ())),
                         key=lambda x: (x[0].start, -x[0].end)))
    starts, labels = _sweep(spans)
    frozen = {p: tuple(group) for p, group in sections.items()}
    layout = Parts({}, frozen, spans, tuple(starts), tuple(labels))
    found: dict[str, PartInfo] = {}
    top_ids = {id(s) for s in doc.root.children}
    for part in genre.parts:
        group = sections.get(part.id)
        if group:
            first = group[0]
            how = "topics" if topics is not None and group is topics else ("heading" if id(first) in top_ids else "nested")
            extent = _elsewhere(doc, genre, part, layout, group) if how == "nested" else ()
            found[part.id] = PartInfo(part.id, how, doc.lines[first.heading.line], first, first.heading.title, extent)
        elif (inline := _inline(doc, genre, part, layout)) is not None:
            found[part.id] = inline
    return Parts(found, frozen, spans, tuple(starts), tuple(labels))


def _sweep(spans) -> tuple[list[int], list[str | None]]:
    """Sections nest or are disjoint: sweep them once into (boundary, part from there on) lists."""
    starts: list[int] = []
    labels: list[str | None] = []
    stack: list[tuple[int, str]] = []

    def close_until(limit: float) -> None:
        while stack and stack[-1][0] <= limit:
            end, _ = stack.pop()
            starts.append(end)
            labels.append(stack[-1][1] if stack else None)

    for span, part in spans:  # sorted by start, outer before inner
        close_until(span.start)
        starts.append(span.start)
        labels.append(part)
        stack.append((span.end, part))
    close_until(float("inf"))
    return starts, labels


# ---- headings ------------------------------------------------------------------------------------

def heading_parts(title: str, year: int | None, genre: Genre) -> list[str]:
    """Parts a heading title announces, in the genre's match order."""
    heads = title_heads(title)
    order = [genre.part(p) for p in genre.match_order]
    named = {p.id for p in order if _marked(title, p)}
    plain = [h for h in heads if not any(_marked(h, p) for p in order)]  # 下步工作举措 is the plan's
    named |= {p.id for p in order if _headed(plain, p.head_re)}
    found = [p.id for p in order if p.id in named and not p.only_alone]
    if not found:  # 存在的问题及整改情况: the weaker heads only when nothing stronger is named
        found = [p.id for p in order if p.id in named or _headed(plain, p.alone_head_re)]
    plan = next((p for p in genre.parts if p.plan), None)
    if plan is not None:
        _plan_year(found, plan, title, year, genre)
    return found


def title_heads(title: str) -> list[str]:
    """The coordinated heads of a heading: its last clause split at 和/及/与/、.

    "2022年推进法治交通建设的主要举措、成效和不足" → 2022年推进法治交通建设的主要举措, 成效, 不足;
    "围绕市委工作安排，推动…的举措和成效" → 推动…的举措, 成效 (the first clause only qualifies it).
    """
    text = title.strip().rstrip(_TRAILING)
    last = _CLAUSE_MARK.split(text)[-1].strip()
    return [h.strip() for h in _CONJUNCTION.split(last) if h.strip()]


def _headed(heads: list[str], pattern) -> bool:
    return pattern is not None and any(pattern.search(h) for h in heads)


def _marked(title: str, part: Part) -> bool:
    """The part's mark stands somewhere in the title as a word, not after another duty's words."""
    if not part.heading:
        return False
    for m in part.heading_re.finditer(title):
        if m.end() == m.start() or not is_word(title, m.start(), m.end()):
            continue
        if part.inline_not_re is not None and part.inline_not_re.search(clause_before(title, m.start())):
            continue
        return True
    return False


def _plan_year(found: list[str], plan: Part, title: str, year: int | None, genre: Genre) -> None:
    """A heading that starts with the next year is the plan; a plan-worded one that reviews the
    year ("2021年工作计划完成情况") is not."""
    if year and plan.id not in found and re.match(rf"^{year + 1}年", title):
        found.append(plan.id)
    reviewed = plan.id in found or (not found and _PLAN_WORD.search(title))  # 2023年度重点工作安排部署
    if reviewed and _looks_back(title, year):
        if plan.id in found:
            found.remove(plan.id)
        if not found:
            found.extend(p.id for p in genre.parts if p.only_alone or p.alone_head)


def _looks_back(title: str, year: int | None) -> bool:
    """"2021年工作计划完成情况", "2023年度重点工作安排部署": reviews of the year, not plans.

    "2022年工作计划" in a report on 2022 stays the plan (with the wrong year, which
    numeric/year-mismatch reports).
    """
    if _PLAN_REVIEW.search(title):
        return True
    if not year:
        return False
    years = {int(y) for y in YEAR.findall(title)}
    return bool(years) and year + 1 not in years and all(y <= year for y in years) and "下" not in title \
        and not _PLAN_TITLE.search(title)


def classify(doc: Document, genre: Genre, year: int | None) -> tuple[dict[str, list[Section]], list[Section] | None]:
    """part id → its sections, and the topic sections (when the topics make up a part)."""
    sections: dict[str, list[Section]] = {}
    top = list(doc.root.children)
    if len(top) == 1 and top[0].heading.level == 0:
        top = list(top[0].children) or top
    unclassified, overviews = [], []
    read: dict[str, list[str]] = {}  # title → its parts: the nested searches ask again and again

    def parts_of(title: str) -> list[str]:
        if title not in read:
            read[title] = heading_parts(title, year, genre)
        return read[title]

    for section in top:
        named = parts_of(section.heading.title_text)
        for part in named:
            sections.setdefault(part, []).append(section)
        if not named:
            unclassified.append(section)
        elif _overview(section.heading.title_text, genre):
            overviews.append(section)
    _nested(sections, unclassified, top, genre, parts_of)
    _in_overviews(sections, overviews, genre, parts_of)
    return sections, _topics(doc, sections, unclassified, genre)


def _nested(sections, unclassified, top, genre: Genre, parts_of) -> None:
    by_rule = {p.id: p.nested for p in genre.parts}
    for section in unclassified:
        for child in _descendants(section, max_level=3):
            for part in parts_of(child.heading.title_text):
                if by_rule[part] != "never":
                    sections.setdefault(part, []).append(child)
    for part in (p for p in genre.parts if p.nested == "anywhere" and p.id not in sections):
        barred = {id(s) for other in part.never_inside for s in sections.get(other, ())}
        for section in top:
            if id(section) in barred:
                continue
            for child in _descendants(section, max_level=3):
                if part.id in parts_of(child.heading.title_text):
                    sections.setdefault(part.id, []).append(child)


def _overview(title: str, genre: Genre) -> bool:
    """一、2019年法治政府建设情况: a heading that names its part only by an alone_head (情况, 总结)."""
    heads = title_heads(title)
    return not any(_marked(title, p) or _headed(heads, p.head_re) for p in genre.parts)


def _in_overviews(sections, overviews, genre: Genre, parts_of) -> None:
    """A year's overview holds the measures and, as its sub-headings, the shortcomings too
    (一、2019年法治政府建设情况 （一）主要举措 （二）存在的不足和原因): parts marked ``nested: overview``."""
    wanted = {p.id for p in genre.parts if p.nested == "overview" and p.id not in sections}
    for section in overviews:
        for child in _descendants(section, max_level=3):
            for part in parts_of(child.heading.title_text):
                if part in wanted:
                    sections.setdefault(part, []).append(child)


def _topics(doc, sections, unclassified, genre: Genre) -> list[Section] | None:
    """Topic sections before the later parts (一、基本情况 二、加强组织领导 … 六、主要成效) report the
    year's work: they belong to the collecting part, after its named heading."""
    collector = next((p for p in genre.parts if p.collects_topics), None)
    if collector is None:
        return None
    claimed = {id(s) for group in sections.values() for s in group}
    later = [s.span.start for p in genre.parts if p.required and p.id != collector.id and not p.nested == "anywhere"
             for s in sections.get(p.id, ())]
    limit = min(later, default=doc.root.span.end + 1)
    topics = [s for s in unclassified if id(s) not in claimed and s.lines and s.span.start < limit]
    if not topics:
        return None
    if collector.id not in sections:
        sections[collector.id] = topics
        return topics
    sections[collector.id] = sorted(sections[collector.id] + topics, key=lambda s: s.span.start)
    return None


def _descendants(section: Section, max_level: int) -> Iterable[Section]:
    for child in section.children:
        if child.heading.level <= max_level:
            yield child
            yield from _descendants(child, max_level)


# ---- inline --------------------------------------------------------------------------------------

def _elsewhere(doc: Document, genre: Genre, part: Part, layout: Parts, group) -> tuple[Span, ...]:
    """Items outside a nested part's sections whose sentences also report the part."""
    if part.inline_re is None and part.content_re is None:
        return ()
    found = sentences_reporting(doc, genre, part, layout.at)
    if found is None:
        return ()
    inside = [s.span for s in group]
    return tuple(e for e in found[2] if not any(i.start <= e.start < i.end for i in inside))

def _inline(doc: Document, genre: Genre, part: Part, layout: Parts) -> PartInfo | None:
    if part.inline_re is None and part.content_re is None:
        if part.paragraph and not doc.headings:
            line = next((l for l in doc.body_lines() if len(l.content) > 60), None)
            return PartInfo(part.id, "inline", line, None, line.span) if line else None
        return None
    found = sentences_reporting(doc, genre, part, layout.at)
    if found is None:
        return None
    line, span, extent = found
    return PartInfo(part.id, "inline", line, None, span, extent)
