"""Per-query overhead of the /sparql worker pool: median of 50 trivial queries.

Compares running a query in this process (``run_job`` on the store) with running it in a
pool worker (pipe round trip), for an in-memory store and for an on-disk store opened
read-only (which also checks the folder for writes before each query).

    .venv/bin/python bench/sparql_overhead.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from functools import partial

import pyoxigraph as ox

from graph_loader.store import EmbeddedStore
from sparql_api.core.execute import QueryJob, run_job
from sparql_api.core.pool import FixedReader, QueryPool, SnapshotReader

RUNS = 50
JOB = QueryJob("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")


def fill(store: EmbeddedStore) -> None:
    ex = "http://example.org/"
    triples = [
        ox.Triple(ox.NamedNode(f"{ex}s{i}"), ox.NamedNode(ex + "p"), ox.Literal(i))
        for i in range(10_000)
    ]
    store.replace_graph(ox.NamedNode(ex + "g"), triples)


def median_ms(run) -> tuple[float, float]:
    """(first run, median of the next RUNS) in milliseconds."""
    start = time.perf_counter()
    run()  # warm up (the pool forks its worker here)
    first = time.perf_counter() - start
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return first * 1000, statistics.median(times) * 1000


def measure(label: str, direct, pool: QueryPool) -> None:
    try:
        _, d = median_ms(direct)
        fork, p = median_ms(lambda: pool.run(JOB))
    finally:
        pool.close()
    print(
        f"{label:<8} direct {d:6.3f} ms   pool {p:6.3f} ms   overhead {p - d:6.3f} ms"
        f"   (first query, with the fork: {fork:.1f} ms)"
    )


def main() -> int:
    print(f"median of {RUNS} trivial queries ({JOB.query!r})")
    memory = EmbeddedStore(None)
    fill(memory)
    pool = QueryPool(partial(FixedReader, memory.raw), size=2, timeout=30)
    measure("memory", lambda: run_job(memory.raw, JOB), pool)
    with tempfile.TemporaryDirectory() as folder:
        disk = EmbeddedStore(folder)
        fill(disk)
        disk.close()
        pool = QueryPool(partial(SnapshotReader, folder), size=2, timeout=30)
        measure("disk", lambda: run_job(disk.raw, JOB), pool)
    return 0


if __name__ == "__main__":
    sys.exit(main())
