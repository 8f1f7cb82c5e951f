"""--fix and --diff over the files of a run: each file fixed through the session's own lint, so a
fix pass sees exactly the rules and ignores the check will report. Messages go to stderr, diffs
to stdout; .docx and .pdf are never rewritten.
"""

from __future__ import annotations

import sys

from .exit_codes import EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE
from .fixer import FixError, fix_path, write


def fix_files(session, paths: list[str], *, unsafe: bool, diff_only: bool) -> int:
    """Fix (or, with ``diff_only``, show the fixes of) every text file; an exit code."""
    def lint(source):
        return list(session.lint_source(source).diagnostics)

    changed = trouble = False
    for path in paths:
        if path == "-":
            print("fzlint: 标准输入的内容不会被修复（请对文件使用 --fix）。", file=sys.stderr)
            continue
        try:
            outcome = fix_path(path, lint, unsafe=unsafe, encoding=session.config.encoding)
            if outcome.changed and not diff_only:
                write(path, outcome.data, outcome.raw)
        except FixError as err:
            print(f"fzlint: {path}: {err}", file=sys.stderr)
            trouble = trouble or not path.lower().endswith((".docx", ".pdf"))
            continue
        changed = changed or outcome.changed
        _report(outcome, diff_only)
    if trouble:
        return EXIT_TROUBLE
    return EXIT_FINDINGS if changed else EXIT_OK


def _report(outcome, diff_only: bool) -> None:
    if diff_only and outcome.changed:
        sys.stdout.write(outcome.diff())
    if outcome.applied:
        verb = "可修复" if diff_only else "已修复"
        detail = "，".join(f"{rule} {n} 处" for rule, n in sorted(outcome.applied.items()))
        print(f"fzlint: {outcome.path}: {verb} {sum(outcome.applied.values())} 处（{detail}）。", file=sys.stderr)
    if outcome.remaining:
        print(f"fzlint: {outcome.path}: 另有 {len(outcome.remaining)} 处修复与其他修复重叠或未收敛，未应用；"
              "请再次运行 --fix 或手工修改。", file=sys.stderr)
