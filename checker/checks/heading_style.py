"""structure/heading-style: heading markers as GB/T 9704-2012 §7.3.3 writes them.

Checked on the original text, since the matching view folds (一) into （一）: wrong punctuation
after the numeral (一. 1、 （一）、), half-width brackets, and parts whose sub-headings use
different levels (（一） under one part, 1. under another; info). A part whose sub-headings skip a
level (三、 then （1）) is left to structure/heading-nesting, which names the same fix.

```yaml
check: heading_style
```
"""

from __future__ import annotations

from collections import Counter

from ..diagnostics import Edit, Finding, Fix, Severity
from .base import Check
from .heading_nesting import Params as NestingParams
from ..document.headings import canonical_marker

_ACCEPTED = {3: ("．",)}  # 1． (full-width dot) is common in Word documents and reads the same


class HeadingStyleCheck(Check):
    name = "heading_style"
    messages = {"marker": ("found", "expected"), "bracket": ("found", "expected"), "mixed_sublevels": ("heading", "used", "common")}
    fixable = True

    def run(self, view):
        doc, facts = view.doc, view.facts
        for heading in doc.headings:
            found = doc.original(heading.marker).strip()
            expected = canonical_marker(heading.level, heading.number)
            if found == expected or found in _variants(heading.level, expected):
                continue
            kind = "bracket" if _only_brackets_differ(found, expected) else "marker"
            fix = Fix(f"改为“{expected}”", (Edit(heading.marker, expected),))
            yield Finding(heading.marker, kind, {"found": found, "expected": expected}, fix=fix)
        yield from _mixed_sublevels(doc)


def _variants(level: int, expected: str) -> tuple[str, ...]:
    return tuple(expected[:-1] + dot for dot in _ACCEPTED.get(level, ()))


def _only_brackets_differ(found: str, expected: str) -> bool:
    return found.replace("(", "（").replace(")", "）") == expected


def _nesting_jump(parent: int, child: int) -> bool:
    """structure/heading-nesting reports this sub-heading already (三、 straight to （1）): its fix,
    （一）, also ends the mix, so a second (info) finding on the same marker would only repeat it.
    Mirrors that rule's default allowed jumps (一、 → 1. is accepted practice)."""
    return child - parent > 1 and (parent, child) not in NestingParams().allowed_jumps


def _mixed_sublevels(doc):
    """Level-1 parts whose first sub-headings use a level other than the document's usual one."""
    firsts = {}
    for section in doc.root.children:
        if section.heading.level == 1 and section.children:
            firsts[section] = section.children[0].heading.level
    counts = Counter(firsts.values())
    if len(counts) < 2:
        return
    common, _ = counts.most_common(1)[0]
    for section, level in firsts.items():
        if level != common and not _nesting_jump(section.heading.level, level):
            child = section.children[0].heading
            yield Finding(child.marker, "mixed_sublevels", {
                "heading": canonical_marker(1, section.heading.number),
                "used": canonical_marker(level, 1),
                "common": canonical_marker(common, 1),
            }, severity=Severity.INFO)
