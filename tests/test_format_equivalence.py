"""The same report as .txt in several encodings and line endings, as .docx (typed and automatic
numbering), as .pdf, and converted to Traditional characters yields the same rule findings —
apart from format/traditional-script and format/broken-line where they apply."""

from __future__ import annotations

import codecs
import re

import pytest

from checker.api import lint_bytes

from conftest import SAMPLES

REPORTS = sorted(p for p in (SAMPLES / "clean").glob("*.txt")) + [
    SAMPLES / "defective" / name
    for name in ("town_2023_numbers.txt", "town_2023_terms.txt", "dept_2024_headings.txt", "county_2021_anachronism.txt",
                 "dept_2024_no_achievements.txt", "county_2021_vague.txt")
]
FORMAT_ONLY = {"format/traditional-script", "format/broken-line", "format/page-number"}


def findings(result) -> list[tuple[str, str]]:
    assert result.error is None, result.error
    return sorted((d.rule, _content(result, d)) for d in result.diagnostics if d.rule not in FORMAT_ONLY)


def _content(result, d) -> str:
    """What the finding points at, in the matching view: positions differ between formats, text does not."""
    from checker.document.normalize import _width_table, simplify

    original = result.source.text[d.start:d.end].translate(_width_table())
    return re.sub(r"\s+", "", simplify(original, result.document.norm.script))


@pytest.fixture(scope="module", params=REPORTS, ids=lambda p: p.name)
def report(request, rules):
    text = request.param.read_text(encoding="utf-8")
    return text, findings(lint_bytes(text.encode("utf-8"), "r.txt", rules))


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("gb18030"),
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.replace("\n", "\r\n").encode("gb18030"),
    ],
    ids=["utf8-bom", "gb18030", "utf16", "crlf", "gb18030-crlf"],
)
def test_text_encodings(report, rules, encode):
    text, expected = report
    assert findings(lint_bytes(encode(text), "r.txt", rules)) == expected


def test_docx_typed_numbering(report, rules):
    docgen = pytest.importorskip("docgen")
    pytest.importorskip("docx")
    text, expected = report
    data = docgen.docx_bytes(text.split("\n"))
    assert findings(lint_bytes(data, "r.docx", rules)) == expected


def test_docx_automatic_numbering(report, rules):
    docgen = pytest.importorskip("docgen")
    pytest.importorskip("docx")
    text, expected = report
    if any(rule.startswith("structure/heading") for rule, _ in expected):
        pytest.skip("the typed numbering is itself the defect; Word's automatic numbering would correct it")
    blocks, numbered = _auto_numbered_blocks(text, docgen)
    if not numbered:
        pytest.skip("no level-1 headings to number")
    abstract = docgen.lvl(0, "chineseCounting", "%1、") + docgen.lvl(1, "chineseCounting", "（%2）")
    data = docgen.docx_bytes(blocks, numbering=docgen.numbering_xml({"1": abstract}, {"7": "1"}))
    assert findings(lint_bytes(data, "r.docx", rules)) == expected


def _auto_numbered_blocks(text: str, docgen):
    """Level-1 and level-2 headings become Word list paragraphs without their typed markers."""
    blocks, numbered = [], 0
    for line in text.split("\n"):
        m1 = re.match(r"^[一二三四五六七八九十]+、(.*)$", line)
        m2 = re.match(r"^（[一二三四五六七八九十]+）(.*)$", line)
        if m1:
            blocks.append(docgen.Num(0, m1.group(1), "7"))
            numbered += 1
        elif m2:
            blocks.append(docgen.Num(1, m2.group(1), "7"))
        else:
            blocks.append(line)
    return blocks, numbered


def test_pdf(report, rules):
    docgen = pytest.importorskip("docgen")
    pytest.importorskip("reportlab")
    text, expected = report
    paragraphs = [p for p in text.split("\n") if p.strip()]
    data = docgen.pdf_flowing(paragraphs, header="内部资料")
    assert findings(lint_bytes(data, "r.pdf", rules)) == expected


def test_the_comparison_has_something_to_compare(rules):
    defective = [p for p in REPORTS if "defective" in p.parts]
    assert all(findings(lint_bytes(p.read_bytes(), "r.txt", rules)) for p in defective)


def test_traditional_characters(report, rules):
    import opencc

    text, expected = report
    converted = opencc.OpenCC("s2t").convert(text)
    result = lint_bytes(converted.encode("utf-8"), "r.txt", rules)
    assert result.document.norm.script == "traditional"
    assert findings(result) == expected
