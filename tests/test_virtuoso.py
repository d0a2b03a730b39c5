"""What Virtuoso does its own way, handled by :class:`graph_loader.virtuoso.VirtuosoStore`:
system graphs, terms, the silent row cap, partial answers on timeout, Digest authentication,
the demo through the CLI, and two API processes over one Virtuoso store."""

from __future__ import annotations

import re
import time

import pyoxigraph as ox
import pytest
from helpers import as_graph
from rdflib.compare import isomorphic
from test_http_sparql import SELECT_FR, rows_of
from test_virtuoso_suite import client  # noqa: F401
from virtuoso_support import VirtuosoServer, skip_without_virtuoso, virtuoso_server  # noqa: F401

from graph_loader.backends import open_store, remote_store
from graph_loader.errors import GraphConflict, QueryError, QueryTimeout, StoreError
from graph_loader.remote import RemoteStore
from graph_loader.store import GraphWrite
from graph_loader.virtuoso import VirtuosoStore

pytestmark = pytest.mark.remote

EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
WKT = "http://www.opengis.net/ont/geosparql#wktLiteral"
WKT_IRI = ox.NamedNode(WKT)
G = ox.NamedNode(EX + "terms")
S, P = ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p")


@pytest.fixture
def vstore(virtuoso_server):  # noqa: F811
    store = VirtuosoStore.from_spec("virtuoso+" + virtuoso_server)
    store.clear()
    yield store
    store.clear()
    store.close()


def _typed(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(datatype))


def test_system_graphs_are_invisible_and_survive_drop_all(vstore, virtuoso_server):  # noqa: F811
    assert "http://www.openlinksw.com/schemas/virtrdf#" in vstore.system_graphs()
    assert (vstore.named_graphs(), vstore.triple_count(), vstore.dump()) == ([], 0, b"")
    assert vstore.select("SELECT * WHERE { ?s ?p ?o }") == []
    vstore.write_graphs([GraphWrite(G, [ox.Triple(S, P, ox.Literal("x"))])])
    vstore.update("DROP ALL")
    assert vstore.named_graphs() == []
    fresh = VirtuosoStore.from_spec(virtuoso_server)
    assert "http://www.openlinksw.com/schemas/virtrdf#" in fresh.system_graphs()
    fresh.close()


def test_terms_come_back_as_written(vstore):
    b1, b2 = ox.BlankNode(), ox.BlankNode()
    written = [
        ox.Triple(S, P, ox.Literal("un été", language="fr")),
        ox.Triple(S, P, ox.Literal("colour", language="en-gb")),
        ox.Triple(S, P, ox.Literal('line 1\nline 2\t"quoted" \\ 𝄞 <b>&amp;</b>')),
        ox.Triple(S, P, _typed("42", XSD + "integer")),
        ox.Triple(S, P, _typed("1.5", XSD + "decimal")),
        ox.Triple(S, P, _typed("true", XSD + "boolean")),
        ox.Triple(S, P, _typed("2021-03-04", XSD + "date")),
        ox.Triple(S, P, _typed("2020-01-02T10:00:00Z", XSD + "dateTime")),
        ox.Triple(S, P, _typed("2019", XSD + "gYear")),
        ox.Triple(S, P, _typed("https://x.org/a", XSD + "anyURI")),
        ox.Triple(S, P, _typed("x", EX + "datatype")),
        ox.Triple(S, P, _typed("POLYGON((-45 40, -8 40, -8 62, -45 62, -45 40))", WKT)),
        ox.Triple(S, P, _typed("POLYGON((-180 60,180 60,180 90,-180 90,-180 60))", WKT)),
        ox.Triple(S, P, b1),
        ox.Triple(b1, P, b2),
        ox.Triple(b2, P, ox.Literal("inside")),
    ]
    vstore.write_graphs([GraphWrite(G, written)])
    expected = as_graph(written)
    assert isomorphic(as_graph(vstore.graph_triples(G)), expected)
    assert isomorphic(as_graph(vstore.query("CONSTRUCT WHERE { ?s ?p ?o }")), expected)
    rows = vstore.select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert isomorphic(as_graph(ox.Triple(r["s"], r["p"], r["o"]) for r in rows), expected)
    assert bool(vstore.query("ASK { ?s ?p true }")) is True
    shapes = [t.object for t in written if WKT in str(t.object)]
    rows = vstore.select("SELECT ?o WHERE { ?s ?p ?o FILTER(datatype(?o) = ?t) }", {"t": WKT_IRI})
    assert sorted(r["o"].value for r in rows) == sorted(o.value for o in shapes)
    assert vstore.select("SELECT ?s WHERE { ?s ?p ?o }", {"o": shapes[1]}) == [{"s": S}]
    kinds = vstore.select("SELECT DISTINCT (datatype(?o) AS ?t) WHERE { ?s ?p ?o } ORDER BY ?t")
    assert WKT_IRI in [r.get("t") for r in kinds]


