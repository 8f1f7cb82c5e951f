"""A part must say something specific: causes in the shortcomings part, counts in the leaders' part.

The part's own heading does not count ("存在的不足和原因" names causes without giving any).

```yaml
check: part_contains
params: {part: shortcomings, require: "原因|由于|导致"}
```
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Finding
from ..facts import PART_NAMES
from ..offsets import Span
from .base import Check, Regex


@dataclass(frozen=True)
class Params:
    part: str
    require: Regex
    min_matches: int = 1
    min_chars: int = 20  # a part shorter than this is left to other rules


class PartContainsCheck(Check):
    name = "part_contains"
    Params = Params
    messages = {"default": ("part", "found")}

    def run(self, doc, facts):
        info = facts.parts.get(self.params.part)
        if info is None:
            return
        text = _body_text(doc, info)
        if len(text.replace("\n", "")) < self.params.min_chars:
            return
        found = len(self.params.require.findall(text))
        if found < self.params.min_matches:
            yield Finding(info.span, values={"part": PART_NAMES[self.params.part], "found": found})


def _body_text(doc, info) -> str:
    """The part's text without its heading titles (a title may promise what the body lacks)."""
    if info.section is None:
        return doc.text[info.span.start:info.span.end]
    title: Span = info.section.heading.title
    pieces = []
    for line in info.section.all_lines():
        text = line.text
        if line.start <= title.start < line.end:
            text = text[: title.start - line.start] + text[title.end - line.start:]
        pieces.append(text)
    return "\n".join(pieces)
