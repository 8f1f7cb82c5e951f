"""Lexicons: the genre's vocabularies as YAML tables, merged additively by key.

Each table is a file ``rulesets/lexicons/<name>.yaml`` (``lexicon:``, ``key:``, ``entries:``) and
every run starts from all of them. A ruleset changes a table in its ``lexicons:`` section:

```yaml
lexicons:
  dated-terms:                 # a list is appended; an entry whose key exists replaces that entry
    - {name: 《行政复议法》（2017修正）, match: "…", stale_from: 2024-01-01, current: …}
  units: {replace: [...]}      # replacing a whole table must be said
  web-furniture: extra.yaml    # a file's entries, appended
```

A rule uses a table as a parameter (``params: {terms: {lexicon: dated-terms}}``), and the
analysis reads the tables it needs (measure words, rate and total words) from the same object,
so a word added here reaches every rule and fact that depends on it. Tables read by a check are
validated by that check when the rule compiles; tables read by the analysis have their schema here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

from ..yamlfile import Mapping, YamlError, display_path, read, stamps

# table → (key field, schema of its entries or None when the check that reads it validates them)
# A schema maps a field to (type, required).
_REGEX, _TEXT, _FLAG, _WORDS, _DATE, _REGEXES = "regex", "text", "flag", "words", "date", "regexes"
TABLES: dict[str, tuple[str, dict[str, tuple[str, bool]] | None]] = {
    "dated-terms": ("name", None),
    "misuses": ("match", None),
    "placeholders": ("match", None),
    "relative-time": ("match", None),
    "web-furniture": ("match", {"match": (_REGEX, True), "what": (_TEXT, True), "short": (_FLAG, False),
                                        "trailer": (_FLAG, False), "inline": (_FLAG, False), "list": (_FLAG, False),
                                        "head": (_FLAG, False)}),
    "plenums": ("session", {"session": (_TEXT, True), "date": (_DATE, True)}),
    "units": ("word", {"word": (_TEXT, True), "group": (_TEXT, True)}),
    "total-words": ("word", {"word": (_TEXT, True), "match": (_REGEX, False), "after": (_FLAG, False)}),
    "rate-words": ("word", {"word": (_TEXT, True), "numerator": (_REGEX, True), "denominator": (_REGEX, True),
                            "proportion": (_FLAG, False), "totals": (_FLAG, False), "groups": (_WORDS, False)}),
    "list-markers": ("word", {"word": (_TEXT, True), "match": (_REGEX, False), "exhaustive": (_FLAG, False)}),
    "change-words": ("word", {"word": (_TEXT, True), "direction": ("choice:rise|fall|none", True),
                              "marks": (_FLAG, False)}),
    "partitions": ("name", {"name": (_TEXT, True), "parts": (_REGEXES, True), "more": (_REGEXES, False),
                            "whole": (_REGEX, False), "complete": (_FLAG, False)}),
}


class LexiconError(YamlError):
    """A lexicon or a change to one that cannot be used; the message starts with ``path:line:``."""


@dataclass(frozen=True)
class Table:
    """One vocabulary: its entries in order, each with the ``file:line`` it came from."""

    name: str
    key: str
    entries: tuple[dict, ...]
    origins: tuple[str, ...]
    changes: tuple[str, ...] = ()  # "appended 2 from x.yaml:12", "replaced by y.yaml:3": said by explain

    def __iter__(self) -> Iterator[dict]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def origin_of(self, index: int) -> str:
        return self.origins[index]

    def plain(self) -> list:
        """The entries as plain dicts (what a check's parameters receive)."""
        return [dict(entry) for entry in self.entries]


@dataclass(frozen=True)
class Lexicons:
    """Every table of a ruleset, after its changes; picklable with the compiled rules."""

    tables: dict[str, Table] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Table:
        return self.tables[name]

    def __contains__(self, name: object) -> bool:
        return name in self.tables

    def derived(self, key: str, build: Callable[[], Any]) -> Any:
        """A value built from these tables once per process (a compiled reader), never pickled."""
        cache = self.__dict__.setdefault("_derived", {})
        if key not in cache:
            cache[key] = build()
        return cache[key]

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_derived"}

    def changed(self, name: str, value: Any, where: str, folder: Path) -> "Lexicons":
        """These tables with ``value`` (a list, a file or {replace:/append: …}) applied to ``name``."""
        if name not in TABLES:
            raise LexiconError(f"{where}: unknown lexicon '{name}' (known: {', '.join(sorted(TABLES))})")
        replace, entries, origins, source = _change(name, value, where, folder)
        table = self.tables[name]
        if replace:
            new = Table(name, table.key, (), (), table.changes + (f"整表替换（{source}）",))
        else:
            new = table
        new = _appended(new, entries, origins, source, replace)
        return Lexicons({**self.tables, name: new})


def bundled() -> Lexicons:
    """The tables shipped in rulesets/lexicons/, every one of TABLES.

    Read and validated once per process while the files are unchanged: a cache miss loads every
    genre's ruleset, and each starts from these tables (a Lexicons is a value, shared safely)."""
    from ..resources import ruleset_dir

    folder = ruleset_dir() / "lexicons"
    return _bundled(folder, stamps(folder / f"{name}.yaml" for name in TABLES))


@lru_cache(maxsize=4)
def _bundled(folder: Path, stamps: tuple) -> Lexicons:
    tables = {}
    for name in TABLES:
        path = folder / f"{name}.yaml"
        if not path.is_file():
            raise LexiconError(f"{display_path(path)}: bundled lexicon missing")
        entries, origins = read_file(name, path)
        tables[name] = Table(name, TABLES[name][0], entries, origins)
    return Lexicons(tables)


def read_file(name: str, path: Path) -> tuple[tuple[dict, ...], tuple[str, ...]]:
    """The entries of a lexicon file, validated; it must say which table it is."""
    shown = display_path(path)
    data = read(path, "lexicon")
    if not isinstance(data, Mapping) or "entries" not in data:
        raise LexiconError(f"{shown}:1: a lexicon file is a mapping with 'lexicon' and 'entries'")
    unknown = sorted(set(data) - {"version", "lexicon", "description", "key", "entries"})
    if unknown:
        raise LexiconError(f"{shown}:{data.line_of(unknown[0])}: unknown key(s) {', '.join(unknown)}")
    if data.get("lexicon", name) != name:
        raise LexiconError(f"{shown}:{data.line_of('lexicon')}: this file is lexicon '{data['lexicon']}', not '{name}'")
    if data.get("key", TABLES[name][0]) != TABLES[name][0]:
        raise LexiconError(f"{shown}:{data.line_of('key')}: the key of '{name}' is '{TABLES[name][0]}'")
    return _entries(name, data["entries"], shown, data.line_of("entries"))


def _change(name: str, value: Any, where: str, folder: Path):
    """(replace?, entries, origins, what to call the source) of one change to a table."""
    replace = False
    if isinstance(value, Mapping) and set(value) <= {"replace", "append"} and len(value) == 1:
        replace = "replace" in value
        where = f"{where.rsplit(':', 1)[0]}:{value.line_of(next(iter(value)))}"
        value = value["replace" if replace else "append"]
    if isinstance(value, str):
        path = (folder / value).resolve()
        if not path.is_file():
            raise LexiconError(f"{where}: lexicon file '{value}' not found")
        entries, origins = read_file(name, path)
        return replace, entries, origins, display_path(path)
    if isinstance(value, list):
        shown, line = where.rsplit(":", 1)
        entries, origins = _entries(name, value, shown, int(line))
        return replace, entries, origins, where
    raise LexiconError(f"{where}: a change to lexicon '{name}' is a list of entries, a file name, "
                       "or a mapping with 'replace' or 'append'")


def _appended(table: Table, entries, origins, source: str, replaced: bool) -> Table:
    index = {entry[table.key]: i for i, entry in enumerate(table.entries)}
    kept, where = list(table.entries), list(table.origins)
    added = overridden = 0
    for entry, origin in zip(entries, origins):
        at = index.get(entry[table.key])
        if at is None:
            index[entry[table.key]] = len(kept)
            kept.append(entry)
            where.append(origin)
            added += 1
        else:
            kept[at], where[at] = entry, origin
            overridden += 1
    said = [] if replaced else [f"追加 {added} 条、替换同名 {overridden} 条（{source}）"]
    return Table(table.name, table.key, tuple(kept), tuple(where), table.changes + tuple(said))


def _entries(name: str, raw: Any, shown: str, line: int) -> tuple[tuple[dict, ...], tuple[str, ...]]:
    key, schema = TABLES[name]
    if not isinstance(raw, list):
        raise LexiconError(f"{shown}:{line}: the entries of lexicon '{name}' must be a list")
    entries, origins, seen = [], [], {}
    for i, item in enumerate(raw):
        at = item.line if isinstance(item, Mapping) else line
        if isinstance(item, str) and key == "match":
            item = Mapping.at(at, {"match": item})
        if not isinstance(item, dict) or key not in item:
            raise LexiconError(f"{shown}:{at}: entry {i + 1} of lexicon '{name}' needs '{key}'")
        if schema is not None:
            _validate(item, schema, f"{shown}:{at}", name)
        if item[key] in seen:
            raise LexiconError(f"{shown}:{at}: lexicon '{name}' lists '{item[key]}' twice (first at line {seen[item[key]]})")
        seen[item[key]] = at
        entries.append(item)
        origins.append(f"{shown}:{at}")
    return tuple(entries), tuple(origins)


def _validate(item: dict, schema: dict[str, tuple[str, bool]], where: str, name: str) -> None:
    import re

    from ..text.regexes import validate

    unknown = sorted(set(item) - set(schema))
    if unknown:
        raise LexiconError(f"{where}: unknown key(s) {', '.join(unknown)} in lexicon '{name}' (known: {', '.join(schema)})")
    for key, (kind, required) in schema.items():
        if key not in item:
            if required:
                raise LexiconError(f"{where}: lexicon '{name}' entry needs '{key}'")
            continue
        value = item[key]
        if kind.startswith("choice:"):
            choices = kind[len("choice:"):].split("|")
            if value not in choices:
                raise LexiconError(f"{where}: '{key}' in lexicon '{name}' must be one of {', '.join(choices)}, not {value!r}")
            continue
        ok = {
            _TEXT: isinstance(value, str) and bool(value.strip()),
            _REGEX: isinstance(value, str),
            _FLAG: isinstance(value, bool),
            _WORDS: isinstance(value, list) and all(isinstance(v, str) for v in value),
            _DATE: isinstance(value, date),
            _REGEXES: isinstance(value, list) and all(isinstance(v, str) and v for v in value),
        }[kind]
        if not ok:
            raise LexiconError(f"{where}: '{key}' in lexicon '{name}' must be {_KIND_WORDS[kind]}, not {value!r}")
        for pattern in (value if kind == _REGEXES else [value] if kind == _REGEX else []):
            try:
                validate(pattern)
            except re.error as err:
                raise LexiconError(f"{where}: '{key}' is not a valid regular expression: {err}") from None


_KIND_WORDS = {_TEXT: "a non-empty text", _REGEX: "a regular expression", _FLAG: "true or false",
               _WORDS: "a list of texts", _DATE: "a date YYYY-MM-DD",
               _REGEXES: "a list of regular expressions"}
