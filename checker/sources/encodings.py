"""Which codec names ``--encoding`` may name: real text encodings only.

Python's codec registry also holds transforms (base64, rot13, hex, zlib…) and codecs that are no
file encoding (idna, punycode, undefined): naming one is a usage error, said once before any file
is read, never a traceback per file. (Whether a forced codec may write a file back is
app/fix_guard.py's question.)
"""

from __future__ import annotations

import codecs

# Text encodings by Python's flag that still cannot stand for a file's characters.
_NOT_FILE_CODECS = {"undefined", "idna", "punycode", "charmap"}
_HINT = "常用的有 utf-8、gb18030、big5、utf-16。"


class EncodingProblem(ValueError):
    """A codec name that cannot be used; ``str(err)`` is the plain-Chinese reason."""


def text_codec(name: str) -> str:
    """The canonical name of a codec that decodes a file's bytes to text; raise EncodingProblem."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError):
        raise EncodingProblem(f"不认识的编码名称“{name}”。{_HINT}") from None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_FILE_CODECS:
        raise EncodingProblem(f"“{name}”不是文本文件的文字编码（base64、zlib、rot13 之类是数据转换）。{_HINT}")
    return info.name


__all__ = ["EncodingProblem", "text_codec"]
