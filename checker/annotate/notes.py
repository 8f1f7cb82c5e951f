"""What each comment says and which characters it is anchored on.

One comment per finding, worded for a clerk in Word: severity and message, the suggested change,
the rule id with its title and a short authority. Two exceptions:

* Many findings of one rule in one file (GROUP_FROM or more, e.g. 201 half-width commas) make one
  comment on the first of them that names the count and where the others are.
* A required part that is missing is no fault of the title the check points at: its comment sits
  on the heading of the part it should follow (the title when it should come first) and says so.

Advice meant for the command line ("可用 --fix 一次改正") is dropped from messages shown in Word
or on the web page, where there is no such option.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..offsets import LineIndex
from ..reporters.labels import SEVERITY_LABEL
from ..analysis.places import Placer, shorten

GROUP_FROM = 10  # as format/punctuation-width's own summary_from: from here on one comment carries the count
PLACES_LISTED = 12
_CLI_ADVICE = re.compile(r"(?:[，,；]|(?<!\s))\s*(?:可以用|可用|请用|或用|用)\s*(?:fzlint\s+check\s+\S*\s*)?--fix[^。；]*")
_AUTHORITY = re.compile(r"GB/T\s?\d+(?:\.\d+)?-\d{4}(?:\s?§[\d.]+)?(?:《[^》]{2,30}》)?|《[^》]{2,40}》")


@dataclass(frozen=True)
class Note:
    """One comment: the anchor (offsets of Source.text), its paragraphs and what it stands for."""

    start: int
    end: int
    paragraphs: tuple[str, ...]
    rule: str
    indices: tuple[int, ...]  # the diagnostics it stands for (several for a group)


def for_reader(message: str) -> str:
    """The message without command-line advice (there is no --fix in Word or on the page)."""
    cleaned = _CLI_ADVICE.sub("", message)
    return cleaned if cleaned.endswith(("。", "！", "？", "）", "”")) else cleaned + "。"


def authority(rationale: str) -> str | None:
    """The first standard or regulation a rule's rationale cites, or 内部一致性 for data checks."""
    found = _AUTHORITY.search(rationale or "")
    if found:
        return found.group().replace("GB/T", "GB/T ").replace("  ", " ")
    return "报告内部数据一致性" if "内部一致性" in (rationale or "") else None


def suggestion(text: str, d) -> tuple[str, str] | None:
    """(原文, 建议) for a finding with a fix: the flagged characters before and after it."""
    if d.fix is None or not d.fix.edits:
        return None
    start = min([d.start] + [e.span.start for e in d.fix.edits])
    end = max([d.end] + [e.span.end for e in d.fix.edits])
    pieces, at = [], start
    for edit in sorted(d.fix.edits, key=lambda e: e.span.start):
        pieces += [text[at:edit.span.start], edit.text]
        at = edit.span.end
    pieces.append(text[at:end])
    return text[start:end], "".join(pieces)


def build(result, rules, applied: set[int] = frozenset(), group_from: int = GROUP_FROM) -> list[Note]:
    """The comments for one FileResult; ``applied`` are diagnostics shown as revisions.

    A rule with ``group_from`` or more findings gets one comment for all of them (0: never)."""
    by_rule = {r.id: r for r in rules or ()}
    placer = Placer(result)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(result.diagnostics):
        groups[d.rule].append(i)
    notes = []
    for rule, indices in groups.items():
        rule_info = by_rule.get(rule)
        if group_from and len(indices) >= group_from:
            notes.append(_group(result, placer, rule_info, indices, applied))
        else:
            notes.extend(_single(result, rule_info, i, applied) for i in indices)
    return sorted(notes, key=lambda n: (n.start, n.end, n.rule))


def _single(result, rule, i: int, applied: set[int]) -> Note:
    d = result.diagnostics[i]
    start, end, lead = anchor(result, d)
    lines = [f"【{SEVERITY_LABEL[d.severity]}】{lead}{for_reader(d.message)}"]
    fix = suggestion(result.source.text, d)
    if fix is not None:
        state = "（已作为修订标出，可接受或拒绝）" if i in applied else ""
        lines.append(f"建议：“{_visible(fix[0])}”改为“{_visible(fix[1])}”{state}")
    lines.append(_rule_line(d.rule, rule))
    return Note(start, end, tuple(lines), d.rule, (i,))


def _group(result, placer, rule, indices: list[int], applied: set[int]) -> Note:
    first = result.diagnostics[indices[0]]
    where: dict[str, int] = {}
    for i in indices:
        label = placer.at(result.diagnostics[i].start).where
        where[label] = where.get(label, 0) + 1
    listed = [f"{w}（{n}处）" if n > 1 else w for w, n in list(where.items())[:PLACES_LISTED]]
    more = "等" if len(where) > PLACES_LISTED else ""
    lines = [f"【{SEVERITY_LABEL[first.severity]}】{for_reader(first.message)}",
             f"同类问题全文共 {len(indices)} 处，本批注标在第 1 处；各处位置：{'、'.join(listed)}{more}。"]
    shown = sum(1 for i in indices if i in applied)
    if shown:
        lines.append(f"其中 {shown} 处已作为修订标出，可逐条接受或拒绝（审阅 → 接受/拒绝）。")
    lines.append(_rule_line(first.rule, rule))
    return Note(first.start, first.end, tuple(lines), first.rule, tuple(indices))


def _rule_line(rule_id: str, rule) -> str:
    if rule is None:
        return f"规则：{rule_id}"
    source = authority(rule.rationale)
    tail = f"；依据：{source}" if source else ""
    return f"规则：{rule_id}（{rule.title}）{tail}"


def anchor(result, d) -> tuple[int, int, str]:
    """Where the comment sits; a missing part goes on the heading it should follow."""
    info = result.info
    part = info.missing_part_of(d.rule) if info is not None else None
    if part is None:
        return d.start, d.end, ""
    present = {p.part: p for p in info.parts if p.how != "inline"}
    order = [lab.part for lab in info.labels]
    before = [present[p] for p in order[:order.index(part)] if p in present] if part in order else []
    if not before:
        return d.start, d.end, f"（整篇报告的问题，标注在标题上：缺少“{info.label(part, 'label')}”部分，宜作为第一部分。）"
    ref = before[-1]
    index = LineIndex(result.source.text)
    start = index.line_start(ref.line)
    end = start + len(result.source.text[start:].split("\n", 1)[0].rstrip("\r"))
    return start, end, (f"（整篇报告的问题，标注在“{shorten(ref.heading)}”上："
                        f"缺少的“{info.label(part, 'label')}”部分宜接在这一部分之后。）")


def _visible(text: str) -> str:
    return text.replace("\n", "↵").replace("\t", "→") if text.strip() else text.replace(" ", "␣") or "（无）"
