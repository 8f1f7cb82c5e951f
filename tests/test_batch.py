"""Batch mode end to end, as a county reviewer runs it on the day submissions arrive.

The inbox (tests/batchgen.inbox, built once per module) holds 200 reports of 清源县's towns and
departments written from the county's template, as .docx (half with Word automatic numbering),
UTF-8 and GB18030 .txt, .md and .pdf, with defects planted at random; 白沙镇 copied a passage of
青石镇's own (法治青石 included); 红岩乡 resubmitted; an old .doc, a .wps, a corrupt, an empty and
an encrypted file cannot be read; an annotated copy from an earlier --annotate is no submission.

One run (in-process, --jobs 1) is rendered in every format and the outputs are compared with each
other; one command-line run (--jobs 2) writes the workbook, which must be the same bytes.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import pickle
import re
import shutil
import subprocess
import time
from collections import Counter
from html import unescape

import pytest

import batchgen
from checker.app.session import Session
from checker.cli import main
from checker.config import Config
from checker.reporters import get

VERDICTS = ("需退回", "建议修改", "可通过", "无法检查")
SEND_BACK = {"no-first-responsible", "no-shortcomings", "sum", "placeholder", "late"}
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    return batchgen.inbox(tmp_path_factory.mktemp("报送材料"))


@pytest.fixture(scope="module")
def session():
    return Session(Config())


@pytest.fixture(scope="module")
def run(inbox, session):
    found = session.files([str(inbox.folder)])
    return session.run(found.paths, jobs=1, skipped=found.skipped)


@pytest.fixture(scope="module")
def outputs(run, session):
    """format → (rendered with the options the command gives, seconds it took)."""
    options = {"width": 120, "titles": {r.id: r.title for r in session.ruleset}, "rules": session.ruleset}
    done = {}
    for fmt in ("text", "json", "csv", "xlsx", "html"):
        start = time.perf_counter()
        rendered = get(fmt).render(run, options)
        done[fmt] = (rendered, time.perf_counter() - start)
    return done


@pytest.fixture(scope="module")
def cli_xlsx(inbox, tmp_path_factory):
    """The reviewer's command: (exit code, stderr, the workbook's path)."""
    out = tmp_path_factory.mktemp("out") / "审查结果.xlsx"
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["check", str(inbox.folder), "--format", "xlsx", "-o", str(out), "--jobs", "2"])
    return code, err.getvalue(), out


@pytest.fixture(scope="module")
def book(outputs, tmp_path_factory):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path_factory.mktemp("book") / "审查结果.xlsx"
    path.write_bytes(outputs["xlsx"][0])
    return openpyxl.load_workbook(path), path


def _header_row(sheet, first: str = "文件") -> int:
    return next(r for r in range(1, 12) if sheet.cell(row=r, column=1).value == first)


def _summary_rows(book) -> list[dict]:
    sheet = book["汇总"]
    top = _header_row(sheet)
    names = [c.value for c in sheet[top]]
    return [dict(zip(names, (c.value for c in row))) for row in sheet.iter_rows(min_row=top + 1) if row[0].value]


def _csv_rows(outputs) -> list[dict]:
    return list(csv.DictReader(io.StringIO(outputs["csv"][0].decode("utf-8-sig"))))


def _by_file_html(html: str) -> list[tuple[str, str]]:
    """(path, verdict) of each row of the HTML's table of files."""
    table = html[html.index('id="by-file"'):html.index("</table>", html.index('id="by-file"'))]
    return [(unescape(p), v) for p, v in re.findall(r'<a href="#r\d+">([^<]*)</a></td><td class="v [^"]*">([^<]*)</td>', table)]


# ---- every submission accounted for ------------------------------------------------------------

def test_every_submission_has_a_row_in_every_output(inbox, run, outputs, book):
    expected = sorted(str(p) for p in inbox.submissions)
    assert len(expected) >= 206
    data = json.loads(outputs["json"][0])
    assert sorted(f["path"] for f in data["files"]) == expected
    assert sorted({r["文件"] for r in _csv_rows(outputs) if r["级别"] != "未检查"}) == expected
    assert sorted(r["文件"] for r in _summary_rows(book[0])) == expected
    assert sorted(p for p, _ in _by_file_html(outputs["html"][0])) == expected
    text = outputs["text"][0]
    assert all(re.search(rf"(?m)^{re.escape(p)}  ", text) for p in expected)


