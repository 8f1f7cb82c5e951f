"""End-to-end snapshots: what `fzlint check` prints for every sample and corpus report.

The manifest tests say which findings must appear; these pin everything else a user sees
(messages, columns, fixes, infos, grouping, the JSON record). After an intended change run
``python -m pytest tests/test_snapshots.py --update-snapshots`` and review the diff in the commit.
Corpus reports are real published text, so their snapshots keep only positions, rules and
messages (no source lines), and they skip when ../shared/corpus is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main

from conftest import CORPUS, ROOT, SAMPLES

SNAPSHOTS = ROOT / "tests" / "snapshots"
# The disclosure samples are judged by their own genre (information-disclosure, from their titles).
SAMPLE_FILES = sorted(p.relative_to(ROOT).as_posix() for folder in ("clean", "defective", "disclosure")
                      for p in (SAMPLES / folder).rglob("*") if p.suffix in (".txt", ".md") and p.name != "README.md")
CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


def _run(capsys, monkeypatch, folder: Path, name: str, fmt: str) -> str:
    monkeypatch.chdir(folder)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("NO_COLOR", raising=False)
    main(["check", name, "--format", fmt, "--color", "never", "--no-progress"])
    return capsys.readouterr().out


def _compare(path: Path, actual: str, update: bool) -> None:
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"new snapshot written: {path.relative_to(ROOT)} (review and commit it)")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path.relative_to(ROOT)} differs; if intended, rerun with --update-snapshots"


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_sample_terminal(capsys, monkeypatch, update_snapshots, name):
    out = _run(capsys, monkeypatch, ROOT, name, "text")
    _compare(SNAPSHOTS / (name + ".txt"), out, update_snapshots)


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_sample_json(capsys, monkeypatch, update_snapshots, name):
    out = _run(capsys, monkeypatch, ROOT, name, "json")
    _compare(SNAPSHOTS / (name + ".json"), out, update_snapshots)


def _corpus_digest(record: dict) -> str:
    """Positions, rules and messages of one corpus report, without its text."""
    lines = [f"year={record['report_year']} issuer={record['issuer']} encoding={record['encoding']}",
             "parts=" + ",".join(f"{p['part']}@{p['line']}" for p in record["parts"])]
    for d in record["diagnostics"]:
        fix = "" if d.get("fix") is None else f" fix={'safe' if d['fix']['safe'] else 'unsafe'}:{len(d['fix']['edits'])}"
        lines.append(f"{d['line']}:{d['column']}-{d['end_line']}:{d['end_column']} {d['severity']} {d['rule']}{fix} {d['message']}")
    return "\n".join(lines) + "\n"


@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus is absent (a user's clone)")
@pytest.mark.parametrize("name", CORPUS_FILES or ["-"])
def test_corpus(capsys, monkeypatch, update_snapshots, name):
    record = json.loads(_run(capsys, monkeypatch, CORPUS, name, "json"))["files"][0]
    _compare(SNAPSHOTS / "corpus" / (name + ".txt"), _corpus_digest(record), update_snapshots)
