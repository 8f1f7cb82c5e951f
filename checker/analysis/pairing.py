"""Which counts a stated rate is computed from: its numerator and its denominator.

A rate is paired only when the words say unambiguously which count is which (domain.md §6.2):
each rate word has the verbs that introduce its numerator (办结 for 办结率) and its denominator
(受理, 收到…). A count's *label* is the words before it, back to the previous figure or the start
of its phrase (a 、 does not cut it: "受理涉及劳动报酬、社会保险等方面的投诉214件"); the cue nearest
the figure decides, and of two cues ending together the longer (应出庭 over 出庭). A figure with no
verb before it takes the verb after it ("2846名干部参加考试"). A negated numerator (不合格37批次)
gives the numerator as the rest of the base; a 、-list of bases (建议96件、提案132件) is one base,
their sum; a single 其中 part named by the numerator verb is the part of the figure before 其中.

The counts are looked for where a reviewer looks, nearest first, and the first stretch that holds
candidates decides (an unclear one is no pairing: a wrong pairing would be a false alarm):

1. the rate's own ；-unit before it; 2. its sentence before it; 3. its sentence before and after it
("调解成功率为98.8%，共调解纠纷412件，成功403件"; "受理200件，办结率98.5%（办结197件）"); 4. the previous sentence
of its paragraph with its own sentence before it, when its sentence has no count of its own after
it and the words naming the rate (法律援助案件结案率) are about what that sentence counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.intervals import Interval
from ..text.numbers import Quantity
from .breakdowns import countable

_ASIDE = re.compile(r"[（(](?:其中|含有?|包括|包含)[^（）()]{0,40}[）)]")
_PHRASE_END = re.compile(r"[，,；：:。！？（(]")
_AFTER_END = re.compile(r"[，,；：:、。！？\n（(]")
_LIST_GAP = re.compile(r"[^，,；：:。！？]{0,20}")
_QIZHONG = re.compile(r"其中")
# Words of a rate's name that say nothing about what it counts (全年调解成功率, 本年度审结率).
_GENERIC = re.compile(r"全年|本年度|年度|全区|全县|全镇|全市|全乡|截至年底|截至|年底|当年|今年|工作|行政|案件|事项|"
                      r"的|为|达到|达|是|保持|实现|其中|总体|综合|平均|整体")
AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class Pair:
    """A rate's counts: intervals, as written for the message, and where the first one stands."""

    num: Interval
    den: Interval
    num_text: str
    den_text: str
    first: int  # offset (in the stretch) of the earliest count used
    exact: bool  # every count is a point


@dataclass(frozen=True)
class Stretch:
    """The previous sentence of the paragraph (if any) followed by the rate's own sentence."""

    text: str
    cut: int  # where the rate's own sentence begins in ``text``
    qs: tuple[Quantity, ...]  # countable figures, offsets in ``text``
    rate_ends: tuple[tuple[int, int], ...]  # (start, end) of every rate mention of the own sentence
    parts: frozenset[tuple[int, int]] = frozenset()  # (start, total start) of breakdown parts


def asides(text: str, qs) -> frozenset[Quantity]:
    """Counts in a subset aside, "2486件（含热线转办1837件）": a part of a count, no base of its own."""
    spans = [m.span() for m in _ASIDE.finditer(text)]
    return frozenset(q for q in qs if any(a <= q.start and q.end <= b for a, b in spans))


def pair(spec, stretch: Stretch, start: int, end: int) -> Pair | None:
    """The counts of the rate mention at [start, end) of the stretch, or None if unclear."""
    text, cut = stretch.text, stretch.cut
    earlier = [e for s, e in stretch.rate_ends if e <= start]
    later = [s for s, e in stretch.rate_ends if s >= end]
    floor = max(earlier, default=cut)
    unit = max(floor, text.rfind("；", cut, start) + 1)
    own_after = _figures(spec, stretch, end, min(later, default=len(text)))
    windows = [(unit, start)]
    if floor < unit:
        windows.append((floor, start))
    windows.append((floor, min(later, default=len(text))))  # counts after it too (（办结197件）)
    if cut and not earlier and not own_after and _about(text[cut:start], text[:cut]):
        windows.append((0, start))
    for a, b in windows:
        found = _pair_in(spec, stretch, a, b)
        if found == AMBIGUOUS:
            return None
        if found is not None:
            return found
    return None


def _figures(spec, stretch: Stretch, a: int, b: int) -> list[Quantity]:
    skip = asides(stretch.text, stretch.qs)
    return [q for q in stretch.qs if a <= q.start and q.end <= b and q not in skip
            and q.unit_group in spec.groups]


def _about(own: str, previous: str) -> bool:
    """Do the words naming the rate (own sentence before it) fit what the previous sentence counts?"""
    name = re.split(r"[，,；：:]", own)[-1]
    core = _GENERIC.sub("", name)
    core = "".join(c for c in core if "\u4e00" <= c <= "\u9fff")  # no class of 21,000 characters to compile
    if len(core) < 2:
        return True
    return any(core[i:i + 2] in previous for i in range(len(core) - 1))


