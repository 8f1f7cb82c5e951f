"""What is derived from a parsed report: its facts, parts, sentences, figures and fingerprints.

``Analysis`` is the one place such things are computed for a document: each on first use, each
once, kept for the document's lifetime (no module-level caches). Checks receive it through a
``View`` (scope.py) and never call a derivation themselves.
"""

from __future__ import annotations

from functools import cached_property

from ..document.model import Document, Line
from ..offsets import LineIndex
from ..profile.genre import Genre
from ..profile.lexicons import Lexicons
from ..text.dates import DateText


class Analysis:
    """A document with everything derived from it, computed lazily and memoised."""

    def __init__(self, doc: Document, genre: Genre, lexicons: Lexicons, year: int | None = None,
                 previous=None) -> None:
        self.doc, self.genre, self.lexicons, self._year = doc, genre, lexicons, year
        self._previous = previous  # analysis → the same issuer's report on the year before, or None
        self._memo: dict[tuple, object] = {}
        # per-sentence derivations, keyed by the text: several rules read each sentence
        self._quantities: dict[str, list] = {}
        self._breakdowns: dict[str, list] = {}
        self._rates: dict[str, list] = {}
        self._changes: dict[str, list] = {}
        self._shares: dict[str, list] = {}

    def _once(self, key: tuple, build):
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]

    @cached_property
    def facts(self):
        from .facts import derive

        return derive(self.doc, self.genre, self._year)

    @cached_property
    def keyed_tables(self):
        """Template id → the document's table of that template, its cells named (table_keys.py)."""
        from .table_keys import resolve

        return resolve(self.doc.tables, self.genre.tables)

    @cached_property
    def previous(self) -> "Analysis | None":
        """The same issuer's report on the year before (``--previous``, or another file of the run)."""
        return self._previous(self) if self._previous is not None else None

    @cached_property
    def placer(self):
        """Names places: Word paragraph numbers and heading paths (places.py)."""
        from .places import Placer

        return Placer(_Parsed(self.doc), self.line_index)

    @cached_property
    def line_index(self) -> LineIndex:
        """Original-text offsets → line and column (the engine's and reporters' positions)."""
        return LineIndex(self.doc.source.text)

    def lines(self, scope: str) -> tuple[Line, ...]:
        from .scope import resolve

        return self._once(("lines", scope), lambda: tuple(resolve(self, scope)))

    def sentences(self, scope: str):
        from .sentences import split

        return self._once(("sentences", scope),
                          lambda: tuple(split(self.doc, self.lines(scope), self.furniture.certain())))

    @cached_property
    def words(self):
        from .vocabulary import numeric_words

        return numeric_words(self.lexicons)

    def quantities(self, text: str):
        found = self._quantities.get(text)
        if found is None:
            found = self._quantities[text] = self.words.quantities(text)
        return found

    def breakdowns(self, text: str):
        """Totals with their parts in a text (a sentence); none without a marker or a total word."""
        found = self._breakdowns.get(text)
        if found is None:
            from .breakdowns import find_breakdowns

            words = self.words  # most sentences have neither: their quantities need not be read at all
            marks = words.breakdown_marks  # their words' literals first: faster than the regexes' scans
            wanted = (marks is None or marks.search(text) is not None) and (
                words.marker_re.search(text) is not None or words.total_re.search(text) is not None)
            found = find_breakdowns(words, text, self.quantities(text)) if wanted else []
            self._breakdowns[text] = found
        return found

    def rates(self, text: str):
        """The rate mentions of a text (a sentence); none without a percentage."""
        found = self._rates.get(text)
        if found is None:
            from .rates import PERCENT_SIGNS, find_rates

            has_percent = any(sign in text for sign in PERCENT_SIGNS)
            found = find_rates(self.words.rates, text, self.quantities(text)) if has_percent else []
            self._rates[text] = found
        return found

    def breakdown_readings(self, scope: str):
        """(sentence, breakdown) of the scope; a sentence opening with 其中 is read with the one
        before it in its paragraph ("共受理…45件。其中，维持28件…"), as one merged sentence."""
        from .sentences import joined

        def build():
            found, previous = [], None
            for s in self.sentences(scope):
                found.extend((s, b) for b in self.breakdowns(s.text))
                lead = len(s.text) - len(s.text.lstrip())
                if previous is not None and previous.block == s.block and s.text.startswith("其中", lead):
                    merged = joined(previous, s)
                    at = len(previous.text) + lead
                    found.extend((merged, b) for b in self.breakdowns(merged.text) if b.at == at)
                previous = s
            return tuple(found)

        return self._once(("breakdown_readings", scope), build)

    def changes(self, text: str):
        """Changes against an earlier figure whose two figures are both given (changes.py)."""
        found = self._changes.get(text)
        if found is None:
            from .changes import find_changes

            found = self._changes[text] = find_changes(self.words, text, self.quantities(text))
        return found

    def shares(self, text: str):
        """Groups of shares of one whole that cannot overlap (shares.py)."""
        found = self._shares.get(text)
        if found is None:
            from .shares import find_shares

            found = self._shares[text] = find_shares(self.words, text, self.quantities(text))
        return found

    def statements(self, scope: str):
        """Exact counts of the scope with the words that say what they count (statements.py)."""
        from .statements import statements

        return self._once(("statements", scope),
                          lambda: statements(self, self.sentences(scope), self.facts.year,
                                             lambda at: self.facts.part_at(at) == "next_year"))

    def rate_readings(self, scope: str):
        """Every rate mention of the scope with the counts it is computed from (rate_readings.py)."""
        from .rate_readings import readings

        return self._once(("rate_readings", scope), lambda: readings(self, self.sentences(scope)))

    @cached_property
    def furniture(self):
        from . import furniture

        return furniture.find(self.doc)

    @cached_property
    def mojibake(self):
        """Spans of the original text a wrong decoding garbled (mojibake.py), in order."""
        from .mojibake import find

        return find(self.doc.source.text)

    @cached_property
    def plan(self):
        """The plan part's heading and opening years (plan.py); None without a plan heading."""
        from .plan import plan_years

        return plan_years(self.doc, self.facts)

    @cached_property
    def signature_date(self) -> DateText | None:
        """The date under the signature as written (real or not)."""
        from ..text.dates import parse_date

        sig = self.doc.signature
        if sig is None or sig.date_span is None:
            return None
        return parse_date(self.doc.text[sig.date_span.start:sig.date_span.end])


class _Parsed:
    """What the Placer reads of a result: the source and its document."""

    def __init__(self, doc: Document) -> None:
        self.source, self.document = doc.source, doc
