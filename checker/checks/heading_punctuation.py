"""structure/heading-punctuation: sibling standalone headings disagree on a final 。.

A heading on a line of its own carries no final 句号 (the run-in heading "（一）加强组织领导。全年…"
ends its title with one by design). When the standalone headings under one parent differ — some
end in 。, others not — the 。 ones are the slip: each is reported, with the 。 deleted as the
fix. Siblings of one level (a copy that lost its 一、 puts （三） beside 二、), not a whole level: the numbered items of a shortcomings list are sentences that
all end in 。, while the （一） headings of the achievements part do not, and both are right.
Siblings that all end in 。 are consistent in their own way and left alone, and so are the items
of one enumeration (each ends in ；, the last in 。).

```yaml
check: heading_punctuation
```
"""

from __future__ import annotations

from ..diagnostics import Edit, Finding, Fix
from ..offsets import Span
from .base import Check

_STOPS = ("。", "．")
_LIST = ("；", ";", "，", ",")


class HeadingPunctuationCheck(Check):
    name = "heading_punctuation"
    messages = {"default": ("heading", "plain")}
    fixable = True

    def run(self, view):
        doc = view.doc
        for section in doc.root.walk():
            yield from self._siblings(doc, [c.heading for c in section.children if c.heading is not None])

    def _siblings(self, doc, children):
        for level in sorted({h.level for h in children}):
            headings = [h for h in children if h.level == level and not h.run_in and h.title_text]
            if any(h.title_text.endswith(_LIST) for h in headings):
                continue  # items of one enumeration: "…；" each, "…。" the last
            dotted = [h for h in headings if h.title_text.endswith(_STOPS)]
            plain = [h for h in headings if not h.title_text.endswith(_STOPS)]
            if not dotted or not plain:
                continue
            example = doc.text[doc.lines[plain[0].line].start:plain[0].title.end].strip()
            for h in dotted:
                stop = Span(h.title.end - 1, h.title.end)
                shown = doc.text[doc.lines[h.line].start:h.title.end].strip()
                yield Finding(stop, values={"heading": shown, "plain": example},
                              fix=Fix("删去标题末尾的句号", (Edit(stop, ""),)))
