"""What every check type shares: typed parameters validated from YAML, and the run() contract.

A check type is a class with a frozen ``Params`` dataclass, a ``messages`` table (message kind →
the placeholders it can fill) and ``run(view)`` yielding Findings, where the View (analysis/scope.py)
holds the analysed document and the lines of the rule's scope. It knows nothing of YAML, rule
ids, severities or positions in the original file: the engine adds those.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from datetime import date
from typing import Any, ClassVar, Iterable, Sequence

from ..analysis.scope import View
from ..diagnostics import Edit, Finding, Fix
from ..document.model import Document, Line
from ..offsets import Span
from ..text.plenums import SESSION, Plenums
from ..text.regexes import LazyRegex, validate

Regex = re.Pattern  # a parameter given as a string in YAML and compiled when the ruleset loads


class PartId(str):
    """A parameter that names a part of the genre (achievements, next_year…): checked at load."""


@dataclasses.dataclass(frozen=True)
class CompileContext:
    """What the ruleset knows when a rule compiles: the genre's part ids."""

    parts: tuple[str, ...] = ()


class ParamError(ValueError):
    """A parameter that does not fit; the message names the key."""


@dataclasses.dataclass(frozen=True)
class NoParams:
    """The parameters of a check type that takes none."""

    pass


class Check:
    name: ClassVar[str]
    Params: ClassVar[type] = NoParams
    messages: ClassVar[dict[str, tuple[str, ...]]] = {"default": ()}
    fixable: ClassVar[bool] = False  # whether the type can ever offer a fix; can_fix() says for a rule
    batch: ClassVar[bool] = False  # True for BatchCheck: compares the reports of one run
    default_scope: ClassVar[str] = "all"  # the scope of a rule that declares none

    def __init__(self, params: Any) -> None:
        self.params = params

    @classmethod
    def compile(cls, raw: dict[str, Any], context: CompileContext = CompileContext()) -> Any:
        """Validate a YAML mapping against ``Params``; unknown keys and wrong types are errors."""
        hints = typing.get_type_hints(cls.Params)
        # fields with repr=False hold what validate() compiles: no ruleset may set them
        fields = {f.name: f for f in dataclasses.fields(cls.Params) if f.repr}
        unknown = sorted(set(raw) - set(fields))
        if unknown:
            raise ParamError(f"unknown parameter(s) {', '.join(unknown)}; known: {', '.join(fields) or 'none'}")
        values = {}
        for name, f in fields.items():
            if name in raw:
                values[name] = _coerce(name, raw[name], hints[name], context)
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise ParamError(f"missing required parameter '{name}'")
        params = cls.Params(**values)
        cls.validate(params)
        return params

    @classmethod
    def validate(cls, params: Any) -> None:
        """Cross-field checks a subclass may add; raise ParamError."""

    def can_fix(self) -> bool:
        """Whether a rule of this type with these params can offer a fix (rules, explain, SARIF)."""
        return self.fixable

    def run(self, view: View) -> Iterable[Finding]:
        raise NotImplementedError


# ---- checks across the reports of one run ------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class BatchItem:
    """One report of a batch, as a batch check sees it: ``data`` is what its ``collect`` returned."""

    index: int  # position in the run's input order
    path: str
    issuer: str | None
    year: int | None
    data: Any


@dataclasses.dataclass(frozen=True)
class Place:
    """A place in one report of a batch: which report, which lines."""

    index: int  # BatchItem.index
    line: int  # 1-based, original text
    end_line: int


@dataclasses.dataclass(frozen=True)
class BatchFinding:
    """A raw cross-report hit; the batch runner stamps rule id, severity, message and paths."""

    places: tuple[Place, ...]
    kind: str = "default"
    values: dict = dataclasses.field(default_factory=dict)
    share: float | None = None
    priority: int = 0  # listed before findings of a lower priority (a copy that carries another's place name)
    blames_first: bool = False  # against the first place's report only (the others are where it was copied from)


