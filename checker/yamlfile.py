"""YAML read safely, with the line of every key, so every mistake in a ruleset, a genre profile or a
lexicon is reported as ``file:line: …`` before any report is read.

Only ``safe_load`` semantics (a SafeLoader, libyaml's when available). Any error the YAML layer
raises (a syntax error, a duplicate key, a value its constructors reject such as the date
``2024-13-01``) becomes a YamlError that names the file and the line.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable


class YamlError(Exception):
    """A YAML file that cannot be used; the message starts with ``path:line:``."""


class Mapping(dict):
    """A YAML mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)

    @classmethod
    def at(cls, line: int, items: dict | None = None, key_lines: dict | None = None) -> "Mapping":
        made = cls(items or {})
        made.line, made.key_lines = line, dict(key_lines or {})
        return made


def display_path(path: Path | str) -> str:
    """A path as users should see it: relative to the working directory when that is shorter."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return relative if len(relative) < len(str(path)) else str(path)


def stamps(paths: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """(path, size, mtime) of each file, (path, -1, -1) for a missing one: the key of a memo of
    what was read from them, so an edited file is read again."""
    found = []
    for path in paths:
        try:
            stat = os.stat(path)
        except OSError:
            found.append((str(path), -1, -1))
        else:
            found.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(found)


class _Duplicate(Exception):
    def __init__(self, line: int, key: Any) -> None:
        super().__init__(line, key)
        self.line, self.key = line, key


@lru_cache(maxsize=1)
def _loader():
    """A SafeLoader whose mappings remember their lines; built on first use (yaml is imported lazily)."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = type("_Loader", (base,), {})
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    return loader


def _construct_mapping(loader, node) -> Mapping:
    loader.flatten_mapping(node)
    mapping = Mapping.at(node.start_mark.line + 1)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise _Duplicate(key_node.start_mark.line + 1, key)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def read(path: Path, what: str = "ruleset") -> Any:
    """The YAML document in ``path``; every failure is a YamlError naming the file and line."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise YamlError(f"{shown}: cannot read {what}: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise YamlError(f"{shown}: {what} is not UTF-8") from None
    return parse(text, shown)


def parse(text: str, shown: str) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506 - the loader derives from SafeLoader
    except _Duplicate as dup:
        raise YamlError(f"{shown}:{dup.line}: duplicate key '{dup.key}'") from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlError(f"{shown}:{line}: invalid YAML: {err.problem or err}") from None
    except yaml.YAMLError as err:
        raise YamlError(f"{shown}:1: invalid YAML: {err}") from None
    except (ValueError, TypeError, OverflowError) as err:
        # A constructor refused a value (2024-13-01 is no date): find the line by re-scanning.
        raise YamlError(f"{shown}:{_failing_line(text)}: invalid value: {err}") from None


def _failing_line(text: str) -> int:
    """The line of the first scalar the safe constructors reject (for messages only)."""
    import yaml

    loader = yaml.SafeLoader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.ScalarEvent) and event.tag is None and event.implicit[0]:
                tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
                node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
                try:
                    loader.construct_object(node)
                except (ValueError, TypeError, OverflowError):
                    return event.start_mark.line + 1
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return 1
