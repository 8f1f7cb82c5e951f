"""The 政府信息公开工作年度报告 samples (samples/disclosure/) checked as DATA, with no linter involved.

A small TAB-table reader below recomputes identities I1–I5, I7 and I8 (genre brief,
/work/shared/genres/information-disclosure.md) from every .txt and requires the violations to be
exactly the planted ones of samples/disclosure/expected.yaml (defects + also), with their stated and
computed values; clean files have none. Narrative figures (I6), shares, parts, signature dates and
copied passages are checked against the manifest too, so neither can drift from the other. Last, the
.docx/.pdf renderings of tests/disclosure_gen.py must open in python-docx / pypdf, carry the official
merges and contain every table cell.
"""

from __future__ import annotations

import datetime
import io
import re
from decimal import ROUND_HALF_UP, Decimal
from itertools import combinations

import pytest
import yaml

import disclosure_gen
from conftest import SAMPLES

DIR = SAMPLES / "disclosure"
MANIFEST = yaml.safe_load((DIR / "expected.yaml").read_text(encoding="utf-8"))
TEXTS = {name: (DIR / name).read_text(encoding="utf-8") for name in MANIFEST}
NAMES = sorted(MANIFEST)
CLEAN = [n for n in NAMES if MANIFEST[n]["clean"]]
DEFECTIVE = [n for n in NAMES if not MANIFEST[n]["clean"]]

APPL = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
COLS = APPL + ["总计"]
GROUPS4 = ["行政复议", "未经复议直接起诉", "复议后起诉"]
COLS4 = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
# 表二 columns that are not counts: a change (may be negative) and amounts in 万元 (may have decimals)
NOT_COUNTS = {"本年增/减", "本年收费金额（单位：万元）", "采购总金额"}
NOT_APPLICABLE = {"/", "—", "-"}
PARTS = [("一", "总体情况"), ("二", "主动公开政府信息情况"), ("三", "收到和处理政府信息公开申请情况"),
         ("四", "行政复议"), ("五", "存在的主要问题"), ("六", "其他需要报告的事项")]
RULES = {"I1": "disclosure/balance", "I2": "disclosure/column-total", "I3": "disclosure/row-total",
         "I4": "disclosure/review-total", "I5": "disclosure/count-invalid", "I6": "disclosure/text-vs-table",
         "I7": "disclosure/carry-over", "I8": "disclosure/blank-total", "part-missing": "disclosure/part-missing",
         "date-late": "disclosure/late", "copied-from-previous": "disclosure/copied-from-previous"}


# ---------------------------------------------------------------- a small reader of the TAB tables

def _full(s: str) -> str:
    return s.strip().replace("(", "（").replace(")", "）").replace(":", "：")


def _number(raw: str):
    """Decimal for a number, None for a blank cell, the raw string for anything else."""
    raw = raw.strip()
    if not raw:
        return None
    return Decimal(raw) if re.fullmatch(r"-?\d+(?:\.\d+)?", raw) else raw


