"""Word segmentation: the ONLY module that imports jieba (or rjieba), lazily and quietly.

Two tokenizers: a compact one over rulesets/lexicon.txt (domain words and the compounds that
contain them, such as 计划生育 or 热点难点问题) answers "is this keyword a word here?" in a few
milliseconds; jieba's full dictionary (~0.8 s to load) is used only by checks that need real
tokens, such as near-duplicate detection in batch runs.
"""

from __future__ import annotations

import logging
import os
import sys
from functools import lru_cache


def _import_jieba():
    # jieba looks for its dictionary through pkg_resources, whose import alone costs ~60 ms;
    # hiding it makes jieba use its own file-path fallback, with the same dictionary.
    saved = sys.modules.get("pkg_resources", _MISSING)
    if saved is _MISSING:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if saved is _MISSING:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    return jieba


_MISSING = object()


@lru_cache(maxsize=1)
def _domain_tokenizer():
    from ..resources import ruleset_dir

    tokenizer = _import_jieba().Tokenizer(dictionary=str(ruleset_dir() / "lexicon.txt"))
    tokenizer.initialize()
    return tokenizer


@lru_cache(maxsize=1)
def _full_tokenizer():
    jieba = _import_jieba()
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@lru_cache(maxsize=1)
def _lexicon() -> tuple[str, ...]:
    from ..resources import ruleset_dir

    with open(ruleset_dir() / "lexicon.txt", encoding="utf-8") as handle:
        return tuple(line.split()[0] for line in handle if line.strip())


@lru_cache(maxsize=4096)
def boundaries(text: str) -> frozenset[int]:
    """Offsets in ``text`` where a domain-lexicon word starts or ends."""
    cuts, at = {0}, 0
    for token in _domain_tokenizer().cut(text, HMM=False):
        at += len(token)
        cuts.add(at)
    return frozenset(cuts)


def is_word(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is not the inside of a longer domain word (计划 in 计划生育).

    Only a lexicon word that overlaps the span and reaches beyond it can make the answer False,
    so jieba is consulted only when such a word occurs in ``text``: most texts never load it.
    """
    if not _overlapping_compound(text, start, end):
        return True
    cuts = boundaries(text)
    return start in cuts and end in cuts


def _overlapping_compound(text: str, start: int, end: int) -> bool:
    for word in _lexicon():
        if len(word) <= end - start:
            continue
        at = text.find(word, max(0, start - len(word) + 1))
        while at != -1 and at < end:
            if at + len(word) > start and (at < start or at + len(word) > end):
                return True
            at = text.find(word, at + 1)
    return False


def words(text: str) -> list[str]:
    """Full jieba tokens (loads the default dictionary on first use)."""
    return _full_cut()(text)


@lru_cache(maxsize=1)
def _full_cut():
    # rjieba (jieba-rs: the same dictionary, the same tokens without HMM, tested on the samples)
    # loads its dictionary ~6x faster than jieba's ~0.8 s, which is most of the time a report
    # with broken lines costs: used when installed (pip install fzlint[fast]), jieba otherwise.
    try:
        import rjieba
    except ImportError:
        tokenizer = _full_tokenizer()
        return lambda text: tokenizer.lcut(text, HMM=False)
    return lambda text: rjieba.cut(text, False)


@lru_cache(maxsize=1)
def _dictionary_text():
    # jieba.posseg would load its HMM tables too (~0.5 s); the dictionary file alone is 5 MB of
    # "word freq tag" lines that can be searched directly. Mapped, not read: a report searches a
    # few words, and reading (let alone decoding) the whole file would cost more than that.
    import importlib.util
    import mmap

    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return b""
    try:
        with open(os.path.join(os.path.dirname(spec.origin), "dict.txt"), "rb") as handle:
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # unreadable, or empty (an empty file cannot be mapped)
        return b""


@lru_cache(maxsize=4096)
def dictionary_tag(word: str) -> str | None:
    """jieba's part-of-speech tag for a dictionary word (ns place, nr name, v verb…); None if unknown."""
    text = _dictionary_text()
    line = word.encode("utf-8") + b" "
    if text[:len(line)] == line:
        at = 0
    else:
        at = text.find(b"\n" + line) + 1
        if at == 0:
            return None
    end = text.find(b"\n", at)
    fields = text[at:end if end >= 0 else len(text)].split()
    return fields[2].decode("utf-8", "replace") if len(fields) >= 3 else None