def _pair_in(spec, stretch: Stretch, a: int, b: int):
    window = _figures(spec, stretch, a, b)
    if not window:
        return None
    roles = {q: _role_of(spec, stretch.text, q, a, stretch.qs) for q in window}
    nums = [q for q in window if roles[q] == "num"]
    if len(nums) > 1:
        return AMBIGUOUS
    if not nums:
        return _from_rest(stretch, window, roles)
    num = nums[0]
    # 审结57件，其中维持42件、撤销8件…: parts of the numerator are no counts of their own
    inside = {p for p, t in stretch.parts if t == num.start}
    same = [q for q in window if q.unit_group == num.unit_group and q is not num and roles[q] != "neg"
            and not (q.start in inside and roles[q] is None)]
    den = _base(stretch.text, same, roles)
    if den is None and not any(roles[q] == "den" for q in same):
        den = _whole_of_part(stretch.text, num, window)
    if den is None:
        return AMBIGUOUS if same else None
    den_value, den_text, first = den
    if den_value.hi is not None and num.value.lo > den_value.hi:
        return AMBIGUOUS  # more done than received: the pairing itself is doubtful
    return Pair(num.value, den_value, _bare(num.raw), den_text, min(first, num.start),
                num.value.lo == num.value.hi and den_value.lo == den_value.hi)


def _base(text: str, same: list[Quantity], roles) -> tuple[Interval, str, int] | None:
    """The one denominator among the other counts of the numerator's group (or one 、-list of them)."""
    if not same:
        return None
    runs = _lists(text, same)
    bases = [run for run in runs if roles[run[0]] == "den"]
    if len(bases) != 1 or len(runs) != 1:
        return None
    run = bases[0]
    if any(roles[q] not in ("den", None) for q in run) or (len(run) == 1 and roles[run[0]] != "den"):
        return None
    value = sum((q.value for q in run), Interval.point(0))
    return value, "＋".join(_bare(q.raw) for q in run), run[0].start


def _lists(text: str, qs: list[Quantity]) -> list[list[Quantity]]:
    """Consecutive counts joined by 、 (within a phrase) form one list."""
    runs: list[list[Quantity]] = []
    for q in qs:
        if runs and "、" in text[runs[-1][-1].end:q.start] and _LIST_GAP.fullmatch(text, runs[-1][-1].end, q.start):
            runs[-1].append(q)
        else:
            runs.append([q])
    return runs


def _whole_of_part(text: str, num: Quantity, window: list[Quantity]):
    """"录入执法案件3264件，其中网上办结3198件": the numerator is a 其中 part of the figure (or
    、-list) just before the 其中."""
    clause_start = max((m.end() for m in _PHRASE_END.finditer(text, 0, num.start)), default=0)
    marker = _QIZHONG.search(text, clause_start, num.start)
    if marker is None:
        return None
    before = [q for q in window if q.end <= marker.start() and q.unit_group == num.unit_group]
    if not before:
        return None
    run = _lists(text, before)[-1]
    gap = text[run[-1].end:marker.start()]
    if len(gap) > 16 or re.search(r"[；。]", gap) or len(re.findall(r"[，,]", gap)) > 1:
        return None
    value = sum((q.value for q in run), Interval.point(0))
    return value, "＋".join(_bare(q.raw) for q in run), run[0].start


def _from_rest(stretch: Stretch, window: list[Quantity], roles):
    """No numerator stated: one base and one negated count (不合格37批次) give it as their difference."""
    negs = [q for q in window if roles[q] == "neg"]
    dens = [q for q in window if roles[q] == "den"]
    if len(negs) != 1 or len(dens) != 1 or negs[0].unit_group != dens[0].unit_group:
        return AMBIGUOUS if negs or (dens and len(window) > 1) else None
    if any(roles[q] is None and q.unit_group == dens[0].unit_group for q in window):
        return AMBIGUOUS
    den, neg = dens[0], negs[0]
    if neg.value.hi is None or den.value.hi is None:
        return None
    num = Interval(den.value.lo - neg.value.hi, den.value.hi - neg.value.lo)
    return Pair(num, den.value, f"{_bare(den.raw)}－{_bare(neg.raw)}", _bare(den.raw),
                min(den.start, neg.start), num.lo == num.hi and den.value.lo == den.value.hi)


def _role_of(spec, text: str, q: Quantity, floor: int, qs) -> str | None:
    """The role the words before the figure give it, else the words after it in its phrase."""
    phrase = max((m.end() for m in _PHRASE_END.finditer(text, floor, q.start)), default=floor)
    previous = max((p.end for p in qs if p.end <= q.start), default=0)
    role = _cue(spec, text[max(phrase, previous, floor):q.start])
    if role is not None:
        return role
    stop = _AFTER_END.search(text, q.end)
    limit = min([stop.start() if stop else len(text)] + [p.start for p in qs if p.start >= q.end])
    return _cue(spec, text[q.end:limit])


def _cue(spec, label: str) -> str | None:
    """"num", "den" or "neg" by the cue nearest the figure; of two ending together, the longer."""
    best: tuple[int, int, str] | None = None
    for kind, rx in (("num", spec.numerator), ("den", spec.denominator), ("neg", spec.negated)):
        for m in rx.finditer(label):
            key = (m.end(), -m.start(), kind)
            if m.end() > m.start() and (best is None or key[:2] > best[:2]):
                best = key
    return None if best is None else best[2]


def _bare(raw: str) -> str:
    return "".join(raw.split())
