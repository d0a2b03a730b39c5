"""The load pipeline: records, rejections, idempotence, formats, atomicity under SIGKILL."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from helpers import BASE, ROOT, assert_isomorphic
from rdflib import BNode, Graph, URIRef

from graph_loader import feed
from graph_loader.derived import STORE_STATE_GRAPH
from graph_loader.feed import FEED_GRAPH
from graph_loader.load.write import BATCH
from graph_loader.pipeline import load_paths
from graph_loader.records import record_graph_iri
from graph_loader.store import EmbeddedStore
from graph_loader.terms import DESCRIBES, GAIA_NS
from sparql_api.linked_data.resources import describe_resource

FIX = Path(__file__).parent / "fixtures" / "load"
DQV = "http://www.w3.org/ns/dqv#"
GQ = "https://w3id.org/gaia-kg/quality#"
ID = BASE + "id/"


def outcomes(report):
    return sorted((o.resource, o.kind, o.status) for o in report.outcomes)


def to_rdflib(triples) -> Graph:
    """Skolem IRIs back to blank nodes, so graphs compare by isomorphism."""
    g = Graph()
    nodes: dict[str, BNode] = {}
    for t in ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES).decode().splitlines():
        g.parse(data=t, format="nt")
    for s, p, o in list(g):
        s2 = nodes.setdefault(str(s), BNode()) if "/.well-known/genid/" in str(s) else s
        o2 = nodes.setdefault(str(o), BNode()) if "/.well-known/genid/" in str(o) else o
        if (s2, o2) != (s, o):
            g.remove((s, p, o))
            g.add((s2, p, o2))
    return g


def content(store, resource: str) -> list[ox.Triple]:
    """The record's statements: neither its provenance nor its quality measurements."""
    graph = record_graph_iri(resource)
    return [
        t
        for t in store.graph_triples(graph)
        if t.subject != graph
        and not t.subject.value.startswith(graph.value + "#quality-")
        and t.predicate.value != DQV + "hasQualityMeasurement"
    ]


def test_catalogue_is_split_into_records(any_store):
    report = load_paths(any_store, [FIX / "catalogue.ttl"], base_iri=BASE)
    assert outcomes(report) == [
        (ID + "dataset/test-aod", "dataset", "loaded"),
        (ID + "service/test-opendap", "service", "loaded"),
    ]
    got = to_rdflib(content(any_store, ID + "dataset/test-aod"))
    expected = Graph().parse(FIX / "expected-dataset-record.ttl")
    assert_isomorphic(got, expected)
    service = to_rdflib(content(any_store, ID + "service/test-opendap"))
    assert (None, None, URIRef(ID + "agent/sedoo")) in service
    assert (URIRef(ID + "agent/sedoo"), None, None) in service  # the agent is copied in


def test_provenance_of_a_record(memory_store):
    load_paths(memory_store, [FIX / "catalogue.ttl"], base_iri=BASE)
    graph = record_graph_iri(ID + "dataset/test-aod")
    prov = {
        t.predicate.value.removeprefix(GAIA_NS): t.object
        for t in memory_store.graph_triples(graph)
        if t.subject == graph
        # its messages, and its quality (the measures it fails: tests/test_quality.py)
        and t.predicate.value not in (GAIA_NS + "validationMessage", GQ + "fails")
    }
    n = len(content(memory_store, ID + "dataset/test-aod"))
    assert set(prov) == {
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
        "describes",
        "source",
        "http://www.w3.org/ns/prov#generatedAtTime",
        "contentHash",
        "tripleCount",
        "validationOutcome",
        "converter",
    }  # its first load, change type and warning count are derived on read
    assert prov["describes"] == ox.NamedNode(ID + "dataset/test-aod")
    assert prov["source"] == ox.Literal("catalogue.ttl")
    assert prov["converter"] == ox.Literal("gaia-kg 0.1.0 turtle")
    assert (
        int(prov["tripleCount"].value)
        == n
        == len(Graph().parse(FIX / "expected-dataset-record.ttl"))
    )
    assert len(prov["contentHash"].value) == 64


