"""read_docx: paragraphs → lines, Word automatic numbering, tables, and refusal of unsafe input.

Every .docx here is generated at test time (tests/docgen.py); nothing binary is committed.
"""

from __future__ import annotations

import io
import time
import zipfile

import pytest

pytest.importorskip("lxml")
pytest.importorskip("docx")  # python-docx, the fixture generator

from checker.sources import docx_package  # noqa: E402
from checker.sources.docx import read_docx  # noqa: E402
from checker.sources.docx_numbering import format_number  # noqa: E402
from checker.sources.errors import SourceError  # noqa: E402
from docgen import (  # noqa: E402
    OUTLINE_LEVELS, Num, Raw, Styled, Table, docx_bytes, lvl, numbering_xml, patch_zip,
)

OUTLINE = numbering_xml({"0": OUTLINE_LEVELS}, {"1": "0"})


def lines(data: bytes) -> list[str]:
    return read_docx(data).text.split("\n")


# ------------------------------------------------------------------ paragraphs and positions

def test_typed_paragraphs_and_empty_paragraphs_are_lines():
    data = docx_bytes(["桑柘镇2021年度法治政府建设报告", None, "一、主要举措和成效", "", "（一）强化领导"])
    result = read_docx(data)
    assert result.text.split("\n") == ["桑柘镇2021年度法治政府建设报告", "", "一、主要举措和成效", "",
                                       "（一）强化领导"]
    assert result.meta["paragraphs"] == 5
    assert result.meta["line_breaks"] == 0
    assert "numbering" not in result.meta
    assert result.drop == () and result.soft_breaks == ()


def test_tables_each_cell_paragraph_is_a_line():
    data = docx_bytes(["前言", Table([["项目", "件数"], ["行政复议", "14\n其中撤销2"]]), "结尾"])
    result = read_docx(data)
    assert result.text.split("\n") == ["前言", "项目", "件数", "行政复议", "14", "其中撤销2", "结尾"]
    assert result.meta["tables"] == [[2, 6]]


def test_nested_table_is_inside_its_cell():
    inner = ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>内1</w:t></w:r></w:p></w:tc>'
             '<w:tc><w:p><w:r><w:t>内2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    outer = ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>外1</w:t></w:r></w:p>' + inner +
             '<w:p/></w:tc><w:tc><w:p><w:r><w:t>外2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    result = read_docx(docx_bytes(["前", Raw(outer), "后"]))
    assert result.text.split("\n") == ["前", "外1", "内1", "内2", "", "外2", "后"]
    assert result.meta["tables"] == [[2, 6]]


def test_inline_content_fields_breaks_and_tracked_changes():
    para = (
        "<w:p>"
        "<w:r><w:t xml:space=\"preserve\">共</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        "<w:r><w:instrText> MERGEFIELD 件数 </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
        "<w:r><w:t>14</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>件</w:t></w:r></w:fldSimple>"
        "<w:del><w:r><w:delText>删除的</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>，新增</w:t></w:r></w:ins>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        "<w:r><w:tab/><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t></w:r>"
        "<w:r><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/>"
        "<w:sym w:font=\"SimSun\" w:char=\"2605\"/></w:r>"
        "<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink>"
        "<w:r><w:footnoteReference w:id=\"1\"/></w:r>"
        "</w:p>"
    )
    assert lines(docx_bytes([Raw(para)])) == ["共14件，新增\tA-B★链接"]


def test_manual_line_break_starts_a_line_page_break_at_edge_does_not():
    data = docx_bytes([
        Raw("<w:p><w:r><w:br w:type=\"page\"/><w:t>二、存在的不足</w:t></w:r></w:p>"),
        Raw("<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>"),
        Raw("<w:p><w:r><w:t>页前</w:t><w:br w:type=\"page\"/><w:t>页后</w:t></w:r></w:p>"),
        "尾",
    ])
    result = read_docx(data)
    assert result.text.split("\n") == ["二、存在的不足", "第一行", "第二行", "页前", "页后", "尾"]
    assert result.meta["line_breaks"] == 2
    assert result.meta["paragraphs"] == 4


