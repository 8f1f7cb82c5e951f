"""Passages shared between texts: sampled character shingles as seeds, exact extension around them.

Used to find template copying between reports. Texts are reduced to their CJK ideographs (digits,
Latin letters, punctuation and spacing dropped), so a copy with changed figures or re-punctuated
sentences still matches. Every shingle of ``k`` ideographs is hashed with CRC-32 (stable across
processes, unlike ``hash``), and only hashes divisible by SAMPLE are kept as seeds, so the index
holds a quarter of the shingles and identical text always keeps identical seeds. Two texts that
share a seed are compared character by character around it: the reported passage is exact, not an
estimate. Character shingles need no word segmentation; see docs/batch.md.

Phrasing that many reports of the batch share (the county's template, the regulation's stock
phrases) is no copy: ``seed_groups`` counts in how many issuers' reports each seed occurs, and
``masked`` turns every character such a seed covers into SEP before two reports are compared, so
a passage never extends into template text and only its rare core is counted. Seeds suffice: a
stretch of common text that no common seed covers has no seed at all, so no comparison reaches it.
"""

from __future__ import annotations

import bisect
import re
import zlib
from array import array
from collections import Counter, defaultdict
from itertools import compress
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

SEP = "\x00"  # stands for masked (stock) text and breaks: no shingle or passage crosses it
SAMPLE = 4
_NON_HAN = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff]+")


@dataclass(frozen=True)
class Fingerprint:
    """A text reduced for comparison; small and picklable (it travels from worker to parent)."""

    text: str  # ideographs only; masked stock passages are SEP
    line_starts: tuple[int, ...]  # offset in ``text`` where each source line starts
    line_numbers: tuple[int, ...]  # that line's 1-based number in the original file
    hashes: array  # the sampled shingles (uint32) ...
    offsets: array  # ... and where they start in ``text``
    size: int  # ideographs that count (not masked)

    def line_at(self, offset: int) -> int:
        row = bisect.bisect_right(self.line_starts, offset) - 1
        return self.line_numbers[max(row, 0)] if self.line_numbers else 1


def fingerprint(lines: Iterable[tuple[int, str]], stock: Sequence[re.Pattern], k: int) -> Fingerprint:
    """``lines`` are (original line number, text); ``stock`` patterns match on the ideograph text."""
    parts: list[str] = []
    starts: list[int] = []
    numbers: list[int] = []
    at = 0
    for number, line in lines:
        han = _NON_HAN.sub("", line)
        if not han:
            continue
        starts.append(at)
        numbers.append(number)
        parts.append(han)
        at += len(han)
    text = _mask("".join(parts), stock)
    hashes, offsets = seeds(text, k)
    return Fingerprint(text, tuple(starts), tuple(numbers), hashes, offsets, len(text) - text.count(SEP))


def _mask(text: str, stock: Sequence[re.Pattern]) -> str:
    for pattern in stock:
        might_match = getattr(pattern, "might_match", None)  # a ruleset's LazyRegex skips absent phrases
        if might_match is None or might_match(text):
            text = pattern.sub(lambda m: SEP * len(m.group()), text)
    return text


def seeds(text: str, k: int) -> tuple[array, array]:
    """Sampled hashes and offsets of the k-ideograph shingles that do not cross SEP.

    A shingle is kept when its CRC-32 is a multiple of SAMPLE: the choice depends on the text
    alone, so two reports sharing a passage keep the same shingles of it.
    """
    hashes, offsets = array("I"), array("I")
    data = memoryview(text.encode("utf-32-le"))
    crc32, width, offset = zlib.crc32, 4 * k, 0
    for segment in text.split(SEP):
        first = 4 * offset
        for at in range(first, first + 4 * (len(segment) - k + 1), 4):
            h = crc32(data[at:at + width])
            if not h % SAMPLE:
                hashes.append(h)
                offsets.append(at >> 2)
        offset += len(segment) + 1
    return hashes, offsets


def seed_groups(prints: Sequence[Fingerprint], groups: Sequence[str]) -> Counter:
    """For each seed, the number of issuers (groups) whose reports contain it."""
    by_group: dict[str, set[int]] = defaultdict(set)
    for fp, group in zip(prints, groups):
        by_group[group].update(fp.hashes)
    counts: Counter = Counter()
    for hashes in by_group.values():
        counts.update(hashes)
    return counts


def masked(fp: Fingerprint, common: set[int], k: int) -> str:
    """``fp.text`` with every character that a common seed covers turned into SEP."""
    hits = list(compress(fp.offsets, map(common.__contains__, fp.hashes)))
    if not hits:
        return fp.text
    text, pieces, done = fp.text, [], 0
    start, end = hits[0], hits[0] + k
    for at in [*hits[1:], len(text) + k + 1]:  # offsets ascend: overlapping shingles make one run
        if at > end:
            pieces += [text[done:start], SEP * (end - start)]
            done, start = end, at
        end = at + k
    pieces.append(text[done:])
    return "".join(pieces)


