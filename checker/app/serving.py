"""``fzlint serve``: check the web extra is installed, load the rules, start the page.

Without the extra the command says, in Chinese, how to install it and exits 2. Binding to an
address other than loopback is allowed with --host and warned about: anyone who can reach that
address can then upload files and read the findings.
"""

from __future__ import annotations

import sys

from .exit_codes import EXIT_OK, EXIT_TROUBLE

_NEEDED = ("starlette", "uvicorn", "python_multipart")
_INSTALL = ("fzlint serve 需要网页组件（Starlette、uvicorn、python-multipart），当前环境没有安装。\n"
            "请运行：pip install 'fzlint[serve]'（在源码目录中：pip install '.[serve]'），然后再运行 fzlint serve。")
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def missing_stack() -> list[str]:
    import importlib.util

    return [name for name in _NEEDED if importlib.util.find_spec(name) is None]


def serve(args) -> int:
    if missing_stack():
        print(f"fzlint: {_INSTALL}", file=sys.stderr)
        return EXIT_TROUBLE
    from ..config import ConfigError, discover
    from ..rules.ruleset import RulesetError
    from .session import Session

    try:
        config = discover(None)
        rules = Session(config).rulebook  # each upload judged by its own genre's rules
    except (ConfigError, RulesetError) as err:
        print(f"fzlint: {err}", file=sys.stderr)
        return EXIT_TROUBLE
    if args.host not in _LOOPBACK:
        print(f"fzlint: 注意：页面将监听 {args.host}，同一网络中能访问该地址的人都可以上传文件并看到检查结果。"
              "只在本机使用时请不要指定 --host。", file=sys.stderr)
    from ..serve.app import create_app
    from ..serve.server import run

    hosts = ("127.0.0.1", "localhost", "[::1]", "::1") if args.host in _LOOPBACK else ("*",)
    try:
        run(create_app(rules, hosts=hosts, year=config.year), args.host, args.port, not args.no_browser)
    except OSError as err:
        print(f"fzlint: 无法在 {args.host}:{args.port} 上启动页面：{err.strerror or err}", file=sys.stderr)
        return EXIT_TROUBLE
    except KeyboardInterrupt:
        print("fzlint: 页面已停止。", file=sys.stderr)
    return EXIT_OK
