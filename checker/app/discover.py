"""Which files a run checks: the paths given, folders walked, and every file of a folder accounted for.

A folder walk takes the report formats (.txt .md .docx .pdf) and the formats a submission may
come in that fzlint cannot read (.doc .wps .ofd, scans, archives…: the run gives each a row with
the reason, so none goes missing). It leaves out, with a note, the annotated copies an earlier
``--annotate`` wrote (报告（fzlint批注）.docx), this run's own output file and any other file
(an .xlsx attachment…); silently only hidden entries, Office lock files (~$…), system files and
README/CHANGELOG-style files (linted when named, or when --include asks for them), and the
folders of tools that sit in a project (build/, dist/, venv/, node_modules/, __pycache__/,
*.egg-info/), as Ruff leaves them out; a folder named on the command line is always walked. --include and
--exclude globs apply to the file name or its path; a file named on the command line is always checked.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field

from ..config import Config
from ..results import Skipped
from ..sources import SUPPORTED, UNREADABLE
from .annotating import SUFFIX as ANNOTATED
# Repository boilerplate that sits beside reports in a folder; linted only when named explicitly.
_NOT_REPORTS = ("readme*", "changelog*", "license*", "contributing*", "code_of_conduct*")
_SYSTEM = ("thumbs.db", "desktop.ini", ".ds_store", "ehthumbs.db")
_TOOL_FOLDERS = ("build", "dist", "venv", "node_modules", "__pycache__", "__pypackages__", "site-packages",
                 "*.egg-info")


@dataclass
class Found:
    """The files a run checks, in a stable order, and the files of its folders it leaves out."""

    paths: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def collect(paths: list[str], config: Config) -> list[str]:
    """Files to lint, in a stable order ("-" is standard input)."""
    return walk(paths, config).paths


def walk(paths: list[str], config: Config, outputs: tuple[str, ...] = ()) -> Found:
    """Walk ``paths``; ``outputs`` (this run's output files) are never taken for submissions."""
    found = Found()
    own = {os.path.abspath(p) for p in outputs if p and p != "-"}
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            found.paths.append(path)
            continue
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not _tool_folder(d))
            for full in (os.path.join(folder, n) for n in sorted(files)):
                _sort(full, config, own, found)
    return found


def _tool_folder(name: str) -> bool:
    lower = name.lower()
    return name.startswith(".") or any(fnmatch.fnmatch(lower, p) for p in _TOOL_FOLDERS)


def _sort(full: str, config: Config, own: set[str], found: Found) -> None:
    name = os.path.basename(full)
    lower = name.lower()
    if name.startswith((".", "~$")) or lower in _SYSTEM or not _filtered_in(full, config):
        return
    if any(fnmatch.fnmatch(lower, p) for p in _NOT_REPORTS) and not config.include:
        return
    ext = os.path.splitext(lower)[1]
    if os.path.abspath(full) in own:
        found.skipped.append(Skipped(full, "本次检查的输出文件"))
    elif ext == ".docx" and os.path.splitext(name)[0].endswith(ANNOTATED):
        found.skipped.append(Skipped(full, "fzlint 写出的批注副本（--annotate），不是报送材料"))
    elif ext in SUPPORTED or ext in UNREADABLE:
        found.paths.append(full)
    else:
        found.skipped.append(Skipped(full, f"不是报告文件（{ext or '无扩展名'}），未检查"))


def _filtered_in(full: str, config: Config) -> bool:
    name = os.path.basename(full)
    rel = full.replace(os.sep, "/")
    if config.exclude and any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in config.exclude):
        return False
    return not config.include or any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in config.include)
