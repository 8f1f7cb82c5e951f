"""Quantities in report text (Arabic or Chinese numerals + measure word or %), read as intervals.

A stated figure carries its precision: "96.7%" is a band, "4000余份" a bound, "约300人" a range,
so numeric checks compare ``Interval``s and flag only what cannot overlap (style.md, "Numbers
are intervals"). Everything is ``Decimal``; floats are refused. Numbers that are not quantities
(years, dates, 〔2016〕27号, 12345热线, “12·4”, 第三, 一是, 四个意识, section numbers…) are never returned:
a bare number needs a measure word or %, and masks remove codes, titles and quotes.

Conventions (ours, chosen to avoid false alarms): an integer count is a point; a figure with
decimals or a % is rounded to its last written place (1.2万 -> [11500, 12500], 96.7% -> [96.65,
96.75]); 余/多 -> [N, N + one unit of N's last significant digit]; 以上 -> [N, ∞); 超过/逾/多于 ->
(N, ∞); 近 -> [0.9N, N]; 约/左右/上下 -> [0.9N, 1.1N]; 不足/不到/少于 -> [0, N); 以内/以下 -> [0, N];
3-5次 -> [3, 5]. Money is stated in 元 (500万元 -> 5000000, unit '万元').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .cn_numerals import CN_CHARS, CN_DIGITS, read_quantity
from .intervals import Interval
from .regexes import anchors

_MULT = {"万": Decimal(10**4), "亿": Decimal(10**8)}
_ONE = Decimal(1)
_GROUPS = ("ar", "mul", "cn", "lo", "pct", "unit", "pre", "mid", "post")
# Same-length folding only, so offsets stay valid in the caller's text.
_FOLD = str.maketrans("０１２３４５６７８９％", "0123456789%")
_WIDE = re.compile("[０-９％]")  # the matching view is folded already: translate only what needs it

# Groups that count things one by one: the only possible bases of a rate, and the only groups
# a count of cases or people can be confused with. Money, durations and measures are amounts.
# (The measure words of each group are the lexicon rulesets/lexicons/units.yaml.)
COUNT_GROUPS = frozenset({"case", "person", "event", "copy", "household", "other"})
_BUILTIN_UNITS = {"%": "percent", "万元": "money", "亿元": "money"}  # written by the reader itself
_AR = r"[0-9]+(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_CN = f"[{CN_CHARS}]+"
_GAP = r"[ \t\u3000]*(?:\n[ \t\u3000]*)?"  # PDF text breaks lines inside "230\n余人次"
_PRE = "将近|接近|大约|不足|不到|少于|超过|多于|近|约|逾"
# Linear on any line: a match starts at a run's first space, never inside it, and no two adjacent
# runs of spaces can take the same characters (each optional word carries the spaces after it).
_QTY = (
    rf"(?:(?P<pre>{_PRE})|(?<![ \t]))[ \t]*(?<![0-9.,A-Za-z{CN_CHARS}])"
    rf"(?:(?P<lo>{_AR}|{_CN})[ \t]*[-~～—－–至到][ \t]*)?"
    rf"(?:(?P<ar>{_AR})(?:[ \t]*(?P<mul>[万亿]))?|(?P<cn>{_CN}))"
    rf"{_GAP}(?:(?P<mid>余|多){_GAP})?(?:(?P<unit>{{units}})|(?P<pct>%))"
    rf"(?P<post>以上|左右|以内|以下|上下)?"
)
_AR_FULL = re.compile(rf"({_AR})\s*([万亿])?")
_CN_FULL = re.compile(_CN)
_PCT_CN = re.compile(rf"百分之(?P<cn>{_CN})")
_NUMERAL = re.compile(f"[0-9{CN_CHARS}]")
# A measure word that is really the first character of a longer word ("人民", "条例", "期间").
_STOP = re.compile(
    "件事|次性|次日|次要|人民|人员|人大|人口|人才|条例|条件|条款|期间|期限|期末|期满|社会|社保|"
    "所有|所属|所在|所以|处理|处置|处罚|处级|处室|处长|处于|名单|名义|名称|名额|名录|场所|场地|"
    "村民|村委|村级|村组|村居|村干|村务|户籍|户口|本级|本地|本着|本人|本部|本单|本年|本次|元旦|"
    "份额|批准|批示|批复|批评|个体|天然|天下|起草|起点|位于|位置|家属|元化|单位|单独|单项|单元|单一|"
    "单列|单设|单行|单体|单个|单人|单向|单次|单方|单纯|周年|周岁|周边|周期|周末|周转|周密|周全|周知|"
    "间接|间隔|间断|间歇|人天天|米粮|吨位|卷入|卷烟")
# A phone number or a hotline holds three digits in a row: without one those masks cannot match,
# and their lookbehind-led scans are most of a sentence's masking time.
_THREE_DIGITS = re.compile(r"\d{3}")
_PHONE_MASKS = (4, 5)  # phones and hotlines: their places in _MASKS
_MASKS = tuple((re.compile(p), anchors(p)) for p in (
    r"“[^“”\n]{1,15}”|‘[^‘’\n]{1,15}’|「[^「」\n]{1,15}」|\"[^\"\n]{1,15}\"",  # quoted codes, slogans
    r"《[^《》]{0,80}》",                                                  # titles of documents
    r"[〔\[【（(]\s*\d{4}\s*[〕\]】）)]\s*\d+\s*号|第\s*\d+\s*号",          # document numbers
    r"https?://[\w./?=&%#:~+-]+|www\.[\w./?=&%#:~+-]+",                     # URLs
    r"(?<!\d)(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|400-?\d{3}-?\d{4})(?!\d)",   # phone numbers
    r"(?<![\d.])(?:123\d\d|9[56]\d{3}|11[049]|12[02])(?![\d.])(?=\s*(?:”|热线|平台|服务|号|便民|"
    r"政务|市民|专线|投诉|举报|电话|急救|报警|火警|微信|公众号|接处警))",       # hotlines
    r"(?<!\d)\d{1,2}\s*[·•・]\s*\d{1,2}(?!\d)",                             # 12·4, 4·15 days
    r"(?m)^[ \t\u3000]*(?:\d+[.．、](?!\d)|[（(]\d+[）)]|[一二三四五六七八九十]+[、.．])",  # heading nos.
    rf"[{CN_CHARS}](?<![{CN_CHARS}]{{2}})[{CN_CHARS}]*个(?:意识|自信|维护|确立|全面|代表|务必|大局|区分|严禁|必须|不准|坚持|没有|“)"
    "|八项规定|三项制度|两个责任",                                               # slogans
))
# A change word right before the figure, with only filler between ("同比分别增长了15%"); the
# words are the change-words lexicon, these the ones a reader without it uses.
_CHANGE_WORDS = ("增长", "下降", "提高", "降低", "减少", "增加", "上升", "提升", "回落", "上涨", "下滑",
                 "同比", "环比", "增幅", "降幅", "涨幅", "减幅")
_CHANGE_FILLER = "(?:了|为|达|是|分别|均|幅度|比例|率)*$"
_CLAUSE_END = re.compile("[，。；：、！？\n]")
# Where a match of _QTY can begin: a word of _PRE, the first of a run of spaces, or a numeral that
# follows no numeral, digit or letter (the pattern's own lookbehinds). Trying the pattern only
# there finds what finditer finds, without an attempt at each of a sentence's characters. The
# class comes first and the lookbehinds after it, so re scans for the class in C.
_QTY_START = (
    rf"[{''.join(dict.fromkeys(w[0] for w in _PRE.split('|')))} \t0-9{CN_CHARS}]"
    rf"(?<![ \t][ \t])(?<![0-9.,A-Za-z{CN_CHARS}][0-9{CN_CHARS}])")
# Masks whose anchors regexes.anchors cannot tell (a class with an escape, a (?m) line start, a
# class of numerals first): the characters every match of them holds.
_MASK_NEEDS = {2: ("号",), 7: (".", "．", "、", ")", "）"), 8: ("个", "项")}


@dataclass(frozen=True)
class Quantity:
    """A figure with its measure word: ``stated`` as written, ``value`` what it can mean."""

    start: int
    end: int
    raw: str
    stated: Decimal
    value: Interval
    unit: str
    unit_group: str
    approx: str | None
    decimals: int
    change: bool = False  # 同比增长15%, 下降3个百分点: a change, not a level or a proportion

    @property
    def is_percent(self) -> bool:
        return self.unit_group == "percent"


def _parse_ar(s: str, mul: str | None) -> Decimal:
    n = Decimal(s.replace(",", ""))
    if not mul:
        return n
    n *= _MULT[mul]
    return n.quantize(Decimal(1)) if n == n.to_integral_value() else n  # 1.2万 -> 12000


def parse_number(s: str) -> Decimal | None:
    """'1,234' '1.2万' '3.5亿' '一千二百' '两' '〇' -> Decimal; None when ``s`` is not one number."""
    s = s.strip().translate(_FOLD)
    m = _AR_FULL.fullmatch(s)
    if m:
        return _parse_ar(m[1], m[2])
    if _CN_FULL.fullmatch(s):
        n = read_quantity(s)
        return None if n is None else Decimal(n)
    return None


def _step(n: Decimal) -> Decimal:
    """One unit of n's last significant digit: 4000 -> 1000, 230 -> 10, 3.5 -> 0.1."""
    _, digits, exp = n.as_tuple()
    if not any(digits) or not isinstance(exp, int):
        return Decimal(1)
    zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return Decimal((0, (1,), exp + zeros))


