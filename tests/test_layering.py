"""Dependencies point one way (style.md): loading and parsing know nothing of rules or output."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "checker"

# module → packages it must never import
FORBIDDEN = {
    "offsets": {"diagnostics", "sources", "normalize", "outline", "facts", "checks", "ruleset", "engine", "reporters", "cli", "commands", "api"},
    "sources": {"normalize", "outline", "facts", "checks", "ruleset", "engine", "reporters", "cli", "commands", "api"},
    "normalize": {"outline", "facts", "checks", "ruleset", "engine", "reporters", "cli", "commands", "api"},
    "outline": {"facts", "checks", "ruleset", "engine", "reporters", "cli", "commands", "api"},
    "numbers": {"outline", "facts", "checks", "ruleset", "engine", "reporters", "cli", "commands", "api"},
    "facts": {"checks", "ruleset", "engine", "reporters", "cli", "commands", "api"},
    "checks": {"ruleset", "engine", "reporters", "cli", "commands", "api", "config"},
    "reporters": {"engine", "checks", "cli", "commands", "api"},
}


def _imports(path: Path) -> set[str]:
    """Top-level checker modules that ``path`` imports (relative imports resolved)."""
    depth = len(path.relative_to(PACKAGE).parts) - 1  # 0 for checker/x.py, 1 for checker/sub/x.py
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            up = node.level - 1
            if up < depth:
                continue  # within the same subpackage
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            found.update(n.split(".")[1] for n in names if n and n.startswith("checker."))
    return found


def test_the_import_scanner_sees_violations(tmp_path):
    assert "engine" in _imports(PACKAGE / "api.py")
    assert "facts" in _imports(PACKAGE / "checks" / "base.py")


def _files(name: str) -> list[Path]:
    target = PACKAGE / name
    return sorted(target.glob("*.py")) if target.is_dir() else [PACKAGE / f"{name}.py"]


def test_dependencies_point_one_way():
    problems = []
    for module, banned in FORBIDDEN.items():
        for path in _files(module):
            bad = _imports(path) & banned
            if bad:
                problems.append(f"{path.relative_to(PACKAGE)} imports {sorted(bad)}")
    assert not problems, problems


def test_only_segment_imports_jieba():
    for path in PACKAGE.rglob("*.py"):
        if path.name != "segment.py":
            assert "import jieba" not in path.read_text(encoding="utf-8"), path
