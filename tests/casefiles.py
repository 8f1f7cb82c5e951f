"""tests/cases/<category>/<name>.yaml: one case file per rule, the home of its unit cases.

A case file names its rule and lists cases. Each case is a report fragment (``text``) or a batch
of reports (``files``) with what the rule must make of it::

    rule: term/misuse
    cases:
      - text: "推进法制政府建设。"
        fires: true
        spans: ["法制政府"]          # the findings' places, in order: a quoted substring,
                                      # {quote: s, nth: 2} (its 2nd occurrence) or {start: i, end: j}
        message: "法治政府"          # a substring every finding's message holds
        fixed: "推进法治政府建设。"  # the text after this rule's fixes (safe and unsafe)
      - text: "重大执法决定法制审核。"
        fires: false
        note: 法制审核是规范用语

``year`` and ``kind`` (txt, md) are passed to the linter; ``count`` is the exact number of findings;
``spans``, ``message`` and ``fixed`` are checked only when given (a silent case has none of them);
``xfail`` is the reason a case the linter gets wrong today fails (it runs as a strict xfail, so a fix
that makes it pass must remove the mark). Unknown keys are errors: a typo must not silently make
a case weaker.

The rulesets' ``examples:`` stay as they are: they are the documentation ``fzlint explain`` prints,
and tests/test_rule_examples.py keeps them true; the case files are where behaviour is pinned down.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CASES_DIR = Path(__file__).resolve().parent / "cases"
FILE_KEYS = frozenset({"rule", "cases"})
CASE_KEYS = frozenset({"text", "files", "year", "kind", "fires", "count", "spans", "message", "fixed", "note", "xfail"})
SPAN_KEYS = frozenset({"quote", "nth", "start", "end"})
KINDS = frozenset({"txt", "md"})


class CaseFileError(ValueError):
    """A case file that does not follow the schema; the message names the file and the case."""


@dataclass(frozen=True)
class Case:
    rule: str
    index: int
    fires: bool
    text: str | None = None
    files: tuple[str, ...] = ()
    year: int | None = None
    kind: str = "txt"
    count: int | None = None
    spans: tuple[tuple[int, int], ...] | None = None
    message: str | None = None
    fixed: str | None = None
    note: str | None = None
    xfail: str | None = None
    source: str = ""

    @property
    def id(self) -> str:
        return f"{self.rule}#{self.index}"


def _fail(where: str, why: str) -> None:
    raise CaseFileError(f"{where}: {why}")


def _span(where: str, text: str, spec: Any) -> tuple[int, int]:
    """A span entry → (start, end) in ``text``."""
    if isinstance(spec, str):
        spec = {"quote": spec}
    if not isinstance(spec, dict) or set(spec) - SPAN_KEYS:
        _fail(where, f"a span is a quoted string or a mapping of {sorted(SPAN_KEYS)}: {spec!r}")
    if "quote" in spec:
        if "start" in spec or "end" in spec:
            _fail(where, "a span has a quote or start/end, not both")
        quote, nth = spec["quote"], spec.get("nth", 1)
        at = -1
        for _ in range(nth):
            at = text.find(quote, at + 1)
            if at < 0:
                _fail(where, f"span quote {quote!r} (occurrence {nth}) is not in the text")
        return at, at + len(quote)
    if "nth" in spec or not isinstance(spec.get("start"), int) or not isinstance(spec.get("end"), int):
        _fail(where, f"a start/end span needs two integers: {spec!r}")
    if not 0 <= spec["start"] <= spec["end"] <= len(text):
        _fail(where, f"span {spec!r} is outside the text")
    return spec["start"], spec["end"]


def _case(path: Path, rule: str, index: int, raw: Any) -> Case:
    where = f"{path.name} case {index}"
    _check_shape(where, raw)
    _check_types(where, raw)
    text = raw.get("text")
    spans = None
    if "spans" in raw:
        if text is None or not raw["fires"] or not isinstance(raw["spans"], list) or not raw["spans"]:
            _fail(where, "spans is a non-empty list, on a firing text case")
        spans = tuple(_span(where, text, s) for s in raw["spans"])
    return Case(rule, index, raw["fires"], text, tuple(raw.get("files", ())), raw.get("year"), raw.get("kind", "txt"),
                raw.get("count"), spans, raw.get("message"), raw.get("fixed"), raw.get("note"), raw.get("xfail"),
                source=str(path))


def _check_shape(where: str, raw: Any) -> None:
    """The keys a case may have, and which go together."""
    if not isinstance(raw, dict):
        _fail(where, "a case is a mapping")
    unknown = set(raw) - CASE_KEYS
    if unknown:
        _fail(where, f"unknown keys {sorted(unknown)} (allowed: {sorted(CASE_KEYS)})")
    if ("text" in raw) == ("files" in raw):
        _fail(where, "a case has exactly one of text and files")
    if not isinstance(raw.get("fires"), bool):
        _fail(where, "fires: true or false is required")
    if not raw["fires"] and ({"message", "count"} & set(raw)):
        _fail(where, "a silent case has no message or count")
    if "fixed" in raw and "text" not in raw:
        _fail(where, "fixed needs a text case")


def _check_types(where: str, raw: dict) -> None:
    """Each value of the type the runner expects."""
    files = raw.get("files", ())
    if "text" in raw and not isinstance(raw["text"], str):
        _fail(where, "text is a string")
    if files and (not isinstance(files, list) or len(files) < 2 or not all(isinstance(f, str) for f in files)):
        _fail(where, "files is a list of at least two strings")
    if raw.get("kind", "txt") not in KINDS:
        _fail(where, f"kind is one of {sorted(KINDS)}")
    if "year" in raw and not isinstance(raw["year"], int):
        _fail(where, "year is an integer")
    for key in ("message", "fixed", "note", "xfail"):
        if key in raw and not isinstance(raw[key], str):
            _fail(where, f"{key} is a string")
    if "count" in raw and (not isinstance(raw["count"], int) or raw["count"] < 1 or not raw["fires"]):
        _fail(where, "count is a positive integer, on a firing case")


def load_file(path: Path) -> list[Case]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) - FILE_KEYS or "rule" not in data or "cases" not in data:
        _fail(path.name, f"a case file is a mapping with exactly the keys {sorted(FILE_KEYS)}")
    rule = data["rule"]
    expected = f"{path.parent.name}/{path.stem}"
    if rule != expected:
        _fail(path.name, f"rule {rule!r} does not match its path ({expected})")
    if not isinstance(data["cases"], list) or not data["cases"]:
        _fail(path.name, "cases is a non-empty list")
    return [_case(path, rule, i, raw) for i, raw in enumerate(data["cases"], start=1)]


def case_files(root: Path = CASES_DIR) -> list[Path]:
    return sorted(root.glob("*/*.yaml"))


def load_all(root: Path = CASES_DIR) -> list[Case]:
    return [case for path in case_files(root) for case in load_file(path)]
