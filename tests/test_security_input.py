"""Server errors from input: a facet value that is not an IRI, a record slug that cannot make
an IRI, and hostile values in every query parameter of every GET route answer 4xx, never 500
(issue 21)."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from demo_support import demo_store
from http_support import app_over

from sparql_api.web.openapi import OPERATIONS


@pytest.fixture(scope="module")
def app():
    with app_over(demo_store()) as app:
        yield app


@pytest.mark.parametrize("name", ["format", "licence", "platform"])
def test_a_facet_value_that_is_not_an_iri_is_a_400_naming_it(app, name):
    client = app.test_client()
    answer = client.get(f"/api/search?{name}=CC-BY-4.0")
    assert answer.status_code == 400
    body = answer.get_json()
    assert body["error"] == "search_bad_iri"
    assert body["message"] == f"'{name}' must be an IRI (http://… or https://…), not 'CC-BY-4.0'."
    french = client.get(f"/api/search?{name}=a%20b&lang=fr").get_json()
    assert (
        french["message"] == f"« {name} » doit être une IRI (http://… ou https://…), pas « a b »."
    )
    page = client.get(f"/search?{name}=CC-BY-4.0&lang=fr")
    assert page.status_code == 400
    assert page.mimetype == "text/html"
    assert f"« {name} » doit être une IRI" in page.get_data(as_text=True)
    english = client.get(f"/search?{name}=http://x/%3E&lang=en")
    assert english.status_code == 400 and english.mimetype == "text/html"
    assert f"&#39;{name}&#39; must be an IRI" in english.get_data(as_text=True)


def test_theme_and_centre_errors_name_their_parameter(app):
    body = app.test_client().get("/api/search?centre=a%3Eb").get_json()
    assert body["message"] == "'centre' must be an IRI (http://… or https://…), not 'a>b'."


def test_a_slug_that_cannot_make_an_iri_is_not_found(app):
    client = app.test_client()
    assert client.get("/quality/dataset/%3E").status_code == 404
    assert client.get("/api/records/dataset/%3E/quality").status_code == 404
    assert client.get("/quality/dataset/a%20b").status_code == 404


def _route_paths(app) -> set[str]:
    paths = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint != "static":
            paths.add(re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule))
    return paths


def test_the_openapi_fuzz_covers_every_route(app):
    described = {path for path, _ in OPERATIONS}
    assert _route_paths(app) - described == set()


HOSTILE = (
    "",
    ">",
    "<script>alert(1)</script>",
    "%",
    "%00",
    "%FF%FE",
    "-1",
    "0",
    "99999999999999999999",
    "1e309",
    "²",  # a digit to str.isdigit, not to int
    "٣",
    "NaN",
    "CC-BY-4.0",
    "http://x/%3E",
    "../../etc/passwd",
    "'\"{}",
    "x" * 3000,
)


def _get_operations():
    for (path, method), op in sorted(OPERATIONS.items()):
        if method != "get":
            continue
        names = [p["name"] for p in op.get("parameters", []) if p.get("in") == "query"]
        yield path, names


def test_hostile_values_in_every_parameter_of_every_page_answer_no_500(app):
    client = app.test_client()
    failures = []
    for path, names in _get_operations():
        for value in HOSTILE:
            raw = value if "%" in value else quote(value, safe="")
            url = re.sub(r"\{[^}]+\}", raw or "x", path)
            queries = [""] + [f"?{name}={raw}" for name in names]
            for query in queries:
                answer = client.get(url + query)
                answer.close()
                if answer.status_code >= 500 and answer.status_code not in (503, 504):
                    failures.append((url + query[:80], answer.status_code))
    assert failures == []


def _token(state) -> str:
    import base64
    import json

    raw = state if isinstance(state, bytes) else json.dumps(state).encode()
    return base64.urlsafe_b64encode(raw).decode()


@pytest.mark.parametrize(
    "state",
    [
        {"metadataPrefix": "oai_dc", "offset": 10**30},
        {"metadataPrefix": "oai_dc", "offset": True},
        b"[" * 5000 + b"]" * 5000,
        b'{"metadataPrefix": "oai_dc", "offset": 0, "x": ' + b"[" * 500 + b"]" * 500 + b"}",
    ],
)
def test_a_forged_oai_resumption_token_is_a_bad_token_not_a_500(app, state):
    answer = app.test_client().get(
        "/oai", query_string={"verb": "ListRecords", "resumptionToken": _token(state)}
    )
    assert answer.status_code == 200  # OAI-PMH answers its errors in the document
    assert 'code="badResumptionToken"' in answer.get_data(as_text=True)


def test_repeated_facet_values_are_bounded(app):
    from sparql_api.search.params import MAX_VALUES

    client = app.test_client()
    many = "&".join(f"theme=c{n}" for n in range(MAX_VALUES + 1))
    answer = client.get(f"/api/search?{many}")
    assert answer.status_code == 400
    assert answer.get_json()["message"] == (
        f"Too many values for 'theme' ({MAX_VALUES + 1}; at most {MAX_VALUES})."
    )
    page = client.get(f"/search?{many}&lang=fr")
    assert page.status_code == 400
    assert f"Trop de valeurs pour « theme » ({MAX_VALUES + 1} ; au plus {MAX_VALUES})." in (
        page.get_data(as_text=True)
    )
    enough = "&".join(f"format=http://x/f{n}" for n in range(MAX_VALUES))
    assert client.get(f"/api/search?{enough}").status_code == 200
