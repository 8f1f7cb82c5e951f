"""The on-disk cache of compiled bundled rulesets: used when fresh, rebuilt when a YAML file changes,
and harmless when it cannot be written."""

from __future__ import annotations

import os
import shutil

import pytest

from checker import resources
from checker.rules import cache as rulecache
from checker.rules.loader import load

from conftest import ROOT


@pytest.fixture
def bundled(tmp_path, monkeypatch):
    """A private copy of the bundled rulesets and a private cache directory."""
    copy = tmp_path / "rulesets"
    shutil.copytree(ROOT / "rulesets", copy)
    monkeypatch.setattr(resources, "ruleset_dir", lambda: copy)
    monkeypatch.setenv("FZLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("FZLINT_NO_CACHE", raising=False)
    return copy


def test_second_load_comes_from_the_cache(bundled, tmp_path):
    first = load()
    assert len(list((tmp_path / "cache").glob("rules-*.pickle"))) == 1
    second = load()
    assert [r.id for r in second] == [r.id for r in first]
    assert second.rules[0] is not first.rules[0]  # unpickled, not the same objects


def test_editing_a_yaml_file_invalidates_the_cache(bundled, tmp_path):
    assert any(r.id == "structure/title-missing" for r in load())
    path = bundled / "default" / "structure.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    severity: warning\n    title: 缺少规范的报告标题", "    severity: off\n    title: 缺少规范的报告标题"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert not any(r.id == "structure/title-missing" for r in load())
    assert len(list((tmp_path / "cache").glob("rules-*.pickle"))) == 2


def test_a_corrupt_cache_file_is_rebuilt(bundled, tmp_path):
    load()
    cached = next((tmp_path / "cache").glob("rules-*.pickle"))
    cached.write_bytes(b"not a pickle")
    assert load()
    assert cached.read_bytes() != b"not a pickle"


def test_an_unwritable_cache_directory_only_costs_time(bundled, tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    monkeypatch.setenv("FZLINT_CACHE_DIR", str(blocker / "cache"))
    assert load()


def test_user_rulesets_are_never_cached(bundled, tmp_path):
    profile = tmp_path / "p.yaml"
    profile.write_text("extends: default\nrules: {}\n", encoding="utf-8")
    assert rulecache._key((str(profile),)) is None


def test_editing_the_code_invalidates_the_cache(bundled, monkeypatch):
    """Pickled rules are instances of the package's classes: new code must not meet old pickles."""
    before = rulecache._key(("default",))
    module = __import__("checker.checks.pattern", fromlist=["x"]).__file__
    stat = os.stat(module)
    try:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
        assert rulecache._key(("default",)) != before
    finally:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_a_file_built_from_another_key_is_not_used(bundled, tmp_path):
    """Files are named by a checksum; the key stored inside decides (a checksum can collide)."""
    import pickle

    load()
    cached = next((tmp_path / "cache").glob("rules-*.pickle"))
    cached.write_bytes(pickle.dumps(("some other key", [])))
    assert load()  # the empty rule list of the other key was not taken
    stored_key, rules = pickle.loads(cached.read_bytes())
    assert stored_key == rulecache._key(("default",)) and rules


def test_a_cache_miss_trusts_the_bundled_patterns_and_the_suite_validates_them(tmp_path):
    """A miss loads bundled files without compiling every pattern (text/regexes.trusted); so this
    test loads every bundled ruleset with the cache off, in a fresh process (the profile is read
    once per process), where each pattern is compiled and a broken one is a load error."""
    import subprocess
    import sys

    from checker.text import regexes

    script = ("from checker.rules.loader import load\n"
              "for name in ('default', 'information-disclosure'):\n"
              "    assert len(load([name])) > 50, name\n")
    env = {**os.environ, "FZLINT_NO_CACHE": "1", "FZLINT_CACHE_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with regexes.trusted():
        regexes.validate("(unclosed")  # not compiled inside a trusted load
        assert not regexes.validating()
    assert regexes.validating()
    with pytest.raises(Exception):
        regexes.validate("(unclosed")


def test_a_broken_pattern_in_a_copied_bundled_file_fails_when_validating(bundled, monkeypatch):
    path = bundled / "lexicons" / "misuses.yaml"
    text = path.read_text(encoding="utf-8")
    assert '- match: "法制建设"' in text
    path.write_text(text.replace('- match: "法制建设"', '- match: "法制建设("', 1), encoding="utf-8")
    monkeypatch.setenv("FZLINT_NO_CACHE", "1")
    with pytest.raises(Exception, match="regular expression"):
        load()
