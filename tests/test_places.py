"""One way of naming a place in a .docx, in every output: 第N段 (Word's paragraph) and the headings
above it. Word shows no line numbers, so "第8行" in one view and "第8段" in another would send a
clerk to two different places; a manual line break (Shift+Enter) makes the two numbers differ."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from checker.cli import main

from docgen import docx_bytes

pytest.importorskip("docx")

BLOCKS = [
    "青溪镇人民政府关于2023年度法治政府建设情况的报告",
    "2023年，我镇坚持依法行政。",
    "一、2023年度推进法治政府建设的主要举措和成效",
    "（一）加强组织领导",
    "全年召开专题会议4次，\n研究法治工作事项12项。",  # a manual line break: line 6 continues paragraph 5
    "（二）严格规范执法",
    "全年办理行政处罚案件64件,其中简易程序38件、普通程序26件。",  # the half-width comma: paragraph 7, line 8
    "二、党政主要负责人履行推进法治建设第一责任人职责情况",
    "镇党委书记主持研究法治工作3次。",
    "三、存在的不足和原因",
    "执法人员不足，原因是编制紧张。",
    "四、2024年工作安排",
    "继续加强学习。",
    "青溪镇人民政府",
    "2024年1月15日",
]
PATH_HEADS = ("一、2023年度推进法治政府", "（二）严格规范执法")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("places")
    path = folder / "青溪镇.docx"
    path.write_bytes(docx_bytes(BLOCKS))
    return path


def _out(capsys, *argv) -> str:
    main(["check", *argv, "--no-progress", "--color", "never", "--select", "format/punctuation-width"])
    return capsys.readouterr().out


def test_json_keeps_the_line_and_adds_the_paragraph_and_the_headings(report, capsys):
    (d,) = json.loads(_out(capsys, str(report), "--format", "json"))["files"][0]["diagnostics"]
    assert (d["line"], d["paragraph"]) == (8, 7)
    assert [h[:len(head)] for h, head in zip(d["heading_path"], PATH_HEADS)] == list(PATH_HEADS)


def test_terminal_names_the_paragraph_and_the_headings(report, capsys):
    out = _out(capsys, str(report))
    assert "第7段第" in out and "第8段" not in out and "第8行" not in out
    assert "位置：一、2023年度推进法治政府" in out and "（二）严格规范执法" in out


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "html"])
def test_tables_and_the_page_name_it_the_same_way(report, capsys, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    _out(capsys, str(report), "--format", fmt, "-o", str(target))
    if fmt == "csv":
        (row,) = [r for r in csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))) if r["规则"]]
        assert row["行/段"] == "7" and row["位置"].startswith("第7段 · 一、2023年度推进法治政府")
        return
    if fmt == "xlsx":
        from openpyxl import load_workbook

        values = [c.value for row in load_workbook(target)["问题清单"].iter_rows() for c in row]
        assert any(isinstance(v, str) and v.startswith("第7段 · 一、2023年度推进法治政府") for v in values)
        return
    page = target.read_text(encoding="utf-8")
    assert "第7段第" in page and "（二）严格规范执法" in page and "第8行" not in page


def test_sarif_carries_the_paragraph_and_the_headings(report, capsys):
    (result,) = json.loads(_out(capsys, str(report), "--format", "sarif"))["runs"][0]["results"]
    assert result["properties"]["paragraph"] == 7
    assert result["properties"]["headingPath"][1].startswith("（二）严格规范执法")


def test_the_outline_counts_paragraphs(report, capsys):
    main(["outline", str(report)])
    out = capsys.readouterr().out
    assert "（二）严格规范执法  第6段" in out and "第 8 段（标题）" in out and not re.search(r"第 ?\d+ ?行", out)
