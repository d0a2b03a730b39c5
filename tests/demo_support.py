"""The shipped demo catalogue loaded through the real pipeline, for the publishing tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from helpers import BASE
from waitress.server import create_server

from graph_loader.bootstrap import initialise
from graph_loader.inference import rebuild_inference
from graph_loader.paths import demo_dir
from graph_loader.pipeline import load_paths
from graph_loader.store import EmbeddedStore


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


@contextmanager
def served(app) -> Iterator[str]:
    """``app`` served by waitress on 127.0.0.1 on a free port: its base URL."""
    server = create_server(app, host="127.0.0.1", port=0, threads=4)

    def run() -> None:
        try:
            server.run()
        except OSError:  # the listening socket closed under the loop at shutdown
            pass

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()
        thread.join(timeout=2)  # a client keeping its connection open must not hold us
