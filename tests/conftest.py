"""Shared fixtures: the default ruleset is loaded once per session."""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest

# The compiled-ruleset cache of this test session lives in a scratch directory, never in ~/.cache.
os.environ.setdefault("FZLINT_CACHE_DIR", tempfile.mkdtemp(prefix="fzlint-test-cache-"))

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def rules():
    from checker.rules.loader import load

    return load()


@pytest.fixture(scope="session")
def lint(rules):
    """lint(text, year=None, kind='txt') → FileResult with the default ruleset, strict."""
    from checker.api import lint_text

    def run(text: str, year: int | None = None, kind: str = "txt"):
        return lint_text(text, rules, year=year, kind=kind, strict=True)

    return run


@lru_cache(maxsize=1)
def default_ruleset():
    """The default ruleset, loaded once for the module-level helpers below."""
    from checker.rules.loader import load

    return load()


def genre():
    return default_ruleset().genre


def document(text: str, kind: str = "txt", path: str = "t.txt"):
    """A Document built the way the pipeline builds it (web furniture from the default lexicon)."""
    from checker.document.outline import build
    from checker.document.web_furniture import WebFurniture
    from checker.sources import Source

    lexicons = default_ruleset().lexicons
    furniture = lexicons.derived("web-furniture", lambda: WebFurniture(lexicons["web-furniture"]))
    return build(Source(path, kind, text), furniture)


def analyse(text: str, year: int | None = None, kind: str = "txt"):
    """The Analysis of ``text`` under the default ruleset's genre and lexicons."""
    from checker.analysis import Analysis

    ruleset = default_ruleset()
    return Analysis(document(text, kind), ruleset.genre, ruleset.lexicons, year)


def facts_of(text: str, year: int | None = None):
    return analyse(text, year).facts


def numeric_words():
    """The numeric vocabulary of the default lexicons (units, total and rate words)."""
    from checker.analysis.vocabulary import numeric_words as words

    return words(default_ruleset().lexicons)


def find_quantities(text: str):
    return numeric_words().quantities(text)


def lint_texts(texts, ruleset, *, strict: bool = True):
    """Lint strings as the files of one run: (their results, the cross-report findings)."""
    from checker.app.session import Session
    from checker.config import Config

    run = Session(Config(), ruleset).run_texts(texts, strict=strict)
    return list(run.files), list(run.cross)


def rule_ids(result) -> list[str]:
    return [d.rule for d in result.diagnostics]


def pytest_addoption(parser):
    parser.addoption("--update-snapshots", action="store_true", default=False,
                     help="rewrite tests/snapshots/ from the current output (review the diff before committing)")


@pytest.fixture(scope="session")
def update_snapshots(request) -> bool:
    return bool(request.config.getoption("--update-snapshots"))


def lint_with_previous(tmp_path, ruleset, rule_id: str, files: list[str]) -> list:
    """A rule that reads last year's report: the first text judged, the others given as --previous.
    ``rule_id``'s findings only."""
    from checker.app.session import Session
    from checker.config import Config

    paths = []
    for i, text in enumerate(files):
        path = tmp_path / f"r{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    result, _ = Session(Config(previous=tuple(paths[1:])), ruleset=ruleset).lint_file(paths[0])
    return [d for d in result.diagnostics if d.rule == rule_id]
