"""format/* rules: what fires, what stays silent (look-alikes), where it points and what the fix does."""

from __future__ import annotations

import pytest

from checker.api import lint_text
from checker.diagnostics import Severity

HEAD = "一、主要举措和成效\n"


@pytest.fixture(scope="module")
def by_id(rules):
    table = {rule.id: rule for rule in rules}

    def run(rule_id: str, text: str, kind: str = "txt"):
        result = lint_text(text, rules.with_rules([table[rule_id]]), kind=kind, strict=True)
        return [d for d in result.diagnostics if d.rule == rule_id]

    return run


def apply_fixes(text: str, diagnostics, safe_only: bool = True) -> str:
    edits = sorted((e for d in diagnostics if d.fix and (d.fix.safe or not safe_only) for e in d.fix.edits),
                   key=lambda e: e.span.start, reverse=True)
    for edit in edits:
        text = text[:edit.span.start] + edit.text + text[edit.span.end:]
    return text


# ---- format/junk -------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "来源：青溪县人民政府网", "信息来源: 县司法局", "责任编辑：李四", "【打印本页】 【关闭窗口】", "字体：【大 中 小】",
    "浏览次数：1024", "扫一扫在手机打开当前页", "分享到：", "相关链接", "http://www.qingxi.gov.cn/a.html",
    "公文汇 www.gongwenhui.com", "首页 > 政务公开 > 法治政府建设", "【关闭】",
    "字体：【大】【中】【小】", "字号：【大】【中】【小】", "[ 大 中 小 ]", "字号 [ 大 中 小 ]", "分享：",
    "索引号：11520302MB0000000A/2023-00457", "发布机构：白马乡人民政府",
    "成文日期：2024-01-20　　发布日期：2024-01-26", "主题分类：综合政务　　公开方式：主动公开",
])
def test_junk_lines_fire_and_the_fix_deletes_the_line(by_id, line):
    text = HEAD + "2023年，我镇坚持依法行政。\n" + line + "\n全面推进政务公开。"
    found = by_id("format/junk", text)
    assert len(found) == 1 and found[0].line == 3
    assert apply_fixes(text, found) == HEAD + "2023年，我镇坚持依法行政。\n全面推进政务公开。"


@pytest.mark.parametrize("line", [
    "资金来源：县级财政专项资金。", "召开新闻发布会3次，发布相关新闻稿件12篇。", "群众扫一扫二维码即可查询办事指南。",
    "来源广泛的意见建议均已办结。", "推动编辑出版普法读物2种。", "在政府网站（www.qingxi.gov.cn）公开年度报告。",
    "开展“打印本页”式的形式主义整治，全年清理文件20件，切实减轻基层负担，提升工作效率。",
    "推进大中小学法治教育一体化，覆盖学生1.2万人。", "分享典型经验做法3篇，在全县推广。",
    "规范性文件均标注成文日期：发布日期不得早于成文日期。", "本报告成文日期为2024年1月20日。",
    "网页上的“字体：大 中 小”按钮已删除", "字号：大中小三种标题分别使用黑体、楷体、仿宋",
])
def test_report_sentences_mentioning_sources_or_news_stay_silent(by_id, line):
    assert not by_id("format/junk", HEAD + line)


@pytest.mark.parametrize("line", ["字号：\u00a0【大】\u00a0【中】\u00a0【小】", "[ 大 中 小 ]", "来源：白马乡政府\u00a0\u00a0浏览次数：52"])
def test_a_junk_line_gets_one_finding_not_a_whitespace_one_too(rules, line):
    text = HEAD + "2023年，我镇坚持依法行政。\n" + line + "\n全面推进政务公开。"
    found = lint_text(text, rules, strict=True).diagnostics
    assert [(d.rule, d.line) for d in found if d.line == 3] == [("format/junk", 3)]


def test_spaces_on_report_lines_are_still_whitespace_findings(rules):
    text = HEAD + "全面推进法治 政府建设。\n字号：【大】【中】【小】\n全面推进\u00a0政务公开。"
    found = [(d.rule, d.line) for d in lint_text(text, rules, strict=True).diagnostics if d.rule.startswith("format/")]
    assert sorted(found) == [("format/junk", 3), ("format/whitespace", 2), ("format/whitespace", 4)]


