"""The year and date rules (rulesets/default/year.yaml, date.yaml), case by case.

Each case builds a short report from parts: title, opening, plan heading and opening, and the
signature, so a case id names exactly what differs. Every rule has firing and non-firing cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from checker.api import lint_text
from checker.rules.loader import load

# The shared corpus sits beside the checkout (/work/shared) or beside the worktrees' parent.
CORPUS = next(
    (p / "shared" / "corpus" for p in Path(__file__).resolve().parents if (p / "shared" / "corpus").is_dir()),
    Path("/nonexistent"),
)

RULESET = load()
RULES = {r.id: r for r in RULESET}

TOWN, COUNTY, BUREAU, PROVINCE, CITY = "青溪镇人民政府", "青溪县人民政府", "青溪县司法局", "某某省人民政府", "青州市人民政府"


@dataclass(frozen=True)
class Report:
    issuer: str = TOWN
    year: str = "2023"
    opening: str = "2023年，我们坚持依法行政，现将有关情况报告如下。"
    achievements: str = "（一）加强组织领导。全年召开专题会议4次。"
    plan_heading: str = "2024年工作安排"
    plan_opening: str = "（一）继续加强学习。"
    date: str | None = "2024年1月15日"

    def text(self) -> str:
        title = f"{self.issuer}关于{self.year}年度法治政府建设情况的报告" if self.year else f"{self.issuer}法治政府建设情况的报告"
        body = [title, self.opening, "一、主要举措和成效", self.achievements, "二、存在的不足和原因",
                "（一）人员不足，原因是编制紧张。", f"三、{self.plan_heading}", self.plan_opening]
        if self.date is not None:
            body += [self.issuer, self.date]
        return "\n".join(body)


def fired(rule_id: str, report: Report, year: int | None = None):
    result = lint_text(report.text(), RULESET.with_rules([RULES[rule_id]]), year=year, strict=True)
    return [d for d in result.diagnostics if d.rule == rule_id]


def case(rule, fires, report, id, year=None, contains=None):
    return pytest.param(rule, fires, report, year, contains, id=f"{rule}:{'fires' if fires else 'silent'}:{id}")


def _date(d, issuer=TOWN):
    return Report(issuer=issuer, date=d)


CASES = [
    # numeric/year-mismatch: title vs opening
    case("numeric/year-mismatch", True, Report(opening="2022年，我镇坚持依法行政。"), "opening-2022-title-2023", contains="2022"),
    case("numeric/year-mismatch", False, Report(opening="根据《法治政府建设实施纲要（2021－2025年）》，现将2023年有关情况报告如下。"), "opening-period-and-title"),
    case("numeric/year-mismatch", False, Report(opening="按照《青溪县2024年法治政府建设工作要点》，现将2023年情况报告如下。"), "opening-cited-title"),
    case("numeric/year-mismatch", True, Report(opening="为贯彻落实县委部署，现将2022年度法治政府建设情况报告如下。"), "opening-report-clause"),
    case("numeric/year-mismatch", False, Report(opening="为巩固2022年度考核成果，我镇坚持依法行政，现将有关情况报告如下。"), "opening-year-in-passing"),
    case("numeric/year-mismatch", False, Report(opening="2018年以来，我镇持续推进依法行政。"), "opening-since-2018"),
    case("numeric/year-mismatch", False, Report(opening="2023年以来，我镇持续推进依法行政。"), "opening-since-report-year"),
    # numeric/year-mismatch: the plan heading
    case("numeric/year-mismatch", True, Report(plan_heading="2023年工作计划"), "plan-heading-report-year", contains="2024"),
    case("numeric/year-mismatch", True, Report(plan_heading="2022年工作计划"), "plan-heading-past-year"),
    case("numeric/year-mismatch", True, Report(plan_heading="2025年工作安排"), "plan-heading-two-ahead"),
    case("numeric/year-mismatch", False, Report(plan_heading="2024年工作安排"), "plan-heading-next-year"),
    case("numeric/year-mismatch", False, Report(plan_heading="“十四五”后期及2024年工作打算"), "plan-heading-with-period-word"),
    case("numeric/year-mismatch", False, Report(plan_heading="2024年工作安排", plan_opening="到2025年底实现全覆盖，围绕2035年远景目标和“十四五”规划推进。"), "plan-mentions-targets"),
    case("numeric/year-mismatch", False, Report(plan_heading="下一步工作打算（2021—2025年）", plan_opening="（一）继续加强学习。"), "plan-heading-period-only"),
    case("numeric/year-mismatch", False, Report(issuer="", year="", opening="我镇坚持依法行政。", plan_heading="2022年工作计划"), "report-year-unknown"),
    case("numeric/year-mismatch", True, Report(issuer="", year="", opening="我镇坚持依法行政。", plan_heading="2022年工作计划"), "report-year-from-option", year=2023),
    # numeric/year-mismatch: the plan opening
    case("numeric/year-mismatch", True, Report(plan_heading="下一步工作打算", plan_opening="2023年，我镇将继续深化法治政府建设。"), "plan-opening-report-year"),
    case("numeric/year-mismatch", True, Report(plan_heading="下步工作计划", plan_opening="2022年是全面贯彻党的二十大精神的开局之年，我镇将进一步推进。"), "plan-opening-is-year"),
    case("numeric/year-mismatch", False, Report(plan_heading="下一步工作打算", plan_opening="2024年，我镇将继续深化法治政府建设。"), "plan-opening-next-year"),
    case("numeric/year-mismatch", False, Report(plan_heading="下一步工作打算", plan_opening="2023年，我镇法治建设取得了一定成效，但仍有差距。"), "plan-opening-recap"),
    case("numeric/year-mismatch", False, Report(plan_heading="下一步工作打算", plan_opening="2023年，我镇将法治建设纳入年度考核，取得了实效。"), "plan-opening-jiang-as-ba"),
    # heading and opening are judged each on its own
    case("numeric/year-mismatch", True, Report(plan_heading="2024年工作安排", plan_opening="2023年，我镇将继续深化法治政府建设。"), "right-heading-opening-report-year", contains="2023"),
    case("numeric/year-mismatch", True, Report(plan_heading="2024年工作打算", plan_opening="2025年，我镇将围绕建设法治政府目标，重点做好以下工作。"), "right-heading-opening-two-ahead", contains="2025"),
    case("numeric/year-mismatch", False, Report(plan_heading="2024年工作安排", plan_opening="2024年，我镇将继续深化法治政府建设。"), "right-heading-right-opening"),
    case("numeric/year-mismatch", False, Report(plan_heading="2024年工作安排", plan_opening="2023年，我镇法治建设取得了一定成效，但仍有差距。"), "right-heading-recap-opening"),
    case("numeric/year-mismatch", False, Report(plan_heading="2024年及2025年工作打算", plan_opening="2025年，我镇将全面完成“八五”普法各项任务。"), "opening-year-named-by-heading"),
    case("numeric/year-mismatch", False, Report(plan_heading="2024—2025年工作打算", plan_opening="2025年，我镇将全面完成“八五”普法各项任务。"), "opening-year-in-heading-period"),
    case("numeric/year-mismatch", False, Report(plan_heading="2024年工作安排", plan_opening="2025年底前，我镇将完成村规民约修订。"), "opening-deadline-not-plan-year"),
    # numeric/future-year
    case("numeric/future-year", True, Report(achievements="（一）化解纠纷。2024年共办理行政复议案件12件。"), "total-next-year", contains="2024"),
    case("numeric/future-year", True, Report(achievements="（一）加强学习。2024年，我镇开展了会前学法活动。"), "done-with-le"),
    case("numeric/future-year", True, Report(achievements="（一）化解纠纷。2025年全年受理矛盾纠纷30余件。"), "two-years-ahead"),
    case("numeric/future-year", False, Report(achievements="（一）化解纠纷。2023年共办理行政复议案件12件。"), "report-year"),
    case("numeric/future-year", False, Report(achievements="（一）整改。力争2024年完成全部整改，到2025年实现全覆盖。"), "targets"),
    case("numeric/future-year", False, Report(achievements="（一）述法。2024年1月，我镇召开了年度述法会议。"), "dated-event"),
    # the statement ends at ！ as at 。: the count after it belongs to the next sentence (the check
    # once read on to the next 。 or ；)
    case("numeric/future-year", False, Report(achievements="（一）宣传。2024年组织开展宣传活动！下步将印发12份方案。"),
         "statement-ends-at-exclamation"),
    case("numeric/future-year", False, Report(achievements="（一）普法。印发《2024年普法工作要点》，开展了宣传12次。"), "cited-title"),
    case("numeric/future-year", False, Report(achievements="（一）普法。落实“八五”普法规划（2021—2025年），共完成宣传12次。"), "period"),
    case("numeric/future-year", False, Report(achievements="（一）规划。2024年将完成行政复议案件办理系统建设。"), "future-tense"),
    case("numeric/future-year", False, Report(plan_opening="2024年共开展法治宣传12次。"), "plan-part-not-judged"),
    case("numeric/future-year", False, Report(issuer="", year="", opening="我镇坚持依法行政。", achievements="（一）2024年共办理案件12件。"), "year-unknown"),
    # section/next-year-undated
    case("section/next-year-undated", True, Report(plan_heading="下一步工作打算"), "xiayibu"),
    case("section/next-year-undated", True, Report(plan_heading="下步工作计划"), "xiabu"),
    case("section/next-year-undated", True, Report(plan_heading="明年工作打算"), "mingnian"),
    case("section/next-year-undated", False, Report(plan_heading="下一步工作打算", plan_opening="2024年，我镇将继续深化法治政府建设。"), "opening-dated"),
    case("section/next-year-undated", False, Report(plan_heading="下一步工作打算", plan_opening="（一）围绕2024年重点任务，加强学习。"), "opening-names-year"),
    case("section/next-year-undated", False, Report(plan_heading="2024年工作安排"), "heading-dated"),
    case("section/next-year-undated", False, Report(plan_heading="下一步工作打算（2024—2025年）"), "heading-period"),
    # date/out-of-range
    case("date/out-of-range", True, _date("2024年2月30日"), "feb-30", contains="不是真实"),
    case("date/out-of-range", True, _date("2024年13月1日"), "month-13"),
    case("date/out-of-range", True, _date("2023年2月29日"), "feb-29-non-leap"),
    case("date/out-of-range", True, _date("二〇二四年二月三十日"), "chinese-feb-30"),
    case("date/out-of-range", True, _date("2022年1月20日"), "year-before"),
    case("date/out-of-range", True, _date("2025年1月20日"), "year-two-after"),
    case("date/out-of-range", False, _date("2024年2月29日"), "feb-29-leap"),
    case("date/out-of-range", False, _date("2023年12月28日"), "report-year"),
    case("date/out-of-range", False, Report(issuer="", year="", opening="我镇坚持依法行政。", date="2025年1月20日"), "year-unknown"),
    case("date/out-of-range", True, Report(issuer="", year="", opening="我镇坚持依法行政。", date="2025年1月20日"), "year-option", year=2023),
    # date/before-year-end
    case("date/before-year-end", True, _date("2023年12月21日", BUREAU), "dec-21"),
    case("date/before-year-end", True, _date("2023年12月31日"), "dec-31"),
    case("date/before-year-end", True, _date("2023年12月"), "dec-no-day"),
    case("date/before-year-end", False, _date("2024年1月1日"), "jan-1"),
    case("date/before-year-end", False, _date("2022年12月1日"), "wrong-year-is-out-of-range"),
    # date/late, by issuer level
    case("date/late", False, _date("2024年3月1日", TOWN), "township-mar-1"),
    case("date/late", True, _date("2024年3月2日", TOWN), "township-mar-2", contains="2024年3月1日"),
    case("date/late", True, _date("2024年3月2日", COUNTY), "county-mar-2"),
    case("date/late", True, _date("2024年3月2日", CITY), "prefecture-mar-2"),
    case("date/late", True, _date("2024年3月2日", BUREAU), "department-mar-2"),
    case("date/late", False, _date("2024年2月29日", BUREAU), "department-feb-29-leap"),
    case("date/late", False, _date("2024年3月31日", PROVINCE), "province-mar-31"),
    case("date/late", False, _date("2024年4月1日", PROVINCE), "province-apr-1"),
    case("date/late", True, _date("2024年4月2日", PROVINCE), "province-apr-2", contains="2024年4月1日"),
    case("date/late", False, _date("2024年3月", TOWN), "march-no-day"),
    case("date/late", True, _date("2024年4月", TOWN), "april-no-day"),
    case("date/late", False, _date("2025年3月20日", TOWN), "wrong-year-is-out-of-range"),
    # date/publication-late
    case("date/publication-late", False, _date("2024年4月1日", TOWN), "apr-1"),
    case("date/publication-late", True, _date("2024年4月2日", TOWN), "township-apr-2"),
    case("date/publication-late", True, _date("2024年4月2日", PROVINCE), "province-apr-2"),
    case("date/publication-late", True, _date("2024年6月30日", BUREAU), "department-jun"),
    case("date/publication-late", False, _date("2024年4月", COUNTY), "april-no-day"),
    case("date/publication-late", True, _date("2024年5月", COUNTY), "may-no-day"),
    # date/format
    case("date/format", True, _date("2024.1.15"), "dots", contains="2024年1月15日"),
    case("date/format", True, _date("2024-01-15"), "dashes"),
    case("date/format", True, _date("2024/1/15"), "slashes"),
    case("date/format", True, _date("2024年01月05日"), "padded", contains="2024年1月5日"),
    case("date/format", True, _date("二〇二四年一月五日"), "chinese", contains="旧"),
    case("date/format", True, _date("二O二四年一月十五日"), "chinese-letter-o"),
    case("date/format", True, _date("2024年1月"), "no-day"),
    case("date/format", True, _date("2024年1月15"), "no-ri"),
    case("date/format", True, _date("2024年1月15号"), "hao"),
    case("date/format", True, _date("2024年1月 15日"), "spaced"),
    case("date/format", False, _date("2024年1月15日"), "canonical"),
    case("date/format", False, _date(f"{TOWN}  2024年1月15日"), "issuer-on-date-line"),
    case("date/format", False, _date("2024年12月31日"), "two-digit-month-day"),
]


@pytest.mark.parametrize("rule, fires, report, year, contains", CASES)
def test_rule(rule, fires, report, year, contains):
    found = fired(rule, report, year)
    assert bool(found) == fires, [d.message for d in found]
    if contains:
        assert any(contains in d.message for d in found), [d.message for d in found]


@pytest.mark.parametrize("written, canonical", [
    ("2024.1.15", "2024年1月15日"), ("2024-01-05", "2024年1月5日"), ("二〇二四年一月五日", "2024年1月5日"),
    ("二〇二四年二月二十九日", "2024年2月29日"), ("2024年1月 15日", "2024年1月15日"), ("2024年1月15号", "2024年1月15日"),
])
def test_format_fix_rewrites_to_the_standard_form(written, canonical):
    report = _date(written)
    source = report.text()
    [diag] = fired("date/format", report)
    assert diag.fix is not None and diag.fix.safe
    [edit] = diag.fix.edits
    fixed = source[:edit.span.start] + edit.text + source[edit.span.end:]
    assert fixed.endswith("\n" + canonical)


@pytest.mark.parametrize("written", ["2024年1月", "2024年2月30日", "二〇二四年十三月一日"])
def test_format_gives_no_fix_when_the_date_is_uncertain(written):
    found = fired("date/format", _date(written))
    assert all(d.fix is None for d in found)


def test_format_fix_maps_full_width_digits_to_the_original():
    text = Report(date="２０２４．１．１５").text()
    result = lint_text(text, RULESET.with_rules([RULES["date/format"]]), strict=True)
    [diag] = result.diagnostics
    edit = diag.fix.edits[0]
    assert text[edit.span.start:edit.span.end] == "２０２４．１．１５"


def test_title_and_opening_mismatch_points_at_the_opening_year():
    report = Report(opening="2022年，我镇坚持依法行政。")
    [diag] = fired("numeric/year-mismatch", report)
    assert report.text()[diag.start:diag.end] == "2022年"


def test_date_rules_never_crash_on_odd_signatures():
    for d in ("0000年0月0日", "2024年0月0日", "二〇二四年十一二月一日", "2024年2月", "2099年9月9日", "1900年2月29日"):
        for rule in ("date/out-of-range", "date/before-year-end", "date/late", "date/publication-late", "date/format"):
            fired(rule, _date(d))


@pytest.mark.parametrize("name, silent", [
    ("000_d0ceab8ace872941.txt", {"numeric/year-mismatch", "numeric/future-year", "section/next-year-undated"}),
    ("003_621cb3420cf20d40.txt", {"numeric/year-mismatch", "numeric/future-year", "section/next-year-undated"}),
])
def test_corpus_plans_for_the_next_year_stay_silent(name, silent):
    path = CORPUS / name
    if not path.exists():
        pytest.skip("corpus not available")
    result = lint_text(path.read_text(encoding="utf-8"), RULESET, strict=True)
    assert not [d for d in result.diagnostics if d.rule in silent]


def test_corpus_001_undated_plan_and_early_signature():
    path = CORPUS / "001_12992429c0ac6de4.txt"
    if not path.exists():
        pytest.skip("corpus not available")
    result = lint_text(path.read_text(encoding="utf-8"), RULESET, strict=True)
    ids = {d.rule for d in result.diagnostics}
    assert {"section/next-year-undated", "date/before-year-end"} <= ids
    assert not ids & {"date/out-of-range", "date/late", "date/publication-late", "date/format", "numeric/year-mismatch"}


def test_wrong_heading_and_wrong_opening_are_two_findings():
    report = Report(plan_heading="2023年工作计划", plan_opening="2023年，我镇将继续深化法治政府建设。")
    diags = fired("numeric/year-mismatch", report)
    assert sorted(d.line for d in diags) == [7, 8], [d.message for d in diags]


def test_plan_split_over_two_headings_uses_the_dated_one():
    text = ("青溪镇人民政府关于2023年度法治政府建设情况的报告\n2023年，我镇坚持依法行政。\n一、主要举措和成效\n（一）加强组织领导。\n"
            "二、存在的问题和下一步打算\n（一）人员不足，原因是编制紧张。\n三、2024年工作安排\n（一）继续学习。")
    rules = RULESET.with_rules([RULES["section/next-year-undated"], RULES["numeric/year-mismatch"]])
    assert not lint_text(text, rules, strict=True).diagnostics
    wrong = text.replace("三、2024年工作安排", "三、2023年工作安排")
    assert [d.rule for d in lint_text(wrong, rules, strict=True).diagnostics] == ["numeric/year-mismatch"]
