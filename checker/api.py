"""The per-file pipeline, and the public API: load → normalise → outline → analysis → rules.

``lint_path`` and ``lint_text`` return a FileResult; a file that cannot be read has ``error`` set
and no diagnostics, and never raises.
"""

from __future__ import annotations

from .analysis import Analysis
from .analysis.summary import describe
from .document.outline import build
from .document.web_furniture import WebFurniture
from .rules import engine
from .results import FileResult
from .rules.ruleset import Ruleset
from .dependencies import missing_package
from .sources import Source, SourceError, load_bytes, load_path


def lint_source(source: Source, rules: Ruleset, *, year: int | None = None, lang: str = "zh", strict: bool = False,
                previous=None) -> FileResult:
    """The whole per-file pipeline: outline → analysis → rules (normalising happens in the outline).
    ``previous`` finds the same issuer's report on the year before (cross-year rules)."""
    furniture = rules.lexicons.derived("web-furniture", lambda: WebFurniture(rules.lexicons["web-furniture"]))
    document = build(source, furniture, title_words=(rules.genre.title_topic, rules.genre.title_words))
    analysis = Analysis(document, rules.genre, rules.lexicons, year, previous)
    diagnostics = engine.run(analysis, rules, lang=lang, strict=strict)
    return FileResult(source.path, source, document, analysis.facts, tuple(diagnostics),
                      info=describe(analysis, missing_parts(rules, diagnostics, analysis.facts)), analysis=analysis)


def missing_parts(rules: Ruleset, diagnostics, facts=None) -> tuple[tuple[str, str], ...]:
    """(part, rule) of each part the findings report missing, by the ruleset's required-part rules
    (a rule that names several parts reports those the report lacks)."""
    fired = {d.rule for d in diagnostics}
    return tuple((part, rule_id) for part, rule_id in rules.required_part_rules().items()
                 if rule_id in fired and (facts is None or part not in facts.parts))


def lint_path(path: str, rules, *, year: int | None = None, encoding: str | None = None,
              lang: str = "zh", strict: bool = False, previous=None) -> FileResult:
    """Lint a file; ``rules`` is a Ruleset, or a Rulebook that chooses one by the report's genre."""
    try:
        source = load_path(path, encoding=encoding)
    except SourceError as err:
        return FileResult(path, error=str(err))
    except Exception as err:  # noqa: BLE001 - a reader's bug (or a missing reader) is no traceback
        return _unreadable(path, err, strict)
    return _guarded(source, rules, year, lang, strict, previous)


def lint_bytes(data: bytes, path: str, rules, *, year: int | None = None, encoding: str | None = None,
               lang: str = "zh", strict: bool = False, previous=None) -> FileResult:
    try:
        source = load_bytes(data, path, encoding=encoding)
    except SourceError as err:
        return FileResult(path, error=str(err))
    except Exception as err:  # noqa: BLE001 - a reader's bug (or a missing reader) is no traceback
        return _unreadable(path, err, strict)
    return _guarded(source, rules, year, lang, strict, previous)


def lint_text(text: str, rules: Ruleset | None = None, *, path: str = "<text>", kind: str = "txt",
              year: int | None = None, strict: bool = True) -> FileResult:
    """Lint a string (tests, editors); uses the default ruleset when ``rules`` is None."""
    if rules is None:
        from .rules.loader import load

        rules = load()
    return lint_source(Source(path, kind, text), rules, year=year, strict=strict)


def _unreadable(path: str, err: Exception, strict: bool) -> FileResult:
    if strict:
        raise err
    if isinstance(err, ModuleNotFoundError):
        return FileResult(path, error=missing_package(err))
    return FileResult(path, error=f"内部错误，无法读取此文件（{type(err).__name__}）。请将文件反馈给 fzlint 维护者。")


def _guarded(source: Source, rules, year: int | None, lang: str, strict: bool, previous=None) -> FileResult:
    if hasattr(rules, "for_source"):  # a Rulebook: the report's genre chooses its ruleset
        rules = rules.for_source(source)
    if strict:
        return lint_source(source, rules, year=year, lang=lang, strict=True, previous=previous)
    try:
        return lint_source(source, rules, year=year, lang=lang, previous=previous)
    except RecursionError:
        return FileResult(source.path, source, error="文件结构过深，无法解析。")
    except ModuleNotFoundError as err:
        return FileResult(source.path, source, error=missing_package(err))
    except Exception as err:  # noqa: BLE001 - the promise is: never a traceback for one bad file
        return FileResult(source.path, source, error=f"内部错误，无法检查此文件（{type(err).__name__}）。请将文件反馈给 fzlint 维护者。")
