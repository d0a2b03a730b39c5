"""Server time of the linked-data surfaces at scale: descriptions, linksets, feeds.

Generates N synthetic datasets in record graphs (bench/pages.py ``write_records``), loads them
with the project graphs in an in-memory store, serves the app with waitress on 127.0.0.1 and
times, inside the app (server time), ``--rounds`` passes over:

- a dataset's Turtle description (``/id/dataset/bench-<k>.ttl``) and its linkset, against the
  resource's JSON (``/api/resources/dataset/bench-<k>``, the baseline);
- pages of the feeds: ``/catalog`` (100 members), OAI-PMH ``ListRecords`` (50 records, oai_dc),
  ``/stac/search`` (bbox, 10 items), ``/sitemap.xml`` (once).

    .venv/bin/python bench/linked_data.py [--datasets 20000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import Timed, get, measure, serve, summary, write_records  # noqa: E402

from graph_loader.bootstrap import initialise  # noqa: E402
from graph_loader.config import Settings  # noqa: E402
from graph_loader.store import EmbeddedStore  # noqa: E402
from sparql_api import create_app  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    store = EmbeddedStore(None)
    list(initialise(store))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.nq"
        quads = write_records(path, args.datasets)
        store.raw.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    print(f"store: {args.datasets} datasets, {quads} quads, {time.perf_counter() - started:.1f} s")

    import http.client

    app = create_app(Settings(store=":memory:"), store=store)
    timed = Timed(app.wsgi_app)
    app.wsgi_app = timed
    conn = http.client.HTTPConnection("127.0.0.1", serve(app), timeout=600)
    rng = random.Random(7)
    picks = [rng.randrange(args.datasets) for _ in range(20)]
    turtle = [f"/id/dataset/bench-{k}.ttl" for k in picks]
    linksets = [f"/id/dataset/bench-{k}?f=linkset" for k in picks]
    jsons = [f"/api/resources/dataset/bench-{k}" for k in picks]
    last = max(1, args.datasets // 100)
    catalog = [f"/catalog?size=100&page={p}" for p in (1, last // 2 or 1, last)]
    oai = ["/oai?verb=ListRecords&metadataPrefix=oai_dc"]
    stac = ["/stac/search?bbox=-10,40,10,50&limit=10"]
    measure(conn, timed, turtle[:3] + jsons[:3], "*/*", 1)  # warm-up

    print(f"server time, {args.rounds} rounds:")
    baseline = summary(
        "baseline /api/resources/… (JSON)", measure(conn, timed, jsons, "*/*", args.rounds)
    )
    ttl = summary("description /id/dataset/….ttl", measure(conn, timed, turtle, "*/*", args.rounds))
    links = summary("linkset ?f=linkset", measure(conn, timed, linksets, "*/*", args.rounds))
    summary("/catalog page (100 members)", measure(conn, timed, catalog, "*/*", args.rounds))
    summary("OAI-PMH ListRecords (50, oai_dc)", measure(conn, timed, oai, "*/*", args.rounds))
    summary("STAC search (bbox, 10 items)", measure(conn, timed, stac, "*/*", args.rounds))
    started = time.perf_counter()
    get(conn, "/sitemap.xml", "*/*")
    print(f"  sitemap.xml once: {time.perf_counter() - started:.2f} s")
    conn.close()
    print(f"ratio Turtle description / JSON resource: {ttl / baseline:.2f}")
    print(f"ratio linkset / JSON resource: {links / baseline:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
