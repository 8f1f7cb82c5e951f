"""Positions: spans, the normalised→original offset map, and offset→line/column.

Everything inside fzlint works with character offsets; line and column appear only at the edge
(diagnostics, reporters). This module is the one owner of the mapping between the matching view
and the original text, so every position a user sees points into the file as written.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range [start, end) of character offsets."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.end < self.start:
            object.__setattr__(self, "end", self.start)

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


class OffsetMap:
    """Maps offsets of a derived text (the matching view) back to the original text.

    The derived text is the original with some ranges replaced (often by nothing). It is stored as
    segments ``(derived_start, original_start, derived_len, original_len)``: equal lengths mean
    copied text, mapped character by character; anything else is a replacement, whose characters
    all map to its start and whose end maps past its whole original range. So n→1 and 1→n edits
    stay safe and memory grows with the number of edits, not with the size of the file.
    """

    __slots__ = ("_segments", "_keys", "original_length")

    def __init__(self, segments: Sequence[tuple[int, int, int, int]], original_length: int) -> None:
        self._segments = [s for s in segments if s[2] > 0] or [(0, 0, 0, 0)]
        self._keys = [s[0] for s in self._segments]
        self.original_length = original_length

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        return cls([(0, 0, length, length)], length)

    @classmethod
    def from_edits(cls, original: str, edits: Sequence[tuple[int, int, str]]) -> tuple[str, "OffsetMap"]:
        """Apply sorted, non-overlapping ``(start, end, replacement)`` edits; return text and map."""
        pieces: list[str] = []
        segments: list[tuple[int, int, int, int]] = []
        derived = original_pos = 0
        for start, end, replacement in edits:
            if start < original_pos:
                continue  # overlapping edit: the earlier one wins
            if start > original_pos:
                pieces.append(original[original_pos:start])
                segments.append((derived, original_pos, start - original_pos, start - original_pos))
                derived += start - original_pos
            pieces.append(replacement)
            segments.append((derived, start, len(replacement), end - start))
            derived += len(replacement)
            original_pos = end
        if original_pos < len(original):
            rest = len(original) - original_pos
            pieces.append(original[original_pos:])
            segments.append((derived, original_pos, rest, rest))
        return "".join(pieces), cls(segments, len(original))

    def _locate(self, offset: int) -> tuple[int, int, int, int]:
        return self._segments[max(bisect.bisect_right(self._keys, offset) - 1, 0)]

    def start(self, offset: int) -> int:
        """Original offset where derived character ``offset`` begins."""
        d0, o0, dl, ol = self._locate(offset)
        if offset >= d0 + dl:
            return o0 + ol if offset > 0 or dl else o0
        return o0 + (offset - d0) if dl == ol else o0

    def end(self, offset: int) -> int:
        """Original offset just after derived character ``offset - 1`` (an exclusive span end)."""
        if offset <= 0:
            return self.start(0)
        d0, o0, dl, ol = self._locate(offset - 1)
        if dl == ol:
            return o0 + min(offset - d0, dl)
        return o0 + ol

    def span(self, span: Span) -> Span:
        if len(span) == 0:
            at = self.start(span.start)
            return Span(at, at)
        return Span(self.start(span.start), self.end(span.end))


_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Offset → 1-based (line, column) in characters; lines end at \\n, \\r\\n or \\r."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in _BREAK.finditer(text)]  # a regex: 10x faster than a loop
        self._length = len(text)

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._starts[min(max(line, 1), len(self._starts)) - 1]

    def position(self, offset: int) -> tuple[int, int]:
        offset = min(max(offset, 0), self._length)
        row = bisect.bisect_right(self._starts, offset) - 1
        return row + 1, offset - self._starts[row] + 1
