"""section/next-year-undated: the plan part names no year, neither in its heading nor its opening.

"下一步工作打算" reads fine inside the year, but the report is filed and published in Y+1 and read
long after; the regulation asks for the 下一年度 arrangements, so the plan should say which year
(四、2024年工作安排, or "2024年，我局将…"). A year named by a sub-part of the plan, first or later
(（二）2024年重点工作, or a sub-part opening "2024年，我局将…"), dates it too.

```yaml
check: plan_undated
```
"""

from __future__ import annotations

from ..diagnostics import Finding
from .base import Check


class PlanUndatedCheck(Check):
    name = "plan_undated"
    messages = {"default": ("heading", "expected")}

    def run(self, view):
        doc, facts = view.doc, view.facts
        plan = view.analysis.plan
        if plan is None or plan.heading_dated or plan.opening_dated or plan.parts_dated:
            return
        expected = f"{facts.year + 1}年" if facts.year else "20××年"
        yield Finding(plan.heading, values={"heading": doc.text[plan.heading.start:plan.heading.end], "expected": expected})
