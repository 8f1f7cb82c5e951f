"""Read a PDF's text layer into lines, marking running headers, page numbers and hard wraps.

Positions: ``text`` is every page's extracted lines in page order, joined with "\\n", each line
with trailing whitespace removed; line N is the Nth such line (meta["page_starts"] gives the
1-based line where each page begins, meta["pages"] the page count).

``drop``: at the top and bottom of each page (up to three lines from either edge, contiguous from
the edge) a line is dropped when it is a page number ("5", "- 3 -", "—3—", "第3页",
"第 3 页 共 10 页", "3/10", "Page 3 of 10") or a running header/footer: the same line, digits
ignored, at the same rank from the same edge on at least two pages and at least half of them.
If that would drop more than 40% of the lines, the pages repeat their body and only page
numbers are dropped. A dropped span covers the line and its terminating "\\n".

``soft_breaks``: the "\\n" after a line is a wrap artifact when the line does not end in
sentence-final punctuation (。！？；：”’）》」』】… and ASCII !?;:.)), is at least 85% as wide as
the page's typical full line (80th percentile of line widths, CJK counted double, never less than
the document's), is not itself a heading, and the next kept line is not a heading (一、 （一）
1. （1） ① 第…章) and does not start with whitespace (pypdf's trace of a first-line indent).
Across a page break the dropped header/footer lines and blank lines in between are skipped;
within a page a blank line ends the paragraph. Lines keep their leading whitespace.

Tables (pdf_tables.py): a table found by its ruling lines replaces the lines the text layer made
of it with one line per row, cells separated by TABs; meta["grids"] gives each cell's row,
column, spans and offsets (as for .docx). Table rows are never soft breaks nor running lines.

Failures are SourceError: no text layer (scanned), a password, AES without the ``cryptography``
package, truncated or corrupt files, more than 2000 pages.
Runtime dependency: pypdf (``pypdf[crypto]`` for AES-encrypted files), imported lazily.
"""

from __future__ import annotations

import io
import re
import unicodedata

from .errors import SourceError, reading
from .extracted import Extracted
from ..text.chars import display_width
from ..text.pagination import PAGE_NUMBER

MAX_PAGES = 2000
EDGE_LINES = 3
FULL_RATIO = 0.85
MIN_CHARS_PER_PAGE = 20
MAX_DROP_SHARE = 0.4

_EMPTY = "文件是空的（0 字节），没有可检查的内容。"
_NOT_PDF = "这不是有效的 PDF 文件（文件开头没有 PDF 标记）。请确认文件是否下载完整，或用阅读器打开后另存为 PDF 再试。"
_DOCX = "这是 Word（.docx）或压缩文件，不是 PDF。请把扩展名改为 .docx 后再检查。"
_DOC = "这是旧版 Word（.doc）文件，不是 PDF。请在 Word 或 WPS 中另存为 .docx 后再检查。"
_TRUNCATED = "PDF 文件不完整（文件末尾缺失，可能下载中断）。请重新下载完整文件后再试。"
_CORRUPT = "PDF 文件已损坏，无法读取。请用阅读器打开后另存（或“打印为 PDF”）再试，或向发文单位索取 Word 版。"
_PASSWORD = "PDF 文件设有打开密码，无法读取。请向发文单位索取未加密的版本，或在阅读器中输入密码后另存为不加密的 PDF 再试。"
_CRYPTO = "PDF 文件使用了 AES 加密，读取它需要安装 cryptography 组件（pip install \"pypdf[crypto]\"）。"
_TOO_MANY = f"PDF 页数超过 {MAX_PAGES} 页，不像是一份年度报告，已停止读取。"
_MISSING = "读取 PDF 需要 pypdf 组件，但当前环境没有安装。请运行 pip install pypdf（或重新安装 fzlint）。"
_NO_TEXT = "PDF 无文本层（可能是扫描件），需先 OCR 识别后再检查。"
_GARBLED = ("PDF 的文字无法正确提取（字体缺少编码信息，提取出来是乱码）。"
            "请向发文单位索取 Word 版，或先 OCR 识别后再检查。")

_FINAL = frozenset("。！？；：”’）》」』】…!?;:.)")
_SENTENCE_PUNCT = re.compile(r"[，。；：！？,;]")
_HEADING = re.compile(r"(?<![\s\d一二三四五六七八九十百（(])\s*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]"
                      r"|\d+[.．、](?!\d)|[（(]\d+[）)]|[①-⑳]"
                      r"|第[一二三四五六七八九十百零〇\d]+[章节条部分])")
def read_pdf(data: bytes, tables: bool = True) -> Extracted:
    """Return the text layer of a PDF; raise SourceError when there is none or it is unreadable.
    ``tables=False`` skips the table extractor (a quick look at the title)."""
    _check_signature(data)
    pages = _extract_pages(data)
    _check_content([line for page in pages for line in page], len(pages))
    from .pdf_tables import tables as find_tables

    want_tables, tables = tables, find_tables
    pages, grids = tables(data, pages) if want_tables else (pages, [])
    lines = [line for page in pages for line in page]
    page_of = [i for i, page in enumerate(pages) for _ in page]
    base = [sum(len(p) for p in pages[:i]) for i in range(len(pages))]
    in_tables = {base[g["page"]] + cell[4] for g in grids for cell in g["cells"]}
    dropped = _running_lines(pages) - in_tables
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    text = "\n".join(lines)
    drop = tuple((starts[i], min(starts[i] + len(lines[i]) + 1, len(text)))
                 for i in sorted(dropped))
    soft = tuple(starts[i] + len(lines[i]) for i in _soft_breaks(lines, page_of, dropped | in_tables)
                 if i not in in_tables)
    page_starts, first = [], 1
    for page in pages:
        page_starts.append(first)
        first += len(page)
    meta = {"format": "pdf", "pages": len(pages), "page_starts": page_starts}
    if grids:
        meta["grids"] = [{"page": g["page"] + 1, "cells": [[r, c, rs, cs, starts[base[g["page"]] + ln] + a,
                                                            starts[base[g["page"]] + ln] + b]
                                                           for r, c, rs, cs, ln, a, b in g["cells"]]} for g in grids]
    return Extracted(text=text, drop=drop, soft_breaks=soft, meta=meta)