# ---- format/page-number ------------------------------------------------------------------------

@pytest.mark.parametrize("page", ["5", "- 3 -", "—3—", "－ 12 －", "第3页", "第 3 页 共 10 页", "3/10", "共10页 第3页"])
def test_page_numbers_between_paragraphs_fire(by_id, page):
    text = HEAD + "2023年，我镇坚持依法行政，全面推进政务公开。\n" + page + "\n全年办理行政复议案件12件，均已办结。"
    assert [d.line for d in by_id("format/page-number", text)] == [3]


def test_trailing_page_number_fires_with_a_safe_fix(by_id):
    text = HEAD + "2023年，我镇坚持依法行政。\n青溪镇人民政府\n2024年1月26日\n5"
    found = by_id("format/page-number", text)
    assert [d.line for d in found] == [5] and found[0].fix.safe


def test_a_bare_number_mid_document_is_fixed_only_by_hand(by_id):
    text = HEAD + "2023年，我镇坚持依法行政，全面推进政务公开。\n7\n全年办理行政复议案件12件，均已办结。"
    assert not by_id("format/page-number", text)[0].fix.safe


@pytest.mark.parametrize("text", [
    HEAD + "3.加强执法监督。全年开展执法检查12次。",
    HEAD + "2023年，我镇坚持依法行政。\n2023\n全年办理案件12件。",
    HEAD + "案件统计如下：\n类别\n件数\n行政复议\n12\n行政诉讼\n3\n全年共办理案件15件。",
    HEAD + "全年办理行政复议案件12件，同比增长3/10。",
])
def test_headings_years_and_table_cells_are_no_page_numbers(by_id, text):
    assert not by_id("format/page-number", text)


# A report copied from a PDF: hard-wrapped, with page numbers and the shortened title as running
# header at every page break, two of which fall inside a sentence.
PDF_TITLE = "白马乡人民政府关于2023年度法治政府建设情况的报告"
PDF_HEADER = "白马乡2023年度法治政府建设情况报告"
PDF_COPY = (
    PDF_TITLE + "\n\n"
    "一、主要举措和成效\n"
    "　　白马乡坚持把法治政府建设作为全局工作的基础，年初召开\n"
    "专题会议研究部署，全年共办理行政复议案件14件，纠错率\n\n"
    "- 1 -\n\n" + PDF_HEADER + "\n"
    "14.29%。乡司法所全年调解矛盾纠纷四十余件，均已办结。\n"
    "二、存在的不足和原因\n"
    "　　一是执法人员数量不足，二是培训不够系统，主要原因是经费\n\n"
    "- 2 -\n\n" + PDF_HEADER + "\n"
    "保障不足。\n"
)


def test_running_headers_at_page_breaks_fire_with_a_safe_fix(by_id):
    found = by_id("format/page-number", PDF_COPY)
    headers = [d for d in found if "页眉" in d.message]
    assert [d.line for d in headers] == [9, 16] and all(d.fix.safe for d in headers)
    fixed = apply_fixes(PDF_COPY, found)
    assert PDF_HEADER not in fixed and "- 1 -" not in fixed and fixed.startswith(PDF_TITLE)


def test_a_copy_of_the_title_below_it_is_a_header(by_id):
    text = PDF_TITLE + "\n" + HEAD + "全年办理行政复议案件14件，\n" + PDF_TITLE + "\n均已审结。"
    found = by_id("format/page-number", text)
    assert [d.line for d in found] == [4] and "标题重复" in found[0].message and found[0].fix.safe


def test_a_header_left_after_its_page_numbers_went_is_deleted_by_hand(by_id):
    text = PDF_COPY.replace("- 1 -\n", "").replace("- 2 -\n", "")
    found = by_id("format/page-number", text)
    assert [d.line for d in found] == [8, 14] and not any(d.fix.safe for d in found)


