"""tests/data/numeric_cases.yaml: numeric statements as a reviewer reads them, plain and hard-wrapped.

Every case is linted with the default ruleset: a ``text`` as the one paragraph of the achievements
part of a minimal 2023 report (``report_of``), a ``report`` as it is. The numeric/* findings at
warning or error level must be exactly the case's ``expect``, and every id in its ``info`` must be
among the info-level findings (other infos are ignored). Each case runs twice: as written, and
hard-wrapped at 28 characters a line, the way a PDF copy breaks a paragraph (``wrapped``).

Cases today's code gets wrong are listed in tests/data/numeric_cases_known.txt and run as
xfail(strict=True), so the suite stays green and a fix that makes one pass must delete its line.
A line there is ``<case id>`` (both variants), or ``<case id>@plain`` / ``<case id>@wrapped``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parent / "data"
CASES_FILE = DATA / "numeric_cases.yaml"
KNOWN_FILE = DATA / "numeric_cases_known.txt"

FORMS = frozenset({
    "breakdown", "total-after-parts", "breakdown-trailing-clause", "exhaustive", "list-in-noun", "rate",
    "rate-previous-sentence", "change", "shares", "scaled", "chinese-numeral", "approximate",
    "figure-twice", "table", "overlap", "cumulative", "money", "non-quantity", "rounding"})
# Existing ids and the ones planned for the numeric checks (see the issue "Numbers as a reviewer reads them").
RULE_IDS = frozenset({
    "numeric/sum-mismatch", "numeric/rate-mismatch", "numeric/percent-out-of-range",
    "numeric/change-mismatch", "numeric/share-overflow", "numeric/figure-conflict", "numeric/table-total"})
INFO_IDS = frozenset({"numeric/sum-incomplete", "numeric/unit-mixed", "numeric/rate-rounding",
                      "numeric/rate-without-base", "numeric/subset-wording"})
VARIANTS = ("plain", "wrapped")
WIDTH = 28

TITLE = "柳河县2023年法治政府建设年度报告"
HEAD = f"{TITLE}\n一、2023年推进法治政府建设的主要举措和成效\n"
# The other parts say enough that no structural finding matters, and hold no figure a numeric rule reads.
TAIL = ("\n二、存在的不足和原因\n部分执法人员业务能力与执法要求还有差距，主要是由于培训针对性不强。\n"
        "三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
        "县长主持召开县政府常务会议专题研究法治政府建设工作4次。\n"
        "四、2024年推进法治政府建设的主要安排\n持续深化行政执法规范化建设。\n"
        "柳河县人民政府\n2024年2月26日\n")
_PART_HEADING = re.compile(r"^[一二三四五六七八九十]+、")


def load_cases() -> list[dict]:
    return yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]


def load_known() -> dict[str, str]:
    """``<id>`` or ``<id>@<variant>`` -> the comment that says why it fails today."""
    known = {}
    for line in KNOWN_FILE.read_text(encoding="utf-8").splitlines():
        key, _, why = line.partition("#")
        if key.strip():
            known[key.strip()] = why.strip()
    return known


def _wrap(line: str) -> str:
    return "\n".join(line[i:i + WIDTH] for i in range(0, len(line), WIDTH))


def report_of(case: dict, variant: str = "plain") -> str:
    """The text to lint: ``report`` as is, else ``text`` inside a minimal report; wrapped on demand.

    Wrapping breaks every body line longer than WIDTH; the title and the part headings stay whole,
    since a PDF copy does not make them body text either.
    """
    if "report" in case:
        lines = case["report"].splitlines()
        if variant == "wrapped":
            lines = [lines[0], *(ln if _PART_HEADING.match(ln) else _wrap(ln) for ln in lines[1:])]
        return "\n".join(lines) + "\n"
    text = _wrap(case["text"]) if variant == "wrapped" else case["text"]
    return HEAD + text + TAIL


def findings(lint, case: dict, variant: str) -> tuple[set[str], set[str], list[str]]:
    """(warning/error numeric ids, info numeric ids, a readable list of every numeric finding)."""
    result = lint(report_of(case, variant))
    numeric = [d for d in result.diagnostics if d.rule.startswith("numeric/")]
    loud = {d.rule for d in numeric if d.severity.label in ("warning", "error")}
    infos = {d.rule for d in numeric if d.severity.label == "info"}
    shown = [f"{d.severity.label} {d.rule}: {d.message}" for d in numeric]
    return loud, infos, shown


def verdict(lint, case: dict, variant: str) -> tuple[bool, set[str], set[str], list[str]]:
    """(passes, missing ids, extra ids, findings shown): what the test asserts, for reuse in reports."""
    loud, infos, shown = findings(lint, case, variant)
    expect = set(case["expect"])
    missing = (expect - loud) | (set(case.get("info", [])) - infos)
    extra = loud - expect
    return not missing and not extra, missing, extra, shown


def _params():
    known = load_known()
    for case in load_cases():
        for variant in VARIANTS:
            key = f"{case['id']}@{variant}"
            why = known.get(key) or known.get(case["id"])
            marks = [pytest.mark.xfail(strict=True, reason=why or "known")] if why is not None else []
            yield pytest.param(case, variant, id=key, marks=marks)


@pytest.mark.parametrize(("case", "variant"), list(_params()))
def test_case(lint, case: dict, variant: str) -> None:
    passes, missing, extra, shown = verdict(lint, case, variant)
    assert passes, (f"{case['id']} ({variant}): missing {sorted(missing)}, unexpected {sorted(extra)}\n"
                    f"  {case['arithmetic']}\n  " + "\n  ".join(shown))


def test_file_is_well_formed() -> None:
    data = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    assert data["version"] == 1
    seen = set()
    for case in data["cases"]:
        cid = case["id"]
        assert re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", cid), cid
        assert cid not in seen, f"duplicate id {cid}"
        seen.add(cid)
        assert set(case) <= {"id", "form", "text", "report", "arithmetic", "expect", "info"}, cid
        assert case["form"] in FORMS and cid.startswith(case["form"] + "/"), cid
        assert ("text" in case) != ("report" in case), f"{cid}: give text or report"
        assert case["arithmetic"].strip(), cid
        assert set(case["expect"]) <= RULE_IDS, cid
        assert set(case.get("info", [])) <= INFO_IDS, cid


def test_known_misses_name_real_cases() -> None:
    ids = {case["id"] for case in load_cases()}
    for key in load_known():
        cid, _, variant = key.partition("@")
        assert cid in ids, f"numeric_cases_known.txt names no case: {key}"
        assert variant in ("", *VARIANTS), key
