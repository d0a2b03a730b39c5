"""Long lists paged by offset (OAI-PMH lists, the ``/catalog`` feed): their members listed
once per snapshot of the store, a page reading the details of its own members only.

A page of such a list was one query sorting every member, and its total a second pass: at
100k records pyoxigraph took 60 s for each page of ``ListIdentifiers`` or of ``/catalog``
(``ORDER BY`` over 100k IRIs, about 25 s a pass), and a harvester asks for 2,000 pages. Now
the members' IRIs are read unordered (about 4 s at 100k records), sorted here, and kept per
snapshot of a read-only store (:class:`graph_loader.memo.SnapshotMemo`, at most
:data:`KEPT` lists, one computed at a time); a page adds ``VALUES ?r`` with its own members
to the query of the details (:func:`with_members`). A store that may change under the
process (snapshot None) keeps nothing: each page lists the members again.
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Callable, Hashable, Iterable

import pyoxigraph as ox

from graph_loader.memo import SnapshotMemo
from graph_loader.store import Store

__all__ = ["KEPT", "Members", "members", "with_members"]

#: lists kept (each about 60 bytes a member: 60 MB for a million records)
KEPT = 4
_KEPT = SnapshotMemo(size=KEPT)
_LISTING = threading.Lock()  # one list computed at a time: the others wait, then read it


class Members:
    """IRIs in code-point order (SPARQL's order of IRIs), held as one string.

    >>> m = Members(["https://b", "https://a", "https://b"])
    >>> len(m), m.page(0, 5), m.page(1, 1), m.page(9, 1)
    (2, ['https://a', 'https://b'], ['https://b'], [])
    """

    def __init__(self, iris: Iterable[str]):
        ordered = sorted(set(iris))
        self._text = "\n".join(ordered)
        starts, at = array("Q"), 0
        for iri in ordered:
            starts.append(at)
            at += len(iri) + 1
        starts.append(at)
        self._starts = starts

    def __len__(self) -> int:
        return len(self._starts) - 1

    def page(self, offset: int, limit: int) -> list[str]:
        """The members ``offset`` to ``offset + limit`` (fewer at the end)."""
        stop = min(len(self), offset + limit)
        starts, text = self._starts, self._text
        return [text[starts[i] : starts[i + 1] - 1] for i in range(offset, stop)]


def members(store: Store, key: Hashable, listed: Callable[[], Iterable[str]]) -> Members:
    """The list ``key`` of ``store``: the IRIs ``listed()`` gives, kept for the store's
    snapshot."""
    snapshot = store.snapshot()
    if snapshot is None:
        return Members(listed())
    found = _KEPT.kept(snapshot, key)
    if found is not None:
        return found
    with _LISTING:  # computed by the first request; the others waiting then read it
        return _KEPT.get(snapshot, key, lambda: Members(listed()))


def with_members(query: str, iris: Iterable[str]) -> str:
    """``query`` with ``VALUES ?r { … }`` of ``iris`` (IRIs read from the store) at the start
    of its ``WHERE`` clause: pyoxigraph then starts from them."""
    block = "VALUES ?r { " + " ".join(str(ox.NamedNode(iri)) for iri in iris) + " }"
    head, where, rest = query.partition("WHERE {")
    if not where:
        raise ValueError("the query has no WHERE clause")
    return f"{head}WHERE {{\n  {block}{rest}"
