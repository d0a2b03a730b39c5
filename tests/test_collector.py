"""The cyclic garbage collector held back during loads and harvests (graph_loader.collector):
paused inside, as it was after, and the cycles of each unit of work collected before the next
one."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from helpers import BASE

from graph_loader import collector
from graph_loader.load import inputs
from graph_loader.pipeline import load_paths
from graph_loader.store import EmbeddedStore

MIXED = Path(__file__).parent / "fixtures" / "load" / "mixed"


class _Node:
    """An object that can be put in a reference cycle and watched through a weak reference."""

    def __init__(self) -> None:
        self.other: object = self


def _cycle() -> weakref.ref:
    """A reference cycle that nothing else holds: only a cyclic collection frees it."""
    return weakref.ref(_Node())


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_paused_inside_and_as_it_was_after(collector_on):
    seen = []
    with collector.collector_paused():
        seen.append(gc.isenabled())
    seen.append(gc.isenabled())
    with pytest.raises(RuntimeError), collector.collector_paused():
        raise RuntimeError("a failed load")
    seen.append(gc.isenabled())
    gc.disable()
    try:
        with collector.collector_paused():
            pass
        seen.append(gc.isenabled())  # off before: left off
    finally:
        gc.enable()
    assert seen == [False, True, True, False]


def test_a_young_collection_frees_the_cycles_made_in_the_pause(collector_on):
    with collector.collector_paused():
        gc.collect()  # nothing older pending
        made = _cycle()
        kept = [[] for _ in range(100_000)]  # allocations that would have run the collector
        held = made() is not None
        collector.collect_young()
        freed = made() is None
    assert (held, freed, len(kept)) == (True, True, 100_000)


def test_each_file_of_a_load_has_its_cycles_collected_before_the_next(monkeypatch, collector_on):
    """A load pauses the collector for its whole run, but what reading a file left in cycles
    is freed before the next file is read (a load of many files holds one file's cycles)."""
    cycles: list[weakref.ref] = []
    alive_at_each_read: list[int] = []
    enabled_at_each_read: list[bool] = []
    read = inputs.read_document

    def reading(*args, **kwargs):
        alive_at_each_read.append(sum(c() is not None for c in cycles))
        enabled_at_each_read.append(gc.isenabled())
        cycles.append(_cycle())
        return read(*args, **kwargs)

    monkeypatch.setattr(inputs, "read_document", reading)
    files = sorted(p for p in MIXED.iterdir() if p.is_file())
    report = load_paths(EmbeddedStore(None), files, base_iri=BASE, jobs=1)
    assert (report.files, list(report.unreadable)) == (len(files) - 1, ["broken.ttl"])
    assert alive_at_each_read == [0] * len(files)
    assert enabled_at_each_read == [False] * len(files)
    assert gc.isenabled()  # as it was before the load


def test_a_harvest_collects_each_batchs_cycles_before_the_next(monkeypatch, collector_on):
    from fixture_server import serve
    from helpers import corpus, fresh_store
    from source_catalogues import CSWCatalogue, client, iso_records

    import graph_loader.harvest.run as run
    from graph_loader.harvest import harvest
    from graph_loader.harvest.config import SourceConfig

    cycles: list[weakref.ref] = []
    alive: list[int] = []  # cycles of earlier batches still alive, at each batch written
    enabled: set[bool] = set()
    write = run._Run.write

    def writing(self, writes):
        alive.append(sum(c() is not None for c in cycles))
        enabled.add(gc.isenabled())
        cycles.append(_cycle())
        return write(self, writes)

    monkeypatch.setattr(run, "BATCH", 4)
    monkeypatch.setattr(run._Run, "write", writing)
    records = dict(iso_records(corpus("iso19139", glob="*.xml")))  # one per identifier
    with serve(CSWCatalogue(list(records.values()))) as server, client(timeout=30) as http:
        config = SourceConfig("csw", "csw", {"url": f"{server.url}/csw", "page_size": 3})
        report = harvest(fresh_store(), config, client=http, base_iri=BASE, jobs=1)
    assert report.complete and report.count("loaded") == len(records) > 12
    batches = -(-len(records) // 4)  # one write per batch of 4 records
    assert alive == [0] * batches
    assert (enabled, gc.isenabled()) == ({False}, True)


def test_each_document_judged_has_its_cycles_collected_before_the_next(monkeypatch, collector_on):
    """Records validated together are judged a document at a time: the cycles judging one
    document left are freed before the next document's records are judged."""
    from graph_loader.load import judge

    cycles: dict[int, list[weakref.ref]] = {}  # by document (its record repairs)
    others_alive: list[int] = []
    call = judge.Judge.__call__

    def judging(self, record, found):
        mine = id(self.repairs)
        others = [c for key, made in cycles.items() if key != mine for c in made]
        others_alive.append(sum(c() is not None for c in others))
        cycles.setdefault(mine, []).append(_cycle())
        return call(self, record, found)

    monkeypatch.setattr(judge.Judge, "__call__", judging)
    files = sorted(p for p in MIXED.iterdir() if p.is_file())
    report = load_paths(EmbeddedStore(None), files, base_iri=BASE, jobs=1)
    assert len(cycles) == len({o.source for o in report.outcomes}) > 3  # the documents judged
    assert others_alive == [0] * len(report.outcomes)  # one call per record judged
