"""numeric/figure-conflict: one figure stated twice in a report with different values.

Which statements are about the same thing is decided in ``analysis/statements.py`` (same words,
or the same words with a subject before them; same measure word; same year). The finding stands
at the first statement and names the second as a related place.

```yaml
check: numeric_figure_conflict
scope: body
```
"""

from __future__ import annotations

from typing import Iterator

from ..analysis.statements import candidates, same_thing
from ..diagnostics import Finding
from .base import Check
from ..text.figures import bare


class FigureConflictCheck(Check):
    """The same figure stated twice with different values (numeric/figure-conflict)."""

    name = "numeric_figure_conflict"
    messages = {"conflict": ("first", "first_line", "second", "second_line")}
    default_scope = "body"

    def run(self, view) -> Iterator[Finding]:
        an = view.analysis
        sentences = view.sentences
        found = an.statements(view.scope)
        said: set[tuple] = set()
        for a, b in candidates(found):
            if a.sentence == b.sentence or a.figure.stated == b.figure.stated:
                continue
            if not same_thing(a, b, sentences):
                continue
            key = (min(a.key, b.key, key=len), a.figure.stated, b.figure.stated)
            if key in said:
                continue
            said.add(key)
            first = _place(sentences[a.sentence], a)
            second = _place(sentences[b.sentence], b)
            yield Finding(first, "conflict", {
                "first": _shown(sentences[a.sentence], a), "first_line": _line(an, first),
                "second": _shown(sentences[b.sentence], b), "second_line": _line(an, second)},
                related=(second,))


def _place(sentence, statement):
    q = statement.figure
    return sentence.span(q.start, q.end)


def _shown(sentence, statement) -> str:
    q = statement.figure
    start = max(sentence.text.rfind(sep, 0, q.start) for sep in "，,；：:。（）")
    return bare(sentence.text[start + 1:q.end])[-24:]


def _line(analysis, span) -> int:
    return analysis.line_index.position(analysis.doc.norm.map.start(span.start))[0]
