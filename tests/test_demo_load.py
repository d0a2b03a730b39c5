"""The shipped demo through the real pipeline: idempotent, fully accepted, DCAT-AP 3 on export."""

from __future__ import annotations

import pytest
from helpers import BASE
from rdflib import Graph
from test_demo_catalogue import _dcat_ap_shapes, _violations

from graph_loader.bootstrap import initialise
from graph_loader.inference import rebuild_inference
from graph_loader.paths import demo_dir
from graph_loader.pipeline import load_paths
from graph_loader.report import export_records
from graph_loader.store import EmbeddedStore


@pytest.fixture(scope="module")
def demo_store():
    store = EmbeddedStore(None)
    list(initialise(store, infer=False))
    report = load_paths(store, sorted(demo_dir().glob("*.ttl")), base_iri=BASE)
    rebuild_inference(store)
    return store, report


def test_every_demo_record_is_accepted(demo_store):
    _, report = demo_store
    assert report.file_errors == []
    assert [(o.resource, o.problems) for o in report.outcomes if o.status == "rejected"] == []
    assert [(o.resource, o.warnings) for o in report.outcomes if o.warnings] == []
    kinds = {}
    for o in report.outcomes:
        kinds[o.kind] = kinds.get(o.kind, 0) + 1
    assert kinds["dataset"] >= 150
    assert set(kinds) == {
        "catalog",
        "dataset",
        "service",
        "publication",
        "software",
        "tutorial",
        "source",
    }


def test_loading_the_demo_twice_keeps_the_triple_count(demo_store):
    store, _ = demo_store
    before = store.triple_count()
    again = load_paths(store, sorted(demo_dir().glob("*.ttl")), base_iri=BASE)
    assert {o.status for o in again.outcomes} == {"unchanged"}
    assert store.triple_count() == before


@pytest.mark.shared
def test_the_exported_demo_conforms_to_the_official_dcat_ap_3_shapes(demo_store, shared):
    store, _ = demo_store
    # the export stands alone: the themes it links to are typed in it (skos:Concept)
    exported = Graph().parse(data=export_records(store, "turtle"), format="turtle")
    assert len(exported) > 8000
    assert _violations(exported, _dcat_ap_shapes("full")) == []
