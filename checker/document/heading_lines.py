"""One line → the heading it starts with (or None): the Lark grammar decides the marker.

The grammar (grammar/outline.lark, LALR) only decides whether one line starts with a heading
marker and which; the title span, the run-in sentence and the number are read here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..offsets import Span
from ..text.cn_numerals import small
from .model import Heading, Line

_CANDIDATE = re.compile(r"(?<![ \t])[ \t]*(?:第|[一二三四五六七八九十]{1,3}[、.，：]|（|[0-9]{1,2}[.、，：]|[\u2460-\u2473])")
_RUN_IN_END = re.compile(r"[。：！？]")


@lru_cache(maxsize=1)
def _parser():
    from lark import Lark

    from ..resources import grammar_path

    return Lark(grammar_path().read_text(encoding="utf-8"), parser="lalr", lexer="contextual", cache=True)


def parse_heading(line: Line) -> Heading | None:
    """The heading that ``line`` starts with, or None when it is body text."""
    text = line.text
    if not _CANDIDATE.match(text):
        return None
    indent = len(text) - len(text.lstrip(" \t"))
    stripped = text[indent:]
    from lark.exceptions import LarkError

    try:
        tree = _parser().parse(stripped)
    except LarkError:
        return None
    head = tree.children[0]
    tokens = [t for t in head.children]
    rest = tree.children[1] if len(tree.children) > 1 else None
    marker_len = rest.start_pos if rest is not None else len(stripped)
    number_token = next(t for t in tokens if t.type in ("CN_NUM", "ARABIC", "CIRCLED"))
    level = {"part": 0, "level1": 1, "level2": 2, "level3": 3, "level4": 4, "level5": 5}[head.data]
    separator = next((str(t) for t in tokens if t.type.endswith("_SEP") or t.type == "PART_WORD"), "")
    if head.data == "part":
        separator = ""
    number = _number_of(number_token)
    if number <= 0:
        return None
    return _heading(line, level, number, separator, indent, marker_len, str(rest or ""))


def _number_of(token) -> int:
    if token.type == "ARABIC":
        return int(token)
    if token.type == "CIRCLED":
        return ord(str(token)) - 0x2460 + 1
    return small(str(token)) or 0  # 十十 and the like are no number: the line is body text


def _heading(line: Line, level: int, number: int, sep: str, indent: int, marker_len: int, rest: str) -> Heading:
    lead = len(rest) - len(rest.lstrip())
    body = rest.strip()
    title_start = line.start + indent + marker_len + lead
    end = _RUN_IN_END.search(body)
    run_in = bool(end and body[end.end():].strip())
    title_text = body[: end.end()] if run_in else body
    return Heading(
        level=level,
        number=number,
        marker=Span(line.start + indent, line.start + indent + marker_len),
        separator=sep,
        title=Span(title_start, title_start + len(title_text)),
        title_text=title_text,
        line=line.index,
        run_in=run_in,
    )
