"""What each subcommand does: options → Config → Session → a view → an exit code.

The Session does the work; the reporters render; this module only connects them and decides the
exit code (design.md: 0 nothing at or above --fail-on, 1 findings, 2 trouble).
"""

from __future__ import annotations

import os
import sys

from ..config import Config, ConfigError, discover
from ..diagnostics import Severity
from ..rules.ruleset import RulesetError
from . import output
from .exit_codes import EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE
from .session import Session

BINARY_FORMATS = ("xlsx",)


def _fail(message: str) -> int:
    print(f"fzlint: {message}", file=sys.stderr)
    return EXIT_TROUBLE


def config_from(args) -> Config:
    """The discovered configuration with the command line's options on top."""
    config = discover(getattr(args, "config", None))
    return config.merged(
        rulesets=tuple(args.ruleset) if getattr(args, "ruleset", None) else None,
        select=_list(getattr(args, "select", None)),
        ignore=_list(getattr(args, "ignore", None)),
        fail_on=Severity.parse(args.fail_on) if getattr(args, "fail_on", None) else None,
        year=getattr(args, "year", None),
        lang=getattr(args, "lang", None),
        encoding=getattr(args, "encoding", None),
        include=_globs(getattr(args, "include", None)),
        exclude=_globs(getattr(args, "exclude", None)),
        genre=getattr(args, "genre", None),
        previous=tuple(getattr(args, "previous", None) or ()) or None,
    )


def _list(value: str | None) -> tuple[str, ...] | None:
    return tuple(s.strip() for s in value.split(",") if s.strip()) if value else None


def _check_encoding(name: str | None) -> None:
    """An unknown codec or a transform (base64, zlib) is a usage error, before any file is read."""
    from ..sources.encodings import EncodingProblem, text_codec

    if name:
        try:
            text_codec(name)
        except EncodingProblem as err:
            raise ConfigError(f"--encoding：{err}") from None


