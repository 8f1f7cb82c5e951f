"""term/* rules, case by case: each case is (rule, report year, body sentence, signing date, expected).

Expected is the severity the rule must report for the sentence ("error", "warning", "info") or None
for silence. Every report is wrapped in the same title and outline, so a case id points at its data.
"""

from __future__ import annotations

import pytest

from checker.checks.base import ParamError
from checker.checks.dated_term import DatedTermCheck, written_by

TOWN = "青溪镇"


def report(year: int, body: str, signed: str | None = None, plan: str = "继续加强学习。") -> str:
    lines = [f"{TOWN}人民政府关于{year}年度法治政府建设情况的报告", "一、主要举措和成效", body,
             "二、存在的不足和原因", "人员不足，原因是编制紧张。", f"三、{year + 1}年工作安排", plan]
    if signed:
        lines += [f"{TOWN}人民政府", signed]
    return "\n".join(lines)


def found(lint, rule: str, text: str, year: int | None = None):
    return [d for d in lint(text, year=year).diagnostics if d.rule == rule]


def check(lint, rule, year, body, signed, expected, contains=()):
    hits = found(lint, rule, report(year, body, signed))
    if expected is None:
        assert not hits, [h.message for h in hits]
        return
    assert hits, f"{rule} did not fire"
    assert {h.severity.label for h in hits} == {expected}, [(h.severity.label, h.message) for h in hits]
    for text in contains:
        assert any(text in h.message for h in hits), [h.message for h in hits]


