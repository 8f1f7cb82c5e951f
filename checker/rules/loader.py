"""YAML rulesets → validated, compiled rules. Every mistake is reported as ``file:line: …``.

A ruleset maps rule ids to a check type with parameters, a severity and the texts users read.
``include:`` pulls in more files, ``extends:`` starts from another ruleset and overrides it key by
key. Everything is checked here, before any report is read: unknown keys, wrong types, bad
regexes, and message placeholders the check type cannot fill.
"""

from __future__ import annotations

import os
import re
import string
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..checks import REGISTRY
from ..checks.base import Check, ParamError
from ..diagnostics import Severity

_RULE_KEYS = {
    "check", "severity", "title", "rationale", "message", "messages", "message_en", "messages_en",
    "title_en", "params", "examples", "enabled",
}
_REQUIRED = ("check", "severity", "title", "rationale", "examples")
_ID = re.compile(r"^[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*$")
_TOP_KEYS = {"version", "include", "extends", "rules", "description"}


class RulesetError(Exception):
    """A ruleset that cannot be used; the message starts with ``path:line:``."""


@dataclass(frozen=True)
class Rule:
    """A configured check: id, severity, messages and docs from YAML, with its compiled params."""

    id: str
    check: Check
    severity: Severity
    title: str
    rationale: str
    messages: dict[str, str]
    messages_en: dict[str, str]
    title_en: str
    examples: dict[str, tuple[dict, ...]]
    origin: str  # file:line where the rule was defined
    forced_severity: bool = False

    @property
    def check_name(self) -> str:
        return self.check.name

    @property
    def fixable(self) -> bool:
        return self.check.fixable

    def with_severity(self, severity: Severity) -> "Rule":
        return replace(self, severity=severity, forced_severity=True)


# ---- YAML with line numbers ---------------------------------------------------------------------

