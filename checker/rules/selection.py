"""Selecting rules by id prefix, as --select, --ignore, severity and per-file-ignores do.

One definition for the command line, the config file, per-file ignores and suppression comments,
so "numeric" means the same everywhere.
"""

from __future__ import annotations


def matches(rule_id: str, prefixes: tuple[str, ...]) -> bool:
    """Prefix match on rule ids: 'numeric' selects numeric/*, 'numeric/sum' numeric/sum-mismatch
    and numeric/sum-incomplete, 'numeric/sum-mismatch' one rule, ALL everything."""
    return any(_selects(p, rule_id) for p in prefixes)


def _selects(prefix: str, rule_id: str) -> bool:
    if prefix == "ALL":
        return True
    if "/" not in prefix:
        return rule_id.startswith(prefix + "/")  # a category: numeric selects numeric/*, not numericx/*
    return rule_id.startswith(prefix)


def unknown_selectors(prefixes: tuple[str, ...], rule_ids: list[str]) -> list[str]:
    """Selectors that match no rule: a typo that would otherwise silently check nothing."""
    return [p for p in prefixes if not any(_selects(p, rid) for rid in rule_ids)]
