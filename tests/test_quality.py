"""FAIR quality per record: DQV measurements, their labels, the readers, on the demo catalogue."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from helpers import BASE

from graph_loader.bootstrap import initialise
from graph_loader.inference import rebuild_inference
from graph_loader.paths import demo_dir, ontology_dir
from graph_loader.pipeline import load_paths
from graph_loader.quality import (
    DIMENSIONS,
    DQV,
    GQ,
    MEASURES,
    measure_record,
    quality_summary,
    quality_triples,
    record_quality,
    score_store,
    scores,
)
from graph_loader.store import EmbeddedStore

SHAPES = Path(__file__).resolve().parent / "fixtures" / "shapes"
DS = BASE + "id/dataset/"
SKOS = "http://www.w3.org/2004/02/skos/core#"


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


def test_quality_triples_are_dqv_measurements_in_the_record_graph():
    iri = ox.NamedNode(DS + "minimal")
    graph = ox.NamedNode("https://w3id.org/gaia-kg/graph/record/abc")
    triples = quality_triples(
        iri, "dataset", _record(SHAPES / "dataset-valid-minimal.ttl", iri), graph
    )
    outcomes = measure_record(iri, "dataset", _record(SHAPES / "dataset-valid-minimal.ttl", iri))
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
        for q in store.quads_for_pattern(None, None, ox.NamedNode(DQV + "Metric"), None)
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
    rows = demo_store.select(f"SELECT DISTINCT ?r WHERE {{ ?r <{DQV}hasQualityMeasurement> ?m }}")
    assert len(rows) == 225
    for row in rows:
        for lang in ("fr", "en"):
            found = record_quality(demo_store, row["r"].value, lang)
            for text in found["problems"]:
                assert f"<{row['r'].value}>" in text and "_:" not in text, text


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
