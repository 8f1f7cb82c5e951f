"""A ruleset with a mistake is refused before any report is read, naming file and line."""

from __future__ import annotations

import textwrap

import pytest

from checker.rules.loader import RulesetError, load

GOOD = """
  structure/title-missing:
    check: title
    severity: warning
    title: 标题
    rationale: 依据
    params: {topic: 法治, doc_type: 报告}
    message: 缺少标题
    examples: {fail: ["正文"], pass: ["某镇2023年法治政府建设报告"]}
"""


def write(tmp_path, body: str, name: str = "r.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "body, line, fragment",
    [
        ("rules:\n  x/y:\n    check: nope\n    severity: error\n    title: t\n    rationale: r\n    message: m\n    examples: {fail: [a], pass: [b]}\n", 3, "unknown check type 'nope'"),
        ("rules:\n  x/y:\n    check: title\n    severity: fatal\n    title: t\n    rationale: r\n    message: m\n    params: {topic: a, doc_type: b}\n    examples: {fail: [a], pass: [b]}\n", 4, "severity"),
        ("rules:\n  x/y:\n    check: title\n    severity: error\n    title: t\n    rationale: r\n    message: m\n    colour: red\n    params: {topic: a, doc_type: b}\n    examples: {fail: [a], pass: [b]}\n", 8, "unknown key(s) colour"),
        ("rules:\n  x/y:\n    check: title\n    severity: error\n    title: t\n    rationale: r\n    message: m\n    params:\n      topic: '(unclosed'\n      doc_type: b\n    examples: {fail: [a], pass: [b]}\n", 9, "not a valid regular expression"),
        ("rules:\n  x/y:\n    check: title\n    severity: error\n    title: t\n    rationale: r\n    message: '缺少{nothing}'\n    params: {topic: a, doc_type: b}\n    examples: {fail: [a], pass: [b]}\n", 7, "{nothing}"),
        ("rules:\n  x/y:\n    check: title\n    severity: error\n    title: t\n    rationale: r\n    message: m\n    params: {topic: a, doc_type: b, extra: 1}\n    examples: {fail: [a], pass: [b]}\n", 8, "unknown parameter(s) extra"),
        ("rules:\n  x/y:\n    check: title\n    severity: error\n    title: t\n    rationale: r\n    message: m\n    params: {topic: a}\n    examples: {fail: [a], pass: [b]}\n", 8, "missing required parameter 'doc_type'"),
        ("rules:\n  x/y:\n    check: title\n    severity: error\n    title: t\n    rationale: r\n    message: m\n    params: {topic: a, doc_type: b}\n", 2, "missing required key 'examples'"),
        ("rules:\n  x/y:\n    check: title\n    severity: error\n    title: t\n    rationale: r\n    message: m\n    params: {topic: a, doc_type: b, need_year: maybe}\n    examples: {fail: [a], pass: [b]}\n", 8, "need_year"),
        ("rules:\n  Bad_Id:\n    check: title\n", 2, "kebab-case"),
        ("rules:\n  x/y: [1, 2\n", 3, "invalid YAML"),
        ("ruels: {}\n", 1, "unknown top-level key 'ruels'"),
    ],
    ids=["unknown-check", "bad-severity", "unknown-key", "bad-regex", "bad-placeholder", "unknown-param",
         "missing-param", "no-examples", "wrong-type", "bad-id", "yaml-syntax", "top-level-typo"],
)
def test_mistakes_are_reported_with_file_and_line(tmp_path, body, line, fragment):
    path = write(tmp_path, body)
    with pytest.raises(RulesetError) as err:
        load([path])
    assert f"r.yaml:{line}:" in str(err.value)
    assert fragment in str(err.value)


def test_extends_overrides_key_by_key(tmp_path):
    profile = write(tmp_path, "extends: default\nrules:\n  structure/title-missing:\n    severity: error\n  structure/heading-style:\n    severity: off\n")
    rules = {r.id: r for r in load([profile])}
    assert rules["structure/title-missing"].severity.label == "error"
    assert rules["structure/title-missing"].messages  # inherited
    assert "structure/heading-style" not in rules


def test_include_cycle_is_an_error(tmp_path):
    write(tmp_path, "include: [b.yaml]\n", "a.yaml")
    write(tmp_path, "include: [a.yaml]\n", "b.yaml")
    with pytest.raises(RulesetError, match="includes itself"):
        load([str(tmp_path / "a.yaml")])


def test_a_good_custom_ruleset_loads(tmp_path):
    rules = load([write(tmp_path, "rules:" + GOOD)])
    assert [r.id for r in rules] == ["structure/title-missing"]
