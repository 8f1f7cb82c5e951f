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
