"""Hostile sizes: every pattern is linear on megabyte lines, per-match scans stay local, Word
numbering is bounded.

The time bounds here are hang guards, far above the real figures (bench/hostile.py prints those):
before the fixes these inputs took minutes or did not finish. Inputs are built in the test.
"""

from __future__ import annotations

import dataclasses
import importlib
import io
import pkgutil
import re
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import checker
from checker.api import lint_bytes, lint_text
from checker.sources import SourceError, load_bytes
from checker.sources.docx_numbering import MAX_START, format_number
from checker.text.regexes import LazyRegex

import hostile_inputs as hi

HANG = 20.0  # seconds: a hang guard, not a benchmark


def _timed(fn, limit: float = HANG):
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    assert elapsed < limit, f"took {elapsed:.1f}s (hang guard {limit}s)"
    return result


# ---- every pattern, on a megabyte of adversarial text ---------------------------------------

def _patterns(rules) -> dict[str, re.Pattern]:
    """Every compiled pattern in the default rules' params and at module level in checker/."""
    found: dict[tuple[str, int], tuple[str, re.Pattern]] = {}
    seen: set[int] = set()

    def walk(obj, where: str) -> None:
        if id(obj) in seen:
            return
        seen.add(id(obj))
        if isinstance(obj, (LazyRegex, re.Pattern)):
            pattern = obj.compiled if isinstance(obj, LazyRegex) else obj
            found.setdefault((pattern.pattern, pattern.flags), (where, pattern))
        elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            for f in dataclasses.fields(obj):
                walk(getattr(obj, f.name), f"{where}.{f.name}")
        elif isinstance(obj, dict):
            for key, value in obj.items():
                walk(value, f"{where}[{key!r}]")
        elif isinstance(obj, (list, tuple, set, frozenset)):
            for i, value in enumerate(obj):
                walk(value, f"{where}[{i}]")

    for rule in rules:
        walk(rule.check.params, rule.id)
    for module in pkgutil.walk_packages(checker.__path__, "checker."):
        if module.name.endswith("__main__"):
            continue
        for name, value in vars(importlib.import_module(module.name)).items():
            walk(value, f"{module.name}.{name}")
    return dict(found.values())


