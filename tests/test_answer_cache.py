"""Costly pages (``/.well-known/void``, ``/quality``, ``/stac/collections``) are computed once
per state of the store: a write through ``/sparql/update`` or ``/sparql/graph``, or by another
process into an on-disk store, changes their answer (no stale cache)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from concept_support import demo_store
from html_support import parse_html
from http_support import app_over, fill

from graph_loader.config import Settings
from graph_loader.inference import rebuild_inference
from graph_loader.quality import score_store
from graph_loader.store import EmbeddedStore
from sparql_api import create_app
from sparql_api.core.answers import AnswerCache
from sparql_api.linked_data.dereference import describe_triples

TOKEN = "t0ken-for-caches"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
VOID = "http://rdfs.org/ns/void#"
EX = "http://example.org/"


@pytest.fixture
def app():
    store = demo_store()
    rebuild_inference(store)
    score_store(store)
    # no change-feed entry with each update: the counts below are the client's triples alone
    with app_over(store, admin_tokens=(TOKEN,), feed=False) as app:
        yield app
    store.close()


def void_triples(client, base: str) -> int:
    body = client.get("/.well-known/void", headers={"Accept": "text/turtle"}).data
    dataset = ox.NamedNode(base + ".well-known/void#gaia-kg")
    (count,) = [
        q.object.value
        for q in ox.parse(body, ox.RdfFormat.TURTLE)
        if q.subject == dataset and q.predicate == ox.NamedNode(VOID + "triples")
    ]
    return int(count)


def update(client, text: str) -> None:
    response = client.post(
        "/sparql/update", data=text, content_type="application/sparql-update", headers=AUTH
    )
    assert response.status_code == 204, response.text


def test_void_counts_follow_an_update(app):
    client = app.test_client()
    base = app.extensions["gaia_kg"].settings.base_iri
    before = void_triples(client, base)
    assert void_triples(client, base) == before  # answered from the cache
    update(client, f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}p> 1, 2, 3 }} }}")
    assert void_triples(client, base) == before + 3


def sources(client) -> dict[str, int]:
    html = parse_html(client.get("/quality?lang=en").get_data(as_text=True))
    rows = html.find("section", id="sources").find_all("tr")[1:]
    return {row.find("th").text().strip(): int(row.find("td").text()) for row in rows}


def test_the_quality_dashboard_follows_an_update(app):
    client = app.test_client()
    before = sources(client)
    assert sources(client) == before and before["software.ttl"] == 11
    # withdraw one record of software.ttl: its graph and everything in it
    store = app.extensions["gaia_kg"].store
    (graph,) = [
        row["g"].value
        for row in store.select(
            "SELECT ?g WHERE { GRAPH ?g { ?g <https://w3id.org/gaia-kg/ontology#source> "
            '"software.ttl" } } ORDER BY ?g LIMIT 1'
        )
    ]
    update(client, f"DROP GRAPH <{graph}>")
    assert sources(client) == {**before, "software.ttl": 10}


def collection_ids(client) -> list[str]:
    return [c["id"] for c in client.get("/stac/collections").json["collections"]]


FOOTPRINTED = """
@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
@prefix gaia: <https://w3id.org/gaia-kg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{graph}> a gaia:RecordGraph ; gaia:describes <{dataset}> ;
    prov:generatedAtTime "2026-01-01T00:00:00Z"^^xsd:dateTime .
<{dataset}> a dcat:Dataset ; dct:title "Cached or not"@en ;
    dct:spatial [ dcat:bbox "POLYGON((1 2,3 2,3 4,1 4,1 2))" ] .