def test_alternate_content_is_read_through_its_fallback():
    para = ("<w:p><w:r><w:t>复选</w:t></w:r><mc:AlternateContent><mc:Choice Requires=\"w14\">"
            "<w:r><w:t>新版</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>☑</w:t></w:r>"
            "</mc:Fallback></mc:AlternateContent></w:p>"
            "<mc:AlternateContent><mc:Choice Requires=\"w14\"><w:p><w:r><w:t>甲</w:t></w:r></w:p>"
            "</mc:Choice><mc:Fallback><w:p><w:r><w:t>乙</w:t></w:r></w:p></mc:Fallback>"
            "</mc:AlternateContent>")
    assert lines(docx_bytes([Raw(para)])) == ["复选☑", "乙"]


def test_text_boxes_and_alternate_content_are_not_body_text():
    para = ("<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
            "<w:drawing/></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框"
            "</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent>"
            "</w:r></w:p>")
    assert lines(docx_bytes([Raw(para)])) == ["正文"]


# ------------------------------------------------------------------ automatic numbering

def test_gbt9704_outline_numbering_is_rendered_like_word():
    blocks = ["报告", Num(0, "主要举措和成效"), Num(1, "加强领导"), Num(2, "制定方案"),
              Num(3, "细化分工"), Num(2, "落实责任"), Num(1, "规范执法"), Num(2, "开展培训"),
              "正文段落，不编号。", Num(0, "存在的不足和原因")]
    result = read_docx(docx_bytes(blocks, numbering=OUTLINE))
    assert result.text.split("\n") == [
        "报告", "一、主要举措和成效", "（一）加强领导", "1.制定方案", "（1）细化分工", "2.落实责任",
        "（二）规范执法", "1.开展培训", "正文段落，不编号。", "二、存在的不足和原因"]
    assert result.meta["numbering"] == "auto"
    assert result.meta["auto_numbered"] == [2, 3, 4, 5, 6, 7, 8, 10]


def test_chinese_counting_past_ten():
    result = lines(docx_bytes([Num(0, "项")] * 21, numbering=OUTLINE))
    assert [line[:-2] for line in (result[9], result[10], result[19], result[20])] == [
        "十", "十一", "二十", "二十一"]


@pytest.mark.parametrize("fmt, values, expected", [
    ("chineseCounting", [1, 10, 11, 20, 21, 99, 100, 101, 110, 1001],
     "一 十 十一 二十 二十一 九十九 一百 一百零一 一百一十 一千零一"),
    ("chineseCountingThousand", [3, 15], "三 十五"),
    ("chineseLegalSimplified", [1, 10, 12], "壹 壹拾 壹拾贰"),
    ("ideographTraditional", [1, 4, 10], "甲 丁 癸"),
    ("decimal", [1, 12], "1 12"),
    ("decimalZero", [3, 12], "03 12"),
    ("decimalFullWidth", [3, 12], "３ １２"),
    ("decimalEnclosedCircle", [1, 10, 20, 21], "① ⑩ ⑳ 21"),
    ("decimalEnclosedParen", [1], "⑴"),
    ("upperLetter", [1, 26, 27], "A Z AA"),
    ("lowerLetter", [2], "b"),
    ("upperRoman", [4, 9, 14, 2021], "IV IX XIV MMXXI"),
    ("lowerRoman", [3], "iii"),
    ("none", [5], ""),
    ("someFutureFormat", [5], "5"),
])
def test_number_formats(fmt, values, expected):
    assert " ".join(format_number(v, fmt) for v in values) == expected


