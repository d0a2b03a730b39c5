"""The server's read-only view of an on-disk store that another process loads into."""

from __future__ import annotations

import pyoxigraph as ox

from graph_loader.namespaces import RDF
from graph_loader.store import EmbeddedStore, GraphWrite
from graph_loader.terms import RECORD_GRAPH
from sparql_api.core.pool import SnapshotReader


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
