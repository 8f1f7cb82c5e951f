"""Reporters: thin views over the same results. They compute nothing; they only format.

Each reporter module has ``render(results, batch, options) -> str`` (bytes for xlsx and csv); one
whose output can be huge also has ``chunks(...)``, the same text piece by piece, so that it is
written as it is made. The literal table below maps ``--format`` names to them, importing each
lazily (xlsx and html pull in heavier libraries).
"""

from __future__ import annotations

import importlib

FORMATS = {
    "text": "terminal",
    "json": "json",
    "sarif": "sarif",
    "github": "github",
    "csv": "csv",
    "xlsx": "xlsx",
    "html": "html",
}


def get(name: str):
    return importlib.import_module(f".{FORMATS[name]}", __name__)