def _band(n: Decimal, decimals: int, scale: Decimal) -> Interval:
    """A figure written with d decimals (or any %) is rounded: ±half a unit of its last place."""
    half = Decimal(5).scaleb(-decimals - 1) * scale
    return Interval(n - half, n + half)


def _approx_value(n: Decimal, approx: str, lo: Decimal | None) -> Interval:
    """Conventions, not law: 余/多 up to the next step of the last digit; 约/左右 ±10%; 近 -10%."""
    if approx in ("余", "多"):  # closed above: "2.3万余份" may be read as up to 2.4万
        return Interval(n, n + _step(n))
    if approx == "以上":
        return Interval(n, None)
    if approx in ("超过", "逾", "多于"):  # unbounded: "超过300人" may well be 800
        return Interval(n, None, lo_open=True)
    if approx in ("近", "将近", "接近"):
        return Interval(n * Decimal("0.9"), n)
    if approx in ("不足", "不到", "少于"):
        return Interval(Decimal(0), n, hi_open=True)
    if approx in ("以内", "以下"):
        return Interval(Decimal(0), n)
    if approx == "至" and lo is not None:
        return Interval(min(lo, n), max(lo, n))
    return Interval(n * Decimal("0.9"), n * Decimal("1.1"))  # 约 大约 左右 上下


