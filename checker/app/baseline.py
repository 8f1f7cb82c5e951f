"""Baselines: accept today's findings once, then report only new ones.

A finding is remembered by rule, path (relative to the baseline file's folder) and a fingerprint
of what it points at: its line's text and the flagged text, whitespace removed and digits kept
(a changed figure is a new finding), plus its occurrence index among findings with the same rule
and fingerprint in that file. There are no line numbers in it, so lines inserted above a finding
leave it recognised. ``line`` and ``message`` are written only for people reading the file.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from typing import Any, Iterable, Iterator

from .. import __version__

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message names the file."""


def fingerprint(rule: str, text: str, start: int, end: int) -> str:
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    line_end = min((i for i in (text.find("\n", start), text.find("\r", start)) if i >= 0), default=len(text))
    key = "\x1f".join((rule, _squash(text[line_start:line_end]), _squash(text[start:end])))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def _squash(text: str) -> str:
    return "".join(text.split())


def _relative(path: str, base_dir: str) -> str:
    if path.startswith("<"):
        return path
    try:
        return os.path.relpath(os.path.abspath(path), os.path.abspath(base_dir)).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return os.path.abspath(path).replace(os.sep, "/")


def entries(results: Iterable, base_dir: str) -> Iterator[dict[str, Any]]:
    for result in results:
        if result.error or result.source is None:
            continue
        path = _relative(result.path, base_dir)
        seen: Counter = Counter()
        for d in result.diagnostics:
            fp = fingerprint(d.rule, result.source.text, d.start, d.end)
            yield {"rule": d.rule, "path": path, "fingerprint": fp, "occurrence": seen[(d.rule, fp)],
                   "line": d.line, "message": d.message}
            seen[(d.rule, fp)] += 1


def write(path: str, results: Iterable) -> int:
    found = sorted(entries(results, os.path.dirname(os.path.abspath(path))), key=lambda e: (e["path"], e["line"], e["rule"]))
    data = {"version": VERSION, "tool": {"name": "fzlint", "version": __version__}, "findings": found}
    from .output import OutputError, write as write_output

    try:  # atomically, and an undecodable file name cannot make the write fail halfway
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", path)
    except OutputError as err:
        raise BaselineError(f"无法写入基线文件：{err}") from None
    return len(found)


def load(path: str) -> set[tuple[str, str, str, int]]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        return {(e["rule"], e["path"], e["fingerprint"], int(e["occurrence"])) for e in data["findings"]}
    except OSError as err:
        raise BaselineError(f"{path}: 无法读取基线文件：{err.strerror or err}") from None
    except (ValueError, KeyError, TypeError) as err:
        raise BaselineError(f"{path}: 不是 fzlint 基线文件（{type(err).__name__}: {err}）。可用 --write-baseline 重新生成。") from None


def drop_known(results: Iterable, known: set, baseline_path: str) -> tuple[list, int]:
    """The results without the findings recorded in the baseline, and how many were dropped."""
    base_dir = os.path.dirname(os.path.abspath(baseline_path))
    kept, removed = [], 0
    for result in results:
        if result.error or result.source is None:
            kept.append(result)
            continue
        known_here = {id(d) for d, e in zip(result.diagnostics, entries([result], base_dir))
                      if (e["rule"], e["path"], e["fingerprint"], e["occurrence"]) in known}
        removed += len(known_here)
        kept.append(result.keeping(lambda d: id(d) not in known_here))
    return kept, removed
