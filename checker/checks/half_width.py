"""format/punctuation-width: half-width , ; : ? ! ( ) " < > . inside Chinese text (GB/T 15834-2011).

Checked on the text as written (the matching view folds these marks). A mark counts when the
nearest non-space character on either side is Chinese; numbers (1,234  10:30  98.2%), URLs,
e-mail addresses and English phrases keep their ASCII marks. ASCII double quotes pair up on a
line ("一站式" → “一站式”); < > are the inner title marks 〈〉 when they enclose Chinese (inside
《…》 or around a title); a "." is a full stop only after a Chinese character, a percent sign or a
closing mark, at the end of the line or before Chinese text (…全部公示. / 达100%.). Brackets of heading markers are left to
structure/heading-style. Lines that format/junk deletes whole (``junk``: the web-furniture lexicon
it reads too: "日期 : 2026-02-03  文章来源 : 县政府办") are left to it: their marks go with them. When a
copy uses half-width marks throughout, the first finding says how many there are, so the terminal
shows one clear line instead of hundreds.

```yaml
check: half_width
params:
  summary_from: 10
  junk: {lexicon: web-furniture}
```
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Edit, Finding, Fix
from ..offsets import Span
from .base import Check
from ..text.chars import is_cjk
from ..text.regexes import LazyRegex
from .junk_line import furniture_of

_MARK = re.compile(r"[,;:?!()]")
_WIDE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", "<": "〈", ">": "〉", ".": "。"}
_QUOTES = "“”‘’"
_NAMES = {",": "逗号", ";": "分号", ":": "冒号", "?": "问号", "!": "叹号", "(": "括号", ")": "括号",
          '"': "引号", "<": "书名号", ">": "书名号", ".": "句号"}
_DOUBLE_QUOTE = re.compile(r'"')
_ANGLE = re.compile(r"<([^<>\n]{1,60})>")
# compiled for a text that holds a "." at all (two classes of ideographs: ~2 ms at every start)
_FULL_STOP = LazyRegex(r"(?<=[\u4e00-\u9fff%％）)”》])\.(?=[ \t]*$|[\u4e00-\u9fff])", re.M)
_URL = re.compile(r"(?:https?|ftp)://[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+|www\.[A-Za-z0-9._~/?#@!$&'()*+,;=%-]+"
                  r"|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``half_width`` check (validated by Check.compile)."""

    summary_from: int = 10  # from this many findings on, the first one carries the total
    junk: tuple[Any, ...] = ()  # format/junk's entries: lines it deletes are not looked at here
    junk_max_chars: int = 40
    compiled: Any = field(default=None, repr=False)


class HalfWidthCheck(Check):
    name = "half_width"
    Params = Params
    messages = {"default": ("mark", "expected"), "many": ("mark", "expected", "count", "breakdown")}
    fixable = True

    @classmethod
    def validate(cls, params: Params) -> None:
        object.__setattr__(params, "compiled", furniture_of(params.junk, params.junk_max_chars, "junk"))

    def run(self, view):
        doc, facts = view.doc, view.facts
        text = doc.source.text
        # ?,F将 (view.analysis.mojibake): a lost character, format/garbled's finding
        skip = _skipped(doc, text, [(s.start, s.end) for s in view.analysis.mojibake])
        hits = [(m.start(), m.group(), _WIDE[m.group()]) for m in _MARK.finditer(text)
                if m.start() not in skip and _in_chinese(text, m.start())]
        hits += [hit for hit in _others(text) if hit[0] not in skip]
        hits.sort()
        if hits and self.params.compiled:
            junk = _Spans(self._junk_lines(doc, text, [at for at, _, _ in hits]))
            hits = [hit for hit in hits if hit[0] not in junk]
        if view.scope != "all":  # e.g. prose: a copied table keeps the form's own brackets
            hits = _within(hits, [doc.norm.map.span(line.span) for line in view.lines])
        summary = len(hits) >= self.params.summary_from
        breakdown = "、".join(f"{name}{n}处" for name, n in Counter(_NAMES[mark] for _, mark, _ in hits).most_common())
        for i, (at, mark, wide) in enumerate(hits):
            fix = Fix(f"改为全角“{wide}”", (Edit(Span(at, at + 1), wide),))
            values = {"mark": mark, "expected": wide, "count": len(hits), "breakdown": breakdown}
            kind = "many" if summary and i == 0 else "default"
            yield Finding(Span(at, at + 1), kind, values, fix=fix, original=True)


    def _junk_lines(self, doc, text: str, marks: list[int]) -> list[tuple[int, int]]:
        """Original spans of the lines format/junk deletes whole, among the lines holding one of
        the ``marks`` (sorted original offsets): a line without a finding needs no asking."""
        furniture, spans, i = self.params.compiled, [], 0
        for line in doc.lines:
            span = doc.norm.map.span(line.span)
            while i < len(marks) and marks[i] < span.start:
                i += 1
            if i == len(marks):
                break
            if marks[i] >= span.end:
                continue
            if furniture.what(text[span.start:span.end].strip()) or furniture.what(line.content):
                spans.append((span.start, span.end))
        return spans


