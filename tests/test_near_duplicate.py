"""topic/near-duplicate and checker/analysis/fingerprints.py: what counts as a shared passage and what does not."""

from __future__ import annotations

import json
import re

import pytest

from conftest import lint_texts
from checker.checks.base import BatchItem
from checker.checks.near_duplicate import issuer_groups
from checker.analysis.fingerprints import SEP, fingerprint, shared_passages
from checker.rules.loader import load

RULE = load().only(lambda r: r.id == "topic/near-duplicate")
PASSAGE = ("把法律顾问参与重大事项审查作为前置环节，全年召开镇村两级法律顾问座谈会，逐项梳理村规民约中"
           "与法律法规相抵触的条款并督促各村限期改正，")


def _report(issuer: str, body: str, year: int = 2021) -> str:
    return (f"{issuer}{year}年度法治政府建设情况报告\n一、主要举措和成效\n（一）完善决策机制。\n{body}\n"
            f"二、存在的不足和原因\n（一）人员偏少，原因是编制紧张。\n三、{year + 1}年工作安排\n（一）充实力量。\n")


def test_copy_with_the_place_name_changed_is_one_passage():
    a = _report("桑柘镇", f"桑柘镇{PASSAGE}桑柘镇司法所全程参与，{PASSAGE[:40]}。")
    b = _report("乾塘镇", f"乾塘镇{PASSAGE}乾塘镇司法所全程参与，{PASSAGE[:40]}。")
    _, batch = lint_texts([a, b], RULE)
    assert len(batch) == 1
    assert [loc.line for loc in batch[0].locations] == [4, 4]
    assert "桑柘镇" in batch[0].message and "乾塘镇" in batch[0].message


def test_one_shared_sentence_is_not_a_copy():
    shared = "严格落实行政执法三项制度，全年办理行政处罚案件，"
    a = _report("桑柘镇", f"桑柘镇{shared}桑柘镇组织执法人员培训三次。")
    b = _report("乾塘镇", f"乾塘镇{shared}乾塘镇新增执法证件办理两批。")
    assert lint_texts([a, b], RULE)[1] == []


def test_coincidences_bridged_by_edits_need_one_long_identical_stretch():
    pieces = ["组织开展矛盾纠纷排查化解群众满意度提升", "综合执法队在城乡人居环境整治方面联合检查"]
    a = _report("桑柘镇", f"桑柘镇{pieces[0]}。桑柘镇{pieces[1]}。桑柘镇{pieces[0]}。")
    b = _report("乾塘镇", f"乾塘镇{pieces[0]}。乾塘镇{pieces[1]}。乾塘镇{pieces[0]}。")
    assert lint_texts([a, b], RULE)[1] == []  # ~60 shared ideographs, but no stretch of 30


def test_reports_of_one_issuer_are_never_paired():
    a = _report("丰都县双龙镇人民政府", PASSAGE * 2)
    b = _report("双龙镇", PASSAGE * 2, year=2022)
    assert lint_texts([a, b], RULE)[1] == []


def test_a_single_file_has_no_batch_findings():
    assert lint_texts([_report("桑柘镇", PASSAGE * 2)], RULE)[1] == []


@pytest.mark.parametrize("issuers, same", [
    (("丰都县双龙镇人民政府", "双龙镇"), True),
    (("中共桑柘镇委员会", "桑柘镇人民政府"), True),
    (("苍溪县司法局", "旺苍县司法局"), False),
    (("司法局", "苍溪县司法局"), False),  # a bare department name is no place: never merges others
    ((None, None), False),  # issuers not recognised: each report stands alone
])
def test_issuer_groups(issuers, same):
    items = [BatchItem(i, f"{i}.txt", name, 2021, None) for i, name in enumerate(issuers)]
    groups = issuer_groups(items)
    assert (groups[0] == groups[1]) is same


def test_stock_passages_are_masked():
    stock = (re.compile("以习近平新时代中国特色社会主义思想为指导"),)
    fp = fingerprint([(1, "坚持以习近平新时代中国特色社会主义思想为指导，2023年，桑柘镇")], stock, 8)
    assert fp.text.startswith("坚持" + SEP) and fp.text.endswith("年桑柘镇")
    assert fp.size == len("坚持年桑柘镇") and fp.line_at(0) == 1


def test_passages_are_exact_around_seeds():
    a, b = "甲乙丙丁" + "天地玄黄宇宙洪荒日月盈昃辰宿列张" + "戊己", "子丑" + "天地玄黄宇宙洪荒日月盈昃辰宿列张" + "寅卯辰"
    found = shared_passages(a, b, [(6, 4)], 8, 8)
    assert [(p.a_start, p.a_end, p.b_start, p.b_end, p.shared) for p in found] == [(4, 20, 2, 18, 16)]


