"""Text → Document: heading lines parsed by the Lark grammar, nested by a tolerant stack.

The grammar (grammar/outline.lark, LALR) only decides whether one line starts with a heading
marker and which; everything else here is line bookkeeping. Nothing in this module raises on bad
structure: a line that cannot be placed is body text, and the checks report what looks wrong.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..text.dates import DATE_PATTERN
from .model import Document, Heading, Line, Section, Signature
from .normalize import Normalized, normalize
from ..text.pagination import PAGE_NUMBER
from .web_furniture import WebFurniture, is_paragraph
from ..offsets import Span
from ..sources import Source

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CANDIDATE = re.compile(r"(?<![ \t])[ \t]*(?:第|[一二三四五六七八九十]{1,3}[、.，：]|（|[0-9]{1,2}[.、，：]|[\u2460-\u2473])")
_RUN_IN_END = re.compile(r"[。：！？]")
_TITLE_WORDS = re.compile(r"报告|情况|总结|汇报")  # 总结/汇报: a wrong 文种 is still the title
_TITLE_TOPIC = re.compile(r"法治|依法行政|法制")
_ORG_LINE = re.compile(
    r"^(?:中共)?[\u4e00-\u9fff（）()·]{2,40}(?:人民政府|政府|委员会|党委|党工委|办事处|局|委|办|办公室|中心|厅|院|所|站|镇|乡|街道|区|县|市|州|旗|公司)$"
)
_DATE_LINE = re.compile(rf"^\s*(?:[\u4e00-\u9fff（）()]{{2,40}}\s+)?(?:{DATE_PATTERN})\s*$")
_DATE_IN_LINE = re.compile(DATE_PATTERN)
# An attachment block after the signature (GB/T 9704: 附件 follows the document on a new page).
_ATTACHMENT = re.compile(r"^\s*(?:附件|附表)\s*[0-9一二三四五六七八九十]*\s*[：:]?\s*$")
# "现将…报告如下：", "依照…规定，现将…": the opening sentence, never the title
_NO_TITLE = re.compile(r"如下[：:。]?$|现将|[：:]$")
_SENTENCE_INSIDE = re.compile(r"[。；！？]|如下|现将|报告")
_CLOSING = re.compile(r"^\s*特此(?:报告|汇报)[。.！]?\s*$")


@lru_cache(maxsize=1)
def _parser():
    from lark import Lark

    from ..resources import grammar_path

    return Lark(grammar_path().read_text(encoding="utf-8"), parser="lalr", lexer="contextual", cache=True)


def cn_number(numeral: str) -> int:
    """一..九十九 → int (the numerals headings use)."""
    if "十" not in numeral:
        return _CN_DIGITS.get(numeral, 0) if len(numeral) == 1 else 0
    tens, _, units = numeral.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)


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
    return cn_number(str(token))


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


def split_lines(text: str) -> tuple[Line, ...]:
    lines, start = [], 0
    for index, chunk in enumerate(text.split("\n")):
        lines.append(Line(index, start, start + len(chunk), chunk))
        start += len(chunk) + 1
    return tuple(lines)


def build(source: Source, furniture: WebFurniture | None = None, norm: Normalized | None = None,
          title_words: tuple[str, str] | None = None) -> Document:
    """Parse a loaded source into a Document; ``furniture`` tells web leftovers after the signature,
    ``title_words`` the genre's (topic, 文种) regexes that make a first line its title."""
    norm = norm or normalize(source)
    lines = split_lines(norm.text)
    kinds: dict[int, str] = {}
    filled = [line for line in lines if line.content]
    tables = _tables(source, norm, lines)
    in_table = {i for table in tables for i in table.lines}  # a table row is never a heading
    headings = {line.index: _trimmed(h, furniture) for line in filled
                if line.index not in in_table and (h := parse_heading(line)) is not None}
    # Web furniture first: a metadata line is never the title, the first sentence or the signature.
    front = next((l.index for l in filled if l.index in headings or _is_paragraph(l)), len(lines))
    web = {line.index for line in filled if furniture and line.index not in headings
           and furniture.what(line.content, in_head=line.index < front)}
    for index in _page_chunks([l for l in filled if l.index not in web], headings):
        del headings[index]
    topic, words = (re.compile(w) for w in title_words) if title_words else (_TITLE_TOPIC, _TITLE_WORDS)
    header, title, addressee, body_from = _front_matter([l for l in filled if l.index not in web], headings,
                                                        topic, words)
    closing, signature, trailer, body_to = _back_matter(filled, headings, furniture)
    kinds.update({i: "furniture" for i in web})
    for line, kind in ((header, "header"), (addressee, "addressee"), (closing, "closing")):
        if line is not None:
            kinds[line.index] = kind
    kinds.update({line.index: "title" for line in title})
    if signature:
        kinds.update({line.index: "signature" for line in signature.issuer_lines})
        if signature.date_line:
            kinds[signature.date_line.index] = "signature"
    kinds.update({line.index: "trailer" for line in trailer})
    body = [line for line in filled if body_from <= line.index < body_to and line.index not in kinds]
    first_heading = next((line.index for line in body if line.index in headings), body_to)
    preamble = tuple(line for line in body if line.index < first_heading)
    root = _tree([line for line in body if line.index >= first_heading], headings, len(norm.text))
    return Document(
        source=source,
        norm=norm,
        lines=lines,
        title=title,
        header=header,
        addressee=addressee,
        preamble=preamble,
        root=root,
        headings=tuple(h for i, h in sorted(headings.items()) if body_from <= i < body_to),
        closing=closing,
        signature=signature,
        trailer=trailer,
        line_kinds=kinds,
        tables=tables,
        residue=_residue(filled, web, furniture),
    )