class Tables:
    def __init__(self, text: str):
        self.lines = text.split("\n")
        self.t2: dict = {}   # (row, col) -> raw
        self.t3: dict = {}   # (row key, col) -> raw
        self.t3_lines: dict = {}  # row key -> 1-based line
        self.t4: dict = {}   # (group, col) -> raw
        self.t4_line = None
        i = 0
        while i < len(self.lines):
            head = _full(self.lines[i].split("\t")[0])
            if head.startswith("（本列数据的勾稽关系为"):
                i = self._read3(i + 3)
            elif head == "行政复议" and "\t" in self.lines[i]:
                self._read4(i + 3)
                i += 4
            elif re.fullmatch(r"第二十条第（[一二三四五六七八九]）项", head):
                i = self._read2(i + 1)
            else:
                i += 1

    def _read2(self, i: int) -> int:
        header = [_full(c) for c in self.lines[i].split("\t")]
        assert header[0] == "信息内容", header
        i += 1
        while i < len(self.lines) and "\t" in self.lines[i]:
            fields = self.lines[i].split("\t")
            for col, raw in zip(header[1:], fields[1:]):
                self.t2[(fields[0].strip(), col)] = raw
            i += 1
        return i

    def _read3(self, i: int) -> int:
        group = None
        while True:
            fields = self.lines[i].split("\t")
            assert len(fields) >= 8, (i + 1, fields)
            labels = [_full(f) for f in fields[:-7] if f.strip()]
            for label in labels:
                if re.match(r"（[一二三四五六七]）", label):
                    group = label[:3]
            last = labels[-1]
            if re.match(r"[一二四]、", last):
                key = last[0]
            elif re.match(r"（[一二三四五六七]）", last):
                key = last[:3]
            else:
                key = group + re.match(r"(\d+)\.", last).group(1)
            for col, raw in zip(COLS, fields[-7:]):
                self.t3[(key, col)] = raw
            self.t3_lines[key] = i + 1
            i += 1
            if key == "四":
                return i

    def _read4(self, i: int) -> None:
        fields = self.lines[i].split("\t")
        assert len(fields) == 15, fields
        self.t4_line = i + 1
        for g, group in enumerate(GROUPS4):
            for c, col in enumerate(COLS4):
                self.t4[(group, col)] = fields[5 * g + c]

    # -- values
    def results(self) -> list[str]:
        keys = list(self.t3_lines)
        return keys[keys.index("（一）"):keys.index("（七）")]

    def n3(self, key, col):
        return _number(self.t3[(key, col)])

    def value(self, table: str, row: str, col: str):
        """A figure as the manifest names it (group rows, 法人或其他组织, 行政诉讼, blank 总计 = row sum)."""
        if table == "二":
            return _number(self.t2[(row, col)])
        if table == "四":
            if row == "行政诉讼":
                return self.value("四", "未经复议直接起诉", col) + self.value("四", "复议后起诉", col)
            return _number(self.t4[(row, col)])
        if row not in self.t3_lines:  # a group: （三） = （三）1 + … + （三）8
            return sum(self.value("三", k, col) for k in self.t3_lines if k.startswith(row) and k != row)
        if col == "法人或其他组织":
            return sum(self.n3(row, c) for c in APPL[1:])
        v = self.n3(row, col)
        if v is None and col == "总计":
            v = sum(self.n3(row, c) for c in APPL)
        return v


def _plain(v):
    """Canonical form of a stated/computed value for comparison."""
    if v is None or v == "":
        return v
    if isinstance(v, str) and not re.fullmatch(r"-?\d+(?:\.\d+)?", v):
        return v
    d = Decimal(str(v))
    return str(int(d)) if d == d.to_integral_value() else str(d)


def violations(t: Tables, previous: Tables | None = None) -> dict:
    """(identity, table, row, col) -> (stated, computed) for I1–I5, I7 and I8."""
    found = {}
    nums = {k: _number(v) for k, v in t.t3.items()}
    known = lambda *vals: all(isinstance(v, Decimal) for v in vals)  # noqa: E731
    for (row, col), raw in list(t.t3.items()) + [((g, c), v) for (g, c), v in t.t4.items()]:
        table = "四" if row in GROUPS4 else "三"
        v = _number(raw)
        if v is None:
            src = t.t4 if table == "四" else t.t3
            cells = [_number(src[(row, c)]) for c in (COLS4[:4] if table == "四" else APPL)]
            found[("I8", table, row, col)] = ("", sum(cells) if col == "总计" and known(*cells) else None)
        elif not isinstance(v, Decimal) or v < 0 or v != v.to_integral_value():
            found[("I5", table, row, col)] = (raw.strip(), None)
    for (row, col), raw in t.t2.items():
        v = _number(raw)
        if col in NOT_COUNTS or raw.strip() in NOT_APPLICABLE:
            continue
        if not isinstance(v, Decimal) or v < 0 or v != v.to_integral_value():
            found[("I5", "二", row, col)] = (raw.strip(), None)
    for row in t.t3_lines:  # I3
        cells = [nums[(row, c)] for c in APPL]
        total = nums[(row, "总计")]
        if known(total, *cells) and sum(cells) != total:
            found[("I3", "三", row, "总计")] = (total, sum(cells))
    results = t.results()
    for col in COLS:  # I2 and I1
        cells = [nums[(k, col)] for k in results]
        total = nums[("（七）", col)]
        if known(total, *cells) and sum(cells) != total:
            found[("I2", "三", "（七）", col)] = (total, sum(cells))
        a, b, seven, four = nums[("一", col)], nums[("二", col)], total, nums[("四", col)]
        if known(a, b, seven, four) and a + b != seven + four:
            found[("I1", "三", None, col)] = (seven + four, a + b)
    for group in GROUPS4:  # I4
        parts = [_number(t.t4[(group, c)]) for c in COLS4[:4]]
        total = _number(t.t4[(group, "总计")])
        if known(total, *parts) and sum(parts) != total:
            found[("I4", "四", group, "总计")] = (total, sum(parts))
    if previous is not None:  # I7
        for col in COLS:
            now, before = nums[("二", col)], _number(previous.t3[("四", col)])
            if known(now, before) and now != before:
                found[("I7", "三", "二", col)] = (now, before)
    return {k: (_plain(s), _plain(c)) for k, (s, c) in found.items()}


