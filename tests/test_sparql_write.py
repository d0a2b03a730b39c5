"""Writes with a token (SPARQL Update, Graph Store Protocol), the Service Description, roles."""

from __future__ import annotations

import json
import threading
import time

import pyoxigraph as ox
import pytest
from helpers import as_graph
from http_support import app_over, fixture_store
from rdflib import Graph
from rdflib.compare import isomorphic

from graph_loader.config import Settings
from graph_loader.store import EmbeddedStore
from sparql_api import create_app
from sparql_api.sparql.service_description import service_description

TOKEN = "t0ken-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EX = "http://example.org/"
G = EX + "graph/one"
COUNT_G = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + G + "> { ?s ?p ?o } }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
TTL = b"@prefix ex: <http://example.org/> . ex:a ex:p 1 , 2 . ex:b ex:q ex:a ."
UNAUTHORIZED_EN = (
    "Writing needs an API token: send 'Authorization: Bearer <token>'. "
    "Anonymous users may only read.\n"
)
UNAUTHORIZED_FR = (
    "L'écriture demande un jeton d'API : envoyez « Authorization: Bearer <jeton> ». "
    "Les utilisateurs anonymes peuvent seulement lire.\n"
)


@pytest.fixture
def app():
    with app_over(fixture_store(), admin_tokens=(TOKEN,)) as app:
        yield app


def count(client, query=COUNT_G, headers=None) -> int:
    response = client.get("/sparql", query_string={"query": query}, headers=headers or {})
    assert response.status_code == 200, response.data
    return int(json.loads(response.data)["results"]["bindings"][0]["n"]["value"])


def triples_of(body: bytes, fmt=ox.RdfFormat.N_TRIPLES) -> set:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, format=fmt)}


def expected(ttl: bytes) -> set:
    return triples_of(ttl, ox.RdfFormat.TURTLE)


# -- SPARQL Update -------------------------------------------------------------------------
def test_update_needs_a_token_and_says_so_in_both_languages(app):
    client = app.test_client()
    insert = f"INSERT DATA {{ GRAPH <{G}> {{ <{EX}s> <{EX}p> 1 }} }}"
    response = client.post("/sparql/update", data={"update": insert})
    assert response.status_code == 401
    assert response.get_data(as_text=True) == UNAUTHORIZED_EN
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="gaia-kg"'
    response = client.post("/sparql/update?lang=fr", data={"update": insert})
    assert (response.status_code, response.get_data(as_text=True)) == (401, UNAUTHORIZED_FR)
    wrong = client.post(
        "/sparql/update", data={"update": insert}, headers={"Authorization": "Bearer nope"}
    )
    assert wrong.status_code == 401
    assert wrong.get_data(as_text=True).startswith("Unknown API token")
    assert count(client) == 0


def test_update_with_a_token_is_seen_by_the_next_query(app):
    client = app.test_client()
    assert count(client) == 0  # a worker now holds a copy of the store
    insert = f"INSERT DATA {{ GRAPH <{G}> {{ <{EX}s> <{EX}p> 1 , 2 , 3 }} }}"
    response = client.post("/sparql/update", data={"update": insert}, headers=AUTH)
    assert (response.status_code, response.data) == (204, b"")
    assert count(client) == 3
    body = f"DELETE DATA {{ GRAPH <{G}> {{ <{EX}s> <{EX}p> 2 }} }}".encode()
    response = client.post(
        "/sparql/update",
        data=body,
        content_type="application/sparql-update",
        headers=AUTH,
    )
    assert response.status_code == 204
    assert count(client) == 2


