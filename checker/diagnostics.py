"""What checks produce (Finding) and what users see (Diagnostic).

A check only says *where* and *what values*; the engine stamps the rule id, severity, message and
original-text positions. Keeping the two types apart keeps checks free of YAML and of positions.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Mapping

from .offsets import Span


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        return cls[name.upper()]

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Edit:
    """Replace ``span`` (original offsets) with ``text``."""

    span: Span
    text: str


@dataclass(frozen=True)
class Fix:
    """Edits that repair a finding; unsafe ones apply only with --unsafe-fixes."""

    description: str
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True)
class Finding:
    """A raw hit from a check.

    ``span`` is in the matching view unless ``original`` is true. ``kind`` selects the message
    variant declared by the check; ``values`` fill its placeholders. ``severity`` lets a single
    entry of a data-driven rule be stronger or weaker than the rule's default.
    """

    span: Span
    kind: str = "default"
    values: Mapping[str, Any] = field(default_factory=dict)
    fix: Fix | None = None
    severity: Severity | None = None
    original: bool = False


@dataclass(frozen=True)
class Diagnostic:
    """A finding as users see it: rule, severity, message and 1-based positions (design.md)."""

    rule: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int  # original offsets, kept for fixes, baselines and suppressions
    end: int
    fix: Fix | None = None
    part: str | None = None

    @property
    def sort_key(self) -> tuple:
        return (self.start, self.end, self.rule)
