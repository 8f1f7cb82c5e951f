"""Applying fixes: merge the edits of many diagnostics, re-lint, write back exactly as stored.

A Fix is a set of edits in ORIGINAL offsets. Fixes are taken in document order; one that overlaps
an edit already taken waits for the next pass (after re-linting it may no longer be needed, or may
fit), and what is left after the last pass is reported, never forced. Only ``safe`` fixes are
applied unless unsafe ones are asked for. Writing keeps the file's encoding, BOM and line endings,
goes through a temporary file in the same directory and ``os.replace``, and is refused when the
file would not read back to the same text or changed while we worked (fix_guard.py holds the
checks): --fix must never lose data.
"""

from __future__ import annotations

import bisect
import codecs
import difflib
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable

from ..diagnostics import Diagnostic, Edit
from ..sources import Source, SourceError, kind_of, load_bytes
from . import fix_guard

MAX_PASSES = 5
FIXABLE_KINDS = ("txt", "md")
_BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
         "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}

Lint = Callable[[Source], list[Diagnostic]]


class FixError(Exception):
    """A file that is left untouched; ``str(err)`` says why, in plain Chinese."""


@dataclass(frozen=True)
class Plan:
    """The fixes one pass applies to a file: non-overlapping edits, and what had to wait."""

    edits: tuple[Edit, ...]  # sorted, pairwise non-overlapping
    rules: tuple[str, ...]  # the rule of each fix taken
    skipped: tuple[Diagnostic, ...]  # fixes that overlapped one taken earlier, or were malformed


@dataclass
class Outcome:
    """One file after fixing: its text before and after, and the fixes applied per rule."""

    path: str
    original: str
    text: str
    applied: Counter = field(default_factory=Counter)  # rule id → fixes applied
    remaining: list[Diagnostic] = field(default_factory=list)  # fixes still offered after the last pass
    data: bytes = b""  # the new file content, encoded as the original
    raw: bytes = b""  # the file content as read

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def diff(self) -> str:
        name = self.path.replace(os.sep, "/").lstrip("/")
        lines = difflib.unified_diff(self.original.splitlines(keepends=True), self.text.splitlines(keepends=True),
                                     fromfile=f"a/{name}", tofile=f"b/{name}")
        return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def eligible(d: Diagnostic, unsafe: bool = False) -> bool:
    return d.fix is not None and bool(d.fix.edits) and (d.fix.safe or unsafe)


def plan(diagnostics: Iterable[Diagnostic], length: int, *, unsafe: bool = False) -> Plan:
    """Take fixes in document order; each is taken whole or not at all."""
    taken: list[tuple[int, int]] = []  # sorted spans already taken
    edits: list[Edit] = []
    rules: list[str] = []
    skipped: list[Diagnostic] = []
    seen: set[tuple[Edit, ...]] = set()
    for d in sorted((d for d in diagnostics if eligible(d, unsafe)), key=lambda d: (min(e.span for e in d.fix.edits), d.rule)):
        own = tuple(sorted(d.fix.edits, key=lambda e: (e.span.start, e.span.end)))
        if own in seen:
            continue  # the same edit offered by two rules: already taken
        if not _well_formed(own, length) or any(_clashes(taken, e) for e in own):
            skipped.append(d)
            continue
        seen.add(own)
        for e in own:
            bisect.insort(taken, (e.span.start, e.span.end))
        edits.extend(own)
        rules.append(d.rule)
    return Plan(tuple(sorted(edits, key=lambda e: (e.span.start, e.span.end))), tuple(rules), tuple(skipped))


def _well_formed(edits: tuple[Edit, ...], length: int) -> bool:
    if any(not 0 <= e.span.start <= e.span.end <= length for e in edits):
        return False
    return not any(_overlap((a.span.start, a.span.end), (b.span.start, b.span.end)) for a, b in zip(edits, edits[1:]))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Spans that share a character, or start at the same place (two insertions there clash)."""
    return a[0] == b[0] or (a[0] < b[1] and b[0] < a[1])


def _clashes(taken: list[tuple[int, int]], edit: Edit) -> bool:
    span = (edit.span.start, edit.span.end)
    at = bisect.bisect_left(taken, span)
    return any(_overlap(taken[i], span) for i in range(max(at - 1, 0), min(at + 1, len(taken))))


def apply(text: str, edits: Iterable[Edit], newline: str = "\n") -> str:
    """Apply sorted, non-overlapping edits; inserted line breaks follow the file's own."""
    pieces, at = [], 0
    for e in edits:
        pieces.append(text[at:e.span.start])
        pieces.append(_with_newline(e.text, newline))
        at = e.span.end
    pieces.append(text[at:])
    return "".join(pieces)


