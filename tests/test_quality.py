"""FAIR quality per record: DQV measurements, their labels, the readers, on the demo catalogue."""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from helpers import BASE

from graph_loader.bootstrap import initialise
from graph_loader.inference import rebuild_inference
from graph_loader.namespaces import DCAT
from graph_loader.paths import demo_dir, ontology_dir
from graph_loader.pipeline import load_paths
from graph_loader.quality import (
    DIMENSIONS,
    DQV,
    GQ,
    MEASURES,
    dqv_triples,
    dqv_view,
    measure_record,
    outcomes_from,
    quality_summary,
    quality_triples,
    record_quality,
    score_store,
    scored_kind,
    scores,
)
from graph_loader.queries import load_query
from graph_loader.records import RECORD_KINDS
from graph_loader.store import EmbeddedStore

SHAPES = Path(__file__).resolve().parent / "fixtures" / "shapes"
DS = BASE + "id/dataset/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DESCRIBES = ox.NamedNode("https://w3id.org/gaia-kg/ontology#describes")


def _record(path: Path, iri: str) -> list[ox.Triple]:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    return [ox.Triple(q.subject, q.predicate, q.object) for q in store]


def test_a_complete_dataset_meets_every_dataset_measure():
    iri = ox.NamedNode(DS + "actris-aerosols")
    outcomes = measure_record(iri, "dataset", _record(SHAPES / "dataset-valid-complete.ttl", iri))
    assert outcomes == {n: True for n, m in MEASURES.items() if "dataset" in m.kinds}
    assert scores(outcomes) == {
        "score": 100,
        "findabilityScore": 100,
        "accessibilityScore": 100,
        "interoperabilityScore": 100,
        "reusabilityScore": 100,
    }


def test_the_minimal_dataset_is_scored_on_what_it_lacks():
    iri = ox.NamedNode(DS + "minimal")
    outcomes = measure_record(iri, "dataset", _record(SHAPES / "dataset-valid-minimal.ttl", iri))
    assert outcomes == {
        "title": True,
        "description": True,
        "frenchOrEnglish": True,
        "keyword": False,
        "gaiaTheme": False,
        "persistentIdentifier": False,
        "accessURL": False,
        "openProtocol": False,
        "licence": False,
        "themeIRI": False,
        "format": False,
        "knownLicence": False,
        "provenance": False,
        "contact": False,
    }
    assert scores(outcomes) == {
        "score": 21,  # 3 of 14
        "findabilityScore": 50,
        "accessibilityScore": 0,
        "interoperabilityScore": 0,
        "reusabilityScore": 0,
    }


def test_a_service_has_its_own_measures():
    service = ox.NamedNode(BASE + "id/service/wms")
    dct, dcat = "http://purl.org/dc/terms/", "http://www.w3.org/ns/dcat#"
    triples = [
        ox.Triple(service, ox.NamedNode(dct + "title"), ox.Literal("WMS", language="en")),
        ox.Triple(service, ox.NamedNode(dcat + "endpointURL"), ox.NamedNode("https://x.fr/wms")),
        ox.Triple(
            service,
            ox.NamedNode(dct + "conformsTo"),
            ox.NamedNode("http://www.opengis.net/def/serviceType/ogc/wms"),
        ),
    ]
    assert {n: v for n, v in measure_record(service, "service", triples).items() if v} == {
        "title": True,
        "accessURL": True,
        "openProtocol": True,
        "conformsTo": True,
        "frenchOrEnglish": True,
    }
    assert len(measure_record(service, "service", triples)) == 13
    assert measure_record(service, "agent", triples) == {}
    assert quality_triples(service, "agent", triples, ox.NamedNode(BASE + "g")) == []


