"""Character classes: what counts as a Chinese character or Chinese punctuation, and how wide text shows.

Format rules, the line-break signals and the quantity reader keep asking "is this a Chinese
character?"; answering it once, by code point, keeps them consistent (and cheap to import).
"""

from __future__ import annotations

import unicodedata

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


def display_width(text: str) -> int:
    """Display columns: a wide or full-width character (East Asian Width W or F) takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
