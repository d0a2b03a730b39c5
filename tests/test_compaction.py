"""Compaction after bulk writes (graph_loader.compaction): a compacted store holds what it
held; a writer compacts after bulk writes big against the store, not after a few records
added to a big one; a load and a harvest say so, in French and in English."""

from __future__ import annotations

import sys

import pyoxigraph as ox
from fixture_server import serve
from helpers import BASE, ROOT, corpus, fresh_store
from source_catalogues import CSWCatalogue, client, iso_records

import graph_loader.harvest.run as harvest_run
import graph_loader.load.write as load_write
from graph_loader.bootstrap import initialise
from graph_loader.compaction import COMPACT_AFTER, compact_after_bulk_writes
from graph_loader.harvest import harvest
from graph_loader.harvest.config import SourceConfig
from graph_loader.load.outcomes import LoadReport
from graph_loader.pipeline import load_paths
from graph_loader.report import print_load_report
from graph_loader.store import EmbeddedStore, GraphWrite

EX = "https://example.org/"


def _graphs(first: int, count: int, size: int = 3) -> list[GraphWrite]:
    """``count`` new graphs of ``size`` statements each, numbered from ``first``."""
    writes = []
    for i in range(first, first + count):
        g = ox.NamedNode(f"{EX}graph/{i}")
        triples = [
            ox.Triple(
                ox.NamedNode(f"{EX}r/{i}"), ox.NamedNode(f"{EX}p/{k}"), ox.Literal(f"v{i}-{k}")
            )
            for k in range(size)
        ]
        writes.append(GraphWrite(g, triples))
    return writes


def _quads(store: EmbeddedStore) -> set[str]:
    return {str(q) for q in ox.parse(store.dump(), ox.RdfFormat.N_QUADS)}


def test_a_compacted_store_holds_what_it_held_and_counts_its_ingestions_again(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    for batch in range(COMPACT_AFTER):
        store.write_graphs(_graphs(100 * batch, 50))
    assert store.ingested == COMPACT_AFTER
    before = _quads(store)
    assert len(before) == COMPACT_AFTER * 50 * 3
    assert compact_after_bulk_writes(store) is True
    assert (store.ingested, store.ingested_bytes) == (0, 0)
    assert _quads(store) == before
    store.close()
    reopened = EmbeddedStore(tmp_path / "store", read_only=True)
    assert _quads(reopened) == before
    assert reopened.compact() is False  # a read-only store is never rewritten
    assert EmbeddedStore(None).compact() is False  # nor one in memory


def test_fewer_ingestions_or_little_text_against_a_big_store_are_not_compacted(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    for batch in range(COMPACT_AFTER - 1):
        store.write_graphs(_graphs(100 * batch, 50))
    assert compact_after_bulk_writes(store) is False
    assert store.ingested == COMPACT_AFTER - 1  # still counted towards the next time

    big = EmbeddedStore(tmp_path / "big")
    big.write_graphs(_graphs(0, 20_000, size=5))  # one ingestion of 100k statements
    assert big.compact() is True
    for batch in range(COMPACT_AFTER):  # four small ones: a few records added to a big store
        big.write_graphs(_graphs(10**6 + 10 * batch, 2))
    assert big.ingested == COMPACT_AFTER
    assert big.ingested_bytes * 10 < big.table_bytes()
    assert compact_after_bulk_writes(big) is False
    assert big.ingested == COMPACT_AFTER


def test_a_load_of_many_batches_compacts_the_store_and_says_so(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import write_catalogue

    write_catalogue(tmp_path / "cat.nt", 60)
    monkeypatch.setattr(load_write, "BATCH", 10)  # six batches, each ingested on its own
    labels = []

    def progress(label, total):
        labels.append((label, total))
        return lambda n: None

    store = EmbeddedStore(tmp_path / "store")
    report = load_paths(store, [tmp_path / "cat.nt"], base_iri=BASE, progress=progress, jobs=1)
    assert report.count("loaded") == 60
    assert "compact" in report.phases
    assert labels[-1] == ("progress.compact", 1)
    assert store.ingested == 0
    datasets = store.select(
        "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> }"
    )
    assert datasets[0]["n"].value == "60"

    small = EmbeddedStore(tmp_path / "small")  # one batch: nothing to merge
    monkeypatch.setattr(load_write, "BATCH", 2500)
    assert "compact" not in load_paths(small, [tmp_path / "cat.nt"], base_iri=BASE, jobs=1).phases


def test_the_load_report_says_the_store_was_compacted_in_both_languages():
    report = LoadReport(phases={"compact": 6.42})
    lines = {}
    for lang in ("en", "fr"):
        printed = []
        print_load_report(report, lang=lang, echo=printed.append)
        lines[lang] = [line for line in printed if "6.4" in line]
    assert lines == {
        "en": [
            "store compacted in 6.4 s (its files merged after many bulk writes: reads are faster)"
        ],
        "fr": [
            "base compactée en 6.4 s (ses fichiers fusionnés après de nombreuses écritures en "
            "masse : les lectures sont plus rapides)"
        ],
    }
    printed = []
    print_load_report(LoadReport(), lang="en", echo=printed.append)
    assert not [line for line in printed if "compact" in line]


def test_a_harvest_of_many_batches_compacts_the_store_and_reports_it(tmp_path, monkeypatch):
    records = [xml for _, xml in iso_records(corpus("iso19139", glob="*.xml"))]
    monkeypatch.setattr(harvest_run, "BATCH", 2)
    on_disk = EmbeddedStore(tmp_path / "store")
    list(initialise(on_disk, infer=False, quiet=True))
    stores = {"disk": on_disk, "memory": fresh_store()}
    reports = {}
    with serve(CSWCatalogue(records)) as server, client(timeout=30) as http:
        options = {"url": f"{server.url}/csw", "page_size": 2}
        config = SourceConfig("csw", "csw", options, language="fr", retries=0)
        for name, store in stores.items():
            reports[name] = harvest(store, config, client=http, base_iri=BASE, jobs=1)
    disk, memory = reports["disk"], reports["memory"]
    assert disk.count("loaded") >= 2 * COMPACT_AFTER
    assert disk.compacted is not None and disk.compacted >= 0
    assert disk.to_json()["compactedSeconds"] == round(disk.compacted, 3)
    assert stores["disk"].ingested == 1  # the run's own record, written after compacting
    assert memory.compacted is None  # a store in memory has no files to merge
    assert memory.to_json()["compactedSeconds"] is None