def _tables(name: str) -> Tables:
    return Tables(TEXTS[name])


def _previous(name: str):
    prev = MANIFEST[name].get("previous")
    return _tables(prev) if prev else None


def _cells(spec: dict) -> list:
    return [spec] if "cells" not in spec else spec["cells"]


def _share(count, base, stated: str) -> str:
    places = len(stated.rstrip("%").partition(".")[2])
    return str((Decimal(count) * 100 / Decimal(base)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)) + "%"


def _line(name: str, n: int) -> str:
    return TEXTS[name].split("\n")[n - 1]


# ---------------------------------------------------------------- the set as a whole

def test_manifest_lists_every_sample():
    assert sorted(p.name for p in DIR.glob("*.txt")) == NAMES
    assert len(NAMES) >= 10 and len(CLEAN) >= 4 and len(DEFECTIVE) >= 6
    for name, spec in MANIFEST.items():
        assert spec["genre"] == "information-disclosure"
        assert spec["level"] in {"province", "prefecture", "county", "township", "department"}
        assert spec["layout"] == (2019 if spec["year"] <= 2020 else 2021), name
        assert spec["title"] == _line(name, 1) and spec["title"].startswith(spec["issuer"])
        assert f"{spec['year']}年政府信息公开工作年度报告" in spec["title"]
        assert spec["clean"] == (not spec.get("defects")), name
        if spec.get("previous"):
            prev = MANIFEST[spec["previous"]]
            assert (prev["issuer"], prev["year"] + 1) == (spec["issuer"], spec["year"])


def test_every_planned_rule_is_planted():
    planted = {(d["rule"], d["identity"]) for s in MANIFEST.values() for d in s.get("defects", [])}
    assert {r for r, _ in planted} == set(RULES.values())
    assert all(RULES[identity] == rule for rule, identity in planted)
    levels = {(s["level"], s.get("tier")) for s in MANIFEST.values()}
    assert {("county", None), ("prefecture", None), ("province", None), ("township", None),
            ("department", "province"), ("department", "prefecture"), ("department", "county")} <= levels
    assert {s["layout"] for s in MANIFEST.values()} == {2019, 2021}
    assert any(s["layout"] == 2019 and s["clean"] for s in MANIFEST.values())


# ---------------------------------------------------------------- tables

@pytest.mark.parametrize("name", NAMES)
def test_table_findings_are_exactly_the_planted_ones(name):
    expected = {}
    for defect in MANIFEST[name].get("defects", []):
        for spec in [defect] + defect.get("also", []):
            if spec.get("identity") not in {"I1", "I2", "I3", "I4", "I5", "I7", "I8"}:
                continue
            assert RULES[spec["identity"]] == spec["rule"]
            for cell in spec["cells"]:
                key = (spec["identity"], cell["table"], cell["row"], cell["col"])
                expected[key] = (_plain(cell["stated"]), _plain(cell["computed"]))
    assert violations(_tables(name), _previous(name)) == expected


@pytest.mark.parametrize("name", DEFECTIVE)
def test_defect_cells_name_their_line(name):
    t = _tables(name)
    for defect in MANIFEST[name]["defects"]:
        for spec in [defect] + defect.get("also", []):
            for cell in spec.get("cells", []):
                if cell["table"] == "三":
                    assert cell["line"] == t.t3_lines["四" if cell["row"] is None else cell["row"]]
                    if cell["row"] is not None:
                        assert t.t3[(cell["row"], cell["col"])].strip() == _plain(cell["stated"])
                elif cell["table"] == "四":
                    assert cell["line"] == t.t4_line
                    assert t.t4[(cell["row"], cell["col"])].strip() == _plain(cell["stated"])


@pytest.mark.parametrize("name", NAMES)
def test_tables_have_the_official_rows(name):
    t = _tables(name)
    layout = MANIFEST[name]["layout"]
    other = ["（六）"] if layout == 2019 else ["（六）1", "（六）2", "（六）3"]
    assert list(t.t3_lines) == (["一", "二", "（一）", "（二）"] + [f"（三）{i}" for i in range(1, 9)]
                                + [f"（四）{i}" for i in range(1, 4)] + [f"（五）{i}" for i in range(1, 6)]
                                + other + ["（七）", "四"])
    assert len(t.t4) == 15
    rows2 = {r for r, _ in t.t2}
    if layout == 2019:
        assert rows2 == {"规章", "规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制",
                         "行政事业性收费", "政府集中采购"}
    else:
        assert rows2 == {"规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"}
    first, last = MANIFEST[name]["tables"]["三"]
    assert t.lines[first - 1].split("\t")[-1] == "申请人情况" and t.lines[last - 1].startswith("四、结转下年度继续办理")