def test_a_file_that_cannot_be_checked_says_why_everywhere(inbox, outputs, book):
    data = json.loads(outputs["json"][0])
    errors = {f["path"]: f["error"] for f in data["files"] if f["error"]}
    assert set(errors) == {str(p) for p in inbox.unreadable}
    words = {"doc": ".doc", "wps": ".wps", "corrupt": "损坏", "empty": "空的", "encrypted": "密码"}
    for path, why in inbox.unreadable.items():
        assert words[why] in errors[str(path)], errors[str(path)]
        assert next(f for f in data["files"] if f["path"] == str(path))["verdict"] == "unchecked"
    rows = {r["文件"]: r for r in _csv_rows(outputs) if r["级别"] == "无法检查"}
    assert {p: r["说明"] for p, r in rows.items()} == errors
    summary = {r["文件"]: r for r in _summary_rows(book[0])}
    assert all(summary[p]["结论"] == "无法检查" and errors[p] in summary[p]["最严重问题"] for p in errors)
    assert all(f"无法检查：{errors[p]}" in outputs["text"][0] for p in errors)
    assert all(unescape(outputs["html"][0]).count(errors[p]) >= 1 for p in errors)
    assert data["summary"]["unreadable"] == len(errors) == data["summary"]["verdicts"]["unchecked"]


def test_an_annotated_copy_is_skipped_with_a_note(inbox, run, outputs, book):
    copy = str(inbox.skipped[0])
    assert [s.path for s in run.skipped] == [copy] and copy not in [r.path for r in run.files]
    data = json.loads(outputs["json"][0])
    assert data["skipped"] == [{"path": copy, "reason": run.skipped[0].reason}] and "批注副本" in run.skipped[0].reason
    assert any(r["文件"] == copy and r["级别"] == "未检查" for r in _csv_rows(outputs))
    lead = [book[0]["汇总"].cell(row=r, column=1).value or "" for r in range(1, 6)]
    assert any(copy in line for line in lead)
    assert copy in outputs["text"][0] and copy in unescape(outputs["html"][0])


# ---- one verdict, one count --------------------------------------------------------------------

def test_verdicts_and_totals_agree_across_outputs(run, outputs, book):
    totals = run.totals
    expected = dict(zip(VERDICTS, (totals.returned, totals.revise, totals.passed, totals.unchecked)))
    assert sum(expected.values()) == totals.files and all(expected.values())
    headline = f"共{totals.files}份：需退回{totals.returned}份，建议修改{totals.revise}份，可通过{totals.passed}份，无法检查{totals.unchecked}份"
    text, html = outputs["text"][0], unescape(outputs["html"][0])
    assert text.splitlines()[0] == headline + "。" and text.rstrip().endswith(headline + "。")
    assert f'id="verdicts">{headline}</p>' in html
    assert book[0]["汇总"]["A1"].value == headline
    data = json.loads(outputs["json"][0])
    names = {"return": "需退回", "revise": "建议修改", "pass": "可通过", "unchecked": "无法检查"}
    assert {names[k]: n for k, n in data["summary"]["verdicts"].items()} == expected
    assert Counter(names[f["verdict"]] for f in data["files"]) == expected
    assert Counter({r["文件"]: r["结论"] for r in _csv_rows(outputs) if r["结论"]}.values()) == expected
    assert Counter(r["结论"] for r in _summary_rows(book[0])) == expected
    assert Counter(v for _, v in _by_file_html(outputs["html"][0])) == expected
    counts = f"错误 {totals.errors}，警告 {totals.warnings}，提示 {totals.infos}，无法读取 {totals.unreadable} 个，跨文件问题 {totals.cross}"
    assert counts in text and counts in html and counts in book[0]["汇总"]["A2"].value
    summary = data["summary"]
    assert (summary["errors"], summary["warnings"], summary["infos"], summary["cross"]) == \
        (totals.errors, totals.warnings, totals.infos, totals.cross)
    own = Counter(r["级别"] for r in _csv_rows(outputs) if r["列/字"])  # a cross-report row has no column
    assert (own["错误"], own["警告"], own["提示"]) == (totals.errors, totals.warnings, totals.infos)


