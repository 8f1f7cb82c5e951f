"""Uploaded files, read into memory with limits, and their names made harmless.

The body of a POST is streamed through python-multipart's parser straight into memory: nothing
is spooled to disk, and reading stops as soon as a limit is passed (count, size per file, size of
the request), with a message that says which limit and what to do. A file name from the browser
is a display name only: its folder part is dropped, control characters removed, its length cut;
it never reaches the file system, and only its extension decides how the bytes are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one request may carry."""

    files: int = 20
    file_bytes: int = 20 * MB
    request_bytes: int = 100 * MB


@dataclass
class Upload:
    """One file of a request: its display name and its bytes."""

    name: str
    data: bytearray = field(default_factory=bytearray)


class UploadError(Exception):
    """The request breaks a limit or is no form upload; the message is for the page."""

    def __init__(self, message: str, status: int = 413) -> None:
        super().__init__(message)
        self.status = status


def too_many(limits: Limits) -> str:
    return f"一次最多上传 {limits.files} 个文件，请分批上传。"


def too_big(name: str, limits: Limits) -> str:
    return f"“{name}”超过 {limits.file_bytes // MB} MB，不像是一份年度报告，未检查。请确认文件是否正确。"


def request_too_big(limits: Limits) -> str:
    return f"这次上传的文件合计超过 {limits.request_bytes // MB} MB，请分批上传。"


_CONTROL = re.compile(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def display_name(raw: bytes | str | None, fallback: str) -> str:
    """The last path component of a browser-sent file name, printable and at most 120 characters."""
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", "replace")
    name = _CONTROL.sub("", (raw or "").replace("\\", "/").rsplit("/", 1)[-1]).strip().lstrip(".")
    if len(name) > 120:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:100] + "…" + dot + ext) if dot and len(ext) <= 8 else name[:120]
    return name or fallback


class Collector:
    """python-multipart callbacks that keep file parts in memory and enforce the limits."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.files: list[Upload] = []
        self._headers: dict[bytes, bytes] = {}
        self._field = bytearray()
        self._value = bytearray()
        self._current: Upload | None = None

    def callbacks(self) -> dict:
        return {"on_part_begin": self._begin, "on_header_field": self._header_field,
                "on_header_value": self._header_value, "on_header_end": self._header_end,
                "on_headers_finished": self._headers_done, "on_part_data": self._data}

    def _begin(self) -> None:
        self._headers, self._current = {}, None

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._field += data[start:end]

    def _header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def _header_end(self) -> None:
        self._headers[bytes(self._field).lower()] = bytes(self._value)
        self._field, self._value = bytearray(), bytearray()

    def _headers_done(self) -> None:
        from python_multipart.multipart import parse_options_header

        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        if b"filename" not in options:
            return  # a plain form field: ignored
        if len(self.files) >= self.limits.files:
            raise UploadError(too_many(self.limits))
        self._current = Upload(display_name(options[b"filename"], f"文件{len(self.files) + 1}"))
        self.files.append(self._current)

    def _data(self, data: bytes, start: int, end: int) -> None:
        if self._current is None:
            return
        self._current.data += data[start:end]
        if len(self._current.data) > self.limits.file_bytes:
            raise UploadError(too_big(self._current.name, self.limits))


async def read_uploads(request, limits: Limits) -> list[Upload]:
    """The files of a multipart/form-data POST, in order; UploadError when a limit is passed."""
    from python_multipart.multipart import MultipartParser, parse_options_header

    kind, options = parse_options_header(request.headers.get("content-type", ""))
    if kind != b"multipart/form-data" or b"boundary" not in options:
        raise UploadError("请通过页面上传文件（multipart/form-data）。", status=400)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.request_bytes + MB:
        raise UploadError(request_too_big(limits))
    collector = Collector(limits)
    parser = MultipartParser(options[b"boundary"], collector.callbacks())
    seen = 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen > limits.request_bytes + MB:  # the multipart framing itself is small
            raise UploadError(request_too_big(limits))
        parser.write(chunk)
    parser.finalize()
    return collector.files
