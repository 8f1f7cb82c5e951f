"""format/duplicate-text: a word written twice in a row, or a sentence pasted twice in one report.

Two paste slips of one kind (internal consistency):

- **A doubled word** (进一步进一步加强, 法治政府法治政府建设): a word or run of words of 2–8
  ideographs written twice in a row (text/doubling.py says when a repeat is a word). Deleting the
  second copy is the fix, and it is safe. Silent on reduplication and look-alikes: 人人, 常常 and
  认认真真 never repeat a piece of two characters; 一个一个, 一户一户 (a numeral and its measure
  word, ``counted``); 研究研究一下 (tentative speech, ``tentative``; a bare 研究研究 in a report's
  own voice is the colloquial slip a clerk would fix, so it is reported); anything inside quotes
  or 《》 (a slogan or a title is quoted as written); digits and table cells (only ideographs
  count, and cells are apart); 张三、张三 (a list with a name twice is not a doubling).
- **A repeated sentence**: a sentence (ending at 。！？ or ；) of at least ``min_sentence``
  ideographs that occurs again verbatim, whitespace aside. The later copy is reported with the
  first one's line; there is no fix, the clerk decides which to keep. Headings (the same wording
  in 一、 and in the plan part), short formulae and the sentence announcing the parts stay silent.

```yaml
check: duplicate_text
params:
  min_sentence: 15
  counted: "^[一二两三四五六七八九十几][个次年月天步项件户家村批级遍回层人位条份名处所场期届轮趟点道座张本部类种样句篇组]"
  tentative: "^(?:一下|一番|看看?)"
  compounds: [学习强国]
  chains: [组织, 领导]
```
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..diagnostics import Edit, Finding, Fix
from ..offsets import Span
from ..text.doubling import doublings
from ..text.regexes import anchors
from .base import Check, Regex

# Quoted text and titles, each bounded: a slogan or a title keeps its own repetition.
_QUOTED = re.compile(r"“[^“”\n]{1,200}”|‘[^‘’\n]{1,100}’|《[^《》\n]{1,150}》|「[^「」\n]{1,200}」|\"[^\"\n]{1,200}\"")
_NON_HAN = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff]+")
_END = "。！？；!?;"
_TRAIL = _END + " \t\u3000"  # what a unit's comparison text drops at its end


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``duplicate_text`` check (validated by Check.compile)."""

    min_sentence: int = 15  # ideographs a repeated sentence has at least
    counted: Regex = re.compile(r"^[一二两三四五六七八九十几][个次年月天步项件户家村批级遍回层人位条份名处所场期届轮趟点道座张本部类种样句篇组]")
    tentative: Regex = re.compile(r"^(?:一下|一番|看看?)")
    compounds: tuple[str, ...] = ("学习强国",)  # names a doubled word's second copy may begin
    chains: tuple[str, ...] = ("组织", "领导")  # a subject's last word and its verb


class DuplicateTextCheck(Check):
    name = "duplicate_text"
    Params = Params
    messages = {"word": ("word", "doubled"), "word_or_stop": ("word", "doubled"), "sentence": ("line", "sentence")}
    fixable = True
    default_scope = "all"  # a doubled word in the title or the signature is a slip too

    def run(self, view):
        yield from self._words(view)
        yield from self._sentences(view)

    def _words(self, view):
        doc = view.doc
        garbled = view.analysis.mojibake
        for line in view.lines:
            if doc.table_at(line.index) is not None:
                continue
            masked = tuple((m.start(), m.end()) for m in _QUOTED.finditer(line.text))
            for found in doublings(line.text, self.params.counted, self.params.tentative,
                                   self.params.compounds, self.params.chains, masked):
                span = Span(line.start + found.start, line.start + found.end)
                at = doc.norm.map.span(span)
                if any(s.start < at.end and at.start < s.end for s in garbled):
                    continue
                second = Span(span.start + found.size, span.end)  # every copy after the first
                word = line.text[found.start:found.start + found.size]
                fix = Fix(f"删去重复的“{word}”", (Edit(second, ""),), safe=found.safe)
                kind = "word" if found.safe else "word_or_stop"
                yield Finding(span, kind, {"word": word, "doubled": word * found.copies}, fix=fix)

    def _sentences(self, view):
        seen: dict[str, Span] = {}
        for span, key, shown in _units(view, self.params.min_sentence):
            first = seen.setdefault(key, span)
            if first is span:
                continue
            yield Finding(span, "sentence", {"line": _line(view.analysis, first), "sentence": shown},
                          related=(first,))


def _units(view, minimum: int):
    """(view span, comparison key, excerpt) of each long enough sentence or ；-piece outside headings and tables."""
    announces = view.facts.genre.announces_re
    marks = _marks(announces.pattern) if announces is not None else None  # before the regex's scan
    heads = _merged(_heading_ends(view.doc) + _table_spans(view.doc))  # a form repeats its cells' wording
    starts = [start for start, _ in heads]
    for sentence in view.sentences:
        if announces is not None and (marks is None or marks.search(sentence.text)) \
                and announces.search(sentence.text):
            continue
        for at, unit in sentence.units():
            body = unit.rstrip(_TRAIL)
            lead = len(body) - len(body.lstrip())
            body = body.strip()
            if len(body) < minimum or len(_NON_HAN.sub("", body)) < minimum:  # its ideographs, in one string
                continue
            span = sentence.span(at + lead, at + lead + len(body))
            if _in_heading(span.start, heads, starts):
                continue
            yield span, "".join(body.split()), _excerpt(body)  # whitespace aside: split() drops what \s matches


@lru_cache(maxsize=8)
def _marks(pattern: str) -> re.Pattern[str] | None:
    """The anchors of the genre's announcing pattern as one alternation of literals (scanned for in
    C), worked out once per pattern, not per report; None when it has none."""
    found = anchors(pattern)
    return re.compile("|".join(map(re.escape, found))) if found else None


def _heading_ends(doc) -> list[tuple[int, int]]:
    """(start, end) of each heading's own text: its whole line, or a run-in heading up to its title's end."""
    spans = []
    for heading in doc.headings:
        line = doc.lines[heading.line]
        spans.append((line.start, heading.title.end if heading.run_in else line.end))
    return spans


def _table_spans(doc) -> list[tuple[int, int]]:
    return [(doc.lines[t.first_line].start, doc.lines[t.last_line].end) for t in doc.tables
            if 0 <= t.first_line <= t.last_line < len(doc.lines)]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans sorted and joined where they overlap, so one bisection answers "inside?"."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _in_heading(at: int, heads: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``at`` lies in one of the merged ``heads`` (``starts`` their starts): a bisection,
    so a report of many headings and sentences stays linear."""
    i = bisect_right(starts, at) - 1
    return i >= 0 and at < heads[i][1]


def _excerpt(text: str, size: int = 30) -> str:
    return text if len(text) <= size else text[:size] + "……"


def _line(analysis, span: Span) -> int:
    return analysis.line_index.position(analysis.doc.norm.map.start(span.start))[0]
