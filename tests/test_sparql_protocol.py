"""SPARQL 1.1 Protocol details found by the W3C suite over HTTP: Accept parameters, base IRI,
repeated parameters, the update dataset, graph creation by POST, the default-graph setting."""

from __future__ import annotations

import json
from io import BytesIO

import pyoxigraph as ox
import pytest
from http_support import app_over, fixture_store

from graph_loader.config import Settings
from sparql_api.sparql.service_description import service_description

TOKEN = "t0ken-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EX = "http://example.org/"
G1, G2, OUT = EX + "g1", EX + "g2", EX + "out"
DS = "https://data.gaia-data.fr/id/dataset/"
TITLE_FR = (
    "PREFIX dct: <http://purl.org/dc/terms/> SELECT ?d ?t WHERE { ?d dct:title ?t "
    'FILTER(lang(?t) = "fr") } ORDER BY ?d'
)
SEED = (
    f"INSERT DATA {{ GRAPH <{G1}> {{ <{EX}a> <{EX}p> 1 }} GRAPH <{G2}> {{ <{EX}b> <{EX}p> 2 }} }}"
)


@pytest.fixture
def app():
    with app_over(fixture_store(), admin_tokens=(TOKEN,)) as app:
        yield app


@pytest.fixture
def client(app):
    return app.test_client()


def rows(response) -> list[dict]:
    assert response.status_code == 200, response.data
    return json.loads(response.data)["results"]["bindings"]


def update(client, text: str, **params):
    return client.post(
        "/sparql/update",
        data=text.encode(),
        content_type="application/sparql-update",
        query_string=params,
        headers=AUTH,
    )


def triples(body: bytes, fmt=ox.RdfFormat.N_TRIPLES) -> set:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, format=fmt)}


def triple(s: str, o: int) -> ox.Triple:
    return ox.Triple(ox.NamedNode(EX + s), ox.NamedNode(EX + "p"), ox.Literal(str(o), datatype=INT))


INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


# -- Accept with parameters -----------------------------------------------------------------
def test_accept_with_parameters_negotiates_on_sparql(client):
    plain = client.get(
        "/sparql",
        query_string={"query": TITLE_FR},
        headers={"Accept": "application/sparql-results+json"},
    )
    weighted = client.get(
        "/sparql",
        query_string={"query": TITLE_FR},
        headers={"Accept": "application/sparql-results+json;q=0.9, text/html;q=0.1"},
    )
    assert (weighted.status_code, weighted.mimetype, weighted.data) == (
        200,
        "application/sparql-results+json",
        plain.data,
    )
    construct = "CONSTRUCT { <s:x> <p:y> 1 } WHERE {}"
    turtle = client.get(
        "/sparql",
        query_string={"query": construct},
        headers={"Accept": "text/turtle; charset=utf-8"},
    )
    assert (turtle.status_code, turtle.mimetype) == (200, "text/turtle")
    assert triples(turtle.data, ox.RdfFormat.TURTLE) == {
        ox.Triple(ox.NamedNode("s:x"), ox.NamedNode("p:y"), ox.Literal("1", datatype=INT))
    }


def test_accept_with_parameters_negotiates_on_graph_store_and_linked_data(client):
    assert update(client, SEED).status_code == 204
    got = client.get(
        "/sparql/graph",
        query_string={"graph": G1},
        headers={"Accept": "text/turtle; charset=utf-8"},
    )
    assert (got.status_code, got.mimetype) == (200, "text/turtle")
    assert triples(got.data, ox.RdfFormat.TURTLE) == {triple("a", 1)}
    head = client.head(
        "/sparql/graph", query_string={"graph": G1}, headers={"Accept": "text/turtle; q=0.5"}
    )
    assert (head.status_code, head.mimetype) == (200, "text/turtle")
    page = "/id/dataset/ds-01"
    plain = client.get(page, headers={"Accept": "text/turtle"})
    with_charset = client.get(page, headers={"Accept": "text/turtle;charset=utf-8"})
    assert plain.status_code == 200
    assert (with_charset.status_code, with_charset.mimetype, with_charset.data) == (
        200,
        "text/turtle",
        plain.data,
    )


