"""One rule's YAML → a compiled Rule: the common fields, its messages, its examples, its params.

Checked here, before any report is read: unknown keys, wrong types, bad regexes, part names the
genre does not have, scopes that do not exist, and message placeholders the check type cannot
fill. A parameter may read a lexicon table (``{lexicon: dated-terms}``) or a genre value
(``{genre: deadlines.filing}``); both are resolved before the check type validates its params,
and an error in a table entry names the line of the entry in its lexicon file.
"""

from __future__ import annotations

import re
import string
from typing import Any

from ..analysis.scope import SCOPE_NAMES
from ..checks import REGISTRY
from ..checks.base import CompileContext, ParamError
from ..diagnostics import Severity
from ..profile.genre import Genre
from ..profile.lexicons import Lexicons
from ..yamlfile import Mapping
from .ruleset import Rule, RulesetError

_RULE_KEYS = {
    "check", "severity", "title", "rationale", "message", "messages", "message_en", "messages_en",
    "title_en", "params", "examples", "enabled", "scope",
}
_REQUIRED = ("check", "severity", "title", "rationale", "examples")
_ID = re.compile(r"^[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*$")
EXAMPLE_FILE_BREAK = "\n\n———— 另一份报告 ————\n\n"  # how `explain` shows the files of a cross-report example


def compile_rule(rule_id: str, spec: Mapping, where: str, genre: Genre, lexicons: Lexicons) -> Rule:
    path = where.rsplit(":", 1)[0]

    def fail(key: str | None, message: str) -> RulesetError:
        line = spec.line_of(key) if key else int(where.rsplit(":", 1)[1])
        return RulesetError(f"{path}:{line}: rule '{rule_id}': {message}")

    check_type = _check_type(rule_id, spec, fail)
    try:
        severity = Severity.parse(str(spec["severity"]))
    except KeyError:
        raise fail("severity", f"severity must be error, warning, info or off, not '{spec['severity']}'") from None
    scope = _scope(spec, check_type, genre, fail)
    params, tables = _params(rule_id, spec, path, check_type, genre, lexicons, fail)
    for key in ("title", "rationale"):
        if not isinstance(spec[key], str) or not spec[key].strip():
            raise fail(key, f"'{key}' must be a non-empty string")
    return Rule(
        id=rule_id,
        check=check_type(params),
        severity=severity,
        title=spec["title"].strip(),
        rationale=spec["rationale"].strip(),
        messages=_messages(spec, "message", "messages", check_type, fail, required=True),
        messages_en=_messages(spec, "message_en", "messages_en", check_type, fail, required=False),
        title_en=str(spec.get("title_en", "")).strip(),
        examples=_examples(spec.get("examples"), fail),
        origin=f"{path}:{spec.line}",
        scope=scope,
        lexicons=tables,
    )


def _check_type(rule_id: str, spec: Mapping, fail):
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
    return check_type


def _scope(spec: Mapping, check_type, genre: Genre, fail) -> str:
    """The rule's scope; ``params: {scope: …}`` (where rulesets before 0.2 put it) still counts."""
    params = spec.get("params") if isinstance(spec.get("params"), dict) else {}
    scope = str(spec.get("scope", params.get("scope", check_type.default_scope)))
    known = SCOPE_NAMES + tuple(f"part:{p}" for p in genre.part_ids)
    if scope not in known:
        raise fail("scope", f"'scope' must be one of {', '.join(known)}, not '{scope}'")
    return scope


def _params(rule_id, spec, path, check_type, genre, lexicons, fail) -> tuple[Any, tuple[str, ...]]:
    raw = spec.get("params") or {}
    if not isinstance(raw, dict):
        raise fail("params", "'params' must be a mapping")
    resolved, tables = {}, {}
    for key, value in raw.items():
        if key == "scope":
            continue  # a rule field now (_scope)
        line = raw.line_of(key) if isinstance(raw, Mapping) else spec.line_of("params")
        resolved[key] = _reference(value, genre, lexicons, lambda m, line=line: RulesetError(f"{path}:{line}: rule '{rule_id}': {m}"))
        if isinstance(value, dict) and set(value) == {"lexicon"}:
            tables[key] = str(value["lexicon"])
    try:
        params = check_type.compile(resolved, CompileContext(genre.part_ids))
    except ParamError as err:
        raise RulesetError(_where(err, raw, spec, path, tables, lexicons) + f": rule '{rule_id}': {err}") from None
    return params, tuple(dict.fromkeys(tables.values()))


