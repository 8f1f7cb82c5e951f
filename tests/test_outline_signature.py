"""The outline finds the signing date in every form clerks write, so the date rules can judge it."""

from __future__ import annotations

import pytest

from checker.analysis.facts import parse_date

from conftest import analyse, document

BODY = "青溪镇人民政府关于2023年度法治政府建设情况的报告\n2023年，我镇坚持依法行政。\n一、主要举措和成效\n（一）加强组织领导。\n"


def outline(tail: str):
    return document(BODY + tail, path="<t>")


@pytest.mark.parametrize("written", [
    "2024年1月15日", "2024.1.15", "2024-01-15", "2024/1/15", "2024年01月05日", "二〇二四年一月五日",
    "二○二四年一月十五日", "二O二四年一月十五日", "二0二四年一月十五日", "2024年1月", "2024年1月 15日",
    "2024年1月15", "2024年1月15号", "2024年2月30日", "二〇二三年十二月二十一日",
])
def test_date_line_forms_are_the_signature_date(written):
    doc = outline(f"青溪镇人民政府\n{written}\n")
    assert doc.signature is not None and doc.signature.date_line is not None
    assert doc.text[doc.signature.date_span.start:doc.signature.date_span.end] == written
    assert doc.signature.issuer == "青溪镇人民政府"


def test_date_on_the_issuer_line_and_page_number_after_it():
    doc = outline("青溪镇人民政府  2024年1月15日\n- 3 -\n")
    assert doc.text[doc.signature.date_span.start:doc.signature.date_span.end] == "2024年1月15日"
    assert [line.content for line in doc.trailer] == ["- 3 -"]


def test_trailing_spaces_stay_out_of_the_date_span():
    doc = outline("青溪镇人民政府\n2024.1.15   \n")
    assert doc.text[doc.signature.date_span.start:doc.signature.date_span.end] == "2024.1.15"


@pytest.mark.parametrize("last", [
    "（二）2023年共办理案件12件。", "2023.12", "12.5", "2023年", "计划于2024年1月15日前完成。",
])
def test_body_lines_are_no_date_line(last):
    doc = outline(f"{last}\n")
    assert doc.signature is None or doc.signature.date_line is None


@pytest.mark.parametrize("written, expected", [
    ("2024年1月15日", (2024, 1, 15)), ("二〇二三年十二月二十一日", (2023, 12, 21)), ("2024.2.29", (2024, 2, 29)),
    ("二O二四年一月五日", (2024, 1, 5)), ("2024年2月30日", None), ("2023年2月29日", None), ("2024年1月", None),
])
def test_signature_date_fact(written, expected):
    facts = analyse(BODY + f"青溪镇人民政府\n{written}\n").facts
    got = facts.signature_date
    assert (got.year, got.month, got.day) == expected if expected else got is None
    assert facts.signature_date_text == written
    assert (parse_date(written) is None) == (expected is None)


def _signature_findings(lint, text):
    return [d for d in lint(text, year=2023).diagnostics if d.rule == "structure/signature-missing"]


@pytest.mark.parametrize(
    "tail",
    [
        "2023年，我镇开展法治宣传活动12场，发放宣传材料",   # cut inside a sentence
        "二是推行“首问负责制”“限时办",                   # cut inside a quoted list
        "（二）深化普法宣传",                              # a heading with nothing under it
    ],
)
def test_a_text_that_stops_mid_sentence_is_called_cut(lint, tail):
    hits = _signature_findings(lint, "青溪镇2023年度法治政府建设情况报告\n一、主要举措和成效\n（一）加强组织领导。\n" + tail)
    assert len(hits) == 1 and "中断" in hits[0].message


@pytest.mark.parametrize(
    "tail",
    ["2023年，我镇开展法治宣传活动12场。", "特此报告", "三、2024年工作安排\n继续加强学习；"],
)
def test_a_text_that_ends_its_sentence_is_only_unsigned(lint, tail):
    hits = _signature_findings(lint, "青溪镇2023年度法治政府建设情况报告\n一、主要举措和成效\n（一）加强组织领导。\n" + tail)
    assert len(hits) == 1 and "中断" not in hits[0].message
