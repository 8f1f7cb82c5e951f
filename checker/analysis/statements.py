"""Figures a report states about one thing: "行政机关负责人出庭应诉31件" … "出庭应诉33件".

A reviewer notices the same figure given twice with different values, often once in the results
and again in the first-responsible or shortcomings part. A *statement* is an exact count with the
words that say what it counts: its phrase before the figure (and the noun after it when the
figure comes first: "县政府聘请的11名法律顾问"), with time words, total words and particles
removed, so "全年收到行政复议申请47件" and "2023年县政府共收到行政复议申请49件" read as
收到行政复议申请 and 县政府收到行政复议申请.

Two statements are about the same thing when their keys are equal or one is the other with a
subject before it (县政府…, 县长主持县政府常务会议…), unless that subject is a part of the issuer (…局,
…中心, a township) or a part of the year (上半年, 一季度); a short key (under six characters: 会前学法)
needs the other's subject to be mentioned around it too, and equal short keys (受理案件) say too
little. In the plan part only figures said of the past count (在…的基础上, the report year named
before them): the others are next year's targets. Left out: figures of another year (上年为28件, 2022年…), targets (计划开展…150场),
cumulative stocks against yearly figures (累计聘请 and 新聘 differ by their words), parts of a
breakdown, a leader's own share (亲自出庭应诉2件), approximations, and keys of fewer than four characters.
A rate's level is a statement too, keyed by the rate's name (行政机关负责人出庭应诉率达95.2% … 为100%);
other percentages (占比, changes) are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.numbers import COUNT_GROUPS, Quantity
from .breakdowns import countable

_PHRASE = re.compile(r"[，,；：:。！？（）()“”]")
_TIME = re.compile(r"全年|本年度|年度内|年内|当年|今年|截至(?:20\d\d年)?年?底|20\d\d年(?:度)?(?:以来)?|年底前?|年初以来|一年来")
# A subject that is part of the issuer (a bureau, a centre, a township) counts its own share; a
# period shorter than the year counts part of it: neither is the report's figure itself.
_SUB_UNIT = re.compile(r"(?:局|委|办|所|站|中心|队|院|庭|科|股|室|部门|乡镇|街道|村|社区|镇|乡)$")
_PERIOD = re.compile(r"截至\d{1,2}月|\d{1,2}月(?:底|末|份)|[一二三四1-4]季度|上半年|下半年|前三季度|1-\d{1,2}月")
_PART_OF_YEAR = re.compile(r"季度|上半年|下半年|半年|月份?|前三季度|年初")
_TOTAL = re.compile(r"共有|共计|合计|总计|一共|总共|共")
_FILLER = re.compile(r"[的了已均都将]|依法|先后|累计共|现有")
_LEAD = re.compile(r"^(?:在|并|还|同时|另|此外|另外|其中|分别|带领|带头|带动|推动|组织|指导)+")
_NOUN_STOP = re.compile(r"全年|全部|均|已|都|共|中|在|于|参加|列席|开展|办理|[，,；：:。！？、]")
_OTHER_TIME = re.compile(r"上年|去年|上一年|前年|同期|同比|较|比上年|分别为|以来|历年|近[三五两]年")
_OWN_SHARE = re.compile(r"亲自|本人|个人|其本人")  # 县长亲自出庭应诉2件: the leader's own share
_TARGET = re.compile(r"计划|力争|确保|争取|目标|预计|拟|将要|要求")
# Who acts in the sentence before the figure: "鹤松街道司法所围绕…，统筹推动矛盾纠纷排查化解76件"
# is the justice office's count, not the one "鹤松街道人民政府…化解10件" gives for the town.
_ACTOR = re.compile(r"(?:[\u4e00-\u9fff]{2,8}?(?:镇|乡|街道|县|区|市))?(?:人民政府|党委|党工委|办事处|司法所|派出所|"
                    r"综合行政执法队|执法大队|党政办|便民服务中心|[\u4e00-\u9fff]{1,6}?(?:局|中心|委员会))")
# Every match of _ACTOR holds one of these, and is at most _ACTOR_SPAN characters long.
_ACTOR_MARK = re.compile("政府|党|办事处|所|执法|中心|局|委员会")
_ACTOR_SPAN = 19
_GENERIC_SUBJECT = re.compile(r"^(?:县|镇|区|市|乡)政府$|^我(?:县|镇|区|市|乡|局|委)$|^全(?:县|镇|区|市|乡)$|^本单位$")
_LEVEL_VERB = re.compile(r"(?:总数|总量)?(?:达到了?|(?<![送下传到抵])达|为|是|保持在?|稳定在|实现)$|(?:总数|总量)$")
_RATE_NAME = re.compile(r"(?:率|满意度|知晓度)$")
_MIN_KEY, _SHORT_KEY = 4, 6
_WINDOW = 40  # a label is the phrase before the figure; longer phrases are cut here
_YEAR = re.compile(r"(20\d\d)年")


@dataclass(frozen=True)
class Statement:
    """A count and what it counts; ``sentence`` is its index in the scope, offsets in its text."""

    key: str
    figure: Quantity
    sentence: int
    actor: str | None = None  # the last body the sentence names before the figure


def statements(analysis, sentences, year: int | None, in_plan=lambda offset: False) -> tuple[Statement, ...]:
    """The statements of ``sentences``; in the plan part (``in_plan``) only those said of the
    past ("在全年调解矛盾纠纷1625件的基础上"), since the others are next year's targets."""
    found = []
    for i, s in enumerate(sentences):
        qs = analysis.quantities(s.text)
        if not qs:
            continue
        plan = in_plan(s.start)
        parts = {id(p) for b in analysis.breakdowns(s.text) for p in b.parts}
        for q in qs:
            if id(q) in parts or not _candidate(q):
                continue
            if plan and not _past(s.text, q, year):
                continue
            key = _key(s.text, q, qs, year)
            if key is not None:
                found.append(Statement(key, q, i, _actor(s.text, q.start)))
    return tuple(found)


