"""Sentences that report a part without a heading of its own (parts.py decides when to ask).

A sentence names a part by the part's ``inline`` words (not inside a cited 《title》, not after
another duty's words, ``inline_not``: 全面从严治党第一责任人, 研究法治建设存在问题) or by its
``content`` (a principal leader who chairs, studies law, reports on it, heads the group…, in a
sentence, or an item, about the rule of law). A sentence that only announces the parts (the
genre's ``announces``: 本报告包括…四个部分, 现将…报告如下) names none. The part's text is then
every numbered item (up to its next sibling) or paragraph that holds such a sentence.
"""

from __future__ import annotations

import re
from typing import Callable

from ..document.model import Document, Line, Section
from ..offsets import Span
from ..profile.genre import Genre, Part
from ..text.clauses import STATEMENT_ENDS, in_title

_SENTENCE_END = re.compile(f"[{STATEMENT_ENDS}]")
_TITLE_MARKS = re.compile(r"《[^《》]*》")


def sentences_reporting(doc: Document, genre: Genre, part: Part, part_at: Callable[[int], str | None]):
    """(first line, first sentence span, extent) of the sentences reporting ``part``, or None."""
    titles = _headings_by_line(doc)
    hits = [(line, span) for line in doc.body_lines() if part_at(line.start) not in part.never_inside
            for span in _sentences_of(line)
            if says(doc.text[span.start:span.end], part, genre, titles.get(line.index, ""))]
    if not hits:
        return None
    extent = tuple(dict.fromkeys(_item_of(doc, line) for line, _ in hits))
    line, span = hits[0]
    return line, span, extent


def says(sentence: str, part: Part, genre: Genre, heading: str = "") -> bool:
    """The sentence reports the part: its words (not a citation, not another duty) or its content
    (what it is about may be said by the heading of its item: 深化理论学习，推进法治建设 / 局主要
    负责人带头领学…)."""
    if genre.announces_re is not None and genre.announces_re.search(sentence):
        return False  # 本报告包括…四个部分; 现将…第一责任人职责情况报告如下
    if part.inline_re is not None:
        for m in part.inline_re.finditer(sentence):
            if in_title(sentence, m.start()):
                continue  # 《党政主要负责人履行推进法治建设第一责任人职责规定》 is a citation
            if part.inline_not_re is not None and part.inline_not_re.search(clause_before(sentence, m.start())):
                continue  # 全面从严治党第一责任人; 研究法治建设存在问题
            return True
    if part.content_re is not None:
        does, about = part.content_re
        own = _TITLE_MARKS.sub(lambda m: "《" + "□" * (len(m.group()) - 2) + "》", sentence)  # a cited title does nothing
        return bool(does.search(own)) and bool(about.search(sentence) or about.search(heading))
    return False


def clause_before(text: str, at: int) -> str:
    """The words before ``at`` in its clause (after the last ，。；：)."""
    start = max(text.rfind(ch, 0, at) for ch in "，,。；;：:") + 1
    return text[start:at]


def _headings_by_line(doc: Document) -> dict[int, str]:
    """Line index → the title of the innermost numbered section holding it (preamble lines: none)."""
    titles: dict[int, str] = {}

    def visit(section: Section) -> None:
        for line in section.lines:
            titles[line.index] = section.heading.title_text
        for child in section.children:
            visit(child)

    for top in doc.root.children:
        visit(top)
    return titles


def _sentences_of(line: Line) -> list[Span]:
    out, start = [], 0
    text = line.text
    for end in _SENTENCE_END.finditer(text):  # a scan in C: a megabyte line holds no sentence end
        out.append(Span(line.start + start, line.start + end.end()))
        start = end.end()
    if text[start:].strip():
        out.append(Span(line.start + start, line.end))
    return out


def _item_of(doc: Document, line: Line) -> Span:
    """The numbered item (（一）, 1., up to its next sibling) that holds ``line``, or the line itself
    when it sits directly under a part heading or in the preamble."""
    item = None
    for section in doc.sections():
        if section.heading.level >= 2 and section.span.start <= line.start < section.span.end:
            item = section  # sections() walks outer before inner: the last one is the innermost
    return item.span if item is not None else line.span
