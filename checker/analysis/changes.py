"""Changes against an earlier figure: 同比增长25%, 较上年的130件增加26件, 提高3.6个百分点.

A change can be checked only when both figures are given (domain.md §6.3): this year's (X) and
the earlier one (Y). Y is read from the wording that marks it:

- "X件，较上年的Y件增长P%" / "比2022年的Y件" / "与上年同期的Y件相比" (or 较三季度的, 比上月的): Y
  right after the cue, X the last figure of its kind before the cue;
- "由上年的Y提高到X" / "由2022年的Y件降至2023年的X件": Y after 由, X after 至/到;
- "（上年为Y）", "，上年为Y件", "上年分别为Y1、Y2": Y anywhere in the unit, X before the change (or,
  with none before it, the level it reached right after it: "增长12.5%，达到135件");
- "X人，比上年增加D人，增长P%": Y is X − D (X + D for 减少).

X must be the only figure of its kind before the change in its unit: with two (受理182件，办结176件，
较上年的150件增长…) which one is compared is unclear, and nothing is checked.

A change figure is relative (P%), in percentage points (N个百分点, between two percentages) or an
amount (增加D件). A relative change of a percentage (满意率97%，提高2%) is left alone: writers use
it for points too. Lists pair by position ("分别为182件、46件，同比分别增长21.3%、下降20.7%（上年
分别为150件、58件）").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.intervals import Interval
from ..text.numbers import Quantity

# The earlier period: a year, or a quarter, half or month compared with another (较三季度的Y件).
_YEAR = (r"(?:上一?年(?:度)?|去年|前一年|20\d\d年(?:度)?|上一?(?:个)?季度|[一二三四1-4]季度|上半年|"
         r"上一?(?:个)?月|\d{1,2}月份?)(?:同期)?")
_AGAINST = re.compile(rf"(?:较|比|与|同){_YEAR}的?\s*$")
_FROM = re.compile(rf"由{_YEAR}?的?\s*$")
_TO = re.compile(rf"^\s*(?:[降增升减](?:至|到|为)|(?:提高|提升|下降|减少|增加|上升|回落|降低|增长)(?:至|到|为)|至|到)(?:{_YEAR}的?)?\s*$")
_WAS = re.compile(rf"{_YEAR}(分别)?(?:为|是|有)\s*$")
_CLAUSE = re.compile(r"[，,；：:。！？]")
_REACHED = re.compile(r"[，,]?(?:达到|达|增至|降至|升至|减至|为)")  # matched on the gap without spaces


@dataclass(frozen=True)
class Change:
    """A stated change with the two figures it compares (offsets in the sentence)."""

    stated: Quantity
    kind: str  # "percent" (relative), "points" or "amount"
    up: bool
    now: Quantity
    before: Interval
    before_text: str  # as written, or "1260人－186人" when derived
    first: int  # where the earliest figure used begins
    before_stated: Quantity | None = None  # the earlier figure as written (None when derived)
    verb: str = ""  # the word that says the direction (增长, 提高, 降幅…)
    basis: str = ""  # how a derived earlier figure was found ("1260人－186人")


def find_changes(words, text: str, qs: list[Quantity]) -> list[Change]:
    """Every change in ``text`` whose two figures are both given (``words``: the change words)."""
    changes = [q for q in qs if q.change]
    if not changes:
        return []
    found = []
    for c in changes:
        read = _read(words, text, qs, changes, c)
        if read is not None:
            found.append(read)
    return found


def _direction(words, text: str, c: Quantity) -> bool | None:
    found = _verb(words, text, c)
    return None if found is None else found[1]


def _verb(words, text: str, c: Quantity) -> tuple[str, bool] | None:
    """The direction word nearest before the change figure in its clause, and whether it is a rise."""
    clause = _CLAUSE.split(text[:c.start])[-1].split("、")[-1]
    found = [(m.end(), m.group(), True) for m in words.rise_re.finditer(clause)]
    found += [(m.end(), m.group(), False) for m in words.fall_re.finditer(clause)]
    if not found:
        return None
    _, word, up = max(found)
    return word, up


def _kind(c: Quantity) -> str:
    if c.unit == "个百分点":
        return "points"
    return "percent" if c.is_percent else "amount"


def _fits_kind(kind: str, c: Quantity, q: Quantity) -> bool:
    """Figures a change of this kind compares: percentages for points, counts of the unit otherwise."""
    if q.change or q is c:
        return False
    if kind == "points":
        return q.is_percent
    if kind == "amount":
        return q.unit_group == c.unit_group
    return not q.is_percent


def _read(words, text: str, qs: list[Quantity], changes: list[Quantity], c: Quantity) -> Change | None:
    verb = _verb(words, text, c)
    if verb is None:
        return None
    word, up = verb
    kind = _kind(c)
    unit_start = text.rfind("；", 0, c.start) + 1
    unit_end = text.find("；", c.end)
    unit_end = len(text) if unit_end < 0 else unit_end
    levels = [q for q in qs if unit_start <= q.start and q.end <= unit_end and _fits_kind(kind, c, q)]
    pair = (_by_position(text, levels, changes, c) or _marked(text, levels, c)
            or _derived(words, text, qs, levels, c, unit_start))
    if pair is None:
        return None
    now, before, before_text, first, written = pair
    basis = ""
    if written is None:
        basis, before_text = before_text, _figure(before, now)
    return Change(c, kind, up, now, before, before_text, min(first, now.start), written, word, basis)


def _figure(value: Interval, like: Quantity) -> str:
    """A derived earlier figure as a reader writes it: 1074人 (or its range)."""
    if value.lo == value.hi:
        return f"{format(value.lo.normalize(), 'f')}{like.unit}"
    return f"{format(value.lo.normalize(), 'f')}～{format(value.hi.normalize(), 'f')}{like.unit}"


def _marked(text: str, levels: list[Quantity], c: Quantity):
    """X and Y from 较上年的Y / 由Y至X / 上年为Y."""
    for i, y in enumerate(levels):
        lead = text[max(0, y.start - 12):y.start]
        if _FROM.search(lead) and i + 1 < len(levels) and _TO.match(text[y.end:levels[i + 1].start]):
            x = levels[i + 1]
            if x.end <= c.start:
                return x, y.value, _bare(y.raw), y.start, y
        if _AGAINST.search(lead) and y.end <= c.start:
            x = _only([q for q in levels[:i] if q.end <= y.start])
            if x is not None:
                return x, y.value, _bare(y.raw), x.start, y
        if _WAS.search(lead) and not _WAS.search(lead).group(1):
            x = _only([q for q in levels if q.end <= c.start and q is not y
                       and not _WAS.search(text[max(0, q.start - 12):q.start])]) or _reached(text, levels, c, y)
            if x is not None:
                return x, y.value, _bare(y.raw), min(x.start, y.start), y
    return None


def _reached(text: str, levels: list[Quantity], c: Quantity, y: Quantity) -> Quantity | None:
    """"比上年增长12.5%，达到135件，上年为112件": with no figure before the change, the level it
    reached right after it."""
    if any(q.end <= c.start and q is not y for q in levels):
        return None
    after = [q for q in levels if q.start >= c.end and q is not y]
    if after and _REACHED.fullmatch("".join(text[c.end:after[0].start].split())):
        return after[0]
    return None


def _derived(words, text: str, qs: list[Quantity], levels: list[Quantity], c: Quantity, unit_start: int):
    """"X人，比上年增加D人，增长P%": the earlier figure is X − D (or X + D)."""
    if _kind(c) != "percent":
        return None
    amounts = [q for q in qs if q.change and unit_start <= q.start and q.end <= c.start and _kind(q) == "amount"]
    if len(amounts) != 1:
        return None
    d = amounts[0]
    d_up = _direction(words, text, d)
    x = _only([q for q in levels if q.end <= d.start and q.unit_group == d.unit_group])
    if x is None or d_up is None or x.value.hi is None or d.value.hi is None:
        return None
    if d_up:
        before = Interval(x.value.lo - d.value.hi, x.value.hi - d.value.lo)
        shown = f"{_bare(x.raw)}－{_bare(d.raw)}"
    else:
        before = Interval(x.value.lo + d.value.lo, x.value.hi + d.value.hi)
        shown = f"{_bare(x.raw)}＋{_bare(d.raw)}"
    return x, before, shown, x.start, None


def _only(candidates: list[Quantity]) -> Quantity | None:
    """The one figure a change can be about ("受理182件，办结176件，较上年的150件增长…" is unclear)."""
    return candidates[0] if len(candidates) == 1 else None


def _by_position(text: str, levels: list[Quantity], changes: list[Quantity], c: Quantity):
    """"分别为A、B，同比分别增长P%、下降Q%（上年分别为C、D）": the k-th change compares A/C, B/D."""
    run = _list_of(text, [q for q in changes if _kind(q) == _kind(c)], c)
    if len(run) < 2:
        return None
    k = run.index(c)
    lists = _lists(text, levels)
    befores = [r for r in lists if len(r) == len(run) and _WAS.search(text[max(0, r[0].start - 12):r[0].start])]
    nows = [r for r in lists if len(r) == len(run) and r[-1].end <= run[0].start and r not in befores]
    if len(befores) != 1 or not nows:
        return None
    x, y = nows[-1][k], befores[0][k]
    return x, y.value, _bare(y.raw), x.start, y


def _list_of(text: str, qs: list[Quantity], q: Quantity) -> list[Quantity]:
    for run in _lists(text, qs):
        if q in run:
            return run
    return [q]


def _lists(text: str, qs: list[Quantity]) -> list[list[Quantity]]:
    runs: list[list[Quantity]] = []
    for q in qs:
        gap = text[runs[-1][-1].end:q.start] if runs else ""
        if runs and "、" in gap and not _CLAUSE.search(gap) and len(gap) <= 8:
            runs[-1].append(q)
        else:
            runs.append([q])
    return runs


def _bare(raw: str) -> str:
    return "".join(raw.split())
