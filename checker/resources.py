"""The one place that knows where grammar/ and rulesets/ live, in a checkout or installed.

In a checkout they sit beside the package; an installed wheel carries them inside it as
checker/grammar and checker/rulesets (see pyproject.toml).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"fzlint is installed without its {name}/ data directory")


def grammar_path(name: str = "outline.lark") -> Path:
    return data_dir("grammar") / name


def ruleset_dir() -> Path:
    return data_dir("rulesets")
