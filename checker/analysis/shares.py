"""Shares of one whole: "在受理的矛盾纠纷中，线上调解的占58%，现场调解的占42%".

Items "X占P%" / "X占比P%" of one sentence share a whole when they follow one frame ("在…中，",
"…中，", "从…看，", "按…分，") or none, and none names a whole of its own (行政复议案件中被纠错的
占18.2%, 占全县的30%). They can be added only when they cannot overlap: they name different parts
of a known partition (partitions.py: 线上/现场, 按期/超期, 男性/女性…), are kinds (…类, or one head
with different words before it: 县本级执法案件/乡镇执法案件), one is the
rest (其余为…), or the frame classifies along one dimension (从申请事项看, 按办理渠道分). Such
shares may not add up to more than 100%; when they are all of the whole (a complete partition of
the frame's whole, or a 其余 item) they must be able to reach 100%. Each share is rounded or
truncated at its stated precision, so 71.3% + 28.8% (= 100.1%) is fine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..text.numbers import Quantity
from .partitions import judge, same_head

_SEP = re.compile(r"[，,；、：:]")
_ITEM = re.compile(r"^(?P<label>[^，,；、：:。！？]{0,30}?)占(?P<whole>[^，,；、：:。！？0-9%]{0,10}?的)?(?:比)?"
                   r"(?:为|达|达到|约|近)?\s*$")
_FRAME = re.compile(r"(?:在|从|按|据|对)?[^，,；：:。！？]{0,24}(?:中|看|分|来看|划分|统计)$")
_CLASSIFY = re.compile(r"^(?:从|按|按照|分)[^，,；：:]{1,12}(?:看|分|来看|划分|统计)$")
_KIND = re.compile(r"类的?$")
_REMAINDER = re.compile(r"其余|其他|其它|剩余|余下")


@dataclass(frozen=True)
class ShareGroup:
    """Shares of one whole that cannot overlap (offsets in the sentence)."""

    percents: tuple[Quantity, ...]
    labels: tuple[str, ...]
    complete: bool  # they are all of the whole
    start: int = 0  # where the first item's words begin
    starts: tuple[int, ...] = ()  # where each item's words begin (to quote the items as written)

    @property
    def low(self) -> Decimal:
        """The least their sum can be: each rounded at its precision."""
        return sum((p.stated - Decimal(5).scaleb(-p.decimals - 1) for p in self.percents), Decimal(0))

    @property
    def high(self) -> Decimal:
        """The most their sum can be: each truncated at its precision."""
        return sum((p.stated + Decimal(1).scaleb(-p.decimals) for p in self.percents), Decimal(0))


def find_shares(words, text: str, qs: list[Quantity]) -> list[ShareGroup]:
    if "占" not in text:
        return []
    groups, items, frame = [], [], ""
    for q in (q for q in qs if q.is_percent and not q.change and q.approx is None):
        start = max((m.end() for m in _SEP.finditer(text, 0, q.start)), default=0)
        m = _ITEM.match(text[start:q.start])
        if m is None or m.group("whole"):
            continue
        label = m.group("label") or _previous_clause(text, start)
        if "中" in re.sub("^其中", "", label)[:-1]:
            continue  # 行政复议案件中被纠错的占18.2%: a whole of its own
        own_frame = _frame_before(text, start, items)
        if items and own_frame is not None and own_frame != frame:
            groups.append(_group(words, items, frame))
            items = []
        frame = own_frame if own_frame is not None else frame
        items.append((q, label, start if m.group("label") else start - len(label) - 1))
    groups.append(_group(words, items, frame))
    return [g for g in groups if g is not None]


def _previous_clause(text: str, start: int) -> str:
    """"其余为行政许可类，占31.2%": the item's words stand in the clause before."""
    before = text[:max(start - 1, 0)]
    cut = max((m.end() for m in _SEP.finditer(before)), default=0)
    return before[cut:]


def _frame_before(text: str, start: int, items) -> str | None:
    """The frame clause right before the first item ("在受理的矛盾纠纷中"), or None."""
    before = text[:max(start - 1, 0)]
    cut = max((m.end() for m in _SEP.finditer(before)), default=0)
    clause = before[cut:]
    if items and cut <= items[-1][0].end:
        return None
    return clause if _FRAME.search(clause) else None


def _group(words, items, frame: str) -> ShareGroup | None:
    if len(items) < 2:
        return None
    labels = [label for _, label, _ in items]
    values = [q.value.lo for q, _, _ in items]
    known = judge(words.partitions, labels, values, frame)
    remainder = any(_REMAINDER.search(x) for x in labels)
    kinds = all(_KIND.search(x) for x in labels)
    if not (known.disjoint and len(known.disjoint) == len(labels)) and not (
            remainder or kinds or same_head(labels) or _CLASSIFY.search(frame)):
        return None
    return ShareGroup(tuple(q for q, _, _ in items), tuple(labels), known.complete or remainder, max(items[0][2], 0),
                      tuple(max(at, 0) for _, _, at in items))
