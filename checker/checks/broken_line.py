"""format/broken-line: a sentence broken across lines or paragraphs (hard wrap, PDF or web copy).

A line is broken when it ends without closing punctuation and the next filled line carries on the
same sentence. Because a paragraph that merely lacks its final 。 looks the same, the break must
show it (see wraps.py): the line ends in a mark or a word that cannot end a sentence, the next line
starts with punctuation, a particle or a unit, a word, number or bracket pair runs across the
break (会 / 议制度 → 会议), or the line's last mark is a pause and the next line starts inside a
clause (受理、审理、决定工作 / 流程，…). Two more signals come from the document: a line that
continues a broken sentence and again ends open is wrapped too, and in a hard-wrapped copy (runs of
lines of one width) every full-width line without closing punctuation is a wrap. Headings that
stand alone, the title, addressee, signature, list items, table rows and web furniture (来源：…
发布时间：…, a line ending in a watermark: the outline finds them before any line-break logic) are
never the broken part.
PDF text is skipped (its wraps are already joined in the matching view), and so are adjacent lines
of Markdown, where a single line break is a soft wrap by design.

Page furniture (page numbers, running headers: furniture.py) is read through: a sentence cut by a
page break is paired with the first line of the next page, and the join deletes the furniture. A
short line repeated without page numbers may be a header whose numbers are gone or a real label,
so no sentence is ever joined to it or read across it. The message says 下一行 for a hard wrap,
下一段 across a blank line and 下一页 across page furniture.

```yaml
check: broken_line
params:
  skip_kinds: [pdf]
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import Edit, Finding, Fix
from ..offsets import Span
from ..analysis import furniture
from ..analysis import line_breaks as wraps
from ..text.chars import display_width
from .base import Check

_LIST_START = re.compile(r"^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、]|[（(]?[0-9一二三四五六七八九十]{1,2}(?:[）)、]|\.(?!\d))|[\u2460-\u2473]|[-•·*|#>])")
_JOIN = {"default": "把下一行接到本行末尾", "paragraph": "把下一段接到本行末尾",
         "page": "删除中间的页码和页眉，把下一页的续行接到本行末尾"}


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``broken_line`` check (validated by Check.compile)."""

    skip_kinds: tuple[str, ...] = ("pdf",)
    min_chars: int = 8  # shorter lines are labels (附件：, 签发人) rather than wrapped text
    min_wrapped_run: int = 3  # lines of one width that make a text a hard-wrapped copy


class BrokenLineCheck(Check):
    name = "broken_line"
    Params = Params
    messages = {"default": ("end", "start"), "paragraph": ("end", "start"), "page": ("end", "start")}
    fixable = True

    def run(self, view):
        doc, facts = view.doc, view.facts
        if doc.source.kind in self.params.skip_kinds:
            return
        headings = {h.line: h for h in doc.headings}
        pieces = view.analysis.furniture
        through = pieces.certain()
        lines = [line for line in doc.filled_lines() if line.index not in through]
        pairs = [(a, b) for a, b in zip(lines, lines[1:])
                 if not {a.index, b.index} & pieces.labels
                 and self._candidate(doc, headings, a, b, view.analysis.mojibake)]
        body = [line.content for line in lines
                if line.index not in headings and doc.line_kinds.get(line.index) not in wraps.NOT_BODY_KINDS]
        wrap = _wrap_width(body, [a.content for a, _ in pairs], self.params.min_wrapped_run)
        broken = None  # the last pair found broken
        for first, second in pairs:
            if _chained(broken, first) or _broken(first.content, second.content, wrap):
                yield _finding(first, second, through)
                broken = (first, second)

    def _candidate(self, doc, headings, first, second, garbled=()) -> bool:
        kinds = doc.line_kinds
        if kinds.get(first.index) in wraps.NOT_BODY_KINDS or kinds.get(second.index) in wraps.NOT_BODY_KINDS:
            return False
        if second.index in headings:
            return False
        if any(first.start <= r.start and not doc.text[r.end:first.end].strip() for r in doc.residue):
            return False  # "…报告 篇1", "…成效 范文之家 www.x.com": the line ends in web residue
        if _garbled_edge(doc, garbled, first, second):
            return False  # "?。ㄒ唬┕…": mojibake, not the rest of a sentence
        if doc.source.kind == "md" and second.index == first.index + 1:
            return False  # a Markdown soft break: the renderer joins the lines
        text, following = first.content, second.content
        if len(text) < self.params.min_chars or wraps.sentence_ended(text) or _LIST_START.match(following):
            return False
        if wraps.TABLE_ROW.search(text) or wraps.TABLE_ROW.search(following):
            return False
        heading = headings.get(first.index)
        if (heading is not None and not heading.run_in) or wraps.closed(text):
            return wraps.runs_on(text, following)  # a heading or 》 may end a line; a mark cut off may not
        return True


