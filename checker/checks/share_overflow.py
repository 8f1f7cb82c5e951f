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
from ..text.figures import plain

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
                shares = "".join(f"“{_as_written(view, sentence, at, p.end)}”" for p, at in zip(group.percents, group.starts))
                span = sentence.span(group.start, group.percents[-1].end)
                yield Finding(span, kind, {"shares": shares, "sum": plain(stated) + "%"})


def _as_written(view, sentence, start: int, end: int) -> str:
    """An item quoted as the author wrote it (占比, full-width digits, spaces), not as matched."""
    span = view.doc.norm.map.span(sentence.span(start, end))
    return view.doc.source.text[span.start:span.end].strip(" \u3000\n，,、；;").replace("\n", "")
