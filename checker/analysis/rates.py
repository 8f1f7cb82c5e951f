"""Rates in report text (办结率为96.7%, 占比25%): the rate words and the levels they state.

A mention is a rate word (or a chain: 完成率和参考率、合格率均达到) followed by the percentage(s)
it states; 占比/所占比重/比例为 P% is a *share*. Which counts a mention is computed from is
pairing.py's and rate_readings.py's business; this module finds mentions, tells goals
(力争…达到95%) and asks whether any count nearby could be a base (rate-without-base).

Beyond the registry, any short noun ending in 率 (好评率, 持证率, 上线率, 到庭率…) or a survey
度 (满意度) followed by a percentage is a *proportion* mention (``RateMention.known`` is False):
enough to ask for its base (rate-without-base), never paired with counts nor range-checked, since
its numerator and denominator verbs are unknown. Its name is the two characters before 率; a
change (增长率, 下降率), a word of its own (效率, 利率, 税率, 频率…) or the verb 率 (率先) is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .breakdowns import countable
from ..text.numbers import COUNT_GROUPS, Quantity
from .sentences import clause_label

_NEG = r"(?<![不未没待非])"


@dataclass(frozen=True)
class Rate:
    """How a named rate is computed: what its numerator and denominator counts say."""

    numerator_pattern: str
    denominator_pattern: str
    proportion: bool = True  # False: may exceed 100% (完成率 of a plan)
    groups: frozenset[str] = COUNT_GROUPS  # measure-word groups its counts can be in
    negated_pattern: str = "(?!)"  # the numerator negated (不合格, 未办结): the rest of the base

    # Compiled on first use: a report names a handful of the ~30 rate words, and compiling all
    # 60 patterns at once would cost every run ~9 ms (cold start matters to pre-commit).
    @cached_property
    def numerator(self) -> re.Pattern[str]:
        return re.compile(self.numerator_pattern)

    @cached_property
    def denominator(self) -> re.Pattern[str]:
        return re.compile(self.denominator_pattern)

    @cached_property
    def negated(self) -> re.Pattern[str]:
        return re.compile(self.negated_pattern)


def rate_of(entry: dict, totals: str) -> Rate:
    """A Rate from one entry of the rate-words lexicon; ``totals`` is the total words' pattern."""
    den = entry["denominator"]
    if entry.get("totals", True):
        den = f"{den}|{totals}"
    groups = frozenset(entry["groups"]) if entry.get("groups") else COUNT_GROUPS
    return Rate(_NEG + f"(?:{entry['numerator']})", f"(?:{den})", entry.get("proportion", True), groups,
                f"(?:不|未|没有|没|非)(?:{entry['numerator']})")


# Stems whose 率 is a change or no proportion; characters that make a word with 率 (效率, 利率…);
# function words that begin no stem (的好评率 is 好评率).
_NOT_PROPORTION = ("增长|下降|上升|提高|降低|减少|增加|递增|递减|变化|变动|增幅|降幅|涨幅|增值|回报|收益|"
                   "利润|周转|折旧|贴现|生产|负债|贡献|投资|储蓄|出生|死亡|同比|环比|平均")
_WITH_RATE = "效利税汇频费比速功概坦直草轻表统督倍曲斜赔机几心帧码"
_HAN = "[\u4e00-\u9fff]"
_GENERAL = (f"(?!{_NOT_PROPORTION})(?![的和及与或其为是对在将]){_HAN}(?![{_WITH_RATE}]){_HAN}"
            "率(?![先领队众部])|满意度|知晓度")
_FILLER = re.compile(r"[^，,。；、%0-9]{0,10}")
# 占全部320件的16.4%: the whole stated inside the share (rate_readings.py takes it as the base).
_SHARE_RX = re.compile(r"占(?:[^，,。；、%0-9]{0,8}?[0-9][0-9,.]*[万亿]?[\u4e00-\u9fff]{1,3}?的"
                       r"|比|[^，,。；、%0-9]{0,10}?(?:总数|总量|总额|全部|总)[^，,。；、%0-9]{0,4}?)"
                       r"|(?<=分别)占|所占比[例重]|比[例重]")
_LIST_SEP = re.compile(r"[\s、，,和及]*")


@dataclass(frozen=True)
class RateMention:
    """Offsets relative to the text given to ``find_rates``. ``names`` are empty for a share."""

    start: int
    names: tuple[str, ...]
    percents: tuple[Quantity, ...]
    share: bool = False
    known: bool = False  # every name is in the registry (or it is a share): its counts can be told apart
    proportion: bool = False  # a registry proportion (or a share): outside 0–100% is certainly wrong

    @property
    def name(self) -> str:
        return "、".join(self.names) if self.names else "占比"