@pytest.mark.parametrize("text", [
    # a label repeated after finished sentences, without page numbers
    HEAD + "典型案例\n白马乡调处一起土地纠纷。\n典型案例\n白马乡化解一起信访积案。",
    # a short line next to a page number once only
    HEAD + "全年办理行政复议案件14件。\n- 1 -\n附件目录清单\n全年办理行政诉讼案件3件。",
    # the title, once, at the top
    PDF_TITLE + "\n" + HEAD + "全年办理行政复议案件14件。",
])
def test_repeated_labels_and_single_short_lines_are_no_header(by_id, text):
    assert not [d for d in by_id("format/page-number", text) if "页眉" in d.message or "标题" in d.message]


# ---- format/broken-line ------------------------------------------------------------------------

def test_word_split_across_a_blank_line_fires(by_id):
    text = HEAD + "1.依法履行行政职能。健全完善重大事项决策制度、会\n\n议制度等制度，在行使重大决策中征求法律顾问意见。"
    found = by_id("format/broken-line", text)
    assert [d.line for d in found] == [2]
    assert "会议制度" in apply_fixes(text, found, safe_only=False)


@pytest.mark.parametrize("text", [
    HEAD + "2023年，我镇全面推进依法行政，\n严格落实重大行政决策程序。",
    HEAD + "严格落实重大行政决策的\n各项程序规定。",
    HEAD + "严格落实重大行政决策程序规定\n，全年未发生行政诉讼败诉案件。",
])
def test_lines_ending_mid_sentence_fire(by_id, text):
    assert len(by_id("format/broken-line", text)) == 1


@pytest.mark.parametrize("text", [
    HEAD + "（一）加强组织领导\n2023年，我镇全面推进依法行政。",
    HEAD + "主要做法如下：\n一是健全制度。",
    HEAD + "存在的不足有以下方面\n（一）制度建设有待加强。",
    HEAD + "全年重点工作\n严格落实重大行政决策程序。",
    HEAD + "2023年，我镇全面推进依法行政\n全年办理行政复议案件12件。",
    "青溪镇人民政府关于2023年度法治政府建设\n情况的报告\n" + HEAD + "全面推进依法行政。",
    HEAD + "全面推进依法行政。\n青溪镇人民政府\n2024年1月26日",
])
def test_headings_titles_lists_and_unpunctuated_paragraphs_stay_silent(by_id, text):
    assert not by_id("format/broken-line", text)


def test_pdf_text_is_left_alone(by_id):
    assert not by_id("format/broken-line", HEAD + "全面推进依法行政，\n严格落实决策程序。", kind="pdf")


@pytest.mark.parametrize("text", [
    # the last mark is a pause and the next line opens with a bare noun and a comma
    HEAD + "严格落实规范性文件起草、审核、公布\n程序，全年制定规范性文件6件。",
    # a 、 list runs on: its last item, then 等
    HEAD + "将依法行政与营商环境、信访维稳、食品\n安全等工作同部署、同检查。",
    # a pair of marks cut in two
    HEAD + "印发了《白马乡行政执法\n工作细则》，规范执法程序。",
    HEAD + "全年组织村干部开展“法律\n明白人”培训3期。",
    # a number cut from its unit
    HEAD + "全年调解各类矛盾纠纷23\n件，调解成功率100%。",
    # the line stops on a preposition or conjunction; the next one starts with a particle
    HEAD + "乡党委统一部署，各站所严格按照\n职责分工落实任务。",
    HEAD + "开展执法人员培训和考试\n等工作，持证率达到100%。",
    # punctuation at the start of the next line joins it even after a heading or a closing mark
    HEAD + "（二）规范行政执法行为\n。全面落实行政执法三项制度。",
    HEAD + "认真执行《重大行政决策程序暂行条例》\n，重大决策均经合法性审查。",
])
def test_new_continuation_signals_fire(by_id, text):
    assert [d.line for d in by_id("format/broken-line", text)] == [2]


