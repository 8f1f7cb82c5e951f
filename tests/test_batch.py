"""Batch mode end to end: 200+ generated reports, parallel workers, JSON/CSV/Excel/HTML, copies found.

The batch is built once per module from tests/batchgen.py (txt and md, docx when the docx reader
and python-docx are available). One issuer's passage is copied into another issuer's report; one
issuer files two years that share a paragraph; a few reports carry ordinary defects.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import pickle
import random
import re
import shutil
import subprocess

import pytest

import batchgen
from checker.cli import main

COPIED = ("在推进“板凳议事”过程中，把矛盾纠纷化解在村组一线，由老党员、老教师、老调解员组成议事小组，"
          "每月固定时间在村民家门口议事，全年化解邻里纠纷和土地权属争议，经验做法被市级媒体专题报道。")
OWN = ("推动集体经济合同清理规范，对历年签订的土地承包、厂房租赁合同逐份审查，发现显失公平和手续缺失的"
       "合同全部依法完善，避免集体资产流失，相关做法写入县级经验汇编。")
DOCX = importlib.util.find_spec("checker.sources.docx") is not None and importlib.util.find_spec("docx") is not None


class Batch:
    def __init__(self, folder, names):
        self.folder, self.names = folder, names
        self.paths: dict[str, str] = {}  # role → path


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("submissions")
    rng = random.Random(20240301)
    names = batchgen.issuers(205, rng)
    made = Batch(folder, names)
    kinds = ("txt", "md", "docx") if DOCX else ("txt", "md")
    for i, name in enumerate(names):
        extra = COPIED if i in (1, 2) else OWN if i == 0 else ""
        text = batchgen.report(name, 2021, rng, extra=extra)
        if i == 3:
            text = text.replace("（一）", "(一)", 1)  # a half-width heading bracket: a warning
        if i == 4:
            text = re.sub(r"三、存在的不足和原因\n.*\n", "", text)  # no shortcomings part: an error
        kind = "txt" if i < 5 else kinds[i % len(kinds)]
        path = batchgen.write(folder, f"{i:03d}_{name}", text, kind)
        made.paths[f"r{i}"] = str(path)
    later = batchgen.report(names[0], 2022, rng, extra=OWN).replace(f"{names[0]}2022年度", f"{names[0]}人民政府关于2022年度", 1)
    made.paths["r0-2022"] = str(batchgen.write(folder, f"000_{names[0]}_2022", later, "md"))
    return made


def _run(capsys, *args) -> tuple[int, str]:
    code = main(["check", *map(str, args)])
    return code, capsys.readouterr().err


@pytest.fixture(scope="module")
def report(batch, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "result.json"
    code = main(["check", str(batch.folder), "--jobs", "2", "--format", "json", "-o", str(out)])
    return code, json.loads(out.read_text(encoding="utf-8"))


def _line_of(path: str, needle: str) -> int:
    lines = open(path, encoding="utf-8").read().splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def test_every_file_in_input_order(batch, report):
    code, data = report
    paths = [f["path"] for f in data["files"]]
    assert len(paths) == 206 and paths == sorted(paths)  # collect() walks sorted; workers keep that order
    assert not any(f["error"] for f in data["files"])
    assert code == 1  # the report without a shortcomings part has an error


def test_copied_passage_found_with_both_locations(batch, report):
    _, data = report
    assert len(data["batch"]) == 1, [f["message"] for f in data["batch"]]  # unrelated and same-issuer reports are not paired
    finding = data["batch"][0]
    assert finding["rule"] == "topic/near-duplicate" and finding["severity"] == "warning"
    assert 0 < finding["share"] < 0.5
    first, second = finding["locations"]
    assert (first["path"], second["path"]) == (batch.paths["r1"], batch.paths["r2"])
    for loc, role in ((first, "r1"), (second, "r2")):
        assert loc["line"] == loc["end_line"] == _line_of(batch.paths[role], "板凳议事")
    assert batch.names[1] in finding["message"] and batch.names[2] in finding["message"]


def test_jobs_do_not_change_the_result(batch, report, tmp_path):
    out = tmp_path / "serial.json"
    main(["check", str(batch.folder), "--jobs", "1", "--format", "json", "-o", str(out)])
    assert json.loads(out.read_text(encoding="utf-8")) == report[1]


def test_csv_rows_and_bom(batch, report, tmp_path):
    out = tmp_path / "result.csv"
    main(["check", str(batch.folder), "--format", "csv", "-o", str(out)])
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["文件", "行", "列", "部分", "规则", "级别", "说明", "原文摘录"]
    diagnostics = sum(len(f["diagnostics"]) for f in report[1]["files"])
    assert len(rows) - 1 == diagnostics + 2  # the cross-report finding has a row in each file
    copied = [r for r in rows if r[4] == "topic/near-duplicate"]
    assert {r[0] for r in copied} == {batch.paths["r1"], batch.paths["r2"]}
    assert all("板凳议事" in r[7] for r in copied)
    missing = next(r for r in rows if r[4] == "section/shortcomings-missing")
    assert missing[0] == batch.paths["r4"] and missing[5] == "错误"


def test_xlsx_workbook(batch, report, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "审查结果.xlsx"
    main(["check", str(batch.folder), "--format", "xlsx", "-o", str(out)])
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["汇总", "问题清单", "规则统计"]
    summary, findings, stats = book["汇总"], book["问题清单"], book["规则统计"]
    header = [c.value for c in summary[1]]
    assert header[:9] == ["文件", "报告主体", "年度", "已识别部分", "错误", "警告", "提示", "跨文件", "最严重问题"]
    assert summary.max_row - 1 == 206 and summary.freeze_panes == "A2" and summary.auto_filter.ref
    assert summary["A2"].value == batch.paths["r4"]  # worst first: the report with an error
    assert summary["A2"].fill.start_color.rgb.endswith("FFC7CE")
    for row in summary.iter_rows(min_row=2):
        if row[9].hyperlink is not None:
            target = int(row[9].hyperlink.location.rsplit("!A", 1)[1])
            assert findings.cell(row=target, column=1).value == row[0].value
    assert [c.value for c in findings[1]] == ["文件", "行", "部分", "规则", "级别", "说明", "原文摘录"]
    assert findings.freeze_panes == "A2" and findings.auto_filter.ref
    counted = {row[0].value: row[2].value for row in stats.iter_rows(min_row=2)}
    assert counted["topic/near-duplicate"] == 1 and counted["section/shortcomings-missing"] == 1


def test_xlsx_needs_an_output_file(batch, capsys):
    code, err = _run(capsys, batch.folder, "--format", "xlsx")
    assert code == 2 and "-o" in err


def test_terminal_summary_and_statistics(batch, tmp_path, capsys):
    out = tmp_path / "out.txt"
    main(["check", str(batch.folder), "--statistics", "-o", str(out)])
    text = out.read_text(encoding="utf-8")
    assert "批量检查汇总" in text and "按规则统计" in text and "跨文件" in text
    table = text[text.index("批量检查汇总"):]
    assert table.index(batch.names[4]) < table.index(batch.names[3]) < table.index(batch.names[10])
    assert capsys.readouterr().err == ""  # no progress bar when stderr is not a terminal


def test_include_and_exclude(batch, tmp_path):
    out = tmp_path / "md.json"
    main(["check", str(batch.folder), "--include", "*.md", "--format", "json", "-o", str(out)])
    kinds = {f["format"] for f in json.loads(out.read_text(encoding="utf-8"))["files"]}
    assert kinds == {"md"}
    main(["check", str(batch.folder), "--exclude", "*.md,*.docx", "--format", "json", "-o", str(out)])
    kinds = {f["format"] for f in json.loads(out.read_text(encoding="utf-8"))["files"]}
    assert kinds == {"txt"}


def test_worker_results_are_slim_and_enough_for_reporters(batch):
    from dataclasses import replace

    from checker.app.session import Session
    from checker.config import Config
    from checker.reporters import get
    from checker.results import RunResult
    from checker.rules.loader import load

    session = Session(Config())
    result, collected = session.lint_file(batch.paths["r4"], collect_for=[r for r in load() if r.check.batch])
    slim = result.slim()
    # measured on the corpus: 46-72 KB pickled with the Document, 25-40 KB without (text + fingerprint)
    assert len(pickle.dumps((slim, collected))) < 0.7 * len(pickle.dumps((result, collected)))
    for name in ("json", "text", "csv", "html"):
        assert get(name).render(RunResult((slim,)), {}) == get(name).render(RunResult((result,)), {}), name


def _browser() -> str | None:
    return next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)


def test_html_renders_findings_in_a_browser(batch, tmp_path):
    browser = _browser()
    if browser is None:
        pytest.skip("no headless browser: install Debian's 'chromium' package to run this test")
    page = tmp_path / "result.html"
    main(["check", str(batch.folder), "--format", "html", "-o", str(page)])
    assert "http" not in re.sub(r'content="fzlint[^"]*"', "", page.read_text(encoding="utf-8")).replace("http-equiv", "")
    dom = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=60,
    ).stdout
    assert 'id="by-rule"' in dom and 'id="by-file"' in dom and 'id="by-part"' in dom
    heading_mark = re.search(r'<mark class="sev-warning" data-rule="structure/heading-style"[^>]*>\(一\)</mark>', dom)
    assert heading_mark, "the half-width bracket of report 3 is not highlighted"
    cross = dom[dom.index('id="cross"'):dom.index('id="reports"')]
    assert "板凳议事" not in cross or "topic/near-duplicate" in cross
    assert batch.paths["r1"] in cross and batch.paths["r2"] in cross
    line = _line_of(batch.paths["r2"], "板凳议事")
    assert re.search(rf'<div class="ln dup" id="r\d+-L{line}">', dom)
