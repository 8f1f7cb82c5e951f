"""Totals after their parts: "办理来信58件、来访131件、网上信访77件，合计268件".

A total word that may close a list (``after: true`` in rulesets/lexicons/total-words.yaml: 合计,
总计, 共计, 累计, 一共, 总共, 共, 计) opens the clause right after a 、-list of figures of one
measure-word group; the figure it introduces states their sum. Its words between the total word
and the figure say what is summed:

- none, or the list's own verb or noun (累计审核 after 审核…, 共处理 after …处理, 共计调解纠纷 after
  调解…纠纷): the sum itself, so Σparts must be able to equal it;
- another verb (累计办结 after 办理…, 共发现问题企业 after 检查…): a count of what happened to
  them (``superset``), which can exceed the parts only if they are all of it (其他…); not when
  it only restates their object (共讲授法治课 after …讲法治课2次);
- 等 before it (…14场等普法活动共36场) hedges the list; 累计 after figures of the year (当年新建…)
  is a cumulative stock, not their sum: neither is read.

Also here: a total followed by a list without any marker ("共抽查案卷260卷，优秀42卷、合格198卷、
不合格15卷"), read only when every item is a part of one known partition or one is the rest.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..text.numbers import Quantity

_LIST_GAP = re.compile(r"[^，,；。：:！？]{0,30}")
_SEP = re.compile(r"[，,；：:。！？]")
_FILLER = re.compile(r"^(?:为|达到|达|了|是)")
_YEARLY = re.compile(r"新[建增聘设创]|当年|今年|本年")
_STOCK = re.compile(r"截至|以来|历年")
_MIN_LABEL = 2  # han characters before a figure that make a label of their own
_STRONG = ("合计", "总计", "共计", "一共", "总共", "共")  # may also close parts one to a clause


def after_parts(words, text: str, qs: list[Quantity]):
    """Breakdowns whose total follows their parts, in order."""
    from .breakdowns import judge_list

    found = []
    for m in words.after_re.finditer(text):
        read = _read(words, text, qs, m)
        if read is None:
            continue
        total, word, middle, run, labels, superset = read
        label = word + middle
        found.append(judge_list(words, text, qs, (total, label, word), run, labels, total.end,
                                False, after=True, superset=superset, at=m.start("word")))
    return found


def _read(words, text: str, qs: list[Quantity], m: re.Match[str]):
    total = next((q for q in qs if q.start >= m.end()), None)
    if total is None:
        return None
    middle = text[m.end():total.start]
    if len(middle) > 12 or _SEP.search(middle) or "、" in middle or "等" in middle:
        return None
    clause_end = m.start("sep")
    clause_start = max((s.end() for s in _SEP.finditer(text, 0, clause_end)), default=0)
    run = _run(text, [q for q in qs if clause_start <= q.start and q.end <= clause_end], total.unit_group)
    if len(run) == 1 and m.group("word") in _STRONG:
        run, clause_start = _comma_run(words, text, qs, run[0], clause_start)
    if len(run) < 2:
        return None
    between = text[run[-1].end:clause_end]
    if "等" in between[:3]:
        return None  # …14场等: a hedged list
    scope = text[clause_start:clause_end]
    word = m.group("word")
    if word == "累计" and (_YEARLY.search(scope) or _STOCK.search(middle)):
        return None  # 当年新建12个…，累计建成85个: a stock, not the sum of the year's figures
    verb = _FILLER.sub("", middle)
    labels = _labels(text, run, clause_start, clause_end)
    superset = bool(verb) and verb[:2] not in scope and not _restates(verb, labels)
    return total, word, middle, run, labels, superset


def _restates(verb: str, labels: list[str]) -> bool:
    """"县委书记讲法治课2次、县长讲法治课3次，共讲授法治课6次": another verb (讲授 for 讲) before the
    object every item names (three characters or more) counts the same things, unless it says what
    happened to them (共办结…)."""
    from .breakdowns import STATUS

    obj = verb[2:]
    return len(obj) >= 3 and all(obj in x for x in labels) and not STATUS.search(verb)


def _run(text: str, clause: list[Quantity], group: str) -> list[Quantity]:
    """The 、-list of figures of ``group`` that ends the clause (the parts a total sums)."""
    if not clause or clause[-1].unit_group != group:
        return []
    run = [clause[-1]]
    for q in reversed(clause[:-1]):
        gap = text[q.end:run[0].start]
        if q.unit_group != group or not _joined(gap):
            break
        run.insert(0, q)
    return run


def _comma_run(words, text: str, qs: list[Quantity], last: Quantity, clause_start: int):
    """"办理来信64件，来访127件，网上信访83件，合计274件": one figure per clause, parallel."""
    from .breakdowns import STATUS

    run, start = [last], clause_start
    if STATUS.search(text[clause_start:last.start]):
        return run, clause_start  # "已办结48件，共计50件": what happened, no category
    while start > 0 and text[start - 1] in "，,":
        prev_start = max((s.end() for s in _SEP.finditer(text, 0, start - 1)), default=0)
        inside = [q for q in qs if prev_start <= q.start and q.end <= start - 1]
        label = text[prev_start:inside[0].start] if len(inside) == 1 else ""
        if (len(inside) != 1 or inside[0].unit_group != last.unit_group or len(label) > 30
                or STATUS.search(label) or re.search("合计|总计|共计|一共|总共|累计|其中|分别", label)):
            break
        run.insert(0, inside[0])
        start = prev_start
    if len(run) < 2 or any(len(text[p.start - 12:p.start].split("，")[-1]) > 12 for p in run[1:]):
        return [last], clause_start
    return run, start


def _joined(gap: str) -> bool:
    return bool(_LIST_GAP.fullmatch(gap)) and ("、" in gap or bool(re.match(r"\s*(?:和|及|与|以及)", gap)))


def _labels(text: str, run: list[Quantity], start: int, end: int) -> list[str]:
    """Each item's words: before its figure, or after it when the figure comes first (47名新任职执法人员)."""
    labels = []
    for i, q in enumerate(run):
        before = text[(run[i - 1].end if i else start):q.start].lstrip("、和及与以 ")
        after_end = run[i + 1].start if i + 1 < len(run) else end
        after = re.split(r"[、，,]", text[q.end:after_end], maxsplit=1)[0]
        han = sum(1 for ch in before if "\u4e00" <= ch <= "\u9fff")
        labels.append(before if han >= _MIN_LABEL else before + after)
    return labels


