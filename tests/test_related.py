"""Related resources of a resource, in both directions, each link with who asserted it."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from helpers import BASE, fresh_store

from graph_loader.records import split_records
from graph_loader.store import GraphWrite
from graph_loader.terms import DESCRIBES, RDF_TYPE, RECORD_GRAPH, SOURCE
from sparql_api.linked_data.related import related_resources

DATA = """
@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> . @prefix cito: <http://purl.org/spar/cito/> .
@prefix gaia: <https://w3id.org/gaia-kg/ontology#> .
<https://data.gaia-data.fr/id/publication/p1> a schema:ScholarlyArticle ;
    schema:name "Un article"@fr, "An article"@en ;
    cito:citesAsDataSource <https://data.gaia-data.fr/id/dataset/d1> .
<https://data.gaia-data.fr/id/software/s1> a schema:SoftwareSourceCode ; schema:name "tool" ;
    gaia:usedWithDataset <https://data.gaia-data.fr/id/dataset/d1> .
"""
DATASET = """
@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
<https://data.gaia-data.fr/id/dataset/d1> a dcat:Dataset ; dct:title "Jeu"@fr, "Set"@en ;
    dct:isReferencedBy <https://data.gaia-data.fr/id/publication/p1> .
<https://data.gaia-data.fr/id/service/w1> a dcat:DataService ; dct:title "WMS"@en ;
    dcat:servesDataset <https://data.gaia-data.fr/id/dataset/d1> .
"""


def _records(text: str, source: str) -> list[GraphWrite]:
    """Record graphs as a load writes them (provenance reduced to what links need); the
    records are too thin for the shapes, which do not matter here."""
    split = split_records(ox.parse(text.encode(), ox.RdfFormat.TURTLE), base_iri=BASE)
    return [
        GraphWrite(
            r.graph,
            [
                ox.Triple(r.graph, RDF_TYPE, RECORD_GRAPH),
                ox.Triple(r.graph, DESCRIBES, r.resource),
                ox.Triple(r.graph, SOURCE, ox.Literal(source)),
            ],
            r.lines,
        )
        for r in split.records
    ]


@pytest.fixture(scope="module")
def store():
    store = fresh_store()
    store.write_graphs(_records(DATA, "links.ttl") + _records(DATASET, "dataset.ttl"))
    return store


def test_links_are_read_both_ways_with_their_sources(store):
    found = related_resources(store, ox.NamedNode(BASE + "id/dataset/d1"), "fr")
    assert found == [
        {
            "iri": BASE + "id/service/w1",
            "kind": "service",
            "label": "WMS",
            "relation": "urn:gaia-kg:servedBy",
            "relationLabel": "servi par",
            "direction": "in",
            "sources": ["dataset.ttl"],
        },
        {
            "iri": BASE + "id/publication/p1",
            "kind": "publication",
            "label": "Un article",
            "relation": "http://purl.org/dc/terms/isReferencedBy",
            "relationLabel": "est référencé par",
            "direction": "out",
            "sources": ["dataset.ttl", "links.ttl"],
        },
        {
            "iri": BASE + "id/software/s1",
            "kind": "software",
            "label": "tool",
            "relation": "https://w3id.org/gaia-kg/ontology#hasSoftware",
            "relationLabel": "logiciel associé",
            "direction": "in",
            "sources": ["links.ttl"],
        },
    ]


def test_the_other_side_reads_the_inverse(store):
    found = related_resources(store, ox.NamedNode(BASE + "id/software/s1"), "en")
    assert [(e["iri"], e["relationLabel"], e["direction"], e["sources"]) for e in found] == [
        (BASE + "id/dataset/d1", "used with dataset", "out", ["links.ttl"])
    ]


def test_a_resource_without_links_has_none(store):
    assert related_resources(store, ox.NamedNode(BASE + "id/dataset/unknown"), "en") == []
