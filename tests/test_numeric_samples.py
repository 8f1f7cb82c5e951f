"""A whole report (our own text) with numeric defects planted in different parts.

The clean report is full of figures and look-alikes (hotlines, document numbers, periods, days,
approximations, changes) and must give no numeric finding at all; each planted defect must be
found where it was planted, alone and all together.
"""

from __future__ import annotations

import pytest

CLEAN = """\
青溪镇人民政府关于2023年度法治政府建设情况的报告
县委依法治县办：
2023年，青溪镇在县委、县政府的领导下，深入学习贯彻习近平法治思想，按照《法治政府建设实施纲要（2021—2025年）》和渝委发〔2016〕27号文件要求，扎实推进法治政府建设。现将有关情况报告如下：
一、主要举措和成效
（一）依法全面履行政府职能。全年共办理行政许可事项326件，其中个体工商户登记210件、食品经营许可86件、其他许可30件。通过12345热线和“青溪e办”平台受理群众诉求1200余件，同比增长15%。
（二）严格规范公正文明执法。全年受理群众诉求61件，办结59件，办结率96.7%。开展联合执法检查48次，查处违法案件23起，罚没款12.6万元。
（三）依法化解矛盾纠纷。共排查矛盾纠纷326件，化解318件，化解率97.5%。调解纠纷38宗，成功37宗，成功率97.37%。
（四）深入开展普法宣传。利用“12·4”国家宪法日、4·15全民国家安全教育日开展宣传活动16场，发放宣传资料4000余份，接受群众咨询230余人次。共培训干部200人次，包括领导干部50人次在内。
二、党政主要负责人履行推进法治建设第一责任人职责情况
镇党委书记主持召开专题会议4次，研究涉法议题11个。组织干部参加学法考试120人，考试合格118人，合格率98.3%。
三、存在的不足和原因
一是执法人员不足，全镇持证执法人员仅9名；二是部分干部法治意识不强，原因是学习培训针对性不够。
四、2024年工作安排
（一）力争群众满意率达到95%以上。
（二）继续开展“八五”普法，计划开展宣传活动20场。
青溪镇人民政府
2024年1月20日
"""

# (where, clean text, defective text, rule that must fire)
DEFECTS = {
    "sum-in-functions": ("其中个体工商户登记210件", "其中个体工商户登记220件", "numeric/sum-mismatch"),
    "rate-in-enforcement": ("办结59件，办结率96.7%", "办结59件，办结率98.7%", "numeric/rate-mismatch"),
    "rounding-in-disputes": ("成功率97.37%", "成功率97.36%", "numeric/rate-rounding"),
    "range-in-disputes": ("化解318件，化解率97.5%", "化解318件，化解率105%", "numeric/percent-out-of-range"),
    "part-above-total-in-pufa": ("包括领导干部50人次在内", "包括领导干部250人次在内", "numeric/sum-mismatch"),
    "rate-in-leaders-part": ("考试合格118人，合格率98.3%", "考试合格118人，合格率93.3%",
                             "numeric/rate-mismatch"),
    "base-missing-in-leaders-part": ("研究涉法议题11个。", "研究涉法议题11个。群众满意率达100%。",
                                     "numeric/rate-without-base"),
    "mixed-units": ("食品经营许可86件", "食品经营许可86宗", "numeric/unit-mixed"),
}


def _numeric(lint, text: str) -> list:
    return [d for d in lint(text).diagnostics if d.rule.startswith("numeric/")]


def _plant(text: str, clean: str, bad: str) -> str:
    assert text.count(clean) == 1, clean
    return text.replace(clean, bad)


def test_clean_report_has_no_numeric_finding(lint) -> None:
    found = _numeric(lint, CLEAN)
    assert not found, [f"{d.rule}@{d.line}: {d.message}" for d in found]


@pytest.mark.parametrize(("clean", "bad", "rule"), DEFECTS.values(), ids=DEFECTS.keys())
def test_each_defect_is_found_where_planted(lint, clean: str, bad: str, rule: str) -> None:
    text = _plant(CLEAN, clean, bad)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if bad in row)
    found = [(d.rule, d.line) for d in _numeric(lint, text)]
    assert found == [(rule, line)], found


def test_all_defects_together(lint) -> None:
    text = CLEAN
    for clean, bad, _ in DEFECTS.values():
        text = _plant(text, clean, bad)
    found = sorted(d.rule for d in _numeric(lint, text))
    assert found == sorted(rule for _, _, rule in DEFECTS.values())
