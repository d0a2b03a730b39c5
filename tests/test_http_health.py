"""/health: the store's figures, or 503 when it cannot be read."""

from __future__ import annotations

from http_support import GRAPH_FILES, app_over, fixture_store, fixture_triples

from graph_loader import __version__
from graph_loader.config import Settings
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