def test_planted_defects_decide_the_verdict(inbox, run):
    verdict = dict(zip((r.path for r in run.files), (v.label for v in run.verdicts)))
    found = {r.path: [d.rule for d in r.diagnostics] for r in run.files}
    for path, defects in inbox.defects.items():
        if path == inbox.reports["白沙镇"]:
            assert verdict[str(path)] == "建议修改"  # the copy and the other's slogan, warnings
        elif set(defects) & SEND_BACK:
            assert verdict[str(path)] == "需退回", (path.name, defects)
        elif defects:
            assert verdict[str(path)] == "建议修改", (path.name, defects)
        else:  # template phrasing, the copied-from report and the resubmission send no one back
            assert verdict[str(path)] == "可通过", (path.name, found[str(path)])


def test_missing_parts_named_in_full_in_the_same_column(inbox, run, outputs, book):
    path = str(next(p for p, d in inbox.defects.items() if d == ("no-first-responsible",)))
    full = "党政主要负责人履行推进法治建设第一责任人职责情况"
    assert next(r for r in _summary_rows(book[0]) if r["文件"] == path)["缺少部分"] == full
    assert all(r["缺少部分"] == full for r in _csv_rows(outputs) if r["文件"] == path)
    record = next(f for f in json.loads(outputs["json"][0])["files"] if f["path"] == path)
    assert record["missing_parts"] == ["first_responsible"] and record["verdict"] == "return"
    html = outputs["html"][0]
    assert re.search(rf'{re.escape(path)}</a></td><td[^>]*>需退回</td>(?:<td[^>]*>[^<]*</td>){{3}}<td>{full}</td>', html)


# ---- copies worth a reviewer's time ------------------------------------------------------------

def test_the_real_copy_first_and_no_template_phrasing(inbox, run, outputs, book):
    baisha, qingshi = str(inbox.reports["白沙镇"]), str(inbox.reports["青石镇"])
    first = run.cross[0]
    assert first.rule == "topic/near-duplicate" and "含青石镇的地名" in first.message
    assert (first.location.path, first.related[0].path) == (baisha, qingshi)
    copies = [d for d in run.cross if d.rule == "topic/near-duplicate"]
    assert copies == [first]  # the county template and its stock phrases are no copy
    slogan = next(d for d in run.cross if d.rule == "term/foreign-locality")
    assert slogan.location.path == baisha and "法治青石" in slogan.message and "青石镇" in slogan.message
    again = next(d for d in run.cross if d.rule == "topic/same-issuer")
    assert {loc.path for loc in again.locations} == {str(inbox.reports["红岩乡"]), str(inbox.reports["红岩乡-resubmitted"])}
    assert json.loads(outputs["json"][0])["batch"][0]["message"] == first.message
    assert book[0]["跨文件问题"].cell(row=2, column=5).value == baisha
    cross = unescape(outputs["html"][0].split('id="cross"')[1].split("</li>")[0])
    assert baisha in cross and qingshi in cross and "含青石镇的地名" in cross
    assert next(line for line in outputs["text"][0].splitlines() if line.startswith("跨文件")).count("含青石镇的地名") == 1


# ---- exports -----------------------------------------------------------------------------------

def test_the_command_writes_the_same_workbook_and_says_so(inbox, run, outputs, cli_xlsx):
    code, err, path = cli_xlsx
    assert code == 2  # some files could not be read (design.md), all the others are reported
    assert f"已写入 {path}（{run.totals.files} 份报告）" in err
    assert path.read_bytes() == outputs["xlsx"][0]  # --jobs 2 and --jobs 1 give the same results
    for fmt in ("csv", "xlsx", "html", "json"):
        assert outputs[fmt][1] < 5, f"{fmt} took {outputs[fmt][1]:.1f} s for {run.totals.files} reports"


def test_workbook_is_print_ready(book):
    workbook, _ = book
    assert workbook.sheetnames == ["汇总", "问题清单", "跨文件问题", "规则统计"]
    for sheet in workbook:
        top = _header_row(sheet, "序号" if sheet.title == "跨文件问题" else "规则" if sheet.title == "规则统计" else "文件")
        setup = sheet.page_setup
        assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == ("landscape", 9, 1, 0), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_options.gridLines
        assert sheet.print_title_rows == f"${top}:${top}" and sheet.freeze_panes == f"A{top + 1}"
        assert sheet.auto_filter.ref.startswith(f"A{top}:")
        widths = [sheet.column_dimensions[c].width for c in "ABCDEFGHIJKL"[:sheet.max_column]]
        assert all(4 <= w <= 62 for w in widths) and sum(widths) < 200, (sheet.title, widths)
    summary = workbook["汇总"]
    top = _header_row(summary)
    link = next(row[11] for row in summary.iter_rows(min_row=top + 1) if row[11].hyperlink is not None)
    target = int(link.hyperlink.location.rsplit("!A", 1)[1])
    assert workbook["问题清单"].cell(row=target, column=1).value == summary.cell(row=link.row, column=1).value