def candidate_pairs(prints: Sequence[Fingerprint], groups: Sequence[str], shared: set[int]) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """(i, j) with i < j → offset pairs of the ``shared`` seeds they have in common, across
    different groups only (``shared``: seeds of at least two and at most a few issuers, so a seed
    makes few pairs). Set intersections run in C: 1,000 reports hold a million seeds."""
    postings: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for index, fp in enumerate(prints):
        where = dict(zip(fp.hashes, fp.offsets))  # one offset per seed and report is enough
        for h in shared.intersection(where):
            postings[h].append((index, where[h]))
    pairs: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for hits in postings.values():
        for x, (i, oi) in enumerate(hits):
            for j, oj in hits[x + 1:]:
                if groups[i] != groups[j]:
                    pairs[(i, j)].append((oi, oj))  # postings are in report order, so i < j
    return pairs


@dataclass(frozen=True)
class Passage:
    """A stretch two reports share: where in each, and how much of it is identical."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    shared: int  # ideographs identical in both (gaps of a merged passage not counted)
    longest: int  # the longest stretch without a gap


def shared_passages(a: str, b: str, hits: Iterable[tuple[int, int]], k: int, gap: int) -> list[Passage]:
    """Maximal identical stretches around the seed hits, merged across small edits (a changed name)."""
    runs: list[Passage] = []
    reach: dict[int, int] = {}  # diagonal → end (in a) of the last run found on it
    for i, j in sorted(hits, key=lambda h: (h[1] - h[0], h[0])):
        if i < reach.get(j - i, -1) or a[i:i + k] != b[j:j + k] or SEP in a[i:i + k]:
            continue
        run = _extend(a, b, i, j, k)
        reach[j - i] = run.a_end
        runs.append(run)
    return _merge(sorted(runs, key=lambda r: (r.a_start, r.b_start)), a, b, gap)


def _extend(a: str, b: str, i: int, j: int, k: int) -> Passage:
    start_a, start_b = i, j
    while start_a > 0 and start_b > 0 and a[start_a - 1] == b[start_b - 1] != SEP:
        start_a, start_b = start_a - 1, start_b - 1
    end_a, end_b = i + k, j + k
    while end_a < len(a) and end_b < len(b) and a[end_a] == b[end_b] != SEP:
        end_a, end_b = end_a + 1, end_b + 1
    return Passage(start_a, end_a, start_b, end_b, end_a - start_a, end_a - start_a)


def _merge(runs: list[Passage], a: str, b: str, gap: int) -> list[Passage]:
    merged: list[Passage] = []
    for run in runs:
        for x in range(len(merged) - 1, max(len(merged) - 8, -1), -1):
            joined = _join(merged[x], run, a, b, gap)
            if joined is not None:
                merged[x] = joined
                break
        else:
            merged.append(run)
    return merged


def _join(cur: Passage, run: Passage, a: str, b: str, gap: int) -> Passage | None:
    """One passage when ``run`` continues ``cur`` in both texts after at most ``gap`` real characters."""
    if run.b_start < cur.b_start:
        return None
    if _real(a, cur.a_end, run.a_start) > gap or _real(b, cur.b_end, run.b_start) > gap:
        return None
    overlap = max(0, min(cur.a_end, run.a_end) - run.a_start)
    return Passage(cur.a_start, max(cur.a_end, run.a_end), cur.b_start, max(cur.b_end, run.b_end),
                   cur.shared + run.shared - overlap, max(cur.longest, run.longest))


def _real(text: str, start: int, end: int) -> int:
    """Characters between two passages that are not masked stock text (0 when they overlap)."""
    return max(end - start, 0) - text.count(SEP, start, max(start, end))


def trim(p: Passage, a: Fingerprint, b: Fingerprint, stub: int) -> Passage:
    """Cut a stub of fewer than ``stub`` ideographs off a passage's first or last line (a heading
    numeral, a part name both reports use), so the lines reported are the ones really shared."""
    for side in (a, b):
        start, end = (p.a_start, p.a_end) if side is a else (p.b_start, p.b_end)
        head = _line_end(side, start) - start
        if head < stub and head < p.shared - stub:
            p = replace(p, a_start=p.a_start + head, b_start=p.b_start + head, shared=p.shared - head)
            start += head
        tail = end - side.line_starts[max(bisect.bisect_right(side.line_starts, end - 1) - 1, 0)]
        if tail < stub and tail < p.shared - stub and end - tail > start:
            p = replace(p, a_end=p.a_end - tail, b_end=p.b_end - tail, shared=p.shared - tail)
    return p


def _line_end(fp: Fingerprint, offset: int) -> int:
    row = bisect.bisect_right(fp.line_starts, offset)
    return fp.line_starts[row] if row < len(fp.line_starts) else len(fp.text)