def _tables(source: Source, norm: Normalized, lines: tuple[Line, ...]) -> tuple:
    """The reader's grids (.docx, .pdf), then tables of text rows elsewhere, in document order."""
    import bisect
    from dataclasses import replace

    from . import table_text
    from .tables import from_grid

    starts = [line.start for line in lines]
    line_of = lambda offset: max(bisect.bisect_right(starts, offset) - 1, 0)  # noqa: E731
    grids = [t for i, raw in enumerate(source.meta.get("grids") or ())
             if (t := from_grid(i, raw, norm.text, _inverse(norm), line_of)) is not None]
    covered = {i for t in grids for i in t.lines}
    if "\t" not in norm.text and "|" not in norm.text and "  " not in norm.text and "\u3000" not in norm.text:
        found = grids
    else:
        found = grids + table_text.find(lines, lambda l: parse_heading(l) is not None, covered)
    found.sort(key=lambda t: t.first_line)
    return tuple(replace(t, index=i) for i, t in enumerate(found))


def _inverse(norm: Normalized):
    """Original offset → the first matching-view offset at or after it (a bisect over the map)."""
    size = len(norm.text)

    def to_view(original: int) -> int:
        lo, hi = 0, size
        while lo < hi:
            mid = (lo + hi) // 2
            if norm.map.start(mid) < original:
                lo = mid + 1
            else:
                hi = mid
        return lo

    return to_view


def _residue(filled: list[Line], web: set[int], furniture: WebFurniture | None) -> tuple[Span, ...]:
    if not furniture:
        return ()
    return tuple(Span(line.start + a, line.start + b) for line in filled if line.index not in web
                 for a, b, _ in furniture.pieces(line.text))


_CHUNK = re.compile(r"^\s*[0-9]{1,2}、")
_OPEN_END = re.compile(r"[^。！？；：”’）》…!?;:)]$")


def _page_chunks(filled: list[Line], headings: dict[int, Heading]) -> list[int]:
    """Lines a document site numbered as page chunks ("1、…" / "…依" / "2、法有效化解…"): a
    "N、" that carries on the sentence the long line before it left open is no heading, and then
    neither is the "1、" that opens the text."""
    chunks = [line.index for prev, line in zip(filled, filled[1:])
              if line.index in headings and _CHUNK.match(line.text)
              and len(prev.content) > 60 and _OPEN_END.search(prev.content)]
    first = filled[0] if filled else None
    if chunks and first is not None and first.index in headings and _CHUNK.match(first.text) \
            and headings[first.index].number == 1 and len(first.content) > 60:
        chunks.insert(0, first.index)
    return chunks


def _trimmed(heading: Heading, furniture: WebFurniture | None) -> Heading:
    """A heading without the watermark fused to its end ("…主要举措和成效 范文之家 www.x.com")."""
    if not furniture:
        return heading
    for start, end, _ in furniture.pieces(heading.title_text):
        if not heading.title_text[end:].strip() and heading.title_text[:start].strip():
            text = heading.title_text[:start].rstrip()
            return replace(heading, title=Span(heading.title.start, heading.title.start + len(text)), title_text=text)
    return heading


def _front_matter(filled: list[Line], headings: dict[int, Heading], topic=_TITLE_TOPIC, words=_TITLE_WORDS):
    """Header, title and addressee among the first lines, before any heading or long paragraph."""
    header = addressee = None
    title: tuple[Line, ...] = ()
    first = filled[:6]
    for pos, line in enumerate(first):
        if line.index in headings or _is_paragraph(line):
            break
        text = line.content
        nxt = first[pos + 1] if pos + 1 < len(first) else None
        wrapped = (
            nxt is not None and "报告" not in text and "报告" in nxt.content and len(nxt.content) <= 20
            and bool(topic.search(text) or "关于" in text) and not _ORG_LINE.match(text)
        ) or (  # a title a PDF wrapped inside its last word (…工作年度报 / 告)
            nxt is not None and len(nxt.content) <= 4 and not words.search(text) and nxt.index not in headings
            and bool(words.search(text + nxt.content)) and bool(topic.search(text))
        )
        candidate = text + nxt.content if wrapped else text
        if topic.search(candidate) and words.search(candidate) and not candidate.endswith("。") \
                and not _NO_TITLE.search(candidate):
            title = (line, nxt) if wrapped else (line,)
            # joint issuers stand on one line apart: 中共××区委 ××区人民政府
            if pos > 0 and _ORG_LINE.match(re.sub(r"[ \u3000]+", "", first[pos - 1].content)):
                header = first[pos - 1]
            break
    after = title[-1].index if title else (header.index if header else -1)
    following = [line for line in filled if line.index > after][:2]
    for line in following[:1]:
        text = line.content
        if text.endswith(("：", ":")) and len(text) <= 60 and line.index not in headings \
                and not _SENTENCE_INSIDE.search(text[:-1]):
            addressee = line  # "…。现将今年…报告如下：" is the opening sentence, not an addressee
    start = max([l.index for l in (header, addressee, *title) if l is not None], default=-1) + 1
    return header, title, addressee, start


