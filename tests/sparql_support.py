"""Shared by the SPARQL service tests: the demo catalogue in a store, a real HTTP server."""

from __future__ import annotations

from functools import cache

from demo_support import served  # noqa: F401 - one way to serve an app in tests
from helpers import BASE

from graph_loader.bootstrap import initialise
from graph_loader.inference import rebuild_inference
from graph_loader.paths import demo_dir
from graph_loader.pipeline import load_paths
from graph_loader.store import EmbeddedStore


@cache
def demo_nquads() -> bytes:
    """The demo catalogue as loaded by ``gaia-kg demo`` (vocabularies, inference), N-Quads."""
    store = EmbeddedStore(None)
    list(initialise(store, infer=False))
    load_paths(store, sorted(demo_dir().glob("*.ttl")), base_iri=BASE)
    rebuild_inference(store)
    return store.dump()


def demo_store() -> EmbeddedStore:
    """A fresh in-memory store holding the demo catalogue."""
    import pyoxigraph as ox

    store = EmbeddedStore(None)
    store.raw.bulk_load(demo_nquads(), ox.RdfFormat.N_QUADS)
    return store
