"""Shared helpers for the heading checks: how a marker of each level is written canonically."""

from __future__ import annotations

from ..text.cn_numerals import counting
from .model import Document, Heading, Section

def canonical_marker(level: int, number: int) -> str:
    """The GB/T 9704-2012 §7.3.3 marker: 一、 （一） 1. （1）, plus ① and 第一部分."""
    if level == 0:
        return f"第{counting(number)}部分"
    if level == 1:
        return f"{counting(number)}、"
    if level == 2:
        return f"（{counting(number)}）"
    if level == 3:
        return f"{number}."
    if level == 4:
        return f"（{number}）"
    return chr(0x2460 + number - 1) if 1 <= number <= 20 else str(number)


def sibling_groups(doc: Document) -> list[list[Heading]]:
    """Headings grouped by parent section and level, each group in document order."""
    groups: list[list[Heading]] = []

    def visit(section: Section) -> None:
        by_level: dict[int, list[Heading]] = {}
        for child in section.children:
            by_level.setdefault(child.heading.level, []).append(child.heading)
        groups.extend(by_level.values())
        for child in section.children:
            visit(child)

    visit(doc.root)
    return groups
