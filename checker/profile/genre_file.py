"""A genre profile file → a Genre: resolve a name or path, merge ``extends``, validate every key.

Every error names the file and line (``genres/x.yaml:12: …``), and every pattern is compiled here,
so a typo in a reviewer's profile stops the load instead of the first report. The shape of a
profile is described in genre.py.
"""

from __future__ import annotations

import re
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..text.regexes import validate
from ..yamlfile import Mapping, display_path, read, stamps
from .genre import Genre, GenreError, Level, Part

_PART_KEYS = {"id", "label", "short", "tiny", "required", "heading", "head", "alone_head", "inline", "inline_not", "content",
              "never_inside", "only_alone", "collects_topics", "nested", "plan", "paragraph"}
_TOP_KEYS = {"version", "genre", "name", "extends", "title", "parts", "match_order", "levels", "deadlines",
             "announces", "ruleset", "detect", "tables"}
_ID = re.compile(r"^[a-z][a-z_]*$")


def resolve(name: str, folder: Path | None = None) -> Path:
    """A genre NAME (bundled) or a PATH relative to ``folder``."""
    from ..resources import ruleset_dir

    if name.endswith((".yaml", ".yml")):
        path = ((folder or Path.cwd()) / name).resolve()
        if not path.is_file():
            raise GenreError(f"{name}: genre file not found")
        return path
    bundled = ruleset_dir() / "genres" / f"{name}.yaml"
    if not bundled.is_file():
        known = sorted(p.stem for p in (ruleset_dir() / "genres").glob("*.yaml"))
        raise GenreError(f"unknown genre '{name}' (bundled: {', '.join(known)})")
    return bundled


def load(spec: Any, where: str = "", folder: Path | None = None, seen: tuple[Path, ...] = ()) -> Genre:
    """A genre from a name, a path, or an inline mapping (which may extend another genre)."""
    if isinstance(spec, str):
        path = resolve(spec, folder)
        if path in seen:
            raise GenreError(f"{display_path(path)}:1: genre extends itself")
        if not seen and _is_bundled(path):
            return _bundled(path, stamps(sorted(path.parent.glob("*.yaml"))))
        data = read(path, "genre")
        if not isinstance(data, Mapping):
            raise GenreError(f"{display_path(path)}:1: a genre profile is a mapping")
        return _build(data, display_path(path), path.parent, seen + (path,))
    if isinstance(spec, Mapping):
        return _build(spec, where.rsplit(":", 1)[0] if where else "<genre>", folder or Path.cwd(), seen)
    raise GenreError(f"{where}: 'genre' is a bundled genre name, a file, or a mapping")


def _is_bundled(path: Path) -> bool:
    from ..resources import ruleset_dir

    return path.parent == ruleset_dir() / "genres"


@lru_cache(maxsize=8)
def _bundled(path: Path, stamps: tuple) -> Genre:
    """A bundled genre, read and validated once per process while the genre files are unchanged
    (``stamps`` covers them all: one may extend another); a cache miss loads it for each ruleset."""
    data = read(path, "genre")
    if not isinstance(data, Mapping):
        raise GenreError(f"{display_path(path)}:1: a genre profile is a mapping")
    return _build(data, display_path(path), path.parent, (path,))


def _build(data: Mapping, shown: str, folder: Path, seen: tuple[Path, ...]) -> Genre:
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise GenreError(f"{shown}:{data.line_of(unknown[0])}: unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(_TOP_KEYS))})")
    base = load(data["extends"], f"{shown}:{data.line_of('extends')}", folder, seen) if "extends" in data else None
    parts = _parts(data.get("parts") or [], base.parts if base else (), shown, data.line_of("parts"))
    ids = [p.id for p in parts]
    order = tuple(data.get("match_order") or (base.match_order if base else ids))
    order = tuple(i for i in order if i in ids) + tuple(i for i in ids if i not in order)
    for part in parts:
        unknown_parts = [i for i in part.never_inside if i not in ids]
        if unknown_parts:
            raise GenreError(f"{shown}:{data.line_of('parts')}: part '{part.id}' never_inside names unknown part(s) {', '.join(unknown_parts)}")
    bad = [i for i in (data.get("match_order") or []) if i not in ids]
    if bad:
        raise GenreError(f"{shown}:{data.line_of('match_order')}: match_order names unknown part(s) {', '.join(bad)}")
    title = data.get("title") or {}
    genre = Genre(
        id=str(data.get("genre") or (base.id if base else "custom")),
        name=str(data.get("name") or (base.name if base else "")),
        parts=parts,
        match_order=order,
        levels=_levels(data.get("levels"), base, shown, data.line_of("levels")),
        title_topic=str(title.get("topic") or (base.title_topic if base else "报告")),
        title_words=str(title.get("words") or (base.title_words if base else "报告")),
        deadlines={**(base.deadlines if base else {}), **_deadlines(data.get("deadlines"), shown, data.line_of("deadlines"))},
        origin=f"{shown}:{data.line}",
        ruleset=str(data.get("ruleset") or (base.ruleset if base else "")),
        detect=str(data.get("detect") or (base.detect if base else "")),
        tables=_tables(data, base, shown),
        announces=str(data.get("announces") or (base.announces if base else "")),
    )
    _compile_all(genre, shown, data.line)
    return genre


