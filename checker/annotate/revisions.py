"""Safe fixes as tracked changes (修订): w:del around the old characters, w:ins with the new ones.

The clerk accepts or rejects each in Word or WPS (审阅 → 接受/拒绝). Only a fix marked safe is
offered, and only when every edit stays inside one paragraph's own text, replaces plain text
(w:t) of runs that are the paragraph's own (not in someone else's w:ins, a field, an equation or
mc:AlternateContent; a field result is recomputed by Word) and inserts no line break. Overlapping fixes: the first wins. The inserted
run copies the w:rPr of the text it replaces (or follows), so it looks like its neighbours.
"""

from __future__ import annotations

import copy

from .anchors import W, Anchors

AUTHOR = "fzlint"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_FOREIGN = {W + t for t in ("ins", "moveTo", "del", "moveFrom", "fldSimple")}


def plan(anchors: Anchors, diagnostics) -> dict[int, tuple]:
    """index of a diagnostic → its edits, for the safe fixes that can be shown as revisions."""
    chosen: dict[int, tuple] = {}
    taken: list[tuple[int, int]] = []
    for index, d in enumerate(diagnostics):
        fix = d.fix
        if fix is None or not fix.safe or not fix.edits:
            continue
        spans = [(e.span.start, e.span.end) for e in fix.edits]
        if any(_overlaps(span, other) for span in spans for other in taken):
            continue
        if all(_fits(anchors, e) for e in fix.edits):
            chosen[index] = tuple(fix.edits)
            taken.extend(spans)
    return chosen


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1] or a[0] == a[1] == b[0] or b[0] == b[1] == a[0]


def _fits(anchors: Anchors, edit) -> bool:
    start, end, text = edit.span.start, edit.span.end, edit.text
    p = anchors.paragraph(start)
    if p is None or not (p.body_start <= start <= end <= p.end) or any(ord(c) < 0x20 for c in text):
        return False
    covering = [x for x in p.pieces if x.start < end and start < x.end]
    if start == end:
        covering = [x for x in p.pieces if x.start <= start <= x.end][:1]
    return bool(covering) and all(_plain(anchors, p, x) for x in covering)


def _plain(anchors: Anchors, p, piece) -> bool:
    if piece.element.tag != W + "t" or not anchors.anchorable(p, piece):
        return False
    if piece.element.getparent() in _field_runs(p.element):
        return False  # a field's shown result: Word recomputes it, an edit there would not last
    node = piece.element.getparent()
    while node is not p.element:
        if node.tag in _FOREIGN:
            return False
        node = node.getparent()
    return True


def _field_runs(paragraph) -> set:
    """Runs between a complex field's begin and end marks (w:fldChar), nested fields included."""
    inside, depth = set(), 0
    for run in paragraph.iter(W + "r"):
        for mark in run.iter(W + "fldChar"):
            kind = mark.get(W + "fldCharType")
            depth += 1 if kind == "begin" else -1 if kind == "end" and depth else 0
        if depth:
            inside.add(run)
    return inside


def apply(anchors: Anchors, edits, ids, date: str) -> int:
    """Write the edits (already cut at their ends) as revisions; return how many were written."""
    count = 0
    for edit in edits:
        start, end = edit.span.start, edit.span.end
        runs = _runs(anchors, start, end)
        props = None
        last = None
        for run in runs:
            props = props if props is not None else run.find(W + "rPr")
            last = _delete(run, ids.take(), date)
        if edit.text:
            gap_node, how = (last, "after") if last is not None else _insertion_point(anchors, start)
            props = props if props is not None else gap_node.find(W + "rPr") if gap_node.tag == W + "r" else None
            ins = _insertion(gap_node, edit.text, props, ids.take(), date)
            gap_node.addnext(ins) if how == "after" else gap_node.addprevious(ins)
        count += 1
    return count


def _runs(anchors: Anchors, start: int, end: int) -> list:
    runs: list = []
    for piece in anchors.pieces_between(start, end):
        run = piece.element.getparent()
        if piece.end > piece.start and (not runs or runs[-1] is not run):
            runs.append(run)
    return runs


def _insertion_point(anchors: Anchors, offset: int):
    gap = anchors.start_gap(offset)
    return gap.node, "before" if gap.how == "before" else "after"


def _delete(run, rid: str, date: str):
    for t in run.iter(W + "t"):
        t.tag = W + "delText"
        t.set(_XML_SPACE, "preserve")
    wrapper = run.makeelement(W + "del", {W + "id": rid, W + "author": AUTHOR, W + "date": date})
    run.addprevious(wrapper)
    wrapper.append(run)
    return wrapper


def _insertion(near, text: str, props, rid: str, date: str):
    ins = near.makeelement(W + "ins", {W + "id": rid, W + "author": AUTHOR, W + "date": date})
    run = ins.makeelement(W + "r", {})
    ins.append(run)
    if props is not None:
        run.append(copy.deepcopy(props))
    t = run.makeelement(W + "t", {_XML_SPACE: "preserve"})
    t.text = text
    run.append(t)
    return ins
