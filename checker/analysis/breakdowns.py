"""A total and its breakdown in one sentence unit, read before or after the parts.

Two forms (domain.md §6.1): the total first and its parts after a marker ("共受理案件20件，其中行政
案件12件、民事案件8件"; 分别为, 包括, 含), or the parts first and the total after them in the next
clause ("办理来信58件、来访131件、网上信访77件，合计268件"; 合计/总计/共计/累计/一共/共/计).

What the wording promises decides what may be checked (style.md "Numbers are intervals"):

- a part larger than its total is wrong whatever the wording;
- parts are *exhaustive* when introduced by 分别为/分别是/分别有 (also after a short clause:
  "审结后分别为…"), when one of them is the rest (其余/其他, anywhere in the list), when they are
  exactly the categories the total names ("人大建议和政协提案25件，其中人大建议10件、政协提案15件";
  not when the total's noun says 等), when they name every part of a known partition of the total
  (partitions.py), or when a total word after them states their sum; then Σparts must be able to
  equal the total;
- parts that cannot overlap (a known partition, a complement pair, kinds of one head, …类 or
  …件 items) may not add up to more than the total; a plain list of categories that ends its unit
  may not either, except for groups whose lists are often overlapping attributes (OVERLAP_PRONE:
  people, meetings and events, "other" things), where only the readings above count;
- 等, 在内, 主要, 部分, 以上 hedge a list: it promises no sum at all.

A list ends where its items end: after a 、-list, a clause after a comma is something else (纠正
问题5个, 依法纠错9件, 办结399件), and so is a clause whose words say what happened (a status).

The total is the last figure before the marker in the parts' measure-word group; figures of other
groups between them (罚没款320万元, 覆盖群众1.2万人次) stand in clauses of their own. 其中 may also
follow a short clause without figures ("案件5件，均由负责人出庭应诉，其中…6件"): such a ``distant``
list is checked only for a part larger than the total and for parts of a known partition that
add up to more (分别为 lists excepted). "在审结的41件复议案件中，维持…" is a total and its parts too:
``中，`` after the figure's noun is a marker (rulesets/lexicons/list-markers.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.numbers import Quantity
from . import totals
from .partitions import common_length, judge, same_head
from .sentences import clause_label

REMAINDER = re.compile(r"其余(?!.{0,6}中)|其他|其它|剩余|余下|剩下")
HEDGE = re.compile(r"^等|在内|主要|部分|为主|之一|以上")
_LABEL_HEDGE = re.compile(r"在内|主要|为主|之一|以上")  # 部分公开 is a category, not a hedge
STATUS = re.compile(r"已|均|全部|办结|结案|审结|化解|成功|完成|整改|答复|回复|纠正|纠错|撤销|维持|驳回|确认违法|终止|"
                    r"处理|查处|移送|涉及|正在|在办|未|不予|不合格|同比|比上年|较|胜诉|败诉|撤诉")
# Attributes of people or things cut across each other (女党员, 35岁以下, 本科以上): no partition.
ATTRIBUTE = re.compile(r"女|男|少数民族|岁|学历|本科|大专|研究生|硕士|博士|专业(?!性)|职称|党员|退役|"
                       r"以上|以下|示范|先进|星级")
# Groups whose 其中 lists are often overlapping attributes or features (人员的学历、年龄；会议的
# 学法和议题；村的荣誉): a mere selection of them proves nothing about sums.
OVERLAP_PRONE = ("person", "other", "event")
BREAK = re.compile(r"另|此外|还|同时|并")
_ITEM_SEP = re.compile(r"^(?:[、，,]|以及|和|及|与|或)\s*")
_LISTED_SEP = re.compile(r"^(?:[、，,；;]|以及|和|及|与|或)\s*")
_LEAD = re.compile(r"^[\s，,：:、（(]*")
_GAP_TO_MARKER = re.compile(r"[\s，,：:（(。]*")  # 。: "共受理…45件。其中，…" read across two sentences
_NOUN_AFTER = re.compile(r"[^，,；：:。！？\s0-9]{1,12}?(?=[，,：:]|$)")
_COORD = re.compile(r"以及|和|及|与|、")
_CHANGE_CLAUSE = re.compile(r"[，,](?:同比|环比|较上年|比上年)[^，,；。]{0,8}?[0-9.]+(?:%|个百分点)(?=[，,])")
# What may trail a list's last item before its clause ends: a few words, spaces and closing marks.
_CLAUSE_REST = re.compile(r"[^，,；。！？0-9]{0,25}")
_TAIL_MARKS = " \t\r\n\u3000）)”\""
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
    categories: bool = False  # disjoint categories of one kind: 其他 item, one head, …类 / …件
    distant: bool = False  # a clause stands between the total and 其中: only a part (or a partition) may be checked
    disjoint: tuple[int, ...] = ()  # parts naming different parts of a partition (or complements)
    why: str = ""  # what makes them disjoint: a partition's name, 互斥 or 同类
    at: int = -1  # where the marker (其中…) or the total word after the parts stands
    listed: bool = False  # the marker says the parts are all of the total (分别为)
    after: bool = False  # the total follows its parts (合计…)
    superset: bool = False  # the total after the parts counts what happened to them (累计办结…)

    @property
    def span(self) -> tuple[int, int]:
        first = min(self.total.start, self.parts[0].start)
        return first, max(self.total.end, self.parts[-1].end)


def countable(q: Quantity) -> bool:
    """Figures that can be summed: counts and amounts, not rates nor changes."""
    return not q.is_percent and not q.change


def find_breakdowns(words, text: str, quantities: list[Quantity] | None = None) -> list[Breakdown]:
    """Every total with its breakdown, before (其中…) or after (…，合计N) the parts, in order.

    ``words`` is the numeric vocabulary (vocabulary.py): its quantity reader, total words and partitions.
    """
    marked = words.marker_re.search(text) is not None
    if not marked and not words.total_re.search(text):
        return []  # most sentences: no need to read their quantities
    qs = [q for q in (words.quantities(text) if quantities is None else quantities) if countable(q)]
    found = []
    for m in words.marker_re.finditer(text) if marked else ():
        b = _marked(words, text, qs, m)
        if b is not None:
            found.append(b)
    found.extend(totals.after_parts(words, text, qs))
    found.extend(b for b in totals.unmarked(words, text, qs) if all(b.total is not f.total for f in found))
    return sorted(found, key=lambda b: b.span)


def _marked(words, text: str, qs: list[Quantity], m: re.Match[str]) -> Breakdown | None:
    first = next((q for q in qs if q.start >= m.end()), None)
    if first is None:
        return None
    parts, labels, end = items(words, text, qs, first.unit_group, m.end())
    if not parts:
        return None
    unit_start = text.rfind("；", 0, m.start()) + 1
    before = [q for q in qs if unit_start <= q.start and q.end <= m.start()]
    same = [q for q in before if q.unit_group == first.unit_group]
    if not same:
        return None
    total = same[-1]
    largest = max(p.value.lo for p in parts)
    if total.value.hi is not None and largest > total.value.hi and any(
            q.value.hi is None or q.value.hi >= largest for q in same[:-1]):
        return None  # "新收申请293件，上年结转16件，其中自然人申请214件": 其中 is of the earlier figure
    placed = _placed(words, text, total, [q for q in before if q.start >= total.end], m.start())
    if placed is None or _in_list(text, same):
        return None
    noun, distant = placed
    label = clause_label(text, total.start, unit_start, enumeration=True) + noun
    ours = (words.total_re.search(label) or len(same) == 1 or not STATUS.search(label)
            or all(STATUS.search(x) for x in labels))
    if not ours:
        return None  # 其中 may belong to an earlier figure: say nothing
    return judge_list(words, text, qs, (total, label, m.group()), parts, labels, end, distant, at=m.start())


def _placed(words, text: str, total: Quantity, between: list[Quantity], marker: int):
    """(noun after the total, distant?) when the marker can belong to ``total``, else None.

    "十五个村（社区），其中…": the noun follows the figure; "46件，罚没款320万元，其中…": a clause
    counting something else stands between; "6件，均由负责人出庭应诉，其中…": an aside.
    """
    gap = _CHANGE_CLAUSE.sub("", text[total.end:marker])  # "20件，同比增长15%，其中…"
    noun = _NOUN_AFTER.match(gap)
    noun_text = noun.group() if noun and not BREAK.search(noun.group()) else ""
    rest = gap[len(noun_text):]
    if between:
        if BREAK.search(rest) or words.total_re.search(rest) or words.marker_re.search(rest) or not re.match(r"[，,]", rest):
            return None
        return noun_text, False
    if _GAP_TO_MARKER.fullmatch(rest):
        return noun_text, False
    return (noun_text, True) if _aside(words, rest) else None


def _in_list(text: str, same: list[Quantity]) -> bool:
    """The total is the last item of a 、-list ("12个村、3个社区…，其中"): the list's sum is meant."""
    if len(same) < 2:
        return False
    gap = text[same[-2].end:same[-1].start]
    return "、" in gap and not re.search(r"[，,；：:]", gap)


