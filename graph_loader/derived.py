"""Which state of the store the derived data (search index, inference graph) reflect.

Every write of records (a load, a harvest) also writes, in the same transaction, a new
*generation* of the store: a random token in the graph ``graph/derived/store``. The inference
graph records the generation it was computed from (graph ``graph/derived/inference``), the
search index in its metadata (``generation``). A process killed after writing records but
before inference or indexing leaves them behind: the next ``gaia-kg load`` (even of unchanged
files), ``gaia-kg harvest``, ``gaia-kg serve`` start or ``gaia-kg index rebuild`` sees that
they differ and catches up (the index rebuilt whole, the inference graph recomputed).

A store written by an older version has no generation: nothing is considered stale.
"""

from __future__ import annotations

import uuid

import pyoxigraph as ox

from . import feed
from .namespaces import GAIA_GRAPH
from .store import GraphWrite, Store
from .terms import gaia

__all__ = [
    "STORE_STATE_GRAPH",
    "INFERENCE_STATE_GRAPH",
    "new_generation",
    "store_generation",
    "inference_generation",
    "inference_state_write",
]

STORE_STATE_GRAPH = ox.NamedNode(GAIA_GRAPH["derived/store"])
INFERENCE_STATE_GRAPH = ox.NamedNode(GAIA_GRAPH["derived/inference"])
GENERATION = gaia("generation")


def new_generation() -> GraphWrite:
    """The write (to add to a transaction writing records) of a new store generation."""
    token = ox.Literal(uuid.uuid4().hex)
    return GraphWrite(STORE_STATE_GRAPH, [ox.Triple(STORE_STATE_GRAPH, GENERATION, token)])


def _generation(store: Store, graph: ox.NamedNode) -> str | None:
    for t in store.graph_triples(graph):
        if t.predicate == GENERATION:
            return t.object.value
    return None


def store_generation(store: Store) -> str | None:
    """The store's generation (None if no record was written by this version)."""
    return _generation(store, STORE_STATE_GRAPH)


def inference_generation(store: Store) -> str | None:
    """The store generation the inference graph was computed from (None if unknown)."""
    return _generation(store, INFERENCE_STATE_GRAPH)


def inference_state_write(generation: str | None) -> GraphWrite:
    """The write recording that the inference graph reflects ``generation``."""
    triples = []
    if generation is not None:
        triples.append(ox.Triple(INFERENCE_STATE_GRAPH, GENERATION, ox.Literal(generation)))
    return GraphWrite(INFERENCE_STATE_GRAPH, triples)


def inference_stale(store: Store) -> bool:
    """Whether records were written since the inference graph was computed."""
    current = store_generation(store)
    return current is not None and inference_generation(store) != current


def index_stale(meta: dict, store: Store) -> bool:
    """Whether records were written since the index of metadata ``meta`` was built, and the
    change feed cannot bring it up to date (:mod:`graph_loader.index.follow`)."""
    position = meta.get("feed")
    if isinstance(position, int):
        return not feed.reaches(store, position)
    current = store_generation(store)
    return current is not None and meta.get("generation") != current