def test_update_errors_are_client_errors(app):
    client = app.test_client()
    bad = client.post("/sparql/update", data={"update": "INSERT DAT {}"}, headers=AUTH)
    assert bad.status_code == 400
    assert bad.get_data(as_text=True).startswith("SPARQL Update error: ")
    empty = client.post("/sparql/update", data={"update": " "}, headers=AUTH)
    assert (empty.status_code, empty.get_data(as_text=True)) == (
        400,
        "No update: send one in the 'update' field or as application/sparql-update.\n",
    )
    wrong_type = client.post("/sparql/update", data=b"x", content_type="text/plain", headers=AUTH)
    assert wrong_type.status_code == 415
    preflight = client.options("/sparql/update")
    assert (preflight.status_code, preflight.headers["Access-Control-Allow-Methods"]) == (
        204,
        "POST",
    )
    assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]
    using = client.post(
        "/sparql/update",
        data={"update": "WITH <x:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "using-graph-uri": G},
        headers=AUTH,
    )
    assert using.status_code == 400  # a dataset both in the protocol and in the update


def test_update_on_an_on_disk_store_is_seen_by_its_queries(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    store.close()
    del store
    settings = Settings(store=str(tmp_path / "store"), query_workers=1, admin_tokens=(TOKEN,))
    app = create_app(settings)
    try:
        client = app.test_client()
        assert count(client) == 0
        insert = f"INSERT DATA {{ GRAPH <{G}> {{ <{EX}s> <{EX}p> 1 , 2 }} }}"
        response = client.post("/sparql/update", data={"update": insert}, headers=AUTH)
        assert response.status_code == 204
        assert count(client) == 2
    finally:
        app.extensions["gaia_kg"].close()


# -- Graph Store Protocol ------------------------------------------------------------------
def test_graph_store_put_get_post_delete(app):
    client = app.test_client()
    url = "/sparql/graph?graph=" + G
    anonymous = client.put(url, data=TTL, content_type="text/turtle")
    assert anonymous.status_code == 401
    assert client.get(url).status_code == 404
    created = client.put(url, data=TTL, content_type="text/turtle", headers=AUTH)
    assert created.status_code == 201
    got = client.get(url, headers={"Accept": "application/n-triples"})
    assert got.status_code == 200
    assert got.mimetype == "application/n-triples"
    assert triples_of(got.data) == expected(TTL)
    replaced = client.put(
        url,
        data=b'<http://example.org/c> <http://example.org/p> "3" .',
        content_type="application/n-triples",
        headers=AUTH,
    )
    assert replaced.status_code == 204
    added = client.post(
        url,
        data=b'<http://example.org/d> <http://example.org/p> "4" .',
        content_type="application/n-triples",
        headers=AUTH,
    )
    assert added.status_code == 204
    got = client.get(url + "&format=nt")
    assert triples_of(got.data) == expected(
        b'<http://example.org/c> <http://example.org/p> "3" . '
        b'<http://example.org/d> <http://example.org/p> "4" .'
    )
    assert count(client) == 2  # /sparql sees the graph store's writes
    assert client.delete(url).status_code == 401
    assert client.delete(url, headers=AUTH).status_code == 204
    assert client.get(url).status_code == 404
    assert client.delete(url, headers=AUTH).status_code == 404


def test_graph_store_default_graph_and_errors(app):
    client = app.test_client()
    put = client.put("/sparql/graph?default", data=TTL, content_type="text/turtle", headers=AUTH)
    assert put.status_code == 204
    got = client.get("/sparql/graph?default", headers={"Accept": "text/turtle"})
    assert triples_of(got.data, ox.RdfFormat.TURTLE) == expected(TTL)
    both = client.get("/sparql/graph?default&graph=" + G)
    assert (both.status_code, both.get_data(as_text=True)) == (
        400,
        "Name exactly one graph: ?graph=<IRI> or ?default.\n",
    )
    bad = client.put(
        "/sparql/graph?graph=" + G,
        data=b"@prefix broken",
        content_type="text/turtle",
        headers=AUTH,
    )
    assert bad.status_code == 400
    assert bad.get_data(as_text=True).startswith("The body is not valid text/turtle: ")
    wrong = client.put(
        "/sparql/graph?graph=" + G, data=b"{}", content_type="application/json", headers=AUTH
    )
    assert wrong.status_code == 415
    preflight = client.options("/sparql/graph")
    assert preflight.status_code == 204
    assert "PUT" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]


# -- Service Description, 405 -------------------------------------------------------------
@pytest.mark.parametrize(
    ("media", "rdf_format"),
    [
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ],
)
def test_service_description_in_each_rdf_format(app, media, rdf_format):
    client = app.test_client()
    response = client.get("/sparql", headers={"Accept": media})
    assert response.status_code == 200
    assert response.mimetype == media
    settings = app.extensions["gaia_kg"].settings
    triples = service_description(
        "http://localhost/sparql", "http://localhost/sparql/update", settings
    )
    want = as_graph(triples)
    # rdflib's JSON-LD parser warns (ConjunctiveGraph): read every format with pyoxigraph
    parsed = ox.serialize(ox.parse(response.data, rdf_format), format=ox.RdfFormat.N_QUADS)
    got = Graph().parse(data=parsed, format="nt")
    assert isomorphic(got, want)


def test_service_description_defaults_to_turtle_and_browsers_get_the_editor_link(app):
    client = app.test_client()
    assert client.get("/sparql").mimetype == "text/turtle"
    page = client.get("/sparql?lang=fr", headers={"Accept": "text/html,*/*;q=0.8"})
    assert page.mimetype == "text/html"
    assert '<a href="/editor?lang=fr">Ouvrir l&#39;éditeur de requêtes</a>' in page.text


def test_undeclared_methods_are_405_with_allow(app):
    response = app.test_client().put("/sparql", data=b"x")
    assert response.status_code == 405
    assert response.get_data(as_text=True) == "Method not allowed.\n"
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "POST", "OPTIONS"}


