"""Shared by the tests/test_http_*.py files: the fixture store and an app over it."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from graph_loader.config import Settings
from graph_loader.store import EmbeddedStore
from sparql_api import create_app

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "http"
RECORD_GRAPH = ox.NamedNode("https://w3id.org/gaia-kg/graph/record/test/iagos-co")
OTHERS_GRAPH = ox.NamedNode("https://w3id.org/gaia-kg/graph/record/test/others")
VOCAB_GRAPH = ox.NamedNode("https://w3id.org/gaia-kg/graph/thesaurus")
GRAPH_FILES = {RECORD_GRAPH: "iagos-co.ttl", OTHERS_GRAPH: "datasets.ttl", VOCAB_GRAPH: "vocab.ttl"}


def fixture_triples(name: str) -> list[ox.Triple]:
    """The triples of one fixture file."""
    quads = ox.parse(path=FIXTURES / name, format=ox.RdfFormat.TURTLE)
    return [ox.Triple(q.subject, q.predicate, q.object) for q in quads]


def fill(store: EmbeddedStore) -> EmbeddedStore:
    """Load each fixture file into its named graph."""
    for graph, name in GRAPH_FILES.items():
        store.replace_graph(graph, fixture_triples(name))
    return store


def fixture_store() -> EmbeddedStore:
    """An in-memory store holding the fixtures."""
    return fill(EmbeddedStore(None))


@contextmanager
def app_over(store, **settings):
    """An app over ``store`` (settings overridden by keyword), its workers stopped after."""
    workers = settings.pop("workers", 2)
    app = create_app(Settings(store=":memory:", query_workers=workers, **settings), store=store)
    try:
        yield app
    finally:
        app.extensions["gaia_kg"].close()
