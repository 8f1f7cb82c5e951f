"""Writing a report's output: atomically to a file, safely to standard output.

A file (``-o``) is written to a temporary file in the same folder and moved over the target with
``os.replace``, so an error leaves the previous file as it was, never an empty or half-written
one. A device or pipe (``-o /dev/null``, a FIFO) cannot be replaced and is written directly.
Text may come piece by piece (a reporter's ``chunks``) and is written as it comes.
Text can hold characters its destination cannot encode: lone surrogates (an undecodable file name
from the file system) become U+FFFD, and a console whose encoding lacks a character (GBK on
Windows) gets a backslash escape, so no odd character costs the batch its output.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from typing import Iterable, Iterator, Union

from ..text.scrub import scrub


class OutputError(Exception):
    """The output could not be written; ``str(err)`` says why, in plain Chinese."""


Output = Union[str, bytes, Iterable[str]]  # text, a binary file, or text piece by piece
_BATCH = 1 << 16  # characters gathered before a piece is encoded and written


def render(reporter, run, options) -> Output:
    """The reporter's output (its ``chunks`` when it has them, so that a huge report is written as
    it is made); a reporter's bug is a message and the old -o file stays, never a traceback."""
    make = getattr(reporter, "chunks", None) or reporter.render
    name = reporter.__name__.rsplit(".", 1)[-1]
    try:
        made = make(run, options)
    except Exception as err:  # noqa: BLE001 - the promise is: never a traceback
        raise _internal(name, err) from None
    return made if isinstance(made, (str, bytes)) else _guarded(made, name)


def _guarded(pieces: Iterable[str], name: str) -> Iterator[str]:
    try:
        yield from pieces
    except Exception as err:  # noqa: BLE001 - raised while writing: the temporary file is dropped
        raise _internal(name, err) from None


def _internal(name: str, err: Exception) -> OutputError:
    return OutputError(f"内部错误：生成 {name} 格式的输出时出错（{type(err).__name__}），未写入结果。"
                       "请用 --format json 重试，并将此情况反馈给 fzlint 维护者。")


def write(data: Output, output: str | None) -> None:
    """Write ``data`` (text is stored as UTF-8) to ``output``, or to standard output when None."""
    if not output:
        _to_stdout(data)
        return
    try:
        if is_stream(output):
            with open(output, "wb") as handle:
                _dump(data, handle)
        else:
            _replace(os.path.realpath(output), data)
    except OSError as err:
        raise OutputError(f"无法写入 {output}：{err.strerror or err}") from None


def _dump(data: Output, handle) -> None:
    if isinstance(data, bytes):
        handle.write(data)
        return
    for piece in _batched(data):
        handle.write(scrub(piece).encode("utf-8"))


def _batched(data: str | Iterable[str]) -> Iterator[str]:
    if isinstance(data, str):
        yield data
        return
    gathered, size = [], 0
    for piece in data:
        gathered.append(piece)
        size += len(piece)
        if size >= _BATCH:
            yield "".join(gathered)
            gathered, size = [], 0
    yield "".join(gathered)


def _to_stdout(data: Output) -> None:
    if isinstance(data, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    encoding = getattr(sys.stdout, "encoding", None)
    for piece in _batched(data):
        sys.stdout.write(_encodable(scrub(piece), encoding))


def _encodable(text: str, encoding: str | None) -> str:
    """``text`` with what ``encoding`` lacks written as backslash escapes (UTF-8 lacks nothing)."""
    try:
        if not encoding or codecs.lookup(encoding).name == "utf-8":
            return text
        text.encode(encoding)
        return text
    except LookupError:
        return text
    except UnicodeEncodeError:
        return text.encode(encoding, "backslashreplace").decode(encoding)


def is_stream(path: str) -> bool:
    """A character device, FIFO or socket: something to write into, not a file to replace."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _replace(target: str, data: Output) -> None:
    import tempfile

    folder = os.path.dirname(target) or "."
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = 0o666 & ~_umask()  # a new file gets what open() would have given it
    fd, temp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".fzlint.tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            _dump(data, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


__all__ = ["render", "write", "OutputError"]
