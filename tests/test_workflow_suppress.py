"""Suppression comments, the unused-suppression rule, and per-file-ignores from the config."""

from __future__ import annotations

import json

import pytest

from checker.api import lint_text
from checker.rules.suppress import directives

REPORT = """桑柘镇人民政府关于2023年度法治政府建设情况的报告

县人民政府：
2023年，桑柘镇在县委、县政府的领导下，扎实推进法治政府建设。现将有关情况报告如下。
一.2023年度推进法治政府建设的主要举措和成效
(一)加强组织领导。镇党委召开专题会议4次，研究法治政府建设工作。
（二）规范行政执法。全年办理行政执法案件12件。
二、党政主要负责人履行推进法治建设第一责任人职责情况
镇党委书记主持召开专题会议3次，镇长带头学法2次。
三、存在的不足和原因
（一）执法人员不足，原因是编制紧张。
四.2024年度推进法治政府建设的主要安排
（一）继续加强学习培训。
特此报告。

桑柘镇人民政府
2024年1月20日
"""
STYLE = "structure/heading-style"
UNUSED = "meta/unused-suppression"


def _insert(text: str, before_line: int, comment: str) -> str:
    lines = text.split("\n")
    lines.insert(before_line - 1, comment)
    return "\n".join(lines)


def _found(result, rule=None):
    return [(d.rule, d.line) for d in result.diagnostics if rule is None or d.rule == rule]


def test_report_has_three_style_findings(lint):
    assert _found(lint(REPORT)) == [(STYLE, 5), (STYLE, 6), (STYLE, 12)]


@pytest.mark.parametrize("selector", [STYLE, "structure", ""])
def test_disable_next_line(lint, selector):
    result = lint(_insert(REPORT, 6, f"<!-- fzlint-disable-next-line {selector} -->"))
    assert _found(result) == [(STYLE, 5), (STYLE, 13)]


def test_next_line_of_another_rule_suppresses_nothing_and_is_reported(lint):
    result = lint(_insert(REPORT, 6, "<!-- fzlint-disable-next-line section,structure/title-missing -->"))
    assert _found(result, STYLE) == [(STYLE, 5), (STYLE, 7), (STYLE, 13)]
    (unused,) = [d for d in result.diagnostics if d.rule == UNUSED]
    assert unused.line == 6 and unused.severity.label == "info"
    assert "section、structure/title-missing" in unused.message


def test_only_the_stale_selectors_are_named(lint):
    result = lint(_insert(REPORT, 6, "<!-- fzlint-disable-next-line structure/heading-style, section -->"))
    (unused,) = [d for d in result.diagnostics if d.rule == UNUSED]
    assert "（section）" in unused.message


def test_disable_enable_range(lint):
    text = _insert(_insert(REPORT, 5, "<!-- fzlint-disable structure/heading-style -->"), 8, "<!-- fzlint-enable structure/heading-style -->")
    assert _found(lint(text)) == [(STYLE, 14)]


def test_enable_without_rules_closes_every_disable(lint):
    text = _insert(_insert(REPORT, 5, "<!-- fzlint-disable structure -->"), 8, "<!-- fzlint-enable -->")
    result = lint(text)
    assert _found(result, STYLE) == [(STYLE, 14)]
    assert not _found(result, UNUSED)  # the disable suppressed a finding: it is not stale


def test_disable_without_enable_runs_to_the_end(lint):
    assert _found(lint(_insert(REPORT, 6, "<!-- fzlint-disable -->"))) == [(STYLE, 5)]


def test_disable_file(lint):
    assert _found(lint(_insert(REPORT, 1, "<!-- fzlint-disable-file structure/heading-style -->"))) == []


def test_inline_comment_covers_its_own_line(lint):
    text = REPORT.replace("一.2023年度推进", "一.2023年度推进<!-- fzlint-disable-next-line -->", 1)
    # the next line's finding is suppressed; the comment inside the heading does not break the heading
    assert _found(lint(text)) == [(STYLE, 5), (STYLE, 12)]


def test_comment_lines_do_not_disturb_the_outline(lint, rules):
    plain = rules.only(lambda r: r.id != UNUSED)
    text = _insert(_insert(REPORT, 1, "<!-- fzlint-disable-file numeric -->"), 6, "   <!-- fzlint-disable term/misuse -->  ")
    before, after = lint_text(REPORT, plain), lint_text(text, plain)
    assert [(d.rule, d.message) for d in after.diagnostics] == [(d.rule, d.message) for d in before.diagnostics]
    assert after.document.title_text == before.document.title_text
    assert [h.title_text for h in after.document.headings] == [h.title_text for h in before.document.headings]
    assert list(after.facts.parts) == list(before.facts.parts)
    assert "fzlint" not in after.document.text


def test_crlf_and_markdown(lint):
    text = _insert(REPORT, 6, "<!-- fzlint-disable-next-line structure -->").replace("\n", "\r\n")
    assert _found(lint(text)) == [(STYLE, 5), (STYLE, 13)]
    md = "# " + _insert(REPORT, 6, "<!-- fzlint-disable-next-line structure -->")
    assert _found(lint(md, kind="md")) == [(STYLE, 5), (STYLE, 13)]


def test_docx_text_is_not_read_for_comments(lint):
    result = lint(_insert(REPORT, 6, "<!-- fzlint-disable-next-line -->"), kind="docx")
    assert (STYLE, 7) in _found(result)


def test_malformed_and_unmatched_comments(lint):
    text = _insert(_insert(REPORT, 6, "<!-- fzlint-disable-nextline structure -->"), 8, "<!-- fzlint-enable structure -->")
    result = lint(text)
    assert _found(result, STYLE) == [(STYLE, 5), (STYLE, 7), (STYLE, 14)]
    unused = [d for d in result.diagnostics if d.rule == UNUSED]
    assert [d.line for d in unused] == [6, 8]
    assert "无法识别" in unused[0].message and "没有对应的 fzlint-disable" in unused[1].message


def test_bad_selector_is_malformed():
    (comment,) = directives("x<!-- fzlint-disable Term/Misuse! -->")
    assert comment.action == "bad"


def test_unused_rule_can_be_left_out(rules):
    text = _insert(REPORT, 6, "<!-- fzlint-disable-next-line section -->")
    result = lint_text(text, rules.only(lambda r: r.id != UNUSED))
    assert not _found(result, UNUSED)


def test_per_file_ignores_from_config(tmp_path, capsys, monkeypatch):
    from checker.cli import main

    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "fzlint.yaml").write_text("per-file-ignores:\n  'drafts/*.txt': [structure/heading-style]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "drafts/a.txt", "b.txt", "--format", "json", "--no-progress"])
    files = {f["path"]: [d["rule"] for d in f["diagnostics"]] for f in json.loads(capsys.readouterr().out)["files"]}
    assert STYLE not in files["drafts/a.txt"]
    assert files["b.txt"].count(STYLE) == 3
