"""numeric/future-year: the achievements part reports work of a year after the report year as done.

"2024年共办理行政复议案件12件" cannot stand in a report on 2023, which is filed early in 2024: the
year is wrong (a typo, or text copied from a later report). Only precise wording fires: the year
opens a statement of completed work (共/累计 or a verb of work done, with a count or 了). Targets
(到2025年, 力争2024年完成), periods, cited titles and dated events (2024年1月，…) stay silent.

```yaml
check: future_year
params: {parts: [achievements, first_responsible]}
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.dates import plain_years
from ..diagnostics import Finding
from ..offsets import Span
from ..text.clauses import STATEMENT_ENDS
from ..text.regexes import LazyRegex
from ..analysis.plan import firm_year
from ..analysis.year import SOURCE_NAMES
from .base import Check, PartId


# Compiled on first use: only a later year inside a part needs it, and its class of
# ideographs costs ~1.5 ms to compile (regexes.py).
_DONE = LazyRegex(
    r"(?:度|全年)?[，,]?(?:[我全本](?:(?![将要拟计力预争确])[\u4e00-\u9fff]){1,3}?)?"
    r"(?:共|累计|先后|全年|一共|总共)?"
    r"(?:完成|办理|受理|办结|开展|举办|组织|召开|化解|调处|调解|排查|审核|审查|出台|制定|修订|修改|清理|公开|发布|培训"
    r"|查处|处理|收到|收集|接待|发放|印发|新增|签订|处罚|立案|答复|备案|聘请|走访|推送|共|累计)"
)
_COUNT = re.compile(
    r"(?<![0-9])[0-9]+(?:\.[0-9]+)?\s*(?:(?:余|多)\s*)?(?:万|千|百)?(?:人次|件|次|场|个|人|起|宗|份|条|项|名|期|篇|家|户|部|批|类|处|元|万)"
    r"|(?<!为)了(?!解)"
)
_CLAUSE_END = re.compile(f"[{STATEMENT_ENDS}]")  # the statement a year mention belongs to


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``future_year`` check (validated by Check.compile)."""

    parts: tuple[PartId, ...] = ("achievements", "first_responsible")


class FutureYearCheck(Check):
    name = "future_year"
    Params = Params
    messages = {"default": ("phrase", "found", "year", "source")}

    def run(self, view):
        doc, facts = view.doc, view.facts
        year = firm_year(facts)
        if year is None:
            return
        seen: set[int] = set()
        for part in self.params.parts:
            for line in view.analysis.lines(f"part:{part}"):
                if line.index in seen or facts.part_at(line.start) not in self.params.parts:
                    continue
                seen.add(line.index)
                yield from _line(line, year, facts)


def _line(line, year: int, facts):
    for mention in plain_years(line.text):
        if mention.year <= year:
            continue
        m = _DONE.match(line.text, mention.end)
        if not m:
            continue
        end = _CLAUSE_END.search(line.text, m.end())
        clause = line.text[mention.start:end.start() if end else len(line.text)]
        if not _COUNT.search(clause):
            continue
        values = {"phrase": clause[:24], "found": mention.year, "year": year, "source": SOURCE_NAMES.get(facts.year_source, "")}
        yield Finding(Span(line.start + mention.start, line.start + m.end()), values=values)
