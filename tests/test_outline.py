"""The outline: which lines are headings, how they nest, and the front and back matter."""

from __future__ import annotations

import pytest

from checker.document.normalize import normalize
from checker.document.outline import build
from checker.sources import Source

from conftest import document


def parse(text: str):
    return document(text)


@pytest.mark.parametrize(
    "line, level, number",
    [
        ("一、主要举措和成效", 1, 1),
        ("十二、其他", 1, 12),
        ("二、2021年度推进法治政府建设工作的主要举措和成效", 1, 2),
        ("一.基本情况", 1, 1),
        ("（一）加强组织领导", 2, 1),
        ("(二)加强组织领导", 2, 2),
        ("（三）、加强组织领导", 2, 3),
        ("1.完善制度", 3, 1),
        ("1．完善制度", 3, 1),
        ("2、完善制度", 3, 2),
        ("（1）明确分工", 4, 1),
        ("(4)明确分工", 4, 4),
        ("①落实", 5, 1),
        ("第一部分 工作情况", 0, 1),
        ("  （二）缩进的标题", 2, 2),
    ],
)
def test_heading_lines(line, level, number):
    doc = parse(line + "\n正文。")
    assert [(h.level, h.number) for h in doc.headings] == [(level, number)]


@pytest.mark.parametrize(
    "line",
    ["一是加强组织领导。", "1.5万件矛盾纠纷全部化解。", "4.15国家安全教育日开展宣传。", "2021年，我镇坚持依法行政。",
     "十四五规划顺利实施。", "12345热线受理诉求。", "第一，加强学习。", "（2021—2025年）规划"],
)
def test_lines_that_are_not_headings(line):
    assert parse("一、主要举措和成效\n" + line).headings[1:] == ()


def test_run_in_heading_splits_at_first_full_stop():
    doc = parse("一、主要举措和成效\n（一）加强组织领导，健全工作机制。我局将法治建设纳入年度计划。")
    heading = doc.headings[1]
    assert heading.run_in and heading.title_text == "加强组织领导，健全工作机制。"


def test_skipped_levels_nest_without_error():
    doc = parse("一、主要举措\n（1）分工\n二、不足\n1.人员")
    first, second = doc.root.children
    assert first.children[0].heading.level == 4
    assert second.children[0].heading.level == 3


def test_front_and_back_matter():
    doc = parse(
        "丰都县青溪镇人民政府\n\n青溪镇2023年法治政府建设情况报告\n\n县委、县政府：\n2023年，青溪镇坚持依法行政。\n"
        "一、主要举措和成效\n正文。\n特此报告。\n青溪镇人民政府\n2024年1月26日\n- 3 -\n"
    )
    assert doc.header.content == "丰都县青溪镇人民政府"
    assert doc.title_text == "青溪镇2023年法治政府建设情况报告"
    assert doc.addressee.content == "县委、县政府："
    assert [l.content for l in doc.preamble] == ["2023年，青溪镇坚持依法行政。"]
    assert doc.closing.content == "特此报告。"
    assert doc.signature.issuer == "青溪镇人民政府"
    assert doc.signature.date_line.content == "2024年1月26日"
    assert [l.content for l in doc.trailer] == ["- 3 -"]


@pytest.mark.parametrize("header", ["中共青溪县委 青溪县人民政府", "中共青溪县委\u3000青溪县人民政府"])
def test_joint_issuers_above_the_title(header):
    doc = parse(header + "\n关于2023年度法治政府建设情况的报告\n市委、市政府：\n2023年，我县坚持依法行政。\n一、主要举措和成效\n正文。")
    assert doc.header.content.replace(" ", "") == "中共青溪县委青溪县人民政府"
    assert doc.title_text == "关于2023年度法治政府建设情况的报告"


def test_a_line_above_the_title_that_names_no_body_is_no_header():
    doc = parse("发布时间 2024年3月1日\n关于2023年度法治政府建设情况的报告\n2023年，我县坚持依法行政。\n一、主要举措和成效\n正文。")
    assert doc.header is None


def test_wrapped_title_spans_two_lines():
    doc = parse("石门县人民政府关于2022年度法治政府建设\n情况的报告\n2022年，我县坚持依法行政。")
    assert doc.title_text == "石门县人民政府关于2022年度法治政府建设情况的报告"


def test_no_title_when_the_report_starts_with_the_body():
    doc = parse("2023年，我局坚持依法行政，" + "各项工作有序推进" * 8 + "。\n一、主要工作举措和成效")
    assert doc.title == ()


def test_positions_survive_normalisation():
    source = Source("t.txt", "txt", "一、政(zhèng)府工作\r\n(一)加强")
    doc = build(source, norm=normalize(source))
    marker = doc.headings[1].marker
    assert doc.original(marker) == "(一)"


@pytest.mark.parametrize("text", ["", "\n\n\n", "一、", "（一）" * 1000, "一、\n" * 500])
def test_never_raises(text):
    parse(text)


def test_signature_above_an_attachment_block():
    doc = parse("一、主要举措和成效\n正文。\n附件：2023年度行政执法数据统计表\n\n松源县市场监督管理局\n2024年2月5日\n\n附件\n"
                "松源县市场监督管理局2023年度行政执法数据统计表\n项目\t数量\n行政处罚案件（件）\t236\n")
    assert doc.signature.issuer == "松源县市场监督管理局"
    assert doc.signature.date_line.content == "2024年2月5日"
    assert doc.trailer[0].content == "附件"


def test_signature_above_web_page_footer():
    doc = parse("一、主要举措和成效\n正文。\n青溪区人民政府\n2022年2月18日\n【打印】【关闭】\n扫一扫在手机打开当前页\n")
    assert doc.signature.date_line.content == "2022年2月18日"


def test_attachment_note_above_the_signature_is_not_an_attachment_block():
    doc = parse("一、主要举措和成效\n正文。\n附件：统计表\n松源县市场监督管理局\n2024年2月5日\n")
    assert doc.signature.issuer == "松源县市场监督管理局" and doc.trailer == ()
