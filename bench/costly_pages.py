"""Server time of the pages computed over the whole store: ``/.well-known/void``, ``/quality``
and ``/stac/collections``, with their answers kept per state of the store (the
:class:`~sparql_api.core.answers.AnswerCache`) against the same app keeping none (the baseline,
what every request cost before), in the same run.

Generates N synthetic datasets (bench/synthetic.py, each with a footprint) in record graphs
with their provenance (as bench/pages.py), scores their quality (as a load does), then times
inside the app (server time, no network) ``--rounds`` requests of each page, with the cache
and without; then one write through ``/sparql/update`` and the first request after it (the
cache computes the answer again).

    .venv/bin/python bench/costly_pages.py [--datasets 5000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import Timed, write_records  # noqa: E402

from graph_loader.bootstrap import initialise  # noqa: E402
from graph_loader.config import Settings  # noqa: E402
from graph_loader.quality import score_store  # noqa: E402
from graph_loader.store import EmbeddedStore  # noqa: E402
from sparql_api import create_app  # noqa: E402
from sparql_api.core.answers import AnswerCache  # noqa: E402

PAGES = [
    ("/.well-known/void", "text/turtle"),
    ("/quality?lang=fr", "text/html"),
    ("/stac/collections", "application/json"),
]
TOKEN = "bench-token"


def build_store(n: int) -> EmbeddedStore:
    store = EmbeddedStore(None)
    list(initialise(store))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.nq"
        write_records(path, n)
        store.raw.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    score_store(store)
    return store


def timed_app(store, cache: bool):
    app = create_app(Settings(store=":memory:", admin_tokens=(TOKEN,)), store=store)
    if not cache:
        app.extensions["gaia_kg"].answers = AnswerCache(size=0)
    timed = Timed(app.wsgi_app)
    app.wsgi_app = timed
    return app, timed


def request(app, path: str, accept: str) -> None:
    response = app.test_client().get(path, headers={"Accept": accept})
    if response.status_code != 200:
        raise SystemExit(f"{path}: HTTP {response.status_code} {response.data[:300]!r}")


def times(app, timed: Timed, path: str, accept: str, rounds: int) -> list[float]:
    timed.times.clear()
    for _ in range(rounds):
        request(app, path, accept)
    return [t * 1000 for t in timed.times]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    store = build_store(args.datasets)
    print(f"store: {args.datasets} datasets, scored, in {time.perf_counter() - started:.1f} s")
    cached, cached_timed = timed_app(store, cache=True)
    plain, plain_timed = timed_app(store, cache=False)
    print(f"server time, {args.rounds} requests each (ms):")
    print(f"  {'page':<22} {'no cache p50':>13} {'cache: first':>13} {'then p50':>10} {'ratio':>8}")
    for path, accept in PAGES:
        baseline = statistics.median(times(plain, plain_timed, path, accept, args.rounds))
        with_cache = times(cached, cached_timed, path, accept, args.rounds + 1)
        first, rest = with_cache[0], statistics.median(with_cache[1:])
        print(
            f"  {path.split('?')[0]:<22} {baseline:13.1f} {first:13.1f} {rest:10.2f} "
            f"{baseline / rest:7.0f}x"
        )
    update = "INSERT DATA { GRAPH <http://example.org/bench> { <http://example.org/a> "
    update += "<http://example.org/p> 1 } }"
    response = cached.test_client().post(
        "/sparql/update",
        data=update,
        content_type="application/sparql-update",
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 204, response.data
    print("after one /sparql/update, first request with the cache (computed again):")
    for path, accept in PAGES:
        print(f"  {path.split('?')[0]:<22} {times(cached, cached_timed, path, accept, 1)[0]:9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
