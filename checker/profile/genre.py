"""The genre profile: what a kind of report is made of, read from ``rulesets/genres/<id>.yaml``.

A genre names its parts (id, labels, the headings and inline sentences that announce them, which
are required, in which order they are matched), the issuer levels (by the suffix of the issuing
body's name) and its filing deadlines. The analysis classifies sections with it, the loader checks
every part a rule names against it, and reporters take their labels from it, so a reviewer's
profile can add or rename a part in YAML:

```yaml
genre:
  extends: law-based-government
  parts:
    - {id: disclosure, label: 政务公开工作情况, short: 政务公开, heading: "政务公开", required: true}
```
A part listed with the id of an inherited one changes only the keys it gives. This module holds
the values; genre_file.py reads and validates the YAML.

A heading names a part by what it is, not by a word inside it: ``head`` must match the END of one
of the heading's coordinated heads ("…的举措和成效" ends in 成效, "存在的问题及下一步打算" has the heads
问题 and 下一步打算), while ``heading`` is a mark that names the part wherever it stands (第一责任人,
下一步). A sentence names a part by ``inline`` (unless the words before it, ``inline_not``, make it
another duty: 全面从严治党第一责任人), or by ``content`` (the leaders chair, study law, appear in
court…); ``never_inside`` lists the parts whose text never holds this one (a plan item "压实第一
责任人职责" is a plan, not a report); a sentence matching the genre's ``announces`` (本报告包括…四个
部分, 现将…报告如下) only announces parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..yamlfile import YamlError


class GenreError(YamlError):
    """A genre profile that cannot be used; the message starts with ``path:line:``."""


@dataclass(frozen=True)
class Part:
    """One part of a report of this genre, and how a heading or a sentence announces it."""

    id: str
    label: str  # 主要举措和成效: messages, outline, JSON labels
    short: str  # 举措和成效: tables
    tiny: str  # 成效: the narrowest columns
    required: bool
    heading: str  # regex over a heading's title, anywhere in it (a whole word must match): a mark
    inline: str | None  # regex of a sentence that reports the part without a heading
    head: str | None = None  # regex the head of a heading must END with (举措和成效 → 成效): what it is
    alone_head: str | None = None  # a weaker head (…情况), counted only when no other part is named
    inline_not: str | None = None  # regex of the words just before an inline match that make it another thing
    content: tuple[str, str] | None = None  # (match, about): a sentence doing the part, no keyword needed
    never_inside: tuple[str, ...] = ()  # parts whose sections never hold this one (a plan item is no report)
    only_alone: bool = False  # named by a heading only when it names no other part
    collects_topics: bool = False  # unnamed topic sections before the later parts belong here
    # where sub-headings may announce it: unclassified | overview (also under a heading named only by
    # an alone_head: 一、2019年法治政府建设情况) | anywhere | never
    nested: str = "unclassified"
    plan: bool = False  # speaks of the year after the report year
    paragraph: bool = False  # with no headings at all, a long paragraph counts as this part

    @cached_property
    def heading_re(self) -> re.Pattern[str]:
        return re.compile(self.heading)

    @cached_property
    def inline_re(self) -> re.Pattern[str] | None:
        return re.compile(self.inline) if self.inline else None

    @cached_property
    def head_re(self) -> re.Pattern[str] | None:
        return re.compile(f"(?:{self.head})$") if self.head else None

    @cached_property
    def alone_head_re(self) -> re.Pattern[str] | None:
        return re.compile(f"(?:{self.alone_head})$") if self.alone_head else None

    @cached_property
    def inline_not_re(self) -> re.Pattern[str] | None:
        return re.compile(f"(?:{self.inline_not})$") if self.inline_not else None

    @cached_property
    def content_re(self) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        return (re.compile(self.content[0]), re.compile(self.content[1])) if self.content else None


@dataclass(frozen=True)
class Level:
    """An issuer level, recognised by the end of the issuing body's name."""

    id: str
    label: str
    match: str

    @cached_property
    def match_re(self) -> re.Pattern[str]:
        return re.compile(self.match)


@dataclass(frozen=True)
class Genre:
    """A report genre: its parts, its issuer levels, its title words and its deadlines."""

    id: str
    name: str
    parts: tuple[Part, ...]
    match_order: tuple[str, ...]
    levels: tuple[Level, ...]
    title_topic: str
    title_words: str
    deadlines: dict[str, dict[str, str]]
    origin: str
    ruleset: str = ""  # the bundled ruleset that judges reports of this genre
    detect: str = ""  # a regex over a title that says a report is of this genre
    tables: tuple = ()  # table_templates.TableTemplate: the genre's fixed tables

    def detects(self, title: str) -> bool:
        return bool(self.detect) and re.search(self.detect, title) is not None

    def table(self, table_id: str):
        return next((t for t in self.tables if t.id == table_id), None)
    announces: str = ""  # regex of a sentence that announces the parts (本报告包括…, 现将…报告如下): no part

    @cached_property
    def announces_re(self) -> re.Pattern[str] | None:
        return re.compile(self.announces) if self.announces else None

    def part(self, part_id: str) -> Part:
        return next(p for p in self.parts if p.id == part_id)

    @property
    def part_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.parts)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.parts if p.required)

    def label(self, part_id: str | None, width: str = "label") -> str:  # label | short | tiny
        """The part's label (``label``, ``short`` or ``tiny``); an unknown id is shown as is."""
        for p in self.parts:
            if p.id == part_id:
                return getattr(p, width)
        return part_id or ""

    def level_of(self, issuer: str | None) -> str:
        if not issuer:
            return "unknown"
        name = issuer.split()[-1]
        return next((level.id for level in self.levels if level.match_re.search(name)), "unknown")

    def level_label(self, level_id: str) -> str:
        return next((level.label for level in self.levels if level.id == level_id), "报告主体")