def test_loading_twice_changes_nothing(any_store):
    first = load_paths(any_store, [FIX / "catalogue.ttl"], base_iri=BASE)
    count = any_store.triple_count()
    second = load_paths(any_store, [FIX / "catalogue.ttl"], base_iri=BASE)
    assert [o.status for o in first.outcomes] == ["loaded", "loaded"]
    assert [o.status for o in second.outcomes] == ["unchanged", "unchanged"]
    assert any_store.triple_count() == count
    assert second.triples_written == 0


def test_invalid_record_is_rejected_named_and_not_stored(any_store):
    report = load_paths(
        any_store, [FIX / "catalogue.ttl", FIX / "dataset-without-title.ttl"], base_iri=BASE
    )
    rejected = [o for o in report.outcomes if o.status == "rejected"]
    assert [(o.resource, o.kind) for o in rejected] == [(ID + "dataset/test-untitled", "dataset")]
    text = " ".join(rejected[0].problems)
    assert ID + "dataset/test-untitled" in text and "title" in text.lower()
    assert "_:" not in text
    ask = "ASK { { ?r ?p ?o } UNION { ?s ?p ?r } }"
    assert not bool(any_store.query(ask, {"r": ox.NamedNode(ID + "dataset/test-untitled")}))
    assert {o.status for o in report.outcomes if o not in rejected} == {"loaded"}
    assert not report.ok


def test_unparsable_file_loads_nothing_and_is_named(any_store):
    report = load_paths(any_store, [FIX / "broken.ttl"], base_iri=BASE)
    assert len(report.file_errors) == 1
    assert str(FIX / "broken.ttl") in report.file_errors[0]
    assert report.outcomes == []
    assert any_store.triple_count() == 0


@pytest.mark.parametrize(
    "fmt,suffix",
    [
        (ox.RdfFormat.N_TRIPLES, "nt"),
        (ox.RdfFormat.N_QUADS, "nq"),
        (ox.RdfFormat.RDF_XML, "rdf"),
        (ox.RdfFormat.JSON_LD, "jsonld"),
        (ox.RdfFormat.TRIG, "trig"),
    ],
)
def test_every_format_gives_the_same_store(tmp_path, fmt, suffix):
    reference = EmbeddedStore(None)
    load_paths(reference, [FIX / "catalogue.ttl"], base_iri=BASE)
    triples = [q.triple for q in ox.parse(path=FIX / "catalogue.ttl")]
    data = (
        ox.serialize(triples, format=fmt)
        if not fmt.supports_datasets
        else ox.serialize(
            [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples],
            format=fmt,
        )
    )
    converted = tmp_path / "catalogue.data"  # the suffix says nothing: content decides
    converted.write_bytes(data)
    store = EmbeddedStore(None)
    report = load_paths(store, [converted], base_iri=BASE)
    assert report.file_errors == []
    assert comparable(store) == comparable(reference), suffix


#: the load time, the file name, the format read, and the store generation (a random token)
VOLATILE = {
    "http://www.w3.org/ns/prov#generatedAtTime",
    "http://purl.org/dc/terms/issued",
    GAIA_NS + "source",
    GAIA_NS + "converter",
    GAIA_NS + "generation",
}


def comparable(store) -> set:
    """Every quad but the load time, the file name and the format read (and the change
    feed: its entries are named and dated afresh by every store)."""
    return {
        (g.value, t)
        for g in store.named_graphs()
        if g != FEED_GRAPH
        for t in store.graph_triples(g)
        if t.predicate.value not in VOLATILE
    }


KILLER = """
import os, signal, sys, threading
from graph_loader.load.write import BATCH
from graph_loader.pipeline import load_paths
from graph_loader.store import EmbeddedStore

def progress(label, total):
    # Once the first batch is committed, a timer kills the process during a later batch.
    print(label, total, flush=True)
    started = []

    def tick(n):
        if label == "progress.records" and not started:
            started.append(n)
            kill = lambda: os.kill(os.getpid(), signal.SIGKILL)  # noqa: E731
            threading.Timer(float(sys.argv[3]), kill).start()

    return tick

store = EmbeddedStore(sys.argv[2])
load_paths(store, [sys.argv[1]], base_iri="https://data.gaia-data.fr/", progress=progress)
print("finished", flush=True)
"""


