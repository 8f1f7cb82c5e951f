"""Every check type documents itself with a YAML example in its module docstring; each example
must be valid YAML that the type compiles (style.md principle 8: docs are executed)."""

from __future__ import annotations

import re
import sys

import pytest
import yaml

from checker.checks import REGISTRY
from checker.checks.base import CompileContext

from conftest import default_ruleset

_BLOCK = re.compile(r"```yaml\n(.*?)```", re.S)


def _examples(check_type) -> list[dict]:
    doc = sys.modules[check_type.__module__].__doc__ or ""
    return [yaml.safe_load(block) for block in _BLOCK.findall(doc)]


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_docstring_example_compiles(name):
    check_type = REGISTRY[name]
    examples = _examples(check_type)
    if check_type.Params.__name__ == "NoParams" and not examples:
        return  # a type without parameters needs no example of them
    assert examples, f"{check_type.__module__} has no ```yaml example in its docstring"
    lexicons = default_ruleset().lexicons
    for example in examples:
        assert isinstance(example, dict) and "check" in example, example
        assert REGISTRY[example["check"]].name == example["check"]
        params = {k: (lexicons[v["lexicon"]].plain() if isinstance(v, dict) and set(v) == {"lexicon"} else v)
                  for k, v in (example.get("params") or {}).items()}
        REGISTRY[example["check"]].compile(params, CompileContext(default_ruleset().genre.part_ids))
