"""/openapi.json describes every route of the app, validly, in English and in French."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from http_support import app_over, fixture_store
from openapi_spec_validator import validate

import sparql_api
from sparql_api.web.openapi import OPERATIONS
from sparql_api.web.openapi_parts import OPENAPI


@pytest.fixture(scope="module")
def app():
    with app_over(fixture_store()) as app:
        yield app


#: endpoints that are not part of the API: the files under /static (CSS, scripts, images).
#: Every other rule, HTML pages included, is described.
NOT_API = {"static"}


def routes(app) -> set[tuple[str, str]]:
    """Every (path, method) the app serves, in OpenAPI path syntax (``<int:cid>`` → ``{cid}``)."""
    found = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint in NOT_API:
            continue
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            found.add((path, method.lower()))
    return found


def documented(document: dict) -> set[tuple[str, str]]:
    """Every (path, method) of an OpenAPI document."""
    return {(path, method) for path, item in document["paths"].items() for method in item}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_served_document_describes_every_route_and_only_routes(app, lang):
    document = app.test_client().get(f"/openapi.json?lang={lang}").get_json()
    served, described = routes(app), documented(document)
    assert sorted(served - described) == []  # a route without its operation
    assert sorted(described - served) == []  # an operation without its route
    assert described == set(OPERATIONS)


def test_operation_ids_are_unique(app):
    document = app.test_client().get("/openapi.json").get_json()
    ids = [op["operationId"] for item in document["paths"].values() for op in item.values()]
    assert len(ids) == len(set(ids)) == len(OPERATIONS)


def test_every_text_of_the_description_exists_in_both_languages():
    assert OPENAPI.missing() == {"en": [], "fr": []}
    for lang in ("en", "fr"):
        assert OPENAPI.keys(lang) == used_keys()


def used_keys() -> set[str]:
    """The keys the parts of the description name (as ``pybabel extract -k msg -k param:3``)."""
    found = extract_from_dir(
        Path(sparql_api.__file__).parent,
        method_map=[("**/openapi.py", "python"), ("**/openapi_parts.py", "python")],
        keywords={"msg": None, "param": (3,)},
    )
    return {msgid for _, _, msgid, _, _ in found}


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


def test_texts_with_placeholders_are_filled_in(app):
    client = app.test_client()
    en = client.get("/openapi.json?lang=en").get_json()["paths"]
    fr = client.get("/openapi.json?lang=fr").get_json()["paths"]
    described = {
        lang: {p["name"]: p["description"] for p in paths["/search"]["get"]["parameters"]}
        for lang, paths in (("en", en), ("fr", fr))
    }
    assert described["en"]["theme"] == (
        "Facet filter (theme), repeatable: OR within a facet, AND across facets."
    )
    assert described["fr"]["platform"] == (
        "Filtre de facette (platform, une IRI), répétable : OU dans une facette, ET entre facettes."
    )
    assert described["fr"]["west"] == (
        "Côté « west » de la zone (degrés) : les quatre redirigent vers un bbox."
    )
    assert "fill" not in en["/search"]["get"]["parameters"][1]
