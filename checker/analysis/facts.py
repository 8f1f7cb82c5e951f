"""Facts about a parsed report, derived once: report year, issuer, the required parts, the date.

Checks read these instead of re-deriving them, so every rule agrees on what the report year is
and where the shortcomings part starts. Synonyms follow domain.md §7.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from ..text import dates
from ..text.dates import plain_years, year_mentions
from ..document.model import Document, Line, Section
from ..offsets import Span
from ..text.segment import is_word

PARTS = ("achievements", "first_responsible", "shortcomings", "next_year", "other")
PART_NAMES = {
    "achievements": "主要举措和成效",
    "first_responsible": "党政主要负责人履行推进法治建设第一责任人职责情况",
    "shortcomings": "存在的不足和原因",
    "next_year": "下一年度主要安排",
    "other": "其他需要报告的情况",
}
_HEADING_PATTERNS = {
    "other": r"其[他它](?:需要|需)?(?:报告|说明)的?(?:情况|事项)|其[他它]事项",
    "first_responsible": r"第一责任人|主要负责(?:人|同志)履行|述法",
    "shortcomings": (
        r"存在的?(?:主要)?(?:问题|不足|困难|短板|差距)|不足之处|短板(?:和|与|及)?(?:不足|弱项|问题)?|不足"
        r"|问题(?:和|与|及)(?:不足|困难|差距|原因)|(?:差距|困难)(?:和|与|及)(?:问题|不足)|薄弱环节"
    ),
    "next_year": r"下一?(?:年度|年|步|阶段)|下步|明年|来年|(?:工作|年度)?(?:计划|安排|打算|思路|要点|展望)",
    "achievements": r"举措|成效|做法|成绩|(?:工作)?(?:开展|完成|推进|进展|落实|基本)?情况|主要工作|工作进展",
}
_HEADING_RES = {part: re.compile(p) for part, p in _HEADING_PATTERNS.items()}
_INLINE_RES = {
    "first_responsible": re.compile(r"第一责任人(?:职责|责任)?"),
    "shortcomings": re.compile(r"(?:存在|仍有|还有|尚有|仍然存在)[^。；]{0,16}?(?:不足|问题|短板|差距|薄弱)"),
    "next_year": re.compile(r"(?:下一步|下步|下一年度?|明年)[，,]?[^。]{0,30}?(?:将|要|继续|进一步|计划)"),
}
_PLAN_REVIEW = re.compile(r"(?:计划|安排|要点)的?(?:完成|执行|落实|实施)情况")
# A heading that is nothing but a plan title: "2022年工作计划", "2022年法治政府建设工作安排：".
_PLAN_TITLE = re.compile(r"^(?:19|20)\d{2}年度?[\u4e00-\u9fff“”]{0,14}?(?:计划|安排|打算|思路|要点)[。：]?$")
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?=年)")
_ISSUER_SUFFIX = re.compile(
    r"(?:人民政府|政府|党委|党工委|委员会|办事处|街道|镇|乡|县|区|市|州|省|自治区|局|委|办|办公室|厅|中心)$"
)
_LOCALITY = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:自治州|自治县|自治区|省|市|州|盟|县|区|旗|镇|乡|街道)")
_LEVEL_BY_SUFFIX = (
    ("provincial", re.compile(r"(?:省|自治区)(?:人民政府|政府|委员会)?$|^(?:北京|天津|上海|重庆)市(?:人民政府)?$")),
    ("department", re.compile(r"(?:局|委|办|办公室|厅|中心|院|所|站|队)$")),
    ("township", re.compile(r"(?:镇|乡|街道)(?:人民政府|政府|办事处|党委)?$")),
    ("county", re.compile(r"(?:县|区|旗)(?:人民政府|政府|委员会)?$")),
    ("prefecture", re.compile(r"(?:市|州|盟)(?:人民政府|政府|委员会)?$")),
)


@dataclass(frozen=True)
class PartInfo:
    """Where one canonical part is and how it was recognised (heading, nested, topics, inline)."""

    part: str
    how: str  # heading | nested | topics | inline
    line: Line  # the heading line, or the line holding the inline sentence
    section: Section | None
    span: Span  # the heading title, or the inline sentence


@dataclass(frozen=True)
class Facts:
    """What is known about a report as a whole, computed once and read by every rule."""

    year: int | None
    year_source: str  # option | title | opening | dominant | plan | none
    title_year: int | None
    opening_year: int | None
    issuer: str | None
    issuer_level: str  # provincial | prefecture | county | township | department | unknown
    localities: tuple[str, ...]  # place names of the issuer, longest first (丰都县, 双龙镇, 双龙, 丰都)
    parts: dict[str, PartInfo]
    part_spans: tuple[tuple[Span, str], ...]  # every section that belongs to a part
    signature_date: date | None
    signature_date_text: str | None
    extra: dict = field(default_factory=dict)

    def part_at(self, offset: int) -> str | None:
        """The innermost part whose section holds ``offset`` (a bisect: called once per finding)."""
        starts, parts = self.extra["part_index"]
        at = bisect.bisect_right(starts, offset) - 1
        return parts[at] if at >= 0 else None

    def sections_of(self, part: str) -> list[Section]:
        return [s for s in self.extra.get("sections", {}).get(part, [])]


def derive(doc: Document, year: int | None = None) -> Facts:
    title_year = _title_year(doc.title_text)
    opening_year = _opening_year(doc)
    report_year, source = _report_year(doc, year, title_year, opening_year)
    issuer = _issuer(doc)
    sections = _classify(doc, report_year)
    parts = _parts(doc, sections)
    signature_text, signature_date = _signature_date(doc)
    spans = tuple(
        (s.span, part) for part in PARTS for s in sections.get(part, ())
    )
    part_spans = tuple(sorted(spans, key=lambda x: (x[0].start, -x[0].end)))
    return Facts(
        year=report_year,
        year_source=source,
        title_year=title_year,
        opening_year=opening_year,
        issuer=issuer,
        issuer_level=_issuer_level(issuer),
        localities=_localities(issuer, doc),
        parts=parts,
        part_spans=part_spans,
        signature_date=signature_date,
        signature_date_text=signature_text,
        extra={"sections": sections, "part_index": _part_index(part_spans)},
    )


def _part_index(part_spans) -> tuple[list[int], list[str | None]]:
    """Sections nest or are disjoint: sweep them once into (boundary, part from there on) lists."""
    starts: list[int] = []
    parts: list[str | None] = []
    stack: list[tuple[int, str]] = []

    def close_until(limit: int) -> None:
        while stack and stack[-1][0] <= limit:
            end, _ = stack.pop()
            starts.append(end)
            parts.append(stack[-1][1] if stack else None)

    for span, part in part_spans:  # sorted by start, outer before inner
        close_until(span.start)
        starts.append(span.start)
        parts.append(part)
        stack.append((span.end, part))
    close_until(float("inf"))  # type: ignore[arg-type]
    return starts, parts


# ---- year --------------------------------------------------------------------------------------

def _title_year(text: str) -> int | None:
    """The title's report year; a period it cites (纲要（2021－2025年）) is none."""
    return next((m.year for m in year_mentions(text) if m.role in ("plain", "quoted")), None)