def _others(text: str) -> list[tuple[int, str, str]]:
    """(offset, mark, full-width form) of ASCII quotes, angle brackets and full stops in Chinese text."""
    found = []
    for line_start, line in _lines(text):
        quotes = [m.start() for m in _DOUBLE_QUOTE.finditer(line)]
        if len(quotes) % 2 == 0 and any(_in_chinese(line, q) for q in quotes):
            found += [(line_start + q, '"', "“" if i % 2 == 0 else "”") for i, q in enumerate(quotes)]
        for m in _ANGLE.finditer(line):
            if is_cjk(m.group(1)[:1]) and (is_cjk(m.group(1)[-1:]) or m.group(1)[-1:] in "）)"):
                found += [(line_start + m.start(), "<", "〈"), (line_start + m.end() - 1, ">", "〉")]
    if "." in text:
        found += [(m.start(), ".", "。") for m in _FULL_STOP.finditer(text)]
    return found


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _within(hits: list, spans: list) -> list:
    import bisect

    starts = [s.start for s in spans]
    kept = []
    for hit in hits:  # (offset, mark, full-width form)
        i = bisect.bisect_right(starts, hit[0]) - 1
        if i >= 0 and spans[i].start <= hit[0] < spans[i].end:
            kept.append(hit)
    return kept


def _skipped(doc, text: str, spans: list[tuple[int, int]]) -> "_Spans":
    """Original spans of text whose marks are not prose punctuation: ``spans``, URLs, heading
    markers, pinyin."""
    spans += [(a.span.start, a.span.end) for a in doc.norm.artifacts]  # 政(zhèng)府 is format/garbled's
    if "@" in text or "://" in text or "www." in text:  # what every URL or address holds: a fast test
        spans += [m.span() for m in _URL.finditer(text)]
    spans += [(s.start, s.end) for s in (doc.norm.map.span(h.marker) for h in doc.headings)]
    return _Spans(spans)


class _Spans:
    """Sorted, merged [start, end) spans; ``at in spans`` by bisection. A set of every offset
    took 500 MB for one 7 MB "URL" (a line of ASCII letters)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(s for s in spans if s[0] < s[1]):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def __contains__(self, at: int) -> bool:
        i = bisect.bisect_right(self.starts, at) - 1
        return i >= 0 and at < self.ends[i]


def _in_chinese(text: str, at: int) -> bool:
    """True when the mark sits in Chinese text: a Chinese character or mark is its nearest neighbour.

    Quotes are shared by both languages: on the left they are looked through (“好”, belongs to the
    Chinese sentence), on the right they do not count ("Always!”主题" ends an English phrase).
    """
    ch = text[at]
    left, right = _near(text, at, -1, " \t“”‘’\"'"), _near(text, at, 1, " \t")
    if ch in ",:" and text[at - 1:at].isdigit() and text[at + 1:at + 2].isdigit():
        return False  # 1,234 and 10:30
    return is_cjk(left) or (is_cjk(right) and right not in _QUOTES)


def _near(text: str, at: int, step: int, skip: str) -> str:
    """The nearest character before (step -1) or after (step 1) ``at`` that is not in ``skip``."""
    i = at + step
    while 0 <= i < len(text) and text[i] in skip:
        i += step
    return text[i] if 0 <= i < len(text) and text[i] not in "\r\n" else ""
