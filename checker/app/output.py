"""Writing a rendered report to standard output or to a file (-o): atomically, never half a file.

A file output goes to a temporary file in the same folder first and replaces the target only when
complete, so an error leaves the old file (or none), never a 0-byte or truncated one.
"""

from __future__ import annotations

import os
import sys
import tempfile


def write(text: str | bytes, output: str | None) -> str | None:
    """Write ``text``; return None when done, or the Chinese reason it could not be written."""
    data = text if isinstance(text, bytes) else text.encode("utf-8", errors="replace")
    if not output:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(text)
        return None
    folder = os.path.dirname(os.path.abspath(output))
    try:
        fd, temp = tempfile.mkstemp(prefix=".fzlint-", suffix=".tmp", dir=folder)
    except OSError as err:
        return f"无法写入 {output}：{err.strerror or err}"
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, output)
    except OSError as err:
        _remove(temp)
        return f"无法写入 {output}：{err.strerror or err}"
    except BaseException:
        _remove(temp)
        raise
    return None


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
