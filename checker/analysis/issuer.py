"""The issuing body of a report and its own place names.

The issuer is the title's lead (青溪镇人民政府关于2023年…), else the issuing-body line above the
title, else the signature. Its place names (丰都县, 双龙镇, and the short forms 丰都, 双龙) tell
term/foreign-locality which names are the report's own.
"""

from __future__ import annotations

import re

from ..document.model import Document

_ISSUER_SUFFIX = re.compile(
    r"(?:人民政府|政府|党委|党工委|委员会|办事处|街道|镇|乡|县|区|市|州|省|自治区|局|委|办|办公室|厅|中心)$"
)
_LOCALITY = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:自治州|自治县|自治区|省|市|州|盟|县|区|旗|镇|乡|街道)")
_LOCALITY_SUFFIX = re.compile(r"(?:自治州|自治县|自治区|省|市|州|盟|县|区|旗|镇|乡|街道)$")
_TITLE_LEAD = re.compile(r"^(.{2,40}?)(?:关于)?(?:(?:19|20)\d{2}|法治政府|依法行政|法治建设)")


def issuer(doc: Document) -> str | None:
    title = doc.title_text
    if title:
        m = _TITLE_LEAD.match(title)
        if m:
            name = m.group(1).strip(" 　")
            if name.endswith("关于"):
                name = name[:-2]
            if name and _ISSUER_SUFFIX.search(name):
                return name
    if doc.header is not None:
        return doc.header.content
    if doc.signature is not None and doc.signature.issuer_lines:
        return doc.signature.issuer_lines[-1].content
    return None


def localities(name: str | None, doc: Document) -> tuple[str, ...]:
    """The issuer's place names, longest first (丰都县, 双龙镇, 双龙, 丰都)."""
    names: list[str] = []
    sources = [name or ""]
    if doc.header is not None:
        sources.append(doc.header.content)
    if doc.signature is not None:
        sources.append(doc.signature.issuer)
    for text in sources:
        for m in _LOCALITY.finditer(text.replace("中共", "")):
            full = m.group()
            names.append(full)
            short = _LOCALITY_SUFFIX.sub("", full)
            if len(short) >= 2:
                names.append(short)
    unique = dict.fromkeys(n for n in names if len(n) >= 2)
    return tuple(sorted(unique, key=len, reverse=True))