OUTDATED = [
    # not yet existing → error
    (2021, "认真学习贯彻党的二十大精神。", "2022年3月1日", "error", ("二十大", "2021年度")),
    (2021, "认真学习贯彻党的二十大精神。", "2022年11月1日", None, ()),  # signed after the congress
    (2022, "认真学习贯彻党的二十大精神。", None, None, ()),
    (2021, "以优异成绩迎接党的二十大胜利召开。", None, None, ()),
    (2021, "实施二十大民生工程。", None, None, ()),
    (2023, "全面贯彻党的二十大和二十届三中全会精神。", None, "error", ("二十届三中全会",)),
    (2024, "全面贯彻党的二十大和二十届三中全会精神。", None, None, ()),
    (2022, "深入学习二十届二中全会精神。", "2023年2月10日", "error", ()),
    (2022, "深入学习二十届二中全会精神。", "2023年3月10日", None, ()),
    (2020, "全面贯彻十九届五中、六中全会精神。", None, "error", ("六中",)),
    (2021, "全面贯彻十九届五中、六中全会精神。", None, None, ()),
    (2019, "组织学习《民法典》。", None, "error", ("民法典",)),
    (2019, "积极参与民法典各分编草案征求意见。", None, None, ()),
    (2020, "组织学习《民法典》。", None, None, ()),
    (2019, "深入学习习近平法治思想。", None, "error", ()),
    (2020, "深入学习习近平法治思想。", None, None, ()),
    (2020, "深入开展“八五”普法。", None, "error", ()),
    (2020, "科学谋划“八五”普法规划。", None, None, ()),
    (2021, "深入开展“八五”普法。", None, None, ()),
    (2026, "深入开展“八五”普法。", None, "info", ()),
    (2020, "贯彻《法治政府建设实施纲要（2021－2025年）》。", None, "error", ()),
    # campaigns: the work cannot be reported before the campaign began (党纪学习教育: April 2024)
    (2023, "扎实开展党纪学习教育，筑牢纪律防线。", "2024年3月22日", "error", ("党纪学习教育", "2023年度", "2024年3月22日")),
    (2023, "扎实开展党纪学习教育，筑牢纪律防线。", None, "error", ("一季度末",)),
    (2023, "扎实开展党纪学习教育，筑牢纪律防线。", "2024年4月10日", None, ()),
    (2024, "扎实开展党纪学习教育，筑牢纪律防线。", None, None, ()),
    (2022, "开展学习贯彻习近平新时代中国特色社会主义思想主题教育。", "2023年2月10日", "error", ("主题教育",)),
    (2022, "开展学习贯彻习近平新时代中国特色社会主义思想主题教育。", "2023年3月20日", None, ()),
    (2023, "开展学习贯彻习近平新时代中国特色社会主义思想主题教育。", None, None, ()),
    (2024, "开展深入贯彻中央八项规定精神学习教育。", "2025年1月15日", "error", ()),
    (2025, "开展深入贯彻中央八项规定精神学习教育。", None, None, ()),
    (2021, "贯彻《法治政府建设实施纲要（2021－2025年）》。", None, None, ()),
    # superseded but used as current → warning
    (2023, "全面贯彻党的十九大精神。", None, "warning", ("二十大",)),
    (2022, "全面贯彻党的十九大精神。", None, None, ()),
    (2023, "党的十九大以来法治建设成效明显。", None, None, ()),
    (2023, "全面贯彻党的十九大和二十大精神。", None, None, ()),
    (2022, "深入推进“七五”普法。", None, "warning", ("八五",)),
    (2021, "“七五”普法圆满收官，“八五”普法顺利开局。", None, None, ()),
    (2020, "深入推进“七五”普法。", None, None, ()),
    (2022, "重点学习了《信访条例》。", None, "warning", ("信访工作条例",)),
    (2021, "重点学习了《信访条例》。", None, None, ()),
    (2022, "重点学习了《四川省信访条例》《信访工作条例》。", None, None, ()),
    (2021, "重点宣传《合同法》。", None, "warning", ("民法典",)),
    (2021, "重点宣传《劳动合同法》《中华人民共和国农村土地承包法》。", None, None, ()),
    (2020, "重点宣传《合同法》。", None, None, ()),
    (2021, "认真落实《法治政府建设实施纲要（2015－2020年）》。", None, "warning", ()),
    (2020, "认真落实《法治政府建设实施纲要（2015-2020年）》。", None, None, ()),
    (2021, "《法治政府建设实施纲要（2015－2020年）》确定的目标任务已经完成。", None, None, ()),
    (2021, "在《法制日报》刊发信息2篇。", None, "warning", ("法治日报",)),
    (2019, "在《法制日报》刊发信息2篇。", None, None, ()),
    # obsolete names and campaigns → info
    (2020, "协调安监部门开展检查。", None, "info", ("应急管理",)),
    (2020, "原县安监局的职能已划入应急管理局，镇安监站开展检查。", None, None, ()),
    (2020, "县法制办审核规范性文件。", None, "info", ()),
    (2020, "配合工商局开展检查。", None, "info", ()),
    (2021, "扶贫办开展政策宣传。", None, "info", ()),
    (2020, "扶贫办开展政策宣传。", None, None, ()),
    (2020, "依法治县领导小组召开会议。", None, "info", ()),
    (2021, "依法治镇领导小组召开会议。", None, None, ()),
    # renamed 2022-12-26: a report on 2022 speaks of a year under the old name, whenever it is signed
    (2022, "统筹做好新冠肺炎疫情防控。", "2023年2月1日", None, ()),
    (2022, "统筹新冠肺炎疫情防控。", "2022年12月20日", None, ()),
    (2023, "统筹做好新冠肺炎疫情防控。", "2024年1月20日", "info", ("新冠病毒感染", "2023年度")),
    (2023, "新冠肺炎疫情期间积累的经验得到巩固。", None, None, ()),
    (2020, "有效应对新冠肺炎疫情。", None, None, ()),
    (2021, "深入推进扫黑除恶专项斗争。", None, "info", ()),
    (2021, "巩固扫黑除恶专项斗争成果。", None, None, ()),
    (2020, "深入推进扫黑除恶专项斗争。", None, None, ()),
    (2023, "苍溪县乡村振兴局开展法治宣传。", None, None, ()),
]


@pytest.mark.parametrize("year, body, signed, expected, contains", OUTDATED,
                         ids=[f"{c[0]}-{c[1][:14]}-{c[3]}" for c in OUTDATED])
