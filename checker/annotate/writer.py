"""Write a FileResult's findings into a copy of the document: comments, and safe fixes as revisions.

For a .docx the package is the original file; for .txt/.md/.pdf it is a .docx made from the text
(textdoc.py). The body is read again with the reader's own walk (sources.docx.read_docx_layout),
so every offset fzlint reported lands on the characters it was read from, and the written copy
is read back once more: when track changes are off its text must equal the original text, or
nothing is returned (an internal error, never a damaged copy).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, replace

from ..diagnostics import Edit
from ..offsets import Span
from ..sources import SourceError
from . import notes as _notes
from . import revisions
from .anchors import W, Anchors, Gap
from .package import Package, PackageError, next_ids
from .textdoc import OffsetShift, docx_text, text_docx

AUTHOR = "fzlint"
_TRACKED = {W + t for t in ("ins", "del", "moveTo", "moveFrom")}


class AnnotateError(Exception):
    """The copy cannot be written; the message is plain Chinese, as the CLI's are."""


@dataclass(frozen=True)
class Annotated:
    """The annotated .docx and what went into it."""

    data: bytes
    comments: int
    revisions: int
    findings: int


def annotate(result, data: bytes | None, rules=(), *, track_fixes: bool = False,
             group_from: int = _notes.GROUP_FROM, now: _dt.datetime | None = None) -> Annotated:
    """The annotated copy of the file ``result`` came from (``data``: its bytes, for a .docx).

    ``rules``: the loaded rules (titles and authorities for the comments); ``group_from``: from
    this many findings of one rule on, they share one comment (0: one comment per finding)."""
    extracted, layout, package, shift = _open(result, data)
    date = (now or _dt.datetime.now(_dt.timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    anchors = Anchors(layout)
    planned = revisions.plan(anchors, [_shifted(d, shift) for d in result.diagnostics]) if track_fixes else {}
    notes = _notes.build(result, rules, applied=set(planned), group_from=group_from)
    anchors.cut({shift(x) for n in notes for x in (n.start, n.end)}
                | {x for edits in planned.values() for e in edits for x in (e.span.start, e.span.end)})
    ids = next_ids(layout.document, package.comments)
    if notes:
        comments = package.comments_root()
        for note in notes:
            _comment(anchors, comments, note, ids.take(), date, shift)
    count = revisions.apply(anchors, [e for i in sorted(planned) for e in planned[i]], ids, date)
    out = package.write(layout.document)
    from ..sources.docx import read_docx

    if not planned and read_docx(out).text != extracted.text:
        raise AnnotateError("内部错误：写入批注后正文发生了变化，已放弃写入。请将文件反馈给 fzlint 维护者。")
    return Annotated(out, len(notes), count, len(result.diagnostics))


def _open(result, data: bytes | None):
    """The body to annotate (read again with the reader's walk), its package and the offset shift."""
    if result.error or result.source is None:
        raise AnnotateError(result.error or "文件未能检查，无法写入批注。")
    from ..sources.docx import read_docx_layout

    text = result.source.text
    docx = result.source.kind == "docx"
    package_data = data if docx else text_docx(text)
    try:
        extracted, layout = read_docx_layout(package_data)
        package = Package(package_data)
    except (SourceError, PackageError) as err:
        raise AnnotateError(str(err)) from None
    if layout.strict:
        raise AnnotateError("这是“Strict Open XML”格式的 .docx，fzlint 不能在其中写入批注。"
                            "请在 Word 中“另存为”普通的“Word 文档(*.docx)”后再试。")
    if extracted.text != (text if docx else docx_text(text)):
        raise AnnotateError("文件内容与检查时读到的不一致（检查后文件可能被修改过），请重新检查后再写入批注。")
    return extracted, layout, package, (lambda x: x) if docx else OffsetShift(text)


def annotated_name(path: str) -> str:
    """报告.docx → 报告（fzlint批注）.docx; a text or PDF report also becomes a .docx."""
    import os

    stem, _ = os.path.splitext(path)
    return f"{stem}（fzlint批注）.docx"


def _shifted(d, shift):
    if d.fix is None:
        return d
    edits = tuple(Edit(Span(shift(e.span.start), shift(e.span.end)), e.text) for e in d.fix.edits)
    return replace(d, fix=replace(d.fix, edits=edits))


def _comment(anchors: Anchors, comments, note, cid: str, date: str, shift) -> None:
    start, end = shift(note.start), shift(note.end)
    begin = anchors.start_gap(start)
    if begin is None:
        return
    finish = begin if end <= start else anchors.end_gap(end)
    mark = comments.makeelement(W + "commentRangeStart", {W + "id": cid})
    close = comments.makeelement(W + "commentRangeEnd", {W + "id": cid})
    begin.insert(mark)
    if finish.how == "after" and finish.node is begin.node and begin.how == "after":
        mark.addnext(close)
    else:
        finish.insert(close)
    _reference(close, cid)
    comments.append(_body(comments, note, cid, date))


def _reference(close, cid: str) -> None:
    """The comment's mark in the text, right after its range end, never inside a revision."""
    run = close.makeelement(W + "r", {})
    run.append(run.makeelement(W + "commentReference", {W + "id": cid}))
    anchor = close
    while anchor.getparent() is not None and anchor.getparent().tag in _TRACKED:
        anchor = anchor.getparent()
    anchor.addnext(run)


def _body(comments, note, cid: str, date: str):
    comment = comments.makeelement(W + "comment", {W + "id": cid, W + "author": AUTHOR, W + "date": date,
                                                   W + "initials": "fz"})
    for k, line in enumerate(note.paragraphs):
        p = comment.makeelement(W + "p", {})
        if k == 0:
            ref = p.makeelement(W + "r", {})
            ref.append(ref.makeelement(W + "annotationRef", {}))
            p.append(ref)
        run = p.makeelement(W + "r", {})
        t = run.makeelement(W + "t", {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
        t.text = line
        run.append(t)
        p.append(run)
        comment.append(p)
    return comment


__all__ = ["annotate", "annotated_name", "Annotated", "AnnotateError", "Gap"]