@pytest.mark.parametrize("text, fmt, suff, expected", [
    ("%1、", "chineseCounting", None, "一、事项"),
    ("（%1）", "chineseCounting", None, "（一）事项"),
    ("%1.", "decimal", None, "1.事项"),
    ("%1．", "decimalFullWidth", None, "１．事项"),
    ("(%1)", "decimal", None, "(1) 事项"),
    ("%1)", "decimal", "space", "1) 事项"),
    ("%1)", "decimal", "nothing", "1)事项"),
    ("第%1部分", "chineseCounting", None, "第一部分 事项"),
    ("%1", "decimalEnclosedCircle", "tab", "① 事项"),
])
def test_marker_separator(text, fmt, suff, expected):
    numbering = numbering_xml({"0": lvl(0, fmt, text, suff=suff)}, {"1": "0"})
    assert lines(docx_bytes([Num(0, "事项")], numbering=numbering)) == [expected]


def test_multilevel_reference_and_legal_numbering():
    levels = (lvl(0, "chineseCounting", "第%1章") + lvl(1, "decimal", "%1.%2")
              + lvl(2, "decimal", "%1.%2.%3", extra="<w:isLgl/>"))
    numbering = numbering_xml({"0": levels}, {"1": "0"})
    assert lines(docx_bytes([Num(0, "总则"), Num(1, "目的"), Num(2, "细则"), Num(0, "分则"),
                             Num(1, "范围")], numbering=numbering)) == [
        "第一章 总则", "一.1 目的", "1.1.1 细则", "第二章 分则", "二.1 范围"]


def test_start_and_start_override_and_shared_abstract_counter():
    numbering = numbering_xml(
        {"0": lvl(0, "decimal", "%1.", start=3)},
        {"1": "0",
         "2": '0|<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>',
         "3": "0"})
    blocks = [Num(0, "a", "1"), Num(0, "b", "1"), Num(0, "c", "2"), Num(0, "d", "2"),
              Num(0, "e", "3"), Num(0, "f", "1")]
    assert lines(docx_bytes(blocks, numbering=numbering)) == [
        "3.a", "4.b", "1.c", "2.d", "3.e", "4.f"]