@pytest.mark.parametrize("text", [
    # a stray mark after 。 (a punctuation defect): the sentence did end
    HEAD + "对重大执法决定全部进行法制审核。、\n推行包容审慎监管，首次轻微违法不予处罚。",
    HEAD + "全年受理行政复议申请9件。，\n已全部审结。",
    # a paragraph that merely lacks its 。, followed by sentences that open normally
    HEAD + "全年办理行政复议案件9件，均已审结\n乡党委、乡政府把法治建设纳入年度考核。",
    HEAD + "开展集中宣传活动，效果明显\n同时，建立普法责任清单。",
    HEAD + "开展集中宣传活动，效果明显\n会上，乡长作了专题讲话。",
    HEAD + "开展集中宣传活动，效果明显\n2023年，建立普法责任清单。",
    HEAD + "开展集中宣传活动，效果明显\n综上，全年普法工作取得实效。",
    HEAD + "落实行政执法公示、全过程记录、法制审核制度\n乡综合行政执法队现有执法人员12名。",
    # the last word is whole although its last character is a function character
    HEAD + "引导群众有序参与重大决策，提高群众对决策的了解和参与\n全年召开听证会2次。",
    HEAD + "执法人员对新修订法律的学习不够深入，这是执法不规范的主要原因\n乡党委高度重视。",
    # a heading without punctuation, then its body
    HEAD + "（三）强化行政执法监督\n执法案卷评查全年开展2次。",
    # table rows
    HEAD + "行政处罚案件  64件  同比增长12%\n行政许可事项  120件  同比下降3%",
])
def test_ended_sentences_and_lookalikes_stay_silent(by_id, text):
    assert not by_id("format/broken-line", text)


def test_a_continuation_as_wide_as_the_broken_line_is_wrapped_too(by_id):
    # lines 2 and 3 are both 22 characters wide: the copy was wrapped at that width
    text = HEAD + "白马乡严格落实行政执法三项制度，组织执法人员培\n训考试2次，持证上岗率达到百分之百，全年开展评\n查工作两次。"
    assert [d.line for d in by_id("format/broken-line", text)] == [2, 3]


def test_a_continuation_of_another_width_may_be_a_paragraph_without_its_full_stop(by_id):
    text = HEAD + "白马乡严格落实行政执法三项制度，组织执法人员培\n训考试2次，持证上岗率达到百分之百\n全年办理行政复议案件9件。"
    assert [d.line for d in by_id("format/broken-line", text)] == [2]


WRAPPED = (
    "白马乡坚持把法治政府建设作为全局工作的基础，年初召开\n"
    "专题会议研究部署，制定年度工作要点，将具体任务分解到\n"
    "各站所和村委会。全年开展行政执法案卷评查两次，对发现\n"
    "的问题逐项整改。乡司法所全年调解矛盾纠纷四十余件，调\n"
    "解成功率保持较高水平。\n"
)


def test_a_hard_wrapped_copy_is_found_at_every_full_width_line(by_id):
    found = by_id("format/broken-line", HEAD + WRAPPED)
    assert [d.line for d in found] == [2, 3, 4, 5]
    assert apply_fixes(HEAD + WRAPPED, found, safe_only=False).count("\n") == 2


def test_equal_widths_in_paragraph_per_line_text_are_no_wrap(by_id):
    # three paragraphs of one width lack their 。, but most paragraphs are far wider
    wide = "白马乡坚持依法行政，全面落实行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度，全年未发生行政败诉案件。"
    short = ["乡司法所全年调解纠纷四十余件，成功率较高", "乡政府全年办理人大代表建议九件，均已答复", "乡综合执法队全年开展执法检查，发现问题"]
    text = HEAD + "\n".join([wide, short[0], wide, short[1], wide, short[2], wide, wide, wide]) + "\n"
    assert not by_id("format/broken-line", text)


def test_markdown_soft_breaks_are_joined_by_the_renderer(by_id):
    text = HEAD + "2023年，我镇全面推进依法行政，\n严格落实重大行政决策程序。"
    assert not by_id("format/broken-line", text, kind="md")
    assert by_id("format/broken-line", text.replace("，\n", "，\n\n"), kind="md")


# ---- format/punctuation-width ------------------------------------------------------------------

def test_half_width_marks_fire_with_safe_fixes(by_id):
    text = HEAD + "2023年,我镇坚持依法行政;主要表现在:一是(略)?二是!"
    found = by_id("format/punctuation-width", text)
    assert len(found) == 7
    assert apply_fixes(text, found) == HEAD + "2023年，我镇坚持依法行政；主要表现在：一是（略）？二是！"


