"""The command line contract: exit codes, JSON schema v1, stdin, config discovery, unreadable files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from checker.cli import main

CLEAN = """青溪镇人民政府关于2023年度法治政府建设情况的报告
2023年，青溪镇坚持依法行政，现将有关情况报告如下：
一、2023年主要举措和成效
（一）加强组织领导。镇党委书记主持召开专题会议4次，研究法治议题6项。
二、党政主要负责人履行推进法治建设第一责任人职责情况
镇长带头开展会前学法12次，出庭应诉2次。
三、存在的不足和原因
（一）执法人员业务能力不强，主要原因是培训次数偏少。
四、2024年工作安排
（一）继续加强执法人员培训。
青溪镇人民政府
2024年1月26日
"""


def run_cli(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_text(CLEAN.replace("三、存在的不足和原因", "四、存在的不足和原因"), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    return clean, broken, empty


def test_clean_file_exits_zero(capsys, files):
    code, out, _ = run_cli(capsys, "check", str(files[0]), "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["files"][0]["diagnostics"] == []


def test_json_contract(capsys, files):
    code, out, _ = run_cli(capsys, "check", str(files[1]), "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["version"] == 1 and data["tool"]["name"] == "fzlint"
    assert set(data["summary"]) >= {"files", "errors", "warnings", "infos"}
    assert data["batch"] == []
    record = data["files"][0]
    assert set(record) >= {"path", "format", "encoding", "script", "report_year", "title", "issuer", "parts", "diagnostics", "error"}
    assert record["report_year"] == 2023 and record["issuer"] == "青溪镇人民政府" and record["script"] == "simplified"
    assert {p["part"] for p in record["parts"]} == {"achievements", "first_responsible", "shortcomings", "next_year"}
    d = next(d for d in record["diagnostics"] if d["rule"] == "structure/heading-sequence")
    assert set(d) >= {"rule", "severity", "line", "column", "end_line", "end_column", "message", "fix"}
    assert (d["line"], d["column"], d["severity"]) == (7, 1, "error")


def test_unreadable_file_exits_two_but_others_are_linted(capsys, files):
    code, out, err = run_cli(capsys, "check", str(files[1]), str(files[2]), "--format", "json")
    data = json.loads(out)
    assert code == 2
    by_path = {os.path.basename(f["path"]): f for f in data["files"]}
    assert by_path["empty.txt"]["error"] and by_path["empty.txt"]["diagnostics"] == []
    assert by_path["broken.txt"]["diagnostics"]
    assert "empty.txt" in err


def test_missing_file_exits_two(capsys, tmp_path):
    code, out, _ = run_cli(capsys, "check", str(tmp_path / "nope.txt"))
    assert code == 2 and "找不到" in out


def test_fail_on_and_select_ignore(capsys, files):
    assert run_cli(capsys, "check", str(files[1]), "--ignore", "structure")[0] == 0
    assert run_cli(capsys, "check", str(files[1]), "--select", "section")[0] == 0
    assert run_cli(capsys, "check", str(files[1]), "--select", "structure/heading-sequence")[0] == 1


def test_config_discovery_and_per_file_ignores(capsys, files, tmp_path, monkeypatch):
    (tmp_path / "fzlint.yaml").write_text("per-file-ignores:\n  'broken.txt': [structure]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run_cli(capsys, "check", "broken.txt")[0] == 0
    (tmp_path / "fzlint.yaml").write_text("severity:\n  structure/heading-sequence: off\n", encoding="utf-8")
    assert run_cli(capsys, "check", "broken.txt")[0] == 0


def test_pyproject_config(capsys, files, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.fzlint]\nignore = ['structure']\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run_cli(capsys, "check", "broken.txt")[0] == 0


def test_bad_config_exits_two(capsys, files, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("colour: red\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "check", str(files[0]), "--config", str(bad))
    assert code == 2 and "colour" in err


def test_bad_ruleset_exits_two(capsys, files, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  x/y:\n    check: nope\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "check", str(files[0]), "--ruleset", str(bad))
    assert code == 2 and "bad.yaml:2" in err


def test_usage_error_exits_two(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--format", "nope"])
    assert exit_info.value.code == 2


def test_stdin_with_filename(files):
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "check", "-", "--stdin-filename", "报告.txt", "--format", "json"],
        input=files[1].read_bytes(), capture_output=True, timeout=60,
    )
    data = json.loads(proc.stdout)
    assert proc.returncode == 1 and data["files"][0]["path"] == "报告.txt"


def test_directory_recursion(capsys, files):
    code, out, _ = run_cli(capsys, "check", str(files[0].parent), "--format", "json")
    assert sorted(os.path.basename(f["path"]) for f in json.loads(out)["files"]) == ["broken.txt", "clean.txt", "empty.txt"]


def test_terminal_output_escapes_markup_and_underlines(capsys, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(CLEAN.replace("三、存在", "[bold]三、存在").replace("（一）加强组织领导", "一.加强组织领导"), encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", str(path))
    assert "[bold]" in out and "structure/heading-style" in out and "^" in out


def test_rules_explain_outline(capsys, files):
    code, out, _ = run_cli(capsys, "rules", "--format", "json")
    assert code == 0 and any(r["id"] == "structure/title-missing" for r in json.loads(out))
    code, out, _ = run_cli(capsys, "explain", "topic/shortcomings-without-causes")
    assert code == 0 and "督察工作规定" in out and "不合格示例" in out
    assert run_cli(capsys, "explain", "no/such-rule")[0] == 2
    code, out, _ = run_cli(capsys, "outline", str(files[0]))
    assert code == 0 and "第一责任人" in out and "shortcomings" not in out


def test_directory_walk_skips_readme_but_not_when_named(capsys, files):
    readme = files[0].parent / "README.md"
    readme.write_text("# 报送材料说明\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", str(files[0].parent), "--format", "json")
    assert "README.md" not in {os.path.basename(f["path"]) for f in json.loads(out)["files"]}
    code, out, _ = run_cli(capsys, "check", str(readme), "--format", "json")
    assert [os.path.basename(f["path"]) for f in json.loads(out)["files"]] == ["README.md"]


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_a_selector_that_matches_no_rule_is_an_error(capsys, files, option):
    code, _, err = run_cli(capsys, "check", str(files[0]), option, "numerc")
    assert code == 2 and "numerc" in err


def test_a_leading_part_of_a_rule_id_selects(capsys, files):
    code, out, _ = run_cli(capsys, "check", str(files[1]), "--select", "structure/heading-seq", "--format", "json")
    assert {d["rule"] for d in json.loads(out)["files"][0]["diagnostics"]} == {"structure/heading-sequence"}


def test_json_title_is_the_title_as_written(capsys, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("鶴鳴縣2020年法治政府建設年度報告\n2020年，鶴鳴縣堅持依法行政。\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", str(path), "--format", "json")
    assert json.loads(out)["files"][0]["title"] == "鶴鳴縣2020年法治政府建設年度報告"


def test_absolute_and_relative_paths_in_one_run(capsys, files, monkeypatch):
    monkeypatch.chdir(files[0].parent)
    code, out, _ = run_cli(capsys, "check", "clean.txt", str(files[1]))
    assert code == 1 and "批量检查汇总" in out