def test_outdated(lint, year, body, signed, expected, contains):
    check(lint, "term/outdated", year, body, signed, expected, contains)


def test_outdated_needs_a_year(lint):
    assert not found(lint, "term/outdated", "一、主要举措\n认真学习贯彻党的二十大精神。")


def test_written_by_ignores_an_implausible_signing_year():
    from datetime import date

    assert written_by(2021, date(2022, 2, 1)) == (date(2022, 2, 1), False)
    assert written_by(2021, date(2012, 2, 1)) == (date(2022, 3, 31), True)
    assert written_by(2021, None) == (date(2022, 3, 31), True)


@pytest.mark.parametrize("terms", [
    [{"name": "x", "match": "x"}],  # neither from nor stale_from
    [{"name": "x", "match": "x", "from": "2020-13-01"}],
    [{"name": "x", "match": "(", "from": "2020-01-01"}],
    [{"name": "x", "match": "x", "from": "2020-01-01", "when": "now"}],
])
def test_dated_term_rejects_bad_entries(terms):
    with pytest.raises(ParamError):
        DatedTermCheck.compile({"terms": terms})


RELATIVE = [
    ("今年以来，我镇坚持会前学法。", "warning", ("2020年以来",)),
    ("今年重点学习了《宪法》。", "warning", ("2020年",)),
    ("截至目前，共调解纠纷40件。", "warning", ("截至2020年底",)),
    ("到目前为止，共调解纠纷40件。", "warning", ()),
    ("目前为止共调解纠纷40件。", "warning", ()),
    ("本年度共办理复议案件3件。", "info", ("2020年度",)),  # the report year itself: a hint only
    ("与去年相比，纠纷下降10%。", "warning", ()),
    ("目前，全镇共有法律顾问9名。", "info", ()),
    ("近期召开了专题会议。", "info", ()),
    ("如今年轻干部学法热情高涨。", None, ()),
    ("重点推进项目前期工作，过去年份的遗留问题已解决。", None, ()),
    ("印发《关于做好今年普法工作的通知》。", None, ()),
    ("坚持“今年事今年毕”，进一步说明年度目标。", None, ()),
    ("较上年增长10%，2020年以来共办结案件12件。", None, ()),
    ("接近期望目标，突出重点节目前期筹备，基本年度任务完成。", None, ()),
]


@pytest.mark.parametrize("body, expected, contains", RELATIVE, ids=[c[0][:10] for c in RELATIVE])
def test_relative_time(lint, body, expected, contains):
    check(lint, "term/relative-time", 2020, body, None, expected, contains)


def test_relative_time_in_plan_part_names_the_next_year(lint):
    hits = found(lint, "term/relative-time", report(2020, "完成培训。", plan="明年将继续开展培训，今年重点抓好普法。"))
    assert [h.part for h in hits] == ["next_year", "next_year"]
    assert "2021年" in hits[0].message and "2021年" in hits[1].message


MISUSE = [
    ("深入开展法制宣传教育。", "warning", ("法治宣传",)),
    ("增强群众法制观念和法制意识。", "warning", ()),
    ("建设法制政府。", "warning", ()),
    ("加强法制建设。", "info", ()),
    ("落实重大执法决定法制审核制度，开展合法性法制审查。", None, ()),
    ("充实法制机构、法制工作机构和法制工作人员，设立法制员、法制科、法制股。", None, ()),
    ("发挥法制部门作用，原县法制办。", None, ()),
    ("在《法制日报》刊发信息，学习《法制教育读本》。", None, ()),
    ("强化对行政权利的制约和监督。", "warning", ("行政权力",)),
    ("行政权利运行公开透明。", "warning", ()),
    ("保障行政相对人的合法权利，强化对行政权力的制约和监督。", None, ()),
    ("严格落实《党政主要负责人履行推进法治政府建设第一责任人职责规定》。", "error", ("推进法治建设",)),
    ("严格落实《党政主要负责人履行推进法治建设第一责任人职责规定》。", None, ()),
    ("对照《法治政府建设与责任落实督工作规定》自查。", "error", ("督察",)),
    ("对照《法治政府建设与责任落实督查工作规定》自查。", "error", ()),
    ("对照《法治政府建设与责任落实督察工作规定》自查。", None, ()),
    ("党政主负责人切实履行职责。", "error", ("党政主要负责人",)),
    ("贯彻《法治政府建设实施纲要（2016－2020年）》。", "error", ()),
    ("贯彻《法治政府实施纲要（2015－2020年）》。", "error", ()),
    ("贯彻《法治社会建设实施纲要（2021－2025年）》。", "error", ()),
    ("贯彻《法治政府建设实施纲要（2021—2025年）》《法治社会建设实施纲要（2020－2025年）》。", None, ()),
    ("深入学习十九大历次全会精神。", "warning", ("十九届历次全会",)),
    ("学习贯彻十九大和历届全会精神。", "warning", ("十九届历次全会",)),
    ("学习贯彻十九届六中二十届一中全会精神。", "warning", ("六中全会、二十届",)),
    ("深入学习十九大及十九届历次全会精神。", None, ()),
]


