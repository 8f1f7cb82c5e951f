"""The packages fzlint needs, and what to tell a user whose install lacks one."""

from __future__ import annotations

# import name → the package pip installs it from, for a message that says what to install
_PACKAGES = {"opencc": "opencc-python-reimplemented", "yaml": "pyyaml", "charset_normalizer": "charset-normalizer",
             "docx": "python-docx", "lark": "lark", "jieba": "jieba", "lxml": "lxml", "pypdf": "pypdf",
             "openpyxl": "openpyxl", "rich": "rich"}


def missing_package(err: ModuleNotFoundError) -> str:
    """The plain-Chinese message for a dependency that is not installed."""
    name = (err.name or "").split(".")[0]
    if name == "checker":  # a module of fzlint itself: only a reinstall helps
        return (f"fzlint 的安装不完整：找不到它自己的模块 {err.name}。"
                "请重新安装 fzlint（pip install --force-reinstall fzlint，或在源码目录运行 pip install .）")
    package = _PACKAGES.get(name, name)
    return (f"缺少 fzlint 需要的 Python 包 {package}（import {name} 失败）。安装可能不完整，"
            f"请重新安装 fzlint，或运行：pip install {package}")
