"""A ruleset per genre, and the choice of one for each report.

A run may mix genres (a reviewer's folder holds 法治政府建设年度报告 and 政府信息公开工作年度报告
alike): each report is judged by the ruleset of its own genre. The configured rulesets (``--ruleset``,
``default`` when none) judge their genre; every other bundled genre that names a ruleset
(``ruleset:`` in rulesets/genres/<id>.yaml) brings its own. A report's genre is the first whose
``detect`` regex matches one of its first lines (its title), else the configured one; ``--genre``
chooses one for every report.
"""

from __future__ import annotations

from dataclasses import dataclass

from .ruleset import Rule, Ruleset, RulesetError

_HEAD_LINES = 8  # a title sits among the first lines (an issuing body or a doc number may come first)


@dataclass(frozen=True)
class Rulebook:
    """Genre id → its ruleset (the configured genre first); ``forced`` is ``--genre``."""

    rulesets: dict[str, Ruleset]
    primary: str
    forced: str | None = None

    def __post_init__(self) -> None:
        if self.forced is not None and self.forced not in self.rulesets:
            known = ", ".join(self.rulesets)
            raise RulesetError(f"--genre：没有报告类型 {self.forced}（可用：{known}）")

    @property
    def main(self) -> Ruleset:
        """The ruleset of the chosen genre (``--genre``), else of the configured one."""
        return self.rulesets[self.forced or self.primary]

    def genre_of(self, text: str) -> str:
        """The genre a report's text belongs to: forced, detected from its title, or the configured one."""
        if self.forced is not None:
            return self.forced
        head = [line.strip() for line in text[:4000].splitlines() if line.strip()][:_HEAD_LINES]
        head += [a + b for a, b in zip(head, head[1:])]  # a long title wraps (a PDF line, a two-line title)
        for genre_id, ruleset in self.rulesets.items():
            if genre_id != self.primary and any(ruleset.genre.detects(line) for line in head):
                return genre_id
        return self.primary

    def for_source(self, source) -> Ruleset:
        return self.rulesets[self.genre_of(source.text)]

    def __iter__(self):
        return iter(self.all_rules)

    @property
    def all_rules(self) -> tuple[Rule, ...]:
        """Every rule of every genre, the chosen genre's definition of an id winning (titles, SARIF, explain)."""
        seen: dict[str, Rule] = {}
        for ruleset in [self.main, *self.rulesets.values()]:
            for rule in ruleset:
                seen.setdefault(rule.id, rule)
        return tuple(seen.values())


def build(names: tuple[str, ...], forced: str | None, configure, loaded: dict[str, Ruleset] | None = None) -> Rulebook:
    """The configured rulesets for their genre plus each other bundled genre's own ruleset;
    ``configure`` applies selection and severities to one ruleset (lenient: a selector need only
    match in one of them). ``loaded`` is what ``load_all(names)`` returned, when the caller has it
    already (a session configures the same rulesets twice: for the run and for the catalogue)."""
    rulesets = load_all(names) if loaded is None else loaded
    ids = {rule.id for ruleset in rulesets.values() for rule in ruleset}
    configured = {gid: configure(rs, ids) for gid, rs in rulesets.items()}
    return Rulebook(configured, next(iter(rulesets)), forced)


def load_all(names: tuple[str, ...]) -> dict[str, Ruleset]:
    """Genre id → its ruleset as loaded, unconfigured: the configured rulesets' genre first."""
    from .loader import load

    primary = load(names)
    rulesets = {primary.genre.id: primary}
    for genre_id, ruleset_name in bundled_genres():
        if genre_id not in rulesets:
            rulesets[genre_id] = load((ruleset_name,))
    return rulesets


def bundled_genres() -> list[tuple[str, str]]:
    """(genre id, the bundled ruleset that judges it) of every bundled genre that names one;
    cached with the compiled rulesets, so a start reads no genre YAML."""
    from .cache import cached

    return cached(("genres",), lambda _names: _read_bundled_genres())


def _read_bundled_genres() -> list[tuple[str, str]]:
    from ..profile.genre_file import load as load_genre
    from ..resources import ruleset_dir

    found = []
    for path in sorted((ruleset_dir() / "genres").glob("*.yaml")):
        genre = load_genre(path.stem)
        if genre.ruleset:
            found.append((genre.id, genre.ruleset))
    return found
