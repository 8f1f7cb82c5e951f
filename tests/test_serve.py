"""fzlint serve over HTTP (Starlette's TestClient): upload → JSON cards, downloads, limits, safety.

Every upload is generated in memory; the app never touches the file system, so these tests also
check that a hostile file name stays a display name and that unreadable files get the CLI's own
message while the other files of the same upload are still checked.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile

import pytest

pytest.importorskip("starlette")
pytest.importorskip("python_multipart")
pytest.importorskip("docx")

from starlette.testclient import TestClient  # noqa: E402

from checker.serve import create_app  # noqa: E402
from checker.serve.uploads import Limits, display_name  # noqa: E402
from docgen import docx_bytes, pdf_bytes  # noqa: E402
from test_annotate import OUTLINE, draft_blocks  # noqa: E402
from wordcheck import anchored, comments, revisions  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEXT = "青溪镇2023年度法治政府建设报告\n一、主要举措和成效\n全年办理案件12件,均已审结。\n二、存在的不足和原因\n人员不足。\n"


@pytest.fixture(scope="module")
def client(rules):
    return TestClient(create_app(rules, limits=Limits(files=5, file_bytes=2 * 1024 * 1024, request_bytes=6 * 1024 * 1024)),
                      base_url="http://127.0.0.1")


@pytest.fixture(scope="module")
def draft():
    return docx_bytes(draft_blocks(), numbering=OUTLINE)


def _post(client, *files, **headers):
    return client.post("/api/check", files=[("files", (name, data, "application/octet-stream")) for name, data in files],
                       headers=headers)


def test_the_page_is_self_contained_under_a_strict_csp(client):
    page = client.get("/")
    assert page.status_code == 200 and "把报告文件拖到这里" in page.text
    csp = page.headers["content-security-policy"]
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp and "unsafe" not in csp
    assert page.text.count(f'nonce="{nonce}"') == 2  # the one <style> and the one <script>
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page.text), "no external resources"
    assert "@import" not in page.text and "url(" not in page.text
    assert page.headers["x-content-type-options"] == "nosniff" and page.headers["cache-control"] == "no-store"
    assert client.get("/").headers["content-security-policy"] != csp  # a fresh nonce per response


def test_upload_gives_outline_and_one_card_per_finding(client, draft):
    data = _post(client, ("柳河镇.docx", draft), ("青溪镇.txt", TEXT.encode("gb18030"))).json()
    docx, txt = data["files"]
    assert docx["name"] == "柳河镇.docx" and docx["error"] is None and txt["kind"] == "txt"
    assert docx["missing"] == ["党政主要负责人履行推进法治建设第一责任人职责情况"]
    assert [h["label"] for h in docx["outline"]][:2] == ["一、2023年度推进法治政府建设的主要举措和成效", "（一）加强组织领导"]
    assert docx["outline"][0]["part"] == "举措和成效" and docx["outline"][0]["where"] == "第4段"
    total = sum(docx["counts"].values())
    assert len(docx["findings"]) == total >= 8
    card = next(f for f in docx["findings"] if f["rule"] == "numeric/sum-mismatch")
    assert card["level"] == "错误" and card["original"].startswith("64件") and card["suggestion"] is None
    assert card["place"] == "第7段 · 一、2023年度推进法治政府… › （一）加强组织领导"
    assert card["part_label"] == "举措和成效" and card["authority"]
    line, col = card["from"]
    assert docx["lines"][line][col:].startswith("64件")
    comma = next(f for f in docx["findings"] if f["rule"] == "format/punctuation-width" and f["where"] == "第6段")
    assert (comma["original"], comma["suggestion"]) == (",", "，") and "--fix" not in comma["message"]
    assert docx["numbers"][7:9] == ["8", ""]  # a manual line break continues paragraph 8
    assert set(data["reports"]) == {"xlsx", "html"}


def test_downloads_annotated_docx_and_batch_reports(client, draft):
    data = _post(client, ("柳河镇.docx", draft), ("青溪镇.txt", TEXT.encode("utf-8"))).json()
    got = client.get(data["files"][0]["annotated"])
    assert got.status_code == 200 and got.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "filename*=UTF-8''" + "%E6%9F%B3" in got.headers["content-disposition"]  # 柳…（fzlint批注）.docx
    assert len(comments(got.content)) == len(anchored(got.content)) >= 8
    tracked = client.get(data["files"][0]["annotated"] + "?track=1").content
    assert revisions(tracked, author="fzlint")
    text_copy = client.get(data["files"][1]["annotated"]).content
    assert comments(text_copy)
    xlsx = client.get(data["reports"]["xlsx"])
    assert xlsx.status_code == 200 and zipfile.is_zipfile(io.BytesIO(xlsx.content))
    html = client.get(data["reports"]["html"])
    assert "法治政府建设年度报告检查结果" in html.content.decode("utf-8")
    assert client.get("/api/annotated/nosuchtoken/0").status_code == 404
    assert client.get(f"/api/annotated/{data['token']}/9").status_code == 404


def test_unreadable_uploads_get_a_message_and_the_rest_is_checked(client, draft):
    bad = [("旧稿.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), ("坏.docx", b"PK\x03\x04broken"),
           ("空.txt", b""), ("扫描件.pdf", b"%PDF-1.4 nonsense"), ("图片.png", b"\x89PNG\r\n")]
    data = _post(client, *bad).json()
    assert all(f["error"] for f in data["files"])
    data = _post(client, ("坏.docx", b"PK\x03\x04broken"), ("柳河镇.docx", draft)).json()
    assert data["files"][0]["error"] and data["files"][1]["findings"]
    assert client.get("/").status_code == 200  # the page keeps working


def test_error_messages_match_the_cli(client, tmp_path, rules):
    from checker.api import lint_path

    for name, payload in (("旧稿.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), ("坏.docx", b"PK\x03\x04broken"),
                          ("空.txt", b""), ("乱码.txt", bytes(range(256)) * 8)):
        (tmp_path / name).write_bytes(payload)
        cli = lint_path(str(tmp_path / name), rules).error
        page = _post(client, (name, payload)).json()["files"][0]["error"]
        assert page == cli, name


def test_limits_are_enforced_with_a_clear_message(client):
    too_many = _post(client, *[(f"{i}.txt", b"x") for i in range(6)])
    assert too_many.status_code == 413 and "最多上传 5 个文件" in too_many.json()["error"]
    too_big = _post(client, ("大.txt", b"a" * (2 * 1024 * 1024 + 10)))
    assert too_big.status_code == 413 and "超过 2 MB" in too_big.json()["error"]
    nothing = client.post("/api/check", data={"x": "1"})
    assert nothing.status_code == 400 and "文件" in nothing.json()["error"]
    assert client.post("/api/check", content=b"junk", headers={"content-type": "multipart/form-data; boundary=zz"}).status_code in (200, 400)


def test_hostile_names_stay_display_names(client, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = _post(client, ("../../etc/passwd.txt", TEXT.encode()), ("C:\\Windows\\win.ini.txt", TEXT.encode()),
                 ("\u202e报告.txt", TEXT.encode())).json()
    assert [f["name"] for f in data["files"]] == ["passwd.txt", "win.ini.txt", "报告.txt"]
    assert list(tmp_path.iterdir()) == []
    assert display_name("报\x00告\r\n.txt", "x") == "报告.txt" and display_name(b"....", "文件1") == "文件1" and len(display_name("长" * 300 + ".docx", "x")) <= 120


def test_other_hosts_and_origins_are_refused(client):
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400
    refused = _post(client, ("a.txt", TEXT.encode()), origin="http://attacker.example")
    assert refused.status_code == 403
    assert _post(client, ("a.txt", TEXT.encode()), origin="http://127.0.0.1").status_code == 200


def test_a_pdf_upload_is_checked(client):
    pdf = pdf_bytes([["青溪镇2023年度法治政府建设报告", "一、主要举措和成效", "全年办理案件12件,均已审结。"]])
    data = _post(client, ("报告.pdf", pdf)).json()
    assert data["files"][0]["error"] is None and data["files"][0]["kind"] == "pdf" and data["reports"] == {}


# ---------------------------------------------------------------- the command

def _run(code: str, *args, timeout=60):
    env = dict(os.environ, PYTHONPATH=ROOT)
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=timeout)


def test_serve_without_the_extra_says_how_to_install_it():
    code = ("import sys; sys.modules['starlette'] = None; import importlib.util as u; real = u.find_spec;"
            "u.find_spec = lambda n, *a: None if n == 'starlette' else real(n, *a);"
            "from checker.cli import main; sys.exit(main(['serve', '--no-browser']))")
    run = _run(code)
    assert run.returncode == 2 and "pip install 'fzlint[serve]'" in run.stderr and "Traceback" not in run.stderr


def test_serve_prints_a_free_local_port_and_serves_the_page():
    import urllib.request

    env = dict(os.environ, PYTHONPATH=ROOT)
    proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--no-browser"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line).group()
        with urllib.request.urlopen(url, timeout=10) as page:
            assert "法治政府建设年度报告检查" in page.read().decode("utf-8")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_warns_when_told_to_listen_beyond_this_computer():
    env = dict(os.environ, PYTHONPATH=ROOT)
    proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--no-browser", "--host", "0.0.0.0"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert "http://" in proc.stdout.readline()
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert "同一网络中能访问该地址的人" in err
