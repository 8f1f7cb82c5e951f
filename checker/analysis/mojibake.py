"""Mojibake: text a wrong decoding left behind, found once for every rule that reads marks.

format/garbled reports these spans; format/punctuation-width, format/punctuation-repeated and
format/bracket-unbalanced leave the marks inside them alone, since "?,F将有关情况报告如下" is a
lost character, not a half-width question mark, and a "改为？" fix would garble it further.

- decoder debris: U+FFFD, 锟斤拷, 烫烫烫, 屯屯屯; UTF-8 read as Latin-1 (Ã¤Â), GBK read as Latin-1
  (ÖÐÎÄ), UTF-8 punctuation read as GBK (锛 銆 鈥);
- GBK text shown through a Big5 or other page (the "?" a decoder writes for a byte it cannot
  map): an ASCII "?" glued to a point mark or a Latin letter (?,F ?! Ｈ?), right before a closing
  mark (僖?》), or ?。 inside a line; and the characters such pages are made of, which no
  mainland report uses: bopomofo (ㄒ), box drawing (┕), a caron vowel outside a pinyin syllable
  (捶ǔ绦; fǔ is pinyin, format/garbled's other finding), full-width
  capitals between Chinese characters. Odd characters a few characters apart are one span.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..offsets import Span
from ..text.regexes import LazyRegex

_MAYBE = re.compile("[\ufffd锟烫屯锛銆鈥\u0080-\u00ff?\u3100-\u312f\u2500-\u257f\u01cd-\u01dc]")
# The rest is read only in a text _MAYBE finds something in (few reports): compiled on first use.
_HAN = LazyRegex(r"[\u4e00-\u9fff]")
_ODD = LazyRegex(r"[\u3100-\u312f\u2500-\u257f]|(?<![A-Za-z])[\u01cd-\u01dc](?![A-Za-z])|(?<=[\u4e00-\u9fff])[Ａ-Ｚ](?=[\u4e00-\u9fff?])")
_QUESTION = LazyRegex(
    r"\?[,!.;:](?:[A-Za-z](?![A-Za-z]))?"  # ?,F  ?!
    r"|(?<=[A-Za-zＡ-Ｚａ-ｚ])\?(?=[\u4e00-\u9fff])"  # Ｈ?年
    r"|(?<=[\u4e00-\u9fff])\?(?=[》）”])"  # 僖?》
    r"|\?。(?=[^\s])"  # ?。ㄒ…
    r"|\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)\|?"  # 推動?xùn)|莞: a character lost with half its reading
)
# a lone capital between Chinese characters counts only beside a ? piece (?!毒V要》), never alone (甲A联赛)
_WEAK = LazyRegex(r"(?<=[\u4e00-\u9fff])[A-Z](?=[\u4e00-\u9fff])")
_CLUSTER_GAP = 4


@lru_cache(maxsize=1)
def _debris() -> re.Pattern:
    return re.compile(
        r"\ufffd+|(?:锟斤拷)+|烫{3,}|屯{3,}|(?:[锛銆鈥][^\n]{0,2}){3,}"
        r"|(?:[\u00c2-\u00d6\u00d8-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]{1,3}){2,}"
        r"|[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0080-\u009f]{4,}"
    )


@lru_cache(maxsize=1)
def _only_latin_probes() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """What must occur besides Latin-1 characters for any piece to be found: a mark of the strong
    kinds, two Latin-1 letters (debris is two or more), or a full-width capital (the only odd piece
    without one of the marks)."""
    return (re.compile("[\ufffd锟烫屯锛銆鈥?\u3100-\u312f\u2500-\u257f\u01cd-\u01dc]"),
            re.compile("[\u0080-\u009f\u00c0-\u00ff]"), re.compile("[Ａ-Ｚ]"))


def find(text: str) -> tuple[Span, ...]:
    """Mojibake spans of the original text, in order, not overlapping."""
    if not _MAYBE.search(text):
        return ()
    strong, latin, capital = _only_latin_probes()
    if not strong.search(text) and len(latin.findall(text)) < 2 and not capital.search(text):
        return ()  # a lone · or ×: nothing below can match, so nothing below is compiled
    spans = [Span(m.start(), m.end()) for m in _debris().finditer(text)]
    odd = [Span(m.start(), m.end()) for pattern in (_QUESTION, _ODD) for m in pattern.finditer(text)
           if _near_han(text, m.start(), m.end())]
    clusters = _clusters(odd, text)
    weak = [Span(m.start(), m.end()) for m in _WEAK.finditer(text)
            if any(abs(m.start() - c.end) <= _CLUSTER_GAP or abs(c.start - m.end()) <= _CLUSTER_GAP for c in clusters)]
    return tuple(_merge(spans + _clusters(odd + weak, text)))


def _near_han(text: str, start: int, end: int) -> bool:
    """Chinese within a few characters (a pinyin reading may stand between: 區(qū))?,F)."""
    return bool(_HAN.search(text[max(0, start - 6):end + 6]))


def _clusters(spans: list[Span], text: str) -> list[Span]:
    """Odd pieces a few characters apart on one line are one garbled stretch."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if out and span.start - out[-1].end <= _CLUSTER_GAP and "\n" not in text[out[-1].end:span.start]:
            out[-1] = Span(out[-1].start, max(out[-1].end, span.end))
        else:
            out.append(span)
    return out


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if out and span.start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, span.end))
        else:
            out.append(span)
    return out


def covers(spans: tuple[Span, ...], start: int, end: int | None = None) -> bool:
    """True when [start, end) overlaps one of the (sorted) spans."""
    end = start + 1 if end is None else end
    return any(s.start < end and start < s.end for s in spans)
