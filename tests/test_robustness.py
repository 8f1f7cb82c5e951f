"""Never crash: any text or bytes ends in findings or a clear error, never an exception.

Hypothesis feeds the whole pipeline (load → normalise → outline → facts → every default rule)
with report-shaped noise: heading markers of all four levels in both widths, numbers, brackets,
Chinese text and punctuation. Pathological inputs (empty, binary, huge, deeply nested, one very
long line) are checked separately, with a time bound so a quadratic corner shows up as a failure.
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.api import lint_bytes, lint_path, lint_text
from checker.sources import MAX_BYTES, MAX_CHARS

FRAGMENTS = [
    "一、", "二、", "十一、", "（一）", "(二)", "（十）", "1.", "2、", "10.", "（1）", "(2)", "①", "第一部分",
    "一是", "二是", "特此报告。", "主要举措和成效", "存在的不足和原因", "第一责任人", "下一步工作打算",
    "2023年", "2024年1月26日", "二〇二四年一月", "12345", "98.5%", "100%", "12件", "其中", "合计",
    "《", "》", "“", "”", "（", "）", "(", ")", "〔2016〕27号", "【", "】", "12•4", "4.15", "（2021—2025年）",
    "20212025", "，", "。", "、", "；", "：", ",", ";", ":", "?", "!", "……", "——", "·",
    "法治政府建设", "青溪镇人民政府", "县司法局", "政(zhèng)府", "Z府", "锟斤拷", "\ufffd", "\u200b", "\u00a0",
    "來源：", "責任編輯：張三", "- 3 -", "第3页", "5", " ", "\t", "\r\n", "\n", "\n\n", "http://www.a.gov.cn",
]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=60).map("".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(text=TEXT)
def test_any_text_lints(rules, text):
    result = lint_text(text, rules, strict=True)
    assert result.error is None
    for d in result.diagnostics:
        assert 0 <= d.start <= d.end <= len(text)
        assert d.line >= 1 and d.column >= 1 and d.message
        for edit in d.fix.edits if d.fix else ():
            assert 0 <= edit.span.start <= edit.span.end <= len(text)


@FAST
@given(text=TEXT, year=st.one_of(st.none(), st.integers(min_value=1990, max_value=2040)))
def test_any_text_with_a_year_lints(rules, text, year):
    lint_text(text, rules, year=year, strict=True)


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=400), name=st.sampled_from(["a.txt", "a.md", "a.docx", "a.pdf", "a.doc"]))
def test_any_bytes_end_in_a_result_or_an_error(rules, data, name):
    result = lint_bytes(data, name, rules)
    assert result.error is None or (isinstance(result.error, str) and result.error)


@settings(max_examples=60, deadline=None)
@given(text=TEXT, encoding=st.sampled_from(["utf-8", "gb18030", "utf-16", "big5"]))
def test_encoded_text_round_trips(rules, text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    result = lint_bytes(data, "a.txt", rules)
    assert result.error is None or isinstance(result.error, str)


def _timed(fn, limit: float):
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    assert elapsed < limit, f"took {elapsed:.1f}s"
    return result


def test_empty_file(rules, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = lint_path(str(path), rules)
    assert result.error is None or isinstance(result.error, str)


def test_binary_file_is_refused_or_linted(rules, tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 64)
    result = lint_path(str(path), rules)
    assert result.error is None or isinstance(result.error, str)


def test_file_over_the_limit_is_refused_without_reading(rules, tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing is written to disk
    result = _timed(lambda: lint_path(str(path), rules), 2.0)
    assert result.error and "MB" in result.error


def test_one_line_of_100000_brackets(rules):
    for text in ("（" * 100_000, "《" * 50_000 + "）" * 50_000, "”" * 100_000, "(（[【《“" * 20_000):
        result = _timed(lambda: lint_text(text, rules, strict=True), 20.0)
        assert result.error is None


def test_10000_nested_headings(rules):
    markers = ["一、", "（一）", "1.", "（1）", "①"]
    text = "\n".join(f"{markers[i % 5]}加强组织领导" for i in range(10_000))
    result = _timed(lambda: lint_text(text, rules, strict=True), 30.0)
    assert result.error is None


def test_one_line_of_a_megabyte(rules):
    text = "一、主要举措和成效\n" + "全面推进依法行政，" * 115_000 + "\n特此报告。"
    result = _timed(lambda: lint_text(text, rules, strict=True), 30.0)
    assert result.error is None


def test_fifty_megabytes_of_text_is_refused_quickly(rules, tmp_path):
    # Measured before the character limit: 2 min and 7 GB (JSON output) for this file.
    paragraph = "（一）加强组织领导。2023年，青溪镇召开专题会议12次，办结案件98件,满意率100%。\n"
    path = tmp_path / "big.txt"
    path.write_text(paragraph * (50 * 1024 * 1024 // len(paragraph.encode())), encoding="utf-8")
    result = _timed(lambda: lint_path(str(path), rules), 10.0)
    assert result.error and "文本过长" in result.error


def test_report_sized_text_is_not_refused(rules):
    result = lint_bytes(("法治" * 1000 + "\n").encode() * 10, "a.txt", rules)
    assert result.error is None and MAX_CHARS > 20_000


def test_missing_or_broken_reader_is_an_error_not_a_traceback(rules):
    result = lint_bytes(b"PK\x03\x04 not really a docx", "a.docx", rules)
    assert result.error is None or isinstance(result.error, str)


def test_a_missing_dependency_is_named(monkeypatch):
    """A broken install says which package to install, never 内部错误（AttributeError）."""
    import importlib.util

    from checker.api import lint_bytes
    from checker.document import normalize

    from conftest import default_ruleset

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "opencc" else real(name, *a))
    normalize.traditional_table.cache_clear()
    normalize._traditional_only.cache_clear()
    try:
        result = lint_bytes("鶴鳴縣2020年法治政府建設年度報告\n一、主要舉措和成效".encode(), "t.txt", default_ruleset())
    finally:
        normalize.traditional_table.cache_clear()
        normalize._traditional_only.cache_clear()
    assert result.error and "opencc-python-reimplemented" in result.error and "AttributeError" not in result.error
