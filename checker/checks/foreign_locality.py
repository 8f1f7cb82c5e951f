"""Another place's name where the issuer's own belongs: the mark of a report copied from elsewhere.

Two shapes are looked for, and both prefer silence when unsure:

- slogans that name one's own locality (法治XX, 平安XX, 美丽XX) whose XX is neither the issuer's
  name, nor a common word or a region (``common``, ``regions``), nor a place the report itself
  names as a county, city, village or community (a higher level or one's own village). What is
  left is flagged when the report names XX as another 镇/乡/街道, or when XX is no word at all
  in jieba's dictionary (乾塘, a village-scale name) and the slogan is followed by
  ``follow_unknown`` (法治乾塘进程); a place jieba knows (成都) may be the higher level the report
  does not name, so it stays silent;
- "YY镇党委 / YY镇人民政府" in a township's report (and "YY县委 / YY县人民政府" when the issuer's
  county is known) for a different YY at the same level, unless the clause is about relations
  with that place (``relational``: 与, 协助, 交界…).

In a batch run the issuers of the run are places too: a slogan left silent above whose XX is
another issuer's place (法治青石 in 白沙镇's report, 青石镇 having submitted too) is reported by
the cross-report stage (``collect`` keeps the silent slogans, ``run_batch`` names the issuer).

```yaml
check: foreign_locality
params:
  heads: "法治|平安|美丽"
  follow: "进程|建设|创建|”|、|，|。"
  follow_unknown: "进程|建设|创建"
  common: [政府, 社会, 乡村]
  regions: [中国, 四川]
  relational: "与|协助|交界"
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from ..diagnostics import Finding
from ..offsets import Span
from ..text.segment import dictionary_tag
from .base import BatchCheck, BatchFinding, ParamError, Place, Regex
from ..text.clauses import clause

_TOWN_BODY = re.compile(r"(?:镇|乡|街道)(?=党委|党工委|人民政府|政府|办事处)")
_COUNTY_BODY = re.compile(r"县(?=委|人民政府|政府)")
_NOT_NAME = re.compile(r"[本我全该各此每两多乡镇县市区街村的和与及、，。；在为对由向于从将把被治法]")
# Function words glued to a 镇/乡/县 body: an adverb first (均经, 已报, 并交), a verb or
# preposition last (报请, 提交, 呈送, 议经). Checked by position so that names holding such a
# character elsewhere (丰都县, 交城县, 都昌县) can still be read as names.
_ADVERB_FIRST = re.compile(r"^[均皆已又再并或即亦也须需必凡仍另经报请提呈递送]")
_VERB_LAST = re.compile(r"[经报请交到给让送呈递提助了过是等]$")


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``foreign_locality`` check (validated by Check.compile)."""

    heads: Regex
    follow: Regex
    follow_unknown: Regex  # what must follow when only the dictionary speaks for a place (进程|建设)
    common: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    relational: Optional[Regex] = None


