"""The matching view: one canonical spelling of the text, for rules to match against.

Reports reach us with full-width Latin letters, half-width Chinese punctuation, zero-width
characters, pinyin readings inserted by web converters (政(zhèng)府), PDF wrap breaks and
Traditional characters. Rules should not have to know any of that, so they match against this view;
every position still maps back to the original through the OffsetMap (offsets.py). Nothing here is
ever written back to the user's file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..offsets import OffsetMap, Span
from ..sources import Source


@dataclass(frozen=True)
class Artifact:
    """Something odd seen while normalising, for format rules to report (span in the original)."""

    kind: str  # pinyin | zero-width
    span: Span
    text: str


@dataclass(frozen=True)
class Normalized:
    """The matching view of a source, with the map back to original offsets."""

    text: str
    map: OffsetMap
    artifacts: tuple[Artifact, ...]
    script: str  # simplified | traditional | mixed
    traditional_count: int


# The paren first, then the ideograph before it: a pattern that opens with a character (not a
# lookbehind) is scanned for that character in C instead of being tried at every position.
_PINYIN = re.compile(
    r"[(（](?<=[\u4e00-\u9fff][(（])([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[1-5]?)[)）]"
)
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]+")
_CR = re.compile(r"\r(?=\n)")
# fzlint's own comments (suppress.py); masked so that no rule, nor the outline, sees them
FZLINT_COMMENT = re.compile(r"<!--[ \t]*fzlint(?P<body>[^\r\n]*?)-->")
_COMMENT_LINE = re.compile(r"^[ \t]*<!--[ \t]*fzlint[^\r\n]*?-->[ \t]*(?:\r\n|\r|\n|$)", re.M)
_MD_MARKUP = re.compile(r"^(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+(?=\S))|\*\*|__", re.M)
# ASCII punctuation inside Chinese text: folded to the full-width form, except between digits (1,234 10:30).
# (?<![0-9][,:]) after the mark is (?<![0-9]) before it, and lets the scan look for the mark in C.
_COMMA_COLON = re.compile(r"[,:](?:(?<![0-9][,:])|(?![0-9]))")
_ASCII_TO_WIDE = str.maketrans({";": "；", "?": "？", "!": "！", "(": "（", ")": "）"})
_ASCII_MARKS = ";?!()"
_ASCII_RUNS = re.compile(r"[;?!()]+")
_COMMA_COLON_WIDE = {",": "，", ":": "："}


@lru_cache(maxsize=1)
def _width_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII block → ASCII
        table[code] = chr(code - 0xFEE0)
    for keep in "，；：？！（）":  # … except the punctuation that is canonical in Chinese text
        table.pop(ord(keep), None)
    table.update({0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x202F: " "})
    table.update({0xFF61: "。", 0xFF64: "、", 0xFF62: "「", 0xFF63: "」", ord("\r"): "\n"})
    return table


@lru_cache(maxsize=2)
def traditional_table(full: bool = False) -> dict[int, str]:
    """Traditional character → Simplified, from OpenCC's character table (1:1, so offsets stay exact).

    The default table maps only characters that are never Simplified themselves, so a Simplified
    report (with a name like 乾塘) is left untouched. ``full`` also maps characters both scripts
    use (於→于, 乾→干): right for a text that is Traditional as a whole.
    """
    import importlib.util

    # Data only (OpenCC's phrase converter would change lengths); find_spec locates the package
    # without importing it, which would pull in json and the regex module for nothing.
    spec = importlib.util.find_spec("opencc")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("No module named 'opencc'", name="opencc")
    path = f"{list(spec.submodule_search_locations)[0]}/dictionary/TSCharacters.txt"
    table: dict[int, str] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[1]) == 1 and parts[1] != parts[0]:
                if full or parts[0] not in parts[1:]:
                    table[ord(parts[0])] = parts[1]
    return table


@lru_cache(maxsize=1)
def _traditional_only() -> frozenset[str]:
    """The characters of the default table, as a set a text can be tested against in one call."""
    return frozenset(map(chr, traditional_table()))


_CHAR_REF = re.compile(r"&#([0-9]+);")


def _maybe_traditional(text: str) -> bool:
    """False only when ``text`` holds no character of the default table (``_traditional_only``).

    GB2312 encodes Simplified text in C, far faster than a set lookup per character: a character
    it cannot encode comes out as &#N; and is looked up alone, and the few table characters it can
    encode are tested with ``in``. A &#N; the author wrote only costs a lookup too."""
    if any(ch in text for ch in _traditional_in_gb2312()):
        return True
    encoded = text.encode("gb2312", "xmlcharrefreplace")
    if b"&#" not in encoded:
        return False  # GB2312 encoded it all
    strict = _traditional_only()
    return any(chr(int(n)) in strict for n in _CHAR_REF.findall(encoded.decode("latin-1")))


