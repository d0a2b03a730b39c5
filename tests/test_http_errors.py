"""The core's plain exceptions answered over HTTP in one place (sparql_api.web.http_errors)."""

from __future__ import annotations

import pytest
from flask import Flask

from graph_loader.config import Settings
from graph_loader.errors import StoreError
from sparql_api import create_app
from sparql_api.core.errors import GateFull, PoolBusy, StoreBusy
from sparql_api.web.http_errors import api_error_for


@pytest.mark.parametrize(
    ("exc", "status", "key", "params", "headers"),
    [
        (StoreError("gone"), 503, "store_unavailable", {}, {}),
        (StoreBusy("locked"), 503, "store_busy", {}, {"Retry-After": "5"}),
        (PoolBusy("no worker"), 503, "busy", {}, {"Retry-After": "1"}),
        (
            GateFull(7, role="anonymous", slots=2),
            503,
            "role_busy",
            {"role": "anonymous", "slots": 2, "seconds": 7},
            {"Retry-After": "7"},
        ),
    ],
)
def test_each_core_error_has_one_answer(exc, status, key, params, headers):
    error = api_error_for(exc)
    assert (error.status, error.key, error.params, error.headers) == (
        status,
        key,
        params,
        headers,
    )


@pytest.fixture
def unreadable(tmp_path) -> Flask:
    """An app over a store folder that does not exist: every read raises StoreError."""
    settings = Settings(store=str(tmp_path / "no-store"), index=str(tmp_path / "no-index"))
    app = create_app(settings)
    yield app
    app.extensions["gaia_kg"].close()


def test_a_store_error_is_answered_as_each_surface_answers_errors(unreadable):
    client = unreadable.test_client()
    fr = {"Accept-Language": "fr"}
    api = client.get("/api/concepts", headers=fr)  # JSON, bilingual
    assert (api.status_code, api.get_json()) == (
        503,
        {
            "status": 503,
            "error": "store_unavailable",
            "message": "L'entrepôt ne peut pas être lu.",
            "lang": "fr",
        },
    )
    sparql = client.get("/sparql?query=ASK%7B%7D", headers=fr)  # plain text for SPARQL clients
    assert (sparql.status_code, sparql.mimetype, sparql.get_data(as_text=True)) == (
        503,
        "text/plain",
        "L'entrepôt ne peut pas être lu.\n",
    )
    page = client.get("/", headers=fr)  # the portal's own error page
    assert (page.status_code, page.mimetype) == (503, "text/html")
    assert "L'entrepôt ne peut pas être lu." in page.get_data(as_text=True).replace("&#39;", "'")
