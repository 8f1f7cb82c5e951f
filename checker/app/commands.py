"""What each subcommand does, between the parsed options and the reporters."""

from __future__ import annotations

import os
import sys
from dataclasses import replace

from ..config import Config, ConfigError, discover
from ..rules.selection import matches, unknown_selectors
from .exit_codes import EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE
from ..diagnostics import Severity
from ..rules.loader import Rule, RulesetError, load
from ..sources import SUPPORTED

BINARY_FORMATS = ("xlsx",)


def _fail(message: str) -> int:
    print(f"fzlint: {message}", file=sys.stderr)
    return EXIT_TROUBLE


def load_rules(config: Config) -> list[Rule]:
    rules = load(config.rulesets)
    ids = [r.id for r in rules]
    for option, selectors in (("select", config.select), ("ignore", config.ignore)):
        unknown = unknown_selectors(selectors, ids)
        if unknown:
            raise ConfigError(f"--{option}：没有规则匹配 {', '.join(unknown)}（用 fzlint rules 查看全部规则 id）")
    if config.select:
        rules = [r for r in rules if matches(r.id, config.select)]
    if config.ignore:
        rules = [r for r in rules if not matches(r.id, config.ignore)]
    for prefix, level in config.severity:
        if level == "off":
            rules = [r for r in rules if not matches(r.id, (prefix,))]
        else:
            rules = [r.with_severity(Severity.parse(level)) if matches(r.id, (prefix,)) else r for r in rules]
    return rules


# Repository boilerplate that sits beside reports in a folder; linted only when named explicitly.
_NOT_REPORTS = ("readme*", "changelog*", "license*", "contributing*", "code_of_conduct*")


def collect(paths: list[str], config: Config) -> list[str]:
    """Files to lint, in a stable order; directories recurse over the supported extensions.

    A directory walk skips hidden entries, Office lock files (~$…) and README/CHANGELOG-style
    files; a file named on the command line is always linted.
    """
    import fnmatch

    found: list[str] = []
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            found.append(path)
            continue
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                full = os.path.join(folder, name)
                if not name.lower().endswith(SUPPORTED) or name.startswith((".", "~$")):
                    continue
                if any(fnmatch.fnmatch(name.lower(), p) for p in _NOT_REPORTS) and not config.include:
                    continue
                rel = full.replace(os.sep, "/")
                if config.exclude and any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in config.exclude):
                    continue
                if config.include and not any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in config.include):
                    continue
                found.append(full)
    return found


def _config(args) -> Config:
    config = discover(args.config)
    return config.merged(
        rulesets=tuple(args.ruleset) if args.ruleset else None,
        select=tuple(s.strip() for s in args.select.split(",") if s.strip()) if args.select else None,
        ignore=tuple(s.strip() for s in args.ignore.split(",") if s.strip()) if args.ignore else None,
        fail_on=Severity.parse(args.fail_on) if args.fail_on else None,
        year=args.year,
        lang=args.lang,
        encoding=args.encoding,
        include=_globs(args.include),
        exclude=_globs(args.exclude),
    )


