"""Last year's report of the same issuer, for the cross-year rules (carry-over, copied text).

The candidates are the files of ``--previous FILE|DIR`` and the other files of the run. A report
asks for its predecessor only when a rule reads it; the candidates are then read once per process
(their issuer and year from the title) and the match is the candidate of the same genre, the same
issuer and the year before. Picklable: a worker process gets its own copy and its own memo.
"""

from __future__ import annotations

from typing import Any


class PreviousFinder:
    """Callable: an Analysis → the Analysis of its issuer's report on the year before, or None."""

    def __init__(self, paths: tuple[str, ...], rulebook, encoding: str | None = None) -> None:
        self.paths = tuple(dict.fromkeys(paths))
        self.rulebook = rulebook
        self.encoding = encoding
        self._index: dict[tuple[str, str, int], str] | None = None
        self._read_full: dict[str, Any] = {}

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_index": None, "_read_full": {}}

    def __call__(self, analysis) -> Any:
        facts = analysis.facts
        if not facts.issuer or facts.year is None or not self.paths:
            return None
        key = (analysis.genre.id, _issuer(facts.issuer), facts.year - 1)
        path = self._candidates().get(key)
        return self._found(path) if path is not None and path != analysis.doc.source.path else None

    def _candidates(self) -> dict:
        """(genre, issuer, year) → path, from a quick read of each candidate (a PDF without its tables)."""
        if self._index is None:
            self._index = {}
            for path in self.paths:
                analysis = self._read(path, quick=True)
                if analysis is not None and analysis.facts.issuer and analysis.facts.year is not None:
                    key = (analysis.genre.id, _issuer(analysis.facts.issuer), analysis.facts.year)
                    self._index.setdefault(key, path)
        return self._index

    def _found(self, path):
        if path is None:
            return None
        if path not in self._read_full:
            self._read_full[path] = self._read(path)
        return self._read_full[path]

    def _read(self, path: str, quick: bool = False):
        from ..analysis import Analysis
        from ..document.outline import build
        from ..sources import SourceError, load_path

        try:
            source = _quick(path) if quick and path.lower().endswith(".pdf") else load_path(path, encoding=self.encoding)
        except (SourceError, OSError, ValueError):
            return None
        except Exception:  # noqa: BLE001 - a reader's bug in a candidate must not stop the report at hand
            return None
        rules = self.rulebook.for_source(source)
        genre = rules.genre
        doc = build(source, title_words=(genre.title_topic, genre.title_words))
        return Analysis(doc, genre, rules.lexicons)


def _quick(path: str):
    """A PDF's text without its tables: enough for its title."""
    from ..sources import _from_extracted
    from ..sources.pdf import read_pdf

    with open(path, "rb") as handle:
        return _from_extracted(path, "pdf", read_pdf(handle.read(), tables=False))


def _issuer(name: str) -> str:
    return name.replace(" ", "").replace("\u3000", "")
