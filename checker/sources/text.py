"""Plain text and Markdown: bytes → str, with the encoding, BOM and line endings remembered.

Reports arrive as UTF-8 (with or without BOM), UTF-16/32 with BOM, or GB18030/GBK/Big5 from older
Windows tools. UTF-8 is tried first because it fails loudly on anything else; only then is a
detector asked, so the common case costs nothing. A UTF-8 file with a stray byte or a character
cut off at the end stays UTF-8 (the bad bytes read as U+FFFD, which format/garbled reports);
UTF-16 without a BOM needs overwhelming evidence, never a detector's guess.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..text.scrub import count, scrub
from .encodings import EncodingProblem, text_codec
from .errors import SourceError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Encodings a Chinese report plausibly uses; the detector chooses only among these.
_CANDIDATES = ("gb18030", "big5")  # UTF-16 needs a BOM or the evidence of utf16_evidence


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes, with the encoding, BOM and line ending to write it back."""

    text: str
    encoding: str
    bom: bool
    newline: str
    replaced: int = 0  # undecodable bytes read as U+FFFD (a damaged UTF-8 file)


def decode(data: bytes, encoding: str | None = None) -> DecodedText:
    """Decode ``data``; ``encoding`` forces a codec (the ``--encoding`` option)."""
    if not data:
        raise SourceError("文件为空，没有可检查的内容。")
    if encoding:
        return _forced(data, encoding)
    for bom, name in _BOMS:
        if data.startswith(bom):
            if name == "utf-8":
                return _tolerant_utf8(data[len(bom):], bom=True, strong_only=False)
            return _finish(_strict(data[len(bom):], name), name, bom=True)
    wide = utf16_evidence(data) if b"\x00" in data else None  # UTF-8 and GBK text hold no NUL byte
    if wide:
        return _finish(_strict(data, wide), wide, bom=False)
    try:
        return _finish(data.decode("utf-8"), "utf-8", bom=False)
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise SourceError("这不是文本文件（含有二进制内容），无法检查。请提供 .txt、.md、.docx 或 .pdf 文件。")
    return _tolerant_utf8(data, bom=False, strong_only=True) or _legacy(data)


def _forced(data: bytes, encoding: str) -> DecodedText:
    try:
        name = text_codec(encoding)
    except EncodingProblem as err:
        raise SourceError(str(err)) from None
    bom = False
    for mark, bom_name in _BOMS:
        if data.startswith(mark) and bom_name.startswith(_GENERIC.get(name, name)):
            data, bom, name = data[len(mark):], True, bom_name  # "utf-16" + BOM: the BOM's byte order
            break
    name = "utf-8" if name == "utf-8-sig" else name  # without its BOM: plain UTF-8, written back as such
    return _finish(_strict(data, name), name, bom=bom)


# A forced generic name matches the BOM of each of its byte orders; utf-8-sig is utf-8 with a BOM.
_GENERIC = {"utf-8-sig": "utf-8", "utf-16": "utf-16", "utf-32": "utf-32"}


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise SourceError(
            f"文件不是有效的 {encoding} 编码（第 {err.start + 1} 字节处无法解码）。"
            "请确认文件编码，或用 --encoding 指定。"
        ) from None
    except (UnicodeError, ValueError, LookupError):  # codecs such as utf-7 or iso2022 fail otherwise
        raise SourceError(f"文件不是有效的 {encoding} 编码，无法解码。请确认文件编码，或用 --encoding 指定。") from None


