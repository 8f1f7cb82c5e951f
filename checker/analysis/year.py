"""The report year: from the command line, the title, the opening sentence or the body, and how
sure that is.

Year checks compare other years with it, so it must be right or absent: periods
(（2021－2025年）), cited titles (《2024年工作要点》), targets, 2018年以来 and dates are never taken
as the report year. When the title and the opening disagree (numeric/year-mismatch reports it),
the body decides which of the two the report is about.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..document.model import Document
from ..offsets import Span
from ..text.dates import YEAR, plain_years, year_mentions

# Years a rule may compare against: a report year read from the title, the opening or the user.
FIRM_SOURCES = ("option", "title", "opening")
SOURCE_NAMES = {"option": "命令行指定", "title": "标题", "opening": "开头", "dominant": "正文", "plan": "计划部分"}
_SPACED_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s+年")
_BARE_YEAR = re.compile(r"(?<![0-9〔（(])((?:19|20)[0-9]{2})(?=法治|依法|年度报告)")  # 沅江路街道2024法治政府建设…
_SINCE_OPENING = re.compile(r"^\s*((?:19|20)[0-9]{2})\s*年(?:度)?以来[，,]")


@dataclass(frozen=True)
class Year:
    """The report year and where it came from; the title's and the opening's years as read."""

    value: int | None
    source: str  # option | title | opening | dominant | plan | none
    title: int | None
    opening: int | None
    support: tuple[str, ...] = ()  # when the opening outvotes the title: body | plan, the evidence besides the opening line


def title_year(text: str) -> int | None:
    """The title's report year; a period it cites (纲要（2021－2025年）) is none. A PDF copy's
    spaced "云山县 2025 年度…" counts as written together, and so does a year missing its 年
    (…街道2024法治政府建设年度报告)."""
    text = _BARE_YEAR.sub(r"\1年", _SPACED_YEAR.sub(r"\1年", text))
    return next((m.year for m in year_mentions(text) if m.role in ("plain", "quoted")), None)


def since_opening(doc: Document) -> int | None:
    """"2025年以来，我委…" opening the report: the year it reports on when nothing else names one.

    Never compared with the title (a review may open "2018年以来…" in a report on 2023)."""
    for line in doc.preamble[:2]:
        m = _SINCE_OPENING.match(line.text)
        if m:
            return int(m.group(1))
    return None


def opening_year_mention(doc: Document) -> tuple[int, Span, bool] | None:
    """The year the opening reports on, where, and whether the wording says so.

    Periods, cited titles, targets, 2018年以来 and dates (（2024年1月15日）) are skipped. A year that
    starts the report (2023年，我局…) or sits in "现将2023年…报告如下" is preferred and marked sure;
    otherwise the first remaining year is returned, not sure.
    """
    found = []
    for line in doc.preamble[:2]:
        indent = len(line.text) - len(line.text.lstrip())
        for mention in plain_years(line.text):
            if _MONTH.match(line.text, mention.end):
                continue
            span = Span(line.start + mention.start, line.start + mention.end)
            if _names_report_year(line.text, mention, indent):
                return mention.year, span, True
            if mention.start < indent + 40:
                found.append((mention.year, span, False))
    return found[0] if found else None


_MONTH = re.compile(r"[0-9]{1,2}月")


def _names_report_year(text: str, mention, indent: int) -> bool:
    # Slices stay short: a preamble line of megabytes must not cost a scan per year in it.
    if mention.start - indent <= 8 and text[indent:mention.start].strip(" \t") in ("", "在", "于"):
        return True
    rest = re.split(r"[，。；！？]", text[mention.end:mention.end + 300])[0]
    return bool(re.search(r"报告如下|汇报如下|情况报告|工作报告", rest))


def report_year(doc: Document, option: int | None, plan_headings: set[int]) -> Year:
    """The year, given the lines of headings that name the plan part (their year is the next one)."""
    title = title_year(doc.title_text)
    mention = opening_year_mention(doc)
    opening = mention[0] if mention else None
    if option:
        return Year(option, "option", title, opening)
    dominant, plan = _body_years(doc, plan_headings)
    if title and opening and title != opening:
        votes = Counter(y for y in (dominant, plan) if y in (title, opening))
        if votes.get(opening, 0) > votes.get(title, 0):
            return Year(opening, "opening", title, opening, _support(doc, plan_headings, mention[1], opening, plan))
    for value, source in ((title, "title"), (opening, "opening"), (dominant, "dominant"),
                          (since_opening(doc), "opening"), (plan, "plan")):
        if value:
            return Year(value, source, title, opening)
    return Year(None, "none", title, opening)


def _support(doc: Document, plan_headings: set[int], opening_at: Span, year: int, plan: int | None) -> tuple[str, ...]:
    """What names ``year`` besides the opening sentence itself (the title-year message cites it)."""
    body, _ = _body_years(doc, plan_headings, skip=opening_at)
    return tuple(name for name, value in (("body", body), ("plan", plan)) if value == year)


def _body_years(doc: Document, plan_headings: set[int], skip: Span | None = None) -> tuple[int | None, int | None]:
    """The most frequent year outside the plan headings (and outside the line holding ``skip``),
    and the plan heading's year minus one."""
    counts = Counter(
        m.year for line in doc.body_lines()
        if line.index not in plan_headings and not (skip and line.start <= skip.start < line.end)
        for m in plain_years(line.text)
    )
    plan_years = [int(y) for i in sorted(plan_headings) for y in YEAR.findall(doc.lines[i].text)]
    return (counts.most_common(1)[0][0] if counts else None), (plan_years[0] - 1 if plan_years else None)