@pytest.mark.parametrize("text", [
    HEAD + "全年投入资金1,234万元，上午10:30召开会议，比例为1:1。",
    HEAD + "详见 https://www.qingxi.gov.cn/index.html?id=1&a=(2)，欢迎监督。",
    HEAD + "开展“Law Day: Know Your Rights, Always!”主题活动。",
    HEAD + "联系邮箱：fzb@qingxi.gov.cn。",
    HEAD + "（一）加强组织领导。",
])
def test_numbers_urls_and_english_keep_ascii_marks(by_id, text):
    assert not by_id("format/punctuation-width", text)


def test_heading_brackets_are_left_to_heading_style(by_id):
    assert not by_id("format/punctuation-width", HEAD + "(一)加强组织领导。")


def test_a_whole_half_width_copy_is_summarised_in_its_first_finding(by_id):
    text = HEAD + "我镇坚持依法行政,全面推进政务公开,加强执法监督。" * 6
    found = by_id("format/punctuation-width", text)
    assert len(found) == 12
    assert "全文共 12 处半角标点" in found[0].message and "全文共" not in found[1].message


# ---- format/punctuation-repeated ---------------------------------------------------------------

@pytest.mark.parametrize("text, expected, safe", [
    ("战略,；以宪法为核心", "战略；以宪法为核心", False),
    ("有待加强。、", "有待加强。", False),
    ("办结12件，，群众满意", "办结12件，群众满意", True),
    ("制度、、机制", "制度、机制", True),
    ("有待加强。。", "有待加强。", True),
])
def test_doubled_marks_fire(by_id, text, expected, safe):
    found = by_id("format/punctuation-repeated", HEAD + text)
    assert len(found) == 1 and found[0].fix.safe is safe
    assert apply_fixes(HEAD + text, found, safe_only=False) == HEAD + expected


@pytest.mark.parametrize("text", [
    "群众说：“办事更方便了。”我们将继续努力……", "这难道不是我们的责任吗？！", "会议强调——依法行政。",
    "（一）加强组织领导。", "《宪法》、《民法典》。", "办结率100%，群众满意。",
])
def test_allowed_neighbours_stay_silent(by_id, text):
    assert not by_id("format/punctuation-repeated", HEAD + text)


# ---- format/bracket-unbalanced -----------------------------------------------------------------

def test_unclosed_title_mark_points_at_the_mark(by_id):
    text = HEAD + "认真贯彻《法治政府建设实施纲要（2021—2025年），全面推进依法行政。"
    found = by_id("format/bracket-unbalanced", text)
    assert len(found) == 1 and found[0].line == 2 and found[0].column == 5 and "《" in found[0].message


def test_unopened_closing_mark_is_reported(by_id):
    found = by_id("format/bracket-unbalanced", HEAD + "全年办理案件12件）。")
    assert len(found) == 1 and "）" in found[0].message


@pytest.mark.parametrize("text", [
    HEAD + "认真贯彻《法治政府建设实施纲要（2021—2025年）》和渝委发〔2016〕27号文件。",
    "关于印发《青溪镇法治政府建设\n实施方案》的通知\n" + HEAD,
    HEAD + "1）健全制度。\n2）规范执法。\na）明确分工。",
    HEAD + "落实“谁执法谁普法”责任制，开展“‘八五’普法”活动。",
])
def test_balanced_or_wrapped_marks_stay_silent(by_id, text):
    assert not by_id("format/bracket-unbalanced", text)


# ---- format/garbled ----------------------------------------------------------------------------

def test_pinyin_after_characters_is_deleted_by_a_safe_fix(by_id):
    text = HEAD + "全面推进法治政(zhèng)府(fǔ)建设。"
    found = by_id("format/garbled", text)
    assert len(found) == 2 and all(d.severity.label == "error" for d in found)
    assert apply_fixes(text, found) == HEAD + "全面推进法治政府建设。"


