"""Aggregates over one run's results, shared by the terminal, CSV, Excel and HTML views.

Counting and sorting only: one row per file (its verdict as the run computed it, worst first),
counts per rule and per part, the headline lines, and the text a finding points at. Nothing here
looks for problems or decides a verdict.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable

from ..diagnostics import Severity
from ..results import Verdict

from .chrome import Chrome
from .labels import NO_PART, SEVERITY_LABEL
from .places import label, where

EXCERPT_CHARS = 60


@dataclass(frozen=True)
class FileRow:
    """One row of the batch table: the verdict, who reported, which year, what is missing, how bad."""

    index: int  # position in the run's input order
    path: str
    kind: str  # docx | txt | md | pdf, or the format that could not be read (doc, wps…)
    issuer: str
    year: int | None
    parts: tuple[str, ...]
    missing: tuple[str, ...]  # required parts its findings report missing
    labels: dict  # part id → (label, short, tiny), from the report's genre
    errors: int
    warnings: int
    infos: int
    cross: int  # cross-report findings naming this file
    worst: Severity | None  # over the file's own and its cross-report findings
    worst_rule: str  # the first finding at the worst severity ("" when none)
    worst_message: str
    error: str | None  # the file could not be read
    verdict: Verdict = Verdict.PASS

    @property
    def worst_text(self) -> str:
        if self.error:
            return f"无法检查：{self.error}"
        return f"{self.worst_rule}：{self.worst_message}" if self.worst_rule else "未发现问题"

    def _label(self, part: str, width: int) -> str:
        return self.labels.get(part, (part, part, part))[width]

    @property
    def parts_text(self) -> str:
        return "、".join(self._label(p, 1) for p in self.parts) or "未识别"

    @property
    def missing_text(self) -> str:
        """The required parts this report lacks (by its findings), named in full as its genre names
        them: the same column, the same words in the terminal, HTML, Excel and CSV."""
        if self.error:
            return "—"
        return "、".join(self._label(p, 0) for p in self.missing) or "齐全"

    @property
    def parts_tiny(self) -> str:
        return "·".join(self._label(p, 2) for p in self.parts) or "未识别"


def file_rows(run) -> list[FileRow]:
    """One row per file, in input order, with the verdict the run computed."""
    cross = run.cross_of
    return [_row(i, r, cross.get(r.path, ()), v) for i, (r, v) in enumerate(zip(run.files, run.verdicts))]


def _row(index: int, result, cross, verdict: Verdict) -> FileRow:
    info = result.info
    counts = Counter(d.severity for d in result.diagnostics)
    candidates = [(d.severity, d.rule, d.message) for d in result.diagnostics]
    candidates += [(f.severity, f.rule, f.message) for f in cross]
    worst = max((c[0] for c in candidates), default=None)
    _, rule, message = next((c for c in candidates if c[0] == worst), (None, "", ""))
    return FileRow(
        index=index, path=result.path, kind=result.kind, issuer=(info.issuer if info else None) or "",
        year=info.year if info else None, parts=info.part_names if info else (),
        missing=info.missing_parts if info else (), labels={lab.part: (lab.label, lab.short, lab.tiny) for lab in info.labels} if info else {},
        errors=counts[Severity.ERROR], warnings=counts[Severity.WARNING], infos=counts[Severity.INFO],
        cross=len(cross), worst=worst, worst_rule=rule, worst_message=message, error=result.error, verdict=verdict,
    )


_VERDICT_RANK = {Verdict.UNCHECKED: 0, Verdict.RETURN: 1, Verdict.REVISE: 2, Verdict.PASS: 3}


def worst_first(rows: list[FileRow]) -> list[FileRow]:
    """Unreadable files first, then by verdict, worst severity and counts; ties keep input order."""
    return sorted(rows, key=lambda r: (_VERDICT_RANK[r.verdict], -(r.worst or 0), -r.errors, -r.warnings, -r.cross,
                                       -r.infos, r.index))


@dataclass(frozen=True)
class RuleStat:
    """How often one rule fired in a run, and in how many files (--statistics)."""

    rule: str
    severity: Severity  # the most severe level the rule was reported at
    count: int
    files: int


def rule_stats(results, batch=()) -> list[RuleStat]:
    """Findings per rule (most frequent first); cross-report findings count once each."""
    count: Counter = Counter()
    files: dict[str, set] = defaultdict(set)
    level: dict[str, Severity] = {}
    for result in results:
        for d in result.diagnostics:
            count[d.rule] += 1
            files[d.rule].add(result.path)
            level[d.rule] = max(level.get(d.rule, d.severity), d.severity)
    for f in batch:
        count[f.rule] += 1
        files[f.rule].update(loc.path for loc in f.locations)
        level[f.rule] = max(level.get(f.rule, Severity.INFO), f.severity)
    return [RuleStat(rule, level[rule], n, len(files[rule])) for rule, n in sorted(count.items(), key=lambda x: (-x[1], x[0]))]


def part_counts(results) -> list[tuple[str, int]]:
    """Findings per part of the report (Chinese label), in the genres' order."""
    count = Counter(d.part for r in results for d in r.diagnostics)
    labels = {lab.part: lab.short for r in results if r.info for lab in r.info.labels}
    rows = [(label, count[p]) for p, label in labels.items() if count[p]]
    if count[None]:
        rows.append((NO_PART, count[None]))
    return rows


