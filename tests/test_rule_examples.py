"""Every rule's documented examples run: each fail example fires the rule, each pass one does not."""

from __future__ import annotations

import pytest

from checker.api import lint_text
from conftest import lint_texts, lint_with_previous
from checker.rules.loader import load

RULES = load()
# The information-disclosure genre's own rules (and the shared ones it redefines) run in its ruleset.
DISCLOSURE = load(("information-disclosure",))
CASES = [
    pytest.param(ruleset, rule, kind, i, example, id=f"{rule.id}:{kind}{i}" + ("" if ruleset is RULES else "@disclosure"))
    for ruleset, rules in ((RULES, RULES), (DISCLOSURE, [r for r in DISCLOSURE if "information-disclosure" in r.origin]))
    for rule in rules
    for kind in ("fail", "pass")
    for i, example in enumerate(rule.examples[kind])
]


@pytest.mark.parametrize("ruleset, rule, kind, index, example", CASES)
def test_example(ruleset, rule, kind, index, example, tmp_path):
    if "files" in example and not rule.check.batch:  # a per-report rule that reads last year's report
        fired = lint_with_previous(tmp_path, ruleset.with_rules([rule]), rule.id, example["files"])
    elif "files" in example:  # a cross-report rule: the example is a batch of reports
        _, batch = lint_texts(example["files"], ruleset.with_rules([rule]))
        fired = [f for f in batch if f.rule == rule.id]
    else:
        result = lint_text(example["text"], ruleset.with_rules([rule]), year=example.get("year"), strict=True)
        fired = [d for d in result.diagnostics if d.rule == rule.id]
    if kind == "fail":
        assert fired, f"{rule.id}: fail example {index} did not fire:\n{example['text']}"
    else:
        assert not fired, f"{rule.id}: pass example {index} fired: {[d.message for d in fired]}"


def test_every_rule_is_documented():
    for rule in list(RULES) + list(DISCLOSURE):
        assert rule.title and rule.rationale, rule.id
        assert rule.examples["fail"] and rule.examples["pass"], rule.id
        assert all(m.strip() for m in rule.messages.values()), rule.id


def test_required_rule_ids_present():
    required = {
        "structure/title-missing", "structure/heading-sequence", "structure/heading-nesting",
        "structure/heading-style", "structure/signature-missing", "section/achievements-missing",
        "section/first-responsible-missing", "section/shortcomings-missing", "section/next-year-missing",
        "section/inline-only", "topic/shortcomings-without-causes",
    }
    assert required <= {r.id for r in RULES}


def test_one_repeated_number_is_one_finding():
    from checker.api import lint_text

    rule = next(r for r in RULES if r.id == "structure/heading-sequence")
    text = "一、成效\n（一）甲\n（二）乙\n（二）丙\n（三）丁\n（四）戊"
    assert len(lint_text(text, RULES.with_rules([rule])).diagnostics) == 1


def test_every_rule_speaks_english_too():
    """--lang en needs a title and every message kind in English."""
    for rule in list(RULES) + list(DISCLOSURE):
        assert rule.title_en, rule.id
        assert set(rule.messages_en) == set(rule.messages), rule.id


def test_lang_en_uses_the_english_messages(capsys, tmp_path):
    from checker.cli import main

    path = tmp_path / "r.txt"
    path.write_text("一、主要举措和成效\n三、存在的问题\n", encoding="utf-8")
    main(["check", str(path), "--lang", "en", "--select", "structure/heading-sequence"])
    assert "Heading number skips" in capsys.readouterr().out