"""


def test_stac_collections_follow_a_graph_store_write(app):
    client = app.test_client()
    base = app.extensions["gaia_kg"].settings.base_iri
    before = collection_ids(client)
    graph, dataset = base + "graph/record/test/cached", base + "id/dataset/cached-or-not"
    response = client.put(
        "/sparql/graph",
        query_string={"graph": graph},
        data=FOOTPRINTED.format(graph=graph, dataset=dataset),
        content_type="text/turtle",
        headers=AUTH,
    )
    assert response.status_code == 201
    assert collection_ids(client) == sorted([*before, "cached-or-not"])
    assert (
        client.delete("/sparql/graph", query_string={"graph": graph}, headers=AUTH).status_code
        == 204
    )
    assert collection_ids(client) == before


def test_an_on_disk_store_written_by_another_process_is_seen(tmp_path):
    """As when ``gaia-kg load`` writes to the store a server reads."""
    writer = fill(EmbeddedStore(tmp_path / "store"))
    writer.close()
    del writer  # pyoxigraph releases the lock when the store is freed
    # reopen_seconds=0: the folder checked at every request, not once a second
    app = create_app(Settings(store=str(tmp_path / "store"), query_workers=1, reopen_seconds=0))
    try:
        client = app.test_client()
        base = app.extensions["gaia_kg"].settings.base_iri
        before = void_triples(client, base)
        extra = [ox.Triple(ox.NamedNode(EX + "new"), ox.NamedNode(EX + "p"), ox.Literal("x"))]
        writer = EmbeddedStore(tmp_path / "store")
        writer.replace_graph(ox.NamedNode(EX + "g"), extra)
        writer.close()
        assert void_triples(client, base) == before + 1
    finally:
        app.extensions["gaia_kg"].close()


def test_the_cache_keeps_one_answer_per_key_and_version():
    cache, calls = AnswerCache(size=2), []

    def compute(value):
        return lambda: calls.append(value) or value

    assert [cache.get("a", 1, compute("a1")), cache.get("a", 1, compute("again"))] == ["a1", "a1"]
    assert cache.get("a", 2, compute("a2")) == "a2"  # a new version: computed again
    cache.get("b", 2, compute("b2"))
    cache.get("c", 2, compute("c2"))  # over the size: "a", least recently used, is dropped
    assert cache.get("a", 2, compute("a2 again")) == "a2 again"
    assert calls == ["a1", "a2", "b2", "c2", "a2 again"]
    assert AnswerCache(size=0).get("a", 1, compute("none kept")) == "none kept"


def test_labels_kept_for_pages_are_read_again_once_another_process_changed_them(tmp_path):
    """The labels a resource's page and description show of the IRIs it links to are kept
    per snapshot of the store (:class:`graph_loader.memo.SnapshotMemo`): the next page reads
    them from memory, and a snapshot replaced after a write reads them again."""
    base = "https://data.gaia-data.fr/"
    dataset, publisher = ox.NamedNode(base + "id/dataset/memo"), ox.NamedNode(EX + "publisher")
    dct, foaf = "http://purl.org/dc/terms/", "http://xmlns.com/foaf/0.1/"
    record = [
        ox.Triple(dataset, ox.NamedNode(dct + "title"), ox.Literal("Memo", language="en")),
        ox.Triple(dataset, ox.NamedNode(dct + "publisher"), publisher),
    ]

    def agent(name: str) -> list[ox.Triple]:
        return [ox.Triple(publisher, ox.NamedNode(foaf + "name"), ox.Literal(name))]

    writer = EmbeddedStore(tmp_path / "store")
    writer.replace_graph(ox.NamedNode(EX + "record"), record)
    writer.replace_graph(ox.NamedNode(EX + "agent"), agent("Old publisher"))
    writer.close()
    del writer
    app = create_app(Settings(store=str(tmp_path / "store"), query_workers=1, reopen_seconds=0))
    try:
        client, store = app.test_client(), app.extensions["gaia_kg"].store

        def shown() -> list[str]:
            """The publisher names on the page, after checking that the description served
            is the whole one a fresh reader of the store makes."""
            served = client.get("/id/dataset/memo.nt").data
            fresh = EmbeddedStore(tmp_path / "store", read_only=True)
            triples = {q.triple for q in ox.parse(served, format=ox.RdfFormat.N_TRIPLES)}
            assert triples == set(describe_triples(fresh, dataset))
            page = client.get("/id/dataset/memo?lang=en").get_data(as_text=True)
            return [n for n in ("Old publisher", "New publisher") if n in page]

        assert shown() == ["Old publisher"]
        hits = store.memo.hits
        assert shown() == ["Old publisher"]
        assert store.memo.hits > hits  # the second time, from memory
        writer = EmbeddedStore(tmp_path / "store")
        writer.replace_graph(ox.NamedNode(EX + "agent"), agent("New publisher"))
        writer.close()
        assert shown() == ["New publisher"]
    finally:
        app.extensions["gaia_kg"].close()
