"""text/doubling.py: which repeats are doubled words, the cost of a candidate, and jieba's loading."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest

from checker.text.doubling import MAX_CANDIDATES, doublings

COUNTED = re.compile(r"^[一二两三四五六七八九十几][个次年月天步项件户家村批级遍回层人位条份名处所场期届轮趟点道座张本部类种样句篇组]")
TENTATIVE = re.compile(r"^(?:一下|一番|看看?)")


def _found(text: str) -> list[tuple[str, bool]]:
    return [(text[d.start:d.end], d.safe) for d in doublings(text, COUNTED, TENTATIVE, ("学习强国",), ("组织", "领导"))]


@pytest.mark.parametrize("text, expected", [
    ("进一步进一步加强", [("进一步进一步", True)]),
    ("开展法治政府法治政府建设", [("法治政府法治政府", True)]),
    ("法治法治法治法治", [("法治法治法治法治", True)]),  # the shortest period, every copy of the run
    ("开展检查检查组", [("检查检查", False)]),
    ("人民政府政府信息公开", []),
    ("一户一户走访", []),
    ("研究研究一下", []),
    ("组织学习学习强国", []),
    ("社会组织组织开展", []),
    ("认认真真人人常常", []),
])
def test_doublings(text, expected):
    assert _found(text) == expected


def test_a_run_of_copies_is_one_doubling_fixed_to_one_copy():
    (found,) = doublings("进一步进一步进一步加强", COUNTED, TENTATIVE)
    assert (found.start, found.size, found.copies, found.end) == (0, 3, 3, 9)


def test_masked_spans_are_left_alone():
    text = "开展“学法学法”活动"
    assert list(doublings(text, COUNTED, TENTATIVE, masked=((2, 8),))) == []


def test_a_line_of_one_repeated_word_is_judged_a_bounded_number_of_times():
    start = time.perf_counter()
    found = list(doublings("法治" * 500_000, COUNTED, TENTATIVE))
    assert len(found) <= MAX_CANDIDATES
    assert time.perf_counter() - start < 20.0  # hang guard


def test_text_without_a_repeat_does_not_load_jieba():
    code = ("import re; from checker.text.doubling import doublings; "
            "list(doublings('全面推进法治政府建设，认认真真抓落实。', re.compile('^x'), re.compile('^x'))); "
            "import sys; print('jieba' in sys.modules or 'rjieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
