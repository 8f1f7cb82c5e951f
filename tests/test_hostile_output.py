"""Hostile text in outputs: lone surrogates, undecodable file names and consoles that lack a
character never cost the batch its output, and ``-o`` is replaced atomically, never left empty.

Every input is built here; no binary fixture is committed.
"""

from __future__ import annotations

import io
import json
import os
import sys

import pytest

from checker.api import lint_bytes, lint_text
from checker.app import output
from checker.cli import main
from checker.reporters import FORMATS

REPORT = "一、主要举措和成效\n我们推进依法行政,取得成效。\n"


def test_a_lone_surrogate_becomes_u_fffd_at_the_same_offset(rules):
    text = REPORT + "出现\ud800字符\udfff。\n"
    result = lint_text(text, rules)
    assert len(result.source.text) == len(text)
    assert result.source.text == text.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
    assert "format/garbled" in [d.rule for d in result.diagnostics]


def test_raw_unicode_escape_surrogate_is_scrubbed(rules):
    result = lint_bytes(b"\\ud800 " + REPORT.encode("raw_unicode_escape"), "a.txt", rules, encoding="raw_unicode_escape")
    assert result.error is None and "\ud800" not in result.source.text and "\ufffd" in result.source.text


def test_docx_symbol_d800_is_scrubbed(rules):
    from docgen import Raw, docx_bytes

    data = docx_bytes(["一、主要举措和成效", Raw('<w:p><w:r><w:t>符号</w:t><w:sym w:font="SimSun" w:char="D800"/></w:r></w:p>')])
    result = lint_bytes(data, "a.docx", rules)
    assert result.error is None and "符号\ufffd" in result.source.text


def test_pdf_text_with_a_surrogate_is_scrubbed(rules, monkeypatch):
    from checker.sources import pdf
    from checker.sources.extracted import Extracted

    monkeypatch.setattr(pdf, "read_pdf", lambda data: Extracted(text=REPORT + "字体\udc81无映射\n"))
    result = lint_bytes(b"%PDF-1.4", "a.pdf", rules)
    assert result.error is None and "字体\ufffd无映射" in result.source.text


@pytest.fixture
def hostile_folder(tmp_path):
    """A file whose name is not valid UTF-8 (a surrogate in the str path) and one with odd text."""
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "wb") as handle:
        handle.write(REPORT.encode())
    (folder / "odd.txt").write_bytes(("\\ud800 [bold]=1+1 \x07\x1b[31m" + REPORT).encode())
    return folder


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_writes_its_output_despite_odd_text(hostile_folder, tmp_path, capsys, fmt):
    # Before: one surrogate made the writer raise, the batch's output was lost and -o left at 0 bytes.
    target = tmp_path / f"out.{fmt}"
    code = main(["check", str(hostile_folder), "--format", fmt, "-o", str(target), "--no-progress", "--jobs", "1"])
    assert code in (0, 1) and "Traceback" not in capsys.readouterr().err
    data = target.read_bytes()
    assert data and "bad" in _readable(fmt, data)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_baseline_of_odd_names_is_written(hostile_folder, tmp_path, capsys):
    target = tmp_path / "baseline.json"
    assert main(["check", str(hostile_folder), "--write-baseline", str(target), "--no-progress"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert json.loads(target.read_text(encoding="utf-8"))["findings"]


def _readable(fmt: str, data: bytes) -> str:
    if fmt == "xlsx":
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data))
        return " ".join(str(c.value) for row in book.worksheets[0].iter_rows() for c in row)
    text = data.decode("utf-8")  # strict: valid UTF-8 throughout
    if fmt in ("json", "sarif"):
        json.loads(text)
    return text


def test_stdout_without_the_character_gets_an_escape(monkeypatch):
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="gbk"))
    output.write("成效•😀\ud800\n", None)
    sys.stdout.flush()
    assert raw.getvalue().decode("gbk") == "成效\\u2022\\U0001f600\\ufffd\n"


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "结果.json"
    target.write_text("old", encoding="utf-8")

    def broken(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(output.OutputError, match="No space"):
        output.write("new", str(target))
    assert target.read_text(encoding="utf-8") == "old" and os.listdir(tmp_path) == ["结果.json"]


def _half_then_fail(*args):
    yield '{"version": 1,'
    raise ZeroDivisionError


@pytest.mark.parametrize("where", ["before", "midway"])
def test_a_reporter_bug_keeps_the_old_file(tmp_path, capsys, monkeypatch, where):
    from checker.reporters import json as json_reporter

    source, target = tmp_path / "a.txt", tmp_path / "out.json"
    source.write_text(REPORT, encoding="utf-8")
    target.write_text("old", encoding="utf-8")
    if where == "before":
        monkeypatch.delattr(json_reporter, "chunks")
        monkeypatch.setattr(json_reporter, "render", lambda *a: 1 / 0)
    else:  # the output is written as it is made: a failure halfway must not leave half a file
        monkeypatch.setattr(json_reporter, "chunks", _half_then_fail)
    assert main(["check", str(source), "--format", "json", "-o", str(target), "--no-progress"]) == 2
    assert "内部错误" in capsys.readouterr().err and target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out.json"]


def test_streamed_json_and_sarif_are_what_json_dumps_gives(rules):
    # Streaming keeps 100k findings from needing the pieces and the whole string at once (899 MB).
    from checker.diagnostics import Diagnostic, Location, Severity
    from checker.reporters import json as json_reporter, sarif
    from checker.results import FileResult, RunResult

    batch = (Diagnostic("topic/near-duplicate", Severity.WARNING, "相同段落", Location(1, 1, 2, 1, path="a.txt"),
                        related=(Location(3, 1, 4, 1, path="b.txt"),), share=0.5),)
    results = (lint_text(REPORT * 3, rules), FileResult("坏.txt", error="无法读取"), lint_text("无", rules))
    for run in (RunResult(()), RunResult(results, batch), RunResult(results[:1])):
        for reporter, document in ((json_reporter, json_reporter.document(run)),
                                   (sarif, sarif.document(run, {"rules": rules}))):
            expected = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
            assert "".join(reporter.chunks(run, {"rules": rules})) == expected


def test_output_keeps_the_mode_and_writes_into_devices(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    output.write("new", str(target))
    assert target.read_text(encoding="utf-8") == "new" and os.stat(target).st_mode & 0o777 == 0o640
    output.write("discarded", os.devnull)
    assert os.path.exists(os.devnull) and not os.path.isfile(os.devnull)