def _aside(words, gap: str) -> bool:
    """A short clause without figures between a total and its 其中 ("5件，均由负责人出庭应诉，其中…"):
    the 其中 still belongs to the total. Words that open something new (另, 此外, 共…) do not."""
    return (len(gap) <= 30 and bool(re.search("[，,]", gap)) and not words.quantities(gap)
            and not (BREAK.search(gap) or words.total_re.search(gap) or words.marker_re.search(gap)))


def items(words, text: str, qs: list[Quantity], group: str, start: int):
    """The parts after ``start``: one group, parallel, each in its own short clause or item.

    After "其中：" the items may also stand apart by ；("其中：行政处罚类39件；行政强制类12件")."""
    parts: list[Quantity] = []
    labels: list[str] = []
    pos = start
    first_sep = None
    listed = bool(re.match(r"\s*[：:]", text[start:]))
    for q in (q for q in qs if q.start >= start):
        gap = text[pos:q.start]
        if parts:
            sep = (_LISTED_SEP if listed else _ITEM_SEP).match(gap)
            if sep is None or _switches(first_sep, sep.group()):
                break  # "A类3件、B类5件，办结8件": a comma after a 、 list starts something else
            first_sep = first_sep or sep.group()
            gap = gap[sep.end():]
        else:
            gap = gap[_LEAD.match(gap).end():]
        if (re.search(r"[，,；。：:！？]", gap) or len(gap) > 30 or BREAK.search(gap)
                or words.total_re.search(gap) or words.marker_re.search(gap)
                or q.unit_group != group or (not listed and "；" in text[start:q.start])):
            break
        parts.append(q)
        labels.append(gap)
        pos = q.end
    return parts, labels, pos