def test_every_pattern_is_linear_on_a_megabyte_line(rules):
    # Before: the URL/e-mail pattern of format/punctuation-width took 8.6 s on 100k letters and
    # 287 s on 400k; digits, spaces and "a@" runs made a dozen more patterns quadratic or worse.
    patterns = _patterns(rules)
    assert len(patterns) > 200  # the walk really reached the rulesets' and modules' patterns
    runs = hi.adversarial_lines(1_000_000 // 37)
    line = "".join(runs.values())  # every run ~29k characters: a quadratic pattern takes seconds
    slow = {}
    for where, pattern in patterns.items():
        start = time.perf_counter()
        for _ in pattern.finditer(line):
            pass
        elapsed = time.perf_counter() - start
        if elapsed > 2.0:  # a linear scan of 1 MB takes milliseconds; this is a hang guard
            slow[where] = round(elapsed, 1)
    assert not slow, slow


# ---- the pipeline on one huge line ------------------------------------------------------------

def test_a_megabyte_line_of_ascii_letters(rules):
    result = _timed(lambda: lint_text("一、主要举措和成效\n" + "A" * 1_000_000, rules))
    assert result.error is None


def test_a_small_docx_holding_one_huge_text_node(rules):
    # Before: a 43 KB .docx with 7 MB of "A" in one w:t ran for more than 300 s.
    data = hi.big_text_node_docx(1_000_000)
    assert len(data) < 10_000
    result = _timed(lambda: lint_bytes(data, "a.docx", rules, strict=True))
    assert result.error is None and len(result.source.text) > 1_000_000


def test_dated_terms_on_one_long_line_are_judged_locally(rules):
    # Before: a find/rfind per match over the whole line: 200k characters took 77 s, 20 MB 159 s.
    terms = "党的十九大、十三五规划、《信访条例》、扫黑除恶专项斗争" * 8_000
    text = "桑柘镇2023年度法治政府建设情况报告\n一、主要举措和成效\n" + terms + "\n"
    result = _timed(lambda: lint_text(text, rules))
    assert sum(d.rule == "term/outdated" for d in result.diagnostics) > 8_000


def test_a_long_sentence_of_rates_and_relative_times(rules):
    # Before: the numeric checks related each figure of the one "sentence" to all the others (20k
    # characters of rates ran for minutes) and term/relative-time each match to all earlier ones.
    unit = "受理案件10件，办结10件，办结率100%，今年以来，去年同期，"
    text = "桑柘镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n" + unit * 1_000 + "\n"
    result = _timed(lambda: lint_text(text, rules))
    assert sum(d.rule == "term/relative-time" for d in result.diagnostics) >= 1_000


RUN_UNITS = sorted(set("".join(hi.adversarial_lines(40).values()))) + ["一、", "（一）", "12件", "办结率100%", "今年", "党的十九大", "《", "》", "http://", "a@b.cn"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(runs=st.lists(st.tuples(st.sampled_from(RUN_UNITS), st.integers(1, 3000)), min_size=1, max_size=12))
def test_long_runs_of_anything_lint_in_bounded_time(rules, runs):
    # Mixtures of runs are what made patterns and per-match scans super-linear; each example is
    # up to some 100k characters on one line, which took minutes before the fixes.
    text = "桑柘镇2023年度法治政府建设情况报告\n" + "".join(unit * count for unit, count in runs)[:100_000] + "\n"
    result = _timed(lambda: lint_text(text, rules))
    assert result.error is None


# ---- Word numbering -------------------------------------------------------------------------

@pytest.mark.parametrize("start", [10**8, 10**10, -(10**9)])
def test_numbering_from_an_absurd_start_is_refused_early(start):
    # Before: start=10^8 in upper letters ran for more than 300 s; 10^10 reached 4.4 GB.
    data = hi.numbered_docx(20, start)
    with pytest.raises(SourceError, match="起始值异常"):
        _timed(lambda: load_bytes(data, "a.docx"), 5.0)


def test_numbering_at_the_limit_and_long_lists_stay_small():
    source = load_bytes(hi.numbered_docx(300, MAX_START), "a.docx")
    assert source.text.splitlines()[1].startswith(f"{MAX_START}.")  # letters that far: a decimal number
    assert max(len(line) for line in source.text.splitlines()) < 40
    assert format_number(26 * 10, "upperLetter") == "Z" * 10
    assert format_number(26 * 10 + 1, "upperLetter") == "261"  # no marker of thousands of letters


def test_a_docx_body_is_read_element_by_element():
    # Before: 200k numbered paragraphs were a 300 MB lxml tree before the first line was read.
    from checker.sources.xml_stream import body_children

    xml = zipfile.ZipFile(io.BytesIO(hi.numbered_docx(50))).read("word/document.xml")
    seen = 0
    for element in body_children(xml, "DOCTYPE"):
        seen += 1
        assert element.getparent().index(element) <= 1  # earlier siblings are freed (the last one cleared)
    assert seen == 51


def test_json_findings_are_made_one_at_a_time(rules, monkeypatch):
    # Before: 100k headings (95k findings) peaked at 899 MB while the JSON was built as one string.
    from checker.reporters import json as json_reporter
    from checker.results import RunResult

    result = lint_text("\n".join(f"一、加强{i}" for i in range(300)) + "\n", rules)
    made = []
    original = json_reporter.diagnostic_record
    monkeypatch.setattr(json_reporter, "diagnostic_record", lambda d, index=None: made.append(d) or original(d, index))
    pieces = json_reporter.chunks(RunResult((result,)))
    text = ""
    while '"rule"' not in text:
        text += next(pieces)
    assert len(result.diagnostics) > 100 and len(made) <= 2


def test_many_numbered_paragraphs(rules):
    data = hi.numbered_docx(5_000, fmt="decimal")
    result = _timed(lambda: lint_bytes(data, "a.docx", rules, strict=True))
    assert result.error is None and "5000." in result.source.text