# -- base IRI, repeated parameters ----------------------------------------------------------
def test_relative_iris_resolve_against_the_endpoint(client):
    query = "SELECT ?x ?y WHERE { BIND(<rel> AS ?x) BIND(<../up#f> AS ?y) }"
    assert rows(client.get("/sparql", query_string={"query": query})) == [
        {
            "x": {"type": "uri", "value": "http://localhost/rel"},
            "y": {"type": "uri", "value": "http://localhost/up#f"},
        }
    ]
    own = "BASE <http://other.example/b/> SELECT ?x WHERE { BIND(<rel> AS ?x) }"
    assert rows(client.get("/sparql", query_string={"query": own})) == [
        {"x": {"type": "uri", "value": "http://other.example/b/rel"}}
    ]
    assert update(client, "INSERT DATA { GRAPH <g> { <s> <p> <o> } }").status_code == 204
    back = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g = <http://localhost/sparql/g>) }"
    assert rows(client.get("/sparql", query_string={"query": back})) == [
        {
            "g": {"type": "uri", "value": "http://localhost/sparql/g"},
            "s": {"type": "uri", "value": "http://localhost/sparql/s"},
            "p": {"type": "uri", "value": "http://localhost/sparql/p"},
            "o": {"type": "uri", "value": "http://localhost/sparql/o"},
        }
    ]


def test_a_repeated_query_or_update_is_400(client):
    twice = client.get("/sparql?query=ASK%7B%7D&query=SELECT%20*%20%7B%7D")
    assert (twice.status_code, twice.get_data(as_text=True)) == (
        400,
        "The 'query' parameter is given 2 times; send exactly one.\n",
    )
    form = client.post(
        "/sparql/update",
        data="update=CLEAR%20ALL&update=CLEAR%20ALL",
        content_type="application/x-www-form-urlencoded",
        headers={**AUTH, "Accept-Language": "fr"},
    )
    assert (form.status_code, form.get_data(as_text=True)) == (
        400,
        "Le paramètre « update » est donné 2 fois ; envoyez-en un seul.\n",
    )


# -- using-graph-uri / using-named-graph-uri ------------------------------------------------
COPY = f"INSERT {{ GRAPH <{OUT}> {{ ?s ?p ?o }} }} WHERE {{ ?s ?p ?o }}"
COPY_NAMED = f"INSERT {{ GRAPH <{OUT}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"


def out_graph(client) -> set:
    got = client.get(
        "/sparql/graph", query_string={"graph": OUT}, headers={"Accept": "application/n-triples"}
    )
    return triples(got.data) if got.status_code == 200 else set()


def test_using_graph_uri_sets_the_default_graph_of_the_update(client):
    assert update(client, SEED).status_code == 204
    assert update(client, COPY, **{"using-graph-uri": G1}).status_code == 204
    assert out_graph(client) == {triple("a", 1)}


def test_using_named_graph_uri_sets_the_named_graphs_of_the_update(client):
    assert update(client, SEED).status_code == 204
    assert update(client, COPY_NAMED, **{"using-named-graph-uri": G2}).status_code == 204
    assert out_graph(client) == {triple("b", 2)}


def test_using_graph_uri_with_using_or_with_in_the_update_is_400(client):
    text = f"WITH <{G1}> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}"
    response = update(client, text, **{"using-graph-uri": G2})
    assert (response.status_code, response.get_data(as_text=True)) == (
        400,
        "using-graph-uri / using-named-graph-uri cannot be sent with an update that writes "
        "USING, USING NAMED or WITH.\n",
    )


# -- Graph Store Protocol: POST without a graph name ---------------------------------------
def test_post_without_a_graph_creates_one_and_gives_its_location(client):
    body = f"<{EX}a> <{EX}p> 1 .".encode()  # Turtle
    posted = client.post("/sparql/graph", data=body, content_type="text/turtle", headers=AUTH)
    assert posted.status_code == 201
    location = posted.headers["Location"]
    assert location.startswith("http://localhost/sparql/graph/")
    direct = client.get(location, headers={"Accept": "application/n-triples"})
    indirect = client.get(
        "/sparql/graph",
        query_string={"graph": location},
        headers={"Accept": "application/n-triples"},
    )
    assert (direct.status_code, triples(direct.data)) == (200, {triple("a", 1)})
    assert (indirect.status_code, triples(indirect.data)) == (200, {triple("a", 1)})
    again = client.post("/sparql/graph", data=body, content_type="text/turtle", headers=AUTH)
    assert again.headers["Location"] != location


