"""/sparql: the SPARQL 1.1 Protocol, formats, errors and CORS, over the fixture store."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from http_support import VOCAB_GRAPH, app_over, fixture_store

DS = "https://data.gaia-data.fr/id/dataset/"
TITLE = ox.NamedNode("http://purl.org/dc/terms/title")
PREFIXES = "PREFIX dct: <http://purl.org/dc/terms/> PREFIX dcat: <http://www.w3.org/ns/dcat#>\n"
SELECT_FR = (
    PREFIXES + 'SELECT ?d ?title WHERE { ?d dct:title ?title FILTER(lang(?title) = "fr") } '
    "ORDER BY ?d"
)
CONSTRUCT_FR = (
    PREFIXES + "CONSTRUCT { ?d dct:title ?title } "
    'WHERE { ?d dct:title ?title FILTER(lang(?title) = "fr") }'
)
EXPECTED_ROWS = [
    (DS + "ds-01", ox.Literal("Jeu 01", language="fr")),
    (DS + "ds-02", ox.Literal("Jeu 02", language="fr")),
    (DS + "iagos-co", ox.Literal("Monoxyde de carbone IAGOS", language="fr")),
]
EXPECTED_TRIPLES = {ox.Triple(ox.NamedNode(d), TITLE, t) for d, t in EXPECTED_ROWS}

RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPHS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


@pytest.fixture(scope="module")
def client():
    with app_over(fixture_store()) as app:
        yield app.test_client()


def rows_of(body: bytes, fmt: ox.QueryResultsFormat) -> list[tuple]:
    return [(s["d"].value, s["title"]) for s in ox.parse_query_results(body, fmt)]


@pytest.mark.parametrize("media", RESULTS)
def test_select_in_every_parsable_results_format(client, media):
    response = client.get("/sparql", query_string={"query": SELECT_FR}, headers={"Accept": media})
    assert response.status_code == 200
    assert response.mimetype == media
    assert rows_of(response.data, RESULTS[media]) == EXPECTED_ROWS
    assert response.headers["X-GAIA-Truncated"] == "false"


def test_select_in_csv(client):
    response = client.get("/sparql", query_string={"query": SELECT_FR, "format": "csv"})
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows == [["d", "title"]] + [[d, t.value] for d, t in EXPECTED_ROWS]


@pytest.mark.parametrize(
    ("fmt", "media"),
    [
        ("json", "application/sparql-results+json"),
        ("xml", "application/sparql-results+xml"),
        ("tsv", "text/tab-separated-values"),
    ],
)
def test_ask_answers_a_boolean(client, fmt, media):
    query = PREFIXES + "ASK { ?d a dcat:Dataset }"
    response = client.get("/sparql", query_string={"query": query, "format": fmt})
    assert response.mimetype == media
    assert "X-GAIA-Truncated" not in response.headers
    assert bool(ox.parse_query_results(response.data, RESULTS[media])) is True


@pytest.mark.parametrize("media", GRAPHS)
def test_construct_in_every_graph_format(client, media):
    query = {"query": CONSTRUCT_FR}
    response = client.get("/sparql", query_string=query, headers={"Accept": media})
    assert response.status_code == 200
    assert response.mimetype == media
    triples = {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in ox.parse(response.data, format=GRAPHS[media])
    }
    assert triples == EXPECTED_TRIPLES


def test_graph_query_with_a_results_only_accept_answers_turtle(client):
    # rdflib's SPARQLStore asks every query with this Accept.
    headers = {"Accept": "application/sparql-results+xml"}
    response = client.get("/sparql", query_string={"query": CONSTRUCT_FR}, headers=headers)
    assert response.mimetype == "text/turtle"
    triples = {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in ox.parse(response.data, format=ox.RdfFormat.TURTLE)
    }
    assert triples == EXPECTED_TRIPLES


def test_default_formats_without_accept(client):
    assert client.get("/sparql", query_string={"query": SELECT_FR}).mimetype == (
        "application/sparql-results+json"
    )
    assert client.get("/sparql", query_string={"query": CONSTRUCT_FR}).mimetype == "text/turtle"


def test_get_post_form_and_post_body_give_identical_results(client):
    by_get = client.get("/sparql", query_string={"query": SELECT_FR})
    by_form = client.post("/sparql", data={"query": SELECT_FR})
    by_body = client.post(
        "/sparql", data=SELECT_FR.encode(), content_type="application/sparql-query"
    )
    assert by_get.status_code == by_form.status_code == by_body.status_code == 200
    assert by_get.data == by_form.data == by_body.data
    assert rows_of(by_body.data, ox.QueryResultsFormat.JSON) == EXPECTED_ROWS


def test_default_graph_uri_restricts_the_dataset(client):
    query = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s"
    response = client.post("/sparql", data={"query": query, "default-graph-uri": VOCAB_GRAPH.value})
    subjects = sorted(
        {s["s"].value for s in ox.parse_query_results(response.data, ox.QueryResultsFormat.JSON)}
    )
    assert subjects == [
        "https://w3id.org/gaia-kg/org/aeris",
        "https://w3id.org/gaia-kg/thesaurus/carbon-monoxide",
    ]


def test_syntax_error_is_400_with_the_parser_message(client):
    bad = "SELEC ?x WHERE { ?x ?p ?o }"
    with pytest.raises(SyntaxError) as parser:
        ox.Store().query(bad)
    response = client.get("/sparql", query_string={"query": bad})
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    assert response.get_data(as_text=True) == f"SPARQL syntax error: {parser.value}\n"
    response = client.get("/sparql", query_string={"query": bad, "lang": "fr"})
    assert response.get_data(as_text=True) == f"Erreur de syntaxe SPARQL : {parser.value}\n"


@pytest.mark.parametrize(
    "send",
    [
        lambda c: c.post("/sparql", data={"update": "DROP ALL"}),
        lambda c: c.post("/sparql", data=b"DROP ALL", content_type="application/sparql-update"),
        lambda c: c.get("/sparql", query_string={"query": "INSERT DATA { <x:a> <x:b> <x:c> }"}),
        lambda c: c.get("/sparql", query_string={"update": "CLEAR DEFAULT"}),
    ],
    ids=["form-update", "update-body", "update-as-query", "get-update"],
)
def test_updates_are_refused_403(client, send):
    response = send(client)
    assert response.status_code == 403
    assert response.get_data(as_text=True) == (
        "This endpoint is read-only: SPARQL Update is refused here; send updates "
        "to /sparql/update with an API token.\n"
    )


def test_store_is_unchanged_after_refused_updates(client):
    query = PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?d a dcat:Dataset }"
    body = client.get("/sparql", query_string={"query": query}).data
    assert [s["n"].value for s in ox.parse_query_results(body, ox.QueryResultsFormat.JSON)] == [
        "12"
    ]


def test_406_when_nothing_acceptable(client):
    response = client.get(
        "/sparql",
        query_string={"query": SELECT_FR},
        headers={"Accept": "image/png", "Accept-Language": "fr-FR,fr;q=0.9"},
    )
    assert response.status_code == 406
    assert response.get_data(as_text=True).startswith("Aucun format acceptable")
    response = client.get(
        "/sparql", query_string={"query": SELECT_FR}, headers={"Accept": "text/turtle"}
    )
    assert response.status_code == 406
    assert response.get_data(as_text=True) == (
        "No acceptable format for a SELECT result; available: application/sparql-results+json, "
        "application/sparql-results+xml, text/csv, text/tab-separated-values.\n"
    )


def test_unknown_format_and_content_type_are_client_errors(client):
    response = client.get("/sparql", query_string={"query": SELECT_FR, "format": "yaml"})
    assert response.status_code == 400
    assert response.get_data(as_text=True) == (
        "Unknown format 'yaml'; known: json, xml, csv, tsv, ttl, nt, jsonld, rdfxml.\n"
    )
    response = client.post("/sparql", data=b"{}", content_type="application/json")
    assert response.status_code == 415


def test_cors_on_answers_errors_and_preflight(client):
    assert (
        client.get("/sparql", query_string={"query": SELECT_FR}).headers[
            "Access-Control-Allow-Origin"
        ]
        == "*"
    )
    assert (
        client.get("/sparql", query_string={"query": "SELEC"}).headers[
            "Access-Control-Allow-Origin"
        ]
        == "*"
    )
    preflight = client.options("/sparql")
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Methods"] == "GET, POST, OPTIONS"


def test_get_without_query_describes_the_endpoint(client):
    response = client.get("/sparql?lang=fr", headers={"Accept": "application/json"})
    assert response.status_code == 200
    body = json.loads(response.data)
    assert body["description"].startswith("Point d'accès SPARQL 1.1")
    assert (body["timeoutSeconds"], body["rowCap"]) == (30.0, 10_000)
    html = client.get("/sparql", headers={"Accept": "text/html"})
    assert html.mimetype == "text/html"
    assert b"read-only" in html.data