def _opening_year(doc: Document) -> int | None:
    mention = opening_year_mention(doc)
    return mention[0] if mention else None


def opening_year_mention(doc: Document) -> tuple[int, Span, bool] | None:
    """The year the opening reports on, where, and whether the wording says so.

    Periods (（2021－2025年）), cited titles (《2024年工作要点》), targets, 2018年以来 and dates
    (（2024年1月15日）) are skipped: taking one would make the year checks raise false errors. A year
    that starts the report (2023年，我局…) or sits in "现将2023年…报告如下" is preferred and marked
    sure; otherwise the first remaining year is returned, not sure.
    """
    found = []
    for line in doc.preamble[:2]:
        indent = len(line.text) - len(line.text.lstrip())
        for mention in plain_years(line.text):
            if re.match(r"[0-9]{1,2}月", line.text[mention.end:]):
                continue
            span = Span(line.start + mention.start, line.start + mention.end)
            if _names_report_year(line.text, mention):
                return mention.year, span, True
            if mention.start < indent + 40:
                found.append((mention.year, span, False))
    return found[0] if found else None


def _names_report_year(text: str, mention) -> bool:
    if text[:mention.start].strip(" \t") in ("", "在", "于"):
        return True
    clause = re.split(r"[，。；！？]", text[mention.end:])[0]
    return bool(re.search(r"报告如下|汇报如下|情况报告|工作报告", clause))


