"""Chinese numerals both ways: the one reader and writer of them.

Small numbers for headings, dates and list markers: reading 一..九十九 (五, 十二, 二十一, 三十)
and a year written digit by digit (二〇二三); writing counting numerals as Word and GB/T 9704
headings print them (十一, 二十, 一百零一), and digit by digit. The full range that quantities in
running text use (三千二百万, 两, 二〇二一) is ``read_quantity``, which numbers.py calls.
"""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
_VALUE = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# A year digit by digit: zeros come as 〇, ○, 零, and in OCR'd or typed text as O, o, Ｏ or 0.
_YEAR_DIGIT = str.maketrans("〇○零OoＯ0一二三四五六七八九", "000000012345678" + "9")


def small(numeral: str) -> int | None:
    """0..99 as written in Chinese: 五, 十, 十二, 二十一, 三十, 〇; None for what nobody writes
    (一二, 十十, 二十三四)."""
    if "十" not in numeral:
        return _VALUE.get(numeral) if len(numeral) == 1 else None
    tens, _, units = numeral.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    high = _VALUE.get(tens) if tens else 1
    low = _VALUE.get(units) if units else 0
    return None if high is None or low is None else high * 10 + low


def year_digits(numeral: str) -> int:
    """A year written digit by digit (二〇二三, 二ＯＯ九) → 2023, 2009."""
    return int(numeral.translate(_YEAR_DIGIT))


def by_digit(n: int) -> str:
    """A number written digit by digit, as years are: 2023 → 二〇二三."""
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))


def counting(n: int, digits: str = DIGITS, units: str = "十百千", short_ten: bool = True) -> str:
    """Counting numerals: 1→一, 10→十, 11→十一, 20→二十, 101→一百零一 (1..9999; other n as Arabic).

    ``short_ten`` drops the leading 一 of 一十 (everyday style); the financial forms (壹拾) keep it.
    """
    if not 0 < n < 10000:
        return str(n)
    out: list[str] = []
    zero = False
    for power in (3, 2, 1, 0):
        d = n // 10 ** power % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append(digits[0])
            zero = False
        if not (short_ten and power == 1 and d == 1 and not out):
            out.append(digits[d])
        if power:
            out.append(units[power - 1])
    return "".join(out)


# ---- the full range, for quantities in running text --------------------------------------

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}
CN_CHARS = "".join([*CN_DIGITS, *_CN_SMALL, *_CN_BIG])


def read_quantity(s: str) -> int | None:
    """Chinese numerals: 二十三, 一百零五, 三千二百万, 两, 二〇二一; None for 十四五 or 两三."""
    if all(c in CN_DIGITS for c in s):
        if len(s) == 1 or any(c in "〇零" for c in s):
            return int("".join(str(CN_DIGITS[c]) for c in s))
        return None
    total = wan = sec = 0
    num: int | None = None
    last = 0
    for prev, c in zip(" " + s, s):
        if c in CN_DIGITS:
            if num is not None:
                return None
            num = CN_DIGITS[c] if c not in "〇零" else None
            last = 0 if c in "〇零" else last
        elif c in _CN_SMALL:
            if num is None and prev in _CN_SMALL:
                return None
            sec, num, last = sec + (1 if num is None else num) * _CN_SMALL[c], None, _CN_SMALL[c]
        elif c == "万":
            wan, sec, num, last = (sec + (num or 0) or 1) * 10**4, 0, None, 10**4
        else:
            total = (total + wan + sec + (num or 0) or 1) * 10**8
            wan, sec, num, last = 0, 0, None, 10**8
    if num is not None and last >= 100:  # colloquial 三千二 = 3200
        num *= last // 10
    return total + wan + sec + (num or 0)
