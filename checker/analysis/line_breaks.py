"""Signals that a line break falls inside a sentence (format/broken-line).

A line that ends without closing punctuation is either wrapped or a paragraph that merely lost its
final 。; only the text on both sides of the break can tell them apart. ``strong`` signals are
enough alone: the sentence visibly runs on (an open mark at the end, punctuation or a particle at
the start of the next line, a word, a number or a bracket pair cut in two). ``weak`` signals need
the line itself to be visibly unfinished (its last mark is ，、；) and the next line to start with a
piece of a clause rather than a sentence (a bare noun before a comma, the rest of an enumeration;
a longer noun phrase when the line stops on a verb: 稳步推进 / 水土保持领域依法行政工作，…). A line
that opens with a generic head noun and a mark (工作，全年… after …法治政府建设) is the rest of a
noun phrase cut off across the break, whatever the line before ends with.
"""

from __future__ import annotations

import re

from ..text.chars import is_han
from ..text.regexes import LazyRegex

# Lines that are no running text, for the checks that read where a paragraph ends (broken-line,
# missing-terminal): the outline's layout kinds, and a row of a table typed with tabs or spaces.
NOT_BODY_KINDS = ("title", "header", "addressee", "closing", "signature", "trailer", "furniture")
TABLE_ROW = re.compile(r"\S(?:\t|[ \u3000]{2,})\S")
_ENDS = set("。！？；：…”’）》」』】〕.!?;:)\"'—")
_TERMINAL = set("。！？!?")
_OPEN_ENDS = set("，、《“（【〔‘「『,(")
_PAUSES = set("，、；")
_FUNCTION_ENDS = set("的和与及或在对把将被从向以于并而且但因之其")
_STARTS_WITH_MARK = re.compile(r"^[，。、；：？！）》”’」』】〕…]")
_MARK = re.compile(r"[，。、；：？！,;:?!]")
# Particles and suffixes that never open a sentence when they stand alone as the first word.
_BOUND_STARTS = set("的了着们等之地得过化性率者")
_UNITS = set("件个项次名人家份条场户万亿元千百余多%‰卷所期批宗起处台辆吨亩平米年月日号")
# A short clause before the first comma may open a sentence when it is about time, place or
# discourse (会上，综上，年底，近年来，2023年，实践证明，): such clauses end in one of these
# characters, or start with a preposition (经研究，据了解，).
_ADVERBIAL_ENDS = set("上中下内外来后前时此看言述明示年月日度期季间初底末")
_PREPOSITION_STARTS = set("经据依按从在对自随就")
_NOUN_TAGS = ("n", "vn")
_CLAUSE_FINAL = {"及时", "等等"}  # tagged as conjunctions, yet a clause may end on them (整改不及时)
# A count that completes a clause: 12件， 95.91%。 6000余份、 (not 2023年， or 12月，, which open one).
_COUNT_START = LazyRegex(r"^\d+(?:\.\d+)?[万亿]?[余多]?(?:[%‰]|人次|场次|户次|[件个项次名人家份条场户元卷所批宗起处台辆吨亩])[，。、；）]")
_LONE_HEAD = LazyRegex(r"^([\u4e00-\u9fff])，")
_LOCATIVE = {"内", "时"}
# Head nouns that never open a sentence followed by a mark: the tail of a phrase cut at the break.
_HEAD_NOUN_START = re.compile(r"^(?:工作|建设|问题|情况|方面|机制|制度|体系|能力|水平|意识|任务|职责|责任|活动|领域|事项|环节|格局|氛围|力度|效能|质效|工程|项目)[，、；]")  # tagged as nouns, yet they close 在…内, 在…时 like the f-tagged 中 上 下 以来
_PAIRS = {"《": "》", "“": "”", "（": "）", "【": "】", "〔": "〕", "‘": "’", "「": "」", "『": "』"}


def sentence_ended(text: str) -> bool:
    """True when ``text`` ends its sentence, even behind a stray mark left by an edit (审核。、)."""
    tail = len(text) - len(text.rstrip("，、；：。！？,;:!?"))
    return any(ch in _TERMINAL for ch in text[len(text) - tail:])


def closed(text: str) -> bool:
    """True when ``text`` ends in a mark that may close a line: 。 ； ： or a closing quote or bracket."""
    return text[-1] in _ENDS


def runs_on(end: str, start: str) -> bool:
    """Signals that hold even after a heading or a closing mark: an open mark ends the line, a
    pause or closing mark starts the next, or a bracket or quote pair is cut in two."""
    return end[-1] in _OPEN_ENDS or _STARTS_WITH_MARK.match(start) is not None or _closes_open_pair(end, start)


def strong(end: str, start: str) -> bool:
    if runs_on(end, start):
        return True
    if end[-1].isdigit():
        return start[0].isdigit() or start[0] in _UNITS
    if not is_han(end[-1]):
        return False
    if _COUNT_START.match(start):
        return True  # 受理行政复议案件 / 12件，…: a count finishes the clause
    if not is_han(start[0]):
        return False
    if _dangling_word(end) or _bound_start(start) or _lone_head(start) or _open_adverbial(end):
        return True
    if _HEAD_NOUN_START.match(start):
        return True  # …高度重视法治政府建设 / 工作，全年…
    return _word_across(end, start)


