"""Hostile inputs built in memory for tests and bench/hostile.py: no binary fixture is committed.

A .docx here is the least a reader needs: a zip with word/document.xml (and numbering.xml when a
list is wanted). Adversarial lines are runs of one character class, or mixtures, the shapes
that make a backtracking regex or a per-match scan super-linear.
"""

from __future__ import annotations

import io
import zipfile

WNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def raw_docx(body: str, numbering: str | None = None) -> bytes:
    """A .docx whose body is ``body`` (w:p elements, w: prefix bound)."""
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{WNS}"><w:body>{body}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", document)
        if numbering is not None:
            zf.writestr("word/numbering.xml", f'<w:numbering xmlns:w="{WNS}">{numbering}</w:numbering>')
    return out.getvalue()


def paragraph(text: str, num_id: str | None = None) -> str:
    numpr = f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>' if num_id else ""
    return f"<w:p>{numpr}<w:r><w:t>{text}</w:t></w:r></w:p>"


def big_text_node_docx(chars: int = 7_000_000, letter: str = "A") -> bytes:
    """A small .docx (it deflates ~1000:1) holding one text node of ``chars`` letters."""
    return raw_docx(paragraph("一、主要举措和成效") + paragraph(letter * chars))


def numbered_docx(paragraphs: int, start: int = 1, fmt: str = "upperLetter") -> bytes:
    """``paragraphs`` auto-numbered paragraphs of one list whose counter starts at ``start``."""
    numbering = (f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
                 f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    # each text differs, so the zip does not inflate past the reader's 200:1 bomb limit
    body = "".join(paragraph(f"推进依法行政工作，办结案件{i}件。", "1") for i in range(paragraphs))
    return raw_docx(paragraph("一、主要举措和成效") + body, numbering)


def headings(count: int) -> str:
    """A report of ``count`` headings of all four levels in turn, each with a line of text."""
    markers = ("{}、", "（{}）", "{}.", "（{}）")
    cn = "一二三四五六七八九十"
    lines = []
    for i in range(count):
        level = i % 4
        number = cn[i % 10] if level < 2 else str(i % 10 + 1)
        lines.append(markers[level].format(number) + "加强组织领导\n全面推进依法行政，办结案件12件。")
    return "\n".join(lines) + "\n"


def adversarial_lines(size: int) -> dict[str, str]:
    """Lines of about ``size`` characters: runs of one class, and the mixtures that restart a scan."""
    units = {
        "letters": "a", "capitals": "A", "digits": "1", "dots": ".", "at": "a@", "url": "http://",
        "www": "www.", "chinese": "法", "spaces": " ", "tabs": "\t ", "ideographic-space": "\u3000",
        "punctuation": "，。、；", "ascii-punctuation": ",;:?!()", "mixed": "a.1,", "alnum": "a1", "digit-dot": "1.",
        "decimal-space": "1.1 ", "year": "2021年", "numerals": "一", "tens": "二十", "percent": "1%",
        "brackets": "（", "markers": "（一）", "quotes": "“", "times": "×", "title-open": "《法", "chinese-letter": "法a",
        "digit-chinese": "法1", "dash": "a-", "comma-digits": "1,", "zeros": "0", "chinese-zeros": "〇",
        "newlines": "\n",
    }
    lines = {name: (unit * (size // len(unit) + 1))[:size] for name, unit in units.items()}
    lines["digit-then-spaces"] = "1" + " " * (size - 1)
    lines["chinese-then-spaces"] = "法" + " " * (size - 1)
    lines["letter-then-dots"] = "a" + "." * (size - 1)
    lines["term-run"] = ("十九大" * (size // 3 + 1))[:size]
    return lines
