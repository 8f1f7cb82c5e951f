"""Cross-report rules over the reports of one run: each BatchCheck compares the fingerprints its
``collect`` made, and its findings are stamped into Diagnostics that name every report they join,
ranked once for every view: a finding's priority (a copy that carries another issuer's place name),
then severity, then the share of the reports it joins.
"""

from __future__ import annotations

import sys
from typing import Any, Sequence

from ..checks.base import BatchFinding, BatchItem
from ..diagnostics import Diagnostic, Location
from .engine import fill
from .ruleset import Rule


def cross_check(results: Sequence, collected: Sequence[dict[str, Any]], rules: Sequence[Rule],
                lang: str = "zh") -> tuple[Diagnostic, ...]:
    """Run each cross-report rule over the reports that have its fingerprint, in input order."""
    found: list[tuple[int, Diagnostic]] = []
    for rule in rules:
        items = [
            BatchItem(i, r.path, r.info.issuer if r.info else None, r.info.year if r.info else None, data[rule.id])
            for i, (r, data) in enumerate(zip(results, collected)) if rule.id in data
        ]
        try:
            found.extend((f.priority, stamp(rule, f, results, lang)) for f in rule.check.run_batch(items))
        except Exception as err:  # noqa: BLE001 - a check's bug must not hide the per-file findings
            print(f"fzlint: 内部错误：跨文件规则 {rule.id} 出错（{type(err).__name__}: {err}），已跳过。", file=sys.stderr)
    order = {r.path: i for i, r in enumerate(results)}
    # the order every view lists them in: the likeliest copy first, then by severity and by share
    ranked = sorted(found, key=lambda f: (-f[0], -f[1].severity, -(f[1].share or 0),
                                          [(order.get(loc.path, 0), loc.line) for loc in f[1].locations]))
    return tuple(d for _, d in ranked)


def stamp(rule: Rule, finding: BatchFinding, results: Sequence, lang: str = "zh") -> Diagnostic:
    places = [Location(p.line, 1, p.end_line, 1, path=results[p.index].path) for p in finding.places]
    return Diagnostic(rule.id, rule.severity, fill(rule.template(finding.kind, lang), finding.values),
                      places[0], related=tuple(places[1:]), share=finding.share, blames_first=finding.blames_first)


def collect(result, rules: Sequence[Rule]) -> dict[str, Any]:
    """The fingerprints one report gives each cross-report rule (in the process that parsed it)."""
    from ..analysis.scope import View

    collected: dict[str, Any] = {}
    if result.error or result.analysis is None:
        return collected
    for rule in rules:
        if not rule.check.batch:
            continue
        try:
            collected[rule.id] = rule.check.collect(View(result.analysis, rule.scope))
        except Exception as err:  # noqa: BLE001 - one odd report must not cost the batch its other findings
            print(f"fzlint: 内部错误：规则 {rule.id} 在 {result.path} 上出错（{type(err).__name__}: {err}），该文件不参与此项比对。", file=sys.stderr)
    return collected