def _candidate(q: Quantity) -> bool:
    if q.is_percent:
        return not q.change and q.approx is None  # a rate's level: 出庭应诉率达95.2% … 出庭应诉率为100%
    return countable(q) and q.approx is None and q.unit_group in COUNT_GROUPS and q.value.lo == q.value.hi


def _key(text: str, q: Quantity, qs, year: int | None) -> str | None:
    window = max(0, q.start - _WINDOW)
    start = max((m.end() for m in _PHRASE.finditer(text, window, q.start)), default=window)
    start = max([start] + [p.end for p in qs if p.end <= q.start])
    before = text[start:q.start]
    if _OTHER_TIME.search(before) or _OWN_SHARE.search(before) or _TARGET.search(text[max(0, start - 8):q.start]):
        return None
    head = text[:q.start]
    if ("月" in head or "季度" in head or "半年" in head) and _PERIOD.search(head):  # each period holds one
        return None  # 截至11月底…, 上半年…: a part of the year
    if year is not None and any(int(y) != year for y in _YEAR.findall(before)):
        return None
    if q.is_percent:  # only a named rate's level: its key is the rate's name (…出庭应诉率)
        key = _LEVEL_VERB.sub("", _normal(before))
        return key if len(key) >= _MIN_KEY and _RATE_NAME.search(key) else None
    after = ""
    if before.endswith("的") or not _more_han(before, 3):
        stop = _NOUN_STOP.search(text, q.end)
        after = text[q.end:stop.start() if stop else len(text)]
        after = after if len(after) <= 10 and _more_han(after, 1) else ""
    key = _LEVEL_VERB.sub("", _normal(before)) + (_normal(after) if after else "")  # 执业律师总数达到131名 is 执业律师131名
    return key if len(key) >= _MIN_KEY else None


