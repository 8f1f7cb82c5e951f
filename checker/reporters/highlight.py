"""A report's original text as HTML lines, with the spans of its findings marked inline.

Overlapping findings are cut into elementary pieces; each piece is one <mark> coloured by the worst
severity covering it, with every covering finding named in its tooltip. A finding gets an anchor
(``{prefix}m{k}``) where it starts, so the findings list can link to it; a finding with an empty
span is a caret at its position. Every character of the report is escaped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from html import escape

_BREAK = re.compile(r"(\r\n|\r|\n)")
_SEVERITY_CLASS = {3: "sev-error", 2: "sev-warning", 1: "sev-info"}


@dataclass(frozen=True)
class Mark:
    """A finding's span to highlight in the HTML view of a report."""

    start: int
    end: int
    severity: int  # Severity value
    rule: str
    message: str


def render_text(text: str, marks: list[Mark], prefix: str, line_classes: dict[int, str] | None = None) -> str:
    """``<div class="ln">`` per line (id ``{prefix}L{n}``), findings as <mark> elements."""
    line_classes = line_classes or {}
    out = _Lines(prefix, line_classes)
    points: dict[int, list[int]] = defaultdict(list)
    anchored: set[int] = set()
    for a, b, active in _pieces(text, marks, points):
        for k in points.pop(a, ()):
            out.add(_point(marks[k], f"{prefix}m{k}"))
            anchored.add(k)
        for part in _BREAK.split(text[a:b]):
            if _BREAK.fullmatch(part):
                out.newline()
            elif part:
                out.add(_wrap(part, [marks[k] for k in active], _anchors(active, anchored, prefix)))
    for k in sorted(k for ks in points.values() for k in ks):
        out.add(_point(marks[k], f"{prefix}m{k}"))
    return out.html()


def _pieces(text: str, marks: list[Mark], points: dict[int, list[int]]):
    """(start, end, indices of the marks covering it) for consecutive pieces of ``text``."""
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    n = len(text)
    for k, m in enumerate(marks):
        start, end = min(max(m.start, 0), n), min(max(m.end, 0), n)
        if end > start:
            starts[start].append(k)
            ends[end].append(k)
        else:
            points[start].append(k)
    cuts = sorted({0, n, *starts, *ends, *points})
    active: list[int] = []
    for a, b in zip(cuts, cuts[1:]):
        active = [k for k in active if k not in ends.get(a, ())] + starts.get(a, [])
        yield a, b, tuple(active)


def _anchors(active: tuple[int, ...], anchored: set[int], prefix: str) -> str:
    fresh = [k for k in active if k not in anchored]
    anchored.update(fresh)
    return "".join(f'<a class="anchor" id="{prefix}m{k}"></a>' for k in fresh)


def _wrap(part: str, covering: list[Mark], anchors: str) -> str:
    if not covering:
        return escape(part)
    worst = max(m.severity for m in covering)
    rules = " ".join(dict.fromkeys(m.rule for m in covering))
    title = "\n".join(f"{m.rule}：{m.message}" for m in covering)
    return (f'{anchors}<mark class="{_SEVERITY_CLASS[worst]}" data-rule="{escape(rules)}" '
            f'title="{escape(title)}">{escape(part)}</mark>')


def _point(mark: Mark, anchor: str) -> str:
    return (f'<mark class="point {_SEVERITY_CLASS[mark.severity]}" id="{anchor}" data-rule="{escape(mark.rule)}" '
            f'title="{escape(mark.rule + "：" + mark.message)}"></mark>')


class _Lines:
    """Collects the HTML of each line; a mark spanning a line break is closed and reopened."""

    def __init__(self, prefix: str, classes: dict[int, str]) -> None:
        self.prefix, self.classes = prefix, classes
        self.lines: list[list[str]] = [[]]

    def add(self, html: str) -> None:
        self.lines[-1].append(html)

    def newline(self) -> None:
        self.lines.append([])

    def html(self) -> str:
        rows = []
        for number, parts in enumerate(self.lines, start=1):
            extra = f" {self.classes[number]}" if number in self.classes else ""
            rows.append(f'<div class="ln{extra}" id="{self.prefix}L{number}"><span class="no">{number}</span>'
                        f'<span class="tx">{"".join(parts)}</span></div>')
        return "\n".join(rows)
