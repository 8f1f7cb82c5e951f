"""Every rate mention of a scope with the counts it is computed from, read once for all rate rules.

A mention is paired (pairing.py) when it names one registered rate and states one level; a share
(占比 P%, 所占比重为, 比例为) is the count just before it over the whole that count is a part of:
the total of its breakdown ("抽查企业240家，其中联合抽查88家，占比36.7%"), a figure it is said
to be among ("318件中，适用简易程序的126件，比例为39.6%"), or the whole the share names itself
("适用从轻处罚的43件，占全部320件的13.4%").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..offsets import Span
from ..text.numbers import Quantity
from .breakdowns import countable
from .pairing import Pair, Stretch, pair
from .rates import RateMention
from .sentences import Sentence

_AMONG = re.compile(r"[^，,；。！？0-9]{0,10}?中[，,]?")
_EACH_GAP = re.compile(r"[，,\s]*(?:分别)?")


@dataclass(frozen=True)
class RateReading:
    """A rate mention (offsets in its sentence) and its counts (offsets in the stretch)."""

    sentence: Sentence
    previous: Sentence | None  # the sentence before, when the stretch starts there
    mention: RateMention
    pair: Pair | None
    cut: int  # length of the previous sentence's text in the stretch (0 without one)

    def span(self, start: int, end: int) -> Span:
        """View span from stretch offset ``start`` to ``end`` (``end`` in the own sentence)."""
        if start < self.cut and self.previous is not None:
            first = self.previous.span(start, start + 1).start
        else:
            first = self.sentence.span(start - self.cut, start - self.cut + 1).start
        last = self.sentence.span(end - self.cut - 1, end - self.cut).end
        return Span(first, last)


def readings(analysis, sentences: tuple[Sentence, ...]) -> tuple[RateReading, ...]:
    found = []
    previous: Sentence | None = None
    for sentence in sentences:
        mentions = analysis.rates(sentence.text)
        if mentions:
            before = previous if previous is not None and previous.block == sentence.block else None
            found.extend(_read(analysis, sentence, before, mentions))
        previous = sentence
    return tuple(found)


def _read(analysis, sentence: Sentence, previous: Sentence | None, mentions) -> list[RateReading]:
    book = analysis.words.rates
    stretch = None
    out = []
    for m in mentions:
        paired = None
        if m.share and len(m.percents) > 1 and not m.names:
            out.extend(_each_share(analysis, sentence, m))
            continue
        if len(m.percents) == 1 and len(m.names) <= 1 and m.known:
            stretch = stretch or _stretch(analysis, sentence, previous, mentions)
            start, end = m.start + stretch.cut, m.percents[0].end + stretch.cut
            if m.share:
                paired = _share(analysis, sentence, stretch, m)
            else:
                paired = pair(book.rates[m.names[0]], stretch, start, end)
        cut = stretch.cut if stretch else 0
        out.append(RateReading(sentence, previous if cut else None, m, paired, cut))
    return out


def _stretch(analysis, sentence: Sentence, previous: Sentence | None, mentions) -> Stretch:
    own = [q for q in analysis.quantities(sentence.text) if countable(q)]
    parts = _parts(analysis, sentence.text, 0)
    if previous is None:
        return Stretch(sentence.text, 0, tuple(own), tuple((m.start, m.percents[-1].end) for m in mentions), parts)
    cut = len(previous.text)
    before = [q for q in analysis.quantities(previous.text) if countable(q)]
    shifted = tuple(before) + tuple(_shift(q, cut) for q in own)
    ends = tuple((m.start + cut, m.percents[-1].end + cut) for m in mentions)
    parts = _parts(analysis, previous.text, 0) | _parts(analysis, sentence.text, cut)
    return Stretch(previous.text + sentence.text, cut, shifted, ends, parts)


def _parts(analysis, text: str, by: int) -> frozenset[tuple[int, int]]:
    return frozenset((p.start + by, b.total.start + by) for b in analysis.breakdowns(text)
                     if not b.after for p in b.parts)


def _shift(q: Quantity, by: int) -> Quantity:
    return replace(q, start=q.start + by, end=q.end + by)


def _share(analysis, sentence: Sentence, stretch: Stretch, mention: RateMention) -> Pair | None:
    """占比 right after a count: that count over its breakdown's total, or over the figure it is among."""
    text = sentence.text
    qs = [q for q in analysis.quantities(text) if countable(q)]
    before = [q for q in qs if q.end <= mention.start]
    if not before or not re.fullmatch(r"[，,\s]?", text[before[-1].end:mention.start]):
        return None
    part = before[-1]
    inside = [q for q in qs if mention.start < q.start and q.end <= mention.percents[0].start]
    if inside:  # 有43件，占全部320件的16.4%: the whole is said in the share itself
        if len(inside) != 1 or inside[0].unit_group != part.unit_group:
            return None
        whole = inside[0]
        return Pair(part.value, whole.value, _bare(part.raw), _bare(whole.raw), part.start + stretch.cut,
                    part.value.lo == part.value.hi and whole.value.lo == whole.value.hi)
    whole = next((b.total for b in analysis.breakdowns(text) if part in b.parts and not b.after), None)
    if whole is None:
        whole = next((q for q in reversed(before[:-1]) if q.unit_group == part.unit_group
                      and _AMONG.match(text, q.end) and _AMONG.match(text, q.end).end() <= part.start), None)
    if whole is None:
        return None
    cut = stretch.cut
    return Pair(part.value, whole.value, _bare(part.raw), _bare(whole.raw), whole.start + cut,
                part.value.lo == part.value.hi and whole.value.lo == whole.value.hi)


def _each_share(analysis, sentence: Sentence, mention: RateMention) -> list[RateReading]:
    """"其中维持30件、撤销12件、驳回8件，分别占60%、24%、18%": each part over the breakdown's total,
    one to one; unpaired when the shares are not as many as the parts right before them."""
    text = sentence.text
    whole = next((b for b in analysis.breakdowns(text) if not b.after and b.parts[-1].end <= mention.start
                  and _EACH_GAP.fullmatch(text, b.parts[-1].end, mention.start)), None)
    if whole is None or len(whole.parts) != len(mention.percents):
        return [RateReading(sentence, None, mention, None, 0)]
    total = whole.total
    return [RateReading(sentence, None, replace(mention, percents=(pct,)),
                        Pair(part.value, total.value, _bare(part.raw), _bare(total.raw), part.start,
                             part.value.lo == part.value.hi and total.value.lo == total.value.hi), 0)
            for part, pct in zip(whole.parts, mention.percents)]


def _bare(raw: str) -> str:
    return "".join(raw.split())
