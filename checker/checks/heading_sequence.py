"""structure/heading-sequence: sibling headings count 1, 2, 3… without skips, repeats or restarts.

Siblings are headings of one level under the same parent, so （一） restarting under a new 一、
is fine, while 一、二、四、 or （一）（一） is not. Numbering items on across sibling sections
("（一）1. 2.（二）3. 4.") is a deliberate convention: a group that starts where the same level
under the previous sibling stopped is read as continuing it.

```yaml
check: heading_sequence
```
"""

from __future__ import annotations

from ..diagnostics import Edit, Finding, Fix
from .base import Check
from ..document.headings import canonical_marker


class HeadingSequenceCheck(Check):
    name = "heading_sequence"
    messages = {
        "skip": ("found", "expected"),
        "repeat": ("found", "expected"),
        "restart": ("found", "expected"),
    }
    fixable = True

    def run(self, view):
        doc = view.doc
        for group, carried in _groups(doc.root):
            expected = 1
            if carried and group[0].number == carried + 1:
                expected = group[0].number  # （一）1. 2.（二）3.: numbered on from the previous section
            for heading in group:
                kind = _kind(heading.number, expected)
                if kind:
                    yield _finding(doc, heading, kind, expected)
                expected = heading.number + 1  # resync: one slip is one finding, not a cascade


def _groups(section, carried: dict[int, int] | None = None):
    """(sibling headings of one level under ``section``, the number that level reached under the
    previous sibling of ``section``) for every parent, outer before inner."""
    levels = _levels(section)
    for level, group in levels.items():
        yield group, (carried or {}).get(level)
    previous: dict[int, int] = {}
    for child in section.children:
        yield from _groups(child, previous)
        previous = {level: group[-1].number for level, group in _levels(child).items()}


def _levels(section) -> dict[int, list]:
    by_level: dict[int, list] = {}
    for child in section.children:
        by_level.setdefault(child.heading.level, []).append(child.heading)
    return by_level


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
