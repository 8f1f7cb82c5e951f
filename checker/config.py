"""Configuration: discovery and merging (defaults < config file < command line).

``--config FILE``, else the nearest fzlint.yaml / .fzlint.yaml upward from the current directory,
else ``[tool.fzlint]`` in the nearest pyproject.toml. Keys mirror the command-line options.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .diagnostics import Severity


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file (and line when known)."""


_KEYS = {"ruleset", "select", "ignore", "fail-on", "per-file-ignores", "year", "severity", "lang", "encoding", "exclude", "include",
         "genre", "previous", "verdict"}
_VERDICT_KEYS = ("return", "revise")


@dataclass(frozen=True)
class Config:
    """Settings from the config file and the command line, merged (command line wins)."""

    rulesets: tuple[str, ...] = ("default",)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    year: int | None = None
    severity: tuple[tuple[str, str], ...] = ()  # rule-id prefix → error|warning|info|off
    lang: str = "zh"
    encoding: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    genre: str | None = None  # every report judged as this genre (else each by its title)
    previous: tuple[str, ...] = ()  # last year's reports (files or folders) for the cross-year rules
    # verdict: what sends a report back (需退回) and what asks for changes (建议修改): severity names
    # (that level or above) and rule-id prefixes (whatever their severity); the Session resolves them
    verdict: tuple[tuple[str, tuple[str, ...]], ...] = (("return", ("error",)), ("revise", ("warning",)))
    path: str | None = None  # where it came from
    base_dir: str = "."

    def merged(self, **overrides: Any) -> "Config":
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def ignored_for(self, path: str) -> tuple[str, ...]:
        rel = _relative(path, self.base_dir)
        hits: list[str] = []
        for pattern, ids in self.per_file_ignores:
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(path), pattern):
                hits.extend(ids)
        return tuple(hits)


def _relative(path: str, base: str) -> str:
    try:
        return os.path.relpath(os.path.abspath(path), os.path.abspath(base)).replace(os.sep, "/")
    except ValueError:
        return path


def discover(explicit: str | None = None, start: str | None = None) -> Config:
    if explicit:
        return _from_file(Path(explicit))
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        for name in ("fzlint.yaml", ".fzlint.yaml"):
            if (folder / name).is_file():
                return _from_file(folder / name)
        if (folder / "pyproject.toml").is_file():
            table = _pyproject_table(folder / "pyproject.toml")
            if table is not None:
                return _build(table, str(folder / "pyproject.toml"), folder)
    return Config()


def _from_file(path: Path) -> Config:
    if not path.is_file():
        raise ConfigError(f"{path}：找不到配置文件")
    if path.suffix == ".toml":
        table = _pyproject_table(path)
        return _build(table or {}, str(path), path.parent)
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}：无法读取配置文件（{err}）") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise ConfigError(f"{path}:{mark.line + 1 if mark else 1}：配置文件不是有效的 YAML（{getattr(err, 'problem', err)}）") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1：配置文件应是“键: 值”的映射（如 ignore: [format]）")
    return _build(data, str(path), path.parent)


def _pyproject_table(path: Path) -> dict | None:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"{path}：无法读取 pyproject.toml（{err}）") from None
    return data.get("tool", {}).get("fzlint")


def _build(data: dict, origin: str, folder: Path) -> Config:
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(f"{origin}：未知的配置项 {', '.join(unknown)}{_did_you_mean(unknown[0], _KEYS)}（可用：{', '.join(sorted(_KEYS))}）")
    try:
        fail_on = Severity.parse(str(data.get("fail-on", "error")))
    except KeyError:
        raise ConfigError(f"{origin}：fail-on 只能是 error、warning 或 info") from None
    severity = {k: ("off" if v is False else v) for k, v in (data.get("severity") or {}).items()} if isinstance(data.get("severity"), dict) else data.get("severity") or {}
    if not isinstance(severity, dict) or any(str(v) not in ("error", "warning", "info", "off") for v in severity.values()):
        raise ConfigError(f"{origin}：severity 应把规则 id（或前缀）对应到 error、warning、info 或 off")
    pfi = data.get("per-file-ignores") or {}
    if not isinstance(pfi, dict):
        raise ConfigError(f"{origin}：per-file-ignores 应把文件通配符对应到规则 id 列表")
    year = data.get("year")
    if year is not None and not (isinstance(year, int) and 1990 <= year <= 2100):
        raise ConfigError(f"{origin}：year 应是四位数的年份")
    return Config(
        rulesets=_strings(data.get("ruleset"), origin, "ruleset") or ("default",),
        select=_strings(data.get("select"), origin, "select"),
        ignore=_strings(data.get("ignore"), origin, "ignore"),
        fail_on=fail_on,
        per_file_ignores=tuple((str(k), _strings(v, origin, "per-file-ignores")) for k, v in pfi.items()),
        year=year,
        severity=tuple((str(k), str(v)) for k, v in severity.items()),
        lang=str(data.get("lang", "zh")),
        encoding=data.get("encoding"),
        include=_strings(data.get("include"), origin, "include"),
        exclude=_strings(data.get("exclude"), origin, "exclude"),
        genre=str(data["genre"]) if data.get("genre") else None,
        previous=_strings(data.get("previous"), origin, "previous"),
        verdict=_verdict(data.get("verdict"), origin),
        path=origin,
        base_dir=str(folder),
    )


def _verdict(value: Any, origin: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``verdict: {return: [error, term/foreign-locality], revise: [warning]}``; a key left out keeps
    its default, an empty list means never."""
    default = dict(Config.verdict)
    if value is None:
        return Config.verdict
    if not isinstance(value, dict) or set(value) - set(_VERDICT_KEYS):
        raise ConfigError(f"{origin}: verdict 只能有 return（需退回）和 revise（建议修改）两项，"
                          "各是级别（error、warning、info）或规则前缀的列表")
    return tuple((key, _strings(value[key], origin, f"verdict.{key}") if key in value else default[key])
                 for key in _VERDICT_KEYS)


def _strings(value: Any, origin: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{origin}：{key} 应是文字或文字列表")


def _did_you_mean(word: str, known) -> str:
    import difflib

    close = difflib.get_close_matches(word, sorted(known), n=1)
    return f"（是否想写 {close[0]}？）" if close else ""
