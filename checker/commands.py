"""What each subcommand does, between the parsed options and the reporters."""

from __future__ import annotations

import os
import sys
from dataclasses import replace

from .cli import EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE
from .config import Config, ConfigError, discover, matches
from .diagnostics import Severity
from .ruleset import Rule, RulesetError, load
from .sources import SUPPORTED

BINARY_FORMATS = ("xlsx",)


def _fail(message: str) -> int:
    print(f"fzlint: {message}", file=sys.stderr)
    return EXIT_TROUBLE


def load_rules(config: Config) -> list[Rule]:
    rules = load(config.rulesets)
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


def collect(paths: list[str], config: Config) -> list[str]:
    """Files to lint, in a stable order; directories recurse over the supported extensions."""
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
    from .batch import lint_files

    results, batch = lint_files(paths, rules, config, jobs=args.jobs, progress=not args.no_progress,
                                stdin_name=args.stdin_filename)
    from . import reporters

    options = {"color": _color(args), "width": _width(), "statistics": args.statistics,
               "titles": {r.id: r.title for r in rules}}
    output = reporters.get(args.format).render(results, batch, options)
    if not _write(output, args.output):
        return EXIT_TROUBLE
    for result in results:
        if result.error and args.format != "text":
            print(f"fzlint: {result.path}: {result.error}", file=sys.stderr)
    if any(r.error for r in results):
        return EXIT_TROUBLE
    failing = any(d.severity >= config.fail_on for r in results for d in r.diagnostics)
    failing = failing or any(Severity.parse(f["severity"]) >= config.fail_on for f in batch)
    return EXIT_FINDINGS if failing else EXIT_OK


def _color(args) -> bool:
    if args.color == "always":
        return True
    if args.color == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() and not args.output


def _width() -> int:
    try:
        return max(os.get_terminal_size().columns, 60)
    except OSError:
        return 120


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

    from .api import lint_path

    result = lint_path(args.path, [], year=args.year, encoding=args.encoding)
    if result.error:
        return _fail(f"{args.path}: {result.error}")
    doc, facts = result.document, result.facts
    part_of = {id(s): p for p, group in facts.extra["sections"].items() if not p.startswith("_") for s in group}
    label = doc.title_text or "（无标题）"
    tree = Tree(f"[bold]{escape(label)}[/]  [dim]{facts.year or '年度未知'} · {escape(facts.issuer or '主体未知')}[/]")
    _outline_children(tree, doc.root, part_of, doc)
    console = Console(highlight=False, soft_wrap=True)
    console.print(tree)
    from .facts import PART_NAMES, PARTS

    for part in PARTS:
        info = facts.parts.get(part)
        where = f"第 {info.line.index + 1} 行（{ {'heading': '标题', 'nested': '嵌套标题', 'topics': '按主题分节', 'inline': '仅正文提及'}[info.how] }）" if info else "未找到"
        console.print(f"  {PART_NAMES[part]}：{where}")
    return EXIT_OK


def _outline_children(tree, section, part_of, doc) -> None:
    from rich.markup import escape

    from .checks.headings import canonical_marker

    for child in section.children:
        h = child.heading
        part = part_of.get(id(child))
        tag = f"  [green]← {part}[/]" if part else ""
        node = tree.add(f"{canonical_marker(h.level, h.number)}{escape(h.title_text[:40])}  [dim]第{h.line + 1}行[/]{tag}")
        _outline_children(node, child, part_of, doc)


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
    print(f"{rule.id}  [{rule.severity.label}]  {rule.title}")
    print(f"检查类型：{rule.check_name}；{'可自动修复' if rule.fixable else '不可自动修复'}；定义于 {rule.origin}")
    print(f"\n依据：\n  {rule.rationale}")
    for label, key in (("不合格示例", "fail"), ("合格示例", "pass")):
        print(f"\n{label}：")
        for example in rule.examples[key]:
            print("  " + example["text"].replace("\n", "\n  "))
            print()
    return EXIT_OK


__all__ = ["check", "outline", "rules", "explain", "replace"]
