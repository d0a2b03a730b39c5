"""robots.txt, sitemap.xml and the VoID description over the demo catalogue."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
from demo_support import demo_store
from helpers import BASE
from http_support import app_over

from graph_loader.store import EmbeddedStore
from graph_loader.terms import RDF_TYPE, RECORD_GRAPH
from sparql_api.linked_data import crawlers

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
VOID = "http://rdfs.org/ns/void#"
EX = "https://example.org/void/"
RECORDS = """SELECT DISTINCT ?r WHERE { GRAPH ?g {
  ?g a <https://w3id.org/gaia-kg/ontology#RecordGraph> ;
     <https://w3id.org/gaia-kg/ontology#describes> ?r } FILTER(STRSTARTS(STR(?r), ?base)) }"""
CONCEPTS = """SELECT DISTINCT ?c WHERE { GRAPH <https://w3id.org/gaia-kg/graph/thesaurus> {
  ?c a <http://www.w3.org/2004/02/skos/core#Concept> } }"""


@pytest.fixture(scope="module")
def store():
    return demo_store()


@pytest.fixture(scope="module")
def client(store):
    with app_over(store) as app:
        yield app.test_client()


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert (response.status_code, response.mimetype) == (200, "text/plain")
    assert response.data.decode() == (
        "User-agent: *\nAllow: /\nDisallow: /sparql\nDisallow: /editor\nDisallow: /api/\n"
        f"Disallow: /stac/search\n\nSitemap: {BASE}sitemap.xml\n"
    )


def _locs(data: bytes) -> list[tuple[str, str | None]]:
    root = ET.fromstring(data)
    assert root.tag == SM + "urlset"
    return [(u.findtext(SM + "loc"), u.findtext(SM + "lastmod")) for u in root]


def test_the_sitemap_lists_every_page_with_its_lastmod(client, store):
    response = client.get("/sitemap.xml")
    assert (response.status_code, response.mimetype) == (200, "application/xml")
    entries = _locs(response.data)
    records = {
        BASE + "id/" + r["r"].value.removeprefix(BASE + "id/")
        for r in store.select(RECORDS, {"base": ox.Literal(BASE + "id/")})
    }
    concepts = {
        BASE + "concepts/" + r["c"].value.rsplit("/", 1)[-1] for r in store.select(CONCEPTS)
    }
    assert {loc for loc, _ in entries} == {BASE} | records | concepts
    assert len(entries) == 1 + len(records) + len(concepts)
    lastmods = dict(entries)
    assert lastmods[BASE + "id/dataset/amma-atr42-aircraft"] == "2024-11-15"
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", m) for loc, m in entries if loc in records)


def test_every_record_page_of_the_sitemap_dereferences(client):
    for loc, _ in _locs(client.get("/sitemap.xml").data):
        if "/id/" in loc:
            assert client.get(loc.removeprefix(BASE[:-1])).status_code == 200, loc


def test_a_large_sitemap_becomes_an_index_of_parts(client, monkeypatch):
    whole = _locs(client.get("/sitemap.xml").data)
    monkeypatch.setattr(crawlers, "SITEMAP_MAX", 100)
    answers = client.application.extensions["gaia_kg"].answers
    answers.clear()  # kept per state of the store: made again with parts of 100
    monkeypatch.setattr(answers, "size", 0)  # and not kept for the tests that follow
    index = ET.fromstring(client.get("/sitemap.xml").data)
    assert index.tag == SM + "sitemapindex"
    parts = [s.findtext(SM + "loc") for s in index]
    assert parts == [f"{BASE}sitemap.xml?page={n}" for n in range(1, -(-len(whole) // 100) + 1)]
    joined = []
    for part in parts:
        joined += _locs(client.get(part.removeprefix(BASE[:-1])).data)
    assert joined == whole
    assert client.get(f"/sitemap.xml?page={len(parts) + 1}").status_code == 404
    assert client.get("/sitemap.xml?page=zero").status_code == 400


def _void(client, **headers) -> dict:
    response = client.get("/.well-known/void", headers=headers)
    assert response.status_code == 200
    fmt = {"text/turtle": ox.RdfFormat.TURTLE, "application/ld+json": ox.RdfFormat.JSON_LD}
    quads = ox.parse(response.data, format=fmt[response.mimetype])
    by: dict[str, dict[str, list]] = {}
    for q in quads:
        by.setdefault(q.subject.value, {}).setdefault(q.predicate.value, []).append(q.object)
    return by


def test_void_counts_per_class_per_graph_and_per_source(client, store):
    by = _void(client)
    dataset = by[BASE + ".well-known/void#gaia-kg"]
    classes = {
        by[p.value][VOID + "class"][0].value: int(by[p.value][VOID + "entities"][0].value)
        for p in dataset[VOID + "classPartition"]
    }
    assert classes["http://www.w3.org/ns/dcat#Dataset"] == 162
    assert classes["http://www.w3.org/2004/02/skos/core#Concept"] > 100
    subsets = [by[s.value] for s in dataset[VOID + "subset"]]
    graphs = {
        s["http://www.w3.org/ns/sparql-service-description#name"][0].value: int(
            s[VOID + "triples"][0].value
        )
        for s in subsets
        if "http://www.w3.org/ns/sparql-service-description#name" in s
    }
    thesaurus = ox.NamedNode("https://w3id.org/gaia-kg/graph/thesaurus")
    assert graphs[thesaurus.value] == store.triple_count(thesaurus)
    sources = {
        s["http://purl.org/dc/terms/source"][0].value: int(s[VOID + "documents"][0].value)
        for s in subsets
        if "http://purl.org/dc/terms/source" in s
    }
    assert sources["aeris.ttl"] == 60
    assert int(dataset[VOID + "triples"][0].value) == store.triple_count()
    assert _void(client, Accept="application/ld+json") == by


def test_void_describes_each_graph_that_is_not_a_record_and_holds_triples():
    store = EmbeddedStore(None)
    vocabulary, record = ox.NamedNode(EX + "vocabulary"), ox.NamedNode(EX + "record")
    thing = ox.NamedNode(EX + "thing")
    store.replace_graph(vocabulary, [ox.Triple(thing, RDF_TYPE, thing)])
    store.replace_graph(record, [ox.Triple(record, RDF_TYPE, RECORD_GRAPH)])
    store.update(f"CREATE GRAPH <{EX}emptied>")
    named = ox.NamedNode("http://www.w3.org/ns/sparql-service-description#name")
    void = crawlers.void_triples(store, BASE)
    described = {t.object.value: t.subject for t in void if t.predicate == named}
    assert list(described) == [EX + "vocabulary"]
    triples = [
        t.object.value
        for t in void
        if t.subject == described[EX + "vocabulary"] and t.predicate.value == VOID + "triples"
    ]
    assert triples == ["1"]
