"""The workflow options end to end: --fix, --diff, baselines and explain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main

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
四、2024年度推进法治政府建设的主要安排
（一）继续加强学习培训。
特此报告。

桑柘镇人民政府
2024年1月20日
"""


@pytest.fixture
def report(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "报告.txt"
    path.write_bytes(REPORT.replace("\n", "\r\n").encode("gb18030"))
    return path


def _json(capsys):
    return json.loads(capsys.readouterr().out)


def test_diff_prints_and_writes_nothing(report, capsys):
    before = report.read_bytes()
    assert main(["check", str(report), "--diff", "--no-progress"]) == 1
    out, err = capsys.readouterr()
    assert "-一.2023年度" in out and "+一、2023年度" in out and "+（一）加强组织领导" in out
    assert "可修复 2 处" in err
    assert report.read_bytes() == before


def test_fix_writes_and_reports_what_is_left(report, capsys):
    assert main(["check", str(report), "--fix", "--format", "json", "--no-progress"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["files"][0]["diagnostics"] == []
    assert "已修复 2 处" in captured.err
    assert report.read_bytes() == REPORT.replace("一.", "一、").replace("(一)", "（一）").replace("\n", "\r\n").encode("gb18030")
    assert main(["check", str(report), "--diff", "--no-progress"]) == 0
    assert capsys.readouterr().out == ""


def test_fix_respects_ignore(report, capsys):
    before = report.read_bytes()
    assert main(["check", str(report), "--fix", "--ignore", "structure/heading-style", "--no-progress"]) == 0
    assert report.read_bytes() == before


def test_docx_is_said_not_to_be_fixed(report, tmp_path, capsys):
    (tmp_path / "a.docx").write_bytes(b"not really a docx")
    assert main(["check", "a.docx", str(report), "--diff", "--no-progress"]) == 1  # the .txt would change
    assert "a.docx: .docx 文件不会自动修复" in capsys.readouterr().err


def test_baseline_survives_lines_inserted_above(report, capsys):
    assert main(["check", str(report), "--write-baseline", "baseline.json", "--no-progress"]) == 0
    recorded = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert recorded["version"] == 1 and len(recorded["findings"]) == 2
    assert {"rule", "path", "fingerprint", "occurrence"} <= set(recorded["findings"][0])
    assert recorded["findings"][0]["path"] == "报告.txt"
    capsys.readouterr()
    moved = REPORT.replace("县人民政府：\n", "县人民政府：\n新增的一段说明文字。\n另一段。\n")
    moved = moved.replace("（二）规范", "(二)规范")  # one new finding of the same rule
    report.write_bytes(moved.replace("\n", "\r\n").encode("gb18030"))
    assert main(["check", str(report), "--baseline", "baseline.json", "--format", "json", "--no-progress"]) == 0
    captured = capsys.readouterr()
    found = json.loads(captured.out)["files"][0]["diagnostics"]
    assert [(d["rule"], d["line"]) for d in found] == [("structure/heading-style", 9)]
    assert "2 个问题未再报告" in captured.err


def test_baseline_counts_repeated_findings(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    text = REPORT.replace("（一）继续加强", "(一)继续加强")
    Path("a.txt").write_text(text, encoding="utf-8")
    main(["check", "a.txt", "--write-baseline", "b.json", "--no-progress"])
    # the same finding again elsewhere is new: the baseline remembered it once
    Path("a.txt").write_text(text.replace("特此报告。", "(一)继续加强学习培训。\n特此报告。"), encoding="utf-8")
    main(["check", "a.txt", "--baseline", "b.json", "--format", "json", "--no-progress"])
    found = _json(capsys)["files"][0]["diagnostics"]
    assert [d["rule"] for d in found].count("structure/heading-style") == 1


def test_bad_baseline_is_a_usage_error(report, tmp_path, capsys):
    (tmp_path / "b.json").write_text("{}", encoding="utf-8")
    assert main(["check", str(report), "--baseline", "b.json", "--no-progress"]) == 2
    assert "不是 fzlint 基线文件" in capsys.readouterr().err
    assert main(["check", str(report), "--baseline", "missing.json", "--no-progress"]) == 2


def test_explain_text_and_json(capsys):
    assert main(["explain", "structure/heading-style"]) == 0
    out = capsys.readouterr().out
    for part in ("标题序号写法不规范", "依据", "不合格示例", "合格示例", "可自动修复", "fzlint-disable-next-line structure/heading-style"):
        assert part in out
    assert main(["explain", "structure/heading-style", "--format", "json"]) == 0
    data = _json(capsys)
    assert data["fixable"] is True and data["examples"]["fail"] and data["rationale"]
    assert main(["explain", "nonexistent/rule"]) == 2
