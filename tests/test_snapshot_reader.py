"""The server's read-only view of an on-disk store that another process loads into."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

from graph_loader.namespaces import RDF
from graph_loader.store import EmbeddedStore, GraphWrite
from graph_loader.terms import RECORD_GRAPH
from sparql_api.core.pool import SnapshotReader

ROOT = Path(__file__).resolve().parents[1]


def _record(i: int) -> GraphWrite:
    g = ox.NamedNode(f"https://example.org/graph/r{i}")
    return GraphWrite(g, [ox.Triple(g, ox.NamedNode(str(RDF.type)), RECORD_GRAPH)])


def test_a_load_reopens_the_store_at_most_once_a_second(tmp_path):
    """30 batches written over 3 s (the folder changes 30 times) while requests read: the
    store is reopened once a second, not at every change (which grew a serving process by
    gigabytes during a load); a forced check sees the last batch at once."""
    writer = EmbeddedStore(tmp_path / "store")
    writer.write_graphs([_record(0)])
    clock = [0.0]
    reader = SnapshotReader(tmp_path / "store", interval=1.0, clock=lambda: clock[0])
    seen = [len(reader.current())]
    for i in range(1, 31):  # a batch of the load, then a request, a tenth of a second apart
        writer.write_graphs([_record(i)])
        clock[0] = i / 10
        seen.append(len(reader.current()))
    assert seen == [1] * 10 + [11] * 10 + [21] * 10 + [31]
    assert reader.opens == 4  # at 0, 1, 2 and 3 s
    reader.invalidate()  # this process wrote: the next request must see it
    writer.write_graphs([_record(31)])
    assert len(reader.current()) == 32
    assert reader.opens == 5


#: opens a snapshot, deletes every table file of the store (as the writer's compactions do
#: with the files they merged), then queries the snapshot; a runaway hits the memory limit
_AFTER_COMPACTION = r"""
import os, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from sparql_api.core.pool import SnapshotReader
path = sys.argv[1]
store = SnapshotReader(path).current()
for name in os.listdir(path):
    if name.endswith(".sst"):
        os.unlink(os.path.join(path, name))
rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
print(sorted(int(row["n"].value) for row in rows))
"""


def test_a_snapshot_answers_after_the_writer_deleted_its_files(tmp_path):
    """RocksDB opens a snapshot's table files when a query first needs them; files the writer
    deleted meanwhile made pyoxigraph's iterators yield their error forever, and one query
    of a serving process took 300 MB a second until it had the machine's memory. A snapshot
    is opened from its own links to the files, which the writer's deletions leave alone."""
    writer = EmbeddedStore(tmp_path / "store")
    for i in range(40):  # 40 flushes: more table files than an opening reads at once
        writer.write_graphs([_record(i)])
        writer.raw.flush()
    writer.close()
    del writer
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    found = subprocess.run(
        [sys.executable, "-c", _AFTER_COMPACTION, str(tmp_path / "store")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert (found.returncode, found.stdout) == (0, f"{[1] * 40}\n"), found.stderr[-2000:]


def test_snapshot_folders_are_removed_once_unused(tmp_path):
    """A folder per snapshot: kept while its snapshot is referenced, removed at the next
    opening after; those of a process that is gone are removed when a reader starts."""
    writer = EmbeddedStore(tmp_path / "store")
    writer.write_graphs([_record(0)])
    root = tmp_path / ".store-snapshots"
    (root / "999999999-1").mkdir(parents=True)  # left by a killed process
    reader = SnapshotReader(tmp_path / "store", interval=0)
    first = reader.current()
    opened = _numbers(root)
    assert len(opened) == 1  # the killed process's folder is gone
    writer.write_graphs([_record(1)])
    second = reader.current()  # the first one still referenced: its folder stays
    writer.write_graphs([_record(2)])
    assert (len(first), len(second), len(reader.current())) == (1, 2, 3)
    kept = _numbers(root)
    assert len(kept) == 3 and kept[0] == opened[0], kept
    del first, second
    writer.write_graphs([_record(3)])
    assert len(reader.current()) == 4  # the third one was current until then: kept once more
    last = _numbers(root)
    assert len(last) == 2 and last[0] == kept[-1] < last[1], (kept, last)


def _numbers(root) -> list[int]:
    """The numbers of this process's snapshot folders under ``root``, in order. An opening
    that a compaction interrupts is retried in a folder of the next number (the failed one
    removed), so numbers need not follow each other."""
    names = [p.name for p in root.iterdir()]
    mine = f"{os.getpid()}-"
    assert all(name.startswith(mine) for name in names), names
    return sorted(int(name[len(mine) :]) for name in names)


def test_an_opening_retried_keeps_no_older_snapshot_alive(tmp_path, monkeypatch):
    """An opening that fails once (a compaction deleted a file meanwhile) and succeeds on
    retry leaves nothing holding the snapshot current before it: once unreferenced, its
    folder is removed at the next opening, as after an opening that did not fail."""
    writer = EmbeddedStore(tmp_path / "store")
    writer.write_graphs([_record(0)])
    reader = SnapshotReader(tmp_path / "store", interval=0)
    first = reader.current()
    writer.write_graphs([_record(1)])
    real, attempts = reader.folders.open, []

    def flaky():
        attempts.append(len(attempts) + 1)
        if len(attempts) == 1:
            raise RuntimeError("a table file was deleted by a compaction")
        return real()

    gc.disable()  # the cyclic collector would hide a reference cycle holding the snapshot
    try:
        monkeypatch.setattr(reader.folders, "open", flaky)
        second = reader.current()
        monkeypatch.undo()
        assert (attempts, len(first), len(second)) == ([1, 2], 1, 2)
        del first
        writer.write_graphs([_record(2)])
        assert len(reader.current()) == 3
        assert reader.folders.folders() == 2  # the first snapshot's folder is gone
    finally:
        gc.enable()
