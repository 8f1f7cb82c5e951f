"""What a run produces: one frozen FileResult per file and a RunResult for the run, plus the small
summary of each report (ReportInfo) that every reporter reads.

Results never change once made: filters (per-file ignores, the baseline) return new results, so
every reporter of one run sees the same findings, and the counts are computed in one place
(RunResult.totals) for the terminal, JSON, CSV, Excel, HTML and the exit code alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable

from .diagnostics import Diagnostic, Severity


@dataclass(frozen=True)
class PartRef:
    """Where one part of the report was found, and how."""

    part: str  # a part id of the genre: achievements | first_responsible | shortcomings | next_year | other
    line: int  # 1-based line in the original text
    heading: str
    how: str  # heading | nested | topics | inline


@dataclass(frozen=True)
class PartLabel:
    """How reporters name one part of the genre: in full, in a table, in the narrowest column."""

    part: str
    label: str
    short: str
    tiny: str


@dataclass(frozen=True)
class ReportInfo:
    """What reporters show about a report besides its findings; small and picklable.

    A parsed Document is ~45 KB pickled; a worker process sends this (~1 KB) instead, so every
    reporter reads year, issuer, title and parts from here, in-process or not.
    """

    script: str  # simplified | traditional | mixed
    year: int | None
    title: str | None
    issuer: str | None
    parts: tuple[PartRef, ...]
    genre: str = ""
    labels: tuple[PartLabel, ...] = ()  # every part of the genre, in its order
    missing: tuple[tuple[str, str], ...] = ()  # (part id, rule id) of each part a finding reports missing

    @property
    def part_names(self) -> tuple[str, ...]:
        return tuple(p.part for p in self.parts)

    @property
    def missing_parts(self) -> tuple[str, ...]:
        """Required parts the findings report missing, in the genre's order."""
        return tuple(part for part, _ in self.missing)

    def missing_part_of(self, rule_id: str) -> str | None:
        """The part a required-part finding of ``rule_id`` reports missing, or None."""
        return next((part for part, rule in self.missing if rule == rule_id), None)

    def label(self, part: str | None, width: str = "short") -> str:
        """The part's label (``label``, ``short`` or ``tiny``); an unknown id is shown as is."""
        found = next((lab for lab in self.labels if lab.part == part), None)
        return getattr(found, width) if found else (part or "")


@dataclass(frozen=True)
class OutlineNode:
    """One heading of a report's outline as `fzlint outline` shows it."""

    marker: str  # the canonical marker of its level: 一、 （一） 1. （1）
    title: str
    line: int  # 1-based, in the file as read
    part: str  # the short label of the part it belongs to, "" for none
    children: tuple["OutlineNode", ...] = ()


@dataclass(frozen=True)
class Outline:
    """A report's heading tree and where each part of its genre was found."""

    title: str
    year: int | None
    issuer: str | None
    nodes: tuple[OutlineNode, ...]
    parts: tuple[tuple[str, int | None, str | None], ...]  # (label, line, how) per part of the genre; None: not found


@dataclass(frozen=True)
class FileResult:
    """One file's outcome: its findings, or the error that stopped it (exit code 2)."""

    path: str
    source: Any = None  # sources.Source: the text as read (None when unreadable)
    document: Any = None  # document.model.Document; dropped by worker processes
    facts: Any = None  # analysis.facts.Facts; dropped by worker processes
    diagnostics: tuple[Diagnostic, ...] = ()
    error: str | None = None
    info: ReportInfo | None = None  # what reporters show; survives when document/facts are dropped
    analysis: Any = None  # analysis.Analysis (cross-report checks read it); dropped by workers

    @property
    def kind(self) -> str:
        """txt | md | docx | pdf: how the file was read, or would have been."""
        from .sources import kind_of

        return self.source.kind if self.source is not None else kind_of(self.path)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)

    @property
    def worst(self) -> Severity | None:
        return max((d.severity for d in self.diagnostics), default=None)

    def keeping(self, keep: Callable[[Diagnostic], bool]) -> "FileResult":
        """The same result with only the findings ``keep`` accepts (and its missing parts updated)."""
        kept = tuple(d for d in self.diagnostics if keep(d))
        if len(kept) == len(self.diagnostics):
            return self
        info = self.info
        if info is not None and info.missing:
            fired = {d.rule for d in kept}
            info = replace(info, missing=tuple((p, r) for p, r in info.missing if r in fired))
        return replace(self, diagnostics=kept, info=info)

    def slim(self) -> "FileResult":
        """Without the parsed document and its analysis: what a worker process sends back."""
        return replace(self, document=None, facts=None, analysis=None)


@dataclass(frozen=True)
class Totals:
    """The counts of one run, computed once: every reporter and the exit code read these."""

    files: int
    errors: int
    warnings: int
    infos: int
    cross: int  # cross-report findings
    unreadable: int

    def of(self, severity: Severity) -> int:
        return {Severity.ERROR: self.errors, Severity.WARNING: self.warnings, Severity.INFO: self.infos}[severity]


@dataclass(frozen=True)
class RunResult:
    """Every file's result in input order, and the findings that span several files."""

    files: tuple[FileResult, ...]
    cross: tuple[Diagnostic, ...] = ()
    notes: tuple[str, ...] = field(default=())  # what the run said about itself (baseline, ignored files)

    @property
    def totals(self) -> Totals:
        diags = [d for r in self.files for d in r.diagnostics]
        return Totals(
            files=len(self.files),
            errors=sum(1 for d in diags if d.severity == Severity.ERROR),
            warnings=sum(1 for d in diags if d.severity == Severity.WARNING),
            infos=sum(1 for d in diags if d.severity == Severity.INFO),
            cross=len(self.cross),
            unreadable=sum(1 for r in self.files if r.error),
        )

    def worst_at_least(self, level: Severity) -> bool:
        return any(d.severity >= level for r in self.files for d in r.diagnostics) or \
            any(d.severity >= level for d in self.cross)
