"""structure/heading-nesting: no level jumps (一、 straight to （1）; a text that starts at （一）).

一、 followed directly by 1. is accepted practice for two-level reports (domain.md §4.1).

```yaml
check: heading_nesting
params: {allowed_jumps: [[1, 3]]}
```
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Finding
from .base import Check
from ..document.headings import canonical_marker


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``heading_nesting`` check (validated by Check.compile)."""

    allowed_jumps: tuple[tuple[int, ...], ...] = ((1, 3),)


class HeadingNestingCheck(Check):
    name = "heading_nesting"
    Params = Params
    messages = {"jump": ("parent", "child", "expected"), "starts_deep": ("child", "expected")}

    def run(self, view):
        doc, facts = view.doc, view.facts
        allowed = {tuple(pair) for pair in self.params.allowed_jumps}
        top = [s for s in doc.root.children]
        if top and top[0].heading.level >= 2:
            first = top[0].heading
            yield Finding(first.marker, "starts_deep", {"child": _shown(first), "expected": canonical_marker(1, 1)})
        for section in doc.sections():
            parent = section.heading
            base = max(parent.level, 0) if parent.level else 0
            reported: set[int] = set()  # one finding per jumping level under a parent, not per heading
            for child in section.children:
                h = child.heading
                jump = (parent.level, h.level)
                if h.level - base <= 1 or jump in allowed or (h.level == 5 and parent.level >= 2) or h.level in reported:
                    continue
                reported.add(h.level)
                yield Finding(h.marker, "jump", {
                    "parent": _shown(parent), "child": _shown(h), "expected": canonical_marker(base + 1, 1),
                })


def _shown(heading) -> str:
    return canonical_marker(heading.level, heading.number)
