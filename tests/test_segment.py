"""Word boundaries for keyword matching: 计划 in 计划生育 is no plan."""

from __future__ import annotations

import sys

import pytest

from checker.text.segment import is_word


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("开展计划生育工作", "计划", False),
        ("2022年工作计划", "工作计划", True),
        ("着力化解热点难点问题", "问题", False),
        ("存在的问题", "存在的问题", True),
        ("下一步工作打算", "工作打算", True),
        ("下一步工作打算", "打算", False),
        ("加强组织领导", "领导", True),
    ],
)
def test_is_word(text, word, expected):
    start = text.index(word)
    assert is_word(text, start, start + len(word)) is expected


def test_plain_text_does_not_load_jieba():
    import subprocess

    code = "from checker.text.segment import is_word; is_word('四、2024年工作安排', 7, 11); import sys; print('jieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


def _sample_texts():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for path in sorted((root / "samples").rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        yield path.name, text
        yield from ((f"{path.name}:{i}", line) for i, line in enumerate(text.split("\n")) if line.strip())


def test_rjieba_gives_jiebas_tokens_on_every_sample():
    # words() uses rjieba when it is installed: it must cut exactly as jieba does (HMM off), whole
    # reports and every line of them
    rjieba = pytest.importorskip("rjieba")
    from checker.text.segment import _full_tokenizer

    tokenizer = _full_tokenizer()
    differ = [name for name, text in _sample_texts() if tokenizer.lcut(text, HMM=False) != rjieba.cut(text, False)]
    assert not differ, differ[:10]


def test_words_falls_back_to_jieba_without_rjieba(monkeypatch):
    from checker.text import segment

    monkeypatch.setitem(sys.modules, "rjieba", None)  # import rjieba raises ImportError
    segment._full_cut.cache_clear()
    try:
        assert segment.words("推进法治政府建设") == segment._full_tokenizer().lcut("推进法治政府建设", HMM=False)
    finally:
        segment._full_cut.cache_clear()
