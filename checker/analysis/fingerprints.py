"""Passages shared between texts: sampled character shingles as seeds, exact extension around them.

Used to find template copying between reports. Texts are reduced to their CJK ideographs (digits,
Latin letters, punctuation and spacing dropped), so a copy with changed figures or re-punctuated
sentences still matches. Every shingle of ``k`` ideographs is hashed with CRC-32 (stable across
processes, unlike ``hash``), and only hashes divisible by SAMPLE are kept as seeds, so the index
holds a quarter of the shingles and identical text always keeps identical seeds. Two texts that
share a seed are compared character by character around it: the reported passage is exact, not an
estimate. Character shingles need no word segmentation; see docs/batch.md.

Phrasing that many reports of the batch share (the county's template, the regulation's stock
phrases) is no copy: ``common_hashes`` counts in how many issuers' reports each shingle occurs,
and ``masked`` turns every character such a shingle covers into SEP before two reports are
compared, so a passage never extends into template text and only its rare core is counted.
"""

from __future__ import annotations

import bisect
import re
import zlib
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

SEP = "\x00"  # stands for masked (stock) text and breaks: no shingle or passage crosses it
SAMPLE = 4
NONE = 0xFFFFFFFF  # no shingle at this offset (it would cross SEP); CRC-32 gives it 1 in 4 billion times
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
    every: array = field(default_factory=lambda: array("I"))  # the hash of the shingle starting at each offset (NONE where it crosses SEP)

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
    every = shingles(text, k)
    hashes, offsets = array("I"), array("I")
    for at, h in enumerate(every):
        if not h % SAMPLE and h != NONE:
            hashes.append(h)
            offsets.append(at)
    return Fingerprint(text, tuple(starts), tuple(numbers), hashes, offsets, len(text) - text.count(SEP), every)


def _mask(text: str, stock: Sequence[re.Pattern]) -> str:
    for pattern in stock:
        might_match = getattr(pattern, "might_match", None)  # a ruleset's LazyRegex skips absent phrases
        if might_match is None or might_match(text):
            text = pattern.sub(lambda m: SEP * len(m.group()), text)
    return text


def shingles(text: str, k: int) -> array:
    """The CRC-32 of the k-ideograph shingle at every offset (NONE where it would cross SEP or the end).

    A seed is a shingle whose CRC-32 is a multiple of SAMPLE: the choice depends on the text alone,
    so two reports sharing a passage keep the same seeds of it.
    """
    every = array("I", [NONE]) * max(len(text) - k + 1, 0)
    data = memoryview(text.encode("utf-32-le"))
    crc32, width, offset = zlib.crc32, 4 * k, 0
    for segment in text.split(SEP):
        for at in range(offset, offset + len(segment) - k + 1):
            every[at] = crc32(data[4 * at:4 * at + width])
        offset += len(segment) + 1
    return every


def common_hashes(prints: Sequence[Fingerprint], groups: Sequence[str], limit: int) -> set[int]:
    """Shingles found in the reports of more than ``limit`` issuers: the batch's common phrasing."""
    by_group: dict[str, set[int]] = defaultdict(set)
    for fp, group in zip(prints, groups):
        by_group[group].update(fp.every)
    counts: Counter = Counter()
    for hashes in by_group.values():
        counts.update(hashes)
    counts.pop(NONE, None)
    return {h for h, n in counts.items() if n > limit}


def masked(fp: Fingerprint, common: set[int], k: int) -> str:
    """``fp.text`` with every character that a common shingle covers turned into SEP."""
    if not common:
        return fp.text
    flags = "".join("1" if h in common else "0" for h in fp.every)
    chars = list(fp.text)
    for run in _RUNS.finditer(flags):
        chars[run.start():run.end() + k - 1] = SEP * (run.end() + k - 1 - run.start())
    return "".join(chars)


_RUNS = re.compile("1+")


def candidate_pairs(prints: Sequence[Fingerprint], groups: Sequence[str], max_groups: int,
                    common: set[int] = frozenset()) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """(i, j) with i < j → seed offset pairs they share, across different groups only.

    A seed found in more than ``max_groups`` groups (or in ``common``) is common text of the batch
    and is dropped. Counting runs in C (Counter, set intersection): 1,000 reports hold a million seeds.
    """
    counts: Counter = Counter()
    for fp in prints:
        counts.update(set(fp.hashes))
    shared = {h for h, n in counts.items() if 1 < n <= 4 * max_groups} - common
    postings: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for index, fp in enumerate(prints):
        where = dict(zip(fp.hashes, fp.offsets))  # one offset per seed and report is enough
        for h in shared.intersection(where):
            postings[h].append((index, where[h]))
    pairs: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for hits in postings.values():
        if len({groups[i] for i, _ in hits}) > max_groups:
            continue
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
