"""The .docx container: what the bytes are, the zip read under hard caps, each XML part parsed safely.

Safety: the input must be a zip holding word/document.xml; OLE files (legacy .doc, encrypted
.docx) are refused with their own message; at most 20,000 zip entries; only the three parts
needed (document, styles, numbering) are decompressed, each at most 64 MB and 200 MB in all
(zipfile never inflates past a member's declared size, and the read is capped again while
streaming), and no part over 8 MB may inflate more than 200:1; XML with a DOCTYPE is refused
and lxml runs without entity resolution, DTD loading, network or huge-tree support. The comment
writer (annotate/package.py) opens the same container with the same caps.
Runtime dependency: lxml (imported lazily).
"""

from __future__ import annotations

import io

from .errors import SourceError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"

MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # real XML deflates 5–30:1; only bombs and synthetic filler go past 200:1
RATIO_FLOOR = 8 * 1024 * 1024
MAX_ENTRIES = 20_000

_PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_EMPTY = "文件是空的（0 字节），没有可检查的内容。"
CORRUPT = "文件已损坏，无法读取（不是有效的 .docx 文件）。请在 Word 中打开后另存为 .docx 再试。"
_ENCRYPTED = ("文件已加密（设置了打开密码），无法读取。请在 Word 中取消密码"
              "（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码）后另存为 .docx 再试。")
_LEGACY = "这是旧版 .doc 格式（或 WPS 的 .wps 格式），无法直接读取。请在 Word 或 WPS 中打开，另存为 .docx 再试。"
_RTF = "这是 RTF 格式的文件（扩展名被改成了 .docx）。请在 Word 或 WPS 中打开，另存为 .docx 再试。"
_PDF = "这是 PDF 文件，不是 .docx。请把扩展名改为 .pdf 后再检查。"
_NOT_WORD = "压缩包里没有 Word 正文（word/document.xml），这不是 Word 文档。请在 Word 中另存为 .docx 再试。"
_ODT = "这是 ODT 格式（OpenDocument）的文件。请在 WPS 或 Word 中打开，另存为 .docx 再试。"
_TOO_BIG = ("文件解压后的内容异常庞大（超过 200 MB 或压缩比异常），可能已损坏或是被恶意构造的文件，"
            "已停止读取。请在 Word 中打开后另存为 .docx 再试。")
MISSING = "读取 .docx 需要 lxml 组件，但当前环境没有安装。请运行 pip install lxml（或重新安装 fzlint）。"
DOCTYPE = "文件内部结构异常（含有 Word 不会生成的 DOCTYPE 声明），可能被篡改或是被恶意构造的文件，已拒绝读取。"


def check_signature(data: bytes) -> None:
    if not data:
        raise SourceError(_EMPTY)
    if data.startswith(_OLE):
        encrypted = "EncryptedPackage".encode("utf-16-le") in data
        raise SourceError(_ENCRYPTED if encrypted else _LEGACY)
    if data.startswith(b"{\\rtf"):
        raise SourceError(_RTF)
    if data[:1024].lstrip().startswith(b"%PDF"):
        raise SourceError(_PDF)
    if not data.startswith(b"PK\x03\x04"):
        raise SourceError(CORRUPT)


def read_parts(data: bytes) -> tuple[bytes | None, ...]:
    import zipfile  # lazily: it pulls in compression modules at import

    if data.count(b"PK\x01\x02") > MAX_ENTRIES:
        raise SourceError(_TOO_BIG)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        if _PARTS[0] not in names:
            raise SourceError(_ODT if "mimetype" in names and "content.xml" in names else _NOT_WORD)
        budget = [MAX_TOTAL_BYTES]
        return tuple(read_member(zf, n, budget) if n in names else None for n in _PARTS)


def read_member(zf, name: str, budget: list[int]) -> bytes:
    """Decompress one member with hard caps that do not trust the sizes the zip declares."""
    info = zf.getinfo(name)
    if info.flag_bits & 0x1:
        raise SourceError(_ENCRYPTED)
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise SourceError(_TOO_BIG)
    limit = min(MAX_PART_BYTES, budget[0])
    if info.file_size > limit:
        raise SourceError(_TOO_BIG)
    out = bytearray()
    with zf.open(info) as fh:
        while chunk := fh.read(1 << 20):
            out += chunk
            if len(out) > limit:
                raise SourceError(_TOO_BIG)
    budget[0] -= len(out)
    return bytes(out)


def parse_part(xml: bytes | None):
    """Parse one part without DTDs, entities or network; None stays None."""
    if xml is None:
        return None
    from lxml import etree

    if b"<!DOCTYPE" in xml:
        raise SourceError(DOCTYPE)
    xml = xml.replace(STRICT_W, W[1:-1].encode())  # "Strict Open XML" saves use another namespace
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    root = etree.fromstring(xml, parser)
    if root.getroottree().docinfo.doctype:
        raise SourceError(DOCTYPE)
    return root
