"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

GitHub turns these into annotations on the pull request's diff. Data and property values have
their own escaping rules (runner's ``ActionCommand``): ``%``, CR and LF in both, and ``,`` and
``:`` as well in properties, where they would end the value. Files that could not be read are
annotated as errors on the file itself.
"""

from __future__ import annotations

import os

from ..diagnostics import Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(run, options=None) -> str:
    results, batch = run.files, run.cross
    lines = []
    for result in results:
        path = _path(result.path)
        if result.error:
            lines.append(_command("error", {"file": path, "title": "fzlint"}, f"无法检查：{result.error}"))
            continue
        for d in result.diagnostics:
            props = {"file": path, "line": d.line, "col": d.column, "endLine": d.end_line, "endColumn": d.end_column,
                     "title": d.rule}
            lines.append(_command(COMMANDS[d.severity], props, d.message))
    for finding in batch:
        for loc in finding.locations[:1]:
            props = {"file": _path(loc.path), "line": loc.line, "endLine": loc.end_line,
                     "title": finding.rule}
            lines.append(_command(COMMANDS[finding.severity], props, finding.message))
    return "".join(line + "\n" for line in lines)


def _command(name: str, props: dict, message: str) -> str:
    # GitHub ignores endColumn on a multi-line annotation, and col without line
    if props.get("endLine") not in (None, props.get("line")):
        props = {k: v for k, v in props.items() if k not in ("col", "endColumn")}
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    return f"::{name} {joined}::{escape_data(message)}"


def _path(path: str) -> str:
    """Paths relative to the working directory, with forward slashes, as the checkout has them."""
    if os.path.isabs(path):
        try:
            path = os.path.relpath(path)
        except ValueError:
            pass
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path
