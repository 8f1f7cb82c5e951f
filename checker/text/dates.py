"""Years and dates as reports write them: year mentions with their role, and signing dates.

A report names many years that are not the year it reports on: periods (（2021－2025年）),
document titles (《2024年工作要点》), targets (到2025年底, 2035年远景目标). Rules that compare years
must tell these apart, so ``year_mentions`` labels each one. ``parse_date`` reads a signing date in
any of the forms clerks use (2023年12月21日, 2023.12.21, 二〇二三年十二月二十一日, 2024年1月) and
keeps what GB/T 9704-2012 §7.3.5 cares about: Arabic numerals, full year, no zero padding.

Pure text functions: no Document, no Facts, so outline.py and facts.py can both use them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterator

from .clauses import in_title
from .cn_numerals import small, year_digits


# A year in Chinese numerals must hold at least one 一..九 (so "0000" is no year); the lookahead
# stays inside the four numerals, so a run of zeros costs linear time.
CN_YEAR = r"(?=[〇○零OoＯ0]{0,3}[一二三四五六七八九])[〇○零OoＯ0一二三四五六七八九]{4}"
_NUM = r"\d{1,2}|[〇○零一二三四五六七八九十]{1,3}"
# year, separator, month, then a day (with 日 optional) or 月 alone: the forms a signing date takes.
DATE_PATTERN = (
    rf"(?:(?:19|20)\d{{2}}|{CN_YEAR})[ \t]*[年.\-/][ \t]*(?:{_NUM})[ \t]*"
    rf"(?:[月.\-/][ \t]*(?:{_NUM})(?![0-9])(?:[ \t]*[日号])?|月)"
)
_DATE = re.compile(
    rf"(?P<y>(?:19|20)\d{{2}}|{CN_YEAR})(?P<s0>[ \t]*)(?P<s1>[年.\-/])(?P<s2>[ \t]*)(?P<m>{_NUM})(?P<s3>[ \t]*)"
    rf"(?:(?P<s4>[月.\-/])(?P<s5>[ \t]*)(?P<d>{_NUM})(?![0-9])(?:(?P<s6>[ \t]*)(?P<r>[日号]))?|(?P<mo>月))"
)

# A four-digit year followed by 年 (group 1 the digits): the one definition; the lookbehind
# after 19|20 keeps scans fast.
YEAR = re.compile(r"((?:19|20)(?<![0-9]..)[0-9]{2})(?=年)")
_RANGE_DASH = r"[ \t]*[-－—–~～至到][ \t]*"
_RANGE_BEFORE = re.compile(rf"(?:19|20)\d{{2}}年?{_RANGE_DASH}$")
_RANGE_AFTER = re.compile(rf"(?<![ \t])年?{_RANGE_DASH}(?:19|20)\d{{2}}")
_TARGET_BEFORE = re.compile(r"(?:(?<!截)至|到|力争|确保|预计|计划|争取|拟|目标)[ \t]*$")
_TARGET_AFTER = re.compile(r"年(?:度)?(?:底前|前(?![一二三四五六七八九十0-9])|以前|之前|远景|愿景|目标|以后|后)")
_SINCE_BEFORE = re.compile(r"(?:自|从)[ \t]*$")
_SINCE_AFTER = re.compile(r"年(?:度)?(?:以来|来|起|开始)")


@dataclass(frozen=True)
class YearMention:
    """A four-digit year followed by 年, with offsets into the text it was found in.

    role: plain (a year the sentence is about), range (part of 2021－2025年), quoted (inside
    《…》, a document title), target (到2025年, 2035年远景目标, 2024年前), since (2018年以来,
    自2018年起: the start of a period, not the year reported on).
    """

    year: int
    start: int
    end: int  # after 年
    role: str


def year_mentions(text: str) -> Iterator[YearMention]:
    for m in YEAR.finditer(text):
        start, end = m.start(), m.end() + 1
        before = text[max(0, start - 12):start]
        yield YearMention(int(m.group(1)), start, end, _role(text, start, before))


def plain_years(text: str) -> list[YearMention]:
    return [y for y in year_mentions(text) if y.role == "plain"]


def _role(text: str, start: int, before: str) -> str:
    after = text[start + 4:start + 16]
    if _RANGE_BEFORE.search(before) or _RANGE_AFTER.match(after):
        return "range"
    if in_title(text, start):
        return "quoted"
    if _TARGET_BEFORE.search(before) or _TARGET_AFTER.match(after):
        return "target"
    if _SINCE_BEFORE.search(before) or _SINCE_AFTER.match(after):
        return "since"
    return "plain"


# ---- signing dates -----------------------------------------------------------------------------

@dataclass(frozen=True)
class DateText:
    """A written date and how it is written. ``day`` is None when the text stops at the month."""

    text: str
    year: int
    month: int | None  # None when the numeral cannot be read
    day: int | None
    chinese: bool  # 二〇二三年十二月二十一日
    separator: str  # 年, or . - / for 2023.12.21
    padded: bool  # 2024年01月05日
    spaced: bool  # 2023年12月 21日
    suffix: str  # 日, 号 or "" after the day

    @property
    def real(self) -> bool:
        """A date that exists (month 1..12, day within the month); a month-only date counts."""
        if self.month is None or not 1 <= self.month <= 12:
            return False
        if self.day is None:
            return True
        return 1 <= self.day <= _days_in(self.year, self.month)

    def as_date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.real and self.day is not None else None

    def earliest(self) -> date | None:
        """The first day the text can mean (the 1st when the day is missing)."""
        return date(self.year, self.month, self.day or 1) if self.real else None

    def latest(self) -> date | None:
        if not self.real:
            return None
        return date(self.year, self.month, self.day or _days_in(self.year, self.month))

    def canonical(self) -> str | None:
        """The GB/T 9704 form (2023年12月21日), only when the text names a real, complete date."""
        if not self.real or self.day is None:
            return None
        return render_date(self.year, self.month, self.day)


def render_date(year: int, month: int | str, day: int | str) -> str:
    """A date as GB/T 9704-2012 §7.3.5 writes it: 2023年12月21日, Arabic numerals, no zero padding
    (a part that is not known may be given as ×)."""
    return f"{year}年{month}月{day}日"


def parse_date(text: str) -> DateText | None:
    """The first date in ``text`` (see DATE_PATTERN), or None."""
    m = _DATE.search(text)
    if not m:
        return None
    if m.group("s4") and m.group("s4") != ("月" if m.group("s1") == "年" else m.group("s1")):
        return None  # 2023.12-21 and 2023年12.21 are no date forms anyone uses
    if m.group("s1") != "年" and not m.group("s4"):
        return None  # 2023.12 without a day: a figure, not a date
    raw_year, raw_month, raw_day = m.group("y"), m.group("m"), m.group("d")
    chinese = not raw_year.isdigit() or not raw_month.isdigit() or bool(raw_day and not raw_day.isdigit())
    return DateText(
        text=m.group(),
        year=year_digits(raw_year),
        month=_small_number(raw_month),
        day=_small_number(raw_day) if raw_day else None,
        chinese=chinese,
        separator=m.group("s1"),
        padded=any(n and n.isdigit() and len(n) == 2 and n[0] == "0" for n in (raw_month, raw_day)),
        spaced=any(m.group(g) for g in ("s0", "s2", "s3", "s5")) or bool(m.group("r") and m.group("s6")),
        suffix=m.group("r") or "",
    )


def _small_number(text: str) -> int | None:
    """1..31 as written: 5, 05, 五, 十二, 二十一, 三十; None for what no clerk writes (一二)."""
    return int(text) if text.isdigit() else small(text)


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    """calendar.monthrange(year, month)[1] for a month 1..12, without importing calendar (and
    locale) at every start."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _MONTH_DAYS[month]
