"""Rates in report text (办结率为96.7%, 占比25%) and the counts they are computed from.

A rate is paired with its counts only when the sentence unit says unambiguously which count is
the numerator and which the denominator (domain.md §6.2): each rate word has the verbs that
introduce its numerator (办结 for 办结率) and its denominator (受理, 收到…), and exactly one count
of each, in one measure-word group, must stand between the previous rate and this one. A count
whose verb is negated (不合格, 未办结) is no numerator; when a clause holds both kinds of verb, the
one nearest the figure decides (调解成功38宗 is a numerator); a figure with no verb before it takes
the verb after it in its clause (2846名干部参加考试 is a base). A subset aside, 2486件（含转办
1837件）, is no candidate: it is part of a count, not a count of its own. 占比/占总数的 P% is paired
only with a part of a breakdown (breakdown.py) whose total is the denominator. Anything else
stays unpaired: a wrong pairing would be a false alarm, a missing one only a missed check.

Beyond the registry, any short noun ending in 率 (好评率, 持证率, 上线率, 到庭率…) or a survey
度 (满意度) followed by a percentage is a *proportion* mention (``RateMention.known`` is False):
enough to ask for its base (rate-without-base), never paired with counts nor range-checked, since
its numerator and denominator verbs are unknown. Its name is the two characters before 率; a
change (增长率, 下降率), a word of its own (效率, 利率, 税率, 频率…) or the verb 率 (率先) is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .breakdowns import Breakdown, countable
from ..text.numbers import COUNT_GROUPS, Quantity, find_quantities
from .sentences import clause_label

_TOTAL = r"(?<![公一])共(?![同享建治识产青])|合计|累计|总计|全年|总数"
_NEG = r"(?<![不未没待非])"


@dataclass(frozen=True)
class Rate:
    """How a named rate is computed: what its numerator and denominator counts say."""

    numerator_pattern: str
    denominator_pattern: str
    proportion: bool = True  # False: may exceed 100% (完成率 of a plan)
    groups: frozenset[str] = COUNT_GROUPS  # measure-word groups its counts can be in

    # Compiled on first use: a report names a handful of the ~30 rate words, and compiling all
    # 60 patterns at import would cost every run ~9 ms (cold start matters to pre-commit).
    @cached_property
    def numerator(self) -> re.Pattern[str]:
        return re.compile(self.numerator_pattern)

    @cached_property
    def denominator(self) -> re.Pattern[str]:
        return re.compile(self.denominator_pattern)


def _rate(num: str, den: str, proportion: bool = True, totals: bool = True,
          groups: frozenset[str] = COUNT_GROUPS) -> Rate:
    den = f"{den}|{_TOTAL}" if totals else den
    return Rate(_NEG + f"(?:{num})", f"(?:{den})", proportion, groups)


_PEOPLE = frozenset({"person"})  # 参考率 counts examinees, not sessions nor cases


_HANDLED = "受理|收到|接到|接收|交办|转办|登记|(?<!正在)办理(?!完毕)"
# Literal registry: rate word -> the verbs of its numerator and denominator.
RATES: dict[str, Rate] = {
    "办结率": _rate("办结|办理完毕|办毕|结办", _HANDLED),
    "按时办结率": _rate("按时办结|按期办结", _HANDLED),
    "按期办结率": _rate("按时办结|按期办结", _HANDLED),
    "审结率": _rate("审结", "受理|立案|收案|收到"),
    "结案率": _rate("结案|审结|办结", "受理|立案|收案|收到|(?<!正在)办理"),
    "化解率": _rate("化解|调处成功|调解成功", "排查|摸排|受理|收到|接到|发现|(?<!成功)调[处解]"),
    "成功率": _rate("成功|达成(?:调解)?协议", "调解|调处|受理|排查|摸排"),
    "调解成功率": _rate("成功|达成(?:调解)?协议", "调解|调处|受理|排查|摸排"),
    "满意率": _rate("满意", "回访|测评|调查|问卷|评议|评价|征求|走访|抽访|电访", totals=False,
                  groups=frozenset({"person", "household", "copy"})),  # cases handled are no satisfaction base (domain.md §6.4)
    "知晓率": _rate("知晓", "调查|问卷|抽查|抽样|测评|走访|随机", totals=False,
                  groups=frozenset({"person", "household", "copy"})),
    "合格率": _rate("合格|通过|及格", "(?<!应)参考|参加|考试|参训|培训|抽查|检查|抽检|检测|验收"),
    "通过率": _rate("通过|合格", "(?<!应)参考|参加|考试|申请|提交|报送"),
    "参考率": _rate("(?<!应)参(?:加)?考(?:试)?", "应(?:参)?考|应参加", totals=False, groups=_PEOPLE),
    "参训率": _rate("(?<!应)参(?:加)?(?:训|培训)", "应参训|应参加", totals=False, groups=_PEOPLE),
    "受理率": _rate("受理", "收到|接到|申请|接收|登记"),
    "答复率": _rate("答复|回复", "收到|受理|接到|交办|转办"),
    "回复率": _rate("答复|回复", "收到|受理|接到|交办|转办"),
    "覆盖率": _rate("覆盖|建成|实现|设立|配备|建立|开通", "共有|辖区|全(?:镇|乡|县|区|市)"),
    "整改率": _rate("整改(?:到位|完成|完毕)?", "发现|排查|检查出|下达|交办|反馈"),
    "完成率": _rate("完成", "计划|任务|应|下达|目标", proportion=False),
    "纠错率": _rate("纠错|纠正|撤销|变更|确认违法", "审结|办结|审理|受理|(?<!正在)办理"),
    "败诉率": _rate("败诉", "审结|判决|结案|应诉"),
    "出庭率": _rate("出庭", "开庭|应出庭"),
    "出庭应诉率": _rate("出庭", "开庭|应出庭"),
    "采纳率": _rate("采纳", "提出|收到|征集|收集"),
    "公开率": _rate("(?<!应)公开", "应公开|制发|印发|制定"),
    "备案率": _rate("(?<!应)备案", "应备案|制发|印发|制定|出台"),
    "审核率": _rate("(?<!应)审核", "应审核|制发|印发|制定|出台"),
    "审查率": _rate("(?<!应)审查", "应审查|制发|印发|制定|出台"),
    "执行率": _rate("执行", "应执行|生效", proportion=False),
}
# Stems whose 率 is a change or no proportion; characters that make a word with 率 (效率, 利率…);
# function words that begin no stem (的好评率 is 好评率).
_NOT_PROPORTION = ("增长|下降|上升|提高|降低|减少|增加|递增|递减|变化|变动|增幅|降幅|涨幅|增值|回报|收益|"
                   "利润|周转|折旧|贴现|生产|负债|贡献|投资|储蓄|出生|死亡|同比|环比|平均")
_WITH_RATE = "效利税汇频费比速功概坦直草轻表统督倍曲斜赔机几心帧码"
_HAN = "[\u4e00-\u9fff]"
_GENERAL = (f"(?!{_NOT_PROPORTION})(?![的和及与或其为是对在将]){_HAN}(?![{_WITH_RATE}]){_HAN}"
            "率(?![先领队众部])|满意度|知晓度")
_RATE_WORD = "|".join(sorted(map(re.escape, RATES), key=len, reverse=True))
_RATE_RX = re.compile(f"{_RATE_WORD}|{_GENERAL}")
_CHAIN = re.compile(rf"[和及与、][^，,。；%0-9]{{0,8}}?({_RATE_WORD}|{_GENERAL})")
_FILLER = re.compile(r"[^，,。；、%0-9]{0,10}")
_SHARE_RX = re.compile(r"占(?:比|[^，,。；、%0-9]{0,10}?(?:总数|总量|总额|全部|总)[^，,。；、%0-9]{0,4}?)"
                       r"|所占比[例重]|比[例重]")
_LIST_SEP = re.compile(r"[\s、，,和及]*")


@dataclass(frozen=True)
class RateMention:
    """Offsets relative to the text given to ``find_rates``. ``names`` are empty for a share."""

    start: int
    names: tuple[str, ...]
    percents: tuple[Quantity, ...]
    share: bool = False

    @property
    def name(self) -> str:
        return "、".join(self.names) if self.names else "占比"

    @property
    def known(self) -> bool:
        """Every name is in the registry (or it is a share): its counts can be told apart."""
        return self.share or all(n in RATES for n in self.names)

    @property
    def proportion(self) -> bool:
        """A registry proportion (or a share): a value outside 0–100% is certainly wrong."""
        return self.share or any(RATES[n].proportion for n in self.names if n in RATES)


def rates_in(text: str) -> list[RateMention]:
    """The rate mentions of a sentence; cached, since four rate rules read the same sentences."""
    return list(_rates_in(text))


@lru_cache(maxsize=2048)
def _rates_in(text: str) -> tuple[RateMention, ...]:
    if not any(sign in text for sign in _PERCENT_SIGNS):
        return ()  # a mention states a percentage: most sentences need no quantities read
    return tuple(find_rates(text, find_quantities(text)))


_PERCENT_SIGNS = ("%", "％", "百分")  # 96%, 96％, 百分之九十六, 3个百分点


def find_rates(text: str, qs: list[Quantity]) -> list[RateMention]:
    """Each rate word (or chain: 完成率和参考率、合格率均达到) with the level it states."""
    found = []
    pos = 0
    for m in _RATE_RX.finditer(text):
        if m.start() < pos:
            continue
        names, end = [m.group()], m.end()
        while n := _CHAIN.match(text, end):
            names.append(n.group(1))
            end = n.end()
        mention = _with_percents(text, qs, m.start(), end, tuple(names), share=False)
        if mention is not None:
            found.append(mention)
            pos = mention.percents[-1].end
    for m in _SHARE_RX.finditer(text):
        mention = _with_percents(text, qs, m.start(), m.end(), (), share=True)
        if mention is not None and all(mention.start != f.start for f in found):
            found.append(mention)
    return sorted(found, key=lambda r: r.start)


def _with_percents(text, qs, start, end, names, share) -> RateMention | None:
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
    return RateMention(start, names, tuple(percents), share)


def pair(text: str, qs: list[Quantity], rate: RateMention, floor: int,
         breakdowns: list[Breakdown]) -> tuple[Quantity, Quantity] | None:
    """(numerator, denominator) of a single-rate, single-percent mention, or None if unclear."""
    if len(rate.percents) != 1 or len(rate.names) > 1 or not rate.known:
        return None
    if rate.share:
        return _pair_share(text, qs, rate, breakdowns)
    spec = RATES[rate.names[0]]
    aside = asides(text, qs)
    window = [q for q in qs if floor <= q.start and q.end <= rate.start and countable(q)
              and q not in aside]
    roles = {q: _role_of(spec, text, q, floor, qs) for q in window}
    nums = [q for q in window if roles[q] == "num"]
    if len(nums) != 1:
        return None
    num = nums[0]
    same = [q for q in window if q.unit_group == num.unit_group]
    dens = [q for q in same if roles[q] == "den"]
    if len(dens) != 1 or any(roles[q] is None for q in same):
        return None  # another count of the kind (其中行政案件80件) may be the real base
    den = dens[0]
    if den.value.hi is not None and num.value.lo > den.value.hi:
        return None  # more done than received: the pairing itself is doubtful
    return num, den


_ASIDE = re.compile(r"[（(](?:其中|含有?|包括|包含)[^（）()]{0,40}[）)]")
_AFTER_END = re.compile(r"[，,；：:、。！？\n（(]")


def asides(text: str, qs: list[Quantity]) -> frozenset[Quantity]:
    """Counts in a subset aside, "2486件（含热线转办1837件）": a part of a count, no base of its own."""
    spans = [m.span() for m in _ASIDE.finditer(text)]
    return frozenset(q for q in qs if any(a <= q.start and q.end <= b for a, b in spans))


def _role_of(spec: Rate, text: str, q: Quantity, floor: int, qs: list[Quantity]) -> str | None:
    """The role the words before the figure give it, else the words after it in its clause:
    "2846名国家工作人员参加考试" is a base though its verb follows the figure."""
    role = _role(spec, clause_label(text, q.start, floor))
    if role is not None:
        return role
    end = _AFTER_END.search(text, q.end)
    stop = min([end.start() if end else len(text)] + [p.start for p in qs if p.start >= q.end])
    return _role(spec, text[q.end:stop])


def _role(spec: Rate, label: str) -> str | None:
    """"num" or "den" by the cue nearest the figure: 调解成功38宗 is a success, 调解纠纷40宗 a base."""
    num = max((m.end() for m in spec.numerator.finditer(label)), default=-1)
    den = max((m.end() for m in spec.denominator.finditer(label)), default=-1)
    if num < 0 and den < 0:
        return None
    return "num" if num >= den else "den"


def _pair_share(text, qs, rate, breakdowns) -> tuple[Quantity, Quantity] | None:
    """占比 right after a part of a breakdown: that part over the breakdown's total."""
    if rate.start < len(text) and not text.startswith(("占比", "占"), rate.start):
        return None
    before = [q for q in qs if q.end <= rate.start and countable(q)]
    if not before or not re.fullmatch(r"[，,\s]?", text[before[-1].end:rate.start]):
        return None
    for b in breakdowns:
        if before[-1] in b.parts:
            return before[-1], b.total
    return None


_TARGET = re.compile(r"力争|确保|争取|目标|要求|计划|预计|努力|拟|将")


def is_target(text: str, rate: RateMention) -> bool:
    """确保办结率100%, 力争满意率达到95%: a goal, not a result."""
    return bool(_TARGET.search(clause_label(text, rate.start)))


def has_base(text: str, qs: list[Quantity], rate: RateMention, near: bool = True) -> bool:
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
        if near and any(q.unit_group in _groups(name) for name in rate.names):
            return True
        label = clause_label(text, q.start)
        if any(_is_base(name, label, near) for name in rate.names):
            return True
    return False


def _groups(name: str) -> frozenset[str]:
    spec = RATES.get(name)
    return COUNT_GROUPS if spec is None else spec.groups


def _is_base(name: str, label: str, near: bool) -> bool:
    spec = RATES.get(name)
    if spec is None:
        return near or name[:-1] in label
    return bool(spec.numerator.search(label) or spec.denominator.search(label))
