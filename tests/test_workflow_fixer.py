"""The fixer: merging edits, passes until stable, and writing back byte for byte."""

from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.app import fixer
from checker.api import lint_source
from checker.diagnostics import Diagnostic, Edit, Fix, Location, Severity
from checker.offsets import Span
from checker.rules.loader import load
from checker.sources import Source, load_bytes

DATA = Path(__file__).parent / "data"
RULES = load([str(DATA / "fix_rules.yaml")])  # only the test rules: independent of the default ruleset
MARKERS = ["", "", "", "一、", "一.", "二.", "(一)", "（二）", "（一）、", "1、", "2.", "(1)"]
FRAGMENTS = ["推进法制政府建设", "政府,", "，，", "法制政府工作", "制约行政权利", "依法行政", "2023年",
             "12345热线", "，", ",", "（一）", "。", "法治政府", "A,B", "1,234"]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def lint(source: Source) -> list[Diagnostic]:
    return lint_source(source, RULES, strict=True).diagnostics


def _diag(start: int, end: int, text: str, rule: str = "t/x", safe: bool = True, edits=None) -> Diagnostic:
    fix = Fix("x", tuple(edits) if edits else (Edit(Span(start, end), text),), safe)
    return Diagnostic(rule, Severity.INFO, "m", Location(1, 1, 1, 1, start, end), fix)


lines_ = st.lists(st.tuples(st.sampled_from(MARKERS), st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4)),
                  min_size=1, max_size=8)


def _report(lines) -> str:
    body = ["".join((marker, *parts)) for marker, parts in lines]
    return "\n".join(["桑柘镇2023年度法治政府建设情况报告", *body, "责任编辑：张三", "桑柘镇人民政府", "2024年1月20日"]) + "\n"


# ---- merging ---------------------------------------------------------------------------------

edits_ = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6), st.text("xyz\n", max_size=3)), max_size=12)


@given(st.text("abc，。\n", min_size=0, max_size=30), edits_)
@SETTINGS
def test_plan_takes_disjoint_edits_and_leaves_the_rest_alone(text, raw):
    diags = [_diag(s, s + n, t) for s, n, t in raw]
    plan = fixer.plan(diags, len(text))
    spans = [(e.span.start, e.span.end) for e in plan.edits]
    assert spans == sorted(spans)
    for a, b in zip(spans, spans[1:]):
        assert a[1] <= b[0] and a[0] != b[0]
    out = fixer.apply(text, plan.edits)
    at = pos = 0  # every character outside the taken spans is where it was
    for e in plan.edits:
        gap = text[at:e.span.start]
        assert out[pos:pos + len(gap)] == gap
        pos += len(gap) + len(e.text)
        at = e.span.end
    assert out[pos:] == text[at:]
    taken = {e for e in plan.edits}
    for d in diags:
        (edit,) = d.fix.edits
        assert edit in taken or d in plan.skipped or any(e.span == edit.span for e in taken)


def test_a_fix_is_taken_whole_or_not_at_all():
    both = _diag(0, 1, "", edits=[Edit(Span(0, 1), "A"), Edit(Span(5, 6), "B")])
    blocker = _diag(5, 7, "Z")
    plan = fixer.plan([blocker, both], 10)
    assert plan.skipped == (blocker,) and plan.edits == both.fix.edits
    later = _diag(0, 1, "", edits=[Edit(Span(5, 6), "A"), Edit(Span(8, 9), "B")])
    plan = fixer.plan([later, _diag(4, 6, "Z")], 10)
    assert [d.fix for d in plan.skipped] == [later.fix] and [e.text for e in plan.edits] == ["Z"]


def test_same_edit_from_two_rules_is_applied_once():
    plan = fixer.plan([_diag(0, 1, "X", "a/b"), _diag(0, 1, "X", "c/d")], 3)
    assert fixer.apply("abc", plan.edits) == "Xbc" and not plan.skipped


def test_unsafe_fixes_only_on_request_and_malformed_ones_never():
    unsafe, outside = _diag(0, 1, "X", safe=False), _diag(2, 9, "Y")
    assert fixer.plan([unsafe, outside], 3).edits == ()
    assert fixer.plan([unsafe], 3, unsafe=True).edits == unsafe.fix.edits
    assert fixer.plan([outside], 3).skipped == (outside,)


def test_inserted_line_breaks_follow_the_file():
    edits = [Edit(Span(1, 1), "\n"), Edit(Span(2, 3), "x\r\ny")]
    assert fixer.apply("abc", edits, "\r\n") == "a\r\nbx\r\ny"