class RateBook:
    """The rate words of a lexicon, with the patterns that find them (built once per lexicon)."""

    def __init__(self, rates: dict[str, Rate]) -> None:
        self.rates = rates
        words = "|".join(sorted(map(re.escape, rates), key=len, reverse=True))
        self.rate_rx = re.compile(f"{words}|{_GENERAL}" if words else _GENERAL)
        self.chain_rx = re.compile(rf"[和及与、][^，,。；%0-9]{{0,8}}?({words}|{_GENERAL})" if words else
                                   rf"[和及与、][^，,。；%0-9]{{0,8}}?({_GENERAL})")

    def spec(self, name: str) -> Rate | None:
        return self.rates.get(name)

    def mention(self, start: int, names: tuple[str, ...], percents: tuple[Quantity, ...], share: bool) -> "RateMention":
        known = share or all(n in self.rates for n in names)
        proportion = share or any(self.rates[n].proportion for n in names if n in self.rates)
        return RateMention(start, names, percents, share, known, proportion)


PERCENT_SIGNS = ("%", "％", "百分")  # 96%, 96％, 百分之九十六, 3个百分点: a mention states one


def find_rates(book: RateBook, text: str, qs: list[Quantity]) -> list[RateMention]:
    """Each rate word (or chain: 完成率和参考率、合格率均达到) with the level it states."""
    found = []
    pos = 0
    for m in book.rate_rx.finditer(text):
        if m.start() < pos:
            continue
        names, end = [m.group()], m.end()
        while n := book.chain_rx.match(text, end):
            names.append(n.group(1))
            end = n.end()
        mention = _with_percents(book, text, qs, m.start(), end, tuple(names), share=False)
        if mention is not None and book.rate_rx.search(text, end, mention.percents[0].start):
            continue  # 满意度测评满意率达到…: the nearer rate word owns the figure
        if mention is not None:
            found.append(mention)
            pos = mention.percents[-1].end
    for m in _SHARE_RX.finditer(text):
        mention = _with_percents(book, text, qs, m.start(), m.end(), (), share=True)
        if mention is not None and all(mention.start != f.start for f in found):
            found.append(mention)
    return sorted(found, key=lambda r: r.start)


def _with_percents(book, text, qs, start, end, names, share) -> RateMention | None:
    """The percent right after the rate word (and any more after 分别为: 95%、98%)."""
    following = [q for q in qs if q.start >= end]
    if not following or not following[0].is_percent:
        return None
    first = following[0]
    if not _FILLER.fullmatch(text, end, first.start) or first.change:
        return None
    percents = [first]
    for q in following[1:]:
        if not (q.is_percent and _LIST_SEP.fullmatch(text, percents[-1].end, q.start)):
            break
        percents.append(q)
    return book.mention(start, names, tuple(percents), share)


_TARGET = re.compile(r"力争|确保|争取|目标|要求|计划|预计|努力|拟|将")


def is_target(text: str, rate: RateMention) -> bool:
    """确保办结率100%, 力争满意率达到95%: a goal, not a result."""
    return bool(_TARGET.search(clause_label(text, rate.start)))


def has_base(book: RateBook, text: str, qs: list[Quantity], rate: RateMention, near: bool = True) -> bool:
    """Does any count in ``text`` read as this rate's numerator or denominator?

    In the rate's own sentence (``near``) a count of a group the rate is counted in is enough,
    whatever its verb (抽查案卷600卷…合格率95.2%; 2846名…参加考试，参考率100%): the rule asks
    for counts nearby, not for a pairing. A count named by the rate's verbs is one too (回访企业
    120家). In another sentence only a count named by the verbs (or, for a rate outside the
    registry, by its stem: 持证 for 持证率) is.
    """
    for q in qs:
        if not countable(q):
            continue
        if near and any(q.unit_group in _groups(book, name) for name in rate.names):
            return True
        label = clause_label(text, q.start)
        if any(_is_base(book, name, label, near) for name in rate.names):
            return True
    return False


def _groups(book: RateBook, name: str) -> frozenset[str]:
    spec = book.spec(name)
    return COUNT_GROUPS if spec is None else spec.groups


def _is_base(book: RateBook, name: str, label: str, near: bool) -> bool:
    spec = book.spec(name)
    if spec is None:
        return near or name[:-1] in label
    return bool(spec.numerator.search(label) or spec.denominator.search(label))
