"""Facts: report year, issuer and level, and where each required part is."""

from __future__ import annotations

import pytest

from checker.analysis.facts import parse_date
from checker.analysis.parts import heading_parts as _heading_parts

from conftest import facts_of, genre


def heading_parts(title, year):
    return _heading_parts(title, year, genre())


def facts(text: str, year: int | None = None):
    return facts_of(text, year)


@pytest.mark.parametrize(
    "title, parts",
    [
        ("2021年度推进法治政府建设工作的主要举措和成效", ["achievements"]),
        ("党政主要负责人履行推进法治建设第一责任人职责情况", ["first_responsible"]),
        ("存在的不足和原因", ["shortcomings"]),
        ("问题与不足", ["shortcomings"]),
        ("存在的问题及下一步工作打算", ["shortcomings", "next_year"]),
        ("2022年工作计划", ["next_year"]),
        ("下一步工作打算", ["next_year"]),
        ("其他需要报告的情况", ["other"]),
        ("基本情况", ["achievements"]),
        ("计划生育工作", []),
        ("着力化解热点难点问题", []),
        ("加强组织领导", []),
        # a heading is what its heads are, not what a word in its middle is
        ("围绕市委工作安排，推动法治政府建设提质增效的举措和成效", ["achievements"]),
        ("2021年推进法治交通建设的主要举措、成效和不足", ["shortcomings", "achievements"]),  # match order
        ("对照2023年工作计划，全面推进依法行政的主要举措和成效", ["achievements"]),
        ("坚持问题导向补齐短板，推进法治政府建设的主要举措和成效", ["achievements"]),
        ("坚持问题导向，补齐基层法治短板", []),
        ("存在的问题及整改情况", ["shortcomings"]),
        ("存在问题和下步工作举措", ["shortcomings", "next_year"]),
        ("存在的不足，下一步打算", ["shortcomings", "next_year"]),
        ("党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况", ["first_responsible"]),
        ("压实安全生产第一责任人责任", []),
        ("落实全面从严治党第一责任人职责", []),
        ("计划生育工作情况", ["achievements"]),
    ],
)
def test_heading_parts(title, parts):
    assert heading_parts(title, 2021) == parts


def test_first_responsible_nested_under_an_unrelated_heading():
    f = facts("桑园镇2021年度法治政府建设报告\n一、强化主要责任人责任\n（一）履行推进法治建设第一责任人职责。\n镇党委书记任组长。\n二、主要举措和成效\n正文。")
    assert f.parts["first_responsible"].how == "nested"
    assert f.parts["achievements"].how == "heading"


def test_topic_sections_count_as_achievements():
    f = facts("一、坚持党的领导\n正文内容。\n二、深化放管服改革\n正文内容。\n三、存在的问题\n人员不足。\n四、2024年工作安排\n继续。")
    assert f.parts["achievements"].how == "topics"


def test_inline_first_responsible_but_not_a_citation():
    cited = facts("一、主要举措和成效\n依据《党政主要负责人履行推进法治建设第一责任人职责规定》，制定年度责任清单。")
    assert "first_responsible" not in cited.parts
    studied = facts("一、主要举措和成效\n组织干部学习《党政主要负责人履行推进法治建设第一责任人职责规定》等党内法规。")
    assert "first_responsible" not in studied.parts
    inline = facts("一、主要举措和成效\n镇党委书记认真履行推进法治建设第一责任人职责，主持会议3次。")
    assert inline.parts["first_responsible"].how == "inline"


@pytest.mark.parametrize(
    "sentence",
    [
        # carrying out the duty regulation is reporting the duty (the not-concrete rule asks for facts)
        "局党组全面贯彻落实《党政主要负责人履行推进法治建设第一责任人职责规定》，年内召开会议5次研究法治工作。",
        "严格执行《党政主要负责人履行推进法治建设第一责任人职责规定》，把法治建设纳入年度工作计划。",
        # a common slip: 第一责任职责 for 第一责任人职责
        "镇党政主要负责人切实履行推进法治建设第一责任职责，统筹谋划全镇法治工作。",
    ],
)
def test_inline_first_responsible_in_real_wordings(sentence):
    f = facts("一、加强党的领导\n" + sentence + "\n二、深化放管服改革\n正文内容。")
    assert f.parts["first_responsible"].how == "inline"


