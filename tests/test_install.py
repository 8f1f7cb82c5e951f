"""The built wheel carries grammar/ and rulesets/ and works from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    if build.returncode != 0:
        pytest.fail(f"wheel build failed:\n{build.stderr[-2000:]}")
    wheel = next(tmp.glob("fzlint-*.whl"))
    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # The dependencies come from the environment running the tests (a venv or the base interpreter):
    # a .pth file puts its site-packages after the new venv's own, where the wheel goes.
    own = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                         capture_output=True, text=True, check=True, timeout=60).stdout.strip()
    running = [p for p in sys.path if p.rstrip("/").endswith(("site-packages", "dist-packages")) and os.path.isdir(p)]
    (Path(own) / "_running_env.pth").write_text("\n".join(running) + "\n", encoding="utf-8")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(wheel)],
        check=True, timeout=300,
    )
    where = subprocess.run(
        [str(python), "-c", "import checker; print(checker.__file__)"],
        cwd=tmp, capture_output=True, text=True, check=True, timeout=60,
    )
    assert where.stdout.startswith(str(env_dir)), f"checker imported from outside the wheel: {where.stdout}"
    return env_dir / "bin" / "fzlint", tmp


def test_installed_wheel_works_outside_the_checkout(installed):
    fzlint, tmp = installed
    report = tmp / "报告.txt"
    report.write_text("青溪镇2023年度法治政府建设情况报告\n一、主要举措和成效\n三、存在的问题\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run([str(fzlint), "check", str(report), "--format", "json"], cwd=tmp, capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert "structure/heading-sequence" in proc.stdout
    rules = subprocess.run([str(fzlint), "rules"], cwd=tmp, capture_output=True, text=True, env=env, timeout=60)
    assert rules.returncode == 0 and "section/next-year-missing" in rules.stdout


def test_a_missing_module_is_named_with_what_to_install():
    from checker.dependencies import missing_package

    third_party = missing_package(ModuleNotFoundError("No module named 'opencc'", name="opencc"))
    assert "pip install opencc-python-reimplemented" in third_party
    own = missing_package(ModuleNotFoundError("x", name="checker.sources.encodings"))
    assert "checker.sources.encodings" in own and "重新安装 fzlint" in own and "pip install checker" not in own