def test_the_record_graph_stores_only_the_failed_measures():
    iri = ox.NamedNode(DS + "minimal")
    graph = ox.NamedNode("https://w3id.org/gaia-kg/graph/record/abc")
    triples = quality_triples(
        iri, "dataset", _record(SHAPES / "dataset-valid-minimal.ttl", iri), graph
    )
    failed = ["keyword", "gaiaTheme", "persistentIdentifier", "accessURL", "openProtocol"]
    failed += ["licence", "themeIRI", "format", "knownLicence", "provenance", "contact"]
    assert triples == [
        ox.Triple(graph, ox.NamedNode(GQ + "fails"), ox.NamedNode(GQ + name)) for name in failed
    ]
    complete = ox.NamedNode(DS + "actris-aerosols")
    record = _record(SHAPES / "dataset-valid-complete.ttl", complete)
    assert quality_triples(complete, "dataset", record, graph) == []
    assert outcomes_from("dataset", failed) == measure_record(
        iri, "dataset", _record(SHAPES / "dataset-valid-minimal.ttl", iri)
    )


def test_the_dqv_view_gives_the_measurements_of_earlier_versions():
    iri = ox.NamedNode(DS + "minimal")
    graph = ox.NamedNode("https://w3id.org/gaia-kg/graph/record/abc")
    outcomes = measure_record(iri, "dataset", _record(SHAPES / "dataset-valid-minimal.ttl", iri))
    triples = dqv_triples(iri, outcomes, graph)
    boolean = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
    integer = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    values = {n: ox.Literal(str(v).lower(), datatype=boolean) for n, v in outcomes.items()}
    values |= {n: ox.Literal(str(v), datatype=integer) for n, v in scores(outcomes).items()}
    expected = set()
    for name, value in values.items():
        m = ox.NamedNode(graph.value + "#quality-" + name)
        expected |= {
            ox.Triple(iri, ox.NamedNode(DQV + "hasQualityMeasurement"), m),
            ox.Triple(
                m,
                ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                ox.NamedNode(DQV + "QualityMeasurement"),
            ),
            ox.Triple(m, ox.NamedNode(DQV + "computedOn"), iri),
            ox.Triple(m, ox.NamedNode(DQV + "isMeasurementOf"), ox.NamedNode(GQ + name)),
            ox.Triple(m, ox.NamedNode(DQV + "value"), value),
        }
    assert set(triples) == expected and len(triples) == len(expected) == 19 * 5


def test_every_metric_and_dimension_is_defined_in_french_and_english():
    store = ox.Store()
    store.load(path=str(ontology_dir() / "quality.ttl"), format=ox.RdfFormat.TURTLE)
    texts: dict = {}
    for q in store:
        if q.subject.value.startswith(GQ) and isinstance(q.object, ox.Literal):
            key = (q.subject.value[len(GQ) :], q.predicate.value.removeprefix(SKOS))
            texts.setdefault(key, set()).add(q.object.language)
    metrics = {
        q.subject.value[len(GQ) :]
        for q in store.quads_for_pattern(None, RDF_TYPE, ox.NamedNode(DQV + "Metric"), None)
    }
    assert metrics == set(MEASURES) | {"score"} | {d + "Score" for d in DIMENSIONS}
    for name in metrics | set(DIMENSIONS):
        assert texts[(name, "prefLabel")] == texts[(name, "definition")] == {"fr", "en"}, name
    for name in MEASURES:
        assert texts[(name, "scopeNote")] == {"fr", "en"}, name


@pytest.fixture(scope="module")
def demo_store():
    store = EmbeddedStore(None)
    list(initialise(store, infer=False))
    report = load_paths(store, sorted(demo_dir().glob("*.ttl")), base_iri=BASE)
    assert report.ok
    rebuild_inference(store)
    score_store(store)
    yield store
    store.close()


def test_scoring_the_store_again_changes_nothing(demo_store):
    assert score_store(demo_store) == 0


