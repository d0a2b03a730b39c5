"""What the change feed costs: writes with their entry against the same writes without, and
a follower's poll when nothing changed, in the same run.

    python bench/feed.py --n 20000 --repeat 3

Writes N record graphs (30 statements each, ``gaia:describes`` included) in batches of
1000 to a fresh on-disk store, twice per run, interleaved: without a feed entry, then with one
(``write_graphs(..., announce=True)``), first as new graphs (pyoxigraph's bulk loader), then
replacing them (one SPARQL Update per batch). Then times ``follow()`` on an index that is
current (one query), over the feed those writes left. Prints medians and ratios.
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


def _write(store: EmbeddedStore, writes: list[GraphWrite], announce: bool) -> float:
    started = time.perf_counter()
    for i in range(0, len(writes), BATCH):
        store.write_graphs(writes[i : i + BATCH], announce=announce)
    return time.perf_counter() - started


def _run(n: int, folder: Path, announce: bool) -> tuple[float, float, EmbeddedStore]:
    store = EmbeddedStore(folder)
    new = _write(store, _writes(n, 1), announce)
    replaced = _write(store, _writes(n, 2), announce)
    return new, replaced, store


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
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, median [3]")
    args = parser.parse_args()
    figures: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.repeat):
            for announce in (False, True):
                folder = Path(tmp) / f"{r}-{announce}"
                new, replaced, store = _run(args.n, folder / "store", announce)
                figures.setdefault(f"new {announce}", []).append(new)
                figures.setdefault(f"replaced {announce}", []).append(replaced)
                if announce:
                    poll = _poll(store, folder / "index", 50)
                    figures.setdefault("poll", []).append(poll)
                store.close()
                del store
    med = {k: statistics.median(v) for k, v in figures.items()}
    print(f"{args.n} record graphs in batches of {BATCH}, medians of {args.repeat} runs")
    for kind in ("new", "replaced"):
        plain, fed = med[f"{kind} False"], med[f"{kind} True"]
        print(
            f"{kind:9} without feed {plain:7.2f} s   with feed {fed:7.2f} s   "
            f"ratio {fed / plain:.2f}   ({args.n / fed:,.0f} graphs/s)"
        )
    print(f"poll of a current index (one query): {med['poll'] * 1000:.2f} ms")


if __name__ == "__main__":
    main()
