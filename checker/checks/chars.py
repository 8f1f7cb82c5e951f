"""Character classes and line helpers shared by the format/* checks.

Format rules keep asking the same questions ("is this a Chinese character?", "which lines are the
report's own text?", "delete this whole line"); answering them once keeps the rules consistent.
"""

from __future__ import annotations

from ..diagnostics import Edit, Fix
from ..model import Document, Line
from ..offsets import Span

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Chinese punctuation and full-width forms count as "Chinese text" around a half-width mark.
CJK_PUNCT = "\u3000-\u303f\uff01-\uff60\u2018-\u201f\u2026\u2014\u00b7"
def is_han(ch: str) -> bool:
    """A Chinese character (compared by code point: a regex over these ranges costs ~1 ms to compile)."""
    return bool(ch) and ("\u4e00" <= ch[0] <= "\u9fff" or "\u3400" <= ch[0] <= "\u4dbf" or "\uf900" <= ch[0] <= "\ufaff")


def is_cjk(ch: str) -> bool:
    """A Chinese character or a Chinese (full-width) punctuation mark."""
    if not ch:
        return False
    c = ch[0]
    return is_han(c) or "\u3000" <= c <= "\u303f" or "\uff01" <= c <= "\uff60" or "\u2018" <= c <= "\u201f" or c in "\u2026\u2014\u00b7"


def delete_line(doc: Document, line: Line, description: str = "删除该行", *, safe: bool = True) -> Fix:
    """A fix (in matching-view offsets) that removes ``line`` together with its line break."""
    end = min(line.end + 1, len(doc.text))
    return Fix(description, (Edit(Span(line.start, end), ""),), safe=safe)


def filled_lines(doc: Document) -> list[Line]:
    return [line for line in doc.lines if line.content]