def utf16_evidence(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when BOM-less bytes can only be UTF-16, else None.

    Over the whole file: an even length, NUL bytes in one half of the code units (at least four
    times as often as in the other: 一 is U+4E00), in most units (ASCII-heavy text) or, for
    Chinese text, in at least 1% of them (line breaks, digits) with the decoded text made of
    report characters. UTF-8 and GBK
    text hold no NUL byte at all, so a stray byte in them can no longer pass for UTF-16.
    """
    units = len(data) // 2
    if len(data) % 2 or units < 2:
        return None
    low, high = data[0::2].count(0), data[1::2].count(0)
    name, nuls, other = ("utf-16-le", high, low) if high >= low else ("utf-16-be", low, high)
    if nuls < max(2, units // 100) or other * 4 > nuls:
        return None
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return None
    if nuls * 2 > units:
        return name
    return name if _report_like(text) else None


def _report_like(text: str) -> bool:
    """Whether at least 95% of the characters are what a Chinese report is written in."""
    sample = text[:100_000]
    odd = sum(1 for ch in sample if not _ordinary(ch))
    return odd * 20 <= len(sample)


def _ordinary(ch: str) -> bool:
    code = ord(ch)
    return (0x20 <= code < 0x7F or ch in "\t\r\n" or 0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F
            or 0xFF00 <= code <= 0xFFEF or 0x2010 <= code <= 0x206F or 0x3400 <= code <= 0x4DBF)


def _tolerant_utf8(data: bytes, *, bom: bool, strong_only: bool) -> DecodedText | None:
    """UTF-8 with a few undecodable bytes, each read as U+FFFD (format/garbled reports them).

    It is UTF-8 when at least 95% of the non-ASCII bytes form valid UTF-8 sequences (GBK text
    reaches some 10%). Without that evidence (``strong_only``) None lets the legacy Chinese codecs
    try; a file with a BOM is UTF-8 in any case. Too many bad bytes end in a clear message.
    """
    try:
        return _finish(data.decode("utf-8"), "utf-8", bom=bom)
    except UnicodeDecodeError:
        pass
    text, bad, valid = _utf8_damage(data)
    if strong_only and valid < 20 * bad:
        return None
    if bad > MAX_BAD_BYTES:
        raise _damaged(bad)
    return _finish(text, "utf-8", bom=bom, replaced=bad)


MAX_BAD_BYTES = 200
_ASCII = bytes(range(0x80))


def _utf8_damage(data: bytes) -> tuple[str, int, int]:
    """The text with each undecodable byte as U+FFFD, the number of such bytes, and the number
    of non-ASCII bytes that decoded well."""
    text = data.decode("utf-8", errors="surrogateescape")  # each bad byte becomes one U+DC80–U+DCFF
    bad = count(text)
    return scrub(text), bad, len(data.translate(None, _ASCII)) - bad


def _damaged(bad: int) -> SourceError:
    return SourceError(
        f"文件基本是 UTF-8 编码，但有 {bad} 处字节已损坏、无法解码（可容忍 {MAX_BAD_BYTES} 处），内容不可靠，未检查。"
        "请用原程序重新另存为 UTF-8 后再试，或用 --encoding 指定编码。"
    )


def _legacy(data: bytes) -> DecodedText:
    """GB18030 or Big5 (a detector chooses); failing both, UTF-8 with a few bad bytes, or a message."""
    try:
        return _finish(*_detect(data), bom=False)
    except SourceError as err:
        text, bad, valid = _utf8_damage(data)
        if bad <= MAX_BAD_BYTES and bad * 100 <= len(data):  # ASCII text with a stray byte
            return _finish(text, "utf-8", bom=False, replaced=bad)
        raise (_damaged(bad) if valid > bad else err) from None


def _detect(data: bytes) -> tuple[str, str]:
    # GB18030 covers GBK and GB2312. Text that reads as common simplified characters under it is
    # GB (Big5 bytes read so give private-use and rare characters); otherwise a detector chooses.
    gb = _common_gb(data)
    if gb is not None:
        return gb, "gb18030"
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


def _common_gb(data: bytes) -> str | None:
    """The GB18030 reading of ``data`` when nine in ten of its non-ASCII characters are in GB2312
    (the common simplified set a report is written in), else None: short files fool detectors
    (charset_normalizer takes 政府,工作 in GBK for Big5 淉葬,馱釬)."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = [ch for ch in text[:20_000] if ord(ch) > 0x7F]
    common = sum(1 for ch in wide if _in_gb2312(ch))
    return text if wide and common * 10 >= len(wide) * 9 else None


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _finish(text: str, encoding: str, *, bom: bool, replaced: int = 0) -> DecodedText:
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise SourceError("文件没有文字内容，无法检查。")
    if text.count("\x00") > len(text) // 100:
        raise SourceError("这不是文本文件（含有二进制内容），无法检查。请提供 .txt、.md、.docx 或 .pdf 文件。")
    return DecodedText(text, codecs.lookup(encoding).name, bom, _dominant_newline(text), replaced)


def _dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    best = max((lf, "\n"), (crlf, "\r\n"), (cr, "\r"))
    return best[1] if best[0] else "\n"
