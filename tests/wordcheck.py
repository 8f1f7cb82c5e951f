"""Reading an annotated .docx back the way a reviewer of the output would: comments, anchors, revisions.

Uses python-docx to open the package (so the file must be one it accepts) and walks its body XML
for what python-docx does not expose: the text between each commentRangeStart/End and the
tracked changes. Test helper only.
"""

from __future__ import annotations

import io
import re

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
M_T = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"


def open_docx(data: bytes):
    import docx

    return docx.Document(io.BytesIO(data))


def comments(data: bytes) -> dict[str, tuple[str, str]]:
    """comment id → (author, text) of every comment, read by python-docx."""
    return {str(c.comment_id): (c.author, c.text) for c in open_docx(data).comments}


def anchored(data: bytes) -> dict[str, str]:
    """comment id → the visible body text between its range start and end ("\\n" between paragraphs)."""
    from lxml import etree

    body = open_docx(data).element.body
    open_ids: list[str] = []
    found: dict[str, list[str]] = {}
    for event, el in etree.iterwalk(body, events=("start", "end")):
        if not isinstance(el.tag, str):
            continue
        if event == "start" and el.tag == W + "commentRangeStart":
            open_ids.append(el.get(W + "id"))
            found[el.get(W + "id")] = []
        elif event == "start" and el.tag == W + "commentRangeEnd":
            if el.get(W + "id") in open_ids:
                open_ids.remove(el.get(W + "id"))
        elif event == "start" and el.tag in (W + "t", W + "tab", M_T) and not _deleted(el):
            for cid in open_ids:
                found[cid].append("\t" if el.tag == W + "tab" else el.text or "")
        elif event == "end" and el.tag == W + "p":
            for cid in open_ids:
                found[cid].append("\n")
    return {cid: "".join(parts) for cid, parts in found.items()}


def _deleted(el) -> bool:
    return any(a.tag in (W + "del", W + "moveFrom") for a in el.iterancestors())


def revisions(data: bytes, author: str | None = None) -> list[tuple[str, str]]:
    """(ins|del, text) of every tracked change, optionally only those by ``author``."""
    body = open_docx(data).element.body
    out = []
    for el in body.iter(W + "ins", W + "del"):
        if author is not None and el.get(W + "author") != author:
            continue
        texts = el.iter(W + "t", W + "delText")
        out.append((el.tag[len(W):], "".join(t.text or "" for t in texts)))
    return out


def body_texts(data: bytes) -> list[str]:
    """python-docx's text of every body paragraph, table cells included, in order."""
    doc = open_docx(data)
    return [p.text for p in _paragraphs(doc)]


def _paragraphs(doc):
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in doc.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def resolved(data: bytes, accept: bool) -> bytes:
    """The package with every fzlint revision accepted (or rejected), as Word would leave it."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    xml = src.read("word/document.xml").decode("utf-8")
    keep, drop = ("ins", "del") if accept else ("del", "ins")

    def unwrap(m) -> str:
        return m.group(1).replace("<w:delText", "<w:t").replace("</w:delText>", "</w:t>")

    xml = re.sub(rf'<w:{drop} w:id="\d+" w:author="fzlint"[^>]*>.*?</w:{drop}>', "", xml, flags=re.S)
    xml = re.sub(rf'<w:{keep} w:id="\d+" w:author="fzlint"[^>]*>(.*?)</w:{keep}>', unwrap, xml, flags=re.S)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, xml.encode("utf-8") if info.filename == "word/document.xml" else src.read(info))
    return out.getvalue()
