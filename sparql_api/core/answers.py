"""Answers that cost a whole-store query (VoID counts, the quality dashboard, the STAC
collections), kept while the store is unchanged.

Each answer is kept with the *version* of the store it was computed from
(:meth:`sparql_api.core.catalogue.Catalogue.version`: the files of an on-disk store, which
any writing process changes; the writes this process made to an in-memory or remote one) and
computed again when the version differs. A request asking for an answer being computed waits
for it instead of computing it too, so that a burst of requests after a load costs one
computation. At most ``size`` answers are kept (least recently used dropped); ``size`` 0
keeps none (every request computes).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

__all__ = ["AnswerCache"]

T = TypeVar("T")


class AnswerCache:
    """Answers by key, each valid for one store version."""

    def __init__(self, size: int = 128):
        self.size = size
        self._items: OrderedDict[Hashable, tuple[Hashable, object]] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, version: Hashable, compute: Callable[[], T]) -> T:
        """The answer for ``key`` computed at store ``version``, computed now if need be."""
        if self.size <= 0:
            return compute()
        found = self._lookup(key, version)
        if found is not None:
            return found[0]
        with self._lock:
            gate = self._computing.setdefault(key, threading.Lock())
        with gate:  # one computation per key at a time; the others wait and reuse it
            found = self._lookup(key, version)
            if found is not None:
                return found[0]
            value = compute()
            with self._lock:
                self._items[key] = (version, value)
                self._items.move_to_end(key)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
            return value

    def clear(self) -> None:
        """Forget every answer."""
        with self._lock:
            self._items.clear()

    def _lookup(self, key: Hashable, version: Hashable) -> tuple[object] | None:
        with self._lock:
            item = self._items.get(key)
            if item is None or item[0] != version:
                return None
            self._items.move_to_end(key)
            return (item[1],)
