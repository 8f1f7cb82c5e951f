"""numeric/share-overflow: shares of one whole that cannot all hold.

Which shares are parts of one whole and cannot overlap is read in ``analysis/shares.py``. Each
share is an interval (rounded or truncated at its precision), so the rule fires only when even
the smallest values add up to more than 100%, or, for shares that are all of the whole, when even
the largest stay below 100%.

```yaml
check: numeric_share
scope: body
```
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..diagnostics import Finding
from .base import Check
from ..text.figures import bare, plain

_HUNDRED = Decimal(100)


class ShareOverflowCheck(Check):
    """Shares of one whole above 100% together, or below it when they are all of it."""

    name = "numeric_share"
    messages = {"over": ("shares", "sum"), "under": ("shares", "sum")}
    default_scope = "body"

    def run(self, view) -> Iterator[Finding]:
        for sentence in view.sentences:
            for group in view.analysis.shares(sentence.text):
                kind = "over" if group.low > _HUNDRED else "under" if group.complete and group.high < _HUNDRED else None
                if kind is None:
                    continue
                stated = sum((p.stated for p in group.percents), Decimal(0))
                shares = "、".join(f"“{label.strip()}占{bare(p.raw)}”" for p, label in zip(group.percents, group.labels))
                span = sentence.span(group.start, group.percents[-1].end)
                yield Finding(span, kind, {"shares": shares, "sum": plain(stated) + "%"})
