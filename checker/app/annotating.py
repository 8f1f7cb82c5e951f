"""``fzlint check FILE --annotate [--track-fixes] [-o PATH]``: write the annotated copies.

The copy goes next to the original as 报告（fzlint批注）.docx (or to -o for a single file); the
original is never opened for writing, an output path naming the input is refused, and the copy
is written atomically (a temporary file in the target folder, then os.replace).
"""

from __future__ import annotations

import os
import sys
import tempfile

SUFFIX = "（fzlint批注）"


class Refused(Exception):
    """An output path that would overwrite the original."""


def usage_problem(args, paths: list[str]) -> str | None:
    """Why these options cannot be used together, or None."""
    if args.format in ("xlsx",):
        return "--annotate 不能与 --format xlsx 同时使用（批注副本本身就是要写入的文件）。"
    if args.output and len(paths) != 1:
        return "--annotate 与 -o 同用时只能检查一个文件（多个文件的批注副本各自写在原文件旁边）。"
    if args.output and paths[0] != "-" and os.path.abspath(args.output) == os.path.abspath(paths[0]):
        return "-o 指定的就是原文件；批注只写入副本，请另取一个文件名。"
    if "-" in paths and not args.output:
        return "标准输入的内容没有原文件可以对照，--annotate 时请用 -o 指定批注副本的路径。"
    if args.fix or args.diff:
        return "--annotate 不能与 --fix/--diff 同时使用；可用 --annotate --track-fixes 把修改写成修订。"
    return None


def write_all(results, rules, args) -> bool:
    """Write one annotated copy per readable result; return True when any could not be written."""
    from ..annotate import AnnotateError, annotate, annotated_name

    trouble = False
    for result in results:
        if result.error:
            continue  # already reported with the findings
        stem = os.path.splitext(os.path.basename(result.path))[0]
        if stem.endswith(SUFFIX) and not args.output:
            print(f"fzlint: {result.path}：这已是 fzlint 的批注副本，不再另写一份。", file=sys.stderr)
            continue
        target = args.output or annotated_name(result.path)
        try:
            data = _original(result)
            annotated = annotate(result, data, rules, track_fixes=args.track_fixes)
            _refuse_same(result.path, target)
            write_atomically(target, annotated.data)
        except (AnnotateError, Refused, OSError) as err:
            print(f"fzlint: {result.path}：未写入批注副本：{_reason(err)}", file=sys.stderr)
            trouble = True
            continue
        extra = f"，修订 {annotated.revisions} 处" if args.track_fixes else ""
        print(f"fzlint: 已写入 {target}（批注 {annotated.comments} 条{extra}；原文件未改动）。", file=sys.stderr)
    return trouble


def _original(result) -> bytes | None:
    """The bytes of a .docx as read now; a text report's copy is made from its text."""
    if result.source.kind != "docx":
        return None
    with open(result.path, "rb") as handle:
        return handle.read()


def _refuse_same(source: str, target: str) -> None:
    same = os.path.abspath(source) == os.path.abspath(target)
    if not same and os.path.exists(target):
        try:
            same = os.path.samefile(source, target)
        except OSError:
            same = False
    if same:
        raise Refused("输出路径就是原文件；批注只写入副本，请用 -o 指定另一个文件名。")


def write_atomically(target: str, data: bytes) -> None:
    """Write ``data`` to ``target`` via a temporary file in the same folder and os.replace; a
    device or pipe (``-o /dev/null``) is written into, never replaced by a file."""
    from .output import is_stream

    if is_stream(target):
        with open(target, "wb") as handle:
            handle.write(data)
        return
    folder = os.path.dirname(os.path.abspath(target))
    fd, temp = tempfile.mkstemp(prefix=".fzlint-", suffix=".docx.tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def _reason(err: Exception) -> str:
    if isinstance(err, FileNotFoundError):
        return "目标文件夹不存在。"
    if isinstance(err, PermissionError):
        return "没有写入该位置的权限。"
    if isinstance(err, OSError):
        return f"无法读写文件（{err.strerror or err}）。"
    return str(err)
