"""Exports that scale: the reviewer's files are written in seconds, with progress, whatever the size.

The big run is built without linting (tests/batchgen.synthetic_run); bench/export.py times the
same at 1,000 reports and 100,000 findings. The workbook writer (reporters/sheets.py) is also
checked on its own: what Excel cannot hold never reaches the file, report text never becomes a
formula, links and print settings survive a read-back by openpyxl.
"""

from __future__ import annotations

import io
import time
import zipfile

import pytest

import batchgen
from checker.reporters import get
from checker.reporters.sheets import Style, Workbook

FORMATS = ("xlsx", "html", "csv", "json")


@pytest.fixture(scope="module")
def big():
    return batchgen.synthetic_run(200, 100)  # 20,000 findings


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_big_run_is_written_in_seconds_with_progress(big, fmt):
    ticks: list[int] = []
    start = time.perf_counter()
    out = get(fmt).render(big, {"advance": ticks.append, "titles": {}})
    took = time.perf_counter() - start
    assert took < 6, f"{fmt}: {took:.1f} s for 20,000 findings (the old workbook took minutes)"
    assert sum(ticks) >= 20_000, ticks[:5]
    assert len(ticks) >= 2 or fmt == "json", ticks[:5]  # the bar moves while it writes (json is one dump)
    if fmt == "xlsx":
        sheet = zipfile.ZipFile(io.BytesIO(out)).read("xl/worksheets/sheet2.xml")
        assert b'<row r="20001"' in sheet and b'<row r="20002"' not in sheet  # a header and one row per finding


def test_the_writer_keeps_text_text_and_drops_what_excel_cannot_hold(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = Workbook()
    sheet = book.sheet("问题清单")
    sheet.widths = [20, 10]
    bold = book.style(Style(bold=True, fill="FFC7CE", wrap=True))
    sheet.append(["=HYPERLINK(\"http://x\")", 3], [bold])
    sheet.append(["a\x00b\x1fc<&>\u3000d", None, 2.5])
    row = sheet.append(["查看问题"])
    sheet.link(row, 1, "'问题清单'!A1")
    sheet.frozen, sheet.title_rows, sheet.filter = 1, (1, 1), "A1:B3"
    path = tmp_path / "t.xlsx"
    path.write_bytes(book.save())
    assert book.save() == path.read_bytes()  # no timestamps: the same rows, the same bytes
    read = openpyxl.load_workbook(path)["问题清单"]
    assert read["A1"].value == "=HYPERLINK(\"http://x\")" and read["A1"].data_type == "s"
    assert read["A1"].font.b and read["A1"].fill.start_color.rgb.endswith("FFC7CE") and read["A1"].alignment.wrap_text
    assert read["B1"].value == 3 and read["C2"].value == 2.5 and read["B2"].value is None
    assert read["A2"].value == "abc<&>\u3000d"
    assert read["A3"].hyperlink.location == "'问题清单'!A1"
    assert read.freeze_panes == "A2" and read.print_title_rows == "$1:$1" and read.auto_filter.ref == "A1:B3"
    assert read.column_dimensions["A"].width == 20


def test_wrapped_text_gets_a_row_tall_enough():
    book = Workbook()
    sheet = book.sheet("汇总")
    sheet.widths = [21]
    sheet.append(["字" * 50], wrap=[0])  # 100 units in a column of 20 per line: 5 lines
    sheet.append(["short"], wrap=[0])
    assert 'ht="75"' in sheet.rows[0] and "ht=" not in sheet.rows[1]
