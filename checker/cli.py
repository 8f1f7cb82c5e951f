"""The command line: parse options, call the API, print, choose the exit code. Nothing else.

Exit codes: 0 nothing at or above --fail-on; 1 at least one such finding; 2 usage error, bad
config or ruleset, or a file that could not be read (the other files are still linted).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from . import __version__
from .app.exit_codes import EXIT_OK, EXIT_TROUBLE


# argparse's own words, in Chinese: usage lines, help headings and its error messages.
_ARGPARSE = {
    "usage: ": "用法：", "positional arguments": "位置参数", "options": "选项", "optional arguments": "选项",
    "show this help message and exit": "显示此帮助信息并退出", "show program's version number and exit": "显示版本号并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s", "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的取值：%(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r", "expected one argument": "需要一个参数值",
    "expected at most one argument": "最多接受一个参数值", "expected at least one argument": "至少需要一个参数值",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ambiguous option: %(option)s could match %(matches)s": "选项不明确：%(option)s 可能是 %(matches)s",
    "one of the arguments %s is required": "需要以下参数之一：%s",
}


def _chinese(message: str) -> str:
    return _ARGPARSE.get(message, message)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 on usage errors, as we want
        self.print_usage(sys.stderr)
        self.exit(EXIT_TROUBLE, f"fzlint: 用法错误：{message}\n")


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"进程数应为正整数，而不是 {value!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("进程数至少为 1")
    return jobs


def _parser() -> argparse.ArgumentParser:
    argparse._ = _chinese  # argparse looks its words up through this module-level gettext
    parser = _Parser(prog="fzlint", description="法治政府建设年度报告检查工具")
    parser.add_argument("--version", action="version", version=f"fzlint {__version__}", help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, title="命令")
    _check_parser(sub.add_parser("check", help="检查报告文件或文件夹"))
    _outline_parser(sub.add_parser("outline", help="显示报告的标题层次和识别出的部分"))
    _rules_parser(sub.add_parser("rules", help="列出当前配置启用的规则"))
    _explain_parser(sub.add_parser("explain", help="解释一条规则"))
    serve = sub.add_parser("serve", help="在本机浏览器中打开检查页面（需先 pip install 'fzlint[serve]'）")
    serve.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1，只有本机能访问）")
    serve.add_argument("--port", type=int, default=0, help="端口（默认自动选一个空闲端口）")
    serve.add_argument("--no-browser", action="store_true", help="不自动打开浏览器")
    return parser


def _check_parser(check: argparse.ArgumentParser) -> None:
    from .reporters import FORMATS

    check.add_argument("paths", nargs="*", default=[], help="文件、文件夹，或 - 表示标准输入")
    check.add_argument("--format", choices=sorted(FORMATS), default="text", help="输出格式（默认 text）")
    check.add_argument("-o", "--output", help="把结果写入文件")
    _selection(check, "启用")
    check.add_argument("--genre", help="按这种报告类型检查全部文件（如 information-disclosure；默认按标题自动识别）")
    check.add_argument("--previous", action="append", metavar="FILE|DIR",
                       help="上一年度的报告（文件或文件夹，可重复），用于核对上年结转和雷同内容")
    check.add_argument("--fail-on", choices=["error", "warning", "info"], help="达到该级别即返回 1（默认 error）")
    check.add_argument("--stdin-filename", help="标准输入内容对应的文件名")
    check.add_argument("--lang", choices=["zh", "en"], help="消息语言（默认 zh）")
    check.add_argument("--no-progress", action="store_true", help="不显示进度条")
    check.add_argument("--jobs", "-j", type=_jobs, help="并行检查的进程数（默认：空闲的 CPU 核数，少于 32 个文件时不并行；1 表示不并行）")
    check.add_argument("--include", action="append", help="文件夹中只检查匹配这些通配符的文件（逗号分隔，可重复）")
    check.add_argument("--exclude", action="append", help="文件夹中跳过匹配这些通配符的文件（逗号分隔，可重复）")
    check.add_argument("--statistics", action="store_true", help="按规则统计问题数量")
    check.add_argument("--no-summary", action="store_true",
                       help="只列出各文件自己的问题：不打印批量汇总表，也不在文件之间比对（pre-commit 用）")
    check.add_argument("--color", choices=["auto", "always", "never"], default="auto", help="是否使用颜色（默认 auto）")
    check.add_argument("--fix", action="store_true", help="自动修复可安全修复的问题（仅 .txt .md），再报告其余问题")
    check.add_argument("--diff", action="store_true", help="只显示 --fix 将做的修改（统一差异格式），不写文件")
    check.add_argument("--unsafe-fixes", action="store_true", help="同时应用不一定安全的修复（需人工复核）")
    check.add_argument("--annotate", action="store_true",
                       help="把问题作为批注写入 Word 副本“原名（fzlint批注）.docx”（-o 另指路径），原文件不变")
    check.add_argument("--track-fixes", action="store_true",
                       help="与 --annotate 同用：可安全修改之处写成修订，在 Word/WPS 中逐条接受或拒绝")
    check.add_argument("--baseline", metavar="FILE", help="只报告基线文件中没有的问题")
    check.add_argument("--write-baseline", metavar="FILE", help="把当前全部问题记入基线文件")


def _selection(parser: argparse.ArgumentParser, verb: str) -> None:
    """The options every command shares to choose the rules and read the reports."""
    parser.add_argument("--ruleset", action="append", help="规则集名称或 YAML 路径（可重复）")
    parser.add_argument("--select", help=f"只{verb}这些规则（前缀，逗号分隔）")
    parser.add_argument("--ignore", help="忽略这些规则（前缀，逗号分隔）")
    parser.add_argument("--year", type=int, help="指定报告年度（覆盖自动识别）")
    parser.add_argument("--encoding", help="强制使用该编码读取文本文件（如 gb18030）")
    parser.add_argument("--config", help="配置文件路径")


def _outline_parser(outline: argparse.ArgumentParser) -> None:
    outline.add_argument("path", help="报告文件")
    outline.add_argument("--year", type=int, help="指定报告年度（覆盖自动识别）")
    outline.add_argument("--encoding", help="强制使用该编码读取文本文件（如 gb18030）")
    outline.add_argument("--ruleset", action="append", help="规则集名称或 YAML 路径（决定报告类型）")
    outline.add_argument("--config", help="配置文件路径")
    outline.add_argument("--genre", help="按这种报告类型识别各部分（默认按标题自动识别）")



def _rules_parser(rules: argparse.ArgumentParser) -> None:
    rules.add_argument("--format", choices=["text", "json"], default="text", help="输出格式（默认 text）")
    rules.add_argument("--genre", help="列出这种报告类型的规则（如 information-disclosure）")
    rules.add_argument("--ruleset", action="append", help="规则集名称或 YAML 路径（可重复）")
    rules.add_argument("--select", help="只列出这些规则（前缀，逗号分隔）")
    rules.add_argument("--ignore", help="不列出这些规则（前缀，逗号分隔）")
    rules.add_argument("--config", help="配置文件路径")


def _explain_parser(explain: argparse.ArgumentParser) -> None:
    explain.add_argument("rule", help="规则 id，如 numeric/sum-mismatch")
    explain.add_argument("--format", choices=["text", "json"], default="text", help="输出格式（默认 text）")
    explain.add_argument("--ruleset", action="append", help="规则集名称或 YAML 路径（可重复）")
    explain.add_argument("--config", help="配置文件路径")
    explain.add_argument("--lang", choices=["zh", "en"], help="说明的语言（默认 zh）")
    explain.add_argument("--genre", help="报告类型（规则 id 在各类型中唯一时不必指定）")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            from .app.commands import check

            return check(args)
        if args.command == "serve":
            from .app.serving import serve

            return serve(args)
        from .app import commands

        return getattr(commands, args.command)(args)
    except KeyboardInterrupt:
        print("fzlint: 已中断。", file=sys.stderr)
        return 130
    except ModuleNotFoundError as err:  # a broken install: say which package, not a traceback
        from .dependencies import missing_package

        print(f"fzlint: {missing_package(err)}", file=sys.stderr)
        return EXIT_TROUBLE
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def run() -> None:
    sys.exit(main())
