"""read_pdf: text layer, running headers and page numbers dropped, hard wraps marked, refusals.

Every PDF here is generated at test time with reportlab's built-in CJK font (tests/docgen.py).
"""

from __future__ import annotations

import pytest

pytest.importorskip("pypdf")
pytest.importorskip("reportlab")

from checker.sources.errors import SourceError  # noqa: E402
from checker.sources.pdf import read_pdf  # noqa: E402
from docgen import pdf_bytes, pdf_flowing, pdf_without_text, wrap  # noqa: E402

TITLE = "桑柘镇2021年度法治政府建设报告"
OPENING = ("2021年，桑柘镇在县委、县政府的正确领导下，坚持以习近平新时代中国特色社会主义思想为指导，"
           "全面贯彻党的十九大精神，认真落实中央及市委、县委决策部署，健全完善依法治镇各项制度机制。")
# 28 × 3 characters, so the paragraph fills page 1 to the bottom and goes on to page 2.
ACROSS = ("镇党委、政府始终把法治建设摆在突出重要位置，将法治建设纳入经济和社会发展总体规划，列入经济"
          "社会发展考核评价体系，作为村（社区）和部门年度目标考核的重要内容，严格落实党政主要负责")[:84]
ACROSS_END = "人履行第一责任人职责规定，成立依法治镇领导小组。"
assert len(ACROSS) == 84 and ACROSS[-1] not in "。，；"


def view(result) -> list[str]:
    """The matching view as the normaliser builds it: drops removed, soft breaks joined.
    (A dropped last line leaves the "\n" before it, hence the rstrip.)"""
    dropped = {k for a, b in result.drop for k in range(a, b)}
    soft = set(result.soft_breaks)
    kept = ("" if k in soft else ch for k, ch in enumerate(result.text) if k not in dropped)
    return "".join(kept).rstrip("\n").split("\n")


@pytest.fixture(scope="module")
def report():
    page1 = [TITLE, *wrap(OPENING), "一、主要举措和成效", "（一）履行推进法治建设第一责任人职责", *wrap(ACROSS)]
    page2 = [*wrap(ACROSS_END), "二、存在的不足和原因", "1.执法队伍力量薄弱"]
    page3 = ["三、2022年主要安排"]
    return read_pdf(pdf_bytes([page1, page2, page3], header="桑柘镇人民政府"))


def test_lines_pages_and_meta(report):
    lines = report.text.split("\n")
    assert lines[:3] == ["桑柘镇人民政府", TITLE, OPENING[:28]]
    assert report.meta["pages"] == 3
    assert report.meta["page_starts"] == [1, 13, 18]
    assert lines[12] == "桑柘镇人民政府"  # page 2 starts with the running header


def test_running_header_and_page_numbers_are_dropped(report):
    dropped = [report.text[a:b] for a, b in report.drop]
    assert dropped == ["桑柘镇人民政府\n", "- 1 -\n", "桑柘镇人民政府\n", "- 2 -\n",
                       "桑柘镇人民政府\n", "- 3 -"]


def test_hard_wraps_inside_and_across_pages_are_soft(report):
    assert view(report) == [TITLE, OPENING, "一、主要举措和成效", "（一）履行推进法治建设第一责任人职责",
                            ACROSS + ACROSS_END, "二、存在的不足和原因", "1.执法队伍力量薄弱",
                            "三、2022年主要安排"]
    for offset in report.soft_breaks:
        assert report.text[offset] == "\n"


def test_flowing_text_typeset_by_reportlab_round_trips():
    paragraphs = [TITLE, OPENING * 3, "一、主要举措和成效", "（一）履行推进法治建设第一责任人职责",
                  ("全年办理行政复议案件14件，其中撤销2件，2021年12月完成“八五”普法规划的中期评估，"
                   "列入经济社会发展考核评价体系。") * 8, "二、存在的不足和原因"]
    result = read_pdf(pdf_flowing(paragraphs, header="桑柘镇人民政府"))
    assert result.meta["pages"] >= 2
    assert [line.lstrip() for line in view(result)] == paragraphs


