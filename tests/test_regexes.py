"""Lazy ruleset regexes: anchors never hide a possible match, and pickling keeps only the source."""

from __future__ import annotations

import pickle
import re

import pytest
from hypothesis import given, strategies as st

from checker.regexes import LazyRegex, anchors


@pytest.mark.parametrize(
    "pattern, expected",
    [
        ("法制(宣传|教育)", ("法制",)),
        ("十九大|党的十九次全国代表大会", ("十九大", "党的十九次全国代表大会")),
        ("(?<!原)安监局", ("安监局",)),
        ("abc|[xy]z", ("abc", "z")),
        ("ab?c", ("a",)),
        (r"法制\s*宣传", ("法制",)),
        ("a{2}", ()),
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
    [("(?<!原)安监局", ("安监局",)), ("[^法]制度", ("制度",)), ("今年(?!轻)", ("今年",)), ("a{2}", ()),
     ("ab{1,3}cd", ("cd",)), ("[a-z]{2,}abc", ("abc",)), ("(?:a|b)c", ("c",))],
)
def test_anchors_anywhere_at_top_level(pattern, expected):
    assert anchors(pattern) == expected


@given(st.sampled_from(PATTERNS + ["(?<!原)安监局", "[^法]制度", "ab{1,3}cd", "今年(?!轻)", "x+y"]),
       st.text(alphabet="原安监局法制度今年轻abcdxy", max_size=30))
def test_anchors_anywhere_never_hide_a_match(pattern, text):
    if not LazyRegex(pattern).might_match(text):
        assert re.search(pattern, text) is None