def _with_newline(text: str, newline: str) -> str:
    if newline == "\n" or ("\n" not in text and "\r" not in text):
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", newline)


def fix_source(source: Source, lint: Lint, *, unsafe: bool = False, first: list[Diagnostic] | None = None) -> Outcome:
    """Fix, re-lint and fix again until no fix can be taken (at most MAX_PASSES passes)."""
    outcome = Outcome(source.path, source.text, source.text)
    found = first if first is not None else lint(source)
    for _ in range(MAX_PASSES):
        step = plan(found, len(outcome.text), unsafe=unsafe)
        if not step.edits:
            break
        outcome.text = apply(outcome.text, step.edits, source.newline)
        outcome.applied.update(step.rules)
        found = lint(replace(source, text=outcome.text))
    outcome.remaining = [d for d in found if eligible(d, unsafe)]
    return outcome


def encode(source: Source, text: str) -> bytes:
    """``text`` as the file stored it: same codec, and the BOM when it had one."""
    try:
        name = codecs.lookup(source.encoding).name
        data = text.encode(name)
    except UnicodeEncodeError as err:
        raise FixError(f"修复后的文字“{err.object[err.start:err.end]}”无法用原编码 {source.encoding} 保存，文件未修改。") from None
    except (UnicodeError, ValueError, LookupError):  # a codec that cannot encode at all
        raise FixError(f"无法用原编码 {source.encoding} 保存，文件未修改。") from None
    return (_BOMS.get(name, b"") if source.bom else b"") + data


def fix_path(path: str, lint: Lint, *, unsafe: bool = False, encoding: str | None = None) -> Outcome:
    """Read, fix and encode one .txt/.md file (nothing is written: see ``write``)."""
    if kind_of(path) not in FIXABLE_KINDS:
        raise FixError(f".{kind_of(path)} 文件不会自动修复，请在 Word、WPS 或原文件中按提示手工修改。")
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        source = load_bytes(data, path, encoding=encoding)
    except OSError as err:
        raise FixError(f"无法读取文件：{err.strerror or err}。") from None
    except SourceError as err:
        raise FixError(str(err)) from None
    try:
        fix_guard.before(source, data, _encoded_or_none(source), encoding)
        outcome = fix_source(source, lint, unsafe=unsafe)
        outcome.raw = data
        if outcome.changed:
            outcome.data = encode(source, outcome.text)
            fix_guard.after(source, data, outcome.text, outcome.data)
    except fix_guard.Unsafe as err:
        raise FixError(str(err)) from None
    return outcome


def _encoded_or_none(source: Source) -> bytes | None:
    try:
        return encode(source, source.text)
    except FixError:
        return None


def write(path: str, data: bytes, expected: bytes) -> None:
    """Replace the file atomically, unless it no longer holds ``expected`` (edited meanwhile)."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        with open(target, "rb") as handle:
            if handle.read() != expected:
                raise FixError("文件在修复期间被其他程序修改，本次未写入。")
        fd, temp = tempfile.mkstemp(prefix=".fzlint-", suffix=".tmp", dir=folder)
    except OSError as err:
        raise FixError(f"无法写入：{err.strerror or err}。") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(target, temp)
        os.replace(temp, target)
    except OSError as err:
        _remove(temp)
        raise FixError(f"无法写入：{err.strerror or err}。") from None
    except BaseException:
        _remove(temp)
        raise


def _copy_mode(source: str, target: str) -> None:
    try:
        os.chmod(target, os.stat(source).st_mode & 0o7777)
    except OSError:
        pass  # a file system without permissions (some mounted shares): keep the default


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
