"""Text loading: encodings, BOMs, line endings, and clear errors for what is not a text file."""

from __future__ import annotations

import codecs

import pytest

from checker.sources import SourceError, load_bytes
from checker.sources.text import decode

REPORT = "青溪镇人民政府关于2023年度法治政府建设情况的报告\n2023年，青溪镇坚持依法行政，受理行政复议案件12件。\n"


@pytest.mark.parametrize(
    "data, encoding, bom",
    [
        (REPORT.encode("utf-8"), "utf-8", False),
        (codecs.BOM_UTF8 + REPORT.encode("utf-8"), "utf-8", True),
        (codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), "utf-16-le", True),
        (codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), "utf-16-be", True),
        (REPORT.encode("gb18030"), "gb18030", False),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "gb18030"],
)
def test_encodings_decode_to_the_same_text(data, encoding, bom):
    source = load_bytes(data, "r.txt")
    assert source.text == REPORT
    assert source.encoding == codecs.lookup(encoding).name
    assert source.bom is bom


def test_big5_is_detected():
    text = "臺北市政府關於2023年度法治政府建設情況的報告\n本年度受理行政複議案件十二件，均依法辦理完畢。\n" * 3
    assert load_bytes(text.encode("big5"), "r.txt").text == text


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_are_remembered(newline):
    source = load_bytes(REPORT.replace("\n", newline).encode(), "r.txt")
    assert source.newline == newline


def test_forced_encoding():
    data = REPORT.encode("gb18030")
    assert load_bytes(data, "r.txt", encoding="gb18030").text == REPORT
    with pytest.raises(SourceError, match="utf-8"):
        load_bytes(data, "r.txt", encoding="utf-8")
    with pytest.raises(SourceError, match="不认识的编码"):
        load_bytes(data, "r.txt", encoding="no-such-codec")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "为空"),
        (b"   \n\n", "没有文字"),
        (bytes(range(256)) * 10, "二进制"),
        (b"PK\x03\x04rest", "压缩包"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ".doc"),
    ],
    ids=["empty", "blank", "binary", "zip-as-txt", "ole-as-txt"],
)
def test_unreadable_inputs_raise_a_clear_error(data, message):
    with pytest.raises(SourceError, match=message):
        load_bytes(data, "r.txt")


@pytest.mark.parametrize("text", ["政府,工作\n", "政府，工作\n", "推进法制政府建设。\n", "二〇二三年\n"])
def test_a_short_gb18030_file_is_not_taken_for_big5(text):
    # charset_normalizer alone read the GBK bytes of 政府,工作 as the Big5 淉葬,馱釬.
    decoded = decode(text.encode("gb18030"))
    assert (decoded.text, decoded.encoding) == (text, "gb18030")


@pytest.mark.parametrize("text", ["政府,工作\n", "依法行政\n", "繁體中文的報告內容，依法行政。\n",
                                  "一、主要舉措和成效\n本年度共受理行政復議案件十二件。\n"])
def test_a_big5_file_stays_big5(text):
    decoded = decode(text.encode("big5"))
    assert (decoded.text, decoded.encoding) == (text, "big5")
