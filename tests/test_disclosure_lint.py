"""fzlint on the 政府信息公开工作年度报告 samples, as .txt and rendered to .docx and .pdf.

Every planted defect of samples/disclosure/expected.yaml must be found, by its rule, on its cell
(table defects: the finding sits on that very cell of the grid, whatever the format) or on its
text (narrative defects), with last year's report given as --previous where the manifest names
one; the clean samples have nothing at warning or error level. A folder that mixes both genres
is judged report by report, each by its own genre, in every output format.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml

import disclosure_gen
from checker.app.session import Session
from checker.config import Config
from conftest import SAMPLES

DIR = SAMPLES / "disclosure"
MANIFEST = yaml.safe_load((DIR / "expected.yaml").read_text(encoding="utf-8"))
NAMES = sorted(MANIFEST)
FORMATS = ("txt", "docx", "pdf")
KEY4 = {"行政复议": "复议", "未经复议直接起诉": "直诉", "复议后起诉": "复诉"}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("disclosure")
    for name in NAMES:
        shutil.copy(DIR / name, out / name)
        disclosure_gen.write(DIR / name, out)
    return out


_RESULTS: dict = {}


def _lint(folder, name: str, fmt: str):
    """Each sample in each format linted once per test session (a PDF takes a second)."""
    key = (str(folder), name, fmt)
    if key not in _RESULTS:
        _RESULTS[key] = _lint_once(folder, name, fmt)
    return _RESULTS[key]


def _lint_once(folder, name: str, fmt: str):
    stem = name[:-4]
    previous = MANIFEST[name].get("previous")
    config = Config(previous=(str(folder / f"{previous[:-4]}.{fmt}"),) if previous else ())
    session = Session(config)
    result, _ = session.lint_file(str(folder / f"{stem}.{fmt}"))
    assert result.error is None, result.error
    return result


def _squeeze(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _cell_key(cell: dict) -> tuple[str, str, str]:
    table, row, col = cell["table"], cell["row"], cell["col"]
    if table == "四":
        return "四", "情况", f"{KEY4[row]}.{col}"
    return table, ("四" if row is None else row), col


def _found_on_cell(result, rule: str, cell: dict) -> bool:
    table, row, col = _cell_key(cell)
    target = result.analysis.keyed_tables[table].cell(row, col)
    assert target is not None, (table, row, col)
    start = result.document.norm.map.span(target.span).start
    return any(d.rule == rule and d.start == start for d in result.diagnostics)


def _found_on_text(result, rule: str, text: str) -> bool:
    """A finding of ``rule`` on ``text``: its span holds the text, or lies within it (the figure)."""
    source, wanted = result.source.text, _squeeze(text)
    return any(d.rule == rule and (wanted in (got := _squeeze(source[d.start:d.end])) or (got and got in wanted))
               for d in result.diagnostics)


def _specs(name: str):
    for defect in MANIFEST[name].get("defects", []):
        yield defect


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", NAMES)
def test_planted_defects_are_found(rendered, name, fmt):
    result = _lint(rendered, name, fmt)
    source = result.source.text
    for defect in _specs(name):
        rule = defect["rule"]
        if "cells" in defect:
            for cell in defect["cells"]:
                assert _found_on_cell(result, rule, cell), (name, fmt, rule, cell["where"])
        elif defect["identity"] == "I6":
            if "texts" in defect:  # the listed outcomes do not add up to the stated total
                assert any(d.rule == rule and str(defect["stated"]) in d.message for d in result.diagnostics), (name, fmt)
            else:
                assert _found_on_text(result, rule, defect["text"]), (name, fmt, defect["where"])
        elif defect["identity"] == "date-late":
            assert _found_on_text(result, rule, defect["stated"]), (name, fmt, rule)
        elif defect["identity"] == "part-missing":
            part = defect["part"].split("、", 1)[1]
            assert any(d.rule == rule and part in d.message for d in result.diagnostics), (name, fmt)
        elif defect["identity"] == "copied-from-previous":
            lines = (DIR / name).read_text(encoding="utf-8").split("\n")
            for n in defect["lines"]:
                assert _found_on_text(result, rule, lines[n - 1]), (name, fmt, n)
        else:
            pytest.fail(f"unknown defect {defect}")
    assert source


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", [n for n in NAMES if MANIFEST[n]["clean"]])
def test_clean_samples_have_no_warning(rendered, name, fmt):
    result = _lint(rendered, name, fmt)
    loud = [(d.rule, d.line, d.message) for d in result.diagnostics if d.severity >= 2]
    assert not loud, (name, fmt, loud)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", NAMES)
def test_table_findings_are_only_the_planted_ones(rendered, name, fmt):
    """Table rules fire on the planted cells and their also: consequences, nowhere else."""
    result = _lint(rendered, name, fmt)
    expected = set()
    for defect in _specs(name):
        for spec in [defect] + defect.get("also", []):
            for cell in spec.get("cells", []):
                table, row, col = _cell_key(cell)
                target = result.analysis.keyed_tables[table].cell(row, col)
                expected.add((spec["rule"], result.document.norm.map.span(target.span).start))
    table_rules = {"disclosure/row-total", "disclosure/column-total", "disclosure/balance", "disclosure/review-total",
                   "disclosure/count-invalid", "disclosure/blank-total", "disclosure/carry-over"}
    fired = {(d.rule, d.start) for d in result.diagnostics if d.rule in table_rules}
    assert fired == expected, (name, fmt)


def test_the_genre_is_read_from_the_title():
    session = Session(Config())
    book = session.rulebook
    assert book.genre_of("青溪县人民政府2022年政府信息公开工作年度报告\n一、总体情况") == "information-disclosure"
    assert book.genre_of("青溪镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措") == "law-based-government"
    forced = Session(Config(genre="information-disclosure")).rulebook
    assert forced.genre_of("青溪镇人民政府关于2023年度法治政府建设情况的报告") == "information-disclosure"


@pytest.mark.parametrize("fmt", ["json", "csv", "sarif", "html", "text"])
def test_a_folder_of_both_genres_in_one_run(tmp_path, capsys, monkeypatch, fmt):
    from checker.cli import main

    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("qingxi_county_2022.txt", "qingxi_county_2023.txt", "guiyuan_street_2022.txt"):
        shutil.copy(DIR / name, folder / name)
    for name in ("town_2023.txt", "county_2021.txt"):
        shutil.copy(SAMPLES / "clean" / name, folder / name)
    monkeypatch.chdir(tmp_path)
    code = main(["check", "mixed", "--format", fmt, "--no-progress", "-j", "1"])
    out = capsys.readouterr().out
    assert code == 1
    assert "disclosure/carry-over" in out and "disclosure/part-missing" in out
    if fmt != "sarif":  # SARIF lists every rule of the run's genres among its descriptors
        assert "section/first-responsible-missing" not in out  # no law-genre part is asked of a disclosure report
    if fmt == "json":
        genres = {f["path"].split("/")[-1]: f["genre"] for f in json.loads(out)["files"]}
        assert genres == {"qingxi_county_2022.txt": "information-disclosure", "qingxi_county_2023.txt": "information-disclosure",
                          "guiyuan_street_2022.txt": "information-disclosure", "town_2023.txt": "law-based-government",
                          "county_2021.txt": "law-based-government"}


def test_xlsx_of_both_genres(tmp_path):
    from openpyxl import load_workbook

    from checker.cli import main

    shutil.copy(DIR / "baishi_county_2021.txt", tmp_path / "a.txt")
    shutil.copy(SAMPLES / "clean" / "town_2023.txt", tmp_path / "b.txt")
    assert main(["check", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "xlsx",
                 "-o", str(tmp_path / "out.xlsx"), "--no-progress", "-j", "1"]) == 1
    cells = [str(c.value) for ws in load_workbook(tmp_path / "out.xlsx") for row in ws.iter_rows() for c in row if c.value]
    assert any("disclosure/balance" in c for c in cells)


def test_rules_and_explain_of_the_genre(capsys):
    from checker.cli import main

    assert main(["rules", "--genre", "information-disclosure"]) == 0
    out = capsys.readouterr().out
    for rule in ("disclosure/row-total", "disclosure/column-total", "disclosure/balance", "disclosure/review-total",
                 "disclosure/count-invalid", "disclosure/text-vs-table", "disclosure/carry-over", "disclosure/blank-total",
                 "disclosure/part-missing", "disclosure/late", "disclosure/copied-from-previous"):
        assert rule in out
    assert "section/first-responsible-missing" not in out
    assert main(["explain", "disclosure/balance"]) == 0
    assert "勾稽关系" in capsys.readouterr().out


def test_annotate_puts_comments_on_table_cells(tmp_path):
    import docx

    from checker.cli import main

    path = tmp_path / "chengzhou_city_2023.docx"
    path.write_bytes(disclosure_gen.docx_bytes((DIR / "chengzhou_city_2023.txt").read_text(encoding="utf-8")))
    main(["check", str(path), "--annotate", "--no-progress"])
    copy = next(p for p in tmp_path.iterdir() if p.name != path.name and p.suffix == ".docx")
    document = docx.Document(str(copy))
    xml = document.part.package.part_related_by  # noqa: B018 - the package opens
    from zipfile import ZipFile

    comments = ZipFile(copy).read("word/comments.xml").decode("utf-8")
    assert "表四" in comments and "复议后起诉" in comments
    assert xml


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", [n for n in NAMES if not MANIFEST[n]["clean"]])
def test_defective_samples_report_only_their_defects(rendered, name, fmt):
    """Beside the planted defects, at warning or error level only the shared rate rule may speak
    (it rightly reads the same wrong share as disclosure/text-vs-table)."""
    planted = {spec["rule"] for d in _specs(name) for spec in [d] + d.get("also", [])}
    result = _lint(rendered, name, fmt)
    extra = [(d.rule, d.line) for d in result.diagnostics
             if d.severity >= 2 and d.rule not in planted and d.rule != "numeric/rate-mismatch"]
    assert not extra, (name, fmt, extra)


def test_parts_out_of_the_prescribed_order():
    """Problems moved ahead of the review table: disclosure/part-order on the moved heading; the
    sample as written keeps the format's order (the clean-sample test asks for no warning at all)."""
    session = Session(Config())
    lines = (DIR / "qingxi_county_2023.txt").read_text(encoding="utf-8").split("\n")
    review = next(i for i, l in enumerate(lines) if l.startswith("四、政府信息公开行政复议"))
    problems = next(i for i, l in enumerate(lines) if l.startswith("五、存在的主要问题"))
    other = next(i for i, l in enumerate(lines) if l.startswith("六、"))
    moved = lines[:review] + lines[problems:other] + lines[review:problems] + lines[other:]
    result, _ = session.lint_file("moved.txt", "\n".join(moved).encode("utf-8"))
    found = [d for d in result.diagnostics if d.rule == "disclosure/part-order"]
    assert len(found) == 1 and "存在的主要问题" in found[0].message and "行政复议" in found[0].message
    assert not any(d.rule == "section/order" for d in result.diagnostics)
