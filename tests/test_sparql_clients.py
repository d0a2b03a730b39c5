"""Real clients against a real server: SPARQLWrapper and rdflib's SPARQLStore run SELECT, ASK,
CONSTRUCT and DESCRIBE in every format over waitress; a cartesian product over the demo is
stopped at the limit while the server keeps answering."""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
import urllib.request
from xml.dom.minidom import Document

import pyoxigraph as ox
import pytest
from http_support import app_over
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from sparql_support import demo_store, served
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

DCAT = "http://www.w3.org/ns/dcat#"
ARGOPY = "https://data.gaia-data.fr/id/software/argopy"
SELECT = f"SELECT ?d WHERE {{ ?d a <{DCAT}Dataset> }} ORDER BY ?d LIMIT 3"
ASK = f"ASK {{ ?d a <{DCAT}Dataset> }}"
CONSTRUCT = (
    "PREFIX dct: <http://purl.org/dc/terms/> "
    f"CONSTRUCT {{ ?d dct:title ?t }} WHERE {{ ?d a <{DCAT}Dataset> ; dct:title ?t }}"
)
DESCRIBE = f"DESCRIBE <{ARGOPY}>"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
FAST = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?d a <{DCAT}Dataset> }}"


@pytest.fixture(scope="module")
def store():
    return demo_store()


@pytest.fixture(scope="module")
def endpoint(store):
    with app_over(store, workers=2) as app, served(app) as url:
        yield url + "/sparql"


def expected_rows(store) -> list[str]:
    return [s["d"].value for s in store.raw.query(SELECT, use_default_graph_as_union=True)]


def expected_graph(store, query: str) -> set:
    return set(store.raw.query(query, use_default_graph_as_union=True))


def as_ox(graph: Graph) -> set:
    data = graph.serialize(format="nt", encoding="utf-8")
    return {
        ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, ox.RdfFormat.N_TRIPLES)
    }


def wrapper(endpoint: str, query: str, fmt: str) -> object:
    w = SPARQLWrapper(endpoint)
    w.setQuery(query)
    w.setReturnFormat(fmt)
    return w.query().convert()


# -- SPARQLWrapper --------------------------------------------------------------------------
def test_sparqlwrapper_select_in_every_results_format(endpoint, store):
    rows = expected_rows(store)
    as_json = wrapper(endpoint, SELECT, JSON)
    assert [b["d"]["value"] for b in as_json["results"]["bindings"]] == rows
    as_xml = wrapper(endpoint, SELECT, XML)
    assert isinstance(as_xml, Document)
    assert [u.firstChild.data for u in as_xml.getElementsByTagName("uri")] == rows
    assert wrapper(endpoint, SELECT, CSV).decode().split("\r\n") == ["d", *rows, ""]
    assert wrapper(endpoint, SELECT, TSV).decode().split("\n") == [
        "?d",
        *[f"<{r}>" for r in rows],
        "",
    ]


def test_sparqlwrapper_ask_in_every_results_format(endpoint):
    assert wrapper(endpoint, ASK, JSON)["boolean"] is True
    xml = wrapper(endpoint, ASK, XML)
    assert xml.getElementsByTagName("boolean")[0].firstChild.data == "true"
    assert wrapper(endpoint, ASK, CSV).decode().strip() == "true"
    assert wrapper(endpoint, ASK, TSV).decode().strip() == "true"


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE], ids=["construct", "describe"])
@pytest.mark.parametrize("fmt", [TURTLE, N3, RDFXML, JSONLD, XML])
def test_sparqlwrapper_graph_queries_in_every_graph_format(endpoint, store, query, fmt):
    want = expected_graph(store, query)
    assert want
    answer = wrapper(endpoint, query, fmt)
    if isinstance(answer, bytes):  # Turtle (N3 is answered in Turtle, valid N3)
        got = {
            ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(answer, ox.RdfFormat.TURTLE)
        }
    else:
        got = as_ox(answer)
    assert got == want


# -- rdflib SPARQLStore --------------------------------------------------------------------
@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("return_format", ["xml", "json", "csv", "tsv"])
def test_rdflib_sparqlstore_runs_every_query_form(endpoint, store, return_format, method):
    graph = Graph(store=SPARQLStore(endpoint, returnFormat=return_format, method=method))
    rows = [str(r.d) for r in graph.query(SELECT)]
    assert rows == expected_rows(store)
    assert graph.query(ASK).askAnswer is True
    assert as_ox(graph.query(CONSTRUCT).graph) == expected_graph(store, CONSTRUCT)
    assert as_ox(graph.query(DESCRIBE).graph) == expected_graph(store, DESCRIBE)
    title = Literal("argopy", lang="en")
    assert (URIRef(ARGOPY), URIRef("http://purl.org/dc/terms/title"), title) in graph


# -- the time limit, over a real server ---------------------------------------------------
def get(url: str, query: str, timeout: float = 30) -> tuple[int, bytes]:
    full = url + "?" + urllib.parse.urlencode({"query": query})
    try:
        with urllib.request.urlopen(full, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_a_cartesian_product_stops_at_the_limit_while_other_queries_are_answered(store):
    limit = 2.0
    with app_over(store, workers=2, query_timeout=limit) as app, served(app) as url:
        endpoint = url + "/sparql"
        status, body = get(endpoint, FAST)
        fast_count = json.loads(body)["results"]["bindings"][0]["n"]["value"]
        result = {}

        def cartesian():
            started = time.monotonic()
            result["answer"] = get(endpoint, CARTESIAN)
            result["elapsed"] = time.monotonic() - started

        thread = threading.Thread(target=cartesian)
        thread.start()
        time.sleep(0.2)
        answered = []
        while thread.is_alive():
            started = time.monotonic()
            status, body = get(endpoint, FAST)
            answered.append((status, time.monotonic() - started, body))
            time.sleep(0.1)
        thread.join()
    status, body = result["answer"]
    assert status == 504
    assert body == b"The query was stopped after the time limit of 2 s.\n"
    assert limit <= result["elapsed"] < limit + 1
    assert len(answered) >= 5
    for status, seconds, body in answered:
        assert status == 200 and seconds < 1.0
        assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == fast_count
