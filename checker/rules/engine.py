"""Runs rules over a Document: stamps id, severity and message, maps spans to the original text.

Orchestration only. A check that fails on some input is reported on stderr and skipped, so one
bug cannot cost a clerk the findings of every other rule (``strict`` re-raises, for tests).
"""

from __future__ import annotations

import sys
from typing import Iterable

from ..diagnostics import Diagnostic, Edit, Finding, Fix
from ..analysis.facts import Facts
from ..document.model import Document
from ..offsets import LineIndex, Span
from .loader import Rule


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def run(doc: Document, facts: Facts, rules: Iterable[Rule], *, lang: str = "zh", strict: bool = False) -> list[Diagnostic]:
    rules = list(rules)
    index = LineIndex(doc.source.text)
    found: list[Diagnostic] = []
    for rule in rules:
        try:
            for finding in rule.check.run(doc, facts):
                found.append(_stamp(rule, finding, doc, facts, index, lang))
        except Exception as err:  # noqa: BLE001 - a check's bug must not hide the other findings
            if strict:
                raise
            print(f"fzlint: 内部错误：规则 {rule.id} 在 {doc.source.path} 上出错（{type(err).__name__}: {err}），已跳过该规则。", file=sys.stderr)
    return sorted(_suppress(_unique(found), rules, doc, facts, index, lang), key=lambda d: d.sort_key)


def _suppress(found: list[Diagnostic], rules: list[Rule], doc: Document, facts: Facts, index: LineIndex,
              lang: str) -> list[Diagnostic]:
    """Apply the report's suppression comments; stale ones are stamped with the suppression rule."""
    if "fzlint" not in doc.source.text:
        return found
    from . import suppress  # only a report that carries fzlint comments needs the parser

    if doc.source.kind not in suppress.KINDS:
        return found
    kept, problems = suppress.apply(found, doc.source.text, [r.id for r in rules])
    meta = next((r for r in rules if r.check_name == "suppression"), None)
    if meta is not None:
        kept += [_stamp(meta, finding, doc, facts, index, lang) for finding in problems]
    return kept


def _stamp(rule: Rule, finding: Finding, doc: Document, facts: Facts, index: LineIndex, lang: str) -> Diagnostic:
    span = finding.span if finding.original else doc.norm.map.span(finding.span)
    norm_start = finding.span.start if not finding.original else None
    templates = rule.messages_en if lang == "en" and rule.messages_en else rule.messages
    template = templates.get(finding.kind) or next(iter(templates.values()))
    message = template.format_map(_Blank(finding.values))
    line, column = index.position(span.start)
    end_line, end_column = index.position(span.end)
    severity = rule.severity if rule.forced_severity or finding.severity is None else finding.severity
    return Diagnostic(
        rule=rule.id,
        severity=severity,
        message=message,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        start=span.start,
        end=span.end,
        fix=_map_fix(finding, doc),
        part=facts.part_at(norm_start) if norm_start is not None else None,
    )


def _map_fix(finding: Finding, doc: Document) -> Fix | None:
    if finding.fix is None or finding.original:
        return finding.fix
    edits = tuple(Edit(doc.norm.map.span(e.span), e.text) for e in finding.fix.edits)
    return Fix(finding.fix.description, edits, finding.fix.safe)


def _unique(found: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple] = set()
    result = []
    for d in found:
        key = (d.rule, d.start, d.end, d.message)
        if key not in seen:
            seen.add(key)
            result.append(d)
    return result


__all__ = ["run", "Span"]