def _parts(raw: Any, inherited: tuple[Part, ...], shown: str, line: int) -> tuple[Part, ...]:
    if not isinstance(raw, list):
        raise GenreError(f"{shown}:{line}: 'parts' must be a list")
    parts = {p.id: p for p in inherited}
    for item in raw:
        at = item.line if isinstance(item, Mapping) else line
        if not isinstance(item, dict) or "id" not in item or not _ID.match(str(item["id"])):
            raise GenreError(f"{shown}:{at}: each part needs an 'id' in lower case (achievements, next_year…)")
        unknown = sorted(set(item) - _PART_KEYS)
        if unknown:
            raise GenreError(f"{shown}:{at}: unknown part key(s) {', '.join(unknown)} (known: {', '.join(sorted(_PART_KEYS))})")
        old = parts.get(item["id"])
        values = {**({f.name: getattr(old, f.name) for f in fields(Part)} if old else {}), **item}
        missing = [k for k in ("label",) if not values.get(k)]
        if not values.get("heading") and not values.get("head") and not values.get("alone_head"):
            missing.append("heading or head")
        if missing:
            raise GenreError(f"{shown}:{at}: part '{item['id']}' needs {' and '.join(missing)}")
        values.setdefault("heading", "")
        values["content"] = _content(values.get("content"), shown, at, item["id"])
        values["never_inside"] = tuple(str(p) for p in (values.get("never_inside") or ()))
        values.setdefault("short", values["label"])
        values.setdefault("tiny", values["short"])
        values.setdefault("required", False)
        values.setdefault("inline", None)
        if values.get("nested", "unclassified") not in ("unclassified", "overview", "anywhere", "never"):
            raise GenreError(f"{shown}:{at}: 'nested' must be unclassified, overview, anywhere or never")
        parts[item["id"]] = Part(**values)
    return tuple(parts.values())


def _tables(data: Mapping, base: Genre | None, shown: str) -> tuple:
    from .table_templates import TemplateError, templates

    if "tables" not in data:
        return base.tables if base else ()
    try:
        return templates(data["tables"])
    except TemplateError as err:
        raise GenreError(f"{shown}:{data.line_of('tables')}: {err}") from None
def _content(raw: Any, shown: str, at: int, part: str) -> tuple[str, str] | None:
    """``content: {match: …, about: …}``: a sentence matching both reports the part by what it says."""
    if raw is None or isinstance(raw, tuple):
        return raw
    if not isinstance(raw, dict) or set(raw) - {"match", "about"} or "match" not in raw:
        raise GenreError(f"{shown}:{at}: part '{part}': 'content' is {{match: regex, about: regex}}")
    return str(raw["match"]), str(raw.get("about") or "")


def _levels(raw: Any, base: Genre | None, shown: str, line: int) -> tuple[Level, ...]:
    if raw is None:
        return base.levels if base else ()
    if not isinstance(raw, list) or not all(isinstance(i, dict) and {"id", "label", "match"} <= set(i) for i in raw):
        raise GenreError(f"{shown}:{line}: 'levels' is a list of {{id, label, match}}")
    return tuple(Level(str(i["id"]), str(i["label"]), str(i["match"])) for i in raw)


def _deadlines(raw: Any, shown: str, line: int) -> dict[str, dict[str, str]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(v, dict) and "default" in v for v in raw.values()):
        raise GenreError(f"{shown}:{line}: 'deadlines' maps a name to {{default: '+1-03-01', <level>: …}}")
    return {str(k): {str(a): str(b) for a, b in v.items()} for k, v in raw.items()}


def _compile_all(genre: Genre, shown: str, line: int) -> None:
    """Every pattern must compile now: a typo is a load error, not a crash on the first report."""
    for pattern, what in [(p.heading, f"part '{p.id}' heading") for p in genre.parts] + \
            [(p.head, f"part '{p.id}' head") for p in genre.parts if p.head] + \
            [(p.alone_head, f"part '{p.id}' alone_head") for p in genre.parts if p.alone_head] + \
            [(p.inline, f"part '{p.id}' inline") for p in genre.parts if p.inline] + \
            [(p.inline_not, f"part '{p.id}' inline_not") for p in genre.parts if p.inline_not] + \
            [(c, f"part '{p.id}' content") for p in genre.parts if p.content for c in p.content] + \
            [(genre.announces, "announces")] + \
            [(lv.match, f"level '{lv.id}'") for lv in genre.levels] + \
            [(genre.title_topic, "title topic"), (genre.title_words, "title words"), (genre.detect, "detect")]:
        try:
            validate(pattern)
        except re.error as err:
            raise GenreError(f"{shown}:{line}: {what} is not a valid regular expression: {err}") from None
