"""Small text-context questions the term checks share: which clause a match sits in, and whether
it stands inside a quoted title.

Term rules judge a word by its clause ("七五普法圆满收官" is history, "深入开展七五普法" is not), so
they need the same notion of a clause; keeping it here keeps the checks short and consistent.
"""

from __future__ import annotations

CLAUSE_ENDS = "，,。；;！!？?：:\n"
SENTENCE_ENDS = "。；;！!？?\n"


def clause(text: str, start: int, end: int, ends: str = CLAUSE_ENDS) -> tuple[int, int]:
    """The clause around text[start:end]: from after the previous delimiter to the next one."""
    left = max(text.rfind(ch, 0, start) for ch in ends) + 1
    rights = [i for i in (text.find(ch, end) for ch in ends) if i >= 0]
    return left, (min(rights) if rights else len(text))


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    return clause(text, start, end, SENTENCE_ENDS)


def inside(text: str, at: int, opening: str, closing: str) -> bool:
    """True when ``at`` is between an opening mark and its closing mark on this line."""
    return text.rfind(opening, 0, at) > text.rfind(closing, 0, at)


def in_title(text: str, at: int) -> bool:
    """Inside 《…》 (a cited document's title)."""
    return inside(text, at, "《", "》")


def quoted(text: str, at: int) -> bool:
    """Inside 《…》 or “…”: words there belong to what is quoted, not to the report's own voice."""
    return in_title(text, at) or inside(text, at, "“", "”")
