"""section/order: a part stands before one the regulation lists ahead of it.

The 2019 regulation lists the contents in an order (举措和成效, 不足和原因, 第一责任人职责, 下一年度
安排), and reviewers read reports in it. It is a listing, not a mandated layout: real reports put
the leaders' part first or second, so a ruleset names only the parts whose order it checks.

```yaml
check: part_order
params: {parts: [achievements, shortcomings, next_year], from_year: 2019}
```
Only parts found under a heading of their own take part: a shortcomings sentence inside the
overview (inline) says nothing about the layout, and a heading that holds two parts
(存在的问题和下一步打算, or 2021年度…举措和成效 read with a forced year of 2020) places neither.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Finding
from .base import Check, ParamError, PartId

_BY_HEADING = ("heading", "nested")


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``part_order`` check (validated by Check.compile)."""

    parts: tuple[PartId, ...] = ()  # in the order they should appear
    from_year: int | None = None  # the first report year the order applies to


class PartOrderCheck(Check):
    name = "part_order"
    Params = Params
    messages = {"default": ("part", "heading", "before", "order")}

    @classmethod
    def validate(cls, params: Params) -> None:
        if len(params.parts) < 2:
            raise ParamError("'parts' must name at least two parts, in their order")

    def run(self, view):
        facts = view.facts
        if self.params.from_year and facts.year and facts.year < self.params.from_year:
            return
        placed = [(part, info) for part in self.params.parts
                  if (info := facts.parts.get(part)) is not None and info.how in _BY_HEADING]
        lines = [info.line.index for _, info in placed]
        placed = [(part, info) for part, info in placed if lines.count(info.line.index) == 1]
        order = "".join(f"“{facts.genre.label(p)}”" for p in self.params.parts)  # no 顿号 between quotes (GB/T 15834)
        for i, (part, info) in enumerate(placed):
            listed_first = next((p for p, other in placed[:i] if other.span.start > info.span.end), None)
            if listed_first is None:
                continue
            yield Finding(info.span, values={
                "part": facts.genre.label(part), "heading": view.doc.text[info.span.start:info.span.end],
                "before": facts.genre.label(listed_first), "order": order,
            })
