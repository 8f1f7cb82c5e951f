"""SARIF 2.1.0 output, for code-scanning services (GitHub, GitLab, Azure DevOps).

One run per invocation. Rule metadata (title, rationale, message texts, default level) comes from
the loaded rules that the command passes in ``options["rules"]``; a finding whose rule is not among
them (an engine-made one) still gets a minimal descriptor, since every ``ruleId`` should resolve.
Columns are counted in Unicode code points, as fzlint counts them, and the run says so. Files that
could not be read become ``toolExecutionNotifications``, not results: they are no finding in a report.
"""

from __future__ import annotations

import json
import os
from typing import Any, Iterator
from urllib.parse import quote

from .. import __version__
from ..diagnostics import Severity
from ..text.scrub import scrub

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/fzlint/"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(run, options=None) -> str:
    return "".join(chunks(run, options))


def chunks(run, options=None) -> Iterator[str]:
    """render()'s text piece by piece (see json.chunks)."""
    yield from json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(document(run, options or {}))
    yield "\n"


def document(run, options=None) -> dict[str, Any]:
    results, batch = run.files, run.cross
    options = options or {}
    descriptors = _descriptors(results, batch, options.get("rules") or ())
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    found = [_result(d, r.path, index) for r in results if not r.error for d in r.diagnostics]
    found += [_batch_result(b, index) for b in batch]
    run = {
        "tool": {"driver": {"name": "fzlint", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI, "rules": descriptors}},
        "columnKind": "unicodeCodePoints",
        "results": found,
        "invocations": [_invocation(results)],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _descriptors(results, batch, rules) -> list[dict[str, Any]]:
    """Every loaded rule, then any rule id that appears in the findings but was not loaded."""
    out = [_descriptor(rule) for rule in rules]
    known = {d["id"] for d in out}
    seen = [d.rule for r in results for d in r.diagnostics] + [b.rule for b in batch]
    for rule_id in seen:
        if rule_id not in known:
            known.add(rule_id)
            out.append({"id": rule_id, "shortDescription": {"text": rule_id}})
    return out


def _descriptor(rule) -> dict[str, Any]:
    messages = "\n".join(f"- {text}" for text in rule.messages.values())
    help_text = f"{rule.rationale}\n\n消息：\n{messages}" if messages else rule.rationale
    return {
        "id": rule.id,
        "name": rule.title_en or rule.id,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"check": rule.check_name, "fixable": rule.fixable, "tags": [rule.id.split("/")[0]]},
    }


def _result(d, path: str, index: dict[str, int]) -> dict[str, Any]:
    region = {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": d.end_column}
    result: dict[str, Any] = {
        "ruleId": d.rule,
        "ruleIndex": index[d.rule],
        "level": LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [_location(path, region)],
    }
    if d.related:
        result["relatedLocations"] = [
            dict(_location(path, {"startLine": loc.line, "startColumn": loc.column, "endLine": loc.end_line,
                                  "endColumn": loc.end_column}), id=i) for i, loc in enumerate(d.related, 1)]
    properties = {k: v for k, v in (("part", d.part), ("paragraph", d.location.paragraph),
                                    ("headingPath", list(d.location.headings))) if v}
    if properties:
        result["properties"] = properties
    return result


def _batch_result(finding, index: dict[str, int]) -> dict[str, Any]:
    locations = [_location(loc.path, {"startLine": loc.line, "endLine": loc.end_line})
                 for loc in finding.locations]
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": locations[:1],
    }
    if locations[1:]:
        result["relatedLocations"] = [dict(loc, id=i) for i, loc in enumerate(locations[1:], 1)]
    return result


def _location(path: str, region: dict[str, int]) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}, "region": region}}


def artifact_uri(path: str) -> str:
    """A relative, percent-encoded URI reference (Chinese file names are common)."""
    if path.startswith("<"):  # <stdin>, <text>
        return quote(path.strip("<>"))
    rel = path
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
        except ValueError:  # another drive on Windows
            rel = path
    rel = rel.replace(os.sep, "/")
    while rel.startswith("./"):
        rel = rel[2:]
    try:  # a name that is not valid UTF-8 keeps its own bytes, percent-encoded
        return quote(os.fsencode(rel), safe="/")
    except UnicodeError:
        return quote(scrub(rel), safe="/")


def _invocation(results) -> dict[str, Any]:
    notes = [{
        "level": "error",
        "message": {"text": r.error},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path)}}}],
    } for r in results if r.error]
    return {"executionSuccessful": not notes, "toolExecutionNotifications": notes}