def _garbled_edge(doc, garbled, first, second) -> bool:
    """The break touches mojibake (the last character of ``first`` or the first of ``second``)."""
    if not garbled:
        return False
    edges = (doc.norm.map.span(Span(first.end - 1, first.end)),
             doc.norm.map.span(Span(second.start + len(second.text) - len(second.text.lstrip()), second.end)))
    return any(s.start <= e.start < s.end for s in garbled for e in edges)


def _chained(broken, line) -> bool:
    """``line`` carries on a broken sentence, ends open and is as wide as the line before it: the
    copy was wrapped at that width. A shorter or longer line may be a paragraph that lost its 。."""
    if broken is None or broken[1].index != line.index:
        return False
    return abs(display_width(broken[0].content) - display_width(line.content)) <= 2


def _broken(end: str, start: str, wrap) -> bool:
    if wrap is not None and wrap[0](end) >= wrap[1] - 2:
        return True
    return wraps.strong(end, start) or wraps.weak(end, start)


def _wrap_width(body: list[str], open_lines: list[str], min_run: int):
    """(measure, width) of a hard-wrapped copy, or None for text with one line per paragraph.

    A wrapped copy has ``min_run`` open lines that stop within two columns (or characters) of the
    same width, and hardly any line wider than that; in paragraph-per-line text the few open lines
    scatter and most paragraphs are far wider. Copies are wrapped by columns or by characters:
    the measure that lines up more lines wins.
    """
    best = None
    for measure, least in ((display_width, 40), (len, 20)):  # shorter lines are labels, not a wrap width
        found = _widest_run(body, [measure(text) for text in open_lines], measure, least, min_run)
        if found and (best is None or found[0] > best[0]):
            best = (found[0], measure, found[1])
    return best[1:] if best else None


def _widest_run(body: list[str], sizes: list[int], measure, least: int, min_run: int):
    """(count, width): the widest width that ``min_run`` of ``sizes`` reach within two and at most
    a tenth of ``body`` exceeds."""
    for full in sorted(set(sizes), reverse=True):
        if full < least or sum(measure(text) > full + 2 for text in body) > 0.1 * len(body):
            return None
        count = sum(full - 2 <= size <= full for size in sizes)
        if count >= min_run:
            return count, full
    return None


def _finding(first, second, furniture_lines: set[int]) -> Finding:
    """The break, with a fix that joins the next line (and deletes the page furniture between)."""
    between = range(first.index + 1, second.index)
    kind = "page" if any(i in furniture_lines for i in between) else "paragraph" if between else "default"
    end = first.start + len(first.text.rstrip())
    indent = len(second.text) - len(second.text.lstrip())
    join = Fix(_JOIN[kind], (Edit(Span(end, second.start + indent), ""),), safe=False)
    values = {"end": first.content[-8:], "start": second.content[:8]}
    return Finding(Span(end - 1, end), kind, values, fix=join)
