"""YAML rulesets → a compiled Ruleset. Every mistake is reported as ``file:line: …``.

A ruleset file has ``rules`` (id → check type, severity, texts, params), and may name its
``genre``, change ``lexicons``, ``include:`` more files and ``extends:`` another ruleset. Merging
is explicit (design: extend, never silently drop):

- a rule redefined later overrides the keys it gives; its ``params`` merge key by key;
- a list of entries (mappings) in ``params`` is *appended* to the inherited one, an entry with
  the same key (name / match / word / session / id) replacing its namesake; ``replace: [param]``
  in the rule says that its list replaces the inherited one instead; lists of plain values
  (``years: [1]``) are values and replace;
- ``lexicons:`` changes append to the tables by key (profile/lexicons.py); a table replaced must
  say ``replace:``. What was appended or replaced is noted and shown by ``fzlint rules``.
Bundled rulesets are compiled once and cached (cache.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..profile.genre_file import load as load_genre
from ..profile.lexicons import LexiconError, bundled
from ..yamlfile import Mapping, YamlError, display_path, read, stamps
from .ruleset import RulesetError, Ruleset
from .schema import compile_rule

_TOP_KEYS = {"version", "include", "extends", "rules", "description", "genre", "lexicons"}
_ENTRY_KEYS = ("name", "match", "word", "session", "id")
DEFAULT_GENRE = "law-based-government"


@dataclass
class _Raw:
    """What the files of one ruleset say, merged in order, before anything is compiled."""

    rules: dict[str, tuple[Mapping, str]] = field(default_factory=dict)
    lexicons: list[tuple[str, Any, str, Path]] = field(default_factory=list)
    genre: tuple[Any, str, Path] | None = None
    notes: list[str] = field(default_factory=list)

    def absorb(self, other: "_Raw") -> None:
        for rule_id, (spec, where) in other.rules.items():
            self.add_rule(rule_id, spec, where)
        self.lexicons.extend(other.lexicons)
        self.genre = other.genre or self.genre
        self.notes.extend(other.notes)

    def add_rule(self, rule_id: str, spec: Mapping, where: str) -> None:
        if rule_id not in self.rules:
            self.rules[rule_id] = (spec, where)
            return
        base = self.rules[rule_id][0]
        merged = Mapping.at(spec.line, {**base, **spec}, {**base.key_lines, **spec.key_lines})
        if isinstance(base.get("params"), dict) and isinstance(spec.get("params"), dict):
            merged["params"] = self._params(rule_id, base["params"], spec["params"], spec, where)
        merged.pop("replace", None)
        self.rules[rule_id] = (merged, where)

    def _params(self, rule_id: str, base: Mapping, new: Mapping, spec: Mapping, where: str) -> Mapping:
        replacing = spec.get("replace") or []
        if not isinstance(replacing, list) or not all(isinstance(r, str) for r in replacing):
            raise RulesetError(f"{where}: rule '{rule_id}': 'replace' lists the params whose lists replace the inherited ones")
        merged = Mapping.at(new.line, {**base, **new}, {**base.key_lines, **new.key_lines})
        for key, value in new.items():
            old = base.get(key)
            if isinstance(old, dict) and "lexicon" in old and isinstance(value, list):
                raise RulesetError(f"{where.rsplit(':', 1)[0]}:{new.line_of(key)}: rule '{rule_id}': "
                                   f"params.{key} reads lexicon '{old['lexicon']}'; add entries under "
                                   f"lexicons: {old['lexicon']}: (appended by key)")
            if key in replacing or not (_entries(old) and _entries(value)):
                if key in replacing:
                    self.notes.append(f"{rule_id}.params.{key}：整表替换（{where}）")
                continue
            merged[key], added = _append_by_key(old, value)
            self.notes.append(f"{rule_id}.params.{key}：追加 {added} 条（{where}）")
        return merged


def _entries(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value) \
        and any(k in value[0] for k in _ENTRY_KEYS)


def _append_by_key(old: list, new: list) -> tuple[list, int]:
    key = next(k for k in _ENTRY_KEYS if k in old[0])
    merged = list(old)
    index = {entry.get(key): i for i, entry in enumerate(merged)}
    added = 0
    for entry in new:
        at = index.get(entry.get(key))
        if at is None:
            merged.append(entry)
            added += 1
        else:
            merged[at] = entry
    return merged, added


# ---- files ---------------------------------------------------------------------------------------

def resolve(name: str) -> Path:
    """A ruleset NAME (bundled) or PATH (a file)."""
    from ..resources import ruleset_dir

    candidate = Path(name)
    if candidate.suffix in (".yaml", ".yml") or "/" in name or "\\" in name:
        if not candidate.is_file():
            raise RulesetError(f"{name}: ruleset file not found")
        return candidate.resolve()
    bundled_path = ruleset_dir() / f"{name}.yaml"
    if not bundled_path.is_file():
        known = sorted(p.stem for p in ruleset_dir().glob("*.yaml"))
        raise RulesetError(f"unknown ruleset '{name}' (bundled: {', '.join(known)})")
    return bundled_path


def _read(path: Path) -> Mapping:
    from ..resources import ruleset_dir

    if ruleset_dir() in path.parents:  # a bundled file: information-disclosure extends default
        return _read_bundled(path, stamps((path,)))
    return _read_file(path)


@lru_cache(maxsize=64)
def _read_bundled(path: Path, stamp: tuple) -> Mapping:
    """A bundled ruleset file, parsed once per process while it is unchanged: a cache miss loads
    every genre's ruleset, and one extends another. The loader never changes what it read (merges
    make new mappings), so sharing the parsed file is safe."""
    return _read_file(path)


def _read_file(path: Path) -> Mapping:
    try:
        data = read(path)
    except YamlError as err:
        raise RulesetError(str(err)) from None
    if not isinstance(data, Mapping):
        raise RulesetError(f"{display_path(path)}:1: a ruleset must be a mapping with a 'rules' key")
    return data


def _raw(path: Path, seen: tuple[Path, ...] = ()) -> _Raw:
    """What ``path`` and the files it extends and includes define, merged in order."""
    if path in seen:
        raise RulesetError(f"{display_path(path)}:1: ruleset includes itself ({' → '.join(p.name for p in seen)})")
    data, shown, raw = _read(path), display_path(path), _Raw()
    for key in data:
        if key not in _TOP_KEYS:
            raise RulesetError(f"{shown}:{data.line_of(key)}: unknown top-level key '{key}' (known: {', '.join(sorted(_TOP_KEYS))})")
    if "extends" in data:
        base = str(data["extends"])
        target = _relative(path, base) if base.endswith((".yaml", ".yml")) else resolve(base)
        try:
            raw.absorb(_raw(target, seen + (path,)))
        except RulesetError as err:
            raise RulesetError(f"{shown}:{data.line_of('extends')}: in extended ruleset: {err}") from None
    for included in data.get("include") or []:
        raw.absorb(_raw(_relative(path, included), seen + (path,)))
    if "genre" in data:
        raw.genre = (data["genre"], f"{shown}:{data.line_of('genre')}", path.parent)
    raw.lexicons.extend(_lexicon_changes(data, shown, path.parent))
    body = data.get("rules") or Mapping()
    if not isinstance(body, dict):
        raise RulesetError(f"{shown}:{data.line_of('rules')}: 'rules' must be a mapping of rule ids")
    for rule_id, spec in body.items():
        where = f"{shown}:{body.line_of(rule_id)}"
        if not isinstance(spec, Mapping):
            raise RulesetError(f"{where}: rule '{rule_id}' must be a mapping")
        raw.add_rule(rule_id, spec, where)
    return raw


def _lexicon_changes(data: Mapping, shown: str, folder: Path) -> list[tuple[str, Any, str, Path]]:
    changes = data.get("lexicons") or Mapping()
    if not isinstance(changes, Mapping):
        raise RulesetError(f"{shown}:{data.line_of('lexicons')}: 'lexicons' maps table names to changes")
    return [(str(name), value, f"{shown}:{changes.line_of(name)}", folder) for name, value in changes.items()]


def _relative(path: Path, name: Any) -> Path:
    target = (path.parent / str(name)).resolve()
    if not target.is_file():
        raise RulesetError(f"{display_path(path)}: included ruleset '{name}' not found")
    return target


# ---- compiling -----------------------------------------------------------------------------------

def load(names: list[str] | tuple[str, ...] = ("default",)) -> Ruleset:
    """The compiled ruleset of the named rulesets (later ones override earlier ones); bundled
    ones come from an on-disk cache when fresh."""
    from .cache import cached

    return cached(tuple(names), _load)


def _load(names: tuple[str, ...]) -> Ruleset:
    raw = _Raw()
    for name in names:
        raw.absorb(_raw(resolve(name)))
    try:
        lexicons = bundled()
        for table, value, where, folder in raw.lexicons:
            lexicons = lexicons.changed(table, value, where, folder)
        genre = load_genre(*raw.genre) if raw.genre else load_genre(DEFAULT_GENRE)
    except (LexiconError, YamlError) as err:
        raise RulesetError(str(err)) from None
    rules = []
    for rule_id, (spec, where) in raw.rules.items():
        if spec.get("enabled", True) is False or spec.get("severity") in ("off", False):  # YAML 1.1 reads off as false
            continue
        rules.append(compile_rule(rule_id, spec, where, genre, lexicons))
    notes = tuple(raw.notes) + tuple(f"词表 {t.name}：{c}" for t in lexicons.tables.values() for c in t.changes)
    return Ruleset(tuple(rules), genre, lexicons, tuple(names), notes)
