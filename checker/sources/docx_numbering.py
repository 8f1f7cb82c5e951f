"""Word automatic numbering: which list a paragraph is in, and the marker Word would display.

Follows ECMA-376 §17.9 as Word implements it: counters run per abstract numbering definition
(several w:num instances of one w:abstractNum continue one sequence), a w:startOverride restarts
its level the first time its w:num is used at that level, deeper levels restart when a shallower
level advances unless w:lvlRestart says otherwise, and w:isLgl shows referenced levels as decimal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.cn_numerals import by_digit, counting
from .errors import SourceError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_NO_SPACE_AFTER = ("、", "）", ".", "．")
# No real list starts beyond this (Word's own dialog stops at 32767); a larger w:start comes from
# a damaged or crafted file, and rendering it ("upperLetter" 10^8 is a marker of 3.8 M letters,
# 10^10 took 4.4 GB) would cost more than the whole report.
MAX_START = 100_000
MAX_LEVEL_TEXT = 64  # characters of w:lvlText kept: "%1.%2." is a few; a crafted one has megabytes
MAX_LETTER_REPEAT = 10  # upperLetter beyond 260 (ZZZZZZZZZZ) is shown as a decimal number


def join_marker(marker: str, suffix: str, text: str) -> str:
    """Marker then text: no gap after 、）.． or with w:suff="nothing", else one space."""
    if not marker or not text or suffix == "nothing" or marker.endswith(_NO_SPACE_AFTER):
        return marker + text
    return marker + " " + text


def _val(el, path: str) -> str | None:
    found = el.find(path) if el is not None else None
    return None if found is None else found.get(W + "val")


def _flag(el, path: str) -> bool:
    found = el.find(path)
    return found is not None and found.get(W + "val", "true") not in ("0", "false", "off")


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Styles:
    """Paragraph styles: inheritance (w:basedOn) and list membership (w:numPr)."""

    def __init__(self, root) -> None:
        self._styles: dict[str, tuple[str | None, str | None, int | None]] = {}
        self.default: str | None = None
        for style in root.iter(W + "style") if root is not None else ():
            if style.get(W + "type") != "paragraph":
                continue
            sid = style.get(W + "styleId")
            numpr = style.find(f"{W}pPr/{W}numPr")
            self._styles[sid] = (_val(style, W + "basedOn"), _val(numpr, W + "numId"),
                                 _int(_val(numpr, W + "ilvl")))
            if style.get(W + "default") in ("1", "true", "on"):
                self.default = sid

    def numpr(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a style gives its paragraphs, looked up through w:basedOn."""
        num_id = ilvl = None
        for _ in range(32):  # bounded: style chains may be cyclic in damaged files
            if style_id not in self._styles:
                break
            based_on, s_num, s_ilvl = self._styles[style_id]
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_ilvl
            style_id = based_on
        return num_id, ilvl

    def paragraph_numbering(self, p) -> tuple[str | None, str | None, int | None]:
        """(style, numId, ilvl) of a paragraph; direct formatting beats the style."""
        ppr = p.find(W + "pPr")
        style = _val(ppr, W + "pStyle") or self.default
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        s_num, s_ilvl = self.numpr(style)
        num_id = _val(numpr, W + "numId")
        ilvl = _int(_val(numpr, W + "ilvl"))
        return style, num_id if num_id is not None else s_num, ilvl if ilvl is not None else s_ilvl


@dataclass(frozen=True)
class Level:
    """One level of a Word numbering definition (w:lvl): start, format, text."""

    start: int
    fmt: str
    text: str
    suffix: str
    restart: int | None
    legal: bool
    style: str | None


def _start(value: str | None, default: int | None) -> int | None:
    start = _int(value, default)
    if start is not None and not -MAX_START <= start <= MAX_START:
        raise SourceError(f"Word 自动编号的起始值异常（{value}，正常的文档不超过 {MAX_START}），"
                             "文件可能已损坏或被恶意构造，已停止读取。请在 Word 中检查列表编号后另存为 .docx 再试。")
    return start


def _level(lvl) -> Level:
    return Level(start=_start(_val(lvl, W + "start"), 0), fmt=_val(lvl, W + "numFmt") or "decimal",
                 text=(_val(lvl, W + "lvlText") or "")[:MAX_LEVEL_TEXT], suffix=_val(lvl, W + "suff") or "tab",
                 restart=_int(_val(lvl, W + "lvlRestart")),
                 legal=_flag(lvl, W + "isLgl"),
                 style=_val(lvl, W + "pStyle"))


def _levels(parent) -> dict[int, Level]:
    return {_int(lvl.get(W + "ilvl"), 0): _level(lvl) for lvl in parent.findall(W + "lvl")}