@pytest.mark.parametrize("body, expected, contains", MISUSE, ids=[c[0][:14] for c in MISUSE])
def test_misuse(lint, body, expected, contains):
    check(lint, "term/misuse", 2021, body, None, expected, contains)


def test_misuse_fix_restores_the_canonical_title(lint):
    hits = found(lint, "term/misuse", report(2021, "落实《党政主要负责人履行推进法治政府建设第一责任人职责规定》。"))
    (hit,) = hits
    assert hit.fix.safe and hit.fix.edits[0].text == "《党政主要负责人履行推进法治建设第一责任人职责规定》"


PLACEHOLDER = [
    ("XX镇共调解纠纷XX件。", "error"),
    ("xx村开展普法。", "error"),
    ("××县人民政府召开会议。", "error"),
    ("某某同志主持会议。", "error"),
    ("〇〇镇、○○村开展普法宣传。", "error"),
    ("＊＊＊＊年＊＊月开展培训。", "error"),
    ("于20XX年X月X日召开专题会议，XXX同志参加。", "error"),
    ("开通12345热线，某些问题、某种情况、某一方面得到改善。", None),
    ("村民张某某与李某某因宅基地发生纠纷，已调解。", None),
    ("二〇〇八年建成的XXI世纪广场。", None),
    ("访问http://www.xxgk.gov.cn或发邮件至xx@163.com查询。", None),
    ("购置CX-200型执法记录仪，开展Excel和XXL-job培训，面积3×4米。", None),
    ("**一、总体情况**", None),
]


@pytest.mark.parametrize("body, expected", PLACEHOLDER, ids=[c[0][:10] for c in PLACEHOLDER])
def test_placeholder(lint, body, expected):
    check(lint, "term/placeholder", 2021, body, None, expected)


def _town_report(title: str, body: str, header: str = "") -> str:
    head = [header] if header else []
    return "\n".join(head + [title, "一、主要举措和成效", body, "二、存在的不足和原因", "人员不足，原因是编制紧张。"])


