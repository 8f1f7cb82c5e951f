"""How views name a place: 第N段 (a Word paragraph) or 第N行, and the headings above it.

The numbers and heading paths are stamped on every Location by the engine (analysis/places.py);
views only choose the words, the same in the terminal, the tables, HTML, SARIF and JSON.
"""

from __future__ import annotations

SEPARATOR = " › "
TITLE_CHARS = 14  # a heading longer than this is shown cut with "…" (JSON keeps it whole)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TITLE_CHARS else text[:TITLE_CHARS] + "…"


def where(location, kind: str) -> str:
    """第8段 for a .docx (its Word paragraph), 第8行 otherwise."""
    number = location.paragraph or location.line
    return f"第{number}{'段' if kind == 'docx' else '行'}"


def where_exact(location, kind: str) -> str:
    """第8段第12字 / 第8行第12列: with the character, for a finding's own place."""
    if kind == "docx":
        return f"第{location.paragraph or location.line}段第{location.column}字"
    return f"第{location.line}行第{location.column}列"


def label(location, kind: str) -> str:
    """第8段 · 一、2023年度推进法治政府… › （二）坚持严格规范公正文明执法."""
    path = heading_path(location)
    return f"{where(location, kind)} · {path}" if path else where(location, kind)


def heading_path(location) -> str:
    """一、2023年度推进法治政府… › （二）坚持严格规范公正文明执法, each heading shortened."""
    return SEPARATOR.join(_short(h) for h in location.headings)
