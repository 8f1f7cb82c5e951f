"""Scans that skip what cannot match find exactly what the plain scan finds.

Speed work (issue 15) replaced a few whole-text scans with cheaper ones: a regex tried only where
a match can begin, a test for a character every match holds. Each is compared here with the scan
it replaces, on texts built from the characters those shortcuts look for.
"""

from __future__ import annotations

import re
from functools import lru_cache

from hypothesis import given, settings, strategies as st

from checker.analysis import sentences, statements
from checker.analysis.vocabulary import numeric_words
from checker.rules.loader import load
from checker.text import numbers

@lru_cache(maxsize=1)
def _words():
    return numeric_words(load().lexicons)


_BODIES = ["人民政府", "党委", "党工委", "办事处", "司法所", "派出所", "综合行政执法队", "执法大队", "党政办",
           "便民服务中心", "局", "中心", "委员会", "镇", "乡", "街道", "县", "区", "市", "某", "河", "，", "1",
           "政", "府", "所", "委", "会", "执法"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_BODIES), max_size=14), st.integers(0, 60))
def test_actor_is_the_last_match_before_the_figure(words, at):
    text = "".join(words)
    at = min(at, len(text))
    last = None
    for m in statements._ACTOR.finditer(text, 0, at):
        last = m.group()
    assert statements._actor(text, at) == last


_QUANTITY_BITS = ["约", "近", "将近", "超过", "不足", " ", "\t", "\u3000", "3", "12", "1,200", "0.5", "一", "三十",
                  "两", "百", "万", "件", "人", "次", "%", "余", "多", "以上", "-", "至", "第", "年", "，", "人民",
                  "《办法》", "“12·4”", "12345热线", "二、", "（1）", "五个一", "百分之九十"]


@settings(max_examples=400, deadline=None)  # the first example loads the ruleset
@given(st.lists(st.sampled_from(_QUANTITY_BITS), max_size=16))
def test_quantity_matches_are_finditers(bits):
    reader = _words().reader
    text = "".join(bits)
    expected = [(m.span(), m.groupdict()) for m in reader.pattern.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in numbers._matches(reader.pattern, reader._starts, text)] == expected


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["“", "”", "《", "》", "号", "第", "〔2021〕", "3", "12", ".", "．", "、", ")", "）",
                                 "（", "个", "项", "意识", "八项规定", "两个责任", "四", "\n", "0571-88886666"]), max_size=14))
def test_masks_skipped_by_their_characters_mask_nothing(bits):
    text = "".join(bits)
    plain = bytearray(len(text))
    for rx, _ in numbers._MASKS:
        for m in rx.finditer(text):
            plain[m.start():m.end()] = b"\1" * (m.end() - m.start())
    assert numbers._mask(text) == plain


@given(st.text(alphabet="ab 　\t|｜x", max_size=20))
def test_table_rows_need_a_gap_character(text):
    assert sentences._table_row(text) == (sentences._TABLE_ROW.search(text) is not None)


def test_every_time_and_total_word_holds_what_normal_tests_for():
    # _normal substitutes only when 年/截至 (time words) or 共/计 (total words) occur
    for word in ["全年", "本年度", "截至底", "截至2023年底", "2023年度以来", "年底前", "年初以来", "一年来"]:
        assert statements._TIME.fullmatch(word) and ("年" in word or "截至" in word)
    for word in re.findall(r"[^|]+", statements._TOTAL.pattern):
        assert "共" in word or "计" in word


@given(st.text(alphabet="政府(（)）zhèng15,:09 \u200b\ufeff\u00ad\n", max_size=30))
def test_normalize_patterns_match_what_their_lookbehind_first_forms_match(text):
    from checker.document import normalize

    pinyin = re.compile(r"(?<=[\u4e00-\u9fff])[(（]([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[1-5]?)[)）]")
    comma = re.compile(r"(?<![0-9])[,:]|[,:](?![0-9])")
    assert [m.span(1) for m in normalize._PINYIN.finditer(text)] == [m.span(1) for m in pinyin.finditer(text)]
    assert [m.span() for m in normalize._COMMA_COLON.finditer(text)] == [m.span() for m in comma.finditer(text)]
    assert any(ch in text for ch in normalize._ZERO_WIDTH_CHARS) == bool(normalize._ZERO_WIDTH.search(text))


@settings(deadline=None)
@given(st.text(alphabet="其中分别为是有包括含内共计合累总数量全年公一同统设3二，", max_size=12))
def test_breakdown_marks_are_in_every_marker_and_total_match(text):
    words = _words()
    if words.marker_re.search(text) or words.total_re.search(text):
        assert words.breakdown_marks is None or words.breakdown_marks.search(text)


@settings(deadline=None)
@given(st.text(alphabet="政府法治後摺發國與&#;0123456789堃•—\u3000a\U00020000", max_size=20))
def test_maybe_traditional_never_misses_a_table_character(text):
    from checker.document import normalize

    if not normalize._traditional_only().isdisjoint(text):
        assert normalize._maybe_traditional(text)


@given(st.text(alphabet="截至1234月底末份一二三四季度上下半年前-，的", max_size=12))
def test_every_period_holds_a_month_a_quarter_or_a_half_year(text):
    if statements._PERIOD.search(text):
        assert "月" in text or "季度" in text or "半年" in text
