"""The shipped demo catalogue loaded through the real pipeline, for the publishing tests."""

from __future__ import annotations

from functools import cache

from graph_loader.bootstrap import initialise
from graph_loader.inference import rebuild_inference
from graph_loader.paths import demo_dir
from graph_loader.pipeline import load_paths
from graph_loader.store import EmbeddedStore

BASE = "https://data.gaia-data.fr/"


@cache
def demo_quads() -> tuple:
    """The quads of the loaded demo store (loaded once per test process)."""
    store = EmbeddedStore(None)
    list(initialise(store, infer=False))
    load_paths(store, sorted(demo_dir().glob("*.ttl")), base_iri=BASE)
    rebuild_inference(store)
    return tuple(store.raw.quads_for_pattern(None, None, None, None))


def demo_store() -> EmbeddedStore:
    """A fresh in-memory store holding the loaded demo (tests may add to it)."""
    store = EmbeddedStore(None)
    store.raw.extend(demo_quads())
    return store
