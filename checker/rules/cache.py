"""Compiled bundled rulesets, cached on disk so a pre-commit run skips YAML parsing and validation.

The cache key covers fzlint's version, the Python version, and the path, size and modification
time of every bundled YAML file and of every module of the package (the pickled rules are
instances of its classes), so any edit to a ruleset or to the code, or an upgrade, makes a fresh
entry.
Rulesets given as file paths are always read from YAML. The cache lives in the user's own cache
directory ($FZLINT_CACHE_DIR, else $XDG_CACHE_HOME/fzlint, else ~/.cache/fzlint); any trouble
with it (read-only home, a stale or corrupt file) silently falls back to reading the YAML.
FZLINT_NO_CACHE=1 turns it off. A miss loads the bundled files without compiling each pattern
only to validate it (text/regexes.trusted); with the cache off every pattern is validated.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from pathlib import Path
from typing import Callable

from .. import __version__


def cache_dir() -> Path:
    explicit = os.environ.get("FZLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "fzlint"


def cached(names: tuple[str, ...], load: Callable[[tuple[str, ...]], list]) -> list:
    key = _key(names)
    if key is None:
        return load(names)
    # The file is named by a checksum of the key and holds the key itself, which must match:
    # no cryptographic hash needed (hashlib would load OpenSSL, ~3 ms of every start).
    path = cache_dir() / f"rules-{zlib.crc32(key.encode()):08x}.pickle"
    try:
        with open(path, "rb") as handle:
            stored_key, rules = pickle.load(handle)
        if stored_key == key:
            return rules
    except Exception:  # noqa: BLE001 - missing, stale or unreadable: rebuild from YAML
        pass
    from ..text.regexes import trusted

    with trusted():  # bundled files only (a key exists): the suite validates their patterns
        rules = load(names)
    _store(path, (key, rules))
    return rules


def _key(names: tuple[str, ...]) -> str | None:
    """What the cached rules were built from; None when a ruleset is not bundled (a user's file
    is read fresh every time)."""
    from ..resources import ruleset_dir

    if os.environ.get("FZLINT_NO_CACHE") or any(not _bundled(name) for name in names):
        return None
    root = ruleset_dir()
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the whole checker package
    parts = [f"{__version__}|{sys.version}|{root}|{','.join(names)}"]
    for base, suffix in ((str(root), ".yaml"), (package, ".py")):
        parts.extend(sorted(_files(base, suffix)))
    return "\n".join(parts)


def _files(folder: str, suffix: str):
    """"name:size:mtime" of every file with ``suffix`` below ``folder`` (os.scandir: cheap on start-up)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir() and entry.name != "__pycache__":
                yield from (f"{entry.name}/{item}" for item in _files(entry.path, suffix))
            elif entry.name.endswith(suffix):
                stat = entry.stat()
                yield f"{entry.name}:{stat.st_size}:{stat.st_mtime_ns}"


def _bundled(name: str) -> bool:
    return not (name.endswith((".yaml", ".yml")) or "/" in name or os.sep in name)


def _store(path: Path, entry: tuple[str, list]) -> None:
    import tempfile  # only when the cache is (re)written

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, prefix=".rules-") as handle:
            pickle.dump(entry, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except Exception:  # noqa: BLE001 - a cache we cannot write is only a slower start
        try:
            os.unlink(handle.name)  # type: ignore[possibly-undefined]
        except Exception:  # noqa: BLE001
            pass