SANZHE = "桑柘镇2021年度法治政府建设报告"
SHUANGLONG = ("双龙镇2020年法治政府建设情况报告", "丰都县双龙镇人民政府")
LOCALITY = [
    (SANZHE, "", "加快推进法治乾塘进程。", "warning", ("乾塘", "桑柘镇")),
    (SANZHE, "", "推进平安乾塘建设。", "warning", ()),
    (SANZHE, "", "打造“平安乾塘”品牌。", None, ()),  # an unknown word without 进程/建设: maybe a new slogan
    (SANZHE, "", "打造“平安乾塘”品牌，乾塘镇综治中心挂牌。", "warning", ()),
    (SANZHE, "", "开展“法治护苗”“法治润心”行动，推进法治惠企、法治聚力。", None, ()),
    (SANZHE, "", "加快推进法治桑柘、平安中国、法治政府、法治社会建设。", None, ()),
    (SANZHE, "", "建设法治四川、法治成都，实施法治护航、法治赋能行动。", None, ()),
    (SANZHE, "", "打造法治双河品牌，双河村获评民主法治示范村。", None, ()),
    (SANZHE, "", "建设法治机关、平安校园、美丽乡村。", None, ()),
    (SANZHE, "", "推进法治乾塘建设，乾塘镇与我镇交界。", "warning", ()),
    (SANZHE, "", "在县委、县政府领导下，县委依法治县委员会办公室指导。", None, ()),
    (SANZHE, "", "在营山县委、县政府的领导下开展工作。", None, ()),  # the issuer's county is unknown
    (SHUANGLONG[0], SHUANGLONG[1], "在丰都县委、县政府领导下，推进法治丰都、法治双龙建设。", None, ()),
    (SHUANGLONG[0], SHUANGLONG[1], "在营山县委的领导下开展工作。", "warning", ("营山县", "双龙镇")),
    (SHUANGLONG[0], SHUANGLONG[1], "在乾塘镇党委的领导下开展普法。", "warning", ("乾塘镇",)),
    (SHUANGLONG[0], SHUANGLONG[1], "与乾塘镇党委联合开展普法，协助三合镇政府调解纠纷。", None, ()),
    (SHUANGLONG[0], SHUANGLONG[1], "双龙镇党委、镇政府高度重视，各乡镇党委参加。", None, ()),
    # a township's report names its own level (双龙镇), not the county above it (丰都县)
    (SHUANGLONG[0], SHUANGLONG[1], "在乾塘镇党委的领导下开展普法。", "warning", ("报告主体是双龙镇",)),
    (SHUANGLONG[0], SHUANGLONG[1], "在于都县委的领导下，推进都昌县委部署的工作。", None, ()),
    # 都 ends a name (丰都) as often as it starts an adverb (都经): only its place decides
    ("营山县双河镇人民政府关于2022年度法治政府建设情况的报告", "", "在丰都县委的领导下开展工作。", "warning",
     ("丰都县", "报告主体是双河镇")),
    ("2021年度法治政府建设报告", "", "加快推进法治乾塘进程。", None, ()),  # issuer unknown
]


@pytest.mark.parametrize("title, header, body, expected, contains", LOCALITY, ids=[c[2][:12] for c in LOCALITY])
def test_foreign_locality(lint, title, header, body, expected, contains):
    hits = found(lint, "term/foreign-locality", _town_report(title, body, header))
    if expected is None:
        assert not hits, [h.message for h in hits]
        return
    assert hits and all(h.severity.label == expected for h in hits)
    for text in contains:
        assert any(text in h.message for h in hits), [h.message for h in hits]


def test_department_report_names_its_county(lint):
    text = _town_report("苍溪县乡村振兴局2023年法治政府建设情况报告", "对照《法治苍溪法治政府法治社会建设工作实施方案》，建设法治苍溪。")
    assert not found(lint, "term/foreign-locality", text)


OUTDATED_MORE = [
    (2023, "学习贯彻二十届二中全会精神，党的十九大确定的目标。", None, None),
    (2022, "“七五”普法规划确定的目标任务全面完成，获评“七五”普法先进集体。", None, None),
    (2019, "学习《信访工作条例》。", "2020年2月1日", "error"),
    (2019, "学习《湖北省信访工作条例》。", "2020年2月1日", None),
]


@pytest.mark.parametrize("year, body, signed, expected", OUTDATED_MORE, ids=[c[1][:12] for c in OUTDATED_MORE])
def test_outdated_more(lint, year, body, signed, expected):
    check(lint, "term/outdated", year, body, signed, expected)


def test_eight_five_plan_may_be_named_in_the_plan_part_of_a_2020_report(lint):
    text = report(2020, "完成培训。", plan="深入实施“八五”普法规划。")
    assert not found(lint, "term/outdated", text)
    text = report(2020, "深入实施“八五”普法规划。")
    assert found(lint, "term/outdated", text)


