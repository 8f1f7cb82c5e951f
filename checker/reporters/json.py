"""JSON output, schema version 1 (design.md). Other tools parse it: extend, never break.

Added to version 1 (keys only added): per file ``verdict`` (return | revise | pass | unchecked,
as RunResult.verdicts decided) and ``missing_parts`` (part ids); in ``summary`` the cross-report
count, the verdict counts and ``skipped``; a top-level ``skipped`` list of the files of a folder
that were left out, with the reason. ``batch`` is in the order every view lists it (the likeliest
copy first); a near-duplicate's ``locations`` come in pairs, one pair per shared passage.
"""

from __future__ import annotations

from typing import Any, Iterator

from .. import __version__
from ..offsets import LineIndex

SCHEMA_VERSION = 1


def file_record(result, verdict=None, *, diagnostics: bool = True) -> dict[str, Any]:
    """The file's record; ``diagnostics=False`` leaves its list empty (json_stream fills it)."""
    source, info = result.source, result.info
    index = LineIndex(source.text) if source and diagnostics else None
    record: dict[str, Any] = {
        "path": result.path,
        "format": result.kind,
        "encoding": source.encoding if source else None,
        "script": info.script if info else None,
        "report_year": info.year if info else None,
        "title": info.title if info else None,
        "issuer": info.issuer if info else None,
        "genre": info.genre or None if info else None,
        "parts": [{"part": p.part, "line": p.line, "heading": p.heading, "how": p.how} for p in info.parts] if info else [],
        "diagnostics": [] if result.error or not diagnostics else [diagnostic_record(d, index) for d in result.diagnostics],
        "error": result.error,
        "verdict": verdict.value if verdict is not None else None,
        "missing_parts": list(info.missing_parts) if info else [],
    }
    return record


def diagnostic_record(d, index: LineIndex | None = None) -> dict[str, Any]:
    return {
        "rule": d.rule,
        "severity": d.severity.label,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "message": d.message,
        "fix": _fix(d.fix, index) if d.fix and index else None,
        "part": d.part,
        "paragraph": d.location.paragraph,  # a .docx: the paragraph as Word counts them; else null
        "heading_path": list(d.location.headings),  # the headings the finding sits under, outermost first
        "related": [{"line": loc.line, "column": loc.column, "end_line": loc.end_line, "end_column": loc.end_column,
                     "paragraph": loc.paragraph} for loc in d.related],
    }


def _fix(fix, index: LineIndex) -> dict[str, Any]:
    edits = []
    for e in fix.edits:
        line, column = index.position(e.span.start)
        end_line, end_column = index.position(e.span.end)
        edits.append({"line": line, "column": column, "end_line": end_line, "end_column": end_column, "text": e.text})
    return {"description": fix.description, "edits": edits, "safe": fix.safe}


def summary(run) -> dict[str, Any]:
    totals = run.totals
    return {"files": totals.files, "errors": totals.errors, "warnings": totals.warnings, "infos": totals.infos,
            "unreadable": totals.unreadable, "cross": totals.cross,
            "verdicts": {v.value: n for v, n in totals.verdicts()}, "skipped": totals.skipped}


def cross_record(d) -> dict[str, Any]:
    """A finding across reports, as the ``batch`` list of design.md has it."""
    return {"rule": d.rule, "severity": d.severity.label, "message": d.message, "share": d.share,
            "locations": [{"path": loc.path, "line": loc.line, "end_line": loc.end_line} for loc in d.locations]}


def document(run) -> dict[str, Any]:
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "fzlint", "version": __version__},
        "files": [file_record(r, v) for r, v in zip(run.files, run.verdicts)],
        "batch": [cross_record(d) for d in run.cross],
        "summary": summary(run),
        "skipped": [{"path": s.path, "reason": s.reason} for s in run.skipped],
    }


def render(run, options=None) -> str:
    return "".join(chunks(run, options))


def chunks(run, options=None) -> Iterator[str]:
    """render()'s text piece by piece, for writing as it is made: 100k findings would otherwise
    need all their records, the encoder's pieces and a 60 MB string at once (some 400 MB)."""
    from .json_stream import stream
    from .summary import ticker

    return stream(run, ticker(options))
