"""A .docx made from a text report (.txt, .md, or the text of a .pdf), one paragraph per line.

So a clerk who was given a text file can open the findings in Word. The package is minimal
(content types, relationships, body, styles with 公文 defaults: 仿宋_GB2312 三号), a tab becomes
w:tab, and characters XML cannot hold become spaces, so the text Word shows has the same
characters at the same offsets; only line breaks are written as paragraphs ("\\r\\n" → one
paragraph mark), which ``OffsetShift`` accounts for.
"""

from __future__ import annotations

import bisect
import io
import re
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BREAK = re.compile(r"\r\n|\r|\n")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '</Types>')
_ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
              '</Relationships>')
_DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
             '</Relationships>')
_STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W_NS}">'
           '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
           'w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:sz w:val="32"/><w:szCs w:val="32"/>'
           '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>'
           '<w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>'
           '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
           '</w:styles>')


def text_docx(text: str) -> bytes:
    """The .docx of ``text``: every line a paragraph, every character where it was."""
    body = "".join(_paragraph(line) for line in _BREAK.split(text))
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>'
                f'{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" '
                'w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>'
                '</w:body></w:document>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, part in (("[Content_Types].xml", _TYPES), ("_rels/.rels", _ROOT_RELS),
                           ("word/_rels/document.xml.rels", _DOC_RELS), ("word/document.xml", document),
                           ("word/styles.xml", _STYLES)):
            z.writestr(name, part.encode("utf-8"))
    return out.getvalue()


def docx_text(text: str) -> str:
    """The text fzlint reads back from ``text_docx(text)``."""
    return _NOT_XML.sub(" ", "\n".join(_BREAK.split(text)))


def _paragraph(line: str) -> str:
    line = _NOT_XML.sub(" ", line)
    runs = []
    for k, chunk in enumerate(line.split("\t")):
        if k:
            runs.append("<w:tab/>")
        if chunk:
            runs.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return f"<w:p><w:r>{''.join(runs)}</w:r></w:p>" if runs else "<w:p/>"


class OffsetShift:
    """Offsets of the text as read → offsets of the .docx text, where each line break is one "\\n"."""

    def __init__(self, text: str) -> None:
        self._crlf = [m.start() for m in _BREAK.finditer(text) if m.end() - m.start() == 2]

    def __call__(self, offset: int) -> int:
        # each "\r\n" that starts before ``offset`` is one character shorter in the .docx text
        return offset - bisect.bisect_left(self._crlf, offset)