def test_lower_levels_restart_unless_lvl_restart_zero():
    levels = (lvl(0, "chineseCounting", "%1、")
              + lvl(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>'))
    numbering = numbering_xml({"0": levels}, {"1": "0"})
    blocks = [Num(0, "甲"), Num(1, "a"), Num(1, "b"), Num(0, "乙"), Num(1, "c")]
    assert lines(docx_bytes(blocks, numbering=numbering)) == ["一、甲", "1.a", "2.b", "二、乙", "3.c"]


def test_numbering_through_paragraph_style_and_num_id_zero():
    levels = (lvl(0, "chineseCounting", "%1、", extra='<w:pStyle w:val="Heading1"/>')
              + lvl(1, "chineseCounting", "（%2）", extra='<w:pStyle w:val="Heading2"/>'))
    numbering = numbering_xml({"5": levels}, {"7": "5"})
    blocks = [Styled("Heading 1", "主要举措和成效"), Styled("Heading 2", "加强领导"),
              Raw('<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr>'
                  '</w:pPr><w:r><w:t>不编号的标题</w:t></w:r></w:p>'),
              Styled("Heading 1", "存在的不足")]
    data = docx_bytes(blocks, numbering=numbering,
                      style_numbering={"Heading 1": ("7", None), "Heading 2": ("7", 1)})
    assert lines(data) == ["一、主要举措和成效", "（一）加强领导", "不编号的标题", "二、存在的不足"]


def test_unknown_num_id_renders_no_marker():
    assert lines(docx_bytes([Num(0, "正文", "99")], numbering=OUTLINE)) == ["正文"]


def test_numbering_inside_table_cells():
    cell = ('<w:tc><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            '<w:r><w:t>{}</w:t></w:r></w:p></w:tc>')
    table = "<w:tbl><w:tr>" + cell.format("甲") + cell.format("乙") + "</w:tr></w:tbl>"
    assert lines(docx_bytes([Raw(table)], numbering=OUTLINE)) == ["一、甲", "二、乙"]


# ------------------------------------------------------------------ refusal

def _zip(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return out.getvalue()


def _refused(data: bytes, *words: str) -> str:
    with pytest.raises(SourceError) as info:
        read_docx(data)
    message = str(info.value)
    for word in words:
        assert word in message
    return message


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def test_empty_file():
    _refused(b"", "空")


def test_legacy_doc():
    _refused(OLE + "WordDocument".encode("utf-16-le"), ".doc", "另存为 .docx")


def test_encrypted_docx():
    _refused(OLE + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le"),
             "加密")


def test_not_a_zip():
    _refused("这只是一段文字".encode(), "损坏", ".docx")


def test_rtf_and_pdf_under_docx_name():
    _refused(b"{\\rtf1\\ansi hello}", "RTF")
    _refused(b"%PDF-1.7\n...", "PDF")


def test_truncated_zip():
    data = docx_bytes(["正文"] * 50)
    _refused(data[: len(data) // 2], "损坏")


def test_zip_without_document_xml():
    _refused(_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
             "word/document.xml")


def test_odt_renamed():
    _refused(_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
             "ODT")


def test_malformed_xml():
    data = patch_zip(docx_bytes(["正文"]), {"word/document.xml": b"<w:document><w:body>"})
    _refused(data, "损坏")


def test_zip_bomb_by_ratio_is_refused_fast():
    started = time.perf_counter()
    bomb = _zip({"word/document.xml": b"\0" * (24 * 1024 * 1024)})  # below the size cap
    assert len(bomb) < 100_000
    _refused(bomb, "异常庞大")
    assert time.perf_counter() - started < 5


def test_size_cap_holds_whatever_the_ratio(monkeypatch):
    monkeypatch.setattr(docx_package, "MAX_PART_BYTES", 4096)
    doc = docx_bytes(["法治政府建设报告正文" * 100])
    _refused(doc, "异常庞大")


def test_total_budget_across_parts(monkeypatch):
    monkeypatch.setattr(docx_package, "MAX_TOTAL_BYTES", 3000)
    _refused(docx_bytes(["正文"]), "异常庞大")  # styles.xml alone is larger than that


def _entity(i: int) -> bytes:
    ref = b"&lol%d;" % (i - 1) if i > 1 else b"&lol;"
    return b'<!ENTITY lol%d "%s">' % (i, ref * 10)


BILLION_LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(_entity(i) for i in range(1, 10))
                  + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                    b'2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body>'
                    b'</w:document>')


def test_billion_laughs_is_refused_fast():
    started = time.perf_counter()
    _refused(patch_zip(docx_bytes(["正文"]), {"word/document.xml": BILLION_LAUGHS}), "DOCTYPE")
    assert time.perf_counter() - started < 2


def test_external_entity_is_refused_without_reading_it():
    xxe = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           b'<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
    _refused(patch_zip(docx_bytes(["正文"]), {"word/document.xml": xxe}), "DOCTYPE")


def test_doctype_in_numbering_part_is_refused_too():
    data = docx_bytes([Num(0, "正文")], numbering=OUTLINE)
    _refused(patch_zip(data, {"word/numbering.xml": BILLION_LAUGHS}), "DOCTYPE")


def test_utf16_doctype_is_refused():
    xml = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY e "x">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body/></w:document>').encode("utf-16")
    _refused(patch_zip(docx_bytes(["正文"]), {"word/document.xml": xml}), "DOCTYPE")


def test_missing_styles_and_numbering_parts_are_fine():
    data = patch_zip(docx_bytes([Num(0, "正文")], numbering=OUTLINE),
                     {"word/styles.xml": None, "word/numbering.xml": None})
    assert lines(data) == ["正文"]


def test_strict_open_xml_namespace_is_read():
    strict = (b'<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>'
              b'<w:p><w:r><w:t>\xe6\xad\xa3\xe6\x96\x87</w:t></w:r></w:p></w:body></w:document>')
    assert lines(patch_zip(docx_bytes(["x"]), {"word/document.xml": strict})) == ["正文"]