def verdict_line(totals) -> str:
    """共62份：需退回9份，建议修改30份，可通过23份 (and 无法检查 when a file could not be read)."""
    return Chrome().verdicts(totals)


def totals_line(totals) -> str:
    """The one-line count of a run, the same in every view (RunResult.totals is computed once)."""
    return Chrome().totals(totals)


def skipped_line(item, chrome: Chrome | None = None) -> str:
    return (chrome or Chrome())("skipped", path=item.path, reason=item.reason)


def ticker(options) -> "Callable[[int], None]":
    """The progress callback a command passes in ``options["advance"]`` (rows written), or a no-op."""
    return (options or {}).get("advance") or (lambda n: None)


def excerpt(text: str | None, start: int, end: int, limit: int = EXCERPT_CHARS) -> str:
    """The original text a finding points at, on one line; its line when the span is empty."""
    if not text:
        return ""
    if end <= start:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        start, end = line_start, len(text) if line_end < 0 else line_end
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= limit else piece[:limit - 1] + "…"


def line_excerpt(text: str | None, line: int, end_line: int, limit: int = EXCERPT_CHARS) -> str:
    """Lines ``line``..``end_line`` (1-based) of ``text`` on one line, shortened."""
    if not text:
        return ""
    lines = text.splitlines()[max(line - 1, 0):end_line]
    piece = " ".join(" ".join(lines).split())
    return piece if len(piece) <= limit else piece[:limit - 1] + "…"


@dataclass(frozen=True)
class FindingRow:
    """One line of a findings table (CSV, the Excel findings sheet)."""

    index: int  # the file's position in input order
    path: str
    line: int | None
    column: int | None
    part: str  # Chinese label, "" when the finding is in no part
    rule: str
    level: str  # 错误 | 警告 | 提示 | 无法检查 | "" (a file without findings)
    severity: Severity | None
    message: str
    excerpt: str
    verdict: str = ""  # the file's verdict (需退回…)
    missing: str = ""  # the file's missing parts, in full
    place: str = ""  # 第8段 · 一、… › （二）… (places.label): how every view names the spot


def finding_rows(run, *, clean: bool = False) -> list[FindingRow]:
    """Every finding, file by file in input order; a file's cross-report findings follow its own.

    With ``clean`` a file without findings has a row too (未发现问题), so every file is in the table.
    """
    rows: list[FindingRow] = []
    for file_row, result in zip(file_rows(run), run.files):
        rows.extend(_finding_rows(file_row, result, run.cross_of.get(result.path, ()), clean))
    return rows


def _finding_rows(row: FileRow, result, cross, clean: bool) -> list[FindingRow]:
    text = result.source.text if result.source else None
    common = {"verdict": row.verdict.label, "missing": row.missing_text}
    index, path = row.index, result.path
    if result.error:
        return [FindingRow(index, path, None, None, "", "", "无法检查", None, result.error, "", **common)]
    rows = []
    kind = result.kind
    for d in result.diagnostics:
        part = result.info.label(d.part) if d.part and result.info else ""
        rows.append(FindingRow(index, path, d.location.paragraph or d.line, d.column, part, d.rule,
                               SEVERITY_LABEL[d.severity], d.severity, d.message, excerpt(text, d.start, d.end),
                               place=label(d.location, kind), **common))
    for f in cross:
        loc = next(loc for loc in f.locations if loc.path == path)
        rows.append(FindingRow(index, path, loc.line, None, "", f.rule, SEVERITY_LABEL[f.severity],
                               f.severity, f.message, line_excerpt(text, loc.line, loc.end_line),
                               place=where(loc, kind), **common))
    if not rows and clean:
        rows.append(FindingRow(index, path, None, None, "", "", "", None, "未发现问题", "", **common))
    return rows
