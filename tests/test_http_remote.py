"""The HTTP layer over a real remote SPARQL server (``oxigraph serve`` on 127.0.0.1)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from http_support import RECORD_GRAPH, fill
from test_http_resources import iagos
from test_http_sparql import CONSTRUCT_FR, EXPECTED_ROWS, EXPECTED_TRIPLES, SELECT_FR, rows_of

from graph_loader import feed
from graph_loader.backends import remote_store
from graph_loader.config import Settings
from sparql_api import create_app

pytestmark = pytest.mark.remote


@pytest.fixture
def client(oxigraph_server):
    store = remote_store(oxigraph_server)
    store.update("DROP ALL")
    fill(store)
    app = create_app(Settings(store=oxigraph_server))
    yield app.test_client()
    app.extensions["gaia_kg"].close()
    store.update("DROP ALL")


def test_sparql_select_and_construct_through_a_remote_store(client):
    response = client.get("/sparql", query_string={"query": SELECT_FR, "format": "xml"})
    assert rows_of(response.data, ox.QueryResultsFormat.XML) == EXPECTED_ROWS
    response = client.get("/sparql", query_string={"query": CONSTRUCT_FR, "format": "nt"})
    triples = {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in ox.parse(response.data, format=ox.RdfFormat.N_TRIPLES)
    }
    assert triples == EXPECTED_TRIPLES


def test_syntax_error_and_dataset_through_a_remote_store(client):
    assert client.get("/sparql", query_string={"query": "SELEC"}).status_code == 400
    # default-graph-uri is passed on to the remote store's endpoint
    response = client.get(
        "/sparql", query_string={"query": SELECT_FR, "default-graph-uri": RECORD_GRAPH.value}
    )
    assert rows_of(response.data, ox.QueryResultsFormat.JSON) == EXPECTED_ROWS[2:]
    response = client.get(
        "/sparql", query_string={"query": SELECT_FR, "default-graph-uri": "http://x/g"}
    )
    assert rows_of(response.data, ox.QueryResultsFormat.JSON) == []


def test_resource_and_health_through_a_remote_store(client):
    assert client.get("/api/resources/dataset/iagos-co").json == iagos("en")
    health = client.get("/health").json
    assert (health["status"], health["store"]["backend"], health["store"]["records"]) == (
        "ok",
        "remote",
        1,
    )


def test_writes_with_a_token_go_to_the_remote_store(oxigraph_server):
    store = remote_store(oxigraph_server)
    store.update("DROP ALL")
    app = create_app(Settings(store=oxigraph_server, admin_tokens=("tok",)))
    auth = {"Authorization": "Bearer tok"}
    graph = "http://example.org/g"
    try:
        client = app.test_client()
        triple = "<http://example.org/s> <http://example.org/p> 1"
        insert = f"INSERT DATA {{ GRAPH <{graph}> {{ {triple} }} }}"
        assert client.post("/sparql/update", data={"update": insert}).status_code == 401
        assert (
            client.post("/sparql/update", data={"update": insert}, headers=auth).status_code == 204
        )
        body = b"<http://example.org/s> <http://example.org/q> <http://example.org/o> ."
        put = client.put(
            f"/sparql/graph?graph={graph}x",
            data=body,
            content_type="application/n-triples",
            headers=auth,
        )
        assert put.status_code == 201
        got = client.get(f"/sparql/graph?graph={graph}x&format=nt")
        assert got.status_code == 200
        assert got.data.decode().strip() == body.decode()
        # with the change feed, whose two entries name the graphs written
        feed_graph = str(feed.FEED_GRAPH)
        assert {str(g) for g in store.named_graphs()} == {f"<{graph}>", f"<{graph}x>", feed_graph}
        assert [e.sequence for e in feed.entries_after(store, 0)] == [1, 2]
        # oxigraph serve answers 500 to a DROP of a missing graph; gaia-kg answers 409
        drop = client.post("/sparql/update", data={"update": "DROP GRAPH <urn:x>"}, headers=auth)
        assert (drop.status_code, drop.get_data(as_text=True)) == (
            409,
            "The graph <urn:x> does not exist: nothing was changed. Write SILENT after the "
            "operation (as in DROP SILENT GRAPH) to ignore a missing graph.\n",
        )
    finally:
        app.extensions["gaia_kg"].close()
        store.update("DROP ALL")
