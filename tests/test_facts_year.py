"""The report year and the plan part as facts.py derives them, on the cases that used to go wrong."""

from __future__ import annotations

import pytest

from checker.analysis.parts import heading_parts as _heading_parts

from conftest import facts_of as _facts_of, genre


def heading_parts(title, year):
    return _heading_parts(title, year, genre())


def facts_of(text: str):
    return _facts_of(text)


@pytest.mark.parametrize("opening, year", [
    ("2023年，我镇坚持依法行政。", 2023),
    ("根据《法治政府建设实施纲要（2021－2025年）》要求，现将2023年情况报告如下。", 2023),
    ("按照《2024年法治政府建设工作要点》，现将2023年度工作报告如下。", 2023),
    ("2018年以来，我镇持续推进依法行政。", None),
    ("自2019年起，我镇持续推进依法行政。", None),
    ("到2025年，我镇将基本建成法治政府。", None),
    ("2023年以来，我镇持续推进依法行政。", None),
])
def test_opening_year_skips_periods_titles_targets_and_since(opening, year):
    facts = facts_of(f"{opening}\n一、主要举措和成效\n（一）加强组织领导。")
    assert facts.opening_year == year


def test_dominant_year_ignores_periods():
    text = "我镇坚持依法行政。\n一、主要举措和成效\n（一）落实（2021—2025年）规划和（2021—2025年）纲要。2023年共办理案件3件。"
    facts = facts_of(text)
    assert (facts.year, facts.year_source) == (2023, "dominant")


@pytest.mark.parametrize("title, year, parts", [
    ("2022年工作计划", 2023, ["next_year"]),  # a plan with the wrong year is still the plan
    ("2023年工作计划", 2023, ["next_year"]),
    ("2024年工作安排", 2023, ["next_year"]),
    ("2023年工作计划执行情况", 2023, ["achievements"]),
    ("2022年工作要点落实情况", 2023, ["achievements"]),
    ("计划生育工作情况", 2023, ["achievements"]),
])
def test_plan_heading_with_a_past_year(title, year, parts):
    assert heading_parts(title, year) == parts


def test_opening_year_skips_a_date_line_under_the_title():
    facts = facts_of("青溪镇2023年度法治政府建设情况报告\n（2024年1月15日）\n2023年，我镇坚持依法行政。\n一、主要举措和成效\n（一）加强。")
    assert facts.opening_year == 2023


@pytest.mark.parametrize("title, year, parts", [
    ("2023年度重点工作安排部署", 2023, ["achievements"]),
    ("2023年工作要点推进落实", 2023, ["achievements"]),
    ("2022年法治政府建设工作计划", 2023, ["next_year"]),
])
def test_past_year_plan_titles_only_when_the_heading_is_a_plan_title(title, year, parts):
    assert heading_parts(title, year) == parts


def test_opening_year_prefers_the_year_the_report_clause_names():
    facts = facts_of("为巩固2022年度考核成果，现将2023年度法治政府建设情况报告如下。\n一、主要举措和成效\n（一）加强。")
    assert (facts.opening_year, facts.year) == (2023, 2023)


def test_opening_year_from_a_report_clause_late_in_a_long_opening():
    opening = "为深入贯彻落实党中央、国务院关于法治政府建设的决策部署，" * 3 + "现将我镇2023年法治政府建设工作情况报告如下："
    facts = facts_of(f"{opening}\n一、主要举措和成效\n（一）加强。")
    assert facts.opening_year == 2023


@pytest.mark.parametrize("title, year", [
    ("青溪县2023年度法治政府建设情况报告", 2023),
    ("青溪县贯彻落实《法治政府建设实施纲要（2021—2025年）》2023年度情况报告", 2023),
    ("关于报送《青溪县2023年度法治政府建设情况报告》的报告", 2023),
    ("青溪县法治政府建设情况报告", None),
])
def test_title_year_skips_cited_periods(title, year):
    facts = facts_of(f"{title}\n我县坚持依法行政。\n一、主要举措和成效\n（一）加强。")
    assert facts.title_year == year