def test_campaign_may_be_named_in_the_plan_part_before_it_starts(lint):
    text = report(2023, "完成执法培训。", "2024年2月20日", plan="扎实开展党纪学习教育。")
    assert not found(lint, "term/outdated", text)


@pytest.mark.parametrize("year, body, expected", [
    (2023, "统筹新冠肺炎疫情防控。", "新冠肺炎"),
    (2021, "深入推进扫黑除恶专项斗争。", "扫黑除恶"),
    (2021, "坚决打赢脱贫攻坚战。", "脱贫攻坚"),
])
def test_outdated_campaigns_are_not_called_bodies(lint, year, body, expected):
    hits = found(lint, "term/outdated", report(year, body))
    assert hits and all("机构" not in h.message and "原" + expected not in h.message for h in hits), [h.message for h in hits]


def test_outdated_bodies_may_be_marked_as_former(lint):
    hits = found(lint, "term/outdated", report(2020, "配合工商局开展检查。"))
    assert hits and "原工商局" in hits[0].message


def test_placeholder_in_title_and_signature(lint):
    text = "XX镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n完成培训。\n青溪镇人民政府\n2024年X月X日"
    hits = found(lint, "term/placeholder", text)
    assert {h.line for h in hits} == {1, 5}


@pytest.mark.parametrize("sentence", [
    "全面清理县政府规范性文件12件。", "建立县委常委会会前学法制度。", "坚持县委统一领导。", "按时提交镇政府常务会议审议。",
    "重大事项均经镇党委会、镇政府常务会议集体研究。", "重大事项，均经镇党委会研究决定。", "重大行政决策，报请县政府审定。",
    "决定事项，已报县政府备案。", "执法文书，提交镇政府法律顾问审核。", "规范性文件，呈报县政府备案。",
    "乡村两级，议经镇党委研究后实施。", "对接工作，均需县委审定。",
])
def test_foreign_locality_ignores_verbs_before_a_body_name(lint, sentence):
    for issuer, level in (("石门县人民政府", "县"), ("青溪镇人民政府", "镇")):
        text = f"{issuer}关于2023年度法治政府建设情况的报告\n2023年，我{level}坚持依法行政。\n一、主要举措和成效\n{sentence}"
        assert not [d for d in lint(text).diagnostics if d.rule == "term/foreign-locality"], (issuer, sentence)


@pytest.mark.parametrize(
    "body, congress",
    [("全面落实党的二十大及历次全会精神。", "二十"), ("认真学习党的十九大和历届全会精神。", "十九")],
)
def test_plenum_phrase_message_names_no_other_congress(lint, body, congress):
    other = {"二十": "十九", "十九": "二十"}[congress]
    hits = found(lint, "term/misuse", report(2023, body), year=2023)
    assert hits and all(other + "大" not in d.message and other + "届历次" not in d.message for d in hits)


def test_plenum_phrase_written_right_is_silent(lint):
    assert not found(lint, "term/misuse", report(2023, "全面落实党的二十大和二十届历次全会精神。"), year=2023)


@pytest.mark.parametrize(
    "body, expected",
    [
        ("全面贯彻《法治政府建设实施纲要(2021-2025)》。", "法治政府建设实施纲要（2021－2025年）"),
        ("2020年是落实《法治政府建设实施纲要2015-2020》的最后一年。", "法治政府建设实施纲要（2015－2020年）"),
    ],
)
def test_outline_title_without_its_year_mark_is_misquoted(lint, body, expected):
    hits = found(lint, "term/misuse", report(2021, body), year=2021)
    assert len(hits) == 1 and expected in hits[0].message


@pytest.mark.parametrize(
    "body",
    [
        "全面贯彻《法治政府建设实施纲要（2021—2025年）》。",
        "落实《广东省法治政府建设实施纲要（2016—2020年）》。",
        "制定《青溪县法治政府建设实施方案(2021-2025)》。",
    ],
)
def test_outline_titles_written_right_or_local_are_silent_on_the_year_mark(lint, body):
    assert not found(lint, "term/misuse", report(2021, body), year=2021)
