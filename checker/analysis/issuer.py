"""The issuing body of a report and its own place names.

The issuer is the title's lead (青溪镇人民政府关于2023年…; a leading year, 关于 and what follows
it, 《》 and （全文） stripped), else the issuing-body line above the title, else the signature,
else the subject of the opening sentence when it names a body ("2023年，云岭县公安局坚持…",
"…在区委的领导下，枫林区司法局坚持…"). Its place names (丰都县, 双龙镇, and the short forms 丰都,
双龙) tell term/foreign-locality which names are the report's own.
"""

from __future__ import annotations

import re

from ..document.model import Document
from ..text.bodies import BODY_ENDINGS, PLACE_ENDINGS, endings
from ..text.regexes import LazyRegex

_ISSUER_SUFFIX = re.compile(rf"(?:{endings(BODY_ENDINGS, PLACE_ENDINGS)})$")
# a document number (浙卫〔2024〕3号), 《, a leading year: what the title's lead is not
_LEADING = re.compile(r"^\s*(?:[\u4e00-\u9fff]{1,8}〔(?:19|20)\d{2}〕\d+号\s*)?[《〈\s]*(?:(?:19|20)\d{2}\s*年度?\s*)?")
_NEWS_VERB = re.compile(r"(?:发布|印发|公布|公开)$")
# The subject of an opening sentence: a body's name right before the verb that starts the work.
_OPENING_SUBJECT = LazyRegex(
    r"^\s*(?:(?:19|20)\d{2}\s*年(?:度|以来)?[，,]\s*)?(?:[^，。；]{0,30}(?:领导|指导|部署|关心)下[，,]\s*)?"
    rf"((?:中共)?[\u4e00-\u9fff]{{2,24}}?(?:街道办|{endings(BODY_ENDINGS)}))"
    r"(?:坚持|认真|深入|全面|紧紧|始终|扎实|积极|以|紧扣|围绕|聚焦|牢固|持续|不断|切实|按照|立足|着力|高度|强化|大力|把|将|在|进一步|全力|统筹|严格|主动|锚定|坚定|深学)"
)
_LOCALITY = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:自治州|自治县|自治区|省|市|州|盟|县|区|旗|镇|乡|街道|街)")
_LOCALITY_SUFFIX = re.compile(r"(?:自治州|自治县|自治区|省|市|州|盟|县|区|旗|镇|乡|街道|街)$")
_TITLE_LEAD = re.compile(r"^(.{2,40}?)(?:关于)?(?:(?:19|20)\d{2}|法治政府|依法行政|法治建设)")


def issuer(doc: Document) -> str | None:
    name = _title_issuer(doc.title_text)
    if name:
        return name
    if doc.header is not None:
        return doc.header.content
    if doc.signature is not None and doc.signature.issuer_lines:
        return doc.signature.issuer_lines[-1].content
    return _opening_issuer(doc)


def _title_issuer(title: str) -> str | None:
    """中共枫林市委 枫林市人民政府关于枫林市2021年… → 中共枫林市委 枫林市人民政府; 2020年白鹭区… → 白鹭区."""
    m = _TITLE_LEAD.match(_LEADING.sub("", title))
    if not m:
        return None
    name = _NEWS_VERB.sub("", m.group(1).split("关于")[0].strip(" 　《"))  # 司法部发布2023年…
    return name if name and _ISSUER_SUFFIX.search(name) else None


def _opening_issuer(doc: Document) -> str | None:
    """"2023年，云岭县公安局坚持…": the body the opening sentence names as its subject."""
    for line in doc.preamble[:2]:
        m = _OPENING_SUBJECT.match(line.text)
        if m and not m.group(1).startswith(("我", "本", "全", "在", "于", "按", "根据", "对", "经")):
            return m.group(1)
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
