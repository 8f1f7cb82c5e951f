"""Character classes and line helpers shared by the format/* checks.

Format rules keep asking the same questions ("is this a Chinese character?", "which lines are the
report's own text?", "delete this whole line"); answering them once keeps the rules consistent.
"""

from __future__ import annotations

import re
from ..diagnostics import Edit, Fix
from ..model import Document, Line
from ..offsets import Span

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Chinese punctuation and full-width forms count as "Chinese text" around a half-width mark.
CJK_PUNCT = "\u3000-\u303f\uff01-\uff60\u2018-\u201f\u2026\u2014\u00b7"
_HAN_RE = re.compile(f"[{HAN}]")
_CJK_RE = re.compile(f"[{HAN}{CJK_PUNCT}]")


def is_han(ch: str) -> bool:
    return bool(ch) and _HAN_RE.match(ch) is not None


def is_cjk(ch: str) -> bool:
    """A Chinese character or a Chinese (full-width) punctuation mark."""
    return bool(ch) and _CJK_RE.match(ch) is not None


def delete_line(doc: Document, line: Line, description: str = "删除该行", *, safe: bool = True) -> Fix:
    """A fix (in matching-view offsets) that removes ``line`` together with its line break."""
    end = min(line.end + 1, len(doc.text))
    return Fix(description, (Edit(Span(line.start, end), ""),), safe=safe)


def filled_lines(doc: Document) -> list[Line]:
    return [line for line in doc.lines if line.content]