@lru_cache(maxsize=1)
def _traditional_in_gb2312() -> str:
    """The characters of the default table that GB2312 also encodes (a handful: 後 摺 菸…)."""
    return "".join(sorted(_traditional_only())).encode("gb2312", "ignore").decode("gb2312")


@lru_cache(maxsize=1)
def _width_runs() -> re.Pattern:
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_width_table())) + "]+")


def _translate(text: str, table: dict[int, str], runs: re.Pattern) -> str:
    """``text.translate(table)`` over the runs of characters the table changes only.

    str.translate looks every character up in the table (about 50 ns each); a report has few
    characters to change, so finding them first is several times faster.
    """
    return runs.sub(lambda m: m.group().translate(table), text)


def simplify(text: str, script: str) -> str:
    """``text`` in Simplified characters as the matching view spells it, for a document of ``script``."""
    if script == "simplified":
        return text
    return text.translate(traditional_table(full=script == "traditional"))


def normalize(source: Source) -> Normalized:
    text = source.text
    folded = _translate(text, _width_table(), _width_runs())
    strict = _traditional_only()
    count = sum(1 for ch in folded if ch in strict) if _maybe_traditional(folded) else 0
    script = _script(folded, count)
    folded = simplify(folded, script)
    if any(ch in folded for ch in _ASCII_MARKS):  # `in` finds a character far faster than a class scan
        folded = _translate(folded, _ASCII_TO_WIDE, _ASCII_RUNS)
    if "," in folded or ":" in folded:
        folded = _COMMA_COLON.sub(lambda m: _COMMA_COLON_WIDE[m.group()], folded)
    edits, artifacts = _deletions(source, folded)
    view, offset_map = OffsetMap.from_edits(folded, edits)
    return Normalized(view, offset_map, tuple(artifacts), script, count)


def _deletions(source: Source, folded: str) -> tuple[list[tuple[int, int, str]], list[Artifact]]:
    edits: list[tuple[int, int, str]] = []
    artifacts: list[Artifact] = []
    for m in _PINYIN.finditer(folded):
        edits.append((m.start(), m.end(), ""))
        artifacts.append(Artifact("pinyin", Span(m.start(), m.end()), source.text[m.start():m.end()]))
    for m in _ZERO_WIDTH.finditer(folded) if any(ch in folded for ch in _ZERO_WIDTH_CHARS) else ():
        edits.append((m.start(), m.end(), ""))
        if m.start() > 0:  # a BOM at the very start is not worth a finding
            artifacts.append(Artifact("zero-width", Span(m.start(), m.end()), m.group()))
    edits.extend((m.start(), m.end(), "") for m in _CR.finditer(source.text))
    edits.extend((at, at + 1, "") for at in source.soft_breaks if 0 <= at < len(folded))
    edits.extend((s.start, s.end, "") for s in source.drop)
    if source.kind == "md":
        edits.extend((m.start(), m.end(), "") for m in _MD_MARKUP.finditer(folded))
    if source.kind in ("txt", "md") and "fzlint" in source.text:
        edits.extend(_comment_edits(source.text))
    edits.sort()
    return edits, artifacts


def _comment_edits(text: str) -> list[tuple[int, int, str]]:
    """A comment alone on its line goes with its line break; one inside a line goes alone."""
    whole = [(m.start(), m.end(), "") for m in _COMMENT_LINE.finditer(text)]
    inline = [(m.start(), m.end(), "") for m in FZLINT_COMMENT.finditer(text)
              if not any(a <= m.start() < b for a, b, _ in whole)]
    return whole + inline


def _script(text: str, traditional_count: int) -> str:
    if not traditional_count:
        return "simplified"
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    # Converted texts keep many characters that both scripts share; a real Traditional text still
    # changes several percent of its characters, while a stray 後 in a Simplified report does not.
    return "traditional" if traditional_count >= max(3, cjk * 0.04) else "mixed"