def test_a_load_killed_midway_leaves_records_complete_or_absent(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import write_catalogue

    n = 6000
    write_catalogue(tmp_path / "cat.nt", n)
    proc = subprocess.run(
        [sys.executable, "-c", KILLER, str(tmp_path / "cat.nt"), str(tmp_path / "store"), "0.05"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert "progress.records" in proc.stdout and "finished" not in proc.stdout

    store = EmbeddedStore(tmp_path / "store")
    counts = store.select(
        """SELECT ?g ?declared (COUNT(*) AS ?n) WHERE {
             GRAPH ?g { ?g ?tripleCount ?declared . ?s ?p ?o
               FILTER(?s != ?g && !STRSTARTS(STR(?s), CONCAT(STR(?g), "#quality-"))
                      && ?p != ?measurement) }
           } GROUP BY ?g ?declared""",
        {
            "tripleCount": ox.NamedNode(GAIA_NS + "tripleCount"),
            "measurement": ox.NamedNode(DQV + "hasQualityMeasurement"),
        },
    )
    # every graph but the store generation (graph_loader.derived) and the feed is a record
    graphs = {g for g in store.named_graphs() if g not in (STORE_STATE_GRAPH, FEED_GRAPH)}
    # at least one batch of BATCH new records
    assert BATCH <= len(counts) < n, "the kill did not land midway: adjust the delay"
    assert len(graphs) == len(counts)  # no graph without its provenance
    assert all(int(r["declared"].value) == int(r["n"].value) for r in counts)
    # each batch written came with its feed entry, in the same transaction: one entry per
    # batch, naming exactly the resources of the records written
    entries = feed.entries_after(store, 0)
    assert [e.sequence for e in entries] == list(range(1, len(counts) // BATCH + 1))
    described = store.select("SELECT ?r WHERE { GRAPH ?g { ?g ?describes ?r } }",
                             {"describes": DESCRIBES})  # fmt: skip
    assert set().union(*(e.resources for e in entries)) == {r["r"].value for r in described}

    report = load_paths(store, [tmp_path / "cat.nt"], base_iri=BASE)  # resume
    assert report.count("loaded") == n - len(counts)
    assert report.count("unchanged") == len(counts)
    clean = EmbeddedStore(None)
    load_paths(clean, [tmp_path / "cat.nt"], base_iri=BASE)
    assert store.triple_count() == clean.triple_count()
    store.close()
    os.sync()


def test_warnings_are_recorded_in_both_languages(memory_store):
    load_paths(memory_store, [FIX / "catalogue.ttl"], base_iri=BASE)
    graph = record_graph_iri(ID + "service/test-opendap")
    about = {t.predicate.value.removeprefix(GAIA_NS): [] for t in memory_store.graph_triples(graph)}
    for t in memory_store.graph_triples(graph):
        if t.subject == graph:
            about[t.predicate.value.removeprefix(GAIA_NS)].append(t.object)
    assert about["validationOutcome"] == [ox.NamedNode(GAIA_NS + "ConformsWithWarnings")]
    assert "warningCount" not in about  # counted from the messages on read
    assert (
        describe_resource(memory_store, ox.NamedNode(ID + "service/test-opendap"))["record"][
            "warningCount"
        ]
        == 2
    )
    notes = sorted((n.language, n.value) for n in about["validationMessage"])
    assert [lang for lang, _ in notes] == ["en", "en", "fr", "fr"]
    assert all(f"<{ID}service/test-opendap>" in text for _, text in notes)
    properties = {re.search(r"\((dcat:\w+)\)", text).group(1) for _, text in notes}
    assert properties == {"dcat:contactPoint", "dcat:endpointDescription"}