def test_pairs_carry_their_stock_of_normative_documents():
    """Soft identity: 现行有效 this year = last year's + 本年制发 − 本年废止 (holds in every pair here)."""
    for name, spec in MANIFEST.items():
        if spec.get("previous") and spec["layout"] == 2021:
            now, before = _tables(name), _previous(name)
            col = lambda t, c: _number(t.t2[("行政规范性文件", c)])  # noqa: E731
            assert col(now, "现行有效件数") == col(before, "现行有效件数") + col(now, "本年制发件数") - col(now, "本年废止件数")


# ---------------------------------------------------------------- narrative

@pytest.mark.parametrize("name", NAMES)
def test_narrative_figures_agree_with_the_tables(name):
    t = _tables(name)
    for fig in MANIFEST[name]["figures"]:
        assert fig["text"] in _line(name, fig["line"]), fig
        assert str(fig["value"]) in fig["text"]
        cell = fig["cell"]
        assert _plain(t.value(cell["table"], cell["row"], cell["col"])) == _plain(fig["value"]), fig
        if "share" in fig:
            base = fig["base"]
            assert fig["share"] in fig["text"]
            assert _share(fig["value"], t.value(base["table"], base["row"], base["col"]), fig["share"]) == fig["share"]


@pytest.mark.parametrize("name", DEFECTIVE)
def test_narrative_defects_contradict_the_tables(name):
    t = _tables(name)
    for d in MANIFEST[name]["defects"]:
        if d["identity"] != "I6":
            continue
        line = _line(name, d["line"])
        if "texts" in d:  # the outcomes listed in the narrative do not add up to its total
            assert all(x in line for x in d["texts"] + [d["total_text"]])
            terms = [int(re.search(r"\d+", x).group()) for x in d["texts"]]
            assert sum(terms) == d["stated"] != d["computed"] == t.value("三", "（七）", "总计")
            assert str(d["computed"]) in d["total_text"]
            continue
        assert d["text"] in line and str(d["stated"]) in d["text"]
        cell = d["cell"]
        actual = t.value(cell["table"], cell["row"], cell["col"])
        if "base" in d:
            base = t.value(d["base"]["table"], d["base"]["row"], d["base"]["col"])
            assert _share(actual, base, d["stated"]) == d["computed"] != d["stated"]
        else:
            assert _plain(actual) == _plain(d["computed"]) != _plain(d["stated"])


def _headings(name: str) -> dict:
    return {line: n for n, line in enumerate(TEXTS[name].split("\n"), 1)
            if "\t" not in line and re.match(r"^[一二三四五六]、", line)}


@pytest.mark.parametrize("name", NAMES)
def test_parts(name):
    headings = _headings(name)
    assert headings == MANIFEST[name]["parts"]
    missing = {d["part"] for d in MANIFEST[name].get("defects", []) if d["identity"] == "part-missing"}
    order = []
    for number, title in PARTS:
        hits = [n for h, n in headings.items() if title in h]
        full = next(p for p in ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                                "六、其他需要报告的事项"] if p.startswith(number))
        if full in missing:
            assert not hits and not any("存在的主要问题" in line for line in TEXTS[name].split("\n"))
        else:
            assert len(hits) == 1, (name, title)
            order.append(hits[0])
    assert order == sorted(order)


def _deadline(spec) -> datetime.date | None:
    year = spec["year"] + 1
    if spec["level"] == "department":
        return datetime.date(year, 1, 31)
    if spec["level"] in {"province", "prefecture", "county"}:
        return datetime.date(year, 3, 31)
    return None  # townships: the 条例 sets no date


