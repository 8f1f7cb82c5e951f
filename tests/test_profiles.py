"""A reviewer's profile in YAML alone: a required part, a dated term, a rate word and a web line.

Each addition takes effect in `check`, in `rules` and in the batch table, and extending a table
keeps the table it extends (the built-in terms still fire).
"""

from __future__ import annotations

import json

import pytest

from checker.cli import main
from checker.rules.loader import load

PROFILE = """\
version: 1
extends: default
genre:
  extends: law-based-government
  parts:
    - {id: disclosure, label: 政务公开工作情况, short: 政务公开, tiny: 公开, heading: "政务公开", required: true}
lexicons:
  dated-terms:
    - name: 旧版文件管理办法
      match: "《青溪县规范性文件管理办法》"
      stale_from: 2022-01-01
      current: 《青溪县行政规范性文件管理办法》
      note: 该办法已于2022年被《青溪县行政规范性文件管理办法》取代
  rate-words:
    - {word: 兑现率, numerator: 兑现, denominator: 承诺}
  web-furniture:
    - {match: "^本站声明", what: 本站声明, short: true}
rules:
  section/disclosure-missing:
    check: required_part
    severity: error
    title: 缺少政务公开工作情况
    rationale: 本县要求年度报告单列政务公开工作情况（示例配置）。
    params: {part: disclosure}
    message: 没有找到“政务公开工作情况”部分（现有一级标题：{headings}）。应增设该部分。
    message_en: 'No part on government transparency (headings: {headings}).'
    examples:
      fail: ["一、主要举措和成效\\n（一）加强组织领导。"]
      pass: ["一、主要举措和成效\\n（一）加强组织领导。\\n二、政务公开工作情况\\n公开信息120条。"]
"""

BODY = """青溪镇人民政府关于2023年度法治政府建设情况的报告
2023年，我镇坚持依法行政。
一、主要举措和成效
（一）加强组织领导。全年召开专题会议4次。
（二）落实承诺事项40项，兑现38项，兑现率90%。
（三）依据《青溪县规范性文件管理办法》清理文件，并执行《信访条例》。
本站声明：转载请注明出处
二、党政主要负责人履行推进法治建设第一责任人职责情况
镇党委书记主持研究法治工作3次。
三、存在的不足和原因
（一）人员不足，原因是编制紧张。
四、2024年工作安排
（一）继续加强学习。
青溪镇人民政府
2024年1月15日
"""
WITH_PART = BODY.replace("四、2024年工作安排", "四、政务公开工作情况\n公开政府信息120条。\n五、2024年工作安排")


@pytest.fixture()
def profile(tmp_path):
    path = tmp_path / "县级审查.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(WITH_PART, encoding="utf-8")
    return tmp_path


def _rules_fired(capsys, *argv) -> dict[str, set[str]]:
    main(["check", *argv, "--format", "json", "--no-progress"])
    data = json.loads(capsys.readouterr().out)
    return {f["path"].rsplit("/", 1)[-1]: {d["rule"] for d in f["diagnostics"]} for f in data["files"]}


def test_each_addition_takes_effect_in_check(profile, capsys, monkeypatch):
    monkeypatch.chdir(profile)
    fired = _rules_fired(capsys, "a.txt", "b.txt", "--ruleset", "县级审查.yaml", "--jobs", "1")
    assert "section/disclosure-missing" in fired["a.txt"] and "section/disclosure-missing" not in fired["b.txt"]
    assert {"term/outdated", "numeric/rate-mismatch", "format/junk"} <= fired["a.txt"]


def test_extending_a_table_keeps_the_table(profile):
    ruleset = load([str(profile / "县级审查.yaml")])
    terms = ruleset.lexicons["dated-terms"]
    default = load()
    assert len(terms) == len(default.lexicons["dated-terms"]) + 1
    assert {e["name"] for e in default.lexicons["dated-terms"]} < {e["name"] for e in terms}
    assert any("追加 1 条" in change for change in terms.changes)


def test_the_built_in_terms_still_fire(profile, capsys, monkeypatch):
    monkeypatch.chdir(profile)
    main(["check", "a.txt", "--ruleset", "县级审查.yaml", "--format", "json", "--no-progress"])
    messages = [d["message"] for d in json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]
                if d["rule"] == "term/outdated"]
    assert any("信访条例" in m for m in messages) and any("规范性文件管理办法" in m for m in messages)


def test_rules_lists_the_profile(profile, capsys, monkeypatch):
    monkeypatch.chdir(profile)
    main(["rules", "--ruleset", "县级审查.yaml"])
    out = capsys.readouterr().out
    assert "section/disclosure-missing" in out and "缺少政务公开工作情况" in out
    assert "词表 dated-terms：追加 1 条" in out and "词表 rate-words：追加 1 条" in out


def test_the_batch_table_names_the_missing_part(profile, capsys, monkeypatch):
    monkeypatch.chdir(profile)
    monkeypatch.setenv("COLUMNS", "160")
    main(["check", "a.txt", "b.txt", "--ruleset", "县级审查.yaml", "--no-progress", "--color", "never", "--jobs", "1"])
    table = capsys.readouterr().out.split("批量检查汇总", 1)[1]
    row_a = next(line for line in table.splitlines() if "a.txt" in line)
    row_b = next(line for line in table.splitlines() if "b.txt" in line)
    assert "公开" in row_a and "公开" not in row_b


def test_an_unknown_part_is_refused_at_load(tmp_path):
    from checker.rules.ruleset import RulesetError

    path = tmp_path / "bad.yaml"
    path.write_text(PROFILE.replace("params: {part: disclosure}", "params: {part: disclosur}"), encoding="utf-8")
    with pytest.raises(RulesetError, match=r"bad\.yaml:\d+: .*must be a part of the genre"):
        load([str(path)])
