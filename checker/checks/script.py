"""format/traditional-script: a mainland report written, or converted, in Traditional characters.

normalize.py already folds Traditional to Simplified for matching and judges the script
(doc.norm.script). A Traditional report gets one finding at its first line, with the count, some
examples and a fix converting every character; a Simplified report with a few stray Traditional
characters ("mixed") gets one warning per character, naming the Simplified form. Only characters
that are never Simplified themselves are counted (乾 and 於 stay), so a correct text is silent.

```yaml
check: script
params:
  examples: 8
```
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Edit, Finding, Fix, Severity
from ..document.normalize import traditional_table
from ..offsets import Span
from .base import Check


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``script`` check (validated by Check.compile)."""

    examples: int = 8  # distinct characters quoted in the message


class ScriptCheck(Check):
    name = "script"
    Params = Params
    messages = {"traditional": ("count", "examples"), "mixed": ("found", "expected")}
    fixable = True

    def run(self, view):
        doc, facts = view.doc, view.facts
        script = doc.norm.script
        if script == "simplified":
            return
        table = traditional_table()
        text = doc.source.text
        hits = [(i, ch, table[ord(ch)]) for i, ch in enumerate(text) if ord(ch) in table and ch > "\u3000"]
        if not hits:
            return
        if script == "traditional":
            yield _whole(doc, hits, self.params.examples)
            return
        for group in _by_line(text, hits):
            yield _mixed(group)


def _by_line(text: str, hits: list) -> list[list]:
    """Hits grouped by line: a pasted Traditional paragraph is one finding, not one per character."""
    groups: list[list] = []
    for hit in hits:
        if groups and "\n" not in text[groups[-1][-1][0]:hit[0]]:
            groups[-1].append(hit)
        else:
            groups.append([hit])
    return groups


def _mixed(group: list) -> Finding:
    pairs = dict((ch, simple) for _, ch, simple in group)
    shown = list(pairs.items())[:8]
    values = {
        "found": "、".join(ch for ch, _ in shown) + ("等" if len(pairs) > 8 else ""),
        "expected": "、".join(simple for _, simple in shown),
    }
    edits = tuple(Edit(Span(at, at + 1), simple) for at, _, simple in group)
    fix = Fix("改为简体字", edits, safe=False)
    span = Span(group[0][0], group[-1][0] + 1)
    return Finding(span, "mixed", values, fix=fix, severity=Severity.WARNING, original=True)


def _whole(doc, hits, limit: int) -> Finding:
    seen: dict[str, str] = {}
    for _, ch, simple in hits:
        if len(seen) < limit:
            seen.setdefault(ch, simple)
    examples = "、".join(f"{t}→{s}" for t, s in seen.items())
    edits = tuple(Edit(Span(at, at + 1), simple) for at, _, simple in hits)
    first = next((line for line in doc.lines if line.content), None)
    where = doc.norm.map.span(first.span) if first else Span(0, 0)
    fix = Fix("全文转换为简体字", edits, safe=False)
    return Finding(where, "traditional", {"count": len(hits), "examples": examples}, fix=fix, original=True)
