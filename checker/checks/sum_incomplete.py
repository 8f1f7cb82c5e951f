"""numeric/sum-incomplete: a parallel 其中 list that sums below its total (a hint).

A selection of categories may leave some out, so a sum below the total is no error (the list is
judged in ``analysis/breakdowns.py``); a reader still asks what the rest is.

```yaml
check: numeric_sum_incomplete
scope: body
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..analysis.breakdowns import Breakdown
from ..diagnostics import Finding
from .base import Check
from ..text.figures import bare, below, fmt, joined, plain, total_of
from .sum_mismatch import selection


_REST_NAMED = re.compile(r"[ \u3000]{0,2}[，,；;][ \u3000]{0,2}(?:其余|其他|其它|剩余|余下|另有)")  # bounded: linear


class SumIncompleteCheck(Check):
    """A parallel 其中 list that sums below its total (numeric/sum-incomplete)."""

    name = "numeric_sum_incomplete"
    messages = {"incomplete": ("total", "parts", "sum", "gap")}
    default_scope = "body"

    def run(self, view) -> Iterator[Finding]:
        for sentence, b in view.analysis.breakdown_readings(view.scope):
            if _REST_NAMED.match(sentence.text, b.span[1]):
                continue  # "…，其余为刑事附带民事案件": the reader is told what the rest is
            found = _incomplete(b)
            if found is not None:
                yield Finding(sentence.span(*b.span), "incomplete", found)


def _incomplete(b: Breakdown):
    parts = total_of(b.parts)
    if (len(b.parts) < 2 or b.exhaustive or b.after or b.hedged or b.distant
            or not (selection(b) or b.categories) or not below(parts, b.total.value)):
        return None
    gap = b.total.value.lo - parts.hi if parts.hi is not None else None
    return {"total": bare(b.total.raw), "parts": joined(list(b.parts)), "sum": fmt(parts),
            "gap": plain(gap) if gap else "若干"}