@pytest.mark.parametrize("text, severity", [
    ("全面推进法z治政府建设。", "error"),
    ("全面推进法治Z(zhèng)府建设。", "error"),
    ("全面推进法治人民Z府建设。", "warning"),
    ("推进锟斤拷锟斤拷建设。", "error"),
    ("推进法治\ufffd建设。", "error"),
    ("推进ä¸\u00adæ\u0096\u0087建设。", "error"),
    ("推进ÖÐÎÄ建设。", "error"),
    ("推进烫烫烫烫建设。", "error"),
])
def test_lost_characters_and_mojibake_fire(by_id, text, severity):
    found = by_id("format/garbled", HEAD + text)
    assert found and found[0].severity.label == severity


@pytest.mark.parametrize("text", [
    "沿G318国道建设5G基站，利用LED显示屏和APP、PPT、QQ群、Wi-Fi宣传，开通12345热线。",
    "景区被评为A级景区，开展B超筛查，C区、B栋完成改造，T恤1000件。",
    "开通e政务平台，××县全面推进法治建设，X镇完成第N次检查。",
    "制定了《工作方案（2023年）》，温度为25°C，占比±5%。",
    "市场主体名称为Café咖啡店。",
])
def test_codes_grades_and_placeholders_are_not_garbled(by_id, text):
    assert not by_id("format/garbled", HEAD + text)


# ---- format/traditional-script -----------------------------------------------------------------

def test_traditional_report_gets_one_error_with_a_conversion_fix(by_id):
    text = "青溪鎮2023年度法治政府建設情況報告\n一、主要舉措和成效\n2023年，青溪鎮堅持依法行政，全面推進法治政府建設。"
    found = by_id("format/traditional-script", text)
    assert len(found) == 1 and found[0].severity.label == "error" and "已先转为简体" in found[0].message
    assert "青溪镇" in apply_fixes(text, found, safe_only=False)


def test_a_stray_traditional_character_is_a_warning(by_id):
    text = HEAD + "2023年，我镇坚持依法行政，全面推進法治政府建设各项工作，取得明显成效，群众满意度持续提升。"
    found = by_id("format/traditional-script", text)
    assert len(found) == 1 and found[0].severity.label == "warning" and "进" in found[0].message


def test_characters_shared_by_both_scripts_stay_silent(by_id):
    assert not by_id("format/traditional-script", HEAD + "乾坤大挪移，于是乎于今为烈，著名的干部。")


# ---- format/interpunct -------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("利用“12•4”国家宪法宣传日开展宣传。", "12·4"),
    ("利用4.15国家安全宣传日开展宣传。", "4·15"),
    ("在“3.15”消费者权益日开展咨询。", "3·15"),
    ("开展5.12防灾减灾日演练。", "5·12"),
])
def test_event_dates_with_wrong_separator_fire(by_id, text, expected):
    found = by_id("format/interpunct", HEAD + text)
    assert len(found) == 1 and expected in found[0].message


@pytest.mark.parametrize("text", [
    "利用“12·4”国家宪法日、“4·15”全民国家安全教育日开展宣传。",
    "全年发放资料1.5万份，增长4.15个百分点，人均1.2亩节水灌溉。",
    "3.2完善制度建设，共4.5天。",
    "第一季度办结率98.5%，其中3.15日前办结12件。",
])
def test_decimals_and_section_numbers_stay_silent(by_id, text):
    assert not by_id("format/interpunct", HEAD + text)


# ---- format/range-dash and format/lost-dash ----------------------------------------------------

def test_mixed_range_dashes_report_the_minority(by_id):
    text = HEAD + "落实《纲要（2015－2020年）》《方案（2016-2020年）》《意见（2017—2020年）》《规划（2021—2025年）》。"
    found = by_id("format/range-dash", text)
    assert len(found) == 2 and all("一字线" in d.message for d in found)


def test_one_dash_style_and_phone_numbers_stay_silent(by_id):
    text = HEAD + "落实《纲要（2021-2025年）》和《规划（2021-2025年）》，电话023-2021-2025。"
    assert not by_id("format/range-dash", text)


@pytest.mark.parametrize("text", ["《纲要（20212025年）》", "（20212025）", "制定20212025年规划"])
def test_fused_year_ranges_fire(by_id, text):
    found = by_id("format/lost-dash", HEAD + text)
    assert len(found) == 1 and "2021—2025" in found[0].message


