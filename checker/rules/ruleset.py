"""Compiled rulesets: the rules, the genre they judge and the lexicons they read, as one value.

A Ruleset is what the loader returns (and the cache keeps): frozen, picklable, and the only thing
the pipeline needs besides a report. ``configured`` applies a configuration's selection and
severity overrides and returns a new Ruleset, so every command sees the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator

from ..checks.base import Check
from ..diagnostics import Severity
from ..profile.genre import Genre
from ..profile.lexicons import Lexicons
from .selection import matches, unknown_selectors


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
    scope: str = "all"  # where the engine lets the check look (analysis/scope.py)
    lexicons: tuple[str, ...] = ()  # the lexicon tables its parameters read
    forced_severity: bool = False

    @property
    def check_name(self) -> str:
        return self.check.name

    @property
    def fixable(self) -> bool:
        """Whether this rule, as configured, can offer a fix (not merely its check type)."""
        return self.check.can_fix()

    @property
    def shown_origin(self) -> str:
        """Where the rule is defined, as a user can look it up: a bundled rule by its ruleset file
        (no installation path), a user's rule by its own file and line."""
        from ..resources import ruleset_dir

        path, _, line = self.origin.rpartition(":")
        try:
            inside = Path(path).resolve().relative_to(ruleset_dir().resolve())
        except ValueError:
            return self.origin
        return f"内置规则集 {inside.as_posix()}"

    def with_severity(self, severity: Severity) -> "Rule":
        return replace(self, severity=severity, forced_severity=True)

    def template(self, kind: str, lang: str = "zh") -> str:
        """The message template for a finding of ``kind`` (English falls back to Chinese)."""
        templates = self.messages_en if lang == "en" and self.messages_en else self.messages
        return templates[kind] if kind in templates else next(iter(templates.values()))


@dataclass(frozen=True)
class Ruleset:
    """Rules in definition order, with the genre and the lexicons they were compiled against."""

    rules: tuple[Rule, ...]
    genre: Genre
    lexicons: Lexicons
    names: tuple[str, ...] = ()  # what was loaded (bundled names or paths)
    notes: tuple[str, ...] = field(default=())  # how tables were extended or replaced, for `rules`/`explain`

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    @property
    def ids(self) -> list[str]:
        return [r.id for r in self.rules]

    def with_rules(self, rules) -> "Ruleset":
        """The same genre and lexicons with these rules (tests and rule examples run one rule)."""
        return replace(self, rules=tuple(rules))

    def only(self, keep: Callable[[Rule], bool]) -> "Ruleset":
        """The same ruleset with only the rules ``keep`` accepts."""
        return replace(self, rules=tuple(r for r in self.rules if keep(r)))

    def configured(self, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                   severity: tuple[tuple[str, str], ...] = (), known=None) -> "Ruleset":
        """Selection and severity overrides applied; a selector that matches nothing is an error
        (nothing among ``known``, the ids of every genre's rules, when a run judges several genres)."""
        for option, selectors in (("select", select), ("ignore", ignore)):
            unknown = unknown_selectors(selectors, sorted(known) if known is not None else self.ids)
            if unknown:
                raise RulesetError(f"--{option}：没有规则匹配 {', '.join(unknown)}（用 fzlint rules 查看全部规则 id）")
        rules = list(self.rules)
        if select:
            rules = [r for r in rules if matches(r.id, select)]
        if ignore:
            rules = [r for r in rules if not matches(r.id, ignore)]
        for prefix, level in severity:
            if level == "off":
                rules = [r for r in rules if not matches(r.id, (prefix,))]
            else:
                rules = [r.with_severity(Severity.parse(level)) if matches(r.id, (prefix,)) else r for r in rules]
        return replace(self, rules=tuple(rules))

    def required_part_rules(self) -> dict[str, str]:
        """part id → the id of the active rule that reports it missing (a note on older reports,
        ``until_year``, reports parts not yet required: they are not missing)."""
        return {part: r.id for r in self.rules if r.check_name == "required_part"
                and not getattr(r.check.params, "until_year", None) for part in r.check.part_ids}
