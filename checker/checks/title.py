"""structure/title-*: the report opens with a title naming the topic, the year and the issuer.

```yaml
check: title
params: {topic: "法治政府建设|依法行政", doc_type: "报告"}
```
A copy that lost its line breaks starts with the title fused to the first sentence ("…情况报告2024年，
桃坞县…", also behind a document site's "1、" chunk number): the title is there, so it is not
reported missing. Web furniture above the report (• 索引号, 来源：…) is not its first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import Finding
from ..offsets import Span
from ..text.regexes import LazyRegex
from .base import Check, Regex


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``title`` check (validated by Check.compile)."""

    topic: Regex
    doc_type: Regex
    need_year: bool = True
    need_issuer: bool = True


# A title run into the opening sentence or the first heading on one line.
_FUSED = LazyRegex(r"^\s*(?:[0-9]{1,2}、)?([^，。；：:]{4,60}?报告)(?:（[^）]{1,6}）)?\s*(?=[\u4e00-\u9fff0-9（(])(?!如下|如上)")


class TitleCheck(Check):
    name = "title"
    Params = Params
    messages = {"missing": ("first_line", "year"), "no_topic": ("title", "year"), "no_year": ("title", "year"),
                "no_issuer": ("title",)}

    def run(self, view):
        doc, facts = view.doc, view.facts
        p = self.params
        year = str(facts.year) if facts.year else "20××"  # the example title names the report's own year
        if not doc.title:
            first = next((line for line in doc.lines if line.content and doc.line_kinds.get(line.index) != "furniture"), None)
            fused = _FUSED.match(first.text) if first else None
            if fused and p.topic.search(fused.group(1)) and p.doc_type.search(fused.group(1)):
                return
            where = first.span if first else Span(0, 0)
            yield Finding(where, "missing", {"first_line": first.content[:20] if first else "", "year": year})
            return
        title = doc.title_text
        span = Span(doc.title[0].start, doc.title[-1].end)
        if not p.topic.search(title) or not p.doc_type.search(title):
            yield Finding(span, "no_topic", {"title": title, "year": year})
        elif p.need_year and facts.title_year is None:
            yield Finding(span, "no_year", {"title": title, "year": year})
        elif p.need_issuer and not facts.issuer and doc.header is None:
            yield Finding(span, "no_issuer", {"title": title})