def _report_year(doc: Document, option: int | None, title: int | None, opening: int | None):
    if option:
        return option, "option"
    dominant, plan = _body_years(doc)
    if title and opening and title != opening:
        # The title and the opening disagree (numeric/year-mismatch reports it): the body decides.
        votes = Counter(y for y in (dominant, plan) if y in (title, opening))
        if votes.get(opening, 0) > votes.get(title, 0):
            return opening, "opening"
    if title:
        return title, "title"
    if opening:
        return opening, "opening"
    if dominant:
        return dominant, "dominant"
    if plan:
        return plan, "plan"  # only the plan names a year: it is the year after the report's
    return None, "none"


def _body_years(doc: Document) -> tuple[int | None, int | None]:
    """The most frequent year outside the plan part, and the plan heading's year minus one."""
    plan_lines = {h.line for h in doc.headings if _HEADING_RES["next_year"].search(h.title_text)}
    counts = Counter(
        m.year for line in doc.body_lines() if line.index not in plan_lines for m in plain_years(line.text)
    )
    plan_years = [int(y) for i in sorted(plan_lines) for y in _YEAR.findall(doc.lines[i].text)]
    return (counts.most_common(1)[0][0] if counts else None), (plan_years[0] - 1 if plan_years else None)


# ---- issuer ------------------------------------------------------------------------------------

def _issuer(doc: Document) -> str | None:
    title = doc.title_text
    if title:
        m = re.match(r"^(.{2,40}?)(?:关于)?(?:(?:19|20)\d{2}|法治政府|依法行政|法治建设)", title)
        if m:
            name = m.group(1).strip(" 　")
            if name.endswith("关于"):
                name = name[:-2]
            if name and _ISSUER_SUFFIX.search(name):
                return name
    if doc.header is not None:
        return doc.header.content
    if doc.signature is not None and doc.signature.issuer_lines:
        return doc.signature.issuer_lines[-1].content
    return None


def _issuer_level(issuer: str | None) -> str:
    if not issuer:
        return "unknown"
    name = issuer.split()[-1]
    for level, pattern in _LEVEL_BY_SUFFIX:
        if pattern.search(name):
            return level
    return "unknown"


def _localities(issuer: str | None, doc: Document) -> tuple[str, ...]:
    names: list[str] = []
    sources = [issuer or ""]
    if doc.header is not None:
        sources.append(doc.header.content)
    if doc.signature is not None:
        sources.append(doc.signature.issuer)
    for text in sources:
        for m in _LOCALITY.finditer(text.replace("中共", "")):
            full = m.group()
            names.append(full)
            short = re.sub(r"(?:自治州|自治县|自治区|省|市|州|盟|县|区|旗|镇|乡|街道)$", "", full)
            if len(short) >= 2:
                names.append(short)
    unique = dict.fromkeys(n for n in names if len(n) >= 2)
    return tuple(sorted(unique, key=len, reverse=True))


# ---- parts -------------------------------------------------------------------------------------

def heading_parts(title: str, year: int | None) -> list[str]:
    """Parts a heading title announces (several for 存在的问题及下一步打算)."""
    found = []
    for part, pattern in _HEADING_RES.items():
        if part == "achievements" and found:
            break
        if any(is_word(title, m.start(), m.end()) for m in pattern.finditer(title)):
            found.append(part)
    if year and "next_year" not in found and re.match(rf"^{year + 1}年", title):
        found.append("next_year")
    if "next_year" in found and _looks_back(title, year):
        found.remove("next_year")
        if not found:
            found.append("achievements")
    return found


