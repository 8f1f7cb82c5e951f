"""Year ranges (2021—2025年): one dash style per document, and no dash lost in copying.

``find: mixed`` (format/range-dash): ranges written with different dashes in one report
(2015－2020, 2016-2020, 2017—2020); the ranges not in the most common style are reported, with
GB/T 15834's 一字线 "—" preferred on a tie. Read on the original text: the matching view folds －
into -. ``find: fused`` (format/lost-dash): a range whose dash was lost (20212025年, （20212025）);
eight digits elsewhere (a phone number, an account) stay silent, since the pair must be two
plausible years, the later after the earlier, next to 年 or inside brackets.

```yaml
check: year_range
params:
  find: mixed      # or fused
```
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from ..diagnostics import Edit, Finding, Fix
from ..offsets import Span
from .base import Check

# a number chained with dashes on either side (023-2021-2025) is a phone or file number, not a range;
# the lookbehinds follow "19|20" (three characters back) so that a scan skips to the next 1 or 2
_RANGE = re.compile(
    r"((?:19|20)(?<![0-9]..)(?<![0-9][-－]..)[0-9]{2})(?:年)?\s*([-－—–―~～〜]{1,2})\s*((?:19|20)[0-9]{2})(?![0-9])(?![-－][0-9])"
)
_FUSED = re.compile(r"((?:19|20)(?<![0-9]..)[0-9]{2})((?:19|20)[0-9]{2})(?![0-9])")
_NAMES = {"—": "一字线“—”", "——": "破折号“——”", "－": "全角连字符“－”", "-": "半角连字符“-”", "–": "短横线“–”",
          "―": "横线“―”", "~": "半角浪纹线“~”", "～": "浪纹线“～”", "〜": "浪纹线“〜”"}


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``year_range`` check (validated by Check.compile)."""

    find: Literal["mixed", "fused"] = "mixed"
    preferred: str = "—"  # the style GB/T 15834 gives for time ranges; wins a tie
    max_span: int = 30  # years between the ends of a plausible range


class YearRangeCheck(Check):
    name = "year_range"
    Params = Params
    messages = {"default": ("found", "expected", "styles")}  # one kind: each rule uses one mode
    fixable = True

    def run(self, view):
        doc, facts = view.doc, view.facts
        text = doc.source.text
        if self.params.find == "fused":
            yield from self._fused(text)
            return
        ranges = [m for m in _RANGE.finditer(text) if self._plausible(m.group(1), m.group(3))]
        styles = Counter(m.group(2) for m in ranges)
        if len(styles) < 2:
            return
        expected = _dominant(styles, self.params.preferred)
        summary = "、".join(f"{_NAMES.get(s, s)}{n}处" for s, n in styles.most_common())
        for m in ranges:
            if m.group(2) != expected:
                span = Span(m.start(2), m.end(2))
                values = {"found": m.group(), "expected": _NAMES.get(expected, expected), "styles": summary}
                yield Finding(span, values=values, fix=Fix(f"改为“{expected}”", (Edit(span, expected),), safe=False), original=True)

    def _fused(self, text: str):
        for m in _FUSED.finditer(text):
            before, after = text[max(m.start() - 1, 0):m.start()], text[m.end():m.end() + 1]
            if not self._plausible(m.group(1), m.group(2)) or not (after in ("年", "）", ")") or before in ("（", "(")):
                continue
            expected = f"{m.group(1)}{self.params.preferred}{m.group(2)}"
            at = Span(m.start() + 4, m.start() + 4)
            fix = Fix(f"改为“{expected}”", (Edit(at, self.params.preferred),), safe=False)
            yield Finding(Span(m.start(), m.end()), values={"found": m.group(), "expected": expected}, fix=fix, original=True)

    def _plausible(self, first: str, last: str) -> bool:
        return 0 < int(last) - int(first) <= self.params.max_span


def _dominant(styles: Counter, preferred: str) -> str:
    top = max(styles.values())
    leaders = [s for s, n in styles.items() if n == top]
    return preferred if preferred in leaders else leaders[0]
