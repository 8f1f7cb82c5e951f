"""The numeric vocabulary of one set of lexicons: measure words, total words and rate words.

Built once per lexicon (and so once per ruleset in a process), never per report: the quantity
pattern and the rate patterns are compiled on first use. Checks reach it through the Analysis.
"""

from __future__ import annotations

import re
from functools import cached_property

from ..profile.lexicons import Lexicons
from ..text.numbers import Quantity, QuantityReader
from .rates import RateBook, rate_of


class NumericWords:
    """What the numeric analyses read from the lexicons (units, total-words, rate-words)."""

    def __init__(self, lexicons: Lexicons) -> None:
        self._lexicons = lexicons
        self.reader = QuantityReader({e["word"]: e["group"] for e in lexicons["units"]})

    def quantities(self, text: str) -> list[Quantity]:
        return self.reader.find(text)

    @cached_property
    def total_re(self) -> re.Pattern[str]:
        """Any total word: 共 (not 公共, 共同), 合计, 累计… (one list for breakdowns and rates)."""
        return re.compile(self._totals)

    @cached_property
    def _totals(self) -> str:
        return "|".join(e.get("match") or re.escape(e["word"]) for e in self._lexicons["total-words"])

    @cached_property
    def rates(self) -> RateBook:
        return RateBook({e["word"]: rate_of(e, self._totals) for e in self._lexicons["rate-words"]})


def numeric_words(lexicons: Lexicons) -> NumericWords:
    """The vocabulary of ``lexicons``, made once and kept with them."""
    return lexicons.derived("numeric-words", lambda: NumericWords(lexicons))