@pytest.mark.parametrize("text", ["咨询电话20212025。", "编号20252021年。", "账号2021202520。", "（2021—2025年）"])
def test_other_eight_digit_numbers_stay_silent(by_id, text):
    assert not by_id("format/lost-dash", HEAD + text)


# ---- format/whitespace -------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("全面推进法治\u200b政府建设。", "看不见"),
    ("\u00a0\u00a0全面推进法治政府建设。", "不间断空格"),
    ("全面推进法治政府建设。\n ", "只有空格"),
    ("全面推进法治 政府建设。", "多余的空格"),
])
def test_invisible_and_stray_whitespace_fires(by_id, text, kind):
    found = by_id("format/whitespace", HEAD + text)
    assert len(found) == 1 and kind in found[0].message


@pytest.mark.parametrize("text", [
    "　　全面推进法治政府建设，利用LED 显示屏宣传，2023 年成效明显。",
    "全面推进法治政府建设。\n\n特此报告。",
])
def test_indentation_and_latin_spacing_stay_silent(by_id, text):
    assert not by_id("format/whitespace", HEAD + text)


def test_layout_spaces_in_title_and_signature_stay_silent(by_id):
    text = "青溪镇 2023年度法治政府建设情况报告\n" + HEAD + "全面推进法治政府建设。\n青溪镇 人民政府\n2024年1月26日"
    assert not by_id("format/whitespace", text)


# ---- structure/doc-number-brackets ---------------------------------------------------------------

@pytest.mark.parametrize("sentence, wrong, fixed, bracket", [
    ("其中依据青政发[2022]12号文件清理规范性文件。", "[2022]12号", "其中依据青政发〔2022〕12号文件", "方括号"),
    ("按照县委办发【2021】7号要求，开展专项检查。", "【2021】7号", "按照县委办发〔2021〕7号要求", "方头括号"),
    ("转发市政府办函（2023）45号，部署整改。", "（2023）45号", "转发市政府办函〔2023〕45号，", "圆括号"),
    ("依照川府规 [2020] 3号执行。", " [2020] 3号", "依照川府规〔2020〕3号执行", "方括号"),
])
def test_doc_number_brackets_cover_only_the_year_and_number(by_id, sentence, wrong, fixed, bracket):
    text = HEAD + sentence
    found = by_id("structure/doc-number-brackets", text)
    assert len(found) == 1, [d.message for d in found]
    assert f"“{wrong}”" in found[0].message and bracket in found[0].message
    assert fixed in apply_fixes(text, found)


@pytest.mark.parametrize("sentence", [
    "依据青政发〔2022〕12号文件清理规范性文件。",
    "贯彻《法治政府建设实施纲要（2021—2025年）》，修订[2022年]版工作手册。",
    "咨询电话(0571)87654321，受理编号[2023]0012。",
    "一审案件（2022）川0104行初15号已审结。",
    "开展普法（2023）12场次，印发材料【2023】份。",
    "完成2022年第[3]号任务，计划(2024)年开展。",
])
def test_doc_number_brackets_look_alikes_stay_silent(by_id, sentence):
    assert not by_id("structure/doc-number-brackets", HEAD + sentence)


# ---- format/broken-line across page breaks, new signals, wording ------------------------------------

def test_a_sentence_is_read_across_page_numbers_and_running_headers(by_id):
    found = {d.line: d for d in by_id("format/broken-line", PDF_COPY)}
    assert 5 in found and 12 in found
    assert "分页" in found[5].message and "14.29%" in found[5].message
    joined = apply_fixes(PDF_COPY, [found[5], found[12]], safe_only=False)
    assert "纠错率14.29%。" in joined and "经费保障不足。" in joined and PDF_HEADER not in joined