# -- the default graph setting --------------------------------------------------------------
COUNT_DEFAULT = "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://example.org/p> ?o }"


def count(client, **params) -> int:
    got = rows(client.get("/sparql", query_string={"query": COUNT_DEFAULT, **params}))
    return int(got[0]["n"]["value"])


@pytest.mark.parametrize(("setting", "expected"), [("union", 2), ("default", 0)])
def test_default_graph_setting(setting, expected):
    with app_over(fixture_store(), admin_tokens=(TOKEN,), default_graph=setting) as app:
        client = app.test_client()
        assert update(client, SEED).status_code == 204
        assert count(client) == expected
        # a dataset given by the protocol wins under either setting
        assert count(client, **{"default-graph-uri": G1}) == 1
        assert count(client, **{"named-graph-uri": G1}) == 0


def test_service_description_states_the_union_only_when_it_is():
    union = ox.Triple(
        ox.NamedNode("http://h/sparql"),
        ox.NamedNode("http://www.w3.org/ns/sparql-service-description#feature"),
        ox.NamedNode("http://www.w3.org/ns/sparql-service-description#UnionDefaultGraph"),
    )
    for setting, stated in (("union", True), ("default", False)):
        settings = Settings(store=":memory:", default_graph=setting)
        described = service_description("http://h/sparql", "http://h/sparql/update", settings)
        assert (union in described) is stated


def test_default_graph_setting_from_the_environment(monkeypatch):
    monkeypatch.setenv("GAIA_KG_DEFAULT_GRAPH", "Default")
    assert Settings.from_env(store=":memory:").default_graph == "default"
    monkeypatch.delenv("GAIA_KG_DEFAULT_GRAPH")
    assert Settings.from_env(store=":memory:").default_graph == "union"
    monkeypatch.setenv("GAIA_KG_DEFAULT_GRAPH", "both")
    with pytest.raises(ValueError, match="GAIA_KG_DEFAULT_GRAPH must be one of union, default"):
        Settings.from_env(store=":memory:")


def test_a_direct_graph_name_that_is_no_iri_is_400(client):
    response = client.delete("/sparql/graph/a%22b", headers=AUTH)
    assert (response.status_code, response.get_data(as_text=True)) == (
        400,
        "Malformed graph IRI 'http://localhost/sparql/graph/a\"b'.\n",
    )


def test_a_multipart_post_adds_every_part(client):
    parts = {
        "one": (BytesIO(f"<{EX}a> <{EX}p> 1 .".encode()), "one.ttl", "text/turtle"),
        "two": (
            BytesIO(f'<{EX}b> <{EX}p> "2"^^<{INT.value}> .'.encode()),
            "two.nt",
            "application/n-triples",
        ),
    }
    posted = client.post(
        "/sparql/graph",
        query_string={"graph": G1},
        data=parts,
        content_type="multipart/form-data",
        headers=AUTH,
    )
    assert posted.status_code == 201
    got = client.get(
        "/sparql/graph", query_string={"graph": G1}, headers={"Accept": "application/n-triples"}
    )
    assert triples(got.data) == {triple("a", 1), triple("b", 2)}


@pytest.mark.parametrize(
    ("text", "relative"),
    [
        ("SELECT * WHERE { <x> ?p ?o }", True),
        ("SELECT * { <> ?p ?o }", True),
        ("PREFIX : <#> SELECT * { ?s ?p ?o }", True),
        ('INSERT DATA { GRAPH <http://e.org/g> { <http://e.org/s> <urn:p> "a" } }', False),
        ("SELECT * WHERE { ?a ?b ?c FILTER(?a < ?b) }", False),
        ("ASK { FILTER(1<2 && 3>2) }", False),
    ],
)
def test_only_a_text_with_a_relative_iri_gets_the_endpoint_as_base(text, relative):
    """A store server (Virtuoso) is sent a BASE only when the text needs one."""
    from graph_loader.sparql_text import has_relative_iri

    assert has_relative_iri(text) is relative
