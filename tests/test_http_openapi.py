"""/openapi.json describes every route of the app, validly, in English and in French."""

from __future__ import annotations

import re

import pytest
from http_support import app_over, fixture_store
from openapi_spec_validator import validate

from sparql_api.web.openapi import OPERATIONS


@pytest.fixture(scope="module")
def app():
    with app_over(fixture_store()) as app:
        yield app


def routes(app) -> set[tuple[str, str]]:
    """Every (path, method) the app serves, in OpenAPI path syntax."""
    found = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            found.add((path, method.lower()))
    return found


def test_every_route_is_described_and_nothing_else(app):
    assert routes(app) == set(OPERATIONS)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_document_is_valid_openapi(app, lang):
    response = app.test_client().get(f"/openapi.json?lang={lang}")
    assert response.status_code == 200
    document = response.get_json()
    validate(document)
    assert set(document["paths"]) == {path for path, _ in OPERATIONS}


def test_summaries_follow_the_language(app):
    client = app.test_client()
    en = client.get("/openapi.json?lang=en").get_json()
    fr = client.get("/openapi.json", headers={"Accept-Language": "fr"}).get_json()
    assert en["paths"]["/health"]["get"]["summary"] == "Store status and figures"
    assert fr["paths"]["/health"]["get"]["summary"] == "État et chiffres de l'entrepôt"
    assert {
        p["name"]: p["description"] for p in fr["paths"]["/api/autocomplete"]["get"]["parameters"]
    } == {
        "q": "Ce que l'utilisateur a tapé.",
        "limit": "Nombre de suggestions (1-50).",
        "lang": "Langue des libellés et des messages (par défaut : Accept-Language).",
    }