def weak(end: str, start: str) -> bool:
    """The line's last mark is a pause and the next line starts inside a clause."""
    marks = _MARK.findall(end)
    if not marks or marks[-1] not in _PAUSES or not is_han(start[0]):
        return False
    if marks[-1] == "、" and _continues_enumeration(start):
        return True
    return _fragment_head(start) or (_ends_on_verb(end) and _fragment_head(start, 14))


def _ends_on_verb(end: str) -> bool:
    tokens = _words(_han_tail(end))
    return bool(tokens) and _tag(tokens[-1]) == "v"


def _closes_open_pair(end: str, start: str) -> bool:
    """A bracket or quote left open at the end of the line is closed at the start of the next."""
    return any(_depth(end, a, b) > 0 and _depth(start, a, b) < 0 for a, b in _PAIRS.items())


def _depth(text: str, opener: str, closer: str) -> int:
    """Net openings, or the most negative depth reached when a closer comes first."""
    depth = lowest = 0
    for ch in text:
        depth += (ch == opener) - (ch == closer)
        lowest = min(lowest, depth)
    return lowest if lowest < 0 else depth


def _bound_start(start: str) -> bool:
    head = _han_head(start)
    return bool(head) and _first_word(head) in _BOUND_STARTS


def _continues_enumeration(start: str) -> bool:
    """The next line finishes a 、 list: its last item, then 等 (安全 / 生产等工作)."""
    tokens = _words(_han_head(start, 8))
    return len(tokens) >= 2 and tokens[1] in ("等", "等等")


def _fragment_head(start: str, limit: int = 8) -> bool:
    """The next line opens with a bare noun phrase and a comma (流程，设立…): no sentence starts so.

    A short clause may open a sentence when it says when, where or how (2023年，会上，综上，同时，
    近年来，): those carry a digit, end in a time or place character, or are no noun.
    """
    match = re.match(rf"([^，、；：。？！]{{1,{limit}}})，", start)
    if not match or not all(is_han(ch) for ch in match.group(1)):
        return False
    head = match.group(1)
    if head[-1] in _ADVERBIAL_ENDS or head[0] in _PREPOSITION_STARTS:
        return False
    return all(_tag(token).startswith(_NOUN_TAGS) for token in _words(head))


def _lone_head(start: str) -> bool:
    """One content character before a comma (述 / 法，…): the tail of a word, since no sentence
    opens on a lone noun or verb. Numerals, pronouns, adverbs and conjunctions (另，但，) may."""
    match = _LONE_HEAD.match(start)
    if not match or match.group(1) in "一二三四五六七八九十是":
        return False
    return _tag(match.group(1)).startswith(("n", "v", "j", "g"))


def _open_adverbial(end: str) -> bool:
    """The line's last clause is only a place or time adverbial (并于12月在…评议中, 在全县范围内):
    it opens with a preposition, has no verb before its last one and ends on a locative, so the
    verb it belongs to is on the next line. 落实在工作中 (a verb first) is a whole clause."""
    clause = _MARK.split(end)[-1]
    tokens = _words(clause)
    while tokens and _tag(tokens[0]) in ("c", "d"):
        tokens = tokens[1:]
    if len(tokens) < 3 or _tag(tokens[0]) != "p":
        return False
    if not (_tag(tokens[-1]) == "f" or tokens[-1] in _LOCATIVE):
        return False
    last_p = max(i for i, token in enumerate(tokens) if _tag(token) == "p")
    return not any(_tag(token).startswith(("v", "a")) for token in tokens[:last_p])


def _dangling_word(end: str) -> bool:
    """The line stops on a function word (的 / 和 / 按照 / 以及), which needs something after it.

    Judged on the last word, not the last character: 参与 存在 原因 end in 与 在 因 and are whole.
    """
    tokens = _words(_han_tail(end))
    if not tokens:
        return False
    last = tokens[-1]
    if len(last) == 1:
        return last in _FUNCTION_ENDS
    return last not in _CLAUSE_FINAL and _tag(last) in ("p", "c")


def _tag(word: str) -> str:
    from ..text.segment import dictionary_tag

    return dictionary_tag(word) or ""


def _word_across(end: str, start: str) -> bool:
    """True when a dictionary word covers the last character of ``end`` and the first of ``start``."""
    left, right = _han_tail(end), _han_head(start)
    at = 0
    for token in _words(left + right):
        if at < len(left) < at + len(token) and len(token) >= 2:
            return True
        at += len(token)
    return False


def _first_word(text: str) -> str:
    tokens = _words(text)
    return tokens[0] if tokens else ""


def _words(text: str) -> list[str]:
    from ..text.segment import words

    return words(text) if text else []


def _han_tail(text: str, size: int = 6) -> str:
    tail = ""
    for ch in reversed(text):
        if not is_han(ch) or len(tail) >= size:
            break
        tail = ch + tail
    return tail


def _han_head(text: str, size: int = 6) -> str:
    head = ""
    for ch in text:
        if not is_han(ch) or len(head) >= size:
            break
        head += ch
    return head
