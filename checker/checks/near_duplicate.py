"""topic/near-duplicate: a passage two different issuers' reports share (template copying).

A batch check: per report it only keeps a fingerprint (checker/passages.py); after the run it
pairs reports of different issuers that share a stretch of at least ``min_chars`` ideographs.
Stock text does not count: the ``stock`` patterns (regulation titles, the required part names,
the standard political preamble) are masked before comparing, and a shingle that more than
``common_max`` issuers use (or more than ``common_share`` of a small batch's issuers, at least 2)
is common phrasing of the batch, not a copy between two reports; this also bounds the number of
pairs a shingle can produce, so a batch of 1,000 reports compares in about a second. Two reports of one issuer (other years, a resubmission) are never paired.

```yaml
check: near_duplicate
params:
  min_chars: 50
  stock: ['以习近平新时代中国特色社会主义思想为指导', '现将.{0,40}?报告如下']
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from ..offsets import LineIndex
from ..text.regexes import LazyRegex
from .base import BatchCheck, BatchFinding, BatchItem, ParamError, Regex, Place

if TYPE_CHECKING:  # the module itself is loaded when a batch fingerprints its first report
    from ..analysis.fingerprints import Fingerprint, Passage

_SKIPPED_LINES = {"title", "header", "addressee", "closing", "signature", "trailer"}
_ISSUER_NOISE = re.compile(r"^中共|(?:人民政府|政府|党委|党工委|工委|办事处|委员会)$")
_PLACE = LazyRegex(r"^[\u4e00-\u9fff]{2,}(?:镇|乡|街道|县|区|市|州|旗|盟|省|自治区)$")  # batch runs only


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
    messages = {"default": ("path", "lines", "line", "end_line", "issuer", "other_path", "other_lines", "other_line",
                            "other_end_line", "other_issuer", "chars", "share", "excerpt")}

    @classmethod
    def validate(cls, params: Params) -> None:
        if not 4 <= params.shingle <= 32:
            raise ParamError("'shingle' must be between 4 and 32")
        if not params.shingle <= params.min_run <= params.min_chars:
            raise ParamError("'min_run' must be between 'shingle' and 'min_chars'")
        if not 0 < params.common_share <= 1 or params.common_max < 2:
            raise ParamError("'common_share' must be in (0, 1] and 'common_max' at least 2")

    def collect(self, view) -> Fingerprint:
        doc, facts = view.doc, view.facts
        index = LineIndex(doc.source.text)
        lines = (
            (index.position(doc.norm.map.start(line.start))[0], line.text)
            for line in doc.lines
            if doc.line_kinds.get(line.index) not in _SKIPPED_LINES
        )
        from ..analysis.fingerprints import fingerprint

        return fingerprint(lines, self.params.stock, self.params.shingle)

    def run_batch(self, items: Sequence[BatchItem]) -> Iterable[BatchFinding]:
        prints = [item.data for item in items]
        groups = issuer_groups(items)
        limit = max(2, min(self.params.common_max, int(self.params.common_share * len(set(groups)))))
        from ..analysis.fingerprints import candidate_pairs

        pairs = candidate_pairs(prints, groups, limit)
        for (i, j), hits in sorted(pairs.items()):
            if len({j - i for i, j in hits}) == len(hits):  # a copy puts several seeds on one diagonal
                continue
            found = self._passages(prints[i], prints[j], hits)
            share = sum(p.shared for p in found) / max(min(prints[i].size, prints[j].size), 1)
            for passage in found:
                yield self._finding(items[i], items[j], passage, min(share, 1.0))

    def _passages(self, a: Fingerprint, b: Fingerprint, hits: list[tuple[int, int]]) -> list[Passage]:
        from ..analysis.fingerprints import shared_passages, trim

        k, p = self.params.shingle, self.params
        found = [x for x in shared_passages(a.text, b.text, hits, k, k) if x.shared >= p.min_chars and x.longest >= p.min_run]
        return [x for x in (trim(x, a, b, k) for x in found) if x.shared >= p.min_chars]

    def _finding(self, x: BatchItem, y: BatchItem, p: Passage, share: float) -> BatchFinding:
        a, b = x.data, y.data
        here = Place(x.index, a.line_at(p.a_start), a.line_at(p.a_end - 1))
        there = Place(y.index, b.line_at(p.b_start), b.line_at(p.b_end - 1))
        from ..analysis.fingerprints import SEP

        excerpt = a.text[p.a_start:p.a_end].replace(SEP, "…")
        values = {
            "path": x.path, "lines": _lines(here), "other_lines": _lines(there), "line": here.line, "end_line": here.end_line, "issuer": x.issuer or "（主体未识别）",
            "other_path": y.path, "other_line": there.line, "other_end_line": there.end_line,
            "other_issuer": y.issuer or "（主体未识别）", "chars": p.shared, "share": f"{share:.0%}",
            "excerpt": excerpt[:24] + ("…" if len(excerpt) > 24 else ""),
        }
        return BatchFinding((here, there), values=values, share=round(share, 3))


def issuer_groups(items: Sequence[BatchItem]) -> list[str]:
    """One group name per item; reports of one issuer share it (丰都县双龙镇人民政府 = 双龙镇)."""
    keys = [_issuer_key(item) for item in items]
    places = {k for k in keys if _PLACE.match(k)}
    # the shortest place name a key ends with stands for the issuer
    return [next((key[i:] for i in range(len(key) - 2, 0, -1) if key[i:] in places), key) for key in keys]


def _issuer_key(item: BatchItem) -> str:
    if not item.issuer:
        return f"#{item.index}"  # unknown issuer: its own group
    return _ISSUER_NOISE.sub("", re.sub(r"\s+", "", item.issuer)) or item.issuer


def _lines(where: Place) -> str:
    return f"第{where.line}行" if where.line == where.end_line else f"第{where.line}—{where.end_line}行"
