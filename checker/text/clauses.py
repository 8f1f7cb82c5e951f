"""Small text-context questions the term checks share: which clause a match sits in, and whether
it stands inside a quoted title.

Term rules judge a word by its clause ("七五普法圆满收官" is history, "深入开展七五普法" is not), so
they need the same notion of a clause; keeping it here keeps the checks short and consistent.
"""

from __future__ import annotations

# Where a sentence stops, the one definition: FULL_STOPS end a sentence (the numeric checks split
# there, then at ；), STATEMENT_ENDS also end one statement of a list (；). SENTENCE_ENDS adds the
# half-width forms and the line end, for the bounded lookups below.
FULL_STOPS = "。！？"
STATEMENT_ENDS = FULL_STOPS + "；"
CLAUSE_ENDS = "，,。；;！!？?：:\n"
SENTENCE_ENDS = "。；;！!？?\n"
# How far a clause or an open mark is looked for on either side of a match. Real clauses run to
# a few dozen characters and titles to about a hundred; the bound keeps each lookup constant on
# a line of megabytes (one 20 MB line of terms took 159 s when every match scanned to its start).
REACH = 300
MARK_REACH = 1000


def clause(text: str, start: int, end: int, ends: str = CLAUSE_ENDS) -> tuple[int, int]:
    """The clause around text[start:end]: from after the previous delimiter to the next one, at
    most REACH characters either side."""
    low, high = max(0, start - REACH), min(len(text), end + REACH)
    left = max(text.rfind(ch, low, start) for ch in ends)
    rights = [i for i in (text.find(ch, end, high) for ch in ends) if i >= 0]
    return (left + 1 if left >= 0 else low), (min(rights) if rights else high)


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    return clause(text, start, end, SENTENCE_ENDS)


def inside(text: str, at: int, opening: str, closing: str) -> bool:
    """True when ``at`` is between an opening mark and its closing mark on this line (an opening
    mark more than MARK_REACH characters back does not count)."""
    low = max(0, at - MARK_REACH)
    return text.rfind(opening, low, at) > text.rfind(closing, low, at)


def in_title(text: str, at: int) -> bool:
    """Inside 《…》 (a cited document's title)."""
    return inside(text, at, "《", "》")


def quoted(text: str, at: int) -> bool:
    """Inside 《…》 or “…”: words there belong to what is quoted, not to the report's own voice."""
    return in_title(text, at) or inside(text, at, "“", "”")
