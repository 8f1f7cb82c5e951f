"""The numeric vocabulary of one set of lexicons: measure words, total, rate and change words, partitions.

Built once per lexicon (and so once per ruleset in a process), never per report: the quantity
pattern and the rate patterns are compiled on first use. Checks reach it through the Analysis.
"""

from __future__ import annotations

import re
from functools import cached_property

from ..profile.lexicons import Lexicons
from ..text.numbers import Quantity, QuantityReader
from ..text.regexes import anchors
from .rates import RateBook, rate_of

# Scope words that may stand before a total word closing a list ("…，全年合计198件").
_AFTER_PREFIX = "全年|全区|全县|全镇|全市|全乡|全局|以上|上述|全部|两项|三项|各类"


class NumericWords:
    """What the numeric analyses read from the lexicons (units, total, rate and change words, list
    markers, partitions)."""

    def __init__(self, lexicons: Lexicons) -> None:
        self._lexicons = lexicons
        marking = tuple(e["word"] for e in lexicons["change-words"] if e.get("marks", True))
        self.reader = QuantityReader({e["word"]: e["group"] for e in lexicons["units"]}, marking)

    def quantities(self, text: str) -> list[Quantity]:
        return self.reader.find(text)

    @cached_property
    def total_re(self) -> re.Pattern[str]:
        """Any total word: 共 (not 公共, 共同), 合计, 累计… (one list for breakdowns and rates)."""
        return re.compile(self._totals)

    @cached_property
    def _totals(self) -> str:
        return "|".join(_word(e) for e in self._sorted_totals)

    @cached_property
    def _sorted_totals(self) -> list[dict]:
        return sorted(self._lexicons["total-words"], key=lambda e: len(e["word"]), reverse=True)

    @cached_property
    def after_re(self) -> re.Pattern[str]:
        """A clause opened by a total word that may close a list of parts: "，合计268件", "，共39件"."""
        words = "|".join(_word(e) for e in self._sorted_totals if e.get("after"))
        if not words:
            return re.compile(r"(?!)")
        return re.compile(rf"(?P<sep>[，,；：:])\s*(?:{_AFTER_PREFIX})?(?P<word>{words})")

    @cached_property
    def marker_re(self) -> re.Pattern[str]:
        """A word opening the parts of a total (其中, 分别为, 包括, 含…)."""
        return re.compile("|".join(_word(e) for e in _longest(self._lexicons["list-markers"])) or "(?!)")

    @cached_property
    def breakdown_marks(self) -> re.Pattern[str] | None:
        """Texts one of which every match of ``marker_re`` or ``total_re`` holds (a word, or the
        literal of its ``match``), as one alternation of literals: re scans for their first
        characters in C, far faster than the two patterns' own scans. None when an entry's pattern
        has no literal, and both must be searched."""
        marks: list[str] = []
        for entry in [*self._lexicons["list-markers"], *self._lexicons["total-words"]]:
            found = anchors(entry["match"]) if entry.get("match") else (entry["word"],)
            if not found:
                return None
            marks.extend(found)
        return re.compile("|".join(map(re.escape, dict.fromkeys(marks))))

    @cached_property
    def exhaustive_markers(self) -> frozenset[str]:
        return frozenset(e["word"] for e in self._lexicons["list-markers"] if e.get("exhaustive"))

    @cached_property
    def rise_re(self) -> re.Pattern[str]:
        return self._direction("rise")

    @cached_property
    def fall_re(self) -> re.Pattern[str]:
        return self._direction("fall")

    def _direction(self, way: str) -> re.Pattern[str]:
        words = [e for e in self._lexicons["change-words"] if e["direction"] == way]
        return re.compile("|".join(re.escape(e["word"]) for e in _longest(words)) or "(?!)")

    @cached_property
    def rates(self) -> RateBook:
        return RateBook({e["word"]: rate_of(e, self._totals) for e in self._lexicons["rate-words"]})

    @cached_property
    def partitions(self):
        from .partitions import Partition

        return tuple(Partition.of(e) for e in self._lexicons["partitions"])


def _longest(entries) -> list[dict]:
    return sorted(entries, key=lambda e: len(e["word"]), reverse=True)


def _word(entry: dict) -> str:
    return f"(?:{entry['match']})" if entry.get("match") else re.escape(entry["word"])


def numeric_words(lexicons: Lexicons) -> NumericWords:
    """The vocabulary of ``lexicons``, made once and kept with them."""
    return lexicons.derived("numeric-words", lambda: NumericWords(lexicons))