# ---- passes -----------------------------------------------------------------------------------

@given(lines_)
@SETTINGS
def test_fixing_twice_changes_nothing(lines):
    source = Source("r.txt", "txt", _report(lines))
    first = fixer.fix_source(source, lint)
    second = fixer.fix_source(Source("r.txt", "txt", first.text), lint)
    if not first.remaining:
        assert second.text == first.text and not second.applied


@given(lines_)
@SETTINGS
def test_fixes_touch_only_lines_that_had_a_fix(lines):
    source = Source("r.txt", "txt", _report(lines))
    found = lint(source)
    fixed_lines = {d.line for d in found if fixer.eligible(d)}
    out = fixer.fix_source(source, lint, first=found)
    before, after = source.text.split("\n"), out.text.split("\n")
    assert len(before) == len(after)
    for number, (old, new) in enumerate(zip(before, after), 1):
        if number not in fixed_lines:
            assert old == new


def test_passes_resolve_doubled_marks_and_overlaps():
    source = Source("r.txt", "txt", "推进法制政府工作,，，，，，，，落实。\n制约行政权利。\n责任编辑：张三\n")
    out = fixer.fix_source(source, lint)
    assert out.text == "推进法治政府工作，落实。\n制约行政权利。\n\n"
    assert not out.remaining and out.applied["test/doubled"] >= 3
    unsafe = fixer.fix_source(source, lint, unsafe=True)
    assert "行政权力" in unsafe.text


# ---- bytes on disk ----------------------------------------------------------------------------

@pytest.mark.parametrize("encoding, bom, newline", [("gb18030", False, "\r\n"), ("utf-8", True, "\n"), ("utf-8", True, "\r\n")])
@given(lines=lines_)
@SETTINGS
def test_bytes_round_trip(encoding, bom, newline, lines):
    text = _report(lines).replace("\n", newline)
    raw = (codecs.BOM_UTF8 if bom else b"") + text.encode(encoding)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "报告.txt")
        Path(path).write_bytes(raw)
        found = lint(load_bytes(raw, path, encoding=encoding if not bom else None))
        fixed_lines = {d.line for d in found if fixer.eligible(d)}
        out = fixer.fix_path(path, lint, encoding=encoding if not bom else None)
        if out.changed:
            fixer.write(path, out.data, out.raw)
        after = Path(path).read_bytes()
        assert os.listdir(folder) == ["报告.txt"]
    assert after.startswith(codecs.BOM_UTF8) == bom
    body_before, body_after = raw[len(codecs.BOM_UTF8) if bom else 0:], after[len(codecs.BOM_UTF8) if bom else 0:]
    assert body_after.decode(encoding) == out.text
    old_lines, new_lines = body_before.split(newline.encode()), body_after.split(newline.encode())
    assert len(old_lines) == len(new_lines)
    for number, (old, new) in enumerate(zip(old_lines, new_lines), 1):
        if number not in fixed_lines:
            assert old == new
    if newline == "\r\n":
        assert body_after.count(b"\n") == body_after.count(b"\r\n")


def test_docx_and_pdf_are_not_fixed(tmp_path):
    for name in ("a.docx", "a.pdf"):
        (tmp_path / name).write_bytes(b"x")
        with pytest.raises(fixer.FixError, match="不会自动修复"):
            fixer.fix_path(str(tmp_path / name), lint)


def test_file_that_would_not_read_back_is_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 * 2 + "推进法制政府建设。\n".encode())
    with pytest.raises(fixer.FixError, match="无法原样写回"):
        fixer.fix_path(str(path), lint)


def test_unencodable_fix_is_refused():
    source = Source("a.txt", "txt", "x", encoding="big5")
    assert fixer.encode(source, "法治") == "法治".encode("big5")
    with pytest.raises(fixer.FixError, match="无法用原编码"):
        fixer.encode(source, "这")  # a Simplified-only character has no Big5 code


def test_write_is_atomic_and_keeps_links_and_mode(tmp_path):
    target = tmp_path / "real.txt"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    fixer.write(str(link), b"new", b"old")
    assert link.is_symlink() and target.read_bytes() == b"new"
    assert os.stat(target).st_mode & 0o777 == 0o640
    with pytest.raises(fixer.FixError, match="被其他程序修改"):
        fixer.write(str(target), b"newer", b"old")
    assert target.read_bytes() == b"new" and sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "real.txt"]
