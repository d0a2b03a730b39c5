"""Size limits on what a request carries: SPARQL texts (however sent) and path segments."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from http_support import app_over

from graph_loader.store import EmbeddedStore
from sparql_api import MAX_QUERY_BYTES
from sparql_api.web.limits import MAX_PATH, MAX_SEGMENT

TOKEN = "t0ken-for-limits"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
FORM = "application/x-www-form-urlencoded"
EMPTY = '{"head":{"vars":["s"]},"results":{"bindings":[]}}'


@pytest.fixture(scope="module")
def app():
    with app_over(EmbeddedStore(None), admin_tokens=(TOKEN,)) as app:
        yield app


def padded(head: str, size: int) -> str:
    """``head`` and a comment of "é" (two bytes each, six once percent-encoded) making a text
    of ``size`` bytes of UTF-8 (``size`` - len(head) even)."""
    text = head + " #" + "é" * ((size - len(head) - 2) // 2)
    assert len(text.encode()) == size
    return text


QUERY = "SELECT ?s WHERE { ?s ?p ?o }"
UPDATE = "INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }"


@pytest.mark.parametrize("size", [MAX_QUERY_BYTES - 2, MAX_QUERY_BYTES])
def test_a_query_within_the_limit_is_answered_direct_and_as_a_form(app, size):
    text = padded(QUERY, size)
    client = app.test_client()
    direct = client.post("/sparql", data=text.encode(), content_type="application/sparql-query")
    form = client.post("/sparql", data="query=" + quote(text), content_type=FORM)
    assert (direct.status_code, direct.text) == (200, EMPTY)
    assert (form.status_code, form.text) == (200, EMPTY)


def test_an_update_within_the_limit_is_run_direct_and_as_a_form(app):
    text = padded(UPDATE, MAX_QUERY_BYTES - 1)
    client = app.test_client()
    direct = client.post(
        "/sparql/update", data=text.encode(), content_type="application/sparql-update", headers=AUTH
    )
    form = client.post(
        "/sparql/update", data="update=" + quote(text), content_type=FORM, headers=AUTH
    )
    assert (direct.status_code, form.status_code) == (204, 204)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_text_over_the_limit_is_413_however_it_is_sent(app, lang):
    query, update = padded(QUERY, MAX_QUERY_BYTES + 2), padded(UPDATE, MAX_QUERY_BYTES + 1)
    client = app.test_client()
    headers = {"Accept-Language": lang}
    answers = [
        client.post(
            "/sparql", data=query.encode(), content_type="application/sparql-query", headers=headers
        ),
        client.post("/sparql", data="query=" + quote(query), content_type=FORM, headers=headers),
        client.post(
            "/sparql/update",
            data=update.encode(),
            content_type="application/sparql-update",
            headers={**AUTH, **headers},
        ),
        client.post(
            "/sparql/update",
            data="update=" + quote(update),
            content_type=FORM,
            headers={**AUTH, **headers},
        ),
    ]
    expected = {
        "en": "The SPARQL text is too large: {size} bytes, 1000000 at most.\n",
        "fr": "Le texte SPARQL est trop long : {size} octets, 1000000 au plus.\n",
    }[lang]
    sizes = [MAX_QUERY_BYTES + 2] * 2 + [MAX_QUERY_BYTES + 1] * 2
    assert [(a.status_code, a.text) for a in answers] == [
        (413, expected.format(size=size)) for size in sizes
    ]


def test_the_openapi_description_declares_the_413(app):
    document = app.test_client().get("/openapi.json").json
    declared = {
        (path, method)
        for path in ("/sparql", "/sparql/update")
        for method, operation in document["paths"][path].items()
        if method in ("get", "post") and "413" in operation["responses"]
    }
    assert declared == {("/sparql", "get"), ("/sparql", "post"), ("/sparql/update", "post")}


# -- path values ----------------------------------------------------------------------------
def _filled(rule, value: str) -> str:
    return re.sub(r"<(?:[^:>]*:)?[^>]*>", value, rule.rule)


def test_a_100_kb_path_value_is_a_plain_404_on_every_route(app):
    """Every route variable is bounded at routing: 100 KB in any of them matches no route,
    whatever the view would have done with it (the reset form took any token, the resource
    pages looked it up), and the answer does not echo it."""
    client = app.test_client()
    value = "a" * 100_000
    answers = {}
    for rule in app.url_map.iter_rules():
        if "<" in rule.rule and "GET" in rule.methods and rule.endpoint != "static":
            response = client.get(_filled(rule, value))
            answers[rule.rule] = (response.status_code, len(response.data) < 20_000)
    assert len(answers) > 20
    assert answers == {path: (404, True) for path in answers}


def test_values_within_the_bounds_still_reach_their_views(app):
    client = app.test_client()
    reset = client.get("/account/reset/" + "a" * MAX_SEGMENT)
    iri = "http://example.org/" + "b" * (MAX_PATH - 100)
    resource = client.get("/api/resources/" + iri, headers={"Accept": "application/json"})
    assert reset.status_code == 200 and 'action="/account/reset/' in reset.text
    assert (resource.status_code, resource.json["error"]) == (404, "resource_not_found")
