"""A vocabulary among the files of a load is loaded as a vocabulary, not left in a source graph."""

from __future__ import annotations

from helpers import BASE

from graph_loader.backends import open_store
from graph_loader.pipeline import load_paths
from graph_loader.records import record_graph_iri, source_resource
from graph_loader.vocab import vocabulary_graph

SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEME = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://example.org/facets/> a skos:ConceptScheme ; skos:prefLabel "Hazard facets"@en .
<https://example.org/facets/induced> a skos:Concept ; skos:inScheme <https://example.org/facets/> ;
    skos:prefLabel "Induced seismicity"@en ; skos:broader <https://example.org/facets/seismic> .
<https://example.org/facets/seismic> a skos:Concept ; skos:inScheme <https://example.org/facets/> ;
    skos:prefLabel "Seismic hazard"@en .
"""
DATASET = """@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
<https://example.org/d/quakes> a dcat:Dataset ; dct:title "Induced earthquakes of Groningen"@en ;
    dct:description "Catalogue of the earthquakes induced by gas extraction."@en ;
    dcat:keyword "induced seismicity"@en .
"""


def test_a_skos_file_of_a_load_becomes_a_vocabulary(tmp_path):
    (tmp_path / "Hazard_Facets.ttl").write_text(SCHEME)
    (tmp_path / "quakes.ttl").write_text(DATASET)
    store = open_store(":memory:")
    report = load_paths(store, [tmp_path], base_iri=BASE)
    summary = report.summary()
    assert (summary["records"], summary["empty"], summary["unreadable"]) == (1, {}, {})
    assert summary["vocabularies"] == {
        "Hazard_Facets.ttl": "loaded as the vocabulary 'hazard-facets' (2 concepts)"
    }
    graph = vocabulary_graph("hazard-facets")
    got = {(t.subject.value, t.predicate.value, t.object.value) for t in store.graph_triples(graph)}
    facets = "https://example.org/facets/"
    assert (facets + "induced", SKOS + "broaderTransitive", facets + "seismic") in got
    assert (facets + "induced", SKOS + "prefLabel", "Induced seismicity") in got
    # nothing of the vocabulary is kept twice, in a source graph of its file
    source = record_graph_iri(source_resource("Hazard_Facets.ttl").value)
    assert source.value not in {g.value for g in store.named_graphs()}
    assert record_graph_iri("https://example.org/d/quakes").value in {
        g.value for g in store.named_graphs()
    }
    assert report.orphan_subjects == 0


def test_a_skos_file_whose_concepts_records_name_stays_with_them(tmp_path):
    """Reference values that records of the load name (their themes, licences, frequencies)
    are kept in the file's source graph, exported with the records, not made a vocabulary."""
    (tmp_path / "Hazard_Facets.ttl").write_text(SCHEME)
    (tmp_path / "quakes.ttl").write_text(
        DATASET.replace(
            'dcat:keyword "induced seismicity"@en',
            "dcat:theme <https://example.org/facets/induced>",
        )
    )
    store = open_store(":memory:")
    summary = load_paths(store, [tmp_path], base_iri=BASE).summary()
    assert (summary["vocabularies"], summary["supplements"]) == ({}, ["Hazard_Facets.ttl"])
    source = record_graph_iri(source_resource("Hazard_Facets.ttl").value)
    assert source.value in {g.value for g in store.named_graphs()}
