"""Party plenums as reports cite them: 二十届二中、三中全会 → the sessions 二十届二中, 二十届三中.

One table (rulesets/lexicons/plenums.yaml: session → the date it met) serves both the plenum that
was cited before it met (term/outdated) and the guiding sentence that stops at an older plenum
than the latest one held (term/plenum-stale).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterator

from .cn_numerals import small
from .regexes import LazyRegex

SESSION = re.compile(r"(?<![一二三四五六七八九十])([一二三四五六七八九十]+)届([一二三四五六七八九])中")
_ITEM = re.compile(r"([一二三四五六七八九])中")
_ORDINAL = "一二三四五六七八九"


@dataclass(frozen=True)
class Cited:
    """One plenum named in a list: its session key (二十届三中) and where its numeral stands."""

    session: str
    start: int
    end: int


class Plenums:
    """The plenum table, and the plenum lists of a text read against it."""

    def __init__(self, held: dict[str, date]) -> None:
        self.held = held
        congresses = sorted({SESSION.fullmatch(k).group(1) for k in held}, key=len, reverse=True)
        self._list = LazyRegex(
            rf"({'|'.join(congresses)})届((?:[一二三四五六七八九]中(?:全会)?(?:、|和|及|与|以及)?)+)"
        ) if congresses else None

    def lists(self, text: str) -> Iterator[tuple[re.Match[str], list[Cited]]]:
        """Each plenum list in ``text`` (十九届四中、五中全会) with the plenums it names."""
        if self._list is None:
            return
        for m in self._list.finditer(text):
            yield m, [Cited(f"{m.group(1)}届{item.group(1)}中", m.start(2) + item.start(), m.start(2) + item.end())
                      for item in _ITEM.finditer(m.group(2))]

    def latest(self, congress: str, by: date) -> str | None:
        """The last plenum of ``congress`` held on or before ``by``."""
        met = [k for k, d in self.held.items() if d <= by and SESSION.fullmatch(k).group(1) == congress]
        return max(met, key=rank, default=None)

    def later_congress_met(self, congress: str, by: date) -> bool:
        """Whether a congress after ``congress`` had met (its first plenum) by ``by``."""
        n = small(congress) or 0
        return any(d <= by and (small(SESSION.fullmatch(k).group(1)) or 0) > n for k, d in self.held.items())


def rank(session: str) -> int:
    """Order of a session within its congress (一中 → 0); compares two of the same congress."""
    return _ORDINAL.index(SESSION.fullmatch(session).group(2))

