"""Shared by the SPARQL service tests: the demo catalogue in a store, a real HTTP server."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from functools import cache

from helpers import BASE
from waitress import create_server

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


@contextmanager
def served(app):
    """``app`` served by waitress on a free port of 127.0.0.1; yields the base URL."""
    server = create_server(app, host="127.0.0.1", port=0, threads=8)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()
        thread.join(5)
