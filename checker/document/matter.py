"""The lines around the body: front matter (header, title, addressee) and back matter (closing
formula, signature, and the page numbers, attachments or web leftovers that trail it).

Recognised by position and shape only; a line that fits none of them stays body text.
"""

from __future__ import annotations

import re

from ..offsets import Span
from ..text.bodies import BODY_ENDINGS, BODY_NAME, endings
from ..text.clauses import STATEMENT_ENDS
from ..text.dates import DATE_PATTERN
from ..text.pagination import PAGE_NUMBER
from ..text.regexes import LazyRegex
from .model import Heading, Line, Signature
from .web_furniture import WebFurniture, is_paragraph

TITLE_WORDS = re.compile(r"报告|情况|总结|汇报")  # 总结/汇报: a wrong 文种 is still the title
TITLE_TOPIC = re.compile(r"法治|依法行政|法制")
_ORG_LINE = BODY_NAME
_DATE_LINE = re.compile(rf"^\s*(?:[\u4e00-\u9fff（）()]{{2,40}}\s+)?(?:{DATE_PATTERN})\s*$")
_DATE_IN_LINE = re.compile(DATE_PATTERN)
# An attachment block after the signature (GB/T 9704: 附件 follows the document on a new page).
_ATTACHMENT = re.compile(r"^\s*(?:附件|附表)\s*[0-9一二三四五六七八九十]*\s*[：:]?\s*$")
# "现将…报告如下：", "依照…规定，现将…": the opening sentence, never the title
_NO_TITLE = re.compile(r"如下[：:。]?$|现将|[：:]$")
_SENTENCE_INSIDE = re.compile(f"[{STATEMENT_ENDS}]|如下|现将|报告")
# The 附注 below the date (GB/T 9704 §7.3.6: "（此件公开发布）") belongs after the signature, not before it.
# One addressee: a body, possibly in its short form (市委, 县政府, 中共云州市委); compiled only
# for a line below the title that lacks its colon.
_ADDRESSEE_BODY = LazyRegex(rf"(?:中共)?[\u4e00-\u9fff（）()·]{{1,30}}(?:{endings(BODY_ENDINGS)})")
_NOTE = re.compile(r"^\s*[（(]此件[\u4e00-\u9fff]{2,10}[）)]\s*$")
_CLOSING = re.compile(r"^\s*特此(?:报告|汇报)[。.！]?\s*$")


def front_matter(filled: list[Line], headings: dict[int, Heading], topic=TITLE_TOPIC, words=TITLE_WORDS):
    """Header, title and addressee among the first lines, before any heading or long paragraph."""
    header = addressee = None
    title: tuple[Line, ...] = ()
    first = filled[:6]
    for pos, line in enumerate(first):
        if line.index in headings or is_paragraph(line.content):
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
        if line.index in headings or len(text) > 60:
            break
        if text.endswith(("：", ":")) and not _SENTENCE_INSIDE.search(text[:-1]):
            addressee = line  # "…。现将今年…报告如下：" is the opening sentence, not an addressee
        elif title and _lost_colon(text, "".join(l.content for l in title), following[1:]):
            addressee = line
    start = max([l.index for l in (header, addressee, *title) if l is not None], default=-1) + 1
    return header, title, addressee, start


def _lost_colon(text: str, title: str, after: list[Line]) -> bool:
    """Bodies' names below the title with no colon: the addressee line that lost it (中共云州市委、
    云州市人民政府), not the author's own name under the title (one in the title, or above a date).

    One lone name is an addressee only when the title names its issuer before 关于 and this is
    another body; under a title without an issuer it may as well be the author.
    """
    if not after or _DATE_LINE.match(after[0].content):
        return False
    names = re.split("[、，,]", text)
    if len(names) > 4 or not all(_ADDRESSEE_BODY.fullmatch(n) for n in names):
        return False
    if any(n in title for n in names):
        return False
    return len(names) > 1 or title.find("关于") > 1


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


def back_matter(filled: list[Line], headings: dict[int, Heading], furniture: WebFurniture | None):
    """Closing formula, signature (issuer lines + date) and trailing page numbers or web leftovers."""
    end = min(_attachments_start(filled), _links_start(filled, headings, furniture))
    trailer: list[Line] = list(filled[end:])
    while end and (PAGE_NUMBER.match(filled[end - 1].content) or _NOTE.match(filled[end - 1].content)
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


_SENTENCE_END = "。！？；…”’」』）)!?.;"


def cut_off(doc) -> Line | None:
    """The last line of a text that has no signature and stops inside a sentence or a list
    (…举办宣传宣讲, 对照“, 现将…报告如下：): a copy or conversion lost its end. None otherwise."""
    if doc.signature is not None:
        return None
    trailer = {line.index for line in doc.trailer}
    last = next((line for line in reversed(doc.lines) if line.content and line.index not in trailer), None)
    if last is None or any(last is t for t in doc.title) or last is doc.closing or last is doc.header:
        return None
    return None if last.content.rstrip().endswith(tuple(_SENTENCE_END)) else last
