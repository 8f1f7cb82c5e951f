"""structure/heading-sequence: sibling headings count 1, 2, 3… without skips, repeats or restarts.

Siblings are headings of one level under the same parent, so （一） restarting under a new 一、
is fine, while 一、二、四、 or （一）（一） is not.

```yaml
check: heading_sequence
```
"""

from __future__ import annotations

from ..diagnostics import Edit, Finding, Fix
from .base import Check
from ..document.headings import canonical_marker, sibling_groups


class HeadingSequenceCheck(Check):
    name = "heading_sequence"
    messages = {
        "skip": ("found", "expected"),
        "repeat": ("found", "expected"),
        "restart": ("found", "expected"),
    }
    fixable = True

    def run(self, view):
        doc, facts = view.doc, view.facts
        for group in sibling_groups(doc):
            expected = 1
            for heading in group:
                kind = _kind(heading.number, expected)
                if kind:
                    yield _finding(doc, heading, kind, expected)
                expected = heading.number + 1  # resync: one slip is one finding, not a cascade


def _kind(number: int, expected: int) -> str | None:
    if number == expected:
        return None
    if number == expected - 1:
        return "repeat"
    if number > expected:
        return "skip"
    return "restart"


def _finding(doc, heading, kind: str, expected: int) -> Finding:
    found = canonical_marker(heading.level, heading.number)
    want = canonical_marker(heading.level, expected)
    marker_text = doc.text[heading.marker.start:heading.marker.end]
    fix = None
    if marker_text.rstrip() == found:
        fix = Fix(f"改为“{want}”", (Edit(heading.marker, want),), safe=False)
    return Finding(heading.marker, kind, {"found": found, "expected": want}, fix=fix)
