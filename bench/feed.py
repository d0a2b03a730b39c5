"""What the change feed costs: writes with their entry against the same writes without, and
a follower's poll when nothing changed, in the same run.

    python bench/feed.py --n 20000 --repeat 2

Writes N record graphs (30 statements each, ``gaia:describes`` included) in batches of
1000 to a fresh on-disk store, every other batch with its feed entry
(``write_graphs(..., announce=True)``), so that both kinds meet the same store and the same
machine load: first as new graphs (pyoxigraph's bulk loader), then replacing them --repeat
times (one SPARQL Update per batch). Then times ``follow()`` on an index that is current
(one query), over the feed those writes left. Prints medians per batch and their ratios.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph_loader.index import SearchIndex  # noqa: E402
from graph_loader.index.follow import follow  # noqa: E402
from graph_loader.store import EmbeddedStore, GraphWrite  # noqa: E402
from graph_loader.terms import DESCRIBES  # noqa: E402

BATCH = 1000
EX = "https://example.org/bench/"


def _writes(n: int, version: int) -> list[GraphWrite]:
    writes = []
    for i in range(n):
        g, r = ox.NamedNode(f"{EX}graph/{i}"), ox.NamedNode(f"{EX}dataset/{i}")
        triples = [ox.Triple(g, DESCRIBES, r)]
        triples += [
            ox.Triple(r, ox.NamedNode(f"{EX}p{k}"), ox.Literal(f"value {i} {k} v{version}"))
            for k in range(29)
        ]
        writes.append(GraphWrite(g, triples))
    return writes


def _alternate(store: EmbeddedStore, writes: list[GraphWrite], times: dict, kind: str) -> None:
    """Write ``writes`` batch by batch, announcing every other batch: both kinds of batch
    meet the same store, the same machine load (medians per batch, paired)."""
    for n, i in enumerate(range(0, len(writes), BATCH)):
        announce = n % 2 == 1
        started = time.perf_counter()
        store.write_graphs(writes[i : i + BATCH], announce=announce)
        times.setdefault(f"{kind} {announce}", []).append(time.perf_counter() - started)


def _poll(store: EmbeddedStore, folder: Path, times: int) -> float:
    index = SearchIndex.open(folder)
    follow(index, store)  # built once
    seconds = []
    for _ in range(times):
        started = time.perf_counter()
        assert follow(index, store) is None
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="record graphs [20000]")
    parser.add_argument("--repeat", type=int, default=2, help="rewrites of them all [2]")
    args = parser.parse_args()
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "store")
        _alternate(store, _writes(args.n, 0), times, "new")
        for version in range(1, args.repeat + 1):
            _alternate(store, _writes(args.n, version), times, "replaced")
        poll = _poll(store, Path(tmp) / "index", 50)
        store.close()
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"{args.n} record graphs, batches of {BATCH}, every other one with its feed entry")
    for kind in ("new", "replaced"):
        plain, fed = med[f"{kind} False"], med[f"{kind} True"]
        print(
            f"{kind:9} batch without entry {plain:6.3f} s   with entry {fed:6.3f} s   "
            f"ratio {fed / plain:.2f}   (medians of {len(times[kind + ' True'])} batches each)"
        )
    print(f"poll of a current index (one query): {poll * 1000:.2f} ms")


if __name__ == "__main__":
    main()