def unmarked(words, text: str, qs: list[Quantity]):
    """"共抽查案卷260卷，优秀42卷、合格198卷、不合格15卷": a total, then a list with no marker.

    Read only when the items are parts of a known partition (every one of them) or one is the rest:
    without a marker, nothing else says the list breaks the total down."""
    from . import breakdowns as bd

    for total in qs:
        found = _list_after(words, text, qs, total)
        if found is None:
            continue
        label, parts, labels, end = found
        known = bd.judge(words.partitions, labels, [p.value.lo for p in parts], label)
        if bd.judge(words.partitions, [label, labels[0]], [0, 0], "").disjoint:
            continue  # "来信64件，来访127件，…": the first figure is an item of the list, no total
        remainder = any(bd.REMAINDER.search(x) for x in labels) and "、" in text[parts[0].end:parts[1].start]
        if not remainder and len(known.disjoint) != len(parts):
            continue  # 胜诉39件，败诉4件，撤诉4件: every item a part of one partition
        b = bd.judge_list(words, text, qs, (total, label, "，"), parts, labels, end, False, at=total.end)
        yield replace(b, marker="", coordinated=False, categories=remainder,
                      exhaustive=not b.hedged and (known.complete or remainder))


def _list_after(words, text: str, qs: list[Quantity], total: Quantity):
    """(total's label, parts, labels, end) of a list right after a figure with a total word."""
    from . import breakdowns as bd

    label = bd.clause_label(text, total.start, enumeration=True)
    if not words.total_re.search(label):
        return None
    lead = re.match(r"[^，,；。！？0-9]{0,12}?[，,：:]", text[total.end:])
    if lead is None or words.marker_re.search(lead.group()):
        return None
    start = total.end + lead.end()
    first = next((q for q in qs if q.start >= start), None)
    if first is None or first.unit_group != total.unit_group or words.marker_re.search(text, start, first.start):
        return None
    parts, labels, end = bd.items(words, text, qs, total.unit_group, start)
    if len(parts) < 2 or any(p.unit != total.unit for p in parts):
        return None
    return label, parts, labels, end
