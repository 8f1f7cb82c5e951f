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


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory, rules):
    """(annotated bytes, the same after LibreOffice opened and saved it as .docx)."""
    folder = tmp_path_factory.mktemp("libreoffice")
    draft = with_comment(docx_bytes(draft_blocks(), numbering=OUTLINE), 13, "请补充具体数据。")
    result = lint_bytes(draft, "柳河镇.docx", rules)
    annotated = annotate(result, draft, rules, track_fixes=True).data
    (folder / "annotated.docx").write_bytes(annotated)
    profile = folder / "profile"
    run = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                          "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder / "out"),
                          str(folder / "annotated.docx")], capture_output=True, text=True, timeout=180)
    converted = folder / "out" / "annotated.docx"
    assert converted.exists(), run.stderr + run.stdout
    return annotated, converted.read_bytes()


def test_every_comment_and_its_anchor_survive(round_trip):
    before, after = round_trip
    assert sorted(comments(before).values()) == sorted(comments(after).values())
    assert len([a for a, _ in comments(after).values() if a == "fzlint"]) >= 8
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