def _is_change(text: str, start: int, unit: str, change: re.Pattern[str]) -> bool:
    """同比增长15% / 下降3个百分点 (a change) vs 提高到98% (a level)."""
    if unit == "个百分点":
        return True
    window = _CLAUSE_END.split(text[max(0, start - 10):start])[-1]
    return change.search(window) is not None


def _span(m: re.Match[str]) -> tuple[int, int]:
    """Where the figure itself is written (range start to last digit), without approx or unit."""
    last = "ar" if m["ar"] else "cn"
    return (m.start("lo") if m["lo"] else m.start(last)), m.end(last)


def _rejected(m: re.Match[str], text: str, mask: bytearray) -> bool:
    """Exclusions that a regex cannot say: masks, ordinals, lone 一, words that begin with a unit."""
    num_start, num_end = _span(m)
    if mask.find(1, num_start, num_end) >= 0:  # a masked byte (memchr, not a loop over the slice)
        return True
    if text[max(0, num_start - 1):num_start] == "第":
        return True
    if m["unit"] and _STOP.match(text, m.start("unit")):
        return True
    cn = m["cn"]
    if cn and (cn in ("一", "〇", "零") or (cn[0] in "百千万亿" and not m["mid"])):
        return True  # 一批/一项 are articles, 零件 is a part, 千方百计 and 万人 are slogans
    return bool(cn) and text[m.end():m.end() + 1] in CN_DIGITS  # 三天两头, 五个一