def _globs(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(g.strip() for v in values for g in v.split(",") if g.strip())


def _session(args) -> Session:
    """A session whose rules are loaded now (so a bad config or ruleset fails before any file)."""
    session = Session(config_from(args))
    _check_encoding(session.config.encoding)
    session.ruleset  # noqa: B018 - raises RulesetError here, not halfway through a run
    session.verdict_policy  # noqa: B018 - and ConfigError for a verdict: that names no rule
    return session


def check(args) -> int:
    if args.format in BINARY_FORMATS and not args.output:
        return _fail(f"--format {args.format} 生成的是二进制文件，请用 -o 指定输出文件，例如 -o 审查结果.{args.format}")
    try:
        session = _session(args)
    except (ConfigError, RulesetError) as err:
        return _fail(str(err))
    found = session.files(args.paths, outputs=(args.output,) if args.output else ())
    paths = found.paths
    if not paths:
        return _fail("没有找到可检查的文件（支持 .txt .md .docx .pdf）。")
    if args.annotate or args.track_fixes:
        from .annotating import usage_problem

        problem = usage_problem(args, paths) if args.annotate else "--track-fixes 需与 --annotate 同用。"
        if problem:
            return _fail(problem)
    fix_trouble = False
    if args.fix or args.diff:
        from .fixing import fix_files

        code = fix_files(session, paths, unsafe=args.unsafe_fixes, diff_only=args.diff)
        if args.diff:
            return code
        fix_trouble = code == EXIT_TROUBLE
    run = session.run(paths, jobs=args.jobs, progress=not args.no_progress, stdin_name=args.stdin_filename,
                      cross=not args.no_summary, skipped=found.skipped)
    if args.write_baseline or args.baseline:
        run, code = _baseline(run, args)
        if code is not None:
            return code
    trouble = _report(run, session, args)
    if args.annotate:
        from .annotating import write_all

        fix_trouble = write_all(run.files, session.all_rules, args) or fix_trouble
    return trouble or (EXIT_TROUBLE if fix_trouble else _exit_code(run, session.config))


def _report(run, session: Session, args) -> int | None:
    """Render and write the run; EXIT_TROUBLE when the output cannot be written or a file was unreadable.

    Writing an export of a big batch takes a while: a progress bar runs meanwhile (stderr, when it
    is a terminal), and a line on stderr says where the file went and for how many reports.
    """
    from .. import reporters
    from .parallel import Progress

    rules = session.all_rules  # a run may judge reports of several genres
    lang = session.config.lang or "zh"
    options = {"color": _color(args), "width": width(), "statistics": args.statistics, "rules": rules, "lang": lang,
               "titles": {r.id: (r.title_en or r.title) if lang == "en" else r.title for r in rules},
               "summary": not args.no_summary}
    target = None if args.annotate else args.output  # with --annotate, -o names the annotated copy
    total = len(run.files) + sum(len(r.diagnostics) for r in run.files) + len(run.cross)
    label = f"写入 {os.path.basename(target)}" if target else "输出中"
    with Progress(total, bool(target) and not args.no_progress and total > 1000, label=label, unit="条") as advance:
        options["advance"] = advance
        try:
            output.write(output.render(reporters.get(args.format), run, options), target)
        except output.OutputError as err:
            return _fail(str(err))
    if target and target != os.devnull:
        print(f"fzlint: 已写入 {target}（{run.totals.files} 份报告）。", file=sys.stderr)
    if args.format != "text":
        for result in run.files:
            if result.error:
                print(f"fzlint: {result.path}: {result.error}", file=sys.stderr)
        for item in run.skipped:
            print(f"fzlint: {item.path}: 未检查：{item.reason}。", file=sys.stderr)
    return EXIT_TROUBLE if run.totals.unreadable else None


def _exit_code(run, config: Config) -> int:
    return EXIT_FINDINGS if run.worst_at_least(config.fail_on) else EXIT_OK


def _baseline(run, args):
    """--write-baseline records every finding and ends the run; --baseline drops the known ones."""
    from dataclasses import replace

    from . import baseline

    try:
        if args.write_baseline:
            count = baseline.write(args.write_baseline, run.files)
            print(f"fzlint: 已把 {count} 个问题记入基线 {args.write_baseline}。", file=sys.stderr)
            return run, (EXIT_TROUBLE if run.totals.unreadable else EXIT_OK)
        files, removed = baseline.drop_known(run.files, baseline.load(args.baseline), args.baseline)
    except baseline.BaselineError as err:
        return run, _fail(str(err))
    if removed:
        print(f"fzlint: 基线 {args.baseline} 中已记录的 {removed} 个问题未再报告。", file=sys.stderr)
    return replace(run, files=tuple(files)), None


def _color(args) -> bool:
    if args.color == "always":
        return True
    if args.color == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() and not args.output


def width() -> int:
    """The console width; COLUMNS wins (as for other tools), a pipe gets 120."""
    import shutil

    return max(shutil.get_terminal_size((120, 24)).columns, 60)


def outline(args) -> int:
    from ..analysis.summary import outline_of
    from ..reporters import outline as view

    from dataclasses import replace

    try:
        session = Session(config_from(args))
        book = session.rulebook  # the outline needs each genre, not its rules
        bare = replace(book, rulesets={g: rs.only(lambda r: False) for g, rs in book.rulesets.items()})
    except (ConfigError, RulesetError) as err:
        return _fail(str(err))
    result, _ = Session(session.config, rulebook=bare).lint_file(args.path)
    if result.error:
        return _fail(f"{args.path}: {result.error}")
    sys.stdout.write(view.render(outline_of(result.analysis), width(), paragraphs=result.kind == "docx"))
    return EXIT_OK


def rules(args) -> int:
    from ..reporters.rules import render_list

    try:
        ruleset = _session(args).ruleset
    except (ConfigError, RulesetError) as err:
        return _fail(str(err))
    sys.stdout.write(render_list(ruleset, args.format))
    return EXIT_OK


def explain(args) -> int:
    from ..reporters.rules import render_explain

    try:
        ruleset = Session(config_from(args)).catalogue
    except (ConfigError, RulesetError) as err:
        return _fail(str(err))
    rule = ruleset.get(args.rule)
    if rule is None:
        close = [rid for rid in ruleset.ids if args.rule in rid]
        hint = f"（相近的规则：{', '.join(close[:5])}）" if close else ""
        return _fail(f"没有规则 {args.rule}{hint}。用 fzlint rules 查看全部规则。")
    sys.stdout.write(render_explain(rule, ruleset, getattr(args, "format", "text"), getattr(args, "lang", None) or "zh"))
    return EXIT_OK
