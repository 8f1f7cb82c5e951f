"""What a run produces: one frozen FileResult per file and a RunResult for the run, plus the small
summary of each report (ReportInfo) that every reporter reads.

Results never change once made: filters (per-file ignores, the baseline) return new results, so
every reporter of one run sees the same findings, and the counts and each report's verdict
(需退回 / 建议修改 / 可通过 / 无法检查) are computed in one place (RunResult.totals, .verdicts) for
the terminal, JSON, CSV, Excel, HTML and the exit code alike.
"""

from __future__ import annotations

import enum
import os
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Callable, Iterable

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
        """txt | md | docx | pdf: how the file was read, or would have been (doc, wps… for a format
        fzlint cannot read)."""
        from .sources import kind_of

        if self.source is not None:
            return self.source.kind
        kind, ext = kind_of(self.path), os.path.splitext(self.path)[1].lower()
        return ext[1:] if kind == "txt" and ext not in ("", ".txt") else kind

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


class Verdict(enum.Enum):
    """What a reviewer does with a submission; every output shows the same one."""

    RETURN = "return"  # 需退回: sent back (by default: an error)
    REVISE = "revise"  # 建议修改: to be fixed before filing (by default: a warning)
    PASS = "pass"  # 可通过
    UNCHECKED = "unchecked"  # 无法检查: the file could not be read; it is asked for again

    @property
    def label(self) -> str:
        return _VERDICT_LABELS[self]


_VERDICT_LABELS = {Verdict.RETURN: "需退回", Verdict.REVISE: "建议修改", Verdict.PASS: "可通过", Verdict.UNCHECKED: "无法检查"}


@dataclass(frozen=True)
class VerdictPolicy:
    """Which findings decide a verdict (config ``verdict:``): a finding at or above ``*_at``, or of
    one of the ``*_rules`` (ids resolved from the configured prefixes), whatever its severity."""

    return_at: Severity | None = Severity.ERROR
    return_rules: frozenset[str] = frozenset()
    revise_at: Severity | None = Severity.WARNING
    revise_rules: frozenset[str] = frozenset()

    def of(self, findings: Iterable[Diagnostic], error: str | None = None) -> Verdict:
        if error:
            return Verdict.UNCHECKED
        revise = False
        for d in findings:
            if _decides(d, self.return_at, self.return_rules):
                return Verdict.RETURN
            revise = revise or _decides(d, self.revise_at, self.revise_rules)
        return Verdict.REVISE if revise else Verdict.PASS


def _decides(d: Diagnostic, at: Severity | None, rules: frozenset[str]) -> bool:
    return (at is not None and d.severity >= at) or d.rule in rules


@dataclass(frozen=True)
class Skipped:
    """A file of a folder that is no submission (an annotated copy, this run's output), and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Totals:
    """The counts of one run, computed once: every reporter and the exit code read these."""

    files: int
    errors: int
    warnings: int
    infos: int
    cross: int  # cross-report findings
    unreadable: int
    returned: int = 0  # verdicts: 需退回 …
    revise: int = 0  # … 建议修改 …
    passed: int = 0  # … 可通过 …
    unchecked: int = 0  # … 无法检查 (the same files as ``unreadable``)
    skipped: int = 0  # files of a folder left out with a note (RunResult.skipped)

    def of(self, severity: Severity) -> int:
        return {Severity.ERROR: self.errors, Severity.WARNING: self.warnings, Severity.INFO: self.infos}[severity]

    def verdicts(self) -> tuple[tuple[Verdict, int], ...]:
        return ((Verdict.RETURN, self.returned), (Verdict.REVISE, self.revise), (Verdict.PASS, self.passed),
                (Verdict.UNCHECKED, self.unchecked))


@dataclass(frozen=True)
class RunResult:
    """Every file's result in input order, and the findings that span several files.

    ``cross`` is in the order every view lists it: the likeliest copy first (rules/cross.py).
    Verdicts and totals are computed here, once, from the policy the run was configured with.
    """

    files: tuple[FileResult, ...]
    cross: tuple[Diagnostic, ...] = ()
    notes: tuple[str, ...] = field(default=())  # what the run said about itself (baseline, ignored files)
    policy: VerdictPolicy = field(default=VerdictPolicy())
    skipped: tuple[Skipped, ...] = ()

    @cached_property
    def cross_of(self) -> dict[str, tuple[Diagnostic, ...]]:
        """path → the cross-report findings naming it, in ``cross`` order."""
        found: dict[str, list[Diagnostic]] = defaultdict(list)
        for finding in self.cross:
            for path in dict.fromkeys(loc.path for loc in finding.locations):
                found[path].append(finding)
        return {path: tuple(items) for path, items in found.items()}

    @cached_property
    def verdicts(self) -> tuple[Verdict, ...]:
        """Each file's verdict, in input order: its own findings and the cross-report ones against it
        (every file a finding names, or only the first when the others are where it was copied from)."""
        against: dict[str, list[Diagnostic]] = defaultdict(list)
        for finding in self.cross:
            for path in dict.fromkeys(loc.path for loc in finding.locations[:1 if finding.blames_first else None]):
                against[path].append(finding)
        return tuple(self.policy.of((*r.diagnostics, *against.get(r.path, ())), r.error) for r in self.files)

    @cached_property
    def totals(self) -> Totals:
        diags = [d for r in self.files for d in r.diagnostics]
        verdicts = self.verdicts
        return Totals(
            files=len(self.files),
            errors=sum(1 for d in diags if d.severity == Severity.ERROR),
            warnings=sum(1 for d in diags if d.severity == Severity.WARNING),
            infos=sum(1 for d in diags if d.severity == Severity.INFO),
            cross=len(self.cross),
            unreadable=sum(1 for r in self.files if r.error),
            returned=verdicts.count(Verdict.RETURN),
            revise=verdicts.count(Verdict.REVISE),
            passed=verdicts.count(Verdict.PASS),
            unchecked=verdicts.count(Verdict.UNCHECKED),
            skipped=len(self.skipped),
        )

    def worst_at_least(self, level: Severity) -> bool:
        return any(d.severity >= level for r in self.files for d in r.diagnostics) or \
            any(d.severity >= level for d in self.cross)
