"""The one error a loader raises: the file cannot be read, with a message a clerk understands."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator


class SourceError(Exception):
    """A file that cannot be turned into text; ``str(err)`` is the plain-Chinese reason."""


@contextmanager
def reading(missing: str, corrupt: str) -> Iterator[None]:
    """Turn a reader library's failures into a SourceError: ``missing`` when the library is not
    installed, ``corrupt`` for anything else it raises (to the user, a damaged file)."""
    try:
        yield
    except SourceError:
        raise
    except ImportError as exc:
        raise SourceError(missing) from exc
    except Exception as exc:  # noqa: BLE001 - any library failure means a damaged file to the user
        raise SourceError(corrupt) from exc
