"""A search index that follows the store's change feed (:mod:`graph_loader.feed`).

The index keeps, in its metadata (``gaia-kg.json``, written with each commit), the sequence
number of the last feed entry it reflects: its *position*. :func:`follow` reads the entries
after it and re-indexes the resources they name, or rebuilds the index whole when it was
never built, was built before the feed existed, when an entry changed graphs no one knows,
or when the feed no longer reaches back to its position (entries older than the retention
were dropped, or the store was emptied). Every serving process calls it every few seconds
(``GAIA_KG_FEED_POLL``); ``gaia-kg load`` and ``gaia-kg harvest`` call it after writing.

>>> from graph_loader.store import EmbeddedStore
>>> from graph_loader.index import SearchIndex
>>> index, store = SearchIndex.open(None), EmbeddedStore(None)
>>> follow(index, store).documents, index.meta["feed"]
(0, 0)
>>> follow(index, store) is None          # nothing new
True
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import feed
from ..derived import store_generation
from ..store import Store
from . import BuildReport, Progress, SearchIndex, rebuild, update

__all__ = ["follow", "position", "IndexLag", "index_lag"]


def position(index: SearchIndex) -> int | None:
    """The feed position of ``index`` (None: never built, or built before the feed)."""
    value = index.meta.get("feed") if index.meta.get("built") else None
    return int(value) if isinstance(value, int) else None


def follow(
    index: SearchIndex, store: Store, *, progress: Progress | None = None
) -> BuildReport | None:
    """Bring ``index`` up to the store's feed; None when it was current.

    Raises :class:`graph_loader.errors.IndexBusyError` when another process writes the
    index (it will have brought it forward; the next call sees its position).
    """
    index.searcher()  # rereads the metadata another process may have written
    at = position(index)
    if at is not None and feed.last(store) == at:  # the usual poll: one lookup
        return None
    if not feed.reaches(store, at):
        return rebuild(index, store, progress=progress)
    generation = store_generation(store)  # before the entries: later writes stay ahead
    entries = feed.entries_after(store, at)
    if not entries:
        return None
    if any(e.everything for e in entries):
        return rebuild(index, store, progress=progress)
    changed = sorted(set().union(*(e.resources for e in entries)))
    return update(index, store, changed, [], generation=generation, position=entries[-1].sequence)


@dataclass(frozen=True, slots=True)
class IndexLag:
    """How far an index is behind the feed: entries not applied, age of the oldest."""

    position: int | None
    changes: int
    seconds: float

    def as_dict(self) -> dict:
        return {"position": self.position, "changes": self.changes, "seconds": self.seconds}


def index_lag(index: SearchIndex, store: Store) -> IndexLag:
    """The lag of ``index`` behind the feed of ``store`` (one query)."""
    at = position(index)
    changes, seconds = feed.lag(store, at or 0)
    return IndexLag(at, changes, seconds)