def _globs(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(g.strip() for v in values for g in v.split(",") if g.strip())


def check(args) -> int:
    if args.format in BINARY_FORMATS and not args.output:
        return _fail(f"--format {args.format} 生成的是二进制文件，请用 -o 指定输出文件，例如 -o 审查结果.{args.format}")
    try:
        config = _config(args)
        rules = load_rules(config)
    except (ConfigError, RulesetError) as err:
        return _fail(str(err))
    paths = collect(args.paths or ["."], config)
    if not paths:
        return _fail("没有找到可检查的文件（支持 .txt .md .docx .pdf）。")
    if args.annotate or args.track_fixes:
        from .annotating import usage_problem

        problem = usage_problem(args, paths) if args.annotate else "--track-fixes 需与 --annotate 同用。"
        if problem:
            return _fail(problem)
    fix_trouble = False
    if args.fix or args.diff:
        code = _fix_files(paths, rules, config, args)
        if args.diff:
            return code
        fix_trouble = code == EXIT_TROUBLE
    from .batch import lint_files

    results, batch = lint_files(paths, rules, config, jobs=args.jobs, progress=not args.no_progress,
                                stdin_name=args.stdin_filename)
    if args.write_baseline or args.baseline:
        code = _baseline(results, args)
        if code is not None:
            return code
    from .. import reporters

    options = {"color": _color(args), "width": _width(), "statistics": args.statistics, "rules": rules,
               "titles": {r.id: r.title for r in rules}}
    output = reporters.get(args.format).render(results, batch, options)
    if not _write(output, None if args.annotate else args.output):  # with --annotate, -o names the copy
        return EXIT_TROUBLE
    if args.annotate:
        from .annotating import write_all

        fix_trouble = write_all(results, rules, args) or fix_trouble
    for result in results:
        if result.error and args.format != "text":
            print(f"fzlint: {result.path}: {result.error}", file=sys.stderr)
    if any(r.error for r in results) or fix_trouble:
        return EXIT_TROUBLE
    failing = any(d.severity >= config.fail_on for r in results for d in r.diagnostics)
    failing = failing or any(Severity.parse(f["severity"]) >= config.fail_on for f in batch)
    return EXIT_FINDINGS if failing else EXIT_OK


def _fix_files(paths: list[str], rules: list[Rule], config: Config, args) -> int:
    """--fix writes the fixes, --diff prints them; messages go to stderr, diffs to stdout."""
    from .fixer import FixError, fix_path, write

    lint = _fix_lint(rules, config)
    changed = trouble = False
    for path in paths:
        if path == "-":
            print("fzlint: 标准输入的内容不会被修复（请对文件使用 --fix）。", file=sys.stderr)
            continue
        try:
            outcome = fix_path(path, lint, unsafe=args.unsafe_fixes, encoding=config.encoding)
            if outcome.changed and not args.diff:
                write(path, outcome.data, outcome.raw)
        except FixError as err:
            print(f"fzlint: {path}: {err}", file=sys.stderr)
            trouble = trouble or not path.lower().endswith((".docx", ".pdf"))
            continue
        changed = changed or outcome.changed
        _report_fix(outcome, args.diff)
    if trouble:
        return EXIT_TROUBLE
    return EXIT_FINDINGS if changed else EXIT_OK


def _fix_lint(rules: list[Rule], config: Config):
    from ..api import lint_source

    def lint(source):
        found = lint_source(source, rules, year=config.year, lang=config.lang).diagnostics
        ignored = config.ignored_for(source.path)
        return [d for d in found if not matches(d.rule, ignored)] if ignored else found

    return lint


def _report_fix(outcome, diff_only: bool) -> None:
    if diff_only and outcome.changed:
        sys.stdout.write(outcome.diff())
    if outcome.applied:
        verb = "可修复" if diff_only else "已修复"
        detail = "，".join(f"{rule} {n} 处" for rule, n in sorted(outcome.applied.items()))
        print(f"fzlint: {outcome.path}: {verb} {sum(outcome.applied.values())} 处（{detail}）。", file=sys.stderr)
    if outcome.remaining:
        print(f"fzlint: {outcome.path}: 另有 {len(outcome.remaining)} 处修复与其他修复重叠或未收敛，未应用；"
              "请再次运行 --fix 或手工修改。", file=sys.stderr)


def _baseline(results, args) -> int | None:
    """--write-baseline records every finding and ends the run; --baseline drops the known ones."""
    from . import baseline

    try:
        if args.write_baseline:
            count = baseline.write(args.write_baseline, results)
            print(f"fzlint: 已把 {count} 个问题记入基线 {args.write_baseline}。", file=sys.stderr)
            return EXIT_TROUBLE if any(r.error for r in results) else EXIT_OK
        removed = baseline.drop_known(results, baseline.load(args.baseline), args.baseline)
    except baseline.BaselineError as err:
        return _fail(str(err))
    if removed:
        print(f"fzlint: 基线 {args.baseline} 中已记录的 {removed} 个问题未再报告。", file=sys.stderr)
    return None


def _color(args) -> bool:
    if args.color == "always":
        return True
    if args.color == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() and not args.output


def _width() -> int:
    """The console width; COLUMNS wins (as for other tools), a pipe gets 120."""
    import shutil

    return max(shutil.get_terminal_size((120, 24)).columns, 60)


def _write(text: str | bytes, output: str | None) -> bool:
    if not output:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        return True
    try:
        mode = "wb" if isinstance(text, bytes) else "w"
        with open(output, mode, **({} if isinstance(text, bytes) else {"encoding": "utf-8"})) as handle:
            handle.write(text)
        return True
    except OSError as err:
        print(f"fzlint: 无法写入 {output}：{err.strerror or err}", file=sys.stderr)
        return False


def outline(args) -> int:
    from rich.console import Console
    from rich.markup import escape
    from rich.tree import Tree

    from ..api import lint_path

    result = lint_path(args.path, [], year=args.year, encoding=args.encoding)
    if result.error:
        return _fail(f"{args.path}: {result.error}")
    doc, facts = result.document, result.facts
    part_of = {id(s): p for p, group in facts.extra["sections"].items() if not p.startswith("_") for s in group}
    label = doc.title_text or "（无标题）"
    tree = Tree(f"[bold]{escape(label)}[/]  [dim]{facts.year or '年度未知'} · {escape(facts.issuer or '主体未知')}[/]")
    from ..offsets import LineIndex

    _outline_children(tree, doc.root, part_of, doc, LineIndex(doc.source.text))
    console = Console(highlight=False, width=max(_width(), 120))
    console.print(tree)
    from ..analysis.facts import PART_NAMES, PARTS

    for part in PARTS:
        info = facts.parts.get(part)
        line_no = LineIndex(doc.source.text).position(doc.norm.map.start(info.line.start))[0] if info else 0
        where = f"第 {line_no} 行（{ {'heading': '标题', 'nested': '嵌套标题', 'topics': '按主题分节', 'inline': '仅正文提及'}[info.how] }）" if info else "未找到"
        console.print(f"  {PART_NAMES[part]}：{where}")
    return EXIT_OK


def _outline_children(tree, section, part_of, doc, index) -> None:
    from rich.markup import escape

    from ..document.headings import canonical_marker
    from ..reporters.labels import PART_LABEL as SHORT_PART

    for child in section.children:
        h = child.heading
        part = part_of.get(id(child))
        tag = f"  [green]← {SHORT_PART[part]}[/]" if part else ""
        line = index.position(doc.norm.map.start(h.marker.start))[0]
        title = h.title_text if len(h.title_text) <= 30 else h.title_text[:30] + "…"
        node = tree.add(f"{canonical_marker(h.level, h.number)}{escape(title)}  [dim]第{line}行[/]{tag}")
        _outline_children(node, child, part_of, doc, index)


def rules(args) -> int:
    import json

    try:
        loaded = load(tuple(args.ruleset) if args.ruleset else ("default",))
    except RulesetError as err:
        return _fail(str(err))
    if args.format == "json":
        data = [{"id": r.id, "severity": r.severity.label, "check": r.check_name, "title": r.title, "fixable": r.fixable} for r in loaded]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in loaded:
        fix = "可自动修复" if r.fixable else ""
        print(f"{r.id:<42} {r.severity.label:<8} {r.check_name:<18} {r.title} {fix}".rstrip())
    return EXIT_OK


def explain(args) -> int:
    try:
        loaded = {r.id: r for r in load(tuple(args.ruleset) if args.ruleset else ("default",))}
    except RulesetError as err:
        return _fail(str(err))
    rule = loaded.get(args.rule)
    if rule is None:
        close = [rid for rid in loaded if args.rule in rid]
        hint = f"（相近的规则：{', '.join(close[:5])}）" if close else ""
        return _fail(f"没有规则 {args.rule}{hint}。用 fzlint rules 查看全部规则。")
    if getattr(args, "format", "text") == "json":
        return _explain_json(rule)
    print(f"{rule.id}  [{rule.severity.label}]  {rule.title}")
    print(f"检查类型：{rule.check_name}；{'可自动修复（fzlint check --fix）' if rule.fixable else '不可自动修复'}；定义于 {rule.origin}")
    print(f"\n依据：\n  {rule.rationale}")
    print("\n提示信息：")
    for message in rule.messages.values():
        print(f"  - {message}")
    for label, key in (("不合格示例", "fail"), ("合格示例", "pass")):
        print(f"\n{label}：")
        for example in rule.examples[key]:
            year = f"（报告年度 {example['year']}）" if example.get("year") else ""
            print("  " + example["text"].replace("\n", "\n  ") + year)
            print()
    print(f"确认无需修改时，可在 .txt/.md 报告中该行上方加注释：<!-- fzlint-disable-next-line {rule.id} -->")
    return EXIT_OK


def _explain_json(rule: Rule) -> int:
    import json

    data = {
        "id": rule.id, "severity": rule.severity.label, "check": rule.check_name, "title": rule.title,
        "title_en": rule.title_en, "rationale": rule.rationale, "messages": dict(rule.messages),
        "messages_en": dict(rule.messages_en), "fixable": rule.fixable, "origin": rule.origin,
        "examples": {key: [dict(e) for e in rule.examples[key]] for key in ("fail", "pass")},
    }
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return EXIT_OK


__all__ = ["check", "outline", "rules", "explain", "replace"]