def test_workbook_prints_one_page_wide_in_libreoffice(book, tmp_path):
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed: apt-get install -y libreoffice-calc-nogui")
    pypdf = pytest.importorskip("pypdf")
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True) if shutil.which("fc-list") else None
    if fonts is None or not fonts.stdout.strip():
        pytest.skip("no Chinese font: the printed pages cannot be read back (apt-get install -y fonts-wqy-zenhei)")
    _, path = book
    done = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--norestore",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)], capture_output=True, text=True, timeout=240)
    pdf = tmp_path / "审查结果.pdf"
    if not pdf.exists() and "could not be loaded" in done.stderr + done.stdout:
        pytest.skip("LibreOffice cannot open .xlsx here: apt-get install -y libreoffice-calc-nogui")
    pages = pypdf.PdfReader(pdf).pages
    assert 4 <= len(pages) <= 60, len(pages)  # the old workbook printed the 62-file inbox on 85 pages
    last = {"汇总": "问题清单", "问题清单": "原文摘录", "跨文件问题": "说明", "规则统计": "说明"}
    for page in pages:
        assert page.mediabox.width > page.mediabox.height  # landscape
        text = page.extract_text()
        sheet = next(name for name in last if f"检查结果 · {name}" in text)
        header = next(line for line in text.splitlines() if line.startswith(("文件", "序号", "规则")))
        assert header.rstrip().endswith(last[sheet]), (sheet, header)  # every column on every page


def test_html_dashboard_in_a_browser(inbox, outputs, tmp_path):
    if CHROMIUM is None:
        pytest.skip("no headless browser: install Debian's 'chromium' package to run this test")
    page = tmp_path / "审查结果.html"
    page.write_text(outputs["html"][0], encoding="utf-8")
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=60).stdout
    assert 'id="verdicts"' in dom and 'id="by-file"' in dom and 'id="by-rule"' in dom and 'id="skipped"' in dom
    assert len(_by_file_html(dom)) == len(inbox.submissions)
    cross = dom[dom.index('id="cross"'):dom.index('id="reports"')]
    assert cross.index(str(inbox.reports["白沙镇"])) < cross.index("topic/same-issuer")
    assert re.search(r'<div class="ln dup" id="r\d+-L\d+">', dom)  # the copied passage is marked in the text


# ---- smaller behaviours of a batch run ---------------------------------------------------------

def test_include_and_exclude(inbox, tmp_path):
    out = tmp_path / "docx.json"
    main(["check", str(inbox.folder), "--include", "*.md", "--format", "json", "-o", str(out)])
    assert {f["format"] for f in json.loads(out.read_text(encoding="utf-8"))["files"]} == {"md"}
    main(["check", str(inbox.folder / "县直部门"), "--exclude", "*.md,*.docx,*.pdf", "--format", "json", "-o", str(out)])
    assert {f["format"] for f in json.loads(out.read_text(encoding="utf-8"))["files"]} == {"txt"}


def test_xlsx_needs_an_output_file(inbox, capsys):
    assert main(["check", str(inbox.folder), "--format", "xlsx"]) == 2
    assert "-o" in capsys.readouterr().err


def test_worker_results_are_slim_and_enough_for_reporters(inbox):
    from checker.results import RunResult
    from checker.rules.loader import load

    session = Session(Config())
    result, collected = session.lint_file(str(inbox.reports["青石镇"]), collect_for=[r for r in load() if r.check.batch])
    slim = result.slim()
    assert len(pickle.dumps((slim, collected))) < 0.7 * len(pickle.dumps((result, collected)))
    for name in ("json", "text", "csv", "html", "xlsx"):
        assert get(name).render(RunResult((slim,)), {}) == get(name).render(RunResult((result,)), {}), name
