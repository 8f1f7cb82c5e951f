"""The JSON document of json.py, written piece by piece: one finding record exists at a time.

The text is exactly ``json.dumps(document(run), ensure_ascii=False, indent=2) + "\\n"``
(a test holds it so): every value is dumped on its own and indented for its depth, which is
what indent=2 does, since JSON strings never hold a raw line break. Only the findings are made
lazily; the rest of a file's record is small.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Iterator

from ..offsets import LineIndex


def stream(run, advance: Callable[[int], None] = lambda n: None) -> Iterator[str]:
    """The document's pieces; ``advance`` is told of each file and finding written (a progress bar)."""
    from . import json as report

    top = {"version": report.SCHEMA_VERSION, "tool": {"name": "fzlint", "version": report.__version__},
           "files": None, "batch": [report.cross_record(d) for d in run.cross], "summary": report.summary(run),
           "skipped": [{"path": s.path, "reason": s.reason} for s in run.skipped]}
    files, verdicts = run.files, run.verdicts
    yield "{\n"
    for i, (key, value) in enumerate(top.items()):
        yield f"  {json.dumps(key)}: "
        if key == "files":
            yield from _list(len(files), lambda k, level: _file(files[k], verdicts[k], report, level, advance), 1)
        else:
            yield _at(value, 1)
        yield ",\n" if i < len(top) - 1 else "\n"
    advance(len(run.cross))
    yield "}\n"


def _file(result, verdict, report, level: int, advance) -> Iterator[str]:
    """One file's record, its findings made one by one as they are written."""
    record = report.file_record(result, verdict, diagnostics=False)
    found = [] if result.error else result.diagnostics
    index = LineIndex(result.source.text) if found else None
    yield "{\n"
    for i, (key, value) in enumerate(record.items()):
        yield f"{_pad(level + 1)}{json.dumps(key)}: "
        if key == "diagnostics":
            yield from _list(len(found), lambda k, at: (_at(report.diagnostic_record(found[k], index), at),), level + 1)
        else:
            yield _at(value, level + 1)
        yield ",\n" if i < len(record) - 1 else "\n"
    advance(1 + len(found))
    yield f"{_pad(level)}}}"


def _list(count: int, item, level: int) -> Iterator[str]:
    """A list of ``count`` items; ``item(k, depth)`` gives the pieces of the k-th."""
    if not count:
        yield "[]"
        return
    yield "[\n"
    for k in range(count):
        yield _pad(level + 1)
        yield from item(k, level + 1)
        yield ",\n" if k < count - 1 else "\n"
    yield f"{_pad(level)}]"


def _at(value: Any, level: int) -> str:
    """``value`` as indent=2 writes it at ``level`` nesting levels deep."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + _pad(level))


def _pad(level: int) -> str:
    return "  " * level