def _past(text: str, q: Quantity, year: int | None) -> bool:
    """A figure of the plan part said of the report year: 在…的基础上, or the year named before it."""
    clause = text[:q.start]
    return "基础上" in text[q.end:q.end + 12] or (year is not None and f"{year}年" in clause)


def _normal(words: str) -> str:
    if "年" in words or "截至" in words:  # every time word holds one, every total word 共 or 计
        words = _TIME.sub("", words)
    if "共" in words or "计" in words:
        words = _TOTAL.sub("", words)
    words = _FILLER.sub("", words)
    words = "".join(words.split())  # what \s+ matches, without a regex scan
    return _LEAD.sub("", words)


def _more_han(text: str, n: int) -> bool:
    """Whether ``text`` holds more than ``n`` characters of U+4E00..U+9FFF, counting only as far
    as it takes (a regex of that class costs ~2 ms to compile)."""
    if len(text) <= n:
        return False
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff":
            n -= 1
            if n < 0:
                return True
    return False


def candidates(found: tuple[Statement, ...]):
    """Pairs of statements that may be about one thing: same unit, same last four characters of
    key (a key and the same key with a subject before it end alike). A key said with three or
    more values is a list of items, each with its count (一是…办结案件12件；二是…办结案件9件),
    not one figure stated twice: its statements pair with none (and no list costs pairs of all)."""
    buckets: dict[tuple[str, str], list[Statement]] = {}
    for s in found:
        buckets.setdefault((s.figure.unit, s.key[-_MIN_KEY:]), []).append(s)
    for group in buckets.values():
        if len({s.figure.stated for s in group}) > 2:
            continue
        group = _first_of_each(group)
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                yield a, b


def _first_of_each(group: list[Statement], keep: int = 3) -> list[Statement]:
    """The first few statements of each key, value and body: a repeat says nothing new."""
    seen: dict[tuple, int] = {}
    kept = []
    for s in group:
        n = seen.get((s.key, s.figure.stated, s.actor), 0)
        if n < keep:
            kept.append(s)
        seen[(s.key, s.figure.stated, s.actor)] = n + 1
    return kept


def _actor(text: str, at: int) -> str | None:
    """The last body named in the sentence before offset ``at`` (None when the sentence names none).

    The matches of ``_ACTOR.finditer(text, 0, at)``, each searched for from just before the next
    word a body's name ends in: no match starts farther than _ACTOR_SPAN before it, so the lazy
    pattern is not tried at every character of the sentence."""
    found, pos = None, 0
    while True:
        mark = _ACTOR_MARK.search(text, pos, at)
        if mark is None:
            return found
        m = _ACTOR.search(text, max(pos, mark.start() - _ACTOR_SPAN), at)
        if m is None:
            return found
        found, pos = m.group(), m.end()


def same_thing(a: Statement, b: Statement, sentences) -> bool:
    """Are the two statements about one thing (see the module docstring)?"""
    if a.figure.unit != b.figure.unit:
        return False
    actors = (a.actor, b.actor)
    if all(actors) and actors[0] != actors[1]:
        return False  # two bodies, two counts of their own
    short, long = sorted((a, b), key=lambda s: len(s.key))
    if all(actors) and long.key.endswith(short.key) and len(short.key) >= _SHORT_KEY:
        return True  # one body named in both sentences, counting the same thing
    if short.key == long.key:
        return len(short.key) >= _SHORT_KEY
    if not long.key.endswith(short.key):
        return False
    subject = long.key[:-len(short.key)]
    if _SUB_UNIT.search(subject) or _PART_OF_YEAR.search(subject):
        return False  # 市场监管局开展执法检查48次 is the bureau's share; 上半年… part of the year
    if len(short.key) >= _SHORT_KEY:
        return True
    if _GENERIC_SUBJECT.search(subject):
        return True
    around = sentences[short.sentence].text
    if short.sentence > 0:
        around = sentences[short.sentence - 1].text + around
    return any(subject[i:i + 4] in around for i in range(len(subject) - 3))
