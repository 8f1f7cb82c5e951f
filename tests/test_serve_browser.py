"""The page in a real browser: upload → cards → filter → highlight → download the annotated .docx.

Drives Debian's chromium (/usr/bin/chromium) with Playwright's Python package against a real
uvicorn server on 127.0.0.1 (``playwright install`` cannot download browsers here, so the
system browser is launched by path). Skips, saying why, where either is missing. The final
screenshot is kept under the pytest tmp dir and copied to docs/shots/serve.png for the README
when that file is missing or the run has --update-snapshots (so a plain run leaves the checkout clean).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")
pytest.importorskip("docx")
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed: pip install playwright")

from checker.serve.app import create_app  # noqa: E402
from checker.serve.server import start  # noqa: E402
from docgen import docx_bytes  # noqa: E402
from test_annotate import OUTLINE, draft_blocks, with_comment  # noqa: E402
from wordcheck import anchored, comments  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
        "--disable-component-update", "--disable-sync"]
SHOT = Path(__file__).resolve().parent.parent / "docs" / "shots" / "serve.png"
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed: apt-get install -y chromium")


@pytest.fixture(scope="module")
def server(rules):
    running = start(create_app(rules))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


def test_upload_filter_highlight_and_download(server, browser, tmp_path, update_snapshots):
    report = tmp_path / "柳河镇2023年法治政府建设情况报告.docx"
    report.write_bytes(with_comment(docx_bytes(draft_blocks(), numbering=OUTLINE), 13, "请补充具体数据。"))
    other = tmp_path / "青溪镇2023年报告.txt"
    other.write_text("青溪镇2023年度法治政府建设报告\n一、主要举措和成效\n全年办理案件12件,均已审结。\n", encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(server.url)
    page.set_input_files("#file", [str(report), str(other)])
    page.wait_for_selector(".card")
    assert page.locator(".tab").count() == 2 and page.locator("#batch").is_visible()
    cards = page.locator(".card")
    total = cards.count()
    errors = int(page.locator("#n-error").inner_text())
    assert total >= 8 and 0 < errors < total

    page.locator("input[name=sev][value=warning]").uncheck()
    assert page.locator(".card").count() == errors
    page.locator("input[name=sev][value=warning]").check()
    page.select_option("#part", label="举措和成效")
    in_part = page.locator(".card").count()
    assert 0 < in_part < total
    page.select_option("#part", value="*")

    card = page.locator(".card", has_text="numeric/sum-mismatch")
    card.click()
    mark = page.locator("#text mark")
    assert mark.inner_text() == "64件，其中适用简易程序38件、适用普通程序29件"
    assert "第7段" in card.inner_text() and "一、2023年度推进法治政府" in card.inner_text()

    with page.expect_download() as download:
        page.locator("#annotated").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "柳河镇2023年法治政府建设情况报告（fzlint批注）.docx"
    data = saved.read_bytes()
    assert len([a for a, _ in comments(data).values() if a == "fzlint"]) == total
    assert "64件，其中适用简易程序38件、适用普通程序29件" in anchored(data).values()

    page.evaluate("window.scrollTo(0, 0)")
    shot = tmp_path / "serve.png"
    page.screenshot(path=str(shot))
    if update_snapshots or not SHOT.exists():
        _publish(shot)
    assert not problems, problems  # no script error, no CSP violation
    page.close()


def test_a_broken_upload_is_told_and_the_page_keeps_working(server, browser, tmp_path):
    broken = tmp_path / "坏文件.docx"
    broken.write_bytes(b"PK\x03\x04broken")
    good = tmp_path / "青溪镇报告.txt"
    good.write_text("青溪镇2023年度法治政府建设报告\n全年办理案件12件,均已审结。\n", encoding="utf-8")
    page = browser.new_page()
    page.goto(server.url)
    page.set_input_files("#file", [str(broken)])
    page.wait_for_selector("#facts .missing")
    assert "文件已损坏" in page.locator("#facts").inner_text()
    page.set_input_files("#file", [str(good)])
    page.wait_for_selector(".card")
    assert "已检查 1 个文件" in page.locator("#status").inner_text()
    page.close()


def _publish(shot: Path) -> None:
    """Copy the screenshot for the README where the checkout is writable (a read-only one is fine)."""
    try:
        SHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SHOT)
    except OSError:
        pass