def _is_paragraph(line: Line) -> bool:
    return is_paragraph(line.content)


def _attachments_start(filled: list[Line]) -> int:
    """Where an attachment block after the signature begins (len(filled) when there is none).

    Only a bare 附件/附表 heading right below a date line counts: an "附件：名称" line above the
    signature is the attachment note (附件说明), part of the document itself.
    """
    for at in range(len(filled) - 1, max(len(filled) - 400, 0), -1):
        if _ATTACHMENT.match(filled[at].content) and at > 0 and _DATE_LINE.match(filled[at - 1].content):
            return at
    return len(filled)


def _links_start(filled: list[Line], headings: dict[int, Heading], furniture: WebFurniture | None) -> int:
    """Where a list of links below the report begins ("- 相关新闻" and its items), or len(filled)."""
    if not furniture:
        return len(filled)
    for at in range(len(filled) - 1, max(len(filled) - 40, 0) - 1, -1):
        if filled[at].index in headings:
            break
        if furniture.starts_list(filled[at].content):
            above = at - 1
            while above >= 0 and furniture.what(filled[above].content, after_signature=True):
                above -= 1
            # only below a signature date: "相关链接" above report text heads nothing
            return at if above >= 0 and _DATE_LINE.match(filled[above].content) else len(filled)
    return len(filled)


def _back_matter(filled: list[Line], headings: dict[int, Heading], furniture: WebFurniture | None):
    """Closing formula, signature (issuer lines + date) and trailing page numbers or web leftovers."""
    end = min(_attachments_start(filled), _links_start(filled, headings, furniture))
    trailer: list[Line] = list(filled[end:])
    while end and (PAGE_NUMBER.match(filled[end - 1].content)
                   or (furniture and furniture.what(filled[end - 1].content, after_signature=True))):
        end -= 1
        trailer.insert(0, filled[end])
    date_line = None
    if end and filled[end - 1].index not in headings and _DATE_LINE.match(filled[end - 1].content):
        end -= 1
        date_line = filled[end]
    issuers: list[Line] = []
    while end and len(issuers) < 3 and filled[end - 1].index not in headings:
        content = filled[end - 1].content
        if not _ORG_LINE.match(content.replace(" ", "")):
            break
        end -= 1
        issuers.insert(0, filled[end])
    closing = None
    if end and _CLOSING.match(filled[end - 1].content):
        end -= 1
        closing = filled[end]
    signature = None
    if date_line or issuers:
        date_match = _DATE_IN_LINE.search(date_line.text) if date_line else None
        span = Span(date_line.start + date_match.start(), date_line.start + date_match.end()) if date_match else None
        signature = Signature(tuple(issuers), date_line, span)
    body_to = filled[end].index if end < len(filled) else (filled[-1].index + 1 if filled else 0)
    return closing, signature, tuple(trailer), body_to


def _tree(lines: list[Line], headings: dict[int, Heading], text_end: int) -> Section:
    """Nest sections by heading level; a skipped level simply nests deeper (never an error here)."""
    root = _Builder(None)
    stack = [root]
    for line in lines:
        heading = headings.get(line.index)
        if heading is not None:
            while len(stack) > 1 and stack[-1].heading.level >= heading.level:
                stack.pop()
            node = _Builder(heading)
            stack[-1].children.append(node)
            stack.append(node)
        stack[-1].lines.append(line)
    return root.freeze(text_end)


class _Builder:
    def __init__(self, heading: Heading | None) -> None:
        self.heading = heading
        self.children: list[_Builder] = []
        self.lines: list[Line] = []

    def freeze(self, text_end: int) -> Section:
        children = tuple(child.freeze(text_end) for child in self.children)
        starts = [l.start for l in self.lines] + [c.span.start for c in children]
        ends = [l.end for l in self.lines] + [c.span.end for c in children]
        span = Span(min(starts), max(ends)) if starts else Span(text_end, text_end)
        return Section(self.heading, children, tuple(self.lines), span)
