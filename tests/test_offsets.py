"""OffsetMap and LineIndex: every position a user sees must point into the original text."""

from __future__ import annotations

from hypothesis import given, strategies as st

from checker.offsets import LineIndex, OffsetMap, Span


def test_deletions_map_back():
    text, m = OffsetMap.from_edits("ab\u200bcd(x)ef", [(2, 3, ""), (5, 8, "")])
    assert text == "abcdef"
    assert m.span(Span(1, 3)) == Span(1, 4)  # "bc" covers the deleted zero-width space
    assert m.span(Span(3, 5)) == Span(4, 9)  # "de" spans the deleted "(x)"
    assert m.start(len(text)) == 10


def test_replacement_one_to_many():
    text, m = OffsetMap.from_edits("a㈠b", [(1, 2, "（一）")])
    assert text == "a（一）b"
    assert m.span(Span(1, 4)) == Span(1, 2)
    assert m.span(Span(2, 3)) == Span(1, 2)
    assert m.start(4) == 2


def test_identity():
    m = OffsetMap.identity(5)
    assert [m.start(i) for i in range(6)] == [0, 1, 2, 3, 4, 5]


@given(st.text(alphabet="ab\u200bc\n", max_size=40))
def test_deleting_zero_width_keeps_every_char_mapped(original):
    edits = [(i, i + 1, "") for i, ch in enumerate(original) if ch == "\u200b"]
    text, m = OffsetMap.from_edits(original, edits)
    for i, ch in enumerate(text):
        assert original[m.start(i)] == ch
        assert original[m.end(i + 1) - 1] == ch


def test_line_index_handles_every_line_ending():
    index = LineIndex("一\r\n二\r三\n四")
    assert index.position(0) == (1, 1)
    assert index.position(3) == (2, 1)
    assert index.position(5) == (3, 1)
    assert index.position(7) == (4, 1)
    assert index.line_count == 4