@pytest.mark.parametrize(
    "sentence",
    [
        "严格落实安全生产第一责任职责，开展隐患排查12次。",
        "根据《党政主要负责人履行推进法治建设第一责任人职责规定》的要求，现将有关情况报告如下：",
    ],
)
def test_no_first_responsible_in_look_alikes(sentence):
    f = facts("一、加强党的领导\n" + sentence + "\n二、深化放管服改革\n正文内容。")
    assert "first_responsible" not in f.parts


@pytest.mark.parametrize(
    "text, year, source",
    [
        ("青溪镇2023年度法治政府建设情况报告\n2023年，我镇…", 2023, "title"),
        ("2022年度，我局坚持依法行政。\n一、主要举措", 2022, "opening"),
        ("一、主要举措\n2021年完成…2021年开展…2020年曾…", 2021, "dominant"),
        ("一、主要举措\n加强学习。\n二、2024年工作安排\n继续。", 2023, "plan"),
    ],
)
def test_report_year(text, year, source):
    f = facts(text)
    assert (f.year, f.year_source) == (year, source)


def test_year_option_wins():
    assert facts("青溪镇2023年度法治政府建设情况报告", 2020).year == 2020


@pytest.mark.parametrize(
    "title, issuer, level",
    [
        ("青溪镇人民政府关于2023年度法治政府建设情况的报告", "青溪镇人民政府", "township"),
        ("石门县2022年度法治政府建设情况报告", "石门县", "county"),
        ("临川县司法局2024年法治政府建设年度报告", "临川县司法局", "department"),
        ("江口街道办事处关于2022年度法治政府建设情况的报告", "江口街道办事处", "township"),
        ("某某省人民政府关于2023年度法治政府建设情况的报告", "某某省人民政府", "provincial"),
    ],
)
def test_issuer_and_level(title, issuer, level):
    f = facts(title + "\n2023年，坚持依法行政。")
    assert (f.issuer, f.issuer_level) == (issuer, level)


@pytest.mark.parametrize(
    "text, expected",
    [("2023年12月21日", (2023, 12, 21)), ("二〇二四年一月五日", (2024, 1, 5)), ("2024.01.15", (2024, 1, 15)),
     ("2024年2月30日", None), ("2024年13月1日", None)],
)
def test_parse_date(text, expected):
    d = parse_date(text)
    assert (d and (d.year, d.month, d.day)) == expected


@pytest.mark.parametrize("title", ["2022年工作安排", "2021年工作计划", "2025年工作要点"])
def test_a_plan_heading_with_a_wrong_year_is_still_the_plan(title):
    # numeric/year-mismatch reports the wrong year; the part itself is not missing
    assert heading_parts(title, 2022) == ["next_year"]


def test_a_review_of_last_years_plan_is_no_plan():
    assert heading_parts("2021年工作计划完成情况", 2021) == ["achievements"]


def test_when_title_and_opening_disagree_the_body_decides():
    text = ("石门县人民政府关于2022年度法治政府建设情况的报告\n2021年，石门县坚持依法行政。\n"
            "一、2021年主要举措和成效\n2021年共办理复议案件12件。\n二、2022年工作安排\n继续。")
    f = facts(text)
    assert (f.year, f.title_year, f.opening_year) == (2021, 2022, 2021)
    assert facts(text.replace("2021年共办理", "2022年共办理").replace("2022年工作安排", "2023年工作安排")).year == 2022