def _switches(first: str | None, sep: str) -> bool:
    comma = sep.strip() in ("，", ",")
    return first is not None and comma and first.strip() not in ("，", ",")


def _clause_end(text: str, end: int) -> int:
    """Where the clause holding the last item ends, when no more than a dozen words (no figure)
    trail it ("其他文件34件（含废止文件），"); else ``end`` itself."""
    stop = _CLAUSE_REST.match(text, end).end()
    if stop < len(text) and text[stop] not in "，,；。！？":
        return end
    return stop if len(text[end:stop].strip(_TAIL_MARKS)) <= 12 else end


def closed(words, text: str, qs: list[Quantity], group: str, end: int, parts, labels) -> bool:
    """Does the list stop where its items stop? After a 、-list a comma starts something else;
    otherwise the next clause is no item when it is a new unit, holds no count of the group, or
    says what happened (办结399件, 依法纠错9件) or opens a new total."""
    at = _clause_end(text, end)
    if at >= len(text) or text[at] in "。！？":
        return True
    if text[at] == "；":
        return True
    listed = len(parts) >= 2 and "、" in text[parts[0].end:parts[1].start]
    if listed:
        return True
    nxt = re.match(r"[，,]([^，,；。！？]*)", text[at:])
    if nxt is None:
        return False
    inside = [q for q in qs if at < q.start < at + nxt.end()]
    if not inside or inside[0].unit_group != group:
        return True
    words_before = text[at + 1:inside[0].start]
    return bool(STATUS.search(words_before) or words.total_re.search(words_before))


def judge_list(words, text, qs, head, parts, labels, end, distant, *, after=False, superset=False,
               at: int = -1) -> Breakdown:
    """What a list of parts promises about its total (see the module docstring)."""
    total, label, marker = head
    start = min(p.start for p in parts) if after else text.find(marker, total.end)
    tail = text[end:]
    hedged = bool(HEDGE.search(tail.lstrip()[:4]) or any(_LABEL_HEDGE.search(x) for x in labels)
                  or "主要" in text[max(0, start - 4):start]
                  or (marker == "包括" and "在内" in tail[:6]))
    described = any(STATUS.search(x) or ATTRIBUTE.search(x) for x in labels)
    ends = closed(words, text, qs, total.unit_group, end, parts, labels) and not distant
    remainder = any(REMAINDER.search(x) for x in labels)
    known = judge(words.partitions, labels, [p.value.lo for p in parts], label)
    covered = _covers(words, label, labels)
    exhaustive = not hedged and len(parts) >= 2 and (
        marker in words.exhaustive_markers or (after and not superset) or (not distant and (
            remainder or known.complete or (ends and covered and not described))))
    kinds = not described and len(parts) >= 2 and (same_head(labels) or _one_kind(labels))
    categories = not (hedged or distant) and (remainder and len(parts) >= 2 or kinds)
    # After an aside ("…178件，已全部按期答复，其中予以公开…") the items still cannot overlap when
    # they name parts of a known partition: their sum may not pass the total.
    disjoint = () if hedged or (distant and known.why in ("", "互斥")) else known.disjoint
    return Breakdown(total, label, marker, tuple(parts), tuple(labels), exhaustive,
                     ends and not described, hedged, categories, distant, disjoint, known.why,
                     at, marker in words.exhaustive_markers, after, superset)


def _one_kind(labels: list[str]) -> bool:
    """Every item is named as a class of one kind (食品类、药品类…; 行政案件、民事案件…)."""
    names = [x.strip().rstrip("的") for x in labels]
    return all(len(x) >= 2 for x in names) and len({x[-1] for x in names}) == 1 \
        and names[0][-1] in _KIND_SUFFIX


def _covers(words, total_label: str, labels: list[str]) -> bool:
    """Do the items name exactly the categories the total names ("A和B…，其中A…、B…")?
    Not when the total's noun says 等: other kinds exist."""
    if "等" in total_label:
        return False
    pieces = [p for p in _COORD.split(words.total_re.sub("", total_label)) if p]
    if len(pieces) < 2 or len(pieces) != len(labels):
        return False
    taken: set[int] = set()
    for item in labels:
        scores = [common_length(item, p) for p in pieces]
        best = max(scores)
        if best < 2 or scores.count(best) > 1 or scores.index(best) in taken:
            return False
        taken.add(scores.index(best))
    return True