class BatchCheck(Check):
    """A check over all reports of one run (template copying between submissions).

    It finds nothing in a single file (``run`` yields nothing, so the per-file engine needs no
    special case). Instead the batch runner calls ``collect`` on each parsed report, in the worker
    process that parsed it, keeping a small picklable fingerprint; once every file is done it calls
    ``run_batch`` once with all fingerprints in input order. Rules of such a type are selected,
    ignored and explained like any other rule.
    """

    batch = True

    def run(self, view: View) -> Iterable[Finding]:
        return ()

    def collect(self, view: View) -> Any:
        raise NotImplementedError

    def run_batch(self, items: Sequence[BatchItem]) -> Iterable[BatchFinding]:
        raise NotImplementedError


def plenum_table(entries) -> Plenums:
    """The plenum table from a ruleset's ``plenums`` entries ({session: 二十届三中, date: 2024-07-15})."""
    held: dict[str, date] = {}
    for i, raw in enumerate(entries):
        raw = entry_mapping(f"plenums[{i}]", raw, {"session", "date"}, required=("session", "date"))
        if not SESSION.fullmatch(str(raw["session"])):
            raise ParamError(f"'plenums[{i}].session' must look like 二十届三中, not {raw['session']!r}")
        when = raw["date"]
        if not isinstance(when, date):
            try:
                when = date.fromisoformat(str(when))
            except ValueError:
                raise ParamError(f"'plenums[{i}].date' must be a date YYYY-MM-DD, not {when!r}") from None
        held[str(raw["session"])] = when
    return Plenums(held)


def entry_mapping(where: str, raw: Any, keys: set[str], required: tuple[str, ...] = ("match",)) -> dict:
    """One entry of a data-driven check's list: a bare string means {"match": it}; keys are checked.

    Shared by the check types whose YAML lists entries (pattern, relative_time, junk_line,
    dated_term), so every such list reports mistakes the same way.
    """
    if isinstance(raw, str) and required == ("match",):
        raw = {"match": raw}
    if not isinstance(raw, dict) or any(key not in raw for key in required):
        wanted = " and ".join(f"'{key}'" for key in required)
        raise ParamError(f"'{where}' must be {'a regex string or ' if required == ('match',) else ''}a mapping with {wanted}")
    unknown = sorted(set(raw) - keys)
    if unknown:
        raise ParamError(f"'{where}' has unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(keys))})")
    return raw


def _coerce(name: str, value: Any, hint: Any, context: CompileContext) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is Regex:
        return _regex(name, value)
    if hint is PartId:
        if value not in context.parts:
            raise ParamError(f"'{name}' must be a part of the genre ({', '.join(context.parts)}), not {value!r}")
        return str(value)
    if origin is typing.Union or origin is types.UnionType:  # Optional[X] and X | None
        if value is None and type(None) in args:
            return None
        return _coerce(name, value, next(a for a in args if a is not type(None)), context)
    if origin is typing.Literal:
        if value not in args:
            raise ParamError(f"'{name}' must be one of {', '.join(map(str, args))}, not {value!r}")
        return value
    if origin in (tuple, list):
        if not isinstance(value, list):
            raise ParamError(f"'{name}' must be a list")
        return tuple(_coerce(f"{name}[{i}]", v, args[0], context) for i, v in enumerate(value))
    if origin is dict:
        if not isinstance(value, dict):
            raise ParamError(f"'{name}' must be a mapping")
        return {_coerce(name, k, args[0], context): _coerce(f"{name}.{k}", v, args[1], context) for k, v in value.items()}
    if hint is typing.Any:
        return value
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
        raise ParamError(f"'{name}' must be of type {hint.__name__}, not {type(value).__name__}")
    return value


def _regex(name: str, value: Any) -> LazyRegex:
    """Validated now (a typo is a load error), compiled again only when a report needs it."""
    if not isinstance(value, str):
        raise ParamError(f"'{name}' must be a regular expression string")
    try:
        validate(value)
    except re.error as err:
        raise ParamError(f"'{name}' is not a valid regular expression: {err}") from None
    return LazyRegex(value)


def line_tail(text: str) -> str:
    """The last words of a line, as the messages about a cut-off text quote them."""
    text = text.rstrip()
    return text if len(text) <= 12 else "…" + text[-12:]


def delete_line(doc: Document, line: Line, description: str = "删除该行", *, safe: bool = True) -> Fix:
    """A fix (in matching-view offsets) that removes ``line`` together with its line break."""
    end = min(line.end + 1, len(doc.text))
    return Fix(description, (Edit(Span(line.start, end), ""),), safe=safe)