class Numbering:
    """numbering.xml plus the running counters of one pass over the document."""

    def __init__(self, root, styles: Styles) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}
        self.nums: dict[str, tuple[str, dict[int, tuple[int | None, Level | None]]]] = {}
        for node in root.iter(W + "abstractNum") if root is not None else ():
            aid = node.get(W + "abstractNumId")
            self.abstract[aid] = _levels(node)
            if (link := _val(node, W + "numStyleLink")) is not None:
                self.links[aid] = link
        for node in root.iter(W + "num") if root is not None else ():
            overrides = {}
            for ov in node.findall(W + "lvlOverride"):
                lvl = ov.find(W + "lvl")
                overrides[_int(ov.get(W + "ilvl"), 0)] = (
                    _start(_val(ov, W + "startOverride"), None), _level(lvl) if lvl is not None else None)
            self.nums[node.get(W + "numId")] = (_val(node, W + "abstractNumId"), overrides)
        self._styles = styles
        self._counts: dict[str, dict[int, int]] = {}
        self._seen: set[tuple[str, int]] = set()

    def _resolve(self, aid: str | None) -> str | None:
        """Follow w:numStyleLink (a list defined by a numbering style) to the real definition."""
        if aid in self.links:
            num_id, _ = self._styles.numpr(self.links[aid])
            linked = self.nums.get(num_id, (None,))[0]
            if linked is not None and linked not in self.links:
                return linked
        return aid

    def marker(self, num_id: str | None, ilvl: int | None, style: str | None):
        """Advance the counters for one paragraph; return (marker, suffix) or None."""
        if num_id is None or num_id not in self.nums:
            return None  # numId 0 (or unknown) switches numbering off
        aid, overrides = self.nums[num_id]
        aid = self._resolve(aid)
        levels = {**self.abstract.get(aid, {}),
                  **{k: lv for k, (_, lv) in overrides.items() if lv is not None}}
        if ilvl is None:
            ilvl = next((k for k, lv in levels.items() if lv.style and lv.style == style), 0)
        if ilvl not in levels:
            return None
        restarts = {k: s for k, (s, _) in overrides.items() if s is not None}
        starts = {k: restarts.get(k, lv.start) for k, lv in levels.items()}
        counts = self._counts.setdefault(aid, {})
        if (num_id, ilvl) not in self._seen:
            self._seen.add((num_id, ilvl))
            if ilvl in restarts:
                counts.pop(ilvl, None)
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else starts[ilvl]
        for deeper in [k for k in counts if k > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                del counts[deeper]
        return self._render(levels[ilvl], levels, counts, starts), levels[ilvl].suffix

    @staticmethod
    def _render(level: Level, levels, counts, starts) -> str:
        if level.fmt == "bullet":
            text = level.text
            return text if text and not any(0xE000 <= ord(c) <= 0xF8FF for c in text) else "•"

        def sub(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            ref = levels.get(k)
            if ref is None:
                return ""
            fmt = "decimal" if level.legal and ref.fmt != "none" else ref.fmt
            return format_number(counts.get(k, starts[k]), fmt)

        return re.sub(r"%([1-9])", sub, level.text)


_LEGAL_SC = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TC = "零壹貳參肆伍陸柒捌玖"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _enclosed(n: int, first: int) -> str:
    return chr(first + n - 1) if 1 <= n <= 20 else str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    if not 0 < n <= 26 * MAX_LETTER_REPEAT:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(_FULLWIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULLWIDTH),
    "decimalEnclosedCircle": lambda n: _enclosed(n, 0x2460),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(n, 0x2460),
    "decimalEnclosedParen": lambda n: _enclosed(n, 0x2474),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, 0x2488),
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "chineseCounting": counting,
    "chineseCountingThousand": counting,
    "taiwaneseCounting": counting,
    "taiwaneseCountingThousand": counting,
    "japaneseCounting": counting,
    "chineseLegalSimplified": lambda n: counting(n, _LEGAL_SC, "拾佰仟", False),
    "ideographLegalTraditional": lambda n: counting(n, _LEGAL_TC, "拾佰仟", False),
    "ideographDigital": by_digit,
    "taiwaneseDigital": by_digit,
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[n - 1] if 1 <= n <= 10 else str(n),
    "ideographZodiac": lambda n: "子丑寅卯辰巳午未申酉戌亥"[n - 1] if 1 <= n <= 12 else str(n),
    "none": lambda n: "",
}


def format_number(n: int, fmt: str) -> str:
    """A counter value in a w:numFmt; unknown formats fall back to decimal, as Word does."""
    return _FORMATS.get(fmt, str)(n)
