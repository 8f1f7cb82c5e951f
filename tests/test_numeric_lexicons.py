"""The numeric vocabularies are data: a ruleset adds a partition, a rate or change word by YAML.

Each lexicon is validated when the ruleset loads; a mistake names the file and the line.
"""

from __future__ import annotations

import textwrap

import pytest

from checker.api import lint_text
from checker.rules.loader import RulesetError, load

HEAD = "柳河县2023年法治政府建设年度报告\n一、2023年推进法治政府建设的主要举措和成效\n"


def _ruleset(tmp_path, lexicons: str):
    path = tmp_path / "mine.yaml"
    path.write_text("extends: default\nlexicons:\n" + textwrap.indent(textwrap.dedent(lexicons), "  "),
                    encoding="utf-8")
    return load([str(path)])


def _rules_fired(rules, text: str) -> set[str]:
    return {d.rule for d in lint_text(HEAD + text, rules, strict=True).diagnostics}


def test_a_partition_added_by_yaml_makes_a_list_exhaustive(tmp_path) -> None:
    text = "全县共有学校52所，其中公办学校38所、民办学校12所。"
    assert "numeric/sum-mismatch" not in _rules_fired(load(), text)  # a selection, as far as we know
    rules = _ruleset(tmp_path, """
        partitions:
          - {name: 办学性质, parts: ["公办", "民办"]}
        """)
    assert "numeric/sum-mismatch" in _rules_fired(rules, text)  # 38 + 12 = 50, not 52


def test_a_rate_word_added_by_yaml_is_paired(tmp_path) -> None:
    text = "全年开展执法检查120次，其中发现问题36次，问题发现率25%。"
    assert "numeric/rate-mismatch" not in _rules_fired(load(), text)
    rules = _ruleset(tmp_path, """
        rate-words:
          - {word: 问题发现率, numerator: "发现问题", denominator: "开展|检查"}
        """)
    assert "numeric/rate-mismatch" in _rules_fired(rules, text)  # 36 / 120 = 30%


def test_a_change_word_added_by_yaml_is_read(tmp_path) -> None:
    text = "全年受理行政复议案件182件，较上年的150件攀升25%。"
    assert "numeric/change-mismatch" not in _rules_fired(load(), text)
    rules = _ruleset(tmp_path, """
        change-words:
          - {word: 攀升, direction: rise}
        """)
    assert "numeric/change-mismatch" in _rules_fired(rules, text)  # (182 - 150) / 150 = 21.3%


@pytest.mark.parametrize(("lexicons", "fragment"), [
    ("change-words:\n  - {word: 攀升, direction: upward}\n", "must be one of rise, fall, none"),
    ("partitions:\n  - {name: 坏的, parts: ['(未闭合']}\n", "not a valid regular expression"),
    ("partitions:\n  - {name: 缺部分}\n", "needs 'parts'"),
    ("list-markers:\n  - {word: 其中有, exhaustive: maybe}\n", "true or false"),
    ("total-words:\n  - {word: 总和, after: 1}\n", "true or false"),
])
def test_lexicon_mistakes_name_file_and_line(tmp_path, lexicons: str, fragment: str) -> None:
    with pytest.raises(RulesetError) as err:
        _ruleset(tmp_path, lexicons)
    assert "mine.yaml:" in str(err.value) and fragment in str(err.value)