@pytest.mark.parametrize("name", NAMES)
def test_signature_and_date(name):
    spec = MANIFEST[name]
    lines = TEXTS[name].rstrip("\n").split("\n")
    assert spec["signed"]["line"] == len(lines) and spec["signed"]["by"] == lines[-2]
    y, m, d = map(int, re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", lines[-1]).groups())
    signed = datetime.date(y, m, d)
    assert str(signed) == spec["signed"]["date"]
    deadline = _deadline(spec)
    assert spec["deadline"] == (str(deadline) if deadline else None)
    assert signed > datetime.date(spec["year"], 12, 31)
    late = [x for x in spec.get("defects", []) if x["identity"] == "date-late"]
    if late:
        assert deadline and signed > deadline
        assert late[0]["stated"] == lines[-1] and late[0]["line"] == len(lines)
        assert late[0]["computed"] == f"{deadline.year}年{deadline.month}月{deadline.day}日"
    elif deadline:
        assert signed <= deadline


def _paragraphs(name: str) -> dict:
    return {line: n for n, line in enumerate(TEXTS[name].split("\n"), 1) if "\t" not in line and len(line) >= 30}


def test_copied_passages_are_exactly_the_planted_ones():
    declared = set()
    for name, spec in MANIFEST.items():
        for d in spec.get("defects", []):
            if d["identity"] == "copied-from-previous":
                for mine, theirs in zip(d["lines"], d["previous_lines"]):
                    assert _line(name, mine) == _line(spec["previous"], theirs) and len(_line(name, mine)) >= 30
                    declared.add(frozenset({name, spec["previous"]}) | {_line(name, mine)})
    shared = set()
    for a, b in combinations(NAMES, 2):
        for text in _paragraphs(a).keys() & _paragraphs(b).keys():
            shared.add(frozenset({a, b}) | {text})
    assert shared == declared


# ---------------------------------------------------------------- .docx / .pdf renderings

@pytest.fixture(scope="module")
def rendered():
    return {name: (disclosure_gen.docx_bytes(TEXTS[name]), disclosure_gen.pdf_bytes(TEXTS[name])) for name in NAMES}


def _table_lines(name: str) -> list[list[str]]:
    return [line.split("\t") for line in TEXTS[name].split("\n") if disclosure_gen._is_table_line(line)]


def _squeeze(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.mark.parametrize("name", NAMES)
def test_docx_has_real_tables_with_the_official_merges(rendered, name):
    import docx
    from docx.oxml.ns import qn

    doc = docx.Document(io.BytesIO(rendered[name][0]))
    assert len(doc.tables) == 3
    cell_texts = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    for fields in _table_lines(name):
        for value in fields:
            if value.strip():
                assert value in cell_texts, (name, value)
    body = "\n".join(p.text for p in doc.paragraphs)
    assert MANIFEST[name]["title"] in body and "一、总体情况" in body
    t2, t3, t4 = (t._tbl for t in doc.tables)

    def text_of(tc):  # not tc.itertext(): python-docx's element classes make lxml repeat the text
        return "".join(t.text or "" for t in tc.iter(qn("w:t")))

    def tc_with(tbl, text):
        return next(tc for tc in tbl.iter(qn("w:tc")) if text_of(tc) == text)

    assert tc_with(t3, "申请人情况").grid_span == 7
    assert tc_with(t3, "法人或其他组织").grid_span == 5
    corner = next(tc for tc in t3.iter(qn("w:tc")) if "勾稽关系" in text_of(tc))
    assert corner.grid_span == 3 and corner.vMerge == "restart"
    assert tc_with(t3, "三、本年度办理结果").vMerge == "restart"
    assert tc_with(t3, "一、本年新收政府信息公开申请数量").grid_span == 3
    assert tc_with(t4, "行政复议").grid_span == 5 and tc_with(t4, "行政诉讼").grid_span == 10
    assert tc_with(t4, "复议后起诉").grid_span == 5
    rows = doc.tables[1].rows
    assert [c.text for c in rows[5].cells][0] == "三、本年度办理结果" == rows[20].cells[0].text
    assert len(rows) == len(Tables(TEXTS[name]).t3_lines) + 3
    blocks = [tc for tc in t2.iter(qn("w:tc")) if disclosure_gen.T2_BLOCK.match(text_of(tc))]
    assert len(blocks) == (5 if MANIFEST[name]["layout"] == 2019 else 4)
    assert all(tc.grid_span == 4 for tc in blocks)


@pytest.mark.parametrize("name", NAMES)
def test_pdf_text_layer_holds_the_tables(rendered, name):
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(rendered[name][1]))
    text = _squeeze("".join(page.extract_text() for page in reader.pages))
    assert _squeeze(MANIFEST[name]["title"]) in text
    for fields in _table_lines(name):
        # every row's cells come out in row order: the labels, then the values as one run
        assert _squeeze("".join(fields)) in text, (name, fields)
