"""Which files a run checks: the paths given, folders walked for the report formats.

A folder walk skips hidden entries, Office lock files (~$…) and README/CHANGELOG-style files
(linted only when named, or when --include asks for them), and honours --include/--exclude globs
on the file name or its path; a file named on the command line is always checked.
"""

from __future__ import annotations

import fnmatch
import os

from ..config import Config
from ..sources import SUPPORTED

# Repository boilerplate that sits beside reports in a folder; linted only when named explicitly.
_NOT_REPORTS = ("readme*", "changelog*", "license*", "contributing*", "code_of_conduct*")


def collect(paths: list[str], config: Config) -> list[str]:
    """Files to lint, in a stable order ("-" is standard input)."""
    found: list[str] = []
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            found.append(path)
            continue
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(full for full in (os.path.join(folder, n) for n in sorted(files)) if _wanted(full, config))
    return found


def _wanted(full: str, config: Config) -> bool:
    name = os.path.basename(full)
    if not name.lower().endswith(SUPPORTED) or name.startswith((".", "~$")):
        return False
    if any(fnmatch.fnmatch(name.lower(), p) for p in _NOT_REPORTS) and not config.include:
        return False
    rel = full.replace(os.sep, "/")
    if config.exclude and any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in config.exclude):
        return False
    return not config.include or any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in config.include)
