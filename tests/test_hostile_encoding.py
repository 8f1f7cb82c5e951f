"""Hostile encodings: --fix never writes a file it misread, codec names are checked once, and a
damaged UTF-8 file stays UTF-8 instead of turning into UTF-16 mojibake.

Every input is built here from text; no binary fixture is committed.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.api import lint_bytes, lint_source
from checker.app import fixer
from checker.cli import main
from checker.rules.loader import load
from checker.sources import SourceError, load_bytes

DATA = Path(__file__).parent / "data"
REPORT = "一、主要举措和成效\n我们推进中国法治政府建设,取得成效。\u00a0末尾  \n"


@pytest.fixture(scope="module")
def fix_rules(rules):
    """The fixer's test rules plus the default whitespace and punctuation fixes (they delete and
    replace single characters: what breaks a misread file)."""
    wanted = {"format/whitespace", "format/punctuation-width"}
    fixes = load([str(DATA / "fix_rules.yaml")])
    return fixes.with_rules([*fixes, *(r for r in rules if r.id in wanted)])


def _fix(path: Path, rules, encoding=None):
    def lint(source):
        return lint_source(source, rules, strict=True).diagnostics

    out = fixer.fix_path(str(path), lint, encoding=encoding)
    if out.changed:
        fixer.write(str(path), out.data, out.raw)
    return out


# ---- forced codecs that misread the file ------------------------------------------------------

@pytest.mark.parametrize("forced", ["latin-1", "iso8859-15", "raw_unicode_escape", "cp1252", "utf-16"])
def test_fix_refuses_a_codec_that_misreads_utf8(tmp_path, fix_rules, forced):
    # Before: latin-1 read 中 (E4 B8 AD) as "ä¸\xad", the soft hyphen was deleted, exit 0, invalid UTF-8.
    path = tmp_path / "a.txt"
    raw = REPORT.encode("utf-8")
    path.write_bytes(raw)
    with pytest.raises(fixer.FixError, match="不符|无法"):
        _fix(path, fix_rules, forced)
    assert path.read_bytes() == raw


def test_fix_refuses_a_single_byte_codec_on_gb18030(tmp_path, fix_rules):
    path = tmp_path / "a.txt"
    raw = REPORT.encode("gb18030")
    path.write_bytes(raw)
    with pytest.raises(fixer.FixError, match="gb18030"):
        _fix(path, fix_rules, "latin-1")
    assert path.read_bytes() == raw


@pytest.mark.parametrize("forced", ["base64", "rot13", "hex", "zlib", "bz2", "no-such-codec", "undefined"])
def test_a_codec_that_is_no_text_encoding_is_a_usage_error(tmp_path, capsys, forced):
    path = tmp_path / "a.txt"
    path.write_bytes(REPORT.encode())
    for extra in ([], ["--fix"]):
        assert main(["check", str(path), "--encoding", forced, "--no-progress", *extra]) == 2
        err = capsys.readouterr().err
        assert "--encoding" in err and "Traceback" not in err
    assert path.read_bytes() == REPORT.encode()


def test_a_transform_codec_in_the_api_is_a_file_error():
    result = lint_bytes(REPORT.encode(), "a.txt", [], encoding="base64")
    assert result.error and "不是文本文件的文字编码" in result.error


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_forced_utf8_sig_keeps_the_file_as_it_was(tmp_path, fix_rules, bom):
    path = tmp_path / "a.txt"
    path.write_bytes(bom + REPORT.encode())
    out = _fix(path, fix_rules, "utf-8-sig")
    data = path.read_bytes()
    assert out.changed and data.startswith(bom) and data[len(bom):].decode("utf-8") == out.text


def test_forced_utf16_follows_the_bom(tmp_path, fix_rules):
    path = tmp_path / "a.txt"
    raw = codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be")
    path.write_bytes(raw)
    out = _fix(path, fix_rules, "utf-16")
    data = path.read_bytes()
    assert out.changed and data.startswith(codecs.BOM_UTF16_BE)
    assert data[2:].decode("utf-16-be") == out.text


# ---- property: after --fix the file reads with its own encoding, only the fixes changed -------

STORED = [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("big5", b""),
          ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-32-le", codecs.BOM_UTF32_LE)]
FORCED = [None, "same", "utf-8", "gb18030", "big5", "latin-1", "iso8859-15", "raw_unicode_escape", "cp1252", "utf-16"]
PIECES = ["推进法制政府建设", "政府,工作", "中国", "法治", "依法行政", "。", "，，", "\u00a0", "  ", "12,345", "A,B", "二、"]
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                          HealthCheck.function_scoped_fixture])


@PROPERTY
@given(lines=st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=5), min_size=1, max_size=5),
       stored=st.sampled_from(STORED), newline=st.sampled_from(["\n", "\r\n", "\r"]), forced=st.sampled_from(FORCED))
def test_fix_keeps_encoding_bom_and_line_endings(fix_rules, lines, stored, newline, forced):
    encoding, bom = stored
    text = newline.join("".join(parts) for parts in lines) + newline
    try:
        raw = bom + text.encode(encoding)
    except UnicodeEncodeError:
        return  # not every text has a Big5 form
    forced = encoding if forced == "same" else forced
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "报告.txt"
        path.write_bytes(raw)
        try:
            out = _fix(path, fix_rules, forced)
        except fixer.FixError:
            out = None
        after = path.read_bytes()
        assert os.listdir(folder) == ["报告.txt"]
    if out is None or not out.changed:
        assert after == raw
        return
    assert out.original == text  # the fixer worked on the file's real text, not on a misreading
    assert after.startswith(bom)
    assert after[len(bom):].decode(encoding) == out.text  # strict: no byte was broken
    kinds = {k for k in ("\r\n", "\r", "\n") if k in out.text.replace("\r\n", "")} | ({"\r\n"} if "\r\n" in out.text else set())
    assert kinds <= {newline}


# ---- decoding: a damaged UTF-8 file stays UTF-8 ----------------------------------------------

BODY = "一、主要举措和成效\n2023年，我们推进依法行政，受理行政复议案件12件。\n" * 20


@pytest.mark.parametrize("damage", ["stray", "cut-even", "cut-odd", "bom-cut"])
def test_damaged_utf8_stays_utf8(rules, damage):
    data = BODY.encode()
    if damage == "stray":
        at = data.index(b"\n") + 1
        data = data[:at] + b"\xff" + data[at:]
    elif damage == "cut-even":  # a character cut at the end, even length: was read as UTF-16-LE
        data = data + "法".encode()[:2 if len(data) % 2 == 0 else 1]
        assert len(data) % 2 == 0
    elif damage == "cut-odd":
        data = data + "法".encode()[:2 if len(data) % 2 else 1]
    else:
        data = codecs.BOM_UTF8 + data + "法".encode()[:2]
    result = lint_bytes(data, "a.txt", rules)
    assert result.error is None and result.source.encoding == "utf-8"
    assert result.source.text.replace("\ufffd", "") == BODY
    garbled = [d for d in result.diagnostics if d.rule == "format/garbled"]
    assert garbled and "\ufffd" in result.source.text


def test_badly_damaged_utf8_is_refused_with_a_message():
    data = BODY.encode() * 20 + b"\xff" * 300
    with pytest.raises(SourceError, match="UTF-8.*300 处"):
        load_bytes(data, "a.txt")


def test_utf16_without_bom_needs_evidence():
    assert load_bytes(BODY.encode("utf-16-le"), "a.txt").encoding == "utf-16-le"
    assert load_bytes(BODY.encode("utf-16-be"), "a.txt").encoding == "utf-16-be"
    assert load_bytes("plain ASCII text, no BOM\n".encode("utf-16-le"), "a.txt").encoding == "utf-16-le"
    assert load_bytes(BODY.encode("gb18030"), "a.txt").encoding == "gb18030"


def test_damaged_utf8_is_not_fixed(tmp_path, fix_rules):
    path = tmp_path / "a.txt"
    raw = REPORT.encode() + "法".encode()[:2]
    path.write_bytes(raw)
    with pytest.raises(fixer.FixError, match="无法解码"):
        _fix(path, fix_rules)
    assert path.read_bytes() == raw
