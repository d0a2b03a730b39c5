"""Harvesting with worker processes: batches converted while the next pages are fetched,
written in order. The store and the report are those of a harvest in one process; a parallel
harvest interrupted midway keeps whole records and resumes; an unchanged source is neither
converted nor written, and the CLI says so."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading

import pyoxigraph as ox
import pytest
from fixture_server import serve
from helpers import BASE, corpus, fresh_store
from source_catalogues import MINIMAL, CSWCatalogue, client, iso_records
from test_cli import run as run_cli
from test_cli_harvest import _declare
from test_harvest import harvested

import graph_loader.harvest.run as module
from graph_loader.harvest import harvest
from graph_loader.harvest.config import SourceConfig
from graph_loader.harvest.convert import default_jobs
from graph_loader.harvest.state import (
    Checkpoint,
    advance_checkpoint,
    read_checkpoint,
    write_checkpoint,
)
from graph_loader.jobs import cores
from graph_loader.terms import GRAPHS_NS

XSD_DATETIME = ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")
MINIMAL_XML = [xml for _, xml in iso_records(MINIMAL)]


def csw(url: str, page_size: int = 3) -> SourceConfig:
    options = {"url": f"{url}/csw", "page_size": page_size}
    return SourceConfig("csw", "csw", options, language="fr", retries=0)


def record_quads(store) -> set[tuple[str, str, str, str]]:
    """Every statement of the record graphs, the times a graph says of itself (when it was
    generated, first loaded) written ``NOW``: two runs differ only there."""
    found = set()
    for q in ox.parse(store.dump(), ox.RdfFormat.N_QUADS):
        if not q.graph_name.value.startswith(GRAPHS_NS + "record/"):
            continue
        o = q.object
        now = q.subject == q.graph_name and isinstance(o, ox.Literal) and o.datatype == XSD_DATETIME
        found.add((str(q.subject), str(q.predicate), "NOW" if now else str(o), str(q.graph_name)))
    return found


def results(report) -> list[tuple]:
    return [
        (r.identifier, r.status, r.title, r.resource, r.reasons, r.defects, r.repairs)
        for r in report.results
    ]


@pytest.fixture
def small_batches(monkeypatch):
    """Batches of 4 upstream records: a few records make several batches."""
    monkeypatch.setattr(module, "BATCH", 4)


def test_workers_write_and_report_what_one_process_does(small_batches):
    records = iso_records(corpus("iso19139", glob="*.xml"))
    seen, distinct = set(), []
    for identifier, xml in records:  # the corpus serves one identifier twice
        if identifier not in seen:
            seen.add(identifier)
            distinct.append(xml)
    stores, reports = [], []
    with serve(CSWCatalogue(distinct)) as server, client(timeout=30) as http:
        for jobs in (1, 2):
            store = fresh_store()
            reports.append(harvest(store, csw(server.url), client=http, base_iri=BASE, jobs=jobs))
            stores.append(store)
    one, two = reports
    assert len(distinct) > 3 * module.BATCH  # several batches go to the workers
    assert results(two) == results(one)
    assert (two.triples_read, two.triples_written) == (one.triples_read, one.triples_written)
    assert (two.keywords.linked, two.keywords.unmatched) == (
        one.keywords.linked,
        one.keywords.unmatched,
    )
    assert sorted(two.written) == sorted(one.written)
    assert record_quads(stores[1]) == record_quads(stores[0])
    assert two.complete and one.count("loaded") == len(distinct)


def test_a_parallel_harvest_interrupted_keeps_whole_records_and_resumes(monkeypatch):
    monkeypatch.setattr(module, "BATCH", 2)
    calls = []

    def stop_after_two_batches(n: int) -> None:
        calls.append(n)
        if len(calls) == 2:
            raise KeyboardInterrupt

    store, reference = fresh_store(), fresh_store()
    with serve(CSWCatalogue(list(MINIMAL_XML))) as server, client(timeout=30) as http:
        config = csw(server.url, page_size=2)
        with pytest.raises(KeyboardInterrupt):
            harvest(
                store, config, client=http, base_iri=BASE, jobs=2, progress=stop_after_two_batches
            )
        point = read_checkpoint(store, "csw")
        partial, partial_ids = record_quads(store), sorted(harvested(store, "csw"))
        resumed = harvest(store, config, client=http, base_iri=BASE, jobs=2)
        harvest(reference, config, client=http, base_iri=BASE, jobs=1)
    whole = record_quads(reference)
    # the two batches written are whole records, the third one not there at all
    assert partial_ids == ["minimal-a", "minimal-b", "minimal-c", "minimal-d"]
    assert partial == {q for q in whole if q[3] in {p[3] for p in partial}}
    # resumed from the page of the last batch written: its records are unchanged
    assert point.resume == "3" and resumed.resumed_from == "3"
    counts = {s: resumed.count(s) for s in ("loaded", "unchanged", "rejected")}
    assert counts == {"loaded": 1, "unchanged": 2, "rejected": 0}
    assert record_quads(store) == whole


def test_jobs_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("GAIA_KG_LOAD_JOBS", "3")
    assert default_jobs() == 3
    monkeypatch.setenv("GAIA_KG_LOAD_JOBS", "0")
    assert default_jobs() == cores()
    monkeypatch.delenv("GAIA_KG_LOAD_JOBS")
    assert (default_jobs(), default_jobs(1)) == (cores(), 1)


def test_an_unchanged_source_is_neither_converted_nor_written_and_the_cli_says_so(tmp_path):
    with serve(CSWCatalogue(list(MINIMAL_XML))) as server:
        _declare(tmp_path, f"{server.url}/csw")
        run_cli("harvest", "csw", "--jobs", "2", cwd=tmp_path)
        english = run_cli("harvest", "csw", cwd=tmp_path).stdout
        french = run_cli("harvest", "csw", "--lang", "fr", "--jobs", "1", cwd=tmp_path).stdout
    assert "0 loaded, 0 updated, 5 unchanged, 0 withdrawn, 0 rejected" in english
    assert "unchanged: 5 upstream records, nothing converted or written" in english
    assert "inchangées : 5 notices amont, rien de converti ni d'écrit" in french


def test_a_worker_killed_stops_the_harvest_with_a_checkpoint_then_it_resumes(monkeypatch):
    monkeypatch.setattr(module, "BATCH", 2)

    done = threading.Event()
    before = {child.pid for child in multiprocessing.active_children()}

    def killer() -> None:
        """Kill each worker process as it starts (long before it could convert a batch)."""
        while not done.wait(0.005):
            for child in multiprocessing.active_children():
                if child.pid not in before:
                    os.kill(child.pid, signal.SIGKILL)

    def kill_the_workers(n: int) -> None:
        if not calls:  # after the first batch, written before any worker starts
            calls.append(n)
            threading.Thread(target=killer, daemon=True).start()

    calls: list[int] = []
    store, reference = fresh_store(), fresh_store()
    with serve(CSWCatalogue(list(MINIMAL_XML))) as server, client(timeout=30) as http:
        config = csw(server.url, page_size=2)
        try:
            stopped = harvest(
                store, config, client=http, base_iri=BASE, jobs=2, progress=kill_the_workers
            )
        finally:
            done.set()
        partial_ids = sorted(harvested(store, "csw"))
        point = read_checkpoint(store, "csw")
        resumed = harvest(store, config, client=http, base_iri=BASE, jobs=2)
        harvest(reference, config, client=http, base_iri=BASE, jobs=1)
    # the first batch is converted in the harvesting process, and written; the workers
    # converting the next ones are killed before any of them is written
    assert (stopped.complete, stopped.interrupted) == (False, module.LOST_WORKER)
    assert partial_ids == ["minimal-a", "minimal-b"]
    assert point.resume == "1" and resumed.resumed_from == "1" and resumed.complete
    counts = {s: resumed.count(s) for s in ("loaded", "unchanged", "rejected")}
    assert counts == {"loaded": 3, "unchanged": 2, "rejected": 0}
    assert record_quads(store) == record_quads(reference)


def test_a_checkpoint_moved_on_keeps_everything_read_and_the_last_token():
    store = fresh_store()
    write_checkpoint(store, "csw", Checkpoint("1", {"a", "b"}, "2026-01-01T00:00:00Z"))
    advance_checkpoint(store, "csw", "3", {"c"})
    advance_checkpoint(store, "csw", "5", {"d", "e"})
    assert read_checkpoint(store, "csw") == Checkpoint(
        "5", {"a", "b", "c", "d", "e"}, "2026-01-01T00:00:00Z"
    )
    advance_checkpoint(store, "csw", None, set())  # from the start again, nothing new read
    assert read_checkpoint(store, "csw") == Checkpoint(
        None, {"a", "b", "c", "d", "e"}, "2026-01-01T00:00:00Z"
    )
