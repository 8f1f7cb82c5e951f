"""Characters no output can carry: lone surrogates (U+D800–U+DFFF) become U+FFFD.

They reach a str from a PDF font without a ToUnicode map, a .docx ``w:sym`` of D800, text read
with raw_unicode_escape, or a file name that is not valid UTF-8 (os.fsdecode's surrogateescape).
UTF-8 cannot encode them, so one such character would make json.dumps' result unwritable and cost
the whole batch its output. U+FFFD keeps the length, so every offset stays where it was.
"""

from __future__ import annotations

import re

SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def scrub(text: str) -> str:
    """``text`` with every surrogate code point replaced by U+FFFD (the same object when none)."""
    try:  # UTF-8 fails on a surrogate and on nothing else, and encodes several times faster than re scans
        text.encode("utf-8")
    except UnicodeEncodeError:
        return SURROGATE.sub(REPLACEMENT, text)
    return text


def count(text: str) -> int:
    """How many surrogate code points ``text`` holds."""
    return len(SURROGATE.findall(text))
