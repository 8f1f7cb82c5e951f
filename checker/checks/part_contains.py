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
from ..offsets import Span
from .base import Check, PartId, Regex


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``part_contains`` check (validated by Check.compile)."""

    part: PartId
    require: Regex
    min_matches: int = 1
    min_chars: int = 20  # a part shorter than this is left to other rules
    per_1000_chars: float = 0.0  # also require this many matches per 1,000 characters (density)


class PartContainsCheck(Check):
    name = "part_contains"
    Params = Params
    messages = {"default": ("part", "found")}

    def run(self, view):
        doc, facts = view.doc, view.facts
        info = facts.parts.get(self.params.part)
        if info is None:
            return
        text = _body_text(doc, facts, self.params.part, info)
        size = len(text.replace("\n", ""))
        if size < self.params.min_chars:
            return
        needed = max(self.params.min_matches, self.params.per_1000_chars * size / 1000)
        found = _count(self.params.require, text, needed)
        if found < needed:
            yield Finding(info.span, values={"part": facts.genre.label(self.params.part), "found": found})


def _count(pattern, text: str, needed: float) -> int:
    """Matches of ``pattern`` in ``text``, counted only as far as ``needed``."""
    found = 0
    for _ in pattern.finditer(text):
        found += 1
        if found >= needed:
            break
    return found


def _body_text(doc, facts, part: str, info) -> str:
    """The part's text without its sections' own heading titles (a title may promise what the body lacks).

    A part reported only by sentences is read as a whole: every item (up to its next sibling
    heading) or paragraph that holds one of them, not the first sentence alone. A nested part also
    reads the items elsewhere that report it.
    """
    if info.section is None:
        extent = info.extent or (info.span,)
        return "\n".join(doc.text[span.start:span.end] for span in extent)
    pieces = []
    for section in facts.sections_of(part) or [info.section]:
        title: Span = section.heading.title
        for line in section.all_lines():
            text = line.text
            if line.start <= title.start < line.end:
                text = text[: title.start - line.start] + text[title.end - line.start:]
            pieces.append(text)
    pieces.extend(doc.text[span.start:span.end] for span in info.extent)  # said elsewhere too (nested)
    return "\n".join(pieces)
