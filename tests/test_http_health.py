"""/health: the store's figures, or 503 when it cannot be read."""

from __future__ import annotations

import pyoxigraph as ox
from http_support import GRAPH_FILES, app_over, fixture_store, fixture_triples

from graph_loader import __version__
from graph_loader.config import Settings
from graph_loader.store import EmbeddedStore
from graph_loader.terms import RDF_TYPE, RECORD_GRAPH
from sparql_api import create_app


def test_health_reports_the_store():
    expected_triples = sum(len(fixture_triples(name)) for name in GRAPH_FILES.values())
    with app_over(fixture_store()) as app:
        response = app.test_client().get("/health")
    assert response.status_code == 200
    assert response.json == {
        "status": "ok",
        "version": __version__,
        "store": {"backend": "embedded", "triples": expected_triples, "records": 1},
        "index": {"position": 0, "changes": 0, "seconds": 0.0},
    }


def test_health_is_503_when_the_store_cannot_be_read(tmp_path):
    app = create_app(Settings(store=str(tmp_path / "absent")))
    response = app.test_client().get("/health?lang=fr")
    assert response.status_code == 503
    assert response.json == {
        "status": "unavailable",
        "version": __version__,
        "message": "L'entrepôt ne peut pas être lu.",
        "lang": "fr",
    }


def test_unknown_api_routes_and_methods_answer_json():
    app = create_app(Settings(store=":memory:"))
    client = app.test_client()
    assert client.get("/api/nothing").json == {
        "status": 404,
        "error": "not_found",
        "message": "Not found.",
        "lang": "en",
    }
    assert client.delete("/health").status_code == 405


def test_health_counts_once_per_snapshot_and_again_after_another_process_wrote(tmp_path):
    """The figures of /health are counted once for each snapshot of the store the server
    reads (counting triples reads them all), and counted again once a load changed it."""

    def write(name: str, triples: int) -> None:
        writer = EmbeddedStore(tmp_path / "store")
        g = ox.NamedNode(f"https://example.org/graph/{name}")
        statements = [ox.Triple(g, RDF_TYPE, RECORD_GRAPH)]
        statements += [
            ox.Triple(g, ox.NamedNode("https://example.org/n"), ox.Literal(str(i)))
            for i in range(triples - 1)
        ]
        writer.replace_graph(g, statements)
        writer.close()

    write("r1", 3)
    app = create_app(Settings(store=str(tmp_path / "store"), query_workers=1, reopen_seconds=0))
    try:
        client, store = app.test_client(), app.extensions["gaia_kg"].store
        assert client.get("/health").json["store"] == {
            "backend": "embedded",
            "triples": 3,
            "records": 1,
        }
        hits = store.memo.hits
        assert client.get("/health").json["store"]["triples"] == 3
        assert store.memo.hits == hits + 1  # the second time, from memory
        write("r2", 5)
        assert client.get("/health").json["store"] == {
            "backend": "embedded",
            "triples": 8,
            "records": 2,
        }
    finally:
        app.extensions["gaia_kg"].close()