def _looks_back(title: str, year: int | None) -> bool:
    """A plan-worded heading that reviews the year: "2021年工作计划完成情况", "2023年度重点工作安排部署".

    "2022年工作计划" in a report on 2022 stays the plan (with the wrong year, which
    numeric/year-mismatch reports).
    """
    if _PLAN_REVIEW.search(title):
        return True
    if not year:
        return False
    years = {int(y) for y in _YEAR.findall(title)}
    return bool(years) and year + 1 not in years and all(y <= year for y in years) and "下" not in title and not _PLAN_TITLE.search(title)


def _classify(doc: Document, year: int | None) -> dict[str, list[Section]]:
    sections: dict[str, list[Section]] = {}
    top = [s for s in doc.root.children]
    if len(top) == 1 and top[0].heading.level == 0:
        top = list(top[0].children) or top
    unclassified: list[Section] = []
    for section in top:
        parts = heading_parts(section.heading.title_text, year)
        for part in parts:
            sections.setdefault(part, []).append(section)
        if not parts:
            unclassified.append(section)
    for section in unclassified:
        for child in _descendants(section, max_level=3):
            for part in heading_parts(child.heading.title_text, year):
                if part != "achievements":
                    sections.setdefault(part, []).append(child)
    if "first_responsible" not in sections:
        for section in top:
            for child in _descendants(section, max_level=3):
                if "first_responsible" in heading_parts(child.heading.title_text, year):
                    sections.setdefault("first_responsible", []).append(child)
    claimed = {id(s) for group in sections.values() for s in group}
    later = [s.span.start for p in ("shortcomings", "next_year") for s in sections.get(p, ())]
    limit = min(later, default=doc.root.span.end + 1)
    topics = [s for s in unclassified if id(s) not in claimed and s.lines and s.span.start < limit]
    if "achievements" not in sections and topics:
        sections["achievements"] = topics
        sections["_topics"] = topics
    elif topics:
        # Topic sections before the shortcomings (一、基本情况 二、加强组织领导 … 六、主要成效) report the
        # year's work too: they belong to the achievements part, after its named heading.
        sections["achievements"] = sorted(sections["achievements"] + topics, key=lambda s: s.span.start)
    return sections


def _descendants(section: Section, max_level: int) -> Iterable[Section]:
    for child in section.children:
        if child.heading.level <= max_level:
            yield child
            yield from _descendants(child, max_level)


def _parts(doc: Document, sections: dict[str, list[Section]]) -> dict[str, PartInfo]:
    parts: dict[str, PartInfo] = {}
    top_ids = {id(s) for s in doc.root.children}
    for part in PARTS:
        group = sections.get(part)
        if group:
            first = group[0]
            how = "topics" if sections.get("_topics") is group else ("heading" if id(first) in top_ids else "nested")
            parts[part] = PartInfo(part, how, doc.lines[first.heading.line], first, first.heading.title)
            continue
        inline = _inline(doc, part)
        if inline is not None:
            parts[part] = inline
    return parts


def _inline(doc: Document, part: str) -> PartInfo | None:
    pattern = _INLINE_RES.get(part)
    if pattern is None:
        if part == "achievements" and not doc.headings and any(len(l.content) > 60 for l in doc.body_lines()):
            line = next(l for l in doc.body_lines() if len(l.content) > 60)
            return PartInfo(part, "inline", line, None, line.span)
        return None
    for line in doc.body_lines():
        for m in pattern.finditer(line.text):
            if _inside_title_marks(line.text, m.start()):
                continue  # 《党政主要负责人履行推进法治建设第一责任人职责规定》 is a citation
            sentence = _sentence_span(line, m.start())
            return PartInfo(part, "inline", line, None, sentence)
    return None


def _inside_title_marks(text: str, at: int) -> bool:
    return text.rfind("《", 0, at) > text.rfind("》", 0, at)


def _sentence_span(line: Line, at: int) -> Span:
    text = line.text
    start = max(text.rfind(ch, 0, at) for ch in "。；！？") + 1
    ends = [i for i in (text.find(ch, at) for ch in "。；！？") if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return Span(line.start + start, line.start + end)


# ---- signature date ----------------------------------------------------------------------------

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