@pytest.mark.parametrize("style", ["{n}", "- {n} -", "—{n}—", "第{n}页", "第 {n} 页 共 2 页",
                                   "{n}/2", "Page {n} of 2"])
def test_page_number_styles(style):
    result = read_pdf(pdf_bytes([[TITLE, *wrap(OPENING)], ["二、存在的不足和原因"]], page_number=style))
    dropped = [result.text[a:b].strip() for a, b in result.drop]
    assert dropped == [style.format(n=1), style.format(n=2)]


def test_single_page_without_header_drops_only_the_page_number():
    result = read_pdf(pdf_bytes([[TITLE, *wrap(OPENING)]]))
    assert [result.text[a:b] for a, b in result.drop] == ["- 1 -"]
    assert view(result)[:2] == [TITLE, OPENING]


def test_header_missing_on_the_title_page_is_still_found():
    pages = [[TITLE, *wrap(OPENING)], wrap(ACROSS + ACROSS_END), ["二、存在的不足和原因", *wrap(ACROSS)]]
    result = read_pdf(pdf_bytes(pages, header="桑柘镇人民政府", header_from=2))
    assert [result.text[a:b].strip() for a, b in result.drop] == [
        "- 1 -", "桑柘镇人民政府", "- 2 -", "桑柘镇人民政府", "- 3 -"]


def test_body_lines_recurring_near_edges_are_kept():
    pages = [["一、主要举措和成效", *wrap(OPENING), "正文甲。"],
             ["二、存在的不足", *wrap(OPENING), "一、主要举措和成效"],
             ["三、安排", *wrap(OPENING), "结尾。"]]
    result = read_pdf(pdf_bytes(pages, page_number=None))
    assert result.drop == ()


def test_identical_pages_are_not_taken_for_running_headers():
    page = [TITLE, *wrap(OPENING)]
    result = read_pdf(pdf_bytes([page, page], header="桑柘镇人民政府"))
    assert [result.text[a:b].strip() for a, b in result.drop] == ["- 1 -", "- 2 -"]


def test_headings_and_sentence_ends_are_never_joined():
    long_heading = "二、2021年度推进法治政府建设工作的主要举措和成效"
    lines = [TITLE, long_heading, *wrap(OPENING), "（一）加强组织领导", "1.健全制度"]
    result = read_pdf(pdf_bytes([lines], page_number=None))
    assert view(result) == [TITLE, long_heading, OPENING, "（一）加强组织领导", "1.健全制度"]


def test_full_line_before_a_heading_is_not_joined():
    line = OPENING[:27] + "等"  # full width, no final punctuation
    result = read_pdf(pdf_bytes([[TITLE, line, "二、存在的不足和原因", *wrap(OPENING)]], page_number=None))
    assert view(result)[1:3] == [line, "二、存在的不足和原因"]


def test_owner_password_only_pdf_is_read():
    from reportlab.lib.pdfencrypt import StandardEncryption

    enc = StandardEncryption("", ownerPassword="owner", canPrint=0, canCopy=0)
    result = read_pdf(pdf_bytes([[TITLE, *wrap(OPENING)]], encrypt=enc))
    assert TITLE in result.text


# ------------------------------------------------------------------ refusal

def _refused(data: bytes, *words: str) -> None:
    with pytest.raises(SourceError) as info:
        read_pdf(data)
    for word in words:
        assert word in str(info.value)


def test_scanned_pdf_without_text_layer():
    _refused(pdf_without_text(), "无文本层", "OCR")


def test_only_page_numbers_is_no_text_layer():
    _refused(pdf_bytes([[], []]), "无文本层")


def test_user_password():
    _refused(pdf_bytes([[TITLE, *wrap(OPENING)]], encrypt="secret"), "密码")


def test_truncated_pdf():
    data = pdf_bytes([[TITLE, *wrap(OPENING)]] * 3)
    _refused(data[: len(data) * 2 // 3], "不完整")


def test_corrupt_body_with_intact_trailer():
    _refused(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\nstartxref\n12\n%%EOF\n")


def test_empty_and_not_a_pdf():
    _refused(b"", "空")
    _refused("一段文字".encode(), "不是有效的 PDF")
    _refused(b"PK\x03\x04rest", ".docx")