class _Mapping(dict):
    """A YAML mapping that remembers the line of each key (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


@lru_cache(maxsize=1)
def _loader():
    """A SafeLoader (libyaml's when available) whose mappings remember their lines; built on first use."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = type("_Loader", (base,), {})
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    return loader


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = _Mapping()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise RulesetError(f"{{path}}:{key_node.start_mark.line + 1}: duplicate key '{key}'")
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _read_yaml(path: Path) -> _Mapping:
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise RulesetError(f"{shown}: cannot read ruleset: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise RulesetError(f"{shown}: ruleset is not UTF-8") from None
    import yaml

    try:
        data = yaml.load(text, Loader=_loader())  # noqa: S506 - the loader derives from SafeLoader
    except RulesetError as err:
        raise RulesetError(str(err).replace("{path}", shown)) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise RulesetError(f"{shown}:{line}: invalid YAML: {getattr(err, 'problem', err)}") from None
    if not isinstance(data, _Mapping):
        raise RulesetError(f"{shown}:1: a ruleset must be a mapping with a 'rules' key")
    return data


def display_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


# ---- resolving names, includes and extends ------------------------------------------------------

def resolve(name: str) -> Path:
    """A ruleset NAME (bundled) or PATH (a file)."""
    from ..resources import ruleset_dir

    candidate = Path(name)
    if candidate.suffix in (".yaml", ".yml") or os.sep in name or "/" in name:
        if not candidate.is_file():
            raise RulesetError(f"{name}: ruleset file not found")
        return candidate.resolve()
    bundled = ruleset_dir() / f"{name}.yaml"
    if not bundled.is_file():
        known = sorted(p.stem for p in ruleset_dir().glob("*.yaml"))
        raise RulesetError(f"unknown ruleset '{name}' (bundled: {', '.join(known)})")
    return bundled


def _raw_rules(path: Path, seen: tuple[Path, ...] = ()) -> dict[str, tuple[_Mapping, str]]:
    """Rule id → (its YAML mapping, file:line), after extends and include, in definition order."""
    if path in seen:
        raise RulesetError(f"{display_path(path)}:1: ruleset includes itself ({' → '.join(p.name for p in seen)})")
    data = _read_yaml(path)
    shown = display_path(path)
    for key in data:
        if key not in _TOP_KEYS:
            raise RulesetError(f"{shown}:{data.line_of(key)}: unknown top-level key '{key}' (known: {', '.join(sorted(_TOP_KEYS))})")
    rules: dict[str, tuple[_Mapping, str]] = {}
    if "extends" in data:
        base = data["extends"]
        try:
            rules.update(_raw_rules(_relative(path, base) if str(base).endswith((".yaml", ".yml")) else resolve(str(base)), seen + (path,)))
        except RulesetError as err:
            raise RulesetError(f"{shown}:{data.line_of('extends')}: in extended ruleset: {err}") from None
    for included in data.get("include") or []:
        rules.update(_raw_rules(_relative(path, included), seen + (path,)))
    body = data.get("rules") or _Mapping()
    if not isinstance(body, dict):
        raise RulesetError(f"{shown}:{data.line_of('rules')}: 'rules' must be a mapping of rule ids")
    for rule_id, spec in body.items():
        where = f"{shown}:{body.line_of(rule_id)}"
        if not isinstance(spec, _Mapping):
            raise RulesetError(f"{where}: rule '{rule_id}' must be a mapping")
        if rule_id in rules:
            merged = _Mapping({**rules[rule_id][0], **spec})
            merged.line, merged.key_lines = spec.line, {**rules[rule_id][0].key_lines, **spec.key_lines}
            if "params" in spec and isinstance(rules[rule_id][0].get("params"), dict) and isinstance(spec["params"], dict):
                merged["params"] = _Mapping({**rules[rule_id][0]["params"], **spec["params"]})
                merged["params"].line, merged["params"].key_lines = spec["params"].line, spec["params"].key_lines
            rules[rule_id] = (merged, where)
        else:
            rules[rule_id] = (spec, where)
    return rules


def _relative(path: Path, name: Any) -> Path:
    target = (path.parent / str(name)).resolve()
    if not target.is_file():
        raise RulesetError(f"{display_path(path)}: included ruleset '{name}' not found")
    return target


# ---- compiling ----------------------------------------------------------------------------------

def load(names: list[str] | tuple[str, ...] = ("default",)) -> list[Rule]:
    """The compiled rules of the named rulesets; bundled ones come from an on-disk cache when fresh."""
    from .cache import cached

    return cached(tuple(names), _load)


def _load(names: tuple[str, ...]) -> list[Rule]:
    merged: dict[str, tuple[_Mapping, str]] = {}
    for name in names:
        merged.update(_raw_rules(resolve(name)))
    rules = []
    for rule_id, (spec, where) in merged.items():
        if spec.get("enabled", True) is False or spec.get("severity") in ("off", False):  # YAML 1.1 reads off as false
            continue
        rules.append(_compile(rule_id, spec, where))
    return rules


def _compile(rule_id: str, spec: _Mapping, where: str) -> Rule:
    path = where.rsplit(":", 1)[0]

    def fail(key: str | None, message: str) -> RulesetError:
        line = spec.line_of(key) if key else int(where.rsplit(":", 1)[1])
        return RulesetError(f"{path}:{line}: rule '{rule_id}': {message}")

    if not _ID.match(rule_id):
        raise fail(None, "rule ids are 'category/name' in lower-case kebab-case")
    unknown = sorted(set(spec) - _RULE_KEYS)
    if unknown:
        raise fail(unknown[0], f"unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(_RULE_KEYS))})")
    for key in _REQUIRED:
        if key not in spec:
            raise fail(None, f"missing required key '{key}'")
    check_type = REGISTRY.get(spec["check"])
    if check_type is None:
        raise fail("check", f"unknown check type '{spec['check']}' (known: {', '.join(sorted(REGISTRY))})")
    try:
        severity = Severity.parse(str(spec["severity"]))
    except KeyError:
        raise fail("severity", f"severity must be error, warning, info or off, not '{spec['severity']}'") from None
    params_raw = spec.get("params") or {}
    if not isinstance(params_raw, dict):
        raise fail("params", "'params' must be a mapping")
    try:
        params = check_type.compile(dict(params_raw))
    except ParamError as err:
        key = next((k for k in params_raw if f"'{k}" in str(err)), None)
        line = params_raw.line_of(key) if key and isinstance(params_raw, _Mapping) else spec.line_of("params")
        raise RulesetError(f"{path}:{line}: rule '{rule_id}': {err}") from None
    messages = _messages(spec, "message", "messages", check_type, fail, required=True)
    messages_en = _messages(spec, "message_en", "messages_en", check_type, fail, required=False)
    examples = _examples(spec.get("examples"), fail)
    for key in ("title", "rationale"):
        if not isinstance(spec[key], str) or not spec[key].strip():
            raise fail(key, f"'{key}' must be a non-empty string")
    return Rule(
        id=rule_id,
        check=check_type(params),
        severity=severity,
        title=spec["title"].strip(),
        rationale=spec["rationale"].strip(),
        messages=messages,
        messages_en=messages_en,
        title_en=str(spec.get("title_en", "")).strip(),
        examples=examples,
        origin=f"{path}:{spec.line}",
    )


def _messages(spec, single: str, plural: str, check_type, fail, *, required: bool) -> dict[str, str]:
    if single in spec and plural in spec:
        raise fail(plural, f"give either '{single}' or '{plural}', not both")
    if single in spec:
        messages = {kind: spec[single] for kind in check_type.messages}
    elif plural in spec:
        messages = dict(spec[plural]) if isinstance(spec[plural], dict) else None
        if messages is None:
            raise fail(plural, f"'{plural}' must map message kinds to texts")
        unknown = sorted(set(messages) - set(check_type.messages))
        if unknown:
            raise fail(plural, f"unknown message kind(s) {', '.join(unknown)} (check '{check_type.name}' has: {', '.join(check_type.messages)})")
        missing = sorted(set(check_type.messages) - set(messages))
        if missing and required:
            raise fail(plural, f"missing message kind(s) {', '.join(missing)}")
    elif required:
        raise fail(None, f"missing required key '{single}'")
    else:
        return {}
    for kind, text in messages.items():
        if not isinstance(text, str) or not text.strip():
            raise fail(plural if plural in spec else single, f"message '{kind}' must be a non-empty string")
        allowed = set(check_type.messages[kind])
        try:
            fields = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
        except ValueError as err:
            raise fail(plural if plural in spec else single, f"message '{kind}' is malformed: {err}") from None
        bad = sorted(f for f in fields if f.split(".")[0].split("[")[0] not in allowed)
        if bad:
            key = plural if plural in spec else single
            raise fail(key, f"message '{kind}' uses placeholder(s) {', '.join('{' + b + '}' for b in bad)} that check '{check_type.name}' cannot fill (available: {', '.join('{' + a + '}' for a in sorted(allowed)) or 'none'})")
        messages[kind] = text.strip()
    return messages


def _examples(raw: Any, fail) -> dict[str, tuple[dict, ...]]:
    if not isinstance(raw, dict) or not set(raw) <= {"fail", "pass"} or not raw.get("fail") or not raw.get("pass"):
        raise fail("examples", "'examples' must have non-empty 'fail' and 'pass' lists")
    result = {}
    for key in ("fail", "pass"):
        items = raw[key] if isinstance(raw[key], list) else [raw[key]]
        normalised = []
        for item in items:
            if isinstance(item, str):
                normalised.append({"text": item})
            elif isinstance(item, dict) and isinstance(item.get("text"), str) and set(item) <= {"text", "year", "note"}:
                normalised.append(dict(item))
            elif isinstance(item, dict) and _is_batch_example(item):
                normalised.append({**item, "text": EXAMPLE_FILE_BREAK.join(item["files"])})
            else:
                raise fail("examples", f"each '{key}' example is a text, a mapping with 'text' (and optional 'year', 'note'), or, for a cross-report rule, a mapping with 'files' (two or more texts)")
        result[key] = tuple(normalised)
    return result


EXAMPLE_FILE_BREAK = "\n\n———— 另一份报告 ————\n\n"  # how `explain` shows the files of a cross-report example


def _is_batch_example(item: dict) -> bool:
    files = item.get("files")
    return (set(item) <= {"files", "note"} and isinstance(files, list) and len(files) >= 2
            and all(isinstance(f, str) for f in files))
