"""Shared fixtures: the default ruleset is loaded once per session."""

from __future__ import annotations

import os
import tempfile
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


def rule_ids(result) -> list[str]:
    return [d.rule for d in result.diagnostics]


def pytest_addoption(parser):
    parser.addoption("--update-snapshots", action="store_true", default=False,
                     help="rewrite tests/snapshots/ from the current output (review the diff before committing)")


@pytest.fixture(scope="session")
def update_snapshots(request) -> bool:
    return bool(request.config.getoption("--update-snapshots"))