def test_more_than_ten_thousand_rows_all_come_back(vstore):
    triples = [ox.Triple(ox.NamedNode(f"{EX}s{i}"), P, ox.Literal(str(i))) for i in range(25_000)]
    vstore.write_graphs([GraphWrite(G, triples)])
    rows = vstore.select("SELECT ?s ?o WHERE { ?s ?p ?o }")
    assert {ox.Triple(r["s"], P, r["o"]) for r in rows} == set(triples)
    assert len(rows) == 25_000 == vstore.triple_count()


def test_a_truncated_answer_is_an_error_not_a_result(tmp_path):
    skip_without_virtuoso()
    with VirtuosoServer(tmp_path, {("SPARQL", "ResultSetMaxRows"): "100"}) as server:
        server.grant_update()
        store = VirtuosoStore.from_spec(server.sparql)
        triples = [ox.Triple(ox.NamedNode(f"{EX}s{i}"), P, ox.Literal("v")) for i in range(150)]
        store.write_graphs([GraphWrite(G, triples)])
        # an answer of exactly the cap is reported as truncated too: Virtuoso cannot tell
        assert len(store.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 99")) == 99
        with pytest.raises(StoreError, match="truncated at 100 rows .*ResultSetMaxRows"):
            store.select("SELECT ?s WHERE { ?s ?p ?o }")
        store.close()


def test_a_long_query_is_stopped_within_its_limit(vstore):
    triples = [ox.Triple(ox.NamedNode(f"{EX}s{i}"), P, ox.Literal(str(i))) for i in range(3000)]
    vstore.write_graphs([GraphWrite(G, triples)])
    cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?c != ?i) }"
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="query stopped after 1 s"):
        vstore.query(cartesian, timeout=1)
    assert time.monotonic() - started < 1 + 1
    count = vstore.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert count == [{"n": _typed("3000", XSD + "integer")}]


def test_credentials_use_digest_authentication(virtuoso_server):  # noqa: F811
    host = virtuoso_server.removeprefix("http://")
    store = remote_store(f"virtuoso+http://dba:dba@{host}/sparql")
    assert (store.query_url, store.gsp_url) == (
        virtuoso_server + "/sparql-auth",
        virtuoso_server + "/sparql-graph-crud-auth",
    )
    store.write_graphs([GraphWrite(G, [ox.Triple(S, P, ox.Literal("dba"))])])
    assert store.graph_triples(G) == [ox.Triple(S, P, ox.Literal("dba"))]
    store.drop_graphs([G])
    assert store.named_graphs() == []
    store.close()
    wrong = remote_store(f"virtuoso+http://dba:wrong@{host}")
    with pytest.raises(StoreError, match="HTTP 401"):
        wrong.write_graphs([GraphWrite(G, [ox.Triple(S, P, ox.Literal("x"))])])
    wrong.close()


def test_a_virtuoso_endpoint_url_is_recognised(virtuoso_server, oxigraph_server):  # noqa: F811
    store = open_store(virtuoso_server + "/sparql")
    assert isinstance(store, VirtuosoStore)
    assert store.query_url == virtuoso_server + "/sparql"
    store.close()
    plain = open_store(oxigraph_server)
    assert type(plain) is RemoteStore and plain.query_url == oxigraph_server + "/query"
    with pytest.raises(QueryError, match="syntax error"):
        VirtuosoStore.from_spec(virtuoso_server).query("SELEC ?x")


