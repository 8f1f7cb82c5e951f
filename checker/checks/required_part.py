"""section/*-missing: a part the 2019 regulation requires is absent (not even inline).

```yaml
check: required_part
params: {part: first_responsible, from_year: 2019}   # or parts: [overview, active, …]: one finding per missing part
```
A report whose year is known and earlier than ``from_year`` is not judged (the requirement did
not exist yet); a report of unknown year is. A text that stops mid-sentence without a signature
(a copy that lost its end) is told so: the part may be in what was lost ("cut"). ``until_year`` is the other side: only reports on
a year before it are judged (a note that a part required later is absent from an older report).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Finding
from ..offsets import Span
from ..document.matter import cut_off
from .base import Check, ParamError, PartId, line_tail

@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``required_part`` check (validated by Check.compile)."""

    part: PartId | None = None
    parts: tuple[PartId, ...] = ()
    from_year: int | None = None  # the first report year the part is required of
    until_year: int | None = None  # only reports on a known year before this one are judged


class RequiredPartCheck(Check):
    name = "required_part"
    Params = Params
    messages = {"default": ("headings", "part", "year"), "cut": ("headings", "part", "year", "last_line")}

    @classmethod
    def validate(cls, params: Params) -> None:
        if (params.part is None) == (not params.parts):
            raise ParamError("give either 'part' or 'parts'")

    @property
    def part_ids(self) -> tuple[str, ...]:
        return (self.params.part,) if self.params.part else self.params.parts

    def run(self, view):
        doc, facts = view.doc, view.facts
        missing = [p for p in self.part_ids if p not in facts.parts]
        if not missing:
            return
        if self.params.from_year and facts.year and facts.year < self.params.from_year:
            return
        if self.params.until_year and not (facts.year and facts.year < self.params.until_year):
            return
        top = [s.heading.title_text for s in doc.root.children if s.heading is not None]
        # no 顿号 between the quoted headings (GB/T 15834; format/dunhao-between-titles)
        headings = "".join(f"“{t[:16]}…”" if len(t) > 16 else f"“{t}”" for t in top[:8]) or "（无）"
        anchor = doc.title or next((line for line in doc.lines if line.content), None)
        if isinstance(anchor, tuple):
            span = Span(anchor[0].start, anchor[-1].end)
        else:
            span = anchor.span if anchor else Span(0, 0)
        if self.params.until_year:  # a note on an older report: one line for all the parts
            labels = "、".join(facts.genre.label(part) for part in missing)
            yield Finding(span, values={"headings": headings, "part": labels, "year": facts.year})
            return
        cut = cut_off(doc)  # the text stops mid-sentence: the part may be in what was lost
        kind, extra = ("cut", {"last_line": line_tail(cut.content)}) if cut is not None else ("default", {})
        for part in missing:
            yield Finding(span, kind, {"headings": headings, "part": facts.genre.label(part), "year": facts.year or "", **extra})