def _reference(value: Any, genre: Genre, lexicons: Lexicons, fail) -> Any:
    if not isinstance(value, dict) or len(value) != 1:
        return value
    if "lexicon" in value:
        name = str(value["lexicon"])
        if name not in lexicons:
            raise fail(f"unknown lexicon '{name}' (known: {', '.join(sorted(lexicons.tables))})")
        return lexicons[name].plain()
    if "genre" in value:
        target: Any = genre
        for step in str(value["genre"]).split("."):
            target = target.get(step) if isinstance(target, dict) else getattr(target, step, None)
        if target is None:
            raise fail(f"the genre '{genre.id}' has no '{value['genre']}'")
        return dict(target) if isinstance(target, dict) else target
    return value


def _where(err: ParamError, raw, spec: Mapping, path: str, tables: dict[str, str], lexicons: Lexicons) -> str:
    """file:line of a parameter error: the entry's line in its lexicon, else the param's line."""
    text = str(err)
    for key, table in tables.items():
        m = re.match(rf"'{re.escape(key)}\[(\d+)\]", text)
        if m:
            return lexicons[table].origin_of(int(m.group(1)))
    key = next((k for k in raw if f"'{k}" in text), None)
    line = raw.line_of(key) if key and isinstance(raw, Mapping) else spec.line_of("params")
    return f"{path}:{line}"


def _messages(spec, single: str, plural: str, check_type, fail, *, required: bool) -> dict[str, str]:
    if single in spec and plural in spec:
        raise fail(plural, f"give either '{single}' or '{plural}', not both")
    key = plural if plural in spec else single
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
    return {kind: _message(kind, text, check_type, key, fail) for kind, text in messages.items()}


def _message(kind: str, text: Any, check_type, key: str, fail) -> str:
    if not isinstance(text, str) or not text.strip():
        raise fail(key, f"message '{kind}' must be a non-empty string")
    allowed = set(check_type.messages[kind])
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    except ValueError as err:
        raise fail(key, f"message '{kind}' is malformed: {err}") from None
    bad = sorted(f for f in fields if f.split(".")[0].split("[")[0] not in allowed)
    if bad:
        raise fail(key, f"message '{kind}' uses placeholder(s) {', '.join('{' + b + '}' for b in bad)} that check "
                        f"'{check_type.name}' cannot fill (available: {', '.join('{' + a + '}' for a in sorted(allowed)) or 'none'})")
    return text.strip()


def _examples(raw: Any, fail) -> dict[str, tuple[dict, ...]]:
    if not isinstance(raw, dict) or not set(raw) <= {"fail", "pass"} or not raw.get("fail") or not raw.get("pass"):
        raise fail("examples", "'examples' must have non-empty 'fail' and 'pass' lists")
    return {key: tuple(_example(item, key, fail) for item in (raw[key] if isinstance(raw[key], list) else [raw[key]]))
            for key in ("fail", "pass")}


def _example(item: Any, key: str, fail) -> dict:
    if isinstance(item, str):
        return {"text": item}
    if isinstance(item, dict) and isinstance(item.get("text"), str) and set(item) <= {"text", "year", "note"}:
        return dict(item)
    files = item.get("files") if isinstance(item, dict) else None
    if (isinstance(item, dict) and set(item) <= {"files", "note"} and isinstance(files, list) and len(files) >= 2
            and all(isinstance(f, str) for f in files)):
        return {**item, "text": EXAMPLE_FILE_BREAK.join(files)}
    raise fail("examples", f"each '{key}' example is a text, a mapping with 'text' (and optional 'year', 'note'), or, "
                           "for a cross-report rule, a mapping with 'files' (two or more texts)")
