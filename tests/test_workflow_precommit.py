"""The pre-commit hooks, run by pre-commit itself on a throw-away repository.

pre-commit builds a virtualenv and installs this checkout into it (from PyPI's packages), so this
test takes some 15–30 seconds; it is marked ``slow`` (deselect with ``-m "not slow"``) and skipped
when pre-commit or git is not installed (``pip install '.[test]'`` brings pre-commit).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NEEDS_ERROR = """桑柘镇人民政府关于2023年度法治政府建设情况的报告
一.2023年度推进法治政府建设的主要举措和成效
（一）加强组织领导。镇党委召开专题会议4次。
二、2024年度工作安排
（一）继续加强学习培训。
桑柘镇人民政府
2024年1月20日
"""
_NETWORK = ("Could not find a version", "No matching distribution", "NewConnectionError", "Temporary failure in name resolution")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("pre-commit") is None, reason="pre-commit is not installed (pip install '.[test]')"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_hooks_run_through_pre_commit(tmp_path):
    repo = tmp_path / "reports"
    repo.mkdir()
    _git(repo, "init", "-q", ".")
    (repo / "报告.txt").write_text(NEEDS_ERROR, encoding="utf-8")
    (repo / "notes.py").write_text("print('not a report')\n", encoding="utf-8")
    _git(repo, "add", ".")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), PRE_COMMIT_COLOR="never",
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    run = subprocess.run(["pre-commit", "try-repo", str(ROOT), "--all-files", "--verbose"], cwd=repo, env=env,
                         capture_output=True, text=True, timeout=900)
    output = run.stdout + run.stderr
    if run.returncode == 3 and any(sign in output for sign in _NETWORK):
        pytest.skip("the hook's environment could not be installed (no package index reachable)")
    assert run.returncode == 1, output
    assert "section/shortcomings-missing" in output and "报告.txt" in output
    assert "notes.py" not in output.split("Using config:")[-1].split("=====")[-1]
    assert "files were modified by this hook" in output  # fzlint-fix fixed 一. → 一、
    assert (repo / "报告.txt").read_text(encoding="utf-8") == NEEDS_ERROR.replace("一.2023", "一、2023")
