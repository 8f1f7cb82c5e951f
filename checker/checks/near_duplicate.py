"""topic/near-duplicate: passages two different issuers' reports share (copying, not the template).

A batch check: per report it only keeps a fingerprint (analysis/fingerprints.py); after the run it
pairs reports of different issuers that share a stretch of at least ``min_chars`` ideographs.
Stock text does not count: the ``stock`` patterns (regulation titles, the required part names,
the standard political preamble) are masked before comparing, and so is every stretch of the
batch's common phrasing, a shingle found in more than ``common_max`` issuers' reports (or more
than ``common_share`` of a small batch's issuers, at least 2): the county's template and its
stock sentences, whatever order a report puts them in. Two reports of one issuer (other years, a
resubmission: topic/same-issuer) are never paired.

One finding per pair, with every passage they share (a place in each report per passage) and the
share of the shorter report they make up. A passage that carries the other issuer's place name
(法治青石 in 白沙镇's report, 青石镇 being an issuer of the run) says who copied from whom; such a
pair is listed first.

```yaml
check: near_duplicate
params:
  min_chars: 50
  stock: ['以习近平新时代中国特色社会主义思想为指导', '现将.{0,40}?报告如下']
```
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from .base import BatchCheck, BatchFinding, BatchItem, ParamError, Place, Regex
from ..analysis.issuer_groups import issuer_groups, place_name

if TYPE_CHECKING:  # the module itself is loaded when a batch fingerprints its first report
    from ..analysis.fingerprints import Fingerprint, Passage

_SKIPPED_LINES = {"title", "header", "addressee", "closing", "signature", "trailer"}
_EXCERPT = 24
__all__ = ["NearDuplicateCheck", "issuer_groups"]


@dataclass(frozen=True)
class Params:
    """What a ruleset may set for the ``near_duplicate`` check (validated by Check.compile)."""

    min_chars: int = 50  # shortest shared passage reported, in ideographs (punctuation and digits not counted)
    min_run: int = 30  # ... which must contain an identical stretch this long (edits bridge only real copies)
    shingle: int = 8  # ideographs per shingle: the seed two reports must share
    common_max: int = 8  # a shingle used by more issuers than this is common phrasing, not a copy ...
    common_share: float = 0.3  # ... and so is one used by more than this share of a small batch's issuers (at least 2)
    stock: tuple[Regex, ...] = ()  # stock passages never counted, matched on the ideographs-only text


class NearDuplicateCheck(BatchCheck):
    name = "near_duplicate"
    Params = Params
    _values = ("path", "lines", "line", "end_line", "issuer", "other_path", "other_lines", "other_line",
               "other_end_line", "other_issuer", "chars", "share", "excerpt", "passages")
    messages = {"default": _values, "place": (*_values, "place")}

    @classmethod
    def validate(cls, params: Params) -> None:
        if not 4 <= params.shingle <= 32:
            raise ParamError("'shingle' must be between 4 and 32")
        if not params.shingle <= params.min_run <= params.min_chars:
            raise ParamError("'min_run' must be between 'shingle' and 'min_chars'")
        if not 0 < params.common_share <= 1 or params.common_max < 2:
            raise ParamError("'common_share' must be in (0, 1] and 'common_max' at least 2")

    def collect(self, view) -> Fingerprint:
        doc = view.doc
        index = view.analysis.line_index  # the engine's, already built for this report
        lines = (
            (index.position(doc.norm.map.start(line.start))[0], line.text)
            for line in doc.lines
            if doc.line_kinds.get(line.index) not in _SKIPPED_LINES
        )
        from ..analysis.fingerprints import fingerprint

        return fingerprint(lines, self.params.stock, self.params.shingle)

    def run_batch(self, items: Sequence[BatchItem]) -> Iterable[BatchFinding]:
        from ..analysis.fingerprints import candidate_pairs, masked, seed_groups

        prints = [item.data for item in items]
        groups = issuer_groups(items)
        k = self.params.shingle
        limit = max(2, min(self.params.common_max, int(self.params.common_share * len(set(groups)))))
        counts = seed_groups(prints, groups)
        common = {h for h, n in counts.items() if n > limit}  # the batch's common phrasing
        shared = {h for h, n in counts.items() if 1 < n <= limit}
        texts: dict[int, str] = {}
        for (i, j), hits in sorted(candidate_pairs(prints, groups, shared).items()):
            if len({j - i for i, j in hits}) == len(hits):  # a copy puts several seeds on one diagonal
                continue
            for x in (i, j):
                if x not in texts:
                    texts[x] = masked(prints[x], common, k)
            found = self._passages(prints[i], prints[j], texts[i], texts[j], hits)
            if found:
                yield _Pair(items[i], items[j], groups[i], groups[j], found).finding()

    def _passages(self, a: Fingerprint, b: Fingerprint, a_text: str, b_text: str, hits) -> list[Passage]:
        from ..analysis.fingerprints import shared_passages, trim

        k, p = self.params.shingle, self.params
        found = [x for x in shared_passages(a_text, b_text, hits, k, k) if x.shared >= p.min_chars and x.longest >= p.min_run]
        return [x for x in (trim(x, a, b, k) for x in found) if x.shared >= p.min_chars]


class _Pair:
    """Two reports and the passages they share, put the way round the evidence says: when a shared
    passage of one report carries the other issuer's place name (and not the other way round), the
    report that carries it comes first: it copied. Passages that carry it come first, then the longest."""

    def __init__(self, x: BatchItem, y: BatchItem, gx: str, gy: str, passages: list) -> None:
        px, py = place_name(gx), place_name(gy)
        if px and py and px[1] == py[1]:
            px = py = None  # 青石镇 and 青石乡: a name both carry says nothing
        x_names_y = [bool(py) and py[1] in _side(x, p, 0) for p in passages]
        y_names_x = [bool(px) and px[1] in _side(y, p, 1) for p in passages]
        self.place = None
        if any(y_names_x) and not any(x_names_y):
            x, y, px, py = y, x, py, px
            passages, x_names_y = [_swap(p) for p in passages], y_names_x
        elif not any(x_names_y) or any(y_names_x):
            x_names_y = [False] * len(passages)
        if any(x_names_y):
            self.place = py[0]
        order = sorted(range(len(passages)), key=lambda n: (not x_names_y[n], -passages[n].shared, n))
        self.x, self.y, self.passages = x, y, [passages[n] for n in order]

    def finding(self) -> BatchFinding:
        x, y, first = self.x, self.y, self.passages[0]
        a, b = x.data, y.data
        places = []
        for p in self.passages:
            places += [Place(x.index, a.line_at(p.a_start), a.line_at(p.a_end - 1)),
                       Place(y.index, b.line_at(p.b_start), b.line_at(p.b_end - 1))]
        chars = sum(p.shared for p in self.passages)
        share = min(chars / max(min(a.size, b.size), 1), 1.0)
        values = {
            "path": x.path, "lines": _lines(places[0], x.path), "line": places[0].line, "end_line": places[0].end_line,
            "issuer": x.issuer or "（主体未识别）", "other_path": y.path, "other_lines": _lines(places[1], y.path),
            "other_line": places[1].line, "other_end_line": places[1].end_line, "other_issuer": y.issuer or "（主体未识别）",
            "chars": chars, "share": f"{share:.0%}", "passages": len(self.passages),
            "excerpt": _excerpt(a.text[first.a_start:first.a_end], self.place), "place": self.place or "",
        }
        kind = "place" if self.place else "default"
        return BatchFinding(tuple(places), kind, values, share=round(share, 3), priority=2 if self.place else 0,
                            blames_first=bool(self.place))


def _side(item: BatchItem, p: Passage, which: int) -> str:
    fp = item.data
    return fp.text[p.a_start:p.a_end] if which == 0 else fp.text[p.b_start:p.b_end]


def _swap(p: Passage) -> Passage:
    from dataclasses import replace

    return replace(p, a_start=p.b_start, a_end=p.b_end, b_start=p.a_start, b_end=p.a_end)


def _excerpt(text: str, place: str | None) -> str:
    """The passage's first ideographs, or those around the place name it carries."""
    from ..analysis.fingerprints import SEP

    text = text.replace(SEP, "…")
    start = 0
    if place:
        at = text.find(place[:-1] if len(place) > 2 else place)
        start = max(0, at - 6) if at >= 0 else 0
    piece = text[start:start + _EXCERPT]
    return ("…" if start else "") + piece + ("…" if start + _EXCERPT < len(text) else "")


def _lines(where: Place, path: str) -> str:
    unit = "段" if path.lower().endswith(".docx") else "行"  # Word counts paragraphs, not lines
    return f"第{where.line}{unit}" if where.line == where.end_line else f"第{where.line}—{where.end_line}{unit}"
