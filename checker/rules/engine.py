"""Runs rules over an analysed document: gives each check the View of its scope, stamps id,
severity and message, maps spans to the original text, drops duplicates, applies suppressions.

Orchestration only. A check that fails on some input is reported on stderr and skipped, so one
bug cannot cost a clerk the findings of every other rule (``strict`` re-raises, for tests).
"""

from __future__ import annotations

import re
import string
import sys
from functools import lru_cache
from typing import Iterable

from ..analysis import Analysis
from ..analysis.scope import View
from ..diagnostics import Diagnostic, Edit, Finding, Fix, Location
from .ruleset import Rule


class _Blank(dict):
    """Message values: a placeholder a finding does not fill prints as nothing."""

    def __missing__(self, key: str) -> str:
        return ""


class _Formatter(string.Formatter):
    """``{x!n}``: a value quoted inside “…” whose own double quotes become single ones."""

    def convert_field(self, value, conversion):
        if conversion == "n":
            return _nested(value)
        return super().convert_field(value, conversion)


_FORMATTER = _Formatter()
_QUOTED = re.compile(r"“\{(\w+)\}”")


def _nested(value) -> str:
    """GB/T 15834: quotes inside quotes are single (“‘八五’普法”), never ““八五”普法”."""
    text = str(value)
    if not text.strip("“”"):
        return text  # the quote mark itself is what the message is about (半角“"”应改为““”)
    return text.replace("“", "‘").replace("”", "’")


@lru_cache(maxsize=1024)
def _nesting(template: str) -> str | None:
    """The template with each “{x}” marked for nesting, or None when it quotes no value."""
    marked = _QUOTED.sub(r"“{\1!n}”", template)
    return marked if marked != template else None


def fill(template: str, values) -> str:
    """A message template with a finding's values (one definition for per-file and batch findings)."""
    marked = _nesting(template)
    if marked is None:
        return template.format_map(_Blank(values))
    return _FORMATTER.vformat(marked, (), _Blank(values))


def _as_written(finding: Finding, analysis: Analysis):
    """``{match}``, the matched text, is shown as the author wrote it (＊＊＊＊, not the folded ****).

    Only that value: another one equal to the folded text is what the author should write
    (应使用全角括号“（一）”), which must stay as the check made it."""
    if finding.original or "match" not in finding.values:
        return finding.values
    norm = analysis.doc.norm
    matched = norm.text[finding.span.start:finding.span.end]
    at = norm.map.span(finding.span)
    written = analysis.doc.source.text[at.start:at.end]
    if not matched or written == matched:
        return finding.values
    if finding.values["match"] != matched:
        return finding.values
    return {**finding.values, "match": written}


def run(analysis: Analysis, rules: Iterable[Rule], *, lang: str = "zh", strict: bool = False) -> list[Diagnostic]:
    rules = list(rules)
    found: list[Diagnostic] = []
    for rule in rules:
        try:
            for finding in rule.check.run(View(analysis, rule.scope)):
                found.append(stamp(rule, finding, analysis, lang))
        except Exception as err:  # noqa: BLE001 - a check's bug must not hide the other findings
            if strict:
                raise
            print(f"fzlint: 内部错误：规则 {rule.id} 在 {analysis.doc.source.path} 上出错（{type(err).__name__}: {err}），已跳过该规则。", file=sys.stderr)
    return sorted(_suppress(_unique(found), rules, analysis, lang), key=lambda d: d.sort_key)


def _suppress(found: list[Diagnostic], rules: list[Rule], analysis: Analysis, lang: str) -> list[Diagnostic]:
    """Apply the report's suppression comments; stale ones are stamped with the suppression rule."""
    source = analysis.doc.source
    if "fzlint" not in source.text:
        return found
    from . import suppress  # only a report that carries fzlint comments needs the parser

    if source.kind not in suppress.KINDS:
        return found
    kept, problems = suppress.apply(found, source.text, [r.id for r in rules])
    meta = next((r for r in rules if r.check_name == "suppression"), None)
    if meta is not None:
        kept += [stamp(meta, finding, analysis, lang) for finding in problems]
    return kept


def stamp(rule: Rule, finding: Finding, analysis: Analysis, lang: str) -> Diagnostic:
    severity = rule.severity if rule.forced_severity or finding.severity is None else finding.severity
    return Diagnostic(
        rule=rule.id,
        severity=severity,
        # one string per distinct message: 77k findings of the same term shared 20 MB of copies
        message=sys.intern(fill(rule.template(finding.kind, lang), _as_written(finding, analysis))),
        location=_location(finding.span, finding.original, analysis),
        fix=_map_fix(finding, analysis.doc),
        part=analysis.facts.part_at(finding.span.start) if not finding.original else None,
        related=tuple(_location(s, finding.original, analysis) for s in finding.related),
    )


def _location(span, original: bool, analysis: Analysis) -> Location:
    """Lines and columns, and the place a reader finds: the Word paragraph and the headings above."""
    span = span if original else analysis.doc.norm.map.span(span)
    line, column = analysis.line_index.position(span.start)
    end_line, end_column = analysis.line_index.position(span.end)
    placer = analysis.placer
    paragraph = placer.number(line) if analysis.doc.source.kind == "docx" else None
    return Location(line, column, end_line, end_column, span.start, span.end,
                    paragraph=paragraph, headings=placer.headings(span.start))


def _map_fix(finding: Finding, doc) -> Fix | None:
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