def test_protocol_dataset_is_honoured(client):  # noqa: F811
    assert client.get("/sparql", query_string={"query": "SELEC"}).status_code == 400
    graphs = client.get(
        "/sparql",
        query_string={
            "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d ?p ?o } }",
            "format": "xml",
        },
    )
    parsed = ox.parse_query_results(graphs.data, ox.QueryResultsFormat.XML)
    names = sorted(r["g"].value for r in parsed)
    assert names and not any(re.search("openlinksw|localhost", n) for n in names)
    everything = client.get("/sparql", query_string={"query": SELECT_FR, "format": "xml"})
    expected = rows_of(everything.data, ox.QueryResultsFormat.XML)
    per_graph = []
    for name in names:
        response = client.get(
            "/sparql", query_string={"query": SELECT_FR, "format": "xml", "default-graph-uri": name}
        )
        assert response.status_code == 200
        per_graph += rows_of(response.data, ox.QueryResultsFormat.XML)
    assert expected and sorted(per_graph, key=str) == sorted(expected, key=str)


def test_ask_about_an_absent_graph_is_false(vstore):
    vstore.write_graphs([GraphWrite(G, [ox.Triple(S, P, ox.Literal("x"))])])
    absent = ox.NamedNode(EX + "absent")
    ask = "PREFIX ask: <http://example.org/ask#>\n# ASK\nASK WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert bool(vstore.query(ask, {"g": G})) is True
    assert bool(vstore.query(ask, {"g": absent})) is False
    assert bool(vstore.query("ASK { ?s ?p 'x' }")) is True
    vstore.update(f"DROP GRAPH {G}")
    assert vstore.named_graphs() == []
    with pytest.raises(GraphConflict, match=f"^The graph {G} does not exist$"):
        vstore.update(f"DROP GRAPH {G}")


def test_delete_where_over_every_graph(vstore):
    graphs = [ox.NamedNode(f"{EX}g{i}") for i in range(4)]
    keep = ox.Triple(S, ox.NamedNode(EX + "keep"), ox.Literal("kept"))
    vstore.write_graphs(
        [GraphWrite(g, [ox.Triple(S, P, ox.Literal(g.value)), keep]) for g in graphs]
    )
    system = vstore.system_graphs()
    vstore.update(f"DELETE WHERE {{ GRAPH ?g {{ ?s {P} ?o }} }}")
    assert {g: vstore.graph_triples(g) for g in graphs} == {g: [keep] for g in graphs}
    vstore.update('DELETE WHERE { GRAPH ?g { ?s ?p "kept" } }')
    assert vstore.named_graphs() == []
    fresh = VirtuosoStore.from_spec(vstore.query_url)
    assert fresh.system_graphs() == system
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    rows = fresh.select(count, {"g": ox.NamedNode("http://www.openlinksw.com/schemas/virtrdf#")})
    assert int(rows[0]["n"].value) > 1000
    fresh.close()


def test_the_endpoint_stops_a_long_query_and_keeps_answering(vstore, virtuoso_server):  # noqa: F811
    from concurrent.futures import ThreadPoolExecutor

    from graph_loader.config import Settings
    from sparql_api import create_app

    triples = [ox.Triple(ox.NamedNode(f"{EX}s{i}"), P, ox.Literal(str(i))) for i in range(3000)]
    vstore.write_graphs([GraphWrite(G, triples)])
    app = create_app(Settings(store=virtuoso_server + "/sparql", query_timeout=1.0))
    api = app.test_client()
    cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?c != ?i) }"
    small = "SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o LIMIT 2"

    def timed(query: str) -> tuple[int, float]:
        started = time.monotonic()
        response = api.get("/sparql", query_string={"query": query, "format": "json"})
        return response.status_code, time.monotonic() - started

    try:
        with ThreadPoolExecutor(2) as pool:
            long = pool.submit(timed, cartesian)
            time.sleep(0.2)
            status, seconds = timed(small)
            assert status == 200 and seconds < 1
            status, seconds = long.result()
        assert status == 504 and seconds < 1 + 1
        response = api.get("/sparql", query_string={"query": small, "format": "json"})
        values = [b["o"]["value"] for b in response.json["results"]["bindings"]]
        assert values == ["0", "1"]
    finally:
        app.extensions["gaia_kg"].close()
