"""Dependencies point one way (style.md): each stage may import only the stages below it.

Every top-level module and package of ``checker`` has a row, and a unit without one fails the
test, so a new folder has to say where it stands. Imports inside a function count like any other.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "checker"

# unit → the units it may import (besides itself and checker's own __version__), bottom to top.
ALLOWED = {
    "offsets": set(),
    "resources": set(),
    "yamlfile": set(),
    "dependencies": set(),
    "diagnostics": {"offsets"},
    "text": {"offsets", "resources"},
    "sources": {"offsets", "text"},
    "profile": {"resources", "text", "yamlfile"},
    "document": {"sources", "text", "offsets", "resources", "profile"},
    "analysis": {"document", "sources", "text", "offsets", "profile", "diagnostics", "results"},
    "checks": {"analysis", "document", "sources", "text", "offsets", "profile", "diagnostics"},
    "config": {"diagnostics", "yamlfile"},
    "rules": {"checks", "analysis", "document", "sources", "text", "offsets", "profile", "diagnostics", "resources",
              "yamlfile"},
    "results": {"diagnostics", "offsets", "sources"},
    "api": {"rules", "analysis", "document", "sources", "diagnostics", "results", "profile", "dependencies"},
    "reporters": {"diagnostics", "results", "offsets", "profile", "text"},
    "annotate": {"sources", "analysis", "diagnostics", "offsets", "reporters", "results"},
    "serve": {"api", "annotate", "reporters", "sources", "diagnostics", "offsets", "results", "analysis"},
    "app": {"api", "rules", "analysis", "document", "sources", "text", "offsets", "profile", "diagnostics",
            "results", "config", "reporters", "checks", "resources", "annotate", "serve"},
    "cli": {"app", "reporters", "dependencies"},
    "__main__": {"cli"},
}


def _unit(path: Path) -> str:
    first = path.relative_to(PACKAGE).parts[0]
    return first.removesuffix(".py")


def _imports(path: Path) -> set[str]:
    """Top-level checker units that ``path`` imports (relative imports resolved)."""
    package = list(path.relative_to(PACKAGE).parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[:len(package) - (node.level - 1)] if node.level - 1 <= len(package) else []
            target = [*base, *(node.module or "").split(".")]
            target = [t for t in target if t]
            found.update([target[0]] if target else [alias.name for alias in node.names])
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            found.update(n.split(".")[1] for n in names if n and n.startswith("checker."))
    found.discard("__version__")
    return found


def test_the_import_scanner_sees_violations():
    assert "rules" in _imports(PACKAGE / "api.py")
    assert "analysis" in _imports(PACKAGE / "checks" / "base.py")


def test_every_unit_has_a_row():
    units = {_unit(p) for p in PACKAGE.rglob("*.py")} - {"__init__"}
    assert not units - set(ALLOWED), f"add a row to ALLOWED for {sorted(units - set(ALLOWED))}"


def test_dependencies_point_one_way():
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        unit = _unit(path)
        if unit == "__init__":
            continue
        bad = _imports(path) - ALLOWED.get(unit, set()) - {unit}
        if bad:
            problems.append(f"{path.relative_to(PACKAGE)} imports {sorted(bad)}")
    assert not problems, problems


def test_only_segment_imports_jieba():
    for path in PACKAGE.rglob("*.py"):
        if path.name != "segment.py":
            assert "import jieba" not in path.read_text(encoding="utf-8"), path
