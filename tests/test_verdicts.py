"""The verdict a reviewer reads (需退回 / 建议修改 / 可通过 / 无法检查), its configuration, and a
folder walk that accounts for every file of an inbox."""

from __future__ import annotations

import json

import pytest

from checker.app.discover import walk
from checker.app.session import Session
from checker.cli import main
from checker.config import Config, ConfigError, discover
from checker.diagnostics import Diagnostic, Location, Severity
from checker.results import Verdict, VerdictPolicy

CLEAN = ("桑柘镇2023年度法治政府建设情况报告\n一、2023年度主要举措和成效\n（一）健全依法决策机制，全年审查合同12份。\n"
         "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记主持专题会议3次。\n三、存在的不足和原因\n"
         "（一）执法人员偏少，原因是编制紧张。\n四、2024年工作安排\n（一）充实执法力量。\n桑柘镇人民政府\n2024年1月15日\n")


def _d(rule: str, severity: Severity) -> Diagnostic:
    return Diagnostic(rule, severity, "", Location(1, 1, 1, 1))


@pytest.mark.parametrize("findings, verdict", [
    ((), Verdict.PASS),
    ((_d("format/x", Severity.INFO),), Verdict.PASS),
    ((_d("format/x", Severity.WARNING),), Verdict.REVISE),
    ((_d("format/x", Severity.WARNING), _d("numeric/y", Severity.ERROR)), Verdict.RETURN),
])
def test_default_policy_follows_the_severity_levels(findings, verdict):
    assert VerdictPolicy().of(findings) is verdict
    assert VerdictPolicy().of(findings, error="坏文件") is Verdict.UNCHECKED


def test_verdict_in_the_config_takes_levels_and_rule_prefixes(tmp_path):
    (tmp_path / "fzlint.yaml").write_text("verdict:\n  return: [error, term/foreign]\n  revise: []\n", encoding="utf-8")
    session = Session(discover(start=str(tmp_path)))
    policy = session.verdict_policy
    assert policy.return_at is Severity.ERROR and policy.revise_at is None
    assert policy.return_rules == {"term/foreign-locality"}
    assert policy.of([_d("term/foreign-locality", Severity.WARNING)]) is Verdict.RETURN
    assert policy.of([_d("format/punctuation-width", Severity.WARNING)]) is Verdict.PASS


@pytest.mark.parametrize("body, says", [
    ("verdict: [error]\n", "return"),
    ("verdict:\n  sendback: [error]\n", "return"),
])
def test_a_bad_verdict_config_is_refused(tmp_path, body, says):
    (tmp_path / "fzlint.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=says):
        discover(start=str(tmp_path))


def test_a_verdict_prefix_that_names_no_rule_is_an_error(tmp_path, capsys):
    (tmp_path / "fzlint.yaml").write_text("verdict:\n  return: [numerik]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    assert main(["check", str(tmp_path / "a.txt"), "--config", str(tmp_path / "fzlint.yaml")]) == 2
    err = capsys.readouterr().err
    assert "verdict.return" in err and "numerik" in err


def test_a_single_file_says_its_verdict(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    main(["check", str(tmp_path / "a.txt"), "--no-progress"])
    assert capsys.readouterr().out.rstrip().endswith("结论：可通过。")


# ---- the folder walk ---------------------------------------------------------------------------

def test_every_file_of_a_folder_is_checked_listed_or_noted(tmp_path):
    names = {"a.txt": CLEAN, "b.docx": b"", "c.doc": b"\xd0\xcf\x11\xe0", "d.ofd": b"PK", "e.jpg": b"\xff\xd8",
             "f.zip": b"PK", "附件1.xlsx": b"PK", "g（fzlint批注）.docx": b"PK", ".hidden.txt": "x", "~$lock.docx": b"",
             "Thumbs.db": b"", "README.md": "# x", "审查结果.txt": "old output"}
    for name, data in names.items():
        (tmp_path / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    found = walk([str(tmp_path)], Config(), outputs=(str(tmp_path / "审查结果.txt"),))
    assert [p.rsplit("/", 1)[1] for p in found.paths] == ["a.txt", "b.docx", "c.doc", "d.ofd", "e.jpg", "f.zip"]
    notes = {s.path.rsplit("/", 1)[1]: s.reason for s in found.skipped}
    assert set(notes) == {"附件1.xlsx", "g（fzlint批注）.docx", "审查结果.txt"}
    assert "批注副本" in notes["g（fzlint批注）.docx"] and "输出文件" in notes["审查结果.txt"] and ".xlsx" in notes["附件1.xlsx"]


def test_tool_folders_are_left_out_of_a_walk_unless_named(tmp_path):
    for folder in ("build/lib", "dist", "venv", "node_modules/x", "fzlint.egg-info", ".git", "2023年报送", "构建"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "r.txt").write_text(CLEAN, encoding="utf-8")
    found = walk([str(tmp_path)], Config())
    assert sorted(p[len(str(tmp_path)) + 1:] for p in found.paths) == ["2023年报送/r.txt", "构建/r.txt"]
    named = walk([str(tmp_path / "build")], Config())
    assert [p.rsplit("/", 1)[1] for p in named.paths] == ["r.txt"]


def test_a_file_fzlint_cannot_read_is_a_row_with_the_reason(tmp_path):
    for name in ("a.txt", "b.ofd", "c.jpg", "d.zip", "e.wps"):
        (tmp_path / name).write_bytes(CLEAN.encode("utf-8") if name == "a.txt" else b"PK\x03\x04")
    out = tmp_path / "out.json"
    assert main(["check", str(tmp_path), "--format", "json", "-o", str(out)]) == 2
    files = {f["path"].rsplit("/", 1)[1]: f for f in json.loads(out.read_text(encoding="utf-8"))["files"]}
    assert files["a.txt"]["verdict"] == "pass"
    assert {n: f["format"] for n, f in files.items() if f["error"]} == {"b.ofd": "ofd", "c.jpg": "jpg", "d.zip": "zip", "e.wps": "wps"}
    assert "OFD" in files["b.ofd"]["error"] and "图片" in files["c.jpg"]["error"] and "解压" in files["d.zip"]["error"]
    assert all(f["verdict"] == "unchecked" for n, f in files.items() if n != "a.txt")


# ---- the pool ----------------------------------------------------------------------------------

def _pid(path: str) -> tuple[str, int]:
    import os

    return path, os.getpid()


def test_small_batches_stay_in_process_and_the_pool_keeps_the_order():
    import os

    from checker.app import parallel

    few = parallel.run_all([f"{i}.txt" for i in range(parallel.MIN_PARALLEL - 1)], _pid, jobs=4, progress=False, crashed=_pid)
    assert {pid for _, pid in few} == {os.getpid()}
    many = [f"{i}.txt" for i in range(parallel.MIN_PARALLEL + 8)]
    done = parallel.run_all(many, _pid, jobs=2, progress=False, crashed=_pid)
    assert [path for path, _ in done] == many
    assert done[0][1] == os.getpid() and {pid for _, pid in done[1:]} - {os.getpid()}  # warmed here, then forked


def test_the_default_pool_leaves_busy_cores_alone(monkeypatch):
    from checker.app import parallel

    monkeypatch.setattr(parallel, "cpus", lambda: 2)
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (3.4, 3.0, 2.0))
    assert parallel.default_jobs() == 1
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (0.2, 0.1, 0.1))
    assert parallel.default_jobs() == 2
