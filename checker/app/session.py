"""THE wiring of a run: configuration → rules → files → lint → cross-report → filters → RunResult.

Every command (check, outline, rules, explain, and the fix loop) goes through a Session, so each
sees the same configuration: the same rulesets, selection, severities, per-file ignores, year and
language. Nothing below this module knows about the command line.
"""

from __future__ import annotations

import sys
from functools import cached_property
from typing import Any, Sequence

from ..api import lint_bytes, lint_path, lint_source
from ..config import Config, ConfigError
from ..diagnostics import Severity
from ..results import FileResult, RunResult, Skipped, VerdictPolicy
from ..rules.cross import collect, cross_check
from ..rules.loader import load
from ..rules.rulebook import Rulebook
from ..rules.rulebook import build as build_rulebook
from ..rules.rulebook import load_all
from ..rules.ruleset import Ruleset
from ..rules.selection import matches
from ..sources import Source
from . import discover, parallel

Outcome = tuple[FileResult, dict[str, Any]]  # a result and its cross-report fingerprints


class Session:
    """One configuration, applied the same way by every command."""

    def __init__(self, config: Config, ruleset: Ruleset | None = None, rulebook: Rulebook | None = None) -> None:
        self.config = config
        self._paths: tuple[str, ...] = ()  # the files of the run (candidates for last year's reports)
        if ruleset is not None:  # given rules, as compiled (tests, rule examples): one genre
            rulebook = Rulebook({ruleset.genre.id: ruleset}, ruleset.genre.id)
        if rulebook is not None:
            self.__dict__["rulebook"] = rulebook

    @cached_property
    def rulebook(self) -> Rulebook:
        """A ruleset per genre, configured (raises RulesetError for a bad ruleset, an unknown
        --genre or a selector that matches no rule of any genre)."""
        c = self.config
        return build_rulebook(c.rulesets, c.genre, lambda rs, ids: rs.configured(c.select, c.ignore, c.severity, known=ids),
                              loaded=self._loaded)

    @cached_property
    def _loaded(self) -> dict[str, Ruleset]:
        """Every genre's ruleset as loaded, before selection: read (or unpickled) once for both
        the run's rulebook and the catalogue."""
        return load_all(self.config.rulesets)

    @cached_property
    def ruleset(self) -> Ruleset:
        """The rules of the chosen genre (--genre), else of the configured rulesets' genre."""
        return self.rulebook.main

    @property
    def all_rules(self):
        """Every rule a report of this run may be judged by, whatever its genre (titles, SARIF)."""
        return self.rulebook.all_rules

    @cached_property
    def catalogue(self) -> Ruleset:
        """Every rule of every genre, severities applied, none deselected (explain)."""
        c = self.config
        book = build_rulebook(c.rulesets, c.genre, lambda rs, ids: rs.configured(severity=c.severity), loaded=self._loaded)
        return book.main.with_rules(book.all_rules)

    @cached_property
    def previous(self):
        """Finds last year's report of a report's issuer among --previous and the run's files."""
        from .previous import PreviousFinder

        given = discover.collect(list(self.config.previous), self.config) if self.config.previous else []
        return PreviousFinder(tuple(given) + self._paths, self.rulebook, self.config.encoding)

    @cached_property
    def verdict_policy(self) -> VerdictPolicy:
        """The configured ``verdict:`` with its rule prefixes resolved (ConfigError for one matching nothing)."""
        spec = dict(self.config.verdict)
        ids = self.catalogue.ids
        at, rules = {}, {}
        for key in ("return", "revise"):
            levels = [Severity.parse(e) for e in spec[key] if e in ("error", "warning", "info")]
            prefixes = tuple(e for e in spec[key] if e not in ("error", "warning", "info"))
            unknown = [p for p in prefixes if not any(matches(rid, (p,)) for rid in ids)]
            if unknown:
                raise ConfigError(f"{self.config.path or '配置'}: verdict.{key}：没有规则匹配 {', '.join(unknown)}")
            at[key] = min(levels) if levels else None
            rules[key] = frozenset(rid for rid in ids if matches(rid, prefixes)) if prefixes else frozenset()
        return VerdictPolicy(at["return"], rules["return"], at["revise"], rules["revise"])

    def files(self, paths: Sequence[str], outputs: Sequence[str] = ()) -> discover.Found:
        """The files to check and the files of the folders left out (with why)."""
        return discover.walk(list(paths) or ["."], self.config, tuple(outputs))

    # ---- one file --------------------------------------------------------------------------

    def lint_source(self, source: Source) -> FileResult:
        """One source through the pipeline, with this configuration's per-file ignores."""
        result = lint_source(source, self.rulebook.for_source(source), year=self.config.year, lang=self.config.lang,
                             previous=self.previous)
        return self._ignoring(result)

    def lint_file(self, path: str, data: bytes | None = None, *, collect_for: Sequence = ()) -> Outcome:
        """Lint a file (or ``data`` standing for it) and fingerprint it for the cross-report rules."""
        options = {"year": self.config.year, "encoding": self.config.encoding, "lang": self.config.lang,
                   "previous": self.previous}
        book = self.rulebook
        result = lint_path(path, book, **options) if data is None else lint_bytes(data, path, book, **options)
        result = self._ignoring(result)
        return result, collect(result, collect_for) if collect_for else {}

    def _ignoring(self, result: FileResult) -> FileResult:
        ignored = self.config.ignored_for(result.path)
        return result.keeping(lambda d: not matches(d.rule, ignored)) if ignored else result

    # ---- a run -----------------------------------------------------------------------------

    def run(self, paths: Sequence[str], *, jobs: int | None = None, progress: bool = False,
            stdin_name: str | None = None, cross: bool = True, skipped: Sequence[Skipped] = ()) -> RunResult:
        """Lint ``paths`` ("-" is standard input) in input order, then (``cross``) the cross-report rules;
        ``skipped`` are the files of the folders that were left out, for the outputs to name."""
        cross_rules = [r for r in self.all_rules if r.check.batch] if len(paths) > 1 and cross else []
        self._paths = tuple(p for p in paths if p != "-")
        self.__dict__.pop("previous", None)  # candidates include this run's files
        work = _Work(self, tuple(cross_rules))
        files = [p for p in paths if p != "-"]
        outcomes = dict(zip((i for i, p in enumerate(paths) if p != "-"),
                            parallel.run_all(files, work, jobs=jobs or parallel.default_jobs(), progress=progress,
                                             crashed=_crashed)))
        for index, path in enumerate(paths):
            if path == "-":
                outcomes[index] = self.lint_file(stdin_name or "<stdin>", sys.stdin.buffer.read(), collect_for=cross_rules)
        ordered = [outcomes[i] for i in range(len(paths))]
        results = tuple(result for result, _ in ordered)
        cross = cross_check(results, [data for _, data in ordered], cross_rules, self.config.lang) if cross_rules else ()
        return RunResult(results, cross, policy=self.verdict_policy, skipped=tuple(skipped))

    def run_texts(self, texts: Sequence[str], *, strict: bool = True) -> RunResult:
        """Lint strings as the files ``<text1>``, ``<text2>``… of one run (tests, rule examples)."""
        from ..api import lint_text

        results = tuple(self._ignoring(lint_text(t, self.rulebook.for_source(_Text(t)), path=f"<text{i + 1}>", strict=strict))
                        for i, t in enumerate(texts))
        cross_rules = [r for r in self.all_rules if r.check.batch]
        return RunResult(results, cross_check(results, [collect(r, cross_rules) for r in results], cross_rules),
                         policy=self.verdict_policy)


class _Text:
    """A text standing for a source when choosing its genre."""

    def __init__(self, text: str) -> None:
        self.text = text


class _Work:
    """What a worker does with one path (picklable: the session travels to the pool once)."""

    def __init__(self, session: Session, cross_rules: tuple) -> None:
        self.session, self.cross_rules = session, cross_rules

    def __call__(self, path: str) -> Outcome:
        result, collected = self.session.lint_file(path, collect_for=self.cross_rules)
        return result.slim(), collected


def _crashed(path: str) -> Outcome:
    return FileResult(path, error="检查进程意外退出，无法检查此文件。"), {}


