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
    related: tuple[Span, ...] = ()  # other places the finding is about (a figure stated twice)


@dataclass(frozen=True)
class Location:
    """A place in a file: 1-based lines and columns (characters), and original-text offsets.

    ``path`` is None for a place in the file the diagnostic belongs to; a cross-report finding
    names the file of each of its places. Offsets are None where only lines are known.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    start: int | None = None
    end: int | None = None
    path: str | None = None
    paragraph: int | None = None  # a .docx: the Word paragraph (line counts manual line breaks too)
    headings: tuple[str, ...] = ()  # the headings the place sits under, outermost first


@dataclass(frozen=True)
class Diagnostic:
    """A finding as users see it: rule, severity, message, its place and any related places.

    Per-file findings have one ``location`` in their file; a cross-report finding (a passage two
    submissions share) has its first place as ``location`` and the others in ``related``, each
    with its path, and ``share`` (the part of the smaller report that is shared). ``blames_first``:
    the finding is against the first place's file only, the related places are its evidence (the
    report a passage was copied from), so only that file's verdict counts it.
    """

    rule: str
    severity: Severity
    message: str
    location: Location
    fix: Fix | None = None
    part: str | None = None
    related: tuple[Location, ...] = ()
    share: float | None = None
    blames_first: bool = False

    @property
    def locations(self) -> tuple[Location, ...]:
        return (self.location, *self.related)

    @property
    def line(self) -> int:
        return self.location.line

    @property
    def column(self) -> int:
        return self.location.column

    @property
    def end_line(self) -> int:
        return self.location.end_line

    @property
    def end_column(self) -> int:
        return self.location.end_column

    @property
    def start(self) -> int:
        """Original offset where the finding begins (fixes, baselines and suppressions use it)."""
        return self.location.start if self.location.start is not None else 0

    @property
    def end(self) -> int:
        return self.location.end if self.location.end is not None else self.start

    @property
    def sort_key(self) -> tuple:
        return (self.start, self.end, self.rule)
