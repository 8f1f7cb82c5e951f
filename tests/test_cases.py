"""Every case of tests/cases/ (see casefiles.py), linted with the default ruleset as a whole.

A text case is linted as one report; only its rule's findings are compared. A ``files`` case is a
batch: for a cross-report rule the batch's findings count, for a per-report rule that reads last
year's report the first file is judged with the others as its previous reports.
"""

from __future__ import annotations

import pytest

from casefiles import CASES_DIR, Case, CaseFileError, case_files, load_all, load_file
from conftest import lint_texts, lint_with_previous

CASES = load_all()


def _param(case: Case):
    marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
    return pytest.param(case, id=case.id, marks=marks)


def _fired(case: Case, rules, lint, tmp_path):
    rule = rules.get(case.rule)
    assert rule is not None, f"{case.source}: no rule {case.rule} in the default ruleset"
    if case.files and rule.check.batch:
        _, batch = lint_texts(list(case.files), rules)
        return [f for f in batch if f.rule == case.rule]
    if case.files:
        return lint_with_previous(tmp_path, rules, rule.id, case.files)
    result = lint(case.text, year=case.year, kind=case.kind)
    return sorted((d for d in result.diagnostics if d.rule == case.rule), key=lambda d: d.sort_key)


def _fixed(case: Case, rules) -> str:
    from checker.api import lint_source
    from checker.app.fixer import fix_source
    from checker.sources import Source

    def own(source):
        result = lint_source(source, rules, year=case.year, strict=True)
        return [d for d in result.diagnostics if d.rule == case.rule]

    return fix_source(Source("<case>", case.kind, case.text), own, unsafe=True).text


def _show(found) -> str:
    return "\n".join(f"  {getattr(d, 'start', '?')}-{getattr(d, 'end', '?')}: {d.message}" for d in found) or "  (none)"


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(case: Case, rules, lint, tmp_path):
    found = _fired(case, rules, lint, tmp_path)
    if not case.fires:
        assert not found, f"{case.id} ({case.source}) must stay silent:\n{_show(found)}"
        return
    assert found, f"{case.id} ({case.source}) must fire and did not"
    if case.count is not None:
        assert len(found) == case.count, f"{case.id}: {len(found)} findings, expected {case.count}:\n{_show(found)}"
    if case.spans is not None:
        got = [(d.start, d.end) for d in found]
        want = list(case.spans)
        assert got == want, (f"{case.id}: spans {[case.text[a:b] for a, b in got]} {got}, "
                             f"expected {[case.text[a:b] for a, b in want]} {want}")
    if case.message is not None:
        assert all(case.message in d.message for d in found), f"{case.id}: messages lack {case.message!r}:\n{_show(found)}"
    if case.fixed is not None:
        assert _fixed(case, rules) == case.fixed


def test_every_rule_has_a_case_file_that_fires_and_stays_silent(rules):
    by_rule: dict[str, set[bool]] = {}
    for case in CASES:
        by_rule.setdefault(case.rule, set()).add(case.fires)
    missing = [r.id for r in rules if by_rule.get(r.id) != {True, False}]
    assert not missing, f"rules without a firing and a silent case in tests/cases/: {missing}"
    unknown = sorted(set(by_rule) - {r.id for r in rules})
    assert not unknown, f"case files of no rule: {unknown}"


def test_case_files_are_named_after_their_rule():
    assert case_files(), CASES_DIR
    for path in case_files():
        assert load_file(path)[0].rule == f"{path.parent.name}/{path.stem}"


@pytest.mark.parametrize("body, error", [
    ("rule: term/misuse\ncases:\n  - {text: a, fires: true, fire: true}\n", "unknown keys"),
    ("rule: term/misuse\ncases:\n  - {text: a}\n", "fires"),
    ("rule: term/misuse\ncases:\n  - {text: a, fires: true, spans: [b]}\n", "not in the text"),
    ("rule: term/misuse\ncases:\n  - {text: a, files: [a, b], fires: true}\n", "exactly one"),
    ("rule: term/misuse\ncases:\n  - {text: a, fires: false, message: x}\n", "silent"),
    ("rule: term/other\ncases:\n  - {text: a, fires: true}\n", "does not match"),
    ("rule: term/misuse\ncases: []\nextra: 1\n", "exactly the keys"),
])
def test_the_schema_is_strict(tmp_path, body, error):
    path = tmp_path / "term" / "misuse.yaml"
    path.parent.mkdir()
    path.write_text(body, encoding="utf-8")
    with pytest.raises(CaseFileError, match=error):
        load_file(path)
