"""The annotated copy survives another office suite: LibreOffice opens it and saves it back as .docx.

A clerk's colleague may open the copy in LibreOffice or WPS rather than Word; every comment (ours
and the other reviewer's), the text it covers and every revision must come through a round trip.
Needs Debian's libreoffice-writer-nogui (`soffice`); the test skips, saying so, where it is absent.
One conversion per module (LibreOffice takes a few seconds to start).
"""

from __future__ import annotations

import shutil
import subprocess
from itertools import groupby

import pytest

pytest.importorskip("lxml")
pytest.importorskip("docx")

from checker.annotate import annotate  # noqa: E402
from checker.api import lint_bytes  # noqa: E402
from docgen import docx_bytes  # noqa: E402
from test_annotate import OUTLINE, draft_blocks, with_comment  # noqa: E402
from wordcheck import anchored, body_texts, comments, revisions  # noqa: E402

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get install -y libreoffice-writer-nogui")


def _many() -> bytes:
    rows = [f"（{i}）第{i}项任务,已于年内完成;共办理案件{i}件。" for i in range(1, 101)]
    return docx_bytes(["桑柘镇2023年度法治政府建设报告", "一、主要举措和成效", *rows, "二、存在的不足和原因",
                       "三、2024年工作安排", "桑柘镇人民政府", "2024年1月20日"])


@pytest.fixture(scope="module")
def converted(tmp_path_factory, rules):
    """name → (annotated bytes, the same after LibreOffice opened it and saved it as .docx)."""
    folder = tmp_path_factory.mktemp("libreoffice")
    draft = with_comment(docx_bytes(draft_blocks(), numbering=OUTLINE), 13, "请补充具体数据。")
    inputs = {"draft": (draft, {}), "many": (_many(), {"group_from": 0})}
    annotated = {}
    for name, (data, options) in inputs.items():
        result = lint_bytes(data, f"{name}.docx", rules)
        annotated[name] = annotate(result, data, rules, track_fixes=True, **options).data
        (folder / f"{name}.docx").write_bytes(annotated[name])
    profile = folder / "profile"
    run = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                          "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder / "out"),
                          *(str(folder / f"{name}.docx") for name in inputs)], capture_output=True, text=True, timeout=180)
    out = {}
    for name in inputs:
        target = folder / "out" / f"{name}.docx"
        assert target.exists(), run.stderr + run.stdout
        out[name] = (annotated[name], target.read_bytes())
    return out


@pytest.fixture(params=["draft", "many"])
def round_trip(request, converted):
    return converted[request.param]


def test_the_200_finding_report_came_through_whole(converted):
    before, after = converted["many"]
    assert len(comments(after)) == len(comments(before)) >= 200
    assert len(revisions(after, author="fzlint")) == len(revisions(before, author="fzlint")) >= 400


def test_every_comment_and_its_anchor_survive(round_trip):
    before, after = round_trip
    assert sorted(comments(before).values()) == sorted(comments(after).values())
    assert len([a for a, _ in comments(after).values() if a == "fzlint"]) >= 6
    assert sorted(anchored(before).values()) == sorted(anchored(after).values())


def test_every_revision_survives(round_trip):
    before, after = round_trip
    assert _merged(revisions(before, author="fzlint")) == _merged(revisions(after, author="fzlint"))
    # LibreOffice may cut another author's revision into several runs: the text is what counts
    assert _merged(revisions(before)) == _merged(revisions(after))
    assert body_texts(before) == body_texts(after)


def _merged(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Adjacent revisions of one kind joined, as one reads them."""
    return [(kind, "".join(text for _, text in group)) for kind, group in groupby(found, key=lambda r: r[0])]