def test_part_at_is_the_innermost_part_section():
    """part_at (a bisect over a precomputed sweep) agrees with the plain definition at every offset."""
    text = ("一、主要举措和成效\n（一）履行推进法治建设第一责任人职责。\n书记主持会议3次。\n（二）加强学习\n正文。\n"
            "二、存在的问题及下一步工作打算\n人员不足，原因是编制紧张。\n三、其他需要报告的情况\n无。")
    f = facts(text)

    def plain(offset):
        found = None
        for span, part in f.layout.spans:
            if span.start <= offset < span.end:
                found = part
        return found

    assert all(f.part_at(o) == plain(o) for o in range(-1, len(text) + 3))
    assert f.part_at(text.index("书记")) == "first_responsible"
    assert f.part_at(text.index("人员不足")) in ("shortcomings", "next_year")


def test_a_profile_changes_heads_by_yaml(tmp_path):
    """A profile extends the genre and gives a part its own heads; unknown parts are load errors."""
    from checker.profile.genre import GenreError
    from checker.profile.genre_file import load

    (tmp_path / "mine.yaml").write_text(
        "genre: mine\nextends: law-based-government\nparts:\n  - {id: achievements, head: 特色}\n", encoding="utf-8")
    custom = load("mine.yaml", folder=tmp_path)
    assert _heading_parts("2023年法治工作特色", 2023, custom) == ["achievements"]
    assert _heading_parts("2023年法治工作特色", 2023, genre()) == []
    assert _heading_parts("2023年主要举措和成效", 2023, custom) == []  # its own heads replaced the genre's
    (tmp_path / "bad.yaml").write_text(
        "genre: bad\nextends: law-based-government\nparts:\n  - {id: other, never_inside: [nothing]}\n", encoding="utf-8")
    with pytest.raises(GenreError, match="never_inside"):
        load("bad.yaml", folder=tmp_path)


@pytest.mark.parametrize(
    "sentence",
    [
        "领导小组每季度召开会议，确保法治建设中存在的问题和困难得到及时研究解决。",
        "建立问题清单，推动执法检查中存在的短板逐项整改。",
        "通过督查，各村存在的问题均得到有效解决。",
    ],
)
def test_problems_being_solved_are_no_shortcomings_part(sentence):
    f = facts("一、加强组织领导\n" + sentence + "\n二、深化放管服改革\n正文内容。")
    assert "shortcomings" not in f.parts


@pytest.mark.parametrize(
    "sentence",
    [
        "但也要看到，我镇法治建设仍存在一些不足，基层执法力量薄弱。",
        "群众反映的部分问题仍未得到解决，执法队伍还存在专业人员不足的问题。",
        "行政执法中存在的问题仍未得到根本解决。",
    ],
)
def test_a_shortcoming_said_in_passing_is_the_part_inline(sentence):
    f = facts("一、加强组织领导\n" + sentence + "\n二、深化放管服改革\n正文内容。")
    assert f.parts["shortcomings"].how == "inline"


_NESTED = (
    "一、加强法治政府建设组织领导\n（一）落实第一责任人职责。{first}\n（二）落实学法制度。全年集中学法5次。\n"
    "（三）实施领导干部年度述法制度。把推进法治建设情况纳入年度述职内容。\n二、深化放管服改革\n正文内容。"
)


def _not_concrete(lint, first):
    text = _NESTED.format(first=first).replace("（一）落实第一责任人职责。", "（一）压实领导责任。")
    return [d for d in lint(text, year=2022).diagnostics if d.rule == "section/first-responsible-not-concrete"]


def test_a_nested_leaders_part_reads_what_the_leaders_did_elsewhere(lint):
    # the part is the 述法 item (三); the duty itself, with a count, is reported in item (一)
    assert not _not_concrete(lint, "党政主要负责人认真履行第一责任人职责，政府常务会每季度至少听取1次法治建设工作汇报。")


def test_a_nested_leaders_part_without_facts_anywhere_is_not_concrete(lint):
    assert _not_concrete(lint, "党政主要负责人认真履行第一责任人职责，高度重视法治建设工作。")
