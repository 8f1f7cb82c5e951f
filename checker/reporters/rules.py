"""The `fzlint rules` and `fzlint explain` views: what each rule of the configured ruleset is.

Both read the Ruleset the session configured (so `fzlint.yaml` selections, severities and extra
rulesets show), never a ruleset of their own.
"""

from __future__ import annotations

import json


def render_list(ruleset, fmt: str = "text") -> str:
    if fmt == "json":
        data = [{"id": r.id, "severity": r.severity.label, "check": r.check_name, "title": r.title,
                 "fixable": r.fixable, "scope": r.scope} for r in ruleset]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    lines = []
    for r in ruleset:
        fix = "可自动修复" if r.fixable else ""
        lines.append(f"{r.id:<42} {r.severity.label:<8} {r.check_name:<18} {r.title} {fix}".rstrip())
    if ruleset.notes:
        lines += ["", "词表和参数的扩展："] + [f"  {note}" for note in ruleset.notes]
    return "\n".join(lines) + "\n"


def render_explain(rule, ruleset, fmt: str = "text", lang: str = "zh") -> str:
    if fmt == "json":
        return json.dumps(_explain_data(rule, ruleset), ensure_ascii=False, indent=2) + "\n"
    if lang == "en":
        return _explain_en(rule)
    out = [f"{rule.id}  [{rule.severity.label}]  {rule.title}",
           f"检查类型：{rule.check_name}；{'可自动修复（fzlint check --fix）' if rule.fixable else '不可自动修复'}；定义于 {rule.shown_origin}",
           "", "依据：", f"  {rule.rationale}", "", "提示信息："]
    out += [f"  - {message}" for message in rule.messages.values()]
    for table in rule.lexicons:
        lexicon = ruleset.lexicons[table]
        changes = "；".join(lexicon.changes)
        out.append(f"\n读取词表 {table}：{len(lexicon)} 条" + (f"（{changes}）" if changes else ""))
    for label, key in (("不合格示例", "fail"), ("合格示例", "pass")):
        out += ["", f"{label}："]
        for example in rule.examples[key]:
            year = f"（报告年度 {example['year']}）" if example.get("year") else ""
            out += ["  " + example["text"].replace("\n", "\n  ") + year, ""]
    out.append(f"确认无需修改时，可在 .txt/.md 报告中该行上方加注释：<!-- fzlint-disable-next-line {rule.id} -->")
    return "\n".join(out) + "\n"


def _explain_en(rule) -> str:
    """The English catalogue: titles and messages in English; the authority and examples are quoted
    in the Chinese of the documents they come from."""
    out = [f"{rule.id}  [{rule.severity.label}]  {rule.title_en or rule.title}",
           f"check type: {rule.check_name}; {'auto-fixable (fzlint check --fix)' if rule.fixable else 'not auto-fixable'}",
           "", "Authority (as the documents state it):", f"  {rule.rationale}", "", "Messages:"]
    out += [f"  - {message}" for message in (rule.messages_en or rule.messages).values()]
    for label, key in (("Failing examples", "fail"), ("Passing examples", "pass")):
        out += ["", f"{label}:"]
        for example in rule.examples[key]:
            year = f"  (report year {example['year']})" if example.get("year") else ""
            out += ["  " + example["text"].replace("\n", "\n  ") + year, ""]
    out.append(f"To keep a finding in a .txt/.md report, put above the line: <!-- fzlint-disable-next-line {rule.id} -->")
    return "\n".join(out) + "\n"


def _explain_data(rule, ruleset) -> dict:
    return {
        "id": rule.id, "severity": rule.severity.label, "check": rule.check_name, "title": rule.title,
        "title_en": rule.title_en, "rationale": rule.rationale, "messages": dict(rule.messages),
        "messages_en": dict(rule.messages_en), "fixable": rule.fixable, "origin": rule.shown_origin, "scope": rule.scope,
        "lexicons": {t: len(ruleset.lexicons[t]) for t in rule.lexicons},
        "examples": {key: [dict(e) for e in rule.examples[key]] for key in ("fail", "pass")},
    }
