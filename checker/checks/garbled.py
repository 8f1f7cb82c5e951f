"""format/garbled: conversion artifacts and mojibake.

- pinyin a web converter put after characters (政(zhèng)府): normalize.py records them as
  artifacts with original spans; the fix deletes them;
- a Latin letter standing for a character: one letter glued between Chinese characters (法z治,
  人民Z府), or a letter followed by its own reading (Z(zhèng)府). Codes and abbreviations have
  digits or more letters (G318, 5G, LED, APP, QQ) and stay silent; a capital before a word
  like 级 超 类 型 (A级, B超) is a grade, not a lost character;
- U+FFFD replacement characters, and mojibake (analysis/mojibake.py): 锟斤拷 烫烫烫 屯屯屯 (decoder
  debris), UTF-8 read as Latin-1 (Ã¤Â é\\x9b), GBK read as Latin-1 (ÖÐÎÄ), UTF-8 punctuation read as
  GBK (锛 銆 鈥), and the "?" and odd characters of a page decoded with the wrong table (?,F将 ?!陡
  ?。ㄒ唬┕): the punctuation rules leave those marks to this one.

```yaml
check: garbled
params:
  grade_words: "级|超|类|型"
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..diagnostics import Edit, Finding, Fix, Severity
from ..offsets import Span
from .base import Check, Regex
from ..text.chars import HAN

_PINYIN_CHARS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
# The full patterns are compiled (CJK classes cost ~1 ms each) only for a text that has what they
# need: a Latin letter, or one of the characters mojibake is made of. Most reports have neither.
_MAYBE_LETTER = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    reading = re.compile(rf"(?<![A-Za-z0-9])([A-Za-z])[(（]([{_PINYIN_CHARS}]{{1,7}}[1-5]?)[)）](?=[{HAN}])", re.I)
    lone = re.compile(rf"(?<=[{HAN}])([A-Za-z])(?=[{HAN}])")
    return reading, lone


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``garbled`` check (validated by Check.compile)."""

    # a capital letter before these is a grade or a name (A级 B超 X光 T恤 A股 C区 B栋), not a lost character
    grade_words: Regex = re.compile(r"级|超|类|型|光|恤|股|轮|区|栋|座|幢|楼|号|档|卡|证|岗|组|队|版|端|字|点|线|站|值|照|计划|方案|角")
    # e政务 and i深圳 are service names; X镇 and 第N次 are placeholders (term/placeholder's business)
    skip_letters: str = "eiXxN"


class GarbledCheck(Check):
    name = "garbled"
    Params = Params
    messages = {
        "pinyin": ("found",),
        "letter": ("found", "letter"),
        "letter_reading": ("found", "letter", "reading"),
        "mojibake": ("found",),
    }
    fixable = True

    def run(self, view):
        doc, facts = view.doc, view.facts
        for artifact in doc.norm.artifacts:
            if artifact.kind == "pinyin":
                fix = Fix("删除拼音", (Edit(artifact.span, ""),))
                yield Finding(artifact.span, "pinyin", {"found": artifact.text}, fix=fix, original=True)
        original = doc.source.text
        if _MAYBE_LETTER.search(original):
            reading, _ = _patterns()
            for m in reading.finditer(original):
                if m.group(1).lower() == m.group(2)[0].lower():
                    values = {"found": m.group(), "letter": m.group(1), "reading": m.group(2)}  # quoted as the span
                    yield Finding(Span(m.start(), m.end()), "letter_reading", values, original=True)
        if _MAYBE_LETTER.search(doc.text):  # the folded view: a full-width ｚ reads as z
            yield from self._lone_letters(doc, view.analysis.mojibake)
        for span in view.analysis.mojibake:
            shown = original[span.start:span.end][:12].replace("\ufffd", "�")
            yield Finding(span, "mojibake", {"found": shown}, original=True)

    def _lone_letters(self, doc, garbled):
        text = doc.text
        for m in _patterns()[1].finditer(text):
            letter = m.group(1)
            severity = None
            if letter in self.params.skip_letters:
                continue
            at = doc.norm.map.span(Span(m.start(), m.end()))
            if any(s.start < at.end and at.start < s.end for s in garbled):
                continue  # part of a mojibake stretch, reported as that
            if letter.isupper():
                if self.params.grade_words.match(text, m.end()):
                    continue
                severity = Severity.WARNING  # capitals are sometimes names (甲A联赛); lower case never is
            around = doc.norm.map.span(Span(max(m.start() - 2, 0), min(m.end() + 2, len(text))))
            found = doc.source.text[around.start:around.end]  # the context as written, not as folded
            shown = doc.source.text[at.start:at.end] if m.group() == letter else letter  # ｚ as written
            yield Finding(Span(m.start(), m.end()), "letter", {"found": found, "letter": shown}, severity=severity)
