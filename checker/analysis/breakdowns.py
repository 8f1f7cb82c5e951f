"""A total and its breakdown in one sentence unit: "共受理案件20件，其中行政案件12件、民事案件8件".

What the wording promises decides what may be checked (domain.md §6.1; style.md "Numbers are
intervals"):

- a part larger than its total is wrong whatever the wording;
- parts are *exhaustive* when introduced by 分别为/分别是/分别有, when one of them is the rest
  (其余/其他/剩余…), or when the listed categories are exactly those the total names
  ("人大建议和政协提案25件，其中人大建议10件、政协提案15件"); then Σparts must be able to equal
  the total;
- any other 其中/包括/含 list is a selection: a list of parallel categories that ends its unit may
  still not add up to *more* than the total, and adding up to less is only worth a hint; but
  lists of attributes (女党员、35岁以下、本科以上) overlap, and for people and "other" things
  (OVERLAP_PRONE) a selection is checked only against a part larger than the total;
- 等, 在内, 主要, 部分, 以上 hedge a list: it promises no sum at all.

A breakdown is *coordinated* when its items are parallel categories ("A 3件、B 5件") whose list is
closed: it ends the unit, or the next clause is no item of it (the next total, a clause without a
count "，均已办结", a count of another group "，罚没款…万元", or a new unit after ；). An item whose
words say what happened (已办结, 化解, 调解成功…) is a status, not a category, and a status list says
in general nothing about sums (已办结 and 按期办结 nest; 办结 and 群众满意 overlap). Parts only add
within one measure-word group (numbers.UNIT_GROUPS); another group ends the list, and so does a
comma after a 、-separated list ("A类3件、B类5件，办结8件": 办结 is no category).

Items that name *categories of one kind* (a 其他/其余 item, or every item a …类 or a …件) are
disjoint whatever follows the list, so their sum may not exceed the total (``categories``).

其中 may follow a short clause without figures ("案件5件，均由负责人出庭应诉，其中…6件"): it still
belongs to the total, but such a ``distant`` list is checked only for a part larger than the total.

Statuses that are *outcomes* of one family (a rule parameter: 调解成功 | 移交/终止/未成功; 办结 |
在办; 维持 | 撤销 | 确认违法 | 驳回…) are the exception: one case has only one outcome of a family,
so items of *different* outcomes are disjoint and cannot add up to more than their total
(``disjoint_parts``). Items of the same outcome (已办结, 按期办结) may nest, so only the largest
of them counts; an item naming two outcomes of a family, or none, takes no part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.numbers import Quantity
from .sentences import clause_label

MARKER = re.compile(r"其中|分别为|分别是|分别有|包括|包含|内含|含(?![有量义金])")
_EXHAUSTIVE_MARKER = ("分别为", "分别是", "分别有")
_REMAINDER = re.compile(r"其余|其他|其它|剩余|余下|剩下")
_HEDGE = re.compile(r"^等|在内|主要|部分|为主|之一|以上")
_STATUS = re.compile(r"已|均|全部|办结|结案|审结|化解|成功|完成|整改|答复|回复|纠正|撤销|维持|驳回|"
                     r"处理|查处|移送|涉及|正在|在办|未|不予|不合格|同比|比上年|较")
# Attributes of people or things cut across each other (女党员, 35岁以下, 本科以上): no partition.
_ATTRIBUTE = re.compile(r"女|男|少数民族|岁|学历|本科|大专|研究生|硕士|博士|专业|职称|党员|退役|"
                        r"以上|以下|示范|先进|星级")
# Groups whose 其中 lists are often overlapping attributes (人员的学历、年龄；村的荣誉): a mere
# selection of them proves nothing about sums, only exhaustive wording does.
OVERLAP_PRONE = ("person", "other")
_BREAK = re.compile(r"另|此外|还|同时|并")
_ITEM_SEP = re.compile(r"^(?:[、，,]|以及|和|及|与|或)\s*")
_LEAD = re.compile(r"^[\s，,：:、（(]*")
_GAP_TO_MARKER = re.compile(r"[\s，,：:（(]*")
_END = re.compile(r"[\s）)”\"]*(?:等)?[\s）)”\"]*[。；！？]?\s*")
_COORD = re.compile(r"以及|和|及|与|、")
_NEXT_CLAUSE = re.compile(r"[\s）)”\"]*(?:等)?[\s）)”\"]*([，,；])([^，,；。！？]*)")
_KIND_SUFFIX = "类件"  # 食品类98件、药品类41件; 行政案件12件、民事案件8件


@dataclass(frozen=True)
class Breakdown:
    """Offsets are relative to the text given to ``find_breakdowns``."""

    total: Quantity
    total_label: str
    marker: str
    parts: tuple[Quantity, ...]
    labels: tuple[str, ...]
    exhaustive: bool
    coordinated: bool
    hedged: bool
    categories: bool = False  # disjoint categories of one kind: 其他 item, or all …类 / all …件
    distant: bool = False  # a clause stands between the total and 其中: only a part may be checked


def countable(q: Quantity) -> bool:
    """Figures that can be summed: counts and amounts, not rates nor changes."""
    return not q.is_percent and not q.change


def find_breakdowns(words, text: str, quantities: list[Quantity] | None = None) -> list[Breakdown]:
    """Every total followed by a breakdown marker and at least one part, in order.

    ``words`` is the numeric vocabulary (vocabulary.py): its quantity reader and total words.
    """
    if not MARKER.search(text):
        return []  # most sentences: no need to read their quantities
    qs = [q for q in (words.quantities(text) if quantities is None else quantities) if countable(q)]
    found = []
    for m in MARKER.finditer(text):
        b = _breakdown(words, text, qs, m)
        if b is not None:
            found.append(b)
    return found


def _breakdown(words, text: str, qs: list[Quantity], m: re.Match[str]) -> Breakdown | None:
    unit_start = text.rfind("；", 0, m.start()) + 1
    before = [q for q in qs if unit_start <= q.start and q.end <= m.start()]
    if not before:
        return None
    total = before[-1]
    distant = not _GAP_TO_MARKER.fullmatch(text, total.end, m.start())
    if distant and not _aside(words, text[total.end:m.start()]):
        return None
    label = clause_label(text, total.start, unit_start, enumeration=True)
    first_of_group = all(q.unit_group != total.unit_group for q in before[:-1])
    if not (words.total_re.search(label) or first_of_group):
        return None  # 其中 may belong to an earlier figure: say nothing
    parts, labels, end = _items(words, text, qs, total, m.end())
    if not parts:
        return None
    return _judge(words, text, qs, (total, label, m), parts, labels, end, distant)


def _aside(words, gap: str) -> bool:
    """A short clause without figures between a total and its 其中 ("5件，均由负责人出庭应诉，其中…"):
    the 其中 still belongs to the total. Words that open something new (另, 此外, 共…) do not."""
    return (len(gap) <= 30 and bool(re.search("[，,]", gap)) and not words.quantities(gap)
            and not (_BREAK.search(gap) or words.total_re.search(gap) or MARKER.search(gap)))


def _items(words, text: str, qs: list[Quantity], total: Quantity, start: int):
    """The parts after a marker: same group, parallel, each in its own short clause."""
    parts: list[Quantity] = []
    labels: list[str] = []
    pos = start
    first_sep = None
    for q in (q for q in qs if q.start >= start):
        gap = text[pos:q.start]
        if parts:
            sep = _ITEM_SEP.match(gap)
            if sep is None or _switches(first_sep, sep.group()):
                break  # "A类3件、B类5件，办结8件": a comma after a 、 list starts something else
            first_sep = first_sep or sep.group()
            gap = gap[sep.end():]
        else:
            gap = gap[_LEAD.match(gap).end():]
        if (re.search(r"[，,；。：:！？]", gap) or len(gap) > 30 or _BREAK.search(gap)
                or words.total_re.search(gap) or MARKER.search(gap)
                or q.unit_group != total.unit_group or "；" in text[start:q.start]):
            break
        parts.append(q)
        labels.append(gap)
        pos = q.end
    return parts, labels, pos


def _switches(first: str | None, sep: str) -> bool:
    comma = sep.strip() in ("，", ",")
    return first is not None and comma and first.strip() not in ("，", ",")


def _closed(text: str, qs: list[Quantity], total: Quantity, end: int) -> bool:
    """Does the list stop where its items stop? It does when the next clause is no item of it:
    a new unit (；), a clause without a count (，均已办结) or one counting something else (，罚没款…万元)."""
    m = _NEXT_CLAUSE.match(text, end)
    if m is None:
        return False
    if m[1] == "；":
        return True
    inside = [q for q in qs if m.start(2) <= q.start < m.end(2)]
    return not inside or inside[0].unit_group != total.unit_group


def _judge(words, text, qs, head, parts, labels, end, distant) -> Breakdown:
    total, label, m = head
    marker, start, tail = m.group(), m.start(), text[end:]
    next_total = re.match(r"[\s，,]*(?:" + words.total_re.pattern + ")", tail)
    ends = bool(_END.fullmatch(tail) or next_total or _closed(text, qs, total, end)) and not distant
    hedged = bool(_HEDGE.search(tail.lstrip()[:4]) or any(_HEDGE.search(x) for x in labels)
                  or "主要" in text[max(0, start - 4):start]
                  or (marker == "包括" and "在内" in tail[:6]))
    coordinated = ends and not any(_STATUS.search(x) or _ATTRIBUTE.search(x) for x in labels)
    remainder = any(_REMAINDER.search(x) for x in labels)
    exhaustive = not hedged and ends and (
        (marker in _EXHAUSTIVE_MARKER and len(parts) >= 2)
        or (coordinated and (remainder or _covers(words, label, labels))))
    categories = not (hedged or distant) and _one_kind(labels, remainder)
    return Breakdown(total, label, marker, tuple(parts), tuple(labels), exhaustive,
                     coordinated, hedged, categories, distant)


def _one_kind(labels: list[str], remainder: bool) -> bool:
    """Items that are disjoint categories whatever follows them: the list has its rest (其他类), or
    every item is named as a class of one kind (食品类、药品类…; 行政案件、民事案件…)."""
    if len(labels) < 2 or any(_STATUS.search(x) or _ATTRIBUTE.search(x) for x in labels):
        return False
    if remainder:
        return True
    names = [x.strip().rstrip("的") for x in labels]
    return all(len(x) >= 2 for x in names) and len({x[-1] for x in names}) == 1 \
        and names[0][-1] in _KIND_SUFFIX


Family = tuple[re.Pattern[str], ...]  # the outcomes one case can have only one of


def disjoint_parts(b: Breakdown, family: Family) -> tuple[int, ...]:
    """Indices of parts that are distinct outcomes of ``family`` (the largest per outcome).

    Empty unless at least two different outcomes are named: one outcome alone promises nothing.
    """
    best: dict[int, int] = {}
    for i, label in enumerate(b.labels):
        hits = [k for k, outcome in enumerate(family) if outcome.search(label)]
        if len(hits) != 1:
            continue
        k = hits[0]
        if k not in best or b.parts[i].value.lo > b.parts[best[k]].value.lo:
            best[k] = i
    return tuple(sorted(best.values())) if len(best) >= 2 else ()


def _covers(words, total_label: str, labels: list[str]) -> bool:
    """Do the items name exactly the categories the total names ("A和B…，其中A…、B…")?"""
    pieces = [p for p in _COORD.split(words.total_re.sub("", total_label)) if p]
    if len(pieces) < 2 or len(pieces) != len(labels):
        return False
    taken: set[int] = set()
    for item in labels:
        scores = [_common(item, p) for p in pieces]
        best = max(scores)
        if best < 2 or scores.count(best) > 1 or scores.index(best) in taken:
            return False
        taken.add(scores.index(best))
    return True


def _common(a: str, b: str) -> int:
    """Length of the longest common substring (labels are short)."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best
