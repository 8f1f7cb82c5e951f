"""analysis/sentences.py: a paragraph is read whole across hard wraps and page breaks.

Numeric rules read the sentence text with line breaks, indentation at the joins and page
furniture (page numbers, running headers) removed; offsets still map to the original lines.
"""

from __future__ import annotations

from conftest import analyse

TITLE = "柳河县2023年法治政府建设年度报告"
HEAD = f"{TITLE}\n一、2023年推进法治政府建设的主要举措和成效\n"


def _sentences(text: str):
    return [s for s in analyse(HEAD + text).sentences("body") if "件" in s.text or "率" in s.text]


def test_number_split_by_a_wrap_is_read_whole() -> None:
    (s,) = _sentences("全年共受理群众来信来访312件次，其中来信1\n28件次、来访184件次。\n")
    assert s.text == "全年共受理群众来信来访312件次，其中来信128件次、来访184件次。"


def test_page_number_and_running_header_are_read_across() -> None:
    text = ("　　全年受理行政复议申请47件，其中维持28件、撤\n- 3 -\n" + TITLE + "\n"
            "销7件、驳回8件、终止4件。\n（一）其他工作。\n")
    (s, *_) = _sentences(text + "x\n- 4 -\n" + TITLE + "\n再来一句话12件。\n")
    assert s.text.endswith("其中维持28件、撤销7件、驳回8件、终止4件。")


def test_offsets_map_back_to_the_lines_as_written() -> None:
    an = analyse(HEAD + "全年受理行政复议申请4\n  7件，审结46件。\n")
    (s,) = [s for s in an.sentences("body") if "审结" in s.text]
    at = s.text.index("47件")
    span = s.span(at, at + 3)
    assert an.doc.text[span.start:span.end] == "4\n  7件"
    end = s.text.index("46件") + 3
    assert an.doc.text[s.span(end - 3, end).start:s.span(end - 3, end).end] == "46件"


def test_line_at_wrap_width_ending_a_sentence_continues_the_paragraph() -> None:
    para = "全年受理行政复议申请45件，依法审结了其中的43件。审结率95.6%，比上年略有提高。"
    lines = [para[i:i + 26] for i in range(0, len(para), 26)] + ["一句" * 13, "二句" * 13, "三句" * 13]
    found = [s for s in analyse(HEAD + "\n".join(lines) + "\n").sentences("body") if "45件" in s.text or "审结率" in s.text]
    assert len({s.block for s in found}) == 1


def test_table_rows_are_no_running_text() -> None:
    rows = "类别\t件数\n来信\t64\n来访\t127\n合计\t191\n"
    assert not [s for s in analyse(HEAD + rows).sentences("body") if "64" in s.text]


def test_a_paged_copy_gives_the_same_numeric_findings(rules) -> None:
    """A sample report hard-wrapped at 30 characters, with a page number and the running title
    every 12 lines (a PDF copy), yields the numeric findings of the original, at its figures."""
    from pathlib import Path

    from checker.api import lint_text

    text = (Path(__file__).resolve().parent.parent / "samples/defective/town_2023_numbers.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    paged, count = [lines[0]], 0
    for line in lines[1:]:
        pieces = [line] if len(line) <= 30 or "、" in line[:3] else [line[i:i + 30] for i in range(0, len(line), 30)]
        for piece in pieces:
            paged.append(piece)
            count += 1
            if count % 12 == 0:
                paged += [f"- {count // 12} -", lines[0]]
    copy = "\n".join(paged) + "\n"

    def numeric(t):
        return sorted((d.rule, d.message) for d in lint_text(t, rules).diagnostics if d.rule.startswith("numeric/"))

    assert numeric(copy) == numeric(text)
    for d in lint_text(copy, rules).diagnostics:
        if d.rule == "numeric/sum-mismatch":
            assert copy[d.start:d.end].replace("\n", "").startswith("56件，其中调解成功40件")