def test_no_fix_ever_joins_a_sentence_to_page_furniture(rules):
    from checker.app import fixer
    from checker.api import lint_source
    from checker.sources import Source

    def lint(source):
        return lint_source(source, rules, strict=True).diagnostics

    variants = [PDF_COPY, PDF_COPY.replace("- 1 -\n", "").replace("- 2 -\n", ""),
                PDF_COPY.replace("- 2 -\n\n" + PDF_HEADER, "典型案例")]
    for text in variants:
        for unsafe in (False, True):
            out = fixer.fix_source(Source("r.txt", "txt", text), lint, unsafe=unsafe).text
            assert "纠错率" + PDF_HEADER not in out and "经费" + PDF_HEADER not in out
            assert "纠错率- 1" not in out


def test_a_label_repeated_without_page_numbers_is_never_the_second_half(by_id):
    # 典型案例 follows one broken line only: maybe a header, maybe a label; never join to it
    text = (HEAD + "典型案例\n白马乡调处一起土地纠纷，全年共办理行政复议案件14件，纠错率\n典型案例\n"
            "白马乡化解一起信访积案。")
    assert not [d for d in by_id("format/broken-line", text) if d.line == 3]


@pytest.mark.parametrize("text", [
    # the last clause is only a place or time adverbial: its verb is on the next line
    HEAD + "乡长全年主持专题学法4次，并于2023年11月在县委依法治县办组织的年终考评中\n作专题汇报。",
    HEAD + "全面开展法治宣传教育，在全乡范围内\n形成浓厚的法治氛围。",
    # one character of a word, then a comma
    HEAD + "乡党委书记在全县干部大会上现场述\n法，接受代表评议。",
    # a count finishes the clause
    HEAD + "全年共办理行政复议案件\n14件，均已审结。",
    HEAD + "全乡行政执法案卷评查合格率\n96.5%。",
])
def test_more_continuation_signals_fire(by_id, text):
    assert [d.line for d in by_id("format/broken-line", text)] == [2]


@pytest.mark.parametrize("text", [
    # a verb before the last 在: the clause is whole (a paragraph that lost its 。)
    HEAD + "乡党委把法治要求落实在日常工作中\n全年办理行政复议案件14件。",
    HEAD + "坚持在发展中保障和改善民生\n全年办理行政复议案件14件。",
    # dates and discourse words may open the next sentence
    HEAD + "开展集中宣传活动，效果明显\n12月，建立普法责任清单。",
    HEAD + "开展集中宣传活动，效果明显\n另，建立普法责任清单。",
    HEAD + "开展集中宣传活动，效果明显\n2024年，建立普法责任清单。",
    # a list numbered 1. 2. is no count; a decimal is no list number
    HEAD + "全年重点工作如下\n1.健全制度。",
])
def test_adverbials_dates_and_lists_stay_silent(by_id, text):
    assert not by_id("format/broken-line", text)


def test_the_message_says_line_paragraph_or_page(by_id):
    line = by_id("format/broken-line", HEAD + "严格落实重大行政决策的\n各项程序规定。")
    para = by_id("format/broken-line", HEAD + "严格落实重大行政决策的\n\n各项程序规定。")
    assert "下一行" in line[0].message and "下一段" not in line[0].message
    assert "下一段" in para[0].message and "空行" in para[0].message
    page = [d for d in by_id("format/broken-line", PDF_COPY) if d.line == 5]
    assert "分页" in page[0].message and "下一行" not in page[0].message


# ---- structure/heading-style: no second finding on a level jump ---------------------------------

def test_mixed_sublevels_leaves_a_level_jump_to_heading_nesting(by_id):
    text = ("一、主要举措和成效\n（一）健全制度\n全年制定制度3项。\n二、存在的不足和原因\n（一）培训不足\n原因是经费紧张。\n"
            "三、下一步工作安排\n（1）加强培训\n全年培训2次。")
    assert not by_id("structure/heading-style", text)
    assert [d.line for d in by_id("structure/heading-nesting", text)] == [8]


def test_mixed_sublevels_still_reports_an_accepted_level(by_id):
    text = ("一、主要举措和成效\n（一）健全制度\n全年制定制度3项。\n二、存在的不足和原因\n（一）培训不足\n原因是经费紧张。\n"
            "三、下一步工作安排\n1.加强培训\n全年培训2次。")
    found = by_id("structure/heading-style", text)
    assert [d.line for d in found] == [8] and found[0].severity == Severity.INFO
    assert not by_id("structure/heading-nesting", text)