class ForeignLocalityCheck(BatchCheck):
    name = "foreign_locality"
    default_scope = "body"
    Params = Params
    messages = {"slogan": ("match", "place", "own"), "body": ("match", "place", "own"),
                "issuer": ("match", "place", "own", "other", "other_path")}

    def run(self, view) -> Iterator[Finding]:
        for line, m, foreign, shown in self._slogans(view):
            if foreign:
                values = {"match": m.group(), "place": m.group(1), "own": shown}
                yield Finding(Span(line.start + m.start(), line.start + m.end()), "slogan", values)
        facts = view.facts
        if facts.localities:
            for line in view.lines:
                yield from self._bodies(line, set(facts.localities), facts, _own_name(facts))

    def _slogans(self, view):
        """(line, match, foreign?, the issuer's own name) for every slogan naming a place XX."""
        facts = view.facts
        own = set(facts.localities)
        if not own:
            return  # without the issuer's place nothing can be foreign
        shown = _own_name(facts)
        mentions = _mentions(view.doc.text)
        slogan = re.compile(rf"(?:{self.params.heads.pattern})([\u4e00-\u9fff]{{2}})(?=(?:{self.params.follow.pattern}))")
        for line in view.lines:
            for m in slogan.finditer(line.text):
                strong = bool(self.params.follow_unknown.match(line.text, m.end()))
                yield line, m, self._foreign_slogan(m.group(1), own, mentions, strong), shown

    def collect(self, view) -> tuple:
        """The slogans left silent whose XX could still be another issuer of the run, with their lines."""
        index, doc, kept = view.analysis.line_index, view.doc, []  # the engine's, already built
        for line, m, foreign, shown in self._slogans(view):
            place = m.group(1)
            if not foreign and place not in self.params.common and place not in self.params.regions \
                    and place not in view.facts.localities:
                at = index.position(doc.norm.map.start(line.start + m.start()))[0]
                kept.append((place, m.group(), at, shown))
        return tuple(kept)

    def run_batch(self, items) -> Iterator[BatchFinding]:
        from ..analysis.issuer_groups import issuer_groups, place_name

        groups = issuer_groups(items)
        places = {}  # 青石 → (青石镇, the first of its reports)
        for item, group in zip(items, groups):
            named = place_name(group)
            if named:
                places.setdefault(named[1], (named[0], group, item))
        for item, group in zip(items, groups):
            for place, match, line, own in item.data:
                other = places.get(place)
                if other is not None and other[1] != group:
                    values = {"match": match, "place": place, "own": own, "other": other[0], "other_path": other[2].path}
                    yield BatchFinding((Place(item.index, line, line),), "issuer", values, priority=1)

    def _foreign_slogan(self, place: str, own: set, mentions: dict, strong: bool) -> bool:
        if place in own or place in self.params.common or place in self.params.regions:
            return False
        suffixes = mentions.get(place, set())
        if suffixes & {"县", "市", "区", "州", "省", "村", "社区", "旗", "盟"}:
            return False  # a higher level or one's own village the report names
        if suffixes & {"镇", "乡", "街道"}:
            return True  # named as another town; the issuer's own town is in ``own``
        # New slogans (法治护苗、法治惠企) are no dictionary words either; only "法治XX进程/建设" is
        # shaped firmly enough to read an unknown XX as a place.
        return strong and dictionary_tag(place) is None

    def _bodies(self, line, own: set, facts, shown: str) -> Iterator[Finding]:
        text = line.text
        patterns = []
        if facts.issuer_level == "township":
            patterns.append(_TOWN_BODY)
        if any(name.endswith("县") for name in own) and facts.issuer_level in ("township", "county"):
            patterns.append(_COUNTY_BODY)
        for pattern in patterns:
            for m in pattern.finditer(text):
                place = _name_before(text, m.start(), own)
                if place is None:
                    continue
                a, b = clause(text, m.start(), m.end())
                if self.params.relational and self.params.relational.search(text[a:b]):
                    continue
                start = m.start() - len(place)
                values = {"match": text[start:m.end()], "place": place, "own": shown}
                yield Finding(Span(line.start + start, line.start + m.end()), "body", values)


def _own_name(facts) -> str:
    """The issuer's own level: the locality ending last in its name (白沙乡 in 青岚县白沙乡人民政府)."""
    issuer = facts.issuer or ""
    placed = [(issuer.rfind(name) + len(name), len(name), name) for name in facts.localities if name in issuer]
    if placed:
        return max(placed)[2]
    return max(facts.localities, key=len)


def _name_before(text: str, at: int, own: set) -> str | None:
    """The two-character place name before a 镇/县 suffix, if it is a name and not the issuer's."""
    for size in (2, 3):
        if at - size >= 0 and text[at - size:at] in own:
            return None
    name = text[max(0, at - 2):at]
    if len(name) < 2 or _NOT_NAME.search(name) or not all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return None
    if _ADVERB_FIRST.search(name) or _VERB_LAST.search(name):
        return None  # 均经乡党委, 报请镇政府: a clause about one's own body, no name
    before = text[at - 3] if at >= 3 else ""
    if before and "\u4e00" <= before <= "\u9fff" and not _NOT_NAME.search(before):
        return None  # a longer run of characters: where the name starts is unknown, stay silent
    tag = dictionary_tag(name)
    if tag is not None and not tag.startswith("ns"):
        return None  # a word, not a name: 清理县政府文件, 坚持县委领导
    return name


def _mentions(text: str) -> dict[str, set[str]]:
    """Two-character names the report writes with an administrative suffix: name → suffixes."""
    found: dict[str, set[str]] = {}
    for m in re.finditer(r"([\u4e00-\u9fff]{2})(社区|街道|县|市|区|州|省|镇|乡|村|旗|盟)", text):
        found.setdefault(m.group(1), set()).add(m.group(2))
    return found
