"""Loading: a path or bytes becomes a Source (text + how it was stored). Loaders never see rules."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..offsets import Span
from ..text.scrub import scrub
from .errors import SourceError

SUPPORTED = (".txt", ".md", ".docx", ".pdf")
MAX_BYTES = 64 * 1024 * 1024
# An annual report runs to some 5,000–30,000 characters. Text a hundred times longer is no report,
# and linting it would take minutes and gigabytes (50 MB of text: ~2 min, ~7 GB with JSON output).
MAX_CHARS = 12_000_000  # a 10 MB compilation of reports (~3.5 M characters) is linted; 50 MB is refused

_LEGACY = {
    ".doc": "这是旧版 Word（.doc）文件，fzlint 不能直接读取。请在 Word 或 WPS 中“另存为” .docx 后再检查。",
    ".wps": "这是 WPS 文字（.wps）文件，fzlint 不能直接读取。请在 WPS 中“另存为” .docx 后再检查。",
    ".rtf": "这是 RTF 文件，fzlint 不能直接读取。请另存为 .docx 或 .txt 后再检查。",
    ".odt": "这是 ODT 文件，fzlint 不能直接读取。请另存为 .docx 后再检查。",
    ".wpt": "这是 WPS 模板（.wpt）文件，fzlint 不能直接读取。请在 WPS 中“另存为” .docx 后再检查。",
    ".dot": "这是旧版 Word 模板（.dot）文件，fzlint 不能直接读取。请在 Word 或 WPS 中“另存为” .docx 后再检查。",
    ".ofd": "这是 OFD 版式文件，fzlint 不能读取。请报送 .docx，或可以复制文字的 PDF。",
    **dict.fromkeys((".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp"),
                    "这是图片文件（扫描件或照片），fzlint 不能识别图片中的文字。请报送 .docx，或可以复制文字的 PDF。"),
    **dict.fromkeys((".zip", ".rar", ".7z"), "这是压缩包，fzlint 不会解压。请解压后检查其中的报告。"),
}
# Formats a submission may come in that fzlint cannot read: a folder walk lists them with the reason.
UNREADABLE = tuple(_LEGACY)


@dataclass(frozen=True)
class Source:
    """A report as text, plus what is needed to write it back and to read it well."""

    path: str
    kind: str  # txt | md | docx | pdf
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    drop: tuple[Span, ...] = ()  # spans the outline ignores (page headers/footers of a PDF)
    soft_breaks: tuple[int, ...] = ()  # offsets of line breaks that are wrap artifacts
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        # No output can carry a lone surrogate (a PDF font without ToUnicode, w:sym D800): U+FFFD
        # keeps every offset and format/garbled reports it.
        if not self.text.isascii():
            object.__setattr__(self, "text", scrub(self.text))


def kind_of(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    return {".md": "md", ".markdown": "md", ".docx": "docx", ".pdf": "pdf"}.get(ext, "txt")


def load_path(path: str, *, encoding: str | None = None) -> Source:
    """Read a file; every failure is a SourceError with a plain-Chinese reason."""
    ext = os.path.splitext(path)[1].lower()
    if ext in _LEGACY:
        raise SourceError(_LEGACY[ext])
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise SourceError(f"文件过大（{size // (1024 * 1024)} MB，上限 {MAX_BYTES // (1024 * 1024)} MB），不像是一份年度报告。")
        with open(path, "rb") as handle:
            data = handle.read()
    except SourceError:
        raise
    except IsADirectoryError:
        raise SourceError("这是一个文件夹，不是文件。") from None
    except FileNotFoundError:
        raise SourceError("找不到这个文件。") from None
    except PermissionError:
        raise SourceError("没有读取这个文件的权限。") from None
    except OSError as err:
        raise SourceError(f"无法读取文件：{err.strerror or err}。") from None
    return load_bytes(data, path, encoding=encoding)


def load_bytes(data: bytes, path: str, *, encoding: str | None = None, kind: str | None = None) -> Source:
    kind = kind or kind_of(path)
    if len(data) > MAX_BYTES:
        raise SourceError(f"内容过大（{len(data) // (1024 * 1024)} MB），不像是一份年度报告。")
    if kind == "docx":
        return _from_extracted(path, kind, _read_docx(data))
    if kind == "pdf":
        return _from_extracted(path, kind, _read_pdf(data))
    if data[:4] == b"PK\x03\x04":
        raise SourceError("这是一个压缩包或 Office 文件，不是纯文本。若是 Word 文件，请使用 .docx 扩展名。")
    if data[:4] == b"%PDF":
        raise SourceError("这是一个 PDF 文件，请使用 .pdf 扩展名。")
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise SourceError(_LEGACY[".doc"])
    from .text import decode

    decoded = decode(data, encoding)
    _check_length(decoded.text)
    meta = {"undecodable_bytes": decoded.replaced} if decoded.replaced else {}
    return Source(path, kind, decoded.text, decoded.encoding, decoded.bom, decoded.newline, meta=meta)


def _check_length(text: str) -> None:
    if len(text) > MAX_CHARS:
        raise SourceError(
            f"文本过长（约 {len(text) // 10000} 万字，上限 {MAX_CHARS // 10000} 万字），不像是一份年度报告，未检查。"
        )


def _read_docx(data: bytes):
    from .docx import read_docx

    return read_docx(data)


def _read_pdf(data: bytes):
    from .pdf import read_pdf

    return read_pdf(data)


def _from_extracted(path: str, kind: str, extracted) -> Source:
    if not extracted.text.strip():
        raise SourceError("文件中没有文字内容，无法检查。")
    _check_length(extracted.text)
    return Source(
        path,
        kind,
        extracted.text,
        encoding="utf-8",
        drop=tuple(Span(a, b) for a, b in extracted.drop),
        soft_breaks=tuple(extracted.soft_breaks),
        meta=dict(extracted.meta),
    )


__all__ = ["Source", "SourceError", "SUPPORTED", "UNREADABLE", "MAX_BYTES", "MAX_CHARS", "load_path", "load_bytes", "kind_of"]
