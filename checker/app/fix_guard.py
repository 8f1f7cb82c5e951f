"""What --fix checks before and after it edits a file, so that no edit can lose data.

Before: the codec is a real text encoding that gives back the very bytes read for the unchanged
text; a forced ``--encoding`` reads the same characters as fzlint reads on its own whenever it
can tell (UTF-8 read as Latin-1 round-trips byte for byte, yet deleting its "soft hyphen" deletes
a third of 中; GBK edited as Big5 gets wrong characters); no byte was undecodable (a U+FFFD written back would replace it for good).
After: the new bytes decode, with the file's own codec and BOM, to exactly the fixed text, and a
file that was valid UTF-8 stays valid UTF-8.
"""

from __future__ import annotations

import codecs

from ..sources import Source, SourceError
from ..sources.text import decode


class Unsafe(Exception):
    """The file must be left as it is; ``str(err)`` says why, in plain Chinese."""


def before(source: Source, data: bytes, encoded: bytes | None, forced: str | None) -> None:
    """Raise Unsafe unless ``source`` (read from ``data``) can be fixed and written back safely.

    ``encoded`` is the unchanged text encoded as it would be written (None: it cannot be).
    """
    bad = source.meta.get("undecodable_bytes")
    if bad:
        raise Unsafe(f"文件中有 {bad} 处字节无法解码（按“\ufffd”检查），写回会永久丢失这些字节，文件未修改。请先按 format/garbled 的提示手工改正。")
    if forced:
        evident = _evident(data)
        if evident is not None and evident.text != source.text:
            raise Unsafe(f"按 --encoding {forced} 读出的文字与文件实际的编码（{evident.encoding}）不符，修复会损坏文件，文件未修改。"
                         f"请去掉 --encoding，或改用 --encoding {evident.encoding}。")
    if encoded != data:
        raise Unsafe(f"按 {source.encoding} 编码无法原样写回此文件（编码不一致），为避免损坏，文件未修改。")


def after(source: Source, data: bytes, new_text: str, new_data: bytes) -> None:
    """Raise Unsafe unless ``new_data`` reads back as ``new_text`` (and UTF-8 stays UTF-8)."""
    if _read_back(source, new_data) != new_text:
        raise Unsafe(f"修复后的内容按 {source.encoding} 编码无法原样读回，为避免损坏，文件未修改。")
    if _is_utf8(data) and not _is_utf8(new_data):
        raise Unsafe("修复会使原本有效的 UTF-8 文件变为无效编码，文件未修改。")


def _evident(data: bytes):
    """What fzlint reads the bytes as without --encoding; None when it cannot tell."""
    try:
        return decode(data)
    except SourceError:
        return None


def _read_back(source: Source, data: bytes) -> str | None:
    name = codecs.lookup(source.encoding).name
    bom = _BOMS.get(name, b"") if source.bom else b""
    if not data.startswith(bom):
        return None
    try:
        return data[len(bom):].decode(name)
    except (UnicodeError, ValueError, LookupError):
        return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
         "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}
