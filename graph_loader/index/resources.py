"""The searchable resources read from the store as dicts of raw values: ``{"iri", "kind",
"text": [(field, lang, text)], "links": [(field, iri)], "extents": [(field, value)]}``.

:func:`read_resources` reads some of them by IRI, four queries each (``index/*.rq``), or all
of them by :func:`scan_resources`, one scan per class and property; both give the same dicts
(tested).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

import pyoxigraph as ox

from ..queries import load_query
from ..store import Store
from .scan import add_kind, scan_resources

__all__ = ["read_resources", "values_block", "query_for", "literal_lang"]


def literal_lang(literal: ox.Literal) -> str:
    """The primary subtag of a literal's language, lowercased ("" when untagged)."""
    return (literal.language or "").split("-")[0].lower()


def values_block(iris: Iterable[str]) -> str:
    """A ``VALUES ?r { … }`` block of IRIs, each serialised (escaped) as a term."""
    return "VALUES ?r { " + " ".join(str(ox.NamedNode(i)) for i in iris) + " }"


def query_for(name: str, iris: list[str] | None) -> str:
    """The query ``index/<name>.rq``, restricted to ``iris`` (its ``#VALUES`` line) if given."""
    text = load_query(name)
    return text.replace("#VALUES", values_block(iris)) if iris is not None else text


def _rows(store: Store, name: str, iris: list[str]) -> Iterable[tuple]:
    """The solutions of one ``index/*.rq`` query for each of ``iris``, as tuples of terms.

    A VALUES block of thousands of IRIs is far slower in oxigraph than one query each.
    """
    for iri in iris:
        result = store.query(query_for(name, [iri]))
        width = len(result.variables)
        for solution in result:
            yield tuple(solution[i] for i in range(width))


def read_resources(
    store: Store, iris: list[str] | None = None, *, threads: int = 2, progress=None
) -> dict[str, dict]:
    """The searchable resources (all, or those of ``iris``) as dicts of raw values.

    All of them are read by :func:`scan_resources` (one scan per property); a few by four
    queries each (``index/*.rq``). Both give the same dicts (tested). ``progress(done,
    total, "read")`` is called after each scan.
    """
    if iris is None:
        return scan_resources(store, threads=threads, progress=progress)
    resources: dict[str, dict] = {}
    for r, kind in _rows(store, "index/resources", iris):
        add_kind(resources, r.value, kind.value)
    for r, name, text in _rows(store, "index/texts", iris):
        res = resources.get(r.value)
        if res is not None:
            res["text"].append((sys.intern(name.value), literal_lang(text), text.value))
    for r, name, value in _rows(store, "index/links", iris):
        res = resources.get(r.value)
        if res is not None:
            res["links"].append((sys.intern(name.value), sys.intern(value.value)))
    for r, name, value in _rows(store, "index/extents", iris):
        res = resources.get(r.value)
        if res is not None:
            res["extents"].append((sys.intern(name.value), value.value))
    return resources
