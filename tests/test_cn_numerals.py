"""text/cn_numerals.py: the one reader and writer of the small Chinese numerals."""

from __future__ import annotations

import pytest

from checker.document.heading_lines import parse_heading
from checker.document.model import Line
from checker.text.cn_numerals import by_digit, counting, small, year_digits
from checker.text.dates import parse_date


@pytest.mark.parametrize("numeral, value", [
    ("五", 5), ("十", 10), ("十二", 12), ("二十", 20), ("二十一", 21), ("九十九", 99), ("〇", 0), ("零", 0),
])
def test_small_reads_what_headings_and_dates_write(numeral, value):
    assert small(numeral) == value


@pytest.mark.parametrize("numeral", ["一二", "十十", "二十十", "十二三", "百", ""])
def test_small_refuses_what_nobody_writes(numeral):
    assert small(numeral) is None


def test_a_numeral_with_two_tens_is_no_heading_number():
    # Before one reader served both, the outline read "十二三、" as heading 10 and the date reader
    # read "十十" as -89; both now agree that it is no number.
    assert parse_heading(Line(0, 0, 8, "十二三、工作情况")) is None
    assert parse_heading(Line(0, 0, 7, "十二、工作情况")).number == 12
    assert parse_date("2023年十十月5日").month is None


@pytest.mark.parametrize("n, text", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九"),
                                     (101, "一百零一"), (1010, "一千零一十")])
def test_counting(n, text):
    assert counting(n) == text


def test_digit_by_digit_both_ways():
    assert by_digit(2023) == "二〇二三" and year_digits("二〇二三") == 2023 and year_digits("二ＯＯ九") == 2009
