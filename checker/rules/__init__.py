"""Rulesets: YAML loaded, validated, compiled and cached; the engine that runs them."""