def test_a_demo_dataset_quality_in_both_languages(demo_store):
    iri = BASE + "id/dataset/argo-biogeochemical"
    fr, en = record_quality(demo_store, iri, "fr"), record_quality(demo_store, iri, "en")
    assert {k: fr[k] for k in ("iri", "kind", "title", "score", "sources", "centres")} == {
        "iri": iri,
        "kind": "dataset",
        "title": "Profils Argo biogéochimiques",
        "score": 93,
        "sources": ["odatis.ttl"],
        "centres": [
            {
                "iri": "https://w3id.org/gaia-kg/org/coriolis",
                "label": "Coriolis – Centre de données in situ pour l'océanographie "
                "opérationnelle (Brest)",
            }
        ],
    }
    assert [(d["id"], d["label"], d["score"]) for d in en["dimensions"]] == [
        ("findability", "findability", 83),
        ("accessibility", "accessibility", 100),
        ("interoperability", "interoperability", 100),
        ("reusability", "reusability", 100),
    ]
    assert [m["id"] for m in en["measures"] if not m["value"]] == ["persistentIdentifier"]
    assert len(en["measures"]) == 14
    assert fr["problems"] == [
        f"le jeu de données « Profils Argo biogéochimiques » <{iri}> n'a pas d'identifiant "
        "pérenne (dct:identifier) : ajoutez son DOI, Handle ou ARK."
    ]
    assert en["problems"] == [
        f"the dataset « Biogeochemical Argo profiles » <{iri}> has no persistent identifier "
        "(dct:identifier): add its DOI, Handle or ARK."
    ]


def test_an_unscored_resource_has_no_quality(demo_store):
    assert record_quality(demo_store, BASE + "id/dataset/nothing-here", "en") is None
    assert record_quality(demo_store, "https://w3id.org/gaia-kg/org/coriolis", "en") is None


def test_problems_name_records_and_never_a_blank_node(demo_store):
    describes = "<https://w3id.org/gaia-kg/ontology#describes>"
    rows = demo_store.select(f"SELECT DISTINCT ?r WHERE {{ GRAPH ?g {{ ?g {describes} ?r }} }}")
    scored = [r["r"].value for r in rows if record_quality(demo_store, r["r"].value, "en")]
    assert len(scored) == 225
    for iri in scored:
        for lang in ("fr", "en"):
            found = record_quality(demo_store, iri, lang)
            for text in found["problems"]:
                assert f"<{iri}>" in text and "_:" not in text, text


def test_summary_per_source_and_per_data_centre(demo_store):
    summary = quality_summary(demo_store, "en")
    assert summary["records"] == 225 and summary["score"] == 86
    assert [d["id"] for d in summary["dimensions"]] == list(DIMENSIONS)
    software = next(s for s in summary["sources"] if s["key"] == "software.ttl")
    assert software == {
        "key": "software.ttl",
        "label": "software.ttl",
        "records": 11,
        "flagged": 0,
        "score": 70,
        "dimensions": {"findability": 60, "accessibility": 100, "reusability": 50},
        "failing": [
            {"id": "keyword", "label": "keywords", "records": 11},
            {"id": "persistentIdentifier", "label": "persistent identifier", "records": 11},
            {"id": "provenance", "label": "provenance", "records": 11},
        ],
    }
    assert sum(s["records"] for s in summary["sources"]) == 225
    coriolis = next(c for c in summary["centres"] if c["key"].endswith("/org/coriolis"))
    assert coriolis["label"].startswith("Coriolis")
    assert [s["score"] for s in summary["sources"]] == sorted(
        s["score"] for s in summary["sources"]
    )


def test_the_pipeline_stores_measurements_at_load_time(memory_store):
    load_paths(memory_store, [demo_dir() / "software.ttl"], base_iri=BASE)
    found = record_quality(memory_store, BASE + "id/software/argopy", "en")
    assert found is not None and found["score"] == 70


def test_the_dqv_view_equals_what_earlier_versions_stored(demo_store):
    """The SPARQL CONSTRUCT over the compact form gives, for every record of the demo, the
    DQV measurements the loader stored before (:func:`dqv_triples` of its own statements)."""
    expected: set = set()
    types: dict = {}
    for row in demo_store.select(load_query("quality/records")):
        types.setdefault((row["g"], row["resource"]), set()).add(row["type"].value)
    for (graph, resource), found in types.items():
        kind = scored_kind(found)
        if kind:
            own = demo_store.graph_triples(graph)
            expected |= set(dqv_triples(resource, measure_record(resource, kind, own), graph))
    assert len({t.subject for t in expected if t.predicate.value.endswith("#computedOn")}) > 0
    assert dqv_view(demo_store) == expected
    argo = ox.NamedNode(DS + "argo-biogeochemical")
    mine = {t.object for t in expected if t.subject == argo}
    assert len(mine) == 19
    assert dqv_view(demo_store, argo) == {t for t in expected if t.subject in mine | {argo}}


