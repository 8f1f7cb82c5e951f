"""Plain text and Markdown: bytes → str, with the encoding, BOM and line endings remembered.

Reports arrive as UTF-8 (with or without BOM), UTF-16/32 with BOM, or GB18030/GBK/Big5 from older
Windows tools. UTF-8 is tried first because it fails loudly on anything else; only then is a
detector asked, so the common case costs nothing.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from .errors import SourceError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Encodings a Chinese report plausibly uses; the detector chooses only among these.
_CANDIDATES = ("gb18030", "big5", "utf_16_le", "utf_16_be")


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes, with the encoding, BOM and line ending to write it back."""

    text: str
    encoding: str
    bom: bool
    newline: str


def decode(data: bytes, encoding: str | None = None) -> DecodedText:
    """Decode ``data``; ``encoding`` forces a codec (the ``--encoding`` option)."""
    if not data:
        raise SourceError("文件为空，没有可检查的内容。")
    if encoding:
        return _forced(data, encoding)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _finish(_strict(data[len(bom):], name), name, bom=True)
    try:
        return _finish(data.decode("utf-8"), "utf-8", bom=False)
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096] and not _looks_utf16(data):
        raise SourceError("这不是文本文件（含有二进制内容），无法检查。请提供 .txt、.md、.docx 或 .pdf 文件。")
    return _finish(*_detect(data), bom=False)


def _forced(data: bytes, encoding: str) -> DecodedText:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise SourceError(f"不认识的编码名称“{encoding}”。常用的有 utf-8、gb18030、big5、utf-16。") from None
    bom = False
    for mark, name in _BOMS:
        if data.startswith(mark) and codecs.lookup(name).name.startswith(codecs.lookup(encoding).name[:6]):
            data, bom = data[len(mark):], True
            break
    return _finish(_strict(data, encoding), encoding, bom=bom)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise SourceError(
            f"文件不是有效的 {encoding} 编码（第 {err.start + 1} 字节处无法解码）。"
            "请确认文件编码，或用 --encoding 指定。"
        ) from None


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    zeros_odd = sample[1::2].count(0)
    zeros_even = sample[0::2].count(0)
    return max(zeros_odd, zeros_even) > len(sample) // 8


def _detect(data: bytes) -> tuple[str, str]:
    # GB18030 covers GBK and GB2312; if it decodes strictly and a detector agrees it is Chinese, use it.
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=list(_CANDIDATES)).best()
    order = [best.encoding] if best is not None else []
    order += [c for c in _CANDIDATES if c not in order]
    for name in order:
        try:
            return data.decode(name), name.replace("_", "-")
        except UnicodeDecodeError:
            continue
    raise SourceError("无法识别文件的文字编码（不是 UTF-8、GB18030 或 Big5）。请用 --encoding 指定编码，或另存为 UTF-8。")


def _finish(text: str, encoding: str, *, bom: bool) -> DecodedText:
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise SourceError("文件没有文字内容，无法检查。")
    if text.count("\x00") > len(text) // 100:
        raise SourceError("这不是文本文件（含有二进制内容），无法检查。请提供 .txt、.md、.docx 或 .pdf 文件。")
    return DecodedText(text, codecs.lookup(encoding).name, bom, _dominant_newline(text))


def _dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    best = max((lf, "\n"), (crlf, "\r\n"), (cr, "\r"))
    return best[1] if best[0] else "\n"
