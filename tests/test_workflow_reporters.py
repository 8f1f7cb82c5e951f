"""SARIF and GitHub-annotation output: structure, escaping, and unreadable files."""

from __future__ import annotations

import json

import pytest

from checker.api import lint_text
from checker.diagnostics import Diagnostic, Location, Severity
from checker.results import FileResult, RunResult
from checker.reporters import FORMATS, get, github, sarif

REPORT = "法治政府建设报告\n一.主要举措和成效\n(一)加强领导\n"


@pytest.fixture(scope="module")
def result(rules):
    return lint_text(REPORT, rules, path="reports/桑柘镇 2021.txt")


def _sarif(results, rules, batch=()):
    return json.loads(get("sarif").render(RunResult(tuple(results), tuple(batch)), {"rules": rules}))


def test_formats_are_registered():
    assert FORMATS["sarif"] == "sarif" and FORMATS["github"] == "github"


def test_sarif_has_the_required_structure(result, rules):
    log = _sarif([result], rules)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "fzlint" and driver["version"]
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids)) and len(ids) == len(rules)
    for descriptor in driver["rules"]:
        assert {"id", "shortDescription", "fullDescription", "help", "defaultConfiguration"} <= set(descriptor)
        assert descriptor["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert descriptor["shortDescription"]["text"] and descriptor["help"]["text"]
    assert len(run["results"]) == len(result.diagnostics) > 0
    for item in run["results"]:
        assert driver["rules"][item["ruleIndex"]]["id"] == item["ruleId"]
        assert item["level"] in ("error", "warning", "note") and item["message"]["text"]
        (location,) = item["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "reports/%E6%A1%91%E6%9F%98%E9%95%87%202021.txt"
        region = physical["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])


def test_sarif_rule_metadata_comes_from_the_rule(result, rules):
    log = _sarif([result], rules)
    rule = next(r for r in rules if r.id == "structure/heading-style")
    descriptor = next(d for d in log["runs"][0]["tool"]["driver"]["rules"] if d["id"] == rule.id)
    assert descriptor["shortDescription"]["text"] == rule.title
    assert descriptor["fullDescription"]["text"] == rule.rationale
    assert rule.rationale in descriptor["help"]["text"]
    assert all(message in descriptor["help"]["text"] for message in rule.messages.values())
    assert descriptor["defaultConfiguration"]["level"] == "warning"


def test_sarif_positions_match_the_diagnostic(result, rules):
    log = _sarif([result], rules)
    style = [r for r in log["runs"][0]["results"] if r["ruleId"] == "structure/heading-style"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in style] == [2, 3]
    assert style[0]["locations"][0]["physicalLocation"]["region"]["endColumn"] == 3


def test_sarif_reports_unreadable_files_as_notifications(result, rules):
    broken = FileResult("reports/坏.txt", error="找不到这个文件。")
    log = _sarif([result, broken], rules)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["message"]["text"] == "找不到这个文件。" and note["level"] == "error"
    assert all("坏" not in json.dumps(r, ensure_ascii=False) for r in log["runs"][0]["results"])


def test_sarif_describes_rules_it_did_not_load():
    d = Diagnostic("meta/other", Severity.INFO, "x", Location(1, 1, 1, 2, 0, 1))
    log = json.loads(sarif.render(RunResult((FileResult("a.txt", diagnostics=(d,)),)), {}))
    run = log["runs"][0]
    assert run["tool"]["driver"]["rules"] == [{"id": "meta/other", "shortDescription": {"text": "meta/other"}}]
    assert run["results"][0]["level"] == "note" and run["results"][0]["ruleIndex"] == 0


def test_sarif_batch_findings_have_related_locations(rules):
    batch = [Diagnostic("topic/near-duplicate", Severity.WARNING, "重复", Location(3, 1, 5, 1, path="a.txt"),
                        related=(Location(7, 1, 9, 1, path="b.txt"),), share=0.4)]
    log = _sarif([], rules, batch)
    (item,) = log["runs"][0]["results"]
    assert item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.txt"
    assert item["relatedLocations"][0]["physicalLocation"]["region"] == {"startLine": 7, "endLine": 9}


@pytest.mark.parametrize("raw, data, prop", [
    ("100%", "100%25", "100%25"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("x,y:z", "x,y:z", "x%2Cy%3Az"),
    ("%0A", "%250A", "%250A"),
])
def test_github_escaping(raw, data, prop):
    assert github.escape_data(raw) == data
    assert github.escape_property(raw) == prop


def test_github_lines(result):
    text = github.render(RunResult((result,)), {})
    lines = text.splitlines()
    assert len(lines) == len(result.diagnostics)
    style = [l for l in lines if "title=structure/heading-style" in l]
    assert style[0] == ("::warning file=reports/桑柘镇 2021.txt,line=2,col=1,endLine=2,endColumn=3,"
                        "title=structure/heading-style::标题序号“一.”写法不规范，应写作“一、”。")
    assert all(l.startswith(("::error ", "::warning ", "::notice ")) for l in lines)


def test_github_escapes_messages_and_paths():
    d = Diagnostic("term/misuse", Severity.ERROR, "比例100%\n第二行", Location(2, 1, 3, 4, 0, 9))
    text = github.render(RunResult((FileResult("a,b:c.txt", diagnostics=(d,)),)), {})
    # a multi-line annotation carries no columns (GitHub rejects them)
    assert text == "::error file=a%2Cb%3Ac.txt,line=2,endLine=3,title=term/misuse::比例100%25%0A第二行\n"


def test_github_unreadable_file_and_info_level():
    info = Diagnostic("format/x", Severity.INFO, "m", Location(1, 1, 1, 2, 0, 1))
    text = github.render(RunResult((FileResult("a.txt", error="文件为空。"), FileResult("b.txt", diagnostics=(info,)))), {})
    assert text.splitlines() == ["::error file=a.txt,title=fzlint::无法检查：文件为空。",
                                 "::notice file=b.txt,line=1,col=1,endLine=1,endColumn=2,title=format/x::m"]


def test_cli_formats_end_to_end(tmp_path, capsys):
    from checker.cli import main

    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert main(["check", str(path), "--format", "sarif", "--no-progress"]) == 1
    log = json.loads(capsys.readouterr().out)
    assert log["runs"][0]["results"]
    assert main(["check", str(path), "--format", "github", "--no-progress"]) == 1
    assert capsys.readouterr().out.startswith("::")


# ---- --lang en: the words around the findings are English too ------------------------------

_EN_REPORT = "一、主要举措和成效\n受理案件10件，办结9件，办结率100%。\n"


def test_lang_en_puts_english_words_around_a_text_reports_findings(tmp_path, capsys):
    from checker.cli import main

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(_EN_REPORT, encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("x: 1\n", encoding="utf-8")
    main(["check", str(tmp_path), "--lang", "en", "--statistics", "--color", "never"])
    out = capsys.readouterr().out
    assert "  error  numeric/rate-mismatch  " in out and "  warning  structure/title-missing  " in out
    assert "Batch summary" in out and "Findings per rule" in out and "2 report(s): return 2" in out
    assert "2 file(s) checked, " in out and "(parts: 举措和成效)" in out  # the report's own words stay
    for chinese in ("错误", "警告", "提示", "共检查", "结论", "部分：", "批量检查汇总", "按规则统计", "未检查 "):
        assert chinese not in out, chinese


def test_lang_en_names_a_word_paragraph_in_english(tmp_path, capsys):
    from checker.cli import main
    from docgen import report_docx

    path = tmp_path / "r.docx"
    path.write_bytes(report_docx("青溪镇2023年度法治政府建设情况报告\n" + _EN_REPORT))
    main(["check", str(path), "--lang", "en", "--color", "never"])
    out = capsys.readouterr().out
    assert ", character " in out and "paragraph " in out and "段第" not in out
    assert out.rstrip().endswith("verdict: return.")


def test_chinese_stays_the_default_view(tmp_path, capsys):
    from checker.cli import main

    (tmp_path / "a.txt").write_text(_EN_REPORT, encoding="utf-8")
    main(["check", str(tmp_path / "a.txt"), "--color", "never"])
    out = capsys.readouterr().out
    assert "  错误  numeric/rate-mismatch  " in out and out.rstrip().endswith("结论：需退回。")