def test_quality_costs_a_triple_per_failed_measure_only(memory_store, tmp_path):
    """On a generated batch (bench/synthetic.py: 29 triples a dataset, every one without a
    persistent identifier), the loader writes one quality triple per record where it wrote 95
    DQV triples, and no more than 1.40 triples per triple read, provenance included."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from synthetic import write_catalogue

    n = 300
    read = write_catalogue(tmp_path / "cat.nt", n)
    report = load_paths(memory_store, [tmp_path / "cat.nt"], base_iri=BASE)
    assert (report.count("loaded"), report.triples_read) == (n, read)
    failed = memory_store.select(
        f"SELECT ?m (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?g <{GQ}fails> ?m }} }} GROUP BY ?m"
    )
    assert {(r["m"].value, int(r["n"].value)) for r in failed} == {(GQ + "persistentIdentifier", n)}
    provenance = sum(
        1
        for g in memory_store.named_graphs()
        if g.value.startswith("https://w3id.org/gaia-kg/graph/record/")
        for t in memory_store.graph_triples(g)
        if t.subject == g and t.predicate.value != GQ + "fails"
    )
    # a record's first load, change type and box centres are derived on read: not stored
    derived = memory_store.select(
        f"SELECT * WHERE {{ GRAPH ?g {{ ?s ?p ?o FILTER(?p IN (<{DCAT.centroid}>, "
        "<http://purl.org/dc/terms/issued>, <http://www.w3.org/ns/adms#status>)) } "
        "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/gaia-kg/graph/record/')) }"
    )
    assert (derived, report.triples_written) == ([], read + provenance + n)
    assert report.triples_written / read <= 1.40


def test_the_ontology_says_which_classes_each_measure_applies_to():
    """gq:appliesTo (what the DQV view reads) names the classes of the kinds in MEASURES."""
    store = ox.Store()
    store.load(path=str(ontology_dir() / "quality.ttl"), format=ox.RdfFormat.TURTLE)
    applies = ox.NamedNode(GQ + "appliesTo")
    found: dict = {}
    for q in store.quads_for_pattern(None, applies, None, None):
        found.setdefault(q.subject.value[len(GQ) :], set()).add(q.object.value)
    assert found == {
        name: {iri for iri, kind in RECORD_KINDS.items() if kind in m.kinds}
        for name, m in MEASURES.items()
    }


def test_rescoring_replaces_the_measurements_of_earlier_versions(memory_store):
    """A record graph holding the full DQV measurements earlier versions stored (and a DQV
    statement of its own, as ISO data-quality reports give) is rescored to the compact form."""
    load_paths(memory_store, [demo_dir() / "software.ttl"], base_iri=BASE)
    iri = ox.NamedNode(BASE + "id/software/argopy")
    graph = next(
        g for g in memory_store.named_graphs() if (g, DESCRIBES, iri) in _triples(memory_store, g)
    )
    compact = memory_store.graph_triples(graph)
    kind = "software"
    own = [t for t in compact if t.predicate.value != GQ + "fails"]
    report = ox.Triple(
        iri, ox.NamedNode(DQV + "hasQualityMeasurement"), ox.NamedNode(BASE + "id/report/1")
    )
    legacy = own + [report] + dqv_triples(iri, measure_record(iri, kind, own), graph)
    memory_store.replace_graph(graph, legacy)
    assert score_store(memory_store) == 1
    assert set(memory_store.graph_triples(graph)) == set(compact) | {report}
    assert record_quality(memory_store, iri.value, "en")["score"] == 70


def _triples(store, graph) -> set:
    return {(t.subject, t.predicate, t.object) for t in store.graph_triples(graph)}
