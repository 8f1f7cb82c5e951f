"""section/inline-only: a required part exists only as a sentence inside another part.

```yaml
check: inline_part
params: {parts: [first_responsible, shortcomings, next_year]}
```
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Finding
from .base import Check, PartId


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``inline_part`` check (validated by Check.compile)."""

    parts: tuple[PartId, ...]


class InlinePartCheck(Check):
    name = "inline_part"
    Params = Params
    messages = {"default": ("part", "sentence")}

    def run(self, view):
        doc, facts = view.doc, view.facts
        for part in self.params.parts:
            info = facts.parts.get(part)
            if info is not None and info.how == "inline":
                sentence = doc.text[info.span.start:info.span.end]
                yield Finding(info.span, values={"part": facts.genre.label(part), "sentence": sentence[:30]})
