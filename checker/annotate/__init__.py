"""Findings written into a copy of the report as Word comments (批注), safe fixes as revisions (修订).

``annotate(result, data, rules, track_fixes=False)`` takes a FileResult of the stable API (with
the bytes of the .docx it came from) and returns the annotated .docx; ``annotated_name(path)``
names the copy. The original file is never touched here: writing the copy is the caller's.

Modules: anchors (offsets → places between runs), notes (what each comment says and where),
revisions (w:ins/w:del), package (comments part, relationships, ids, zip), textdoc (a .docx
made from a text report), writer (the one pass that ties them together).
"""

from .writer import Annotated, AnnotateError, annotate, annotated_name

__all__ = ["annotate", "annotated_name", "Annotated", "AnnotateError"]
