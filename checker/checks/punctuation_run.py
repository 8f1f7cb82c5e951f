"""format/punctuation-repeated: two point marks in a row (，；  。、  ，，  。。) — GB/T 15834-2011.

Matched in the matching view, where a half-width "," already reads "，", so ",；" is caught too.
Runs made only of ？ and ！ (？！ ！！) are emphatic and allowed; …… and —— are not point marks;
quotes and brackets between marks (。”，) break a run. A doubled mark (，，) is fixed safely to
one; a mixed run keeps its strongest mark (。 over ； over ： over ， over 、), which is only
probably right, so that fix is marked unsafe. Three or more 。 are an ellipsis typed wrongly.
Marks inside mojibake (?,F将 read as "？，") are format/garbled's: no fix could repair them.

```yaml
check: punctuation_run
params:
  allowed: "^[？！]+$"
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import Edit, Finding, Fix
from ..offsets import Span
from .base import Check, Regex

_RUN = re.compile(r"[，、；：。？！]{2,}")
_RANK = {"。": 5, "？": 5, "！": 5, "；": 4, "：": 3, "，": 2, "、": 1}


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``punctuation_run`` check (validated by Check.compile)."""

    allowed: Regex = re.compile(r"^[？！]+$")


class PunctuationRunCheck(Check):
    name = "punctuation_run"
    Params = Params
    messages = {"default": ("found", "expected"), "ellipsis": ("found", "expected")}
    fixable = True

    def run(self, view):
        doc = view.doc
        garbled = view.analysis.mojibake
        for m in _RUN.finditer(doc.text):
            run = m.group()
            if self.params.allowed.search(run):
                continue
            at = doc.norm.map.span(Span(m.start(), m.end()))
            if any(s.start < at.end and at.start < s.end for s in garbled):
                continue
            kind, expected, safe = _repair(run)
            span = Span(m.start(), m.end())
            fix = Fix(f"改为“{expected}”", (Edit(span, expected),), safe=safe)
            yield Finding(span, kind, {"found": doc.original(span), "expected": expected}, fix=fix)


def _repair(run: str) -> tuple[str, str, bool]:
    if set(run) == {"。"} and len(run) >= 3:
        return "ellipsis", "……", False
    if len(set(run)) == 1:
        return "default", run[0], True
    strongest = max(run, key=lambda ch: _RANK[ch])
    return "default", strongest, False
