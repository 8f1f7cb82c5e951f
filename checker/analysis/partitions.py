"""What the items of a breakdown are to each other: parts of a known partition, complements, kinds.

A reviewer adds up items only when they cannot overlap. Three things tell so:

- a *known partition* (rulesets/lexicons/partitions.yaml): 简易程序 / 普通程序, 来信 / 来访 /
  网上信访, 维持 / 撤销 / 驳回…: items naming different parts of one partition are disjoint, and
  items naming every part of a complete partition (of the whole it partitions) are all of it;
- a *complement pair*: an item and its negation (持有执法证件的 / 未取得执法证件的, 准予许可 /
  不予许可): one thing is either, so the two are disjoint;
- *kinds of one head*: items that end in the same word and differ only before it (外聘律师 /
  公职律师, 进乡村宣讲 / 进企业宣讲, 现场咨询 / 电话咨询): categories of that thing, disjoint.
  An item ending in 的 is a description (涉及征地拆迁的, 邀请专家授课的), which may overlap any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.regexes import LazyRegex

_NEGATION = re.compile(r"未|不予|不|没有|非")
_TAKING_PART = re.compile(r"参加|参与|接受|知晓|了解|享受|获得|具有|拥有|使用|关注|听取|观看|阅读")
_FILLER = re.compile(r"[的了有已被经依法取得持具备]")
_DESCRIPTION_END = re.compile(r"的\s*$")
_HEAD_STRIP = re.compile(r"[\s“”\"（）()、，]+|等$")


@dataclass(frozen=True)
class Partition:
    """One entry of the partitions lexicon, compiled."""

    name: str
    parts: tuple[LazyRegex | re.Pattern[str], ...]  # lazy from the lexicon; a rule's outcomes come compiled
    more: tuple[LazyRegex | re.Pattern[str], ...]
    whole: LazyRegex | re.Pattern[str] | None
    complete: bool

    @classmethod
    def of(cls, entry: dict) -> "Partition":
        whole = entry.get("whole")
        # compiled on first use: most breakdowns never reach a partition's patterns
        return cls(entry["name"], tuple(map(LazyRegex, entry["parts"])),
                   tuple(map(LazyRegex, entry.get("more", ()))),
                   LazyRegex(whole) if whole else None, entry.get("complete", True))

    def part_of(self, label: str) -> int | None:
        """The one part (index over parts, then more) an item names; None for none or two."""
        hits = [i for i, rx in enumerate(self.parts + self.more) if _names(rx, label)]
        return hits[0] if len(hits) == 1 else None


def _names(rx: LazyRegex | re.Pattern[str], text: str) -> bool:
    """Whether ``text`` names what ``rx`` matches; a lazy pattern whose literals do not occur in
    ``text`` is neither searched nor compiled (most of the lexicon's never are in a run)."""
    if isinstance(rx, LazyRegex) and not rx.might_match(text):
        return False
    return rx.search(text) is not None


@dataclass(frozen=True)
class Judgement:
    """``disjoint``: indexes of items that cannot overlap (the largest item of each part);
    ``complete``: the items name every part of a complete partition of the total's whole."""

    disjoint: tuple[int, ...] = ()
    complete: bool = False
    why: str = ""  # the partition's name, "互斥", or "同类" (for messages)


def judge(partitions: tuple[Partition, ...], labels: list[str], values: list, total_label: str) -> Judgement:
    """How the items with ``labels`` (and lower bounds ``values``) relate, best reading first.

    Items that say what people took part in or know (参加线上培训的 / 参加线下培训的) are
    attributes, which one person can have both of: no partition holds for them."""
    best, rank = Judgement(), (False, 0, False)
    if any(_TAKING_PART.search(x) for x in labels):
        return Judgement(_complement_pair(labels), False, "互斥") if _complement_pair(labels) else best
    for p in partitions:
        found = _by_partition(p, labels, values, total_label)
        # On a tie, the partition whose whole the total names: 考试合格 / 不合格 of an exam are
        # exam results, not review grades (评查等次), though both partitions hold them.
        own = (found.complete, len(found.disjoint), bool(p.whole and _names(p.whole, total_label)))
        if found.disjoint and own > rank:
            best, rank = found, own
    if best.disjoint:
        return best
    pair = _complement_pair(labels)
    if pair:
        return Judgement(pair, False, "互斥")
    return best


def _by_partition(p: Partition, labels, values, total_label: str) -> Judgement:
    best: dict[int, int] = {}
    named = [p.part_of(x) for x in labels]
    for i, k in enumerate(named):
        if k is not None and (k not in best or values[i] > values[best[k]]):
            best[k] = i
    if len(best) < 2:
        return Judgement()
    complete = (p.complete and None not in named and len(set(named)) == len(named)
                and all(k in best for k in range(len(p.parts)))
                and (p.whole is None or _names(p.whole, total_label)))
    return Judgement(tuple(sorted(best.values())), complete, p.name)


def _complement_pair(labels: list[str]) -> tuple[int, ...]:
    """Two items, one the negation of the other: 持有执法证件的 / 未取得执法证件的."""
    if len(labels) != 2:
        return ()
    neg = [bool(_NEGATION.search(x)) for x in labels]
    if neg[0] == neg[1]:
        return ()
    plain, negated = (labels[0], labels[1]) if neg[1] else (labels[1], labels[0])
    core = _FILLER.sub("", _NEGATION.sub("", negated))
    return (0, 1) if common_length(_FILLER.sub("", plain), core) >= 2 else ()


def same_head(labels: list[str]) -> bool:
    """Every item ends in one head word (2+ characters) and they differ before it."""
    names = [_HEAD_STRIP.sub("", x) for x in labels]
    if len(names) < 2 or any(_DESCRIPTION_END.search(x) or len(x) < 3 for x in labels):
        return False
    head = names[0]
    for name in names[1:]:
        k = 0
        while k < min(len(head), len(name)) and head[-1 - k] == name[-1 - k]:
            k += 1
        head = head[len(head) - k:]
    return len(head) >= 2 and len(set(names)) == len(names) and all(len(n) > len(head) for n in names)


def common_length(a: str, b: str) -> int:
    """Length of the longest common substring (labels are short)."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best