def _build(m: re.Match[str], text: str, original: str, groups: dict[str, str],
           change: re.Pattern[str]) -> Quantity | None:
    ar, mul, cn, lo_text, pct, unit, pre, mid, post = m.group(*_GROUPS)  # one call, not one per use
    if ar:
        n, decimals = _parse_ar(ar, mul), len(ar.partition(".")[2])
        scale = _MULT[mul] if mul else _ONE
    else:
        read = read_quantity(cn)
        if read is None:
            return None
        n, decimals, scale = Decimal(read), 0, _ONE
    lo = parse_number(lo_text) if lo_text else None
    if lo_text and lo is None:
        return None
    if pct:
        unit = "%"
    if unit == "元" and (big := mul or cn and cn[-1]) in _MULT:
        unit = f"{big}元"  # 500万元, 三百万元: stated in 元, unit as written
    approx = "至" if lo_text else pre or mid or post  # a range says most
    if approx:
        value = _approx_value(n, approx, lo)
    elif decimals or unit == "%":
        value = _band(n, decimals, scale)
    else:
        value = Interval.point(n)
    start = m.start("pre") if pre else (m.start("lo") if lo_text else m.start("ar" if ar else "cn"))
    return Quantity(start, m.end(), original[start:m.end()], n, value, unit, groups[unit],
                    approx, decimals, _is_change(text, start, unit, change))


def _mask(text: str) -> bytearray:
    mask = bytearray(len(text))
    digits = None
    for rx, needs, phone in _mask_plan():
        if needs:
            for need in needs:
                if need in text:
                    break
            else:
                continue  # e.g. no 《 in the sentence: no title to mask
        if phone:
            if digits is None:
                digits = _THREE_DIGITS.search(text) is not None
            if not digits:
                continue
        for m in rx.finditer(text):
            mask[m.start():m.end()] = b"\1" * (m.end() - m.start())
    return mask


@lru_cache(maxsize=1)
def _mask_plan() -> tuple[tuple[re.Pattern[str], tuple[str, ...], bool], ...]:
    """(pattern, texts one of which each match holds, whether it needs three digits) of each mask."""
    return tuple((rx, needs or _MASK_NEEDS.get(i, ()), i in _PHONE_MASKS) for i, (rx, needs) in enumerate(_MASKS))


def _matches(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``, trying ``pattern`` only where ``starts`` finds a possible beginning."""
    found: list[re.Match[str]] = []
    pos, start, match = 0, starts.search, pattern.match
    while (at := start(text, pos)) is not None:
        m = match(text, at.start())
        if m is None:
            pos = at.start() + 1
        else:
            found.append(m)
            pos = m.end()  # never empty: a match holds a numeral and a measure word
    return found


class QuantityReader:
    """Reads the quantities of a text with one table of measure words (rulesets/lexicons/units.yaml).

    Built once per lexicon (analysis/vocabulary.py); the pattern is compiled on first use.
    """

    def __init__(self, units: dict[str, str], change_words: tuple[str, ...] = _CHANGE_WORDS) -> None:
        self.groups = {**units, **_BUILTIN_UNITS}  # measure word → group
        self._pattern: re.Pattern[str] | None = None
        self._starts: re.Pattern[str] | None = None  # compiled with the pattern
        words = "|".join(sorted(map(re.escape, change_words), key=len, reverse=True)) or "(?!)"
        self.change = re.compile(f"(?:{words}){_CHANGE_FILLER}")

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            words = sorted((u for u in self.groups if u not in _BUILTIN_UNITS), key=len, reverse=True)
            self._pattern = re.compile(_QTY.replace("{units}", "|".join(map(re.escape, words))))
            self._starts = re.compile(_QTY_START)
        return self._pattern

    def find(self, text: str) -> list[Quantity]:
        """Every quantity in ``text`` in order of appearance; never raises on odd input."""
        folded = text.translate(_FOLD) if _WIDE.search(text) else text
        matches = _matches(self.pattern, self._starts, folded) if _NUMERAL.search(folded) else []
        spelled = "百分之" in folded
        if not matches and not spelled:
            return []  # most sentences of a report: no masking needed
        mask = _mask(folded)
        found: list[Quantity] = []
        for m in matches:
            if not _rejected(m, folded, mask) and (q := _build(m, folded, text, self.groups, self.change)) is not None:
                found.append(q)
        for m in _PCT_CN.finditer(folded) if spelled else ():
            n = read_quantity(m["cn"])
            if n is not None and mask.find(1, m.start(), m.end()) < 0:
                found.append(Quantity(m.start(), m.end(), text[m.start():m.end()], Decimal(n),
                                      _band(Decimal(n), 0, Decimal(1)), "%", "percent", None, 0,
                                      _is_change(folded, m.start(), "%", self.change)))
        found.sort(key=lambda q: q.start)
        return [q for i, q in enumerate(found) if i == 0 or q.start >= found[i - 1].end]
