"""The inference graph: exactly the expected triples, rebuildable, never stale, never duplicated."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from helpers import as_graph, assert_isomorphic
from rdflib import Graph

from graph_loader.backends import open_store
from graph_loader.errors import StoreError
from graph_loader.inference import InferenceReport, load_ontology, rebuild_inference
from graph_loader.ontology import read_schema
from graph_loader.store import Store
from graph_loader.terms import GRAPHS_NS, INFERENCE_GRAPH, THESAURUS_GRAPH

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "inference"
ORG_GRAPH = ox.NamedNode(GRAPHS_NS + "vocabulary/organisations")
RECORD = ox.NamedNode(GRAPHS_NS + "record/test/sst")
T = "https://w3id.org/gaia-kg/thesaurus/"
ID = "https://data.gaia-data.fr/id/"

EXPECTED_COUNTS = {
    "subclass": 9,
    "subproperty": 5,
    "inverse": 6,
    "transitive": 6,
    "chain": 1,
    "compartment": 4,
}


def _triples(name: str) -> list[ox.Triple]:
    return [q.triple for q in ox.parse(path=FIXTURES / name, format=ox.RdfFormat.TURTLE)]


def _inferred(store: Store) -> Graph:
    return as_graph(store.graph_triples(INFERENCE_GRAPH))


def _expected(*, without: set[ox.Triple] = frozenset()) -> Graph:
    return as_graph(t for t in _triples("expected.ttl") if t not in without)


@pytest.fixture
def store(any_store) -> Store:
    """The fixture graphs, on the embedded store and on a real remote SPARQL server."""
    store = any_store
    load_ontology(store)
    store.replace_graph(THESAURUS_GRAPH, _triples("thesaurus.ttl"))
    store.replace_graph(ORG_GRAPH, _triples("organisations.ttl"))
    store.replace_graph(RECORD, _triples("record-sst.ttl"))
    return store


def test_inference_graph_is_exactly_the_expected_graph(store):
    report = rebuild_inference(store)
    assert_isomorphic(_inferred(store), _expected())
    assert (report.counts, report.total) == (EXPECTED_COUNTS, 26)
    assert report.seconds > 0  # measured, not bounded: timings belong in bench/


def test_rebuilding_twice_gives_the_same_graph(store):
    first = rebuild_inference(store)
    graph = set(store.graph_triples(INFERENCE_GRAPH))
    second = rebuild_inference(store)
    assert set(store.graph_triples(INFERENCE_GRAPH)) == graph
    assert (second.counts, second.total) == (first.counts, first.total)


def _n(local: str, base: str = T) -> ox.NamedNode:
    return ox.NamedNode(base + local)


SKOS = "http://www.w3.org/2004/02/skos/core#"
GAIA = "https://w3id.org/gaia-kg/ontology#"
DCAT = "http://www.w3.org/ns/dcat#"
DATASET = _n("dataset/sst", ID)
SST, OT, OCEANS = _n("sea-surface-temperature"), _n("ocean-temperature"), _n("oceans")


def _t(s: ox.NamedNode, ns: str, local: str, o: ox.NamedNode) -> ox.Triple:
    return ox.Triple(s, ox.NamedNode(ns + local), o)


# A removed data triple, and the consequences that must disappear with it.
REMOVALS = {
    "variable": (
        RECORD,
        _t(DATASET, GAIA, "variable", SST),
        {_t(DATASET, DCAT, "theme", SST), _t(DATASET, GAIA, "compartment", OCEANS)},
    ),
    # broader is asserted one way, narrower the other: the old inferred skos:broader
    # (from narrower) must not keep the hierarchy alive.
    "narrower": (
        THESAURUS_GRAPH,
        _t(OCEANS, SKOS, "narrower", OT),
        {
            _t(OT, SKOS, "broader", OCEANS),
            _t(OT, SKOS, "broaderTransitive", OCEANS),
            _t(OCEANS, SKOS, "narrowerTransitive", OT),
            _t(SST, SKOS, "broaderTransitive", OCEANS),
            _t(OCEANS, SKOS, "narrowerTransitive", SST),
            _t(OT, GAIA, "compartment", OCEANS),
            _t(SST, GAIA, "compartment", OCEANS),
            _t(DATASET, GAIA, "compartment", OCEANS),
        },
    ),
}


@pytest.mark.parametrize("case", sorted(REMOVALS))
def test_removing_a_data_triple_removes_its_consequences(store, case):
    graph, removed, consequences = REMOVALS[case]
    rebuild_inference(store)
    assert consequences <= set(store.graph_triples(INFERENCE_GRAPH))
    remaining = [t for t in store.graph_triples(graph) if t != removed]
    assert len(remaining) == len(store.graph_triples(graph)) - 1
    store.replace_graph(graph, remaining)
    rebuild_inference(store)
    assert_isomorphic(_inferred(store), _expected(without=consequences))


def test_asserted_triples_are_never_in_the_inference_graph(store):
    rebuild_inference(store)
    asserted = {
        t for g in store.named_graphs() if g != INFERENCE_GRAPH for t in store.graph_triples(g)
    }
    assert asserted & set(store.graph_triples(INFERENCE_GRAPH)) == set()
    # The fixture asserts some entailed triples: they stay out.
    for triple in (
        _t(DATASET, "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "type", _n("Resource", DCAT)),
        _t(DATASET, "http://purl.org/dc/terms/", "relation", _n("software/sst-tools", ID)),
        _t(OCEANS, SKOS, "narrower", OT),
    ):
        assert triple in asserted


def test_old_inference_content_is_replaced_not_kept(store):
    junk = _t(OCEANS, SKOS, "broader", SST)
    store.replace_graph(INFERENCE_GRAPH, [junk])
    rebuild_inference(store)
    assert_isomorphic(_inferred(store), _expected())


def test_a_broader_cycle_closes_without_reflexive_pairs():
    store = open_store(":memory:")
    load_ontology(store)
    store.replace_graph(THESAURUS_GRAPH, _triples("vocab-cycle.ttl"))
    report = rebuild_inference(store)
    a, b = ox.NamedNode("https://example.org/cycle/a"), ox.NamedNode("https://example.org/cycle/b")
    assert set(store.graph_triples(INFERENCE_GRAPH)) == {
        _t(a, SKOS, "broaderTransitive", b),
        _t(b, SKOS, "broaderTransitive", a),
        _t(a, SKOS, "narrower", b),
        _t(b, SKOS, "narrower", a),
        _t(a, SKOS, "narrowerTransitive", b),
        _t(b, SKOS, "narrowerTransitive", a),
    }
    assert report.total == 6


def test_without_ontology_the_rebuild_says_what_to_do():
    store = open_store(":memory:")
    with pytest.raises(StoreError, match="load_ontology"):
        read_schema(store)
    with pytest.raises(StoreError, match="chargez-la"):
        rebuild_inference(store)


def test_report_lines_in_french_and_english():
    report = InferenceReport(counts=dict(EXPECTED_COUNTS), total=26, seconds=0.25)
    assert str(report) == (
        "inference graph: 26 triples in 0.25 s (subclass 9, subproperty 5, inverse 6, "
        "transitive 6, chain 1, compartment 4)"
    )
    assert report.lines("en") == [
        "sub-classes (rdf:type): 9",
        "sub-properties: 5",
        "inverses and symmetric: 6",
        "transitive closures: 6",
        "property chains: 1",
        "compartments: 4",
        "total: 26 (0.25 s)",
    ]
    assert report.lines("fr") == [
        "sous-classes (rdf:type) : 9",
        "sous-propriétés : 5",
        "inverses et symétriques : 6",
        "fermetures transitives : 6",
        "chaînes de propriétés : 1",
        "compartiments : 4",
        "au total : 26 (0.25 s)",
    ]
