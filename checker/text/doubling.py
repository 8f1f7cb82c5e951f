"""A word written twice in a row (进一步进一步加强, 积极配合配合相关部门): where, and whether it is one.

Chinese doubles on purpose too, so a repeated piece of characters is a slip only when it is a
word, or a run of words, of the sentence it would leave behind: deleting the second copy must
read in the text as written, jieba must cut the first copy off at both ends. That keeps chains
of two words silent: 人民政府政府信息公开 (人民政府 + 政府信息), 各级党组织组织党员. When the second
copy begins a longer word (开展检查检查组) a stop may be what is missing (开展检查，检查组): reported,
but the deletion is not a safe fix. Words the caller names as ``chains`` (组织, 领导) end a subject
and start its verb (社会组织组织开展, 主要领导领导推进), which jieba cannot tell: after another
ideograph they are left alone. Single-character doubling (人人, 常常, 层层) and AABB
(认认真真, 清清楚楚) never form a repeated piece of two or more characters, so they are never
candidates. The caller says which units are counted reduplication (一个一个, 一户一户) and which
words after the pair make it tentative speech (研究研究一下); a doubled form that is itself a
dictionary word (哗啦哗啦) is a word, not a slip, and so is a repeat whose second copy begins one
of the caller's ``compounds``, names jieba does not know (组织学习学习强国: 学习 + 学习强国).

Candidates come from a bounded backreference (units of 2–8 ideographs, compared character by
character: linear in the line); jieba is loaded only when a candidate is found, which most
reports never have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
# A zero-width probe at every position: the longest unit of 2–8 ideographs written twice from here.
_CANDIDATE = re.compile(f"(?=([{_HAN}]{{2,8}})\\1)")
_WINDOW = 12  # context on either side that the segmenter sees around a candidate
MAX_CANDIDATES = 64  # per text: a hang guard for a line of one repeated character


@dataclass(frozen=True)
class Doubling:
    """``text[start:start + size]`` is written again right after itself."""

    start: int
    size: int
    safe: bool = True  # False: the second copy begins a longer word (检查检查组), a stop may be missing

    copies: int = 2  # 进一步进一步进一步: three

    @property
    def end(self) -> int:
        return self.start + self.copies * self.size


def doublings(text: str, skip: re.Pattern, tentative: re.Pattern, compounds: tuple[str, ...] = (),
              chains: tuple[str, ...] = (), masked: tuple[tuple[int, int], ...] = (), min_size: int = 2, max_size: int = 8) -> Iterator[Doubling]:
    """Doubled words of ``text``, left to right, none overlapping; ``masked`` spans are left alone."""
    after = 0  # the end of the last doubling: copies never overlap
    tried = 0
    for m in _CANDIDATE.finditer(text):
        at = m.start()
        if at < after or _inside(at, masked):
            continue
        for size in range(min_size, min(max_size, len(m.group(1))) + 1):  # the shortest period first
            if text[at:at + size] != text[at + size:at + 2 * size] or _inside(at + 2 * size - 1, masked):
                continue
            tried += 1
            if tried > MAX_CANDIDATES:
                return
            if text.startswith(compounds, at + size):
                continue
            safe = _judge(text, at, size, skip, tentative, chains)
            if safe is not None:
                copies = 2
                while copies < 8 and text.startswith(text[at:at + size], at + copies * size):
                    copies += 1
                found = Doubling(at, size, safe, copies)
                yield found
                after = found.end
                break


def _is_han(ch: str) -> bool:
    """One character is an ideograph of _HAN (a comparison: a class of 27,000 characters costs
    2 ms to compile at every start)."""
    return "\u3400" <= ch <= "\u4dbf" or "\u4e00" <= ch <= "\u9fff"


def _inside(at: int, masked: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= at < end for start, end in masked)


def _judge(text: str, at: int, size: int, skip: re.Pattern, tentative: re.Pattern,
           chains: tuple[str, ...]) -> bool | None:
    """None: no slip; True: deleting the second copy is right; False: it or a missing stop is."""
    unit = text[at:at + size]
    end = at + 2 * size
    if len(set(unit)) == 1 or skip.search(unit) or tentative.match(text[end:end + 8]):
        return None
    if unit in chains and at > 0 and _is_han(text[at - 1]):
        return None  # 社会组织组织开展, 主要领导领导推进: a subject's last word, then the same word as its verb
    from .segment import dictionary_tag

    if dictionary_tag(unit * 2) is not None:
        return None
    left = max(0, at - _WINDOW)
    cuts = _cuts(text[left:end + _WINDOW])
    if at - left not in cuts or at - left + size not in cuts:
        return None  # the first copy is the tail of a longer word (人民政府政府信息, 党组织组织党员)
    return end - left in cuts  # False: the second copy begins a longer word (开展检查检查组)


def _cuts(text: str) -> set[int]:
    from .segment import words

    cuts, offset = {0}, 0
    for token in words(text):
        offset += len(token)
        cuts.add(offset)
    return cuts
