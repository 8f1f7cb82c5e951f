"""numeric/unit-mixed: measure words of one group mixed in a total and its parts (件/条, 人/人次).

```yaml
check: numeric_unit_mixed
scope: body
```
"""

from __future__ import annotations

from typing import Iterator

from ..diagnostics import Finding
from .base import Check
from ..text.figures import bare


class UnitMixedCheck(Check):
    """Measure words of one group mixed in a total and its parts (numeric/unit-mixed)."""

    name = "numeric_unit_mixed"
    messages = {"unit_mixed": ("total", "parts", "units")}
    default_scope = "body"

    def run(self, view) -> Iterator[Finding]:
        for sentence, b in view.analysis.breakdown_readings(view.scope):
            units = []
            for q in (b.total, *b.parts):
                unit = "元" if q.unit_group == "money" else q.unit
                if unit not in units:
                    units.append(unit)
            if len(units) >= 2:
                yield Finding(sentence.span(*b.span), "unit_mixed", {
                    "total": bare(b.total.raw), "parts": "、".join(bare(p.raw) for p in b.parts),
                    "units": "".join(f"“{u}”" for u in units)})
