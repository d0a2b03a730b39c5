"""Small answers read from one snapshot of a store, kept while the store serves that snapshot.

A page of a resource asks the store the labels of the IRIs it links to (a publisher, themes,
a licence, formats) and of its properties: the same few hundred IRIs on every page of a
catalogue, each costing a query (pyoxigraph parses and plans each one, about 0.2 ms, before
reading anything). A serving process reads a read-only snapshot, which cannot change until it
is replaced by a newer one (:class:`sparql_api.core.pool.SnapshotReader`), so what it
answered can be kept until then. :meth:`Store.snapshot` gives that snapshot; a store that can
change under its readers (one opened for writing, in memory, remote) has none, and nothing is
kept for it.

>>> memo = SnapshotMemo(size=2)
>>> token = object()
>>> memo.get_many(token, ["a", "b"], lambda keys: {k: k.upper() for k in keys})
{'a': 'A', 'b': 'B'}
>>> memo.get_many(token, ["a", "c"], lambda keys: {k: k * 2 for k in keys})  # "a" is kept
{'a': 'A', 'c': 'cc'}
>>> memo.get_many(object(), ["a"], lambda keys: {k: "new" for k in keys})  # another snapshot
{'a': 'new'}
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

__all__ = ["SnapshotMemo"]

V = TypeVar("V")

#: answers kept per store at most (each a few labels)
MEMO_SIZE = 50_000


class SnapshotMemo:
    """Values by key, valid for one snapshot (any object; compared by identity); at most
    ``size`` kept, the least recently used dropped first."""

    def __init__(self, size: int = MEMO_SIZE):
        self.size = size
        self._snapshot: object | None = None
        self._items: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()
        #: answers found kept and answers computed (for tests and monitoring)
        self.hits = self.misses = 0

    def get(self, snapshot: object | None, key: Hashable, compute: Callable[[], V]) -> V:
        """The value of ``key`` kept for ``snapshot``, else ``compute()`` (kept)."""
        return self.get_many(snapshot, [key], lambda keys: {key: compute()})[key]

    def kept(self, snapshot: object | None, key: Hashable) -> object | None:
        """The value of ``key`` kept for ``snapshot``, or None (nothing computed)."""
        with self._lock:
            if snapshot is None or snapshot is not self._snapshot or key not in self._items:
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return self._items[key]

    def get_many(
        self,
        snapshot: object | None,
        keys: Iterable[Hashable],
        compute: Callable[[list[Hashable]], dict[Hashable, V]],
    ) -> dict[Hashable, V]:
        """The value of each of ``keys``: those kept for ``snapshot``, and ``compute(missing)``
        (which must answer every key it is given) for the others. ``snapshot`` None keeps
        nothing."""
        keys = list(dict.fromkeys(keys))
        if snapshot is None or self.size <= 0:
            return compute(keys) if keys else {}
        found: dict[Hashable, V] = {}
        with self._lock:
            if snapshot is not self._snapshot:
                self._snapshot, self._items = snapshot, OrderedDict()
            for key in keys:
                if key in self._items:
                    self._items.move_to_end(key)
                    found[key] = self._items[key]
            self.hits += len(found)
        missing = [k for k in keys if k not in found]
        if missing:
            computed = compute(missing)
            with self._lock:
                self.misses += len(missing)
                if snapshot is self._snapshot:
                    self._items.update((k, computed[k]) for k in missing)
                    while len(self._items) > self.size:
                        self._items.popitem(last=False)
            found.update((k, computed[k]) for k in missing)
        return {k: found[k] for k in keys}
