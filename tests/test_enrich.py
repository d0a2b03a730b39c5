"""Keyword → concept linking during a load."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from graph_loader.bootstrap import initialise
from graph_loader.pipeline import load_paths
from graph_loader.records import record_graph_iri
from graph_loader.store import EmbeddedStore
from graph_loader.vocab import load_vocabulary

FIX = Path(__file__).parent / "fixtures" / "enrich" / "keywords.ttl"
DATASET = "https://data.gaia-data.fr/id/dataset/keywords"
TH = "https://w3id.org/gaia-kg/thesaurus/"
THEME = "http://www.w3.org/ns/dcat#theme"
VARIABLE = "https://w3id.org/gaia-kg/ontology#variable"
PATH = "EARTH SCIENCE > ATMOSPHERE > AEROSOLS > AEROSOL OPTICAL DEPTH/THICKNESS"


def links(store) -> set[tuple[str, str]]:
    graph = record_graph_iri(DATASET)
    return {
        (t.predicate.value, t.object.value)
        for t in store.graph_triples(graph)
        if t.predicate.value in (THEME, VARIABLE)
    }


def keywords(store) -> set[str]:
    graph = record_graph_iri(DATASET)
    return {
        t.object.value for t in store.graph_triples(graph) if t.predicate.value.endswith("#keyword")
    }


def test_keywords_land_on_thesaurus_concepts_and_are_kept():
    store = EmbeddedStore(None)
    list(initialise(store, infer=False))
    report = load_paths(store, [FIX], base_iri="https://data.gaia-data.fr/")
    assert links(store) == {
        (THEME, TH + "sea-surface-temperature"),
        (VARIABLE, TH + "sea-surface-temperature"),
        (THEME, TH + "aerosol-optical-depth"),
        (VARIABLE, TH + "aerosol-optical-depth"),
    }
    assert keywords(store) == {
        "Température de surface de la mer",
        "SST",
        "aerosol optical depth",
        PATH,
        "not a concept",
    }
    assert report.keywords.linked == Counter({"keywords.ttl": 3})
    assert report.keywords.unmatched == {"keywords.ttl": Counter({PATH: 1, "not a concept": 1})}


def test_gcmd_keyword_paths_land_through_the_alignments(shared):
    store = EmbeddedStore(None)
    list(initialise(store, infer=False))
    load_vocabulary(store, shared / "corpora" / "gcmd" / "sciencekeywords.rdf")
    report = load_paths(store, [FIX], base_iri="https://data.gaia-data.fr/")
    assert report.keywords.linked == Counter({"keywords.ttl": 4})
    assert report.keywords.unmatched == {"keywords.ttl": Counter({"not a concept": 1})}
    assert (VARIABLE, TH + "aerosol-optical-depth") in links(store)


def test_nothing_is_linked_without_a_thesaurus():
    store = EmbeddedStore(None)
    report = load_paths(store, [FIX], base_iri="https://data.gaia-data.fr/")
    assert links(store) == set()
    assert sum(report.keywords.unmatched["keywords.ttl"].values()) == 5
    assert ox.NamedNode(DATASET) in {
        t.subject for t in store.graph_triples(record_graph_iri(DATASET))
    }


def test_records_already_in_the_thesaurus_are_left_as_tagged(tmp_path):
    tagged = tmp_path / "tagged.ttl"
    tagged.write_text(
        FIX.read_text(encoding="utf-8").replace(
            '"not a concept"@en .',
            f'"not a concept"@en ;\n    <{VARIABLE}> <{TH}ozone> .',
        ),
        encoding="utf-8",
    )
    store = EmbeddedStore(None)
    list(initialise(store, infer=False))
    report = load_paths(store, [tagged], base_iri="https://data.gaia-data.fr/")
    assert links(store) == {(VARIABLE, TH + "ozone")}
    assert report.keywords.linked == Counter()
    assert report.keywords.unmatched == {}
