"""Lazy ruleset regexes: anchors never hide a possible match, and pickling keeps only the source."""

from __future__ import annotations

import pickle
import re

import pytest
from hypothesis import given, strategies as st

from checker.text.regexes import LazyRegex, anchors


@pytest.mark.parametrize(
    "pattern, expected",
    [
        ("法制(宣传|教育)", ("法制",)),
        ("十九大|党的十九次全国代表大会", ("十九大", "党的十九次全国代表大会")),
        ("(?<!原)安监局", ("安监局",)),
        ("abc|[xy]z", ("abc", "z")),
        ("ab?c", ("a",)),
        (r"法制\s*宣传", ("法制",)),
        ("a{2}", ("a",)), ("a{0}b", ("b",)),
    ],
)
def test_anchors(pattern, expected):
    assert anchors(pattern) == expected


PATTERNS = ["法制(宣传|教育)", "十九大|十九届", "ab?c", "x*y", "(?:a|b)c", "党政主负责人", r"\d+件", "a|b|c"]


@given(st.sampled_from(PATTERNS), st.text(alphabet="法制宣传教育十九大届abcxy党政主负责人件0123", max_size=30))
def test_a_text_without_anchors_has_no_match(pattern, text):
    lazy = LazyRegex(pattern)
    if not lazy.might_match(text):
        assert re.search(pattern, text) is None


def test_behaves_like_the_compiled_pattern_and_pickles_as_source():
    lazy = LazyRegex("法制(宣传|教育)")
    assert lazy.pattern == "法制(宣传|教育)"
    assert [m.group() for m in lazy.finditer("加强法制宣传和法制教育")] == ["法制宣传", "法制教育"]
    assert lazy.sub(r"法治\1", "法制宣传") == "法治宣传"
    data = pickle.dumps(LazyRegex("法制(宣传|教育)"))
    assert b"_compiled" not in data and pickle.loads(data).search("法制教育")


@pytest.mark.parametrize(
    "pattern, expected",
    [("(?<!原)安监局", ("安监局",)), ("[^法]制度", ("制度",)), ("今年(?!轻)", ("今年",)), ("a{2}", ("a",)),
     ("ab{1,3}cd", ("ab",)), ("[a-z]{2,}abc", ("abc",)), ("(?:a|b)c", ("c",))],
)
def test_anchors_anywhere_at_top_level(pattern, expected):
    assert anchors(pattern) == expected


@given(st.sampled_from(PATTERNS + ["(?<!原)安监局", "[^法]制度", "ab{1,3}cd", "今年(?!轻)", "x+y", r"\s*[x-]\s*y", "[-a]b"]),
       st.text(alphabet="原安监局法制度今年轻abcdxy- ", max_size=30))
def test_anchors_anywhere_never_hide_a_match(pattern, text):
    if not LazyRegex(pattern).might_match(text):
        assert re.search(pattern, text) is None


@pytest.mark.parametrize(
    "pattern, expected",
    [("[·•・]", ("·", "•", "・")), (r"\d{1,2}\s*[·•・]\s*\d{1,2}", ("·", "•", "・")), ("[xy]+z?", ("x", "y")),
     ("abc|[xy]", ("abc", "x", "y")), ("[xy]?", ()), ("[xy]*z", ("z",)), ("[^xy]", ()),
     ("[a-z]", ()), (r"[\d.]", ()), ("[一二三四五六七八九]", ()), ("(?i)abc", ()), ("(?x)a b", ()), ("(?:[xy])", ("x", "y")),
     ("某{2,}", ("某",)), ("[Xx]{2}(?=年)", ("X", "x")), (r"\*{2,}", ("*",)), ("a{0,2}b", ("b",)), ("a{,2}", ()),
     ("a{x}", ()), ("[xy]{1,3}", ("x", "y")),
     (r"www\.", ("www.",)), (r'"[^"]{1,15}"', ('"',)), (r"a\.?b", ("a",)), (r"\d+件", ("件",)),
     ("[—_-]", ("—", "_", "-")), ("[-_]", ("-", "_")), ("[a-c-]", ()), ("[-a-c]", ())],
)
def test_anchors_from_small_required_classes(pattern, expected):
    assert anchors(pattern) == expected


def test_case_insensitive_or_verbose_flags_give_no_anchors():
    assert LazyRegex("abc", re.IGNORECASE).anchors == () and LazyRegex("a b", re.VERBOSE).anchors == ()
    assert LazyRegex("(?i)abc").might_match("ABC")


CLASS_PATTERNS = ["[xy]z", "[xy]+", "a[xy]?b", "[xy]|ab", r"\d[xy]\d", "[xy]{2}", "(?i)ab", "[^x]y", "x[]y]",
                  "a{0,2}b", "a{2,}", "[xy]{1,2}z", "a{,2}b", "ab{0}c",
                  r"a\.?b", r"x\.y", r"\(x\)", r"\bab"]


@given(st.sampled_from(CLASS_PATTERNS), st.text(alphabet="xyzabAB12].() ", max_size=20))
def test_class_anchors_never_hide_a_match(pattern, text):
    if not LazyRegex(pattern).might_match(text):
        assert re.search(pattern, text) is None


@pytest.mark.parametrize(
    "pattern, expected",
    [("^(?:转载自|原文链接)\\s*[：:]?", ("转载自", "原文链接")), ("(?P<w>甲|乙)丙?", ("甲", "乙")),
     ("((?:a|b)c|d)", ("c", "d")), ("(?:a|b)?", ()), ("(?:a|b)*x?", ()), ("(?:a|b){0,2}", ()),
     ("(?=ab)c?", ()), ("(?!a)b?", ()), ("(?<=a)b?", ()), ("(?i:ab)", ()), ("(a|[^b])", ()), ("(?:a|)", ())],
)
def test_anchors_of_a_required_group(pattern, expected):
    """A branch with no literal of its own is anchored by its first required group's anchors."""
    assert anchors(pattern) == expected


@given(st.sampled_from(["^(?:转载|原文)\\s*[：:]?", "(?:a|b)(?:c|x)", "(?P<w>甲|乙)丙?", "((?:a|b)c|d)",
                        "(?:ab|[xy]+)?c?(?:d|a)", "[^a]*(?:xy|b)"]),
       st.text(alphabet="转载原文：:abcdxy甲乙丙 ", max_size=30))
def test_group_anchors_never_hide_a_match(pattern, text):
    if not LazyRegex(pattern).might_match(text):
        assert re.search(pattern, text) is None