def _check_signature(data: bytes) -> None:
    if not data:
        raise SourceError(_EMPTY)
    if data.startswith(b"PK\x03\x04"):
        raise SourceError(_DOCX)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise SourceError(_DOC)
    if b"%PDF-" not in data[:1024]:
        raise SourceError(_NOT_PDF)
    if b"%%EOF" not in data[-4096:].rstrip(b" \t\r\n\x00"):
        raise SourceError(_TRUNCATED)


def _extract_pages(data: bytes) -> list[list[str]]:
    import logging
    import warnings

    logger = logging.getLogger("pypdf")
    if not logger.handlers:  # keep pypdf's repair chatter off a clerk's terminal
        logger.addHandler(logging.NullHandler())
    with reading(_MISSING, _CORRUPT):
        from pypdf import PdfReader
        from pypdf.errors import DependencyError

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    unlocked = reader.decrypt("")  # "owner password only" files open freely
                except DependencyError:
                    raise SourceError(_CRYPTO) from None
                if not unlocked:
                    raise SourceError(_PASSWORD)
            if len(reader.pages) > MAX_PAGES:
                raise SourceError(_TOO_MANY)
            return [_split(page.extract_text() or "") for page in reader.pages]


def _split(page_text: str) -> list[str]:
    text = page_text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def _edges(page: list[str]) -> tuple[list[int], list[int]]:
    """Indexes of the first and last non-blank lines of a page, nearest the edge first."""
    filled = [i for i, line in enumerate(page) if line.strip()]
    return filled[:EDGE_LINES], filled[::-1][:EDGE_LINES]


def _running_lines(pages: list[list[str]]) -> set[int]:
    """Global indexes of page-number and running header/footer lines."""
    dropped = _edge_drops(pages, _repeated_edge_lines(pages))
    filled = sum(1 for page in pages for line in page if line.strip())
    if len(dropped) > MAX_DROP_SHARE * filled:  # pages that repeat their body, not a header
        dropped = _edge_drops(pages, set())
    return dropped


def _repeated_edge_lines(pages: list[list[str]]) -> set[tuple[int, int, str]]:
    """Keys (edge, rank from that edge, text with digits folded) found on most pages, so body
    text that merely recurs somewhere near an edge is not taken for a running line."""
    seen: dict[tuple[int, int, str], int] = {}
    for page in pages:
        for side, idxs in enumerate(_edges(page)):
            for rank, i in enumerate(idxs):
                key = (side, rank, _key(page[i]))
                seen[key] = seen.get(key, 0) + 1
    return {k for k, n in seen.items() if n >= 2 and 2 * n >= len(pages)}


def _edge_drops(pages: list[list[str]], repeated: set[tuple[int, int, str]]) -> set[int]:
    dropped, base = set(), 0
    for page in pages:
        for side, idxs in enumerate(_edges(page)):
            for rank, i in enumerate(idxs):
                if not (PAGE_NUMBER.match(page[i]) or (side, rank, _key(page[i])) in repeated):
                    break
                dropped.add(base + i)
        base += len(page)
    return dropped


def _check_content(lines: list[str], pages: int) -> None:
    chars = [c for line in lines for c in line if not c.isspace()]
    if len(chars) < MIN_CHARS_PER_PAGE * max(pages, 1):
        raise SourceError(_NO_TEXT)
    bad = sum(1 for c in chars if c == "\ufffd" or unicodedata.category(c) in ("Co", "Cc"))
    if bad * 2 > len(chars):
        raise SourceError(_GARBLED)


def _typical(widths: list[int]) -> int:
    ordered = sorted(widths)
    return ordered[int(0.8 * (len(ordered) - 1))] if ordered else 0


def _soft_breaks(lines: list[str], page_of: list[int], dropped: set[int]) -> list[int]:
    """Indexes of lines whose following "\\n" is a hard-wrap artifact."""
    kept = [i for i, line in enumerate(lines) if i not in dropped and line.strip()]
    doc_full = _typical([display_width(lines[i].strip()) for i in kept])
    per_page: dict[int, list[int]] = {}
    for i in kept:
        per_page.setdefault(page_of[i], []).append(display_width(lines[i].strip()))
    full = {p: max(_typical(w), doc_full) for p, w in per_page.items()}
    soft = []
    for a, b in zip(kept, kept[1:]):
        if page_of[a] == page_of[b] and b != a + 1:
            continue  # a blank line between them ends the paragraph
        if _wraps(lines[a], lines[b], full[page_of[a]]):
            soft.append(a)
    return soft


def _wraps(line: str, following: str, full: int) -> bool:
    stripped = line.strip()
    if stripped[-1] in _FINAL or display_width(line.strip()) < FULL_RATIO * full:
        return False
    if _HEADING.match(stripped) and not _SENTENCE_PUNCT.search(stripped):
        return False  # a long heading line, not a sentence
    return not (_HEADING.match(following) or following[:1].isspace())  # indent: new paragraph
