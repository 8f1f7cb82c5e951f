"""--annotate: findings as Word comments in a copy of the report, safe fixes as revisions.

The drafts are built in memory (tests/docgen.py) with what clerks' files really hold: Word's
automatic numbering, a table, formatted runs, a manual line break, another reviewer's comment
and tracked changes. Each annotated copy is read back with python-docx (comments, the text each
is anchored on, the body text) and by fzlint itself (same text, same findings).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time

import pytest

pytest.importorskip("lxml")
pytest.importorskip("docx")

from checker.annotate import AnnotateError, annotate, annotated_name  # noqa: E402
from checker.annotate.notes import GROUP_FROM, authority, for_reader  # noqa: E402
from checker.api import lint_bytes, lint_text  # noqa: E402
from checker.results import FileResult  # noqa: E402
from docgen import OUTLINE_LEVELS, Num, Raw, Table, docx_bytes, numbering_xml  # noqa: E402
from wordcheck import anchored, body_texts, comments, resolved, revisions  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTLINE = numbering_xml({"0": OUTLINE_LEVELS}, {"1": "0"})
BOLD_RED = '<w:rPr><w:b/><w:color w:val="C00000"/><w:sz w:val="32"/></w:rPr>'


def draft_blocks():
    return [
        "柳河镇人民政府关于2023年度法治政府建设情况的报告",
        "中共清源县委、清源县人民政府:",
        Raw('<w:p><w:r><w:t xml:space="preserve">2023年，柳河镇全面贯彻党的</w:t></w:r>'
            '<w:del w:id="901" w:author="李四" w:date="2024-01-20T09:00:00Z"><w:r><w:delText>十九大</w:delText></w:r></w:del>'
            '<w:ins w:id="902" w:author="李四" w:date="2024-01-20T09:00:00Z"><w:r><w:t>二十大</w:t></w:r></w:ins>'
            '<w:r><w:t>精神,扎实推进法治政府建设。</w:t></w:r></w:p>'),
        Num(0, "2023年度推进法治政府建设的主要举措和成效"),
        Num(1, "加强组织领导"),
        Raw(f'<w:p><w:r><w:t xml:space="preserve">镇党委、镇政府把法治政府建设纳入</w:t></w:r><w:r>{BOLD_RED}'
            '<w:t>全镇经济社会发展总体布局,与乡村振兴同部署</w:t></w:r><w:r><w:t>。</w:t></w:r></w:p>'),
        "全年共办理行政处罚案件64件，其中适用简易程序38件、适用普通程序29件。",
        Raw('<w:p><w:r><w:t>全年培训执法人员3批次。</w:t><w:br/><w:t>组织旁听庭审2次,覆盖全体班子成员。</w:t></w:r></w:p>'),
        Raw('<w:p><w:r><w:t xml:space="preserve">聘请法律顾问1名，</w:t></w:r>'
            '<w:ins w:id="903" w:author="李四" w:date="2024-01-20T09:05:00Z"><w:r><w:t>全年审查合同12份,出具法律意见书5份</w:t></w:r></w:ins>'
            '<w:r><w:t>。</w:t></w:r></w:p>'),
        Table([["类别", "件数"], ["行政复议", "12件,已全部审结"], ["行政诉讼", "3件"]]),
        Num(0, "存在的不足和原因"),
        "一是法治宣传的针对性还不够强,主要原因是基层人手不足、培训跟进不及时。",
        Num(0, "2024年工作安排"),
        "2024年，柳河镇将深入贯彻党的二十大精神，持续推进严格规范公正文明执法。",
        "柳河镇人民政府",
        "2024年1月26日",
    ]


def with_comment(data: bytes, paragraph: int, text: str) -> bytes:
    """Add another reviewer's comment (python-docx's own writer) on one body paragraph."""
    import docx

    doc = docx.Document(io.BytesIO(data))
    target = doc.paragraphs[paragraph]
    doc.add_comment(target.runs, text=text, author="张三", initials="ZS")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def draft():
    data = with_comment(docx_bytes(draft_blocks(), numbering=OUTLINE), 13, "请补充具体数据。")
    return data


@pytest.fixture(scope="module")
def linted(draft, rules):
    result = lint_bytes(draft, "柳河镇.docx", rules, strict=True)
    assert not result.error
    return result


def _flagged(result, note_rule: str) -> list[str]:
    return [result.source.text[d.start:d.end] for d in result.diagnostics if d.rule == note_rule]


def test_each_finding_is_one_comment_anchored_on_its_characters(draft, linted, rules):
    out = annotate(linted, draft, rules, group_from=0).data
    found = comments(out)
    ours = {cid: text for cid, (author, text) in found.items() if author == "fzlint"}
    assert len(ours) == len(linted.diagnostics) >= 8
    assert ("张三", "请补充具体数据。") in found.values()  # the other reviewer's comment is kept
    spans = anchored(out)
    by_text = sorted(spans[cid] for cid in ours)
    missing = [d for d in linted.diagnostics if d.rule == "section/first-responsible-missing"]
    expected = [linted.source.text[d.start:d.end] for d in linted.diagnostics if d not in missing]
    expected.append("2023年度推进法治政府建设的主要举措和成效")  # the heading the part should follow
    assert by_text == sorted(expected)


def test_comment_text_has_message_rule_and_authority(draft, linted, rules):
    out = annotate(linted, draft, rules).data
    texts = [text for author, text in comments(out).values() if author == "fzlint"]
    sums = [t for t in texts if "numeric/sum-mismatch" in t]
    assert sums and "【错误】" in sums[0] and "64件" in sums[0]
    comma = next(t for t in texts if "format/punctuation-width" in t and "“,”" in t)
    assert "GB/T 15834-2011《标点符号用法》" in comma and "建议：“,”改为“，”" in comma
    assert not any("--fix" in t for t in texts)
    part = next(t for t in texts if "first-responsible-missing" in t)
    assert "标注在“一、2023年度推进法治政府…”上" in part and "之后" in part


def test_body_text_formatting_and_revisions_are_kept(draft, linted, rules):
    out = annotate(linted, draft, rules).data
    assert body_texts(out) == body_texts(draft)
    assert revisions(out) == revisions(draft) and ("del", "十九大") in revisions(out)
    xml = _document_xml(out)
    assert xml.count(BOLD_RED) == 3  # the bold red run was split around the comma: every piece keeps it


def test_fzlint_reads_the_copy_as_the_original(draft, linted, rules):
    out = annotate(linted, draft, rules).data
    again = lint_bytes(out, "柳河镇.docx", rules, strict=True)
    assert again.source.text == linted.source.text
    assert [(d.rule, d.start, d.end) for d in again.diagnostics] == [(d.rule, d.start, d.end) for d in linted.diagnostics]
    assert again.source.meta.get("auto_numbered") == linted.source.meta.get("auto_numbered")


def test_track_fixes_become_fzlint_revisions_that_accept_to_the_fixed_text(draft, linted, rules):
    done = annotate(linted, draft, rules, track_fixes=True)
    ours = revisions(done.data, author="fzlint")
    assert done.revisions >= 5 and ours.count(("ins", "，")) >= 4 and ("del", ",") in ours
    assert "w:date=" in _document_xml(done.data)
    safe = [d for d in linted.diagnostics if d.fix is not None and d.fix.safe]
    in_foreign_insertion = [d for d in safe if "出具法律意见书" in linted.source.text[d.start - 12:d.end + 8]]
    assert in_foreign_insertion and done.revisions == len(safe) - len(in_foreign_insertion)
    accepted = lint_bytes(resolved(done.data, accept=True), "a.docx", rules)
    assert accepted.source.text.count(",") == len(in_foreign_insertion)
    rejected = lint_bytes(resolved(done.data, accept=False), "r.docx", rules)
    assert rejected.source.text == linted.source.text
    assert comments(done.data).keys() == comments(annotate(linted, draft, rules).data).keys()


def test_unsafe_fixes_are_never_applied(rules):
    from checker.diagnostics import Edit, Fix
    from checker.offsets import Span

    data = docx_bytes(["桑柘镇2023年度法治政府建设报告", "全年办理案件12件,均已审结。"])
    result = lint_bytes(data, "a.docx", rules)
    d = next(d for d in result.diagnostics if d.rule == "format/punctuation-width")
    unsafe = Fix("改写", (Edit(Span(d.start, d.end), "；"),), safe=False)
    from dataclasses import replace

    result = replace(result, diagnostics=(replace(d, fix=unsafe),))
    done = annotate(result, data, rules, track_fixes=True)
    assert done.revisions == 0 and revisions(done.data, author="fzlint") == []


def test_many_findings_of_one_rule_share_one_comment(rules):
    body = "，".join(f"第{i}项工作,已完成" for i in range(40)) + "。"
    data = docx_bytes(["桑柘镇2023年度法治政府建设报告", "一、主要举措和成效", body, "二、存在的不足和原因",
                       "三、2024年工作安排", "桑柘镇人民政府", "2024年1月20日"])
    result = lint_bytes(data, "a.docx", rules)
    commas = [d for d in result.diagnostics if d.rule == "format/punctuation-width"]
    assert len(commas) == 40 >= GROUP_FROM
    done = annotate(result, data, rules, track_fixes=True)
    grouped = [t for a, t in comments(done.data).values() if "format/punctuation-width" in t]
    assert len(grouped) == 1 and "全文共 40 处" in grouped[0] and "第3段（40处）" in grouped[0]
    assert "其中 40 处已作为修订标出" in grouped[0] and done.revisions == 40


def test_a_text_report_becomes_a_word_file_with_the_same_comments(rules):
    text = "桑柘镇2023年度法治政府建设报告\r\n一、主要举措和成效\r\n全年办理案件12件,均已审结。\r\n\t共培训3次,XX人参加。\r\n"
    result = lint_bytes(text.encode("utf-8"), "报告.txt", rules)
    done = annotate(result, None, rules)
    spans = anchored(done.data)
    assert len(spans) == done.comments == len(result.diagnostics)
    assert sorted(spans.values()) == sorted(_anchor_texts(result, rules))
    again = lint_bytes(done.data, "报告.docx", rules)
    assert again.source.text == text.replace("\r\n", "\n")
    assert [d.rule for d in again.diagnostics] == [d.rule for d in result.diagnostics]


def test_markdown_and_point_findings_anchor(rules):
    result = lint_text("# 桑柘镇2023年度法治政府建设报告\n\n一、主要举措和成效\n\n全年办理案件12件", rules, kind="md")
    done = annotate(result, None, rules)
    assert done.comments == len(result.diagnostics) and comments(done.data)


def test_a_finding_on_an_auto_numbering_marker_anchors_at_the_paragraph_start(rules):
    numbering = numbering_xml({"0": OUTLINE_LEVELS.replace("%1、", "%1.")}, {"1": "0"})
    data = docx_bytes(["桑柘镇2023年度法治政府建设报告", Num(0, "主要举措和成效"), "全年办理案件12件。"], numbering=numbering)
    result = lint_bytes(data, "a.docx", rules)
    on_marker = [d for d in result.diagnostics if d.rule == "structure/heading-style"]
    assert on_marker and result.source.text[on_marker[0].start:on_marker[0].end].startswith("一.")
    done = annotate(result, data, rules)
    assert done.comments == len(result.diagnostics)
    xml = _document_xml(done.data)
    paragraph = xml[xml.index("<w:numPr>"):]
    assert paragraph.index("commentRangeStart") < paragraph.index("主要举措和成效")


def test_a_200_finding_report_is_annotated_quickly(rules):
    rows = [f"（{i}）第{i}项任务,已于年内完成;共办理案件{i}件。" for i in range(1, 101)]
    data = docx_bytes(["桑柘镇2023年度法治政府建设报告", "一、主要举措和成效", *rows, "二、存在的不足和原因",
                       "三、2024年工作安排", "桑柘镇人民政府", "2024年1月20日"])
    result = lint_bytes(data, "a.docx", rules)
    assert len(result.diagnostics) >= 200
    started = time.perf_counter()
    done = annotate(result, data, rules, track_fixes=True, group_from=0)
    elapsed = time.perf_counter() - started
    assert done.revisions >= 200 and done.comments == len(result.diagnostics)
    plain = annotate(result, data, rules, group_from=0)
    spans = anchored(plain.data)
    assert len(spans) == len(result.diagnostics) == plain.comments
    assert sorted(spans.values()) == sorted(_anchor_texts(result, rules, group_from=0))
    assert elapsed < 5, f"annotating {len(result.diagnostics)} findings took {elapsed:.2f}s"


def test_authority_and_reader_wording():
    assert authority("GB/T 15834-2011《标点符号用法》：中文文本…") == "GB/T 15834-2011《标点符号用法》"
    assert authority("《法治政府建设与责任落实督察工作规定》（年度报告一章）要求…") == "《法治政府建设与责任落实督察工作规定》"
    assert authority("报告内部数据必须自洽（内部一致性）") == "报告内部数据一致性"
    assert for_reader("全文共 9 处半角标点，多由复制粘贴带入，可用 --fix 一次改正。") == "全文共 9 处半角标点，多由复制粘贴带入。"


def test_strict_open_xml_and_unreadable_results_are_refused(draft, linted, rules):
    from checker.results import FileResult

    with pytest.raises(AnnotateError, match="无法检查|损坏"):
        annotate(FileResult("x.docx", error="文件已损坏，无法读取"), b"", rules)
    with pytest.raises(AnnotateError, match="不一致"):
        annotate(linted, docx_bytes(["另一份文件"]), rules)
    import zipfile

    from docgen import WNS, patch_zip

    plain = docx_bytes(["桑柘镇2023年度法治政府建设报告", "全年办理案件12件,均已审结。"])
    body = zipfile.ZipFile(io.BytesIO(plain)).read("word/document.xml")
    strict = patch_zip(plain, {"word/document.xml": body.replace(WNS.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main")})
    with pytest.raises(AnnotateError, match="Strict Open XML"):
        annotate(lint_bytes(strict, "s.docx", rules), strict, rules)
    assert annotated_name("材料/报告.docx") == "材料/报告（fzlint批注）.docx"
    assert annotated_name("报告.txt") == "报告（fzlint批注）.docx"


# ---------------------------------------------------------------- the command line

def _cli(*args, cwd):
    env = dict(os.environ, PYTHONPATH=ROOT)
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_cli_writes_the_copy_next_to_the_original_and_leaves_it_alone(tmp_path, draft):
    original = tmp_path / "报告.docx"
    original.write_bytes(draft)
    before = original.stat().st_mtime_ns
    run = _cli("check", "报告.docx", "--annotate", "--track-fixes", "--no-progress", cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    copy = tmp_path / "报告（fzlint批注）.docx"
    assert copy.exists() and "已写入" in run.stderr and "原文件未改动" in run.stderr
    assert original.read_bytes() == draft and original.stat().st_mtime_ns == before
    assert revisions(copy.read_bytes(), author="fzlint") and not list(tmp_path.glob(".fzlint-*"))
    run = _cli("check", "报告.docx", "--annotate", "-o", "审阅/副本.docx", cwd=tmp_path)
    assert run.returncode == 2 and "目标文件夹不存在" in run.stderr  # told in Chinese, no traceback


def test_cli_refuses_to_overwrite_the_input(tmp_path, draft):
    (tmp_path / "报告.docx").write_bytes(draft)
    run = _cli("check", "报告.docx", "--annotate", "-o", "./报告.docx", cwd=tmp_path)
    assert run.returncode == 2 and "原文件" in run.stderr
    assert (tmp_path / "报告.docx").read_bytes() == draft
    run = _cli("check", "报告.docx", "--track-fixes", cwd=tmp_path)
    assert run.returncode == 2 and "--annotate" in run.stderr
    (tmp_path / "坏.docx").write_bytes(b"PK\x03\x04broken")
    run = _cli("check", "坏.docx", "--annotate", cwd=tmp_path)
    assert run.returncode == 2 and "损坏" in run.stdout and "Traceback" not in run.stderr


def test_cli_annotates_a_text_file_with_o(tmp_path):
    (tmp_path / "报告.txt").write_text("桑柘镇2023年度法治政府建设报告\n全年办理案件12件,均已审结。\n", encoding="gb18030")
    run = _cli("check", "报告.txt", "--annotate", "-o", "批注.docx", cwd=tmp_path)
    assert run.returncode in (0, 1), run.stderr
    assert comments((tmp_path / "批注.docx").read_bytes())


def _anchor_texts(result, rules, **options) -> list[str]:
    """What each comment should cover: the flagged characters (a missing part: its heading)."""
    from checker.annotate.notes import build

    return [result.source.text[n.start:n.end] for n in build(result, rules, **options)]


def _document_xml(data: bytes) -> str:
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")


def test_hyperlinks_fields_controls_equations_and_alternate_content(rules):
    """Runs in containers get comments; only the paragraph's own plain text takes revisions."""
    math = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
    blocks = ["桑柘镇2023年度法治政府建设报告", "一、主要举措和成效",
              Raw('<w:p><w:r><w:t>详见</w:t></w:r><w:hyperlink w:anchor="x"><w:r><w:t>法治专栏,及时更新</w:t></w:r></w:hyperlink></w:p>'),
              Raw('<w:p><w:r><w:t>共</w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>5,页</w:t></w:r></w:fldSimple></w:p>'),
              Raw('<w:p><w:r><w:t>全年</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD x </w:instrText></w:r>'
                  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>办理,案件</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'),
              Raw('<w:p><w:sdt><w:sdtContent><w:r><w:t>内容控件,中的文字</w:t></w:r></w:sdtContent></w:sdt></w:p>'),
              Raw(f'<w:p><w:r><w:t>公式</w:t></w:r><m:oMath {math}><m:r><m:t>甲,乙</m:t></m:r></m:oMath><w:r><w:t>之后,继续</w:t></w:r></w:p>'),
              Raw('<w:p><w:r><w:t>前文</w:t></w:r><mc:AlternateContent><mc:Choice Requires="w14"><w:r><w:t>选择,文字</w:t></w:r></mc:Choice>'
                  '<mc:Fallback><w:r><w:t>备用,文字</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>'),
              Raw('<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏,文字</w:t></w:r><w:r><w:t>可见,文字</w:t></w:r></w:p>'),
              Raw('<w:p><w:r><w:t>带</w:t><w:tab/><w:t>制表,符</w:t></w:r></w:p>'),
              "二、存在的不足和原因", "三、2024年工作安排", "桑柘镇人民政府", "2024年1月20日"]
    data = docx_bytes(blocks)
    result = lint_bytes(data, "e.docx", rules)
    commas = [d for d in result.diagnostics if d.rule == "format/punctuation-width"]
    assert len(commas) == 9
    plain = annotate(result, data, rules, group_from=0)
    again = lint_bytes(plain.data, "e.docx", rules)
    assert again.source.text == result.source.text and plain.comments == len(result.diagnostics)
    texts = anchored(plain.data).values()
    assert {",", "选择,文字备用,文字", "甲,乙"} <= set(texts)  # an equation or mc: content is anchored whole
    tracked = annotate(result, data, rules, track_fixes=True)
    fixed = lint_bytes(resolved(tracked.data, accept=True), "e.docx", rules).source.text
    for kept in ("5,页", "办理,案件", "甲,乙", "备用,文字"):  # fields, equations, fallbacks: not edited
        assert kept in fixed
    for done in ("法治专栏，", "内容控件，", "之后，继续", "可见，文字", "制表，符"):
        assert done in fixed


def test_whole_report_findings_sit_where_the_reader_looks(rules):
    """No title: on the first paragraph. No 举措和成效 (the first part): on the title, saying so."""
    untitled = docx_bytes(["2023年，我镇全面推进依法行政。", "一、主要举措和成效", "全年办理案件12件。", "二、存在的不足和原因",
                           "三、2024年工作安排", "桑柘镇人民政府", "2024年1月20日"])
    result = lint_bytes(untitled, "a.docx", rules)
    assert "structure/title-missing" in [d.rule for d in result.diagnostics]
    out = annotate(result, untitled, rules).data
    title_note = next(cid for cid, (_, text) in comments(out).items() if "structure/title-missing" in text)
    assert anchored(out)[title_note] == "2023年，我镇全面推进依法行政。"
    first_missing = docx_bytes(["桑柘镇2023年度法治政府建设报告", "一、存在的不足和原因", "人员不足。",
                                "二、2024年工作安排", "桑柘镇人民政府", "2024年1月20日"])
    result = lint_bytes(first_missing, "b.docx", rules)
    out = annotate(result, first_missing, rules).data
    note = next(cid for cid, (_, text) in comments(out).items() if "section/achievements-missing" in text)
    assert anchored(out)[note] == "桑柘镇2023年度法治政府建设报告" and "标注在标题上" in comments(out)[note][1]


def test_an_annotated_copy_sent_to_a_pipe_is_written_into_it(tmp_path):
    # -o /dev/null or a FIFO: writing "atomically" would replace the device with a plain file.
    import os
    import threading

    from checker.app.annotating import write_atomically

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_atomically(str(fifo), b"PK-annotated")
    reader.join(timeout=10)
    assert received == [b"PK-annotated"]
    assert not fifo.is_file() and fifo.exists()
