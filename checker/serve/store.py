"""The checked uploads, kept in memory only as long as the page may still ask for downloads.

A batch (one upload) is found by an unguessable token; the store keeps the most recent batches
and forgets the oldest past a count or a byte budget, so a long-running page cannot grow without
bound. Nothing is ever written to disk; stopping the server forgets everything.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """One uploaded file: its display name, bytes and the FileResult fzlint made of them."""

    name: str
    data: bytes
    result: object


class Store:
    """Recent batches by token (thread-safe: linting runs in worker threads)."""

    def __init__(self, batches: int = 16, budget: int = 400 * 1024 * 1024) -> None:
        self._items: OrderedDict[str, list[Entry]] = OrderedDict()
        self._batches, self._budget = batches, budget
        self._lock = threading.Lock()

    def add(self, entries: list[Entry]) -> str:
        token = secrets.token_urlsafe(18)
        with self._lock:
            self._items[token] = entries
            while len(self._items) > self._batches or (len(self._items) > 1 and self._size() > self._budget):
                self._items.popitem(last=False)
        return token

    def get(self, token: str) -> list[Entry] | None:
        with self._lock:
            entries = self._items.get(token)
            if entries is not None:
                self._items.move_to_end(token)
            return entries

    def _size(self) -> int:
        return sum(len(e.data) for entries in self._items.values() for e in entries)