# -- roles: time limits and concurrency ---------------------------------------------------
@pytest.fixture
def slow_app():
    store = EmbeddedStore(None)
    triples = [
        ox.Triple(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(EX + "p"), ox.Literal(i))
        for i in range(3000)
    ]
    store.replace_graph(ox.NamedNode(G), triples)
    with app_over(
        store,
        workers=1,
        light_query_workers=0,  # no light lane: a full role refuses at once
        query_timeout=1.0,
        token_query_timeout=2.0,
        admin_tokens=(TOKEN,),
    ) as app:
        yield app


def test_each_role_has_its_time_limit(slow_app):
    client = slow_app.test_client()
    started = time.monotonic()
    anonymous = client.get("/sparql", query_string={"query": SLOW})
    middle = time.monotonic()
    token = client.get("/sparql", query_string={"query": SLOW}, headers=AUTH)
    ended = time.monotonic()
    assert anonymous.status_code == token.status_code == 504
    assert anonymous.text == "The query was stopped after the time limit of 1 s.\n"
    assert token.text == "The query was stopped after the time limit of 2 s.\n"
    assert 1.0 <= middle - started < 2.0
    assert 2.0 <= ended - middle < 3.0


def test_a_full_role_is_refused_503_with_retry_after_and_others_go_on(slow_app):
    answers = {}

    def slow():
        answers["slow"] = slow_app.test_client().get("/sparql", query_string={"query": SLOW})

    thread = threading.Thread(target=slow)
    thread.start()
    gate = slow_app.extensions["gaia_kg"].gate
    while gate.running("anonymous") == 0:
        time.sleep(0.01)
    client = slow_app.test_client()
    refused = client.get("/sparql", query_string={"query": COUNT_G})
    assert refused.status_code == 503
    assert refused.headers["Retry-After"] == "1"
    assert refused.text == (
        "Too many queries at once for anonymous users (1 at most); try again in 1 s.\n"
    )
    assert count(client, headers=AUTH) == 3000  # token holders have their own workers
    thread.join()
    assert answers["slow"].status_code == 504
    assert count(client) == 3000  # the slot is free again


@pytest.mark.parametrize(
    ("update", "lang", "message"),
    [
        (
            f"DROP GRAPH <{G}>",
            "en",
            f"The graph <{G}> does not exist: nothing was changed. Write SILENT after the "
            "operation (as in DROP SILENT GRAPH) to ignore a missing graph.\n",
        ),
        (
            f"CLEAR GRAPH <{G}>",
            "fr",
            f"Le graphe <{G}> n'existe pas : rien n'a été modifié. Écrivez SILENT après "
            "l’opération (comme dans DROP SILENT GRAPH) pour ignorer un graphe absent.\n",
        ),
        (
            f"INSERT DATA {{ GRAPH <{G}> {{ <{EX}s> <{EX}p> 1 }} }} ; CREATE GRAPH <{G}>",
            "en",
            f"The graph <{G}> already exists: nothing was changed. Add SILENT (CREATE SILENT "
            "GRAPH …) to ignore an existing graph.\n",
        ),
    ],
)
def test_an_update_the_graphs_state_forbids_is_a_409_that_changes_nothing(
    app, update, lang, message
):
    client = app.test_client()
    response = client.post(f"/sparql/update?lang={lang}", data={"update": update}, headers=AUTH)
    assert (response.status_code, response.get_data(as_text=True)) == (409, message)
    assert count(client) == 0  # the whole request failed: its INSERT is not kept
    silent = update.replace("DROP GRAPH", "DROP SILENT GRAPH").replace(
        "CLEAR GRAPH", "CLEAR SILENT GRAPH"
    )
    silent = silent.replace("CREATE GRAPH", "CREATE SILENT GRAPH")
    assert client.post("/sparql/update", data={"update": silent}, headers=AUTH).status_code == 204
