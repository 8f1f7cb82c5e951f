"""What a binary reader (.docx, .pdf) hands to the loader: plain text plus layout hints.

The readers own the meaning of ``text`` positions; the loader turns ``Extracted`` into a Source,
the normaliser uses ``drop`` and ``soft_breaks`` to build the matching view, and every diagnostic
still points into ``text`` itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Extracted:
    """A document read from a binary format.

    ``text``: one line per paragraph (docx) or per extracted line (pdf), joined with ``"\\n"``.
    ``drop``: ``[start, end)`` spans of ``text`` the outline must ignore (running headers,
    footers, page numbers); format rules still see them.
    ``soft_breaks``: offsets in ``text`` of ``"\\n"`` characters that are hard-wrap artifacts;
    the matching view joins across them.
    ``meta``: JSON-serialisable facts about the source (page count, numbering, tables…).
    """

    text: str
    drop: tuple[tuple[int, int], ...] = ()
    soft_breaks: tuple[int, ...] = ()
    meta: dict = field(default_factory=dict)