def test_rule_can_be_ignored(tmp_path):
    from checker.cli import main

    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(_report("桑柘镇" if name == "a" else "乾塘镇", PASSAGE * 2), encoding="utf-8")
    out = tmp_path / "out.json"
    main(["check", str(tmp_path), "--format", "json", "-o", str(out)])
    assert len(json.loads(out.read_text(encoding="utf-8"))["batch"]) == 1
    main(["check", str(tmp_path), "--ignore", "topic/near-duplicate", "--format", "json", "-o", str(out)])
    assert json.loads(out.read_text(encoding="utf-8"))["batch"] == []


# ---- a batch written from one template ---------------------------------------------------------

def _county(issuer: str, rng, extra: str = "") -> str:
    import batchgen

    return batchgen.county_report(issuer, 2023, rng, extra=extra)


def test_template_phrasing_is_no_copy_whatever_the_order_and_the_real_copy_is_one_finding():
    import random

    import batchgen

    rng = random.Random(5)
    towns = ["青石镇", "白沙镇", *batchgen.issuers(12, rng)]
    texts = [_county(t, rng, batchgen.QINGSHI_OWN if t == "青石镇" else batchgen.BAISHA_COPY if t == "白沙镇" else "")
             for t in towns]
    _, batch = lint_texts(texts, RULE)
    assert len(batch) == 1, [f.message[:60] for f in batch]  # 14 reports share the template and its stock phrases
    finding = batch[0]
    assert (finding.location.path, finding.related[0].path) == ("<text2>", "<text1>")  # 白沙镇 carries 青石, it copied
    assert "含青石镇的地名" in finding.message and finding.blames_first and 0 < finding.share < 0.3


def test_all_passages_of_a_pair_are_one_finding_in_pairs_of_places():
    second = "建立镇村干部每周轮值接访制度，党政班子成员按月包片下访，对群众反映的宅基地纠纷和土地流转问题建立台账逐件销号并回访"
    a = _report("桑柘镇", f"桑柘镇{PASSAGE}\n桑柘镇另行开展普法宣传四次。\n{second}。")
    b = _report("乾塘镇", f"乾塘镇{PASSAGE}\n乾塘镇组织执法培训两次。\n{second}。")
    _, batch = lint_texts([a, b], RULE)
    assert len(batch) == 1
    paths = [loc.path for loc in batch[0].locations]
    assert paths == ["<text1>", "<text2>", "<text1>", "<text2>"] and "有2段文字相同" in batch[0].message


def test_the_copier_comes_first_whatever_the_input_order():
    own = "在推进法治乾塘建设中，乾塘镇探索建立村民说事干部办事群众评事的议事机制，由镇司法所牵头，每月组织村两委干部和法律顾问现场议事，全年议定事项四十余件。"
    copied = own.replace("乾塘镇探索", "桑柘镇探索")
    _, batch = lint_texts([_report("乾塘镇", own), _report("桑柘镇", copied)], RULE)
    assert [loc.path for loc in batch[0].locations] == ["<text2>", "<text1>"] and "含乾塘镇的地名" in batch[0].message


def test_the_report_copied_from_keeps_its_verdict():
    from checker.app.session import Session
    from checker.config import Config

    own = "在推进法治乾塘建设中，乾塘镇探索建立村民说事干部办事群众评事的议事机制，由镇司法所牵头，每月组织村两委干部和法律顾问现场议事，全年议定事项四十余件。"
    run = Session(Config(), RULE).run_texts([_report("乾塘镇", own), _report("桑柘镇", own.replace("乾塘镇探索", "桑柘镇探索"))])
    assert [v.label for v in run.verdicts] == ["可通过", "建议修改"]


# ---- topic/same-issuer and the batch part of term/foreign-locality ------------------------------

SAME = load().only(lambda r: r.id == "topic/same-issuer")
FOREIGN = load().only(lambda r: r.id == "term/foreign-locality")


def test_a_resubmission_and_a_duplicate_file_are_said_as_such():
    first = _report("桑柘镇", PASSAGE)
    _, batch = lint_texts([first, first.replace("完善决策机制", "健全决策机制"), _report("乾塘镇", PASSAGE)], SAME)
    assert len(batch) == 1 and batch[0].rule == "topic/same-issuer" and "内容不同" in batch[0].message
    assert [loc.path for loc in batch[0].locations] == ["<text1>", "<text2>"]
    _, batch = lint_texts([first, first], SAME)
    assert "完全相同" in batch[0].message
    _, batch = lint_texts([first, _report("桑柘镇", PASSAGE, year=2022)], SAME)
    assert batch == []  # another year's report is no resubmission


def test_a_slogan_naming_another_issuer_of_the_run():
    mine = "在推进“法治青石”建设中，{}探索建立议事机制。"
    a, b = _report("白沙镇", mine.format("白沙镇")), _report("青石镇", mine.format("青石镇"))
    files, batch = lint_texts([a, b], FOREIGN)
    assert [loc.path for d in batch for loc in d.locations] == ["<text1>"]
    assert "青石镇" in batch[0].message and "法治青石" in batch[0].message
    assert not any(d.rule == "term/foreign-locality" for f in files for d in f.diagnostics)
    _, alone = lint_texts([a, _report("乾塘镇", PASSAGE)], FOREIGN)
    assert alone == []  # 青石 is nobody's place in this run: silent, as for a single file
