"""Headings → the section tree: a tolerant stack, where a skipped level simply nests deeper."""

from __future__ import annotations

from ..offsets import Span
from .model import Heading, Line, Section


def nest(lines: list[Line], headings: dict[int, Heading], text_end: int) -> Section:
    """Nest sections by heading level; a skipped level simply nests deeper (never an error here)."""
    root = _Builder(None)
    stack = [root]
    for line in lines:
        heading = headings.get(line.index)
        if heading is not None:
            while len(stack) > 1 and stack[-1].heading.level >= heading.level:
                stack.pop()
            node = _Builder(heading)
            stack[-1].children.append(node)
            stack.append(node)
        stack[-1].lines.append(line)
    return root.freeze(text_end)


class _Builder:
    def __init__(self, heading: Heading | None) -> None:
        self.heading = heading
        self.children: list[_Builder] = []
        self.lines: list[Line] = []

    def freeze(self, text_end: int) -> Section:
        children = tuple(child.freeze(text_end) for child in self.children)
        starts = [l.start for l in self.lines] + [c.span.start for c in children]
        ends = [l.end for l in self.lines] + [c.span.end for c in children]
        span = Span(min(starts), max(ends)) if starts else Span(text_end, text_end)
        return Section(self.heading, children, tuple(self.lines), span)
