"""Server time of the portal's pages at scale: the results page and a dataset page.

Generates N synthetic datasets (bench/synthetic.py, ~29 triples each), each in a record graph
of its own with its provenance (``gaia:describes``, load time, source), loads them with the
project graphs into an in-memory store, serves the app with waitress on 127.0.0.1 and times,
inside the app (a WSGI wrapper around Flask: server time, no network), each request of
``--rounds`` passes over:

- results pages ``/search?…`` (text, theme, facets, bbox, sort, page 3), against the same
  searches as JSON (``/api/search?…``, the baseline: the HTML costs what it adds);
- dataset pages ``/id/dataset/bench-<k>`` (HTML), against the resource's JSON
  (``/api/resources/dataset/bench-<k>``, the baseline).

    .venv/bin/python bench/pages.py [--datasets 100000] [--rounds 5]

Targets (issue 9): results page p50 <= 50 ms, dataset page p50 <= 20 ms at 100k datasets.
"""

from __future__ import annotations

import argparse
import http.client
import random
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import pyoxigraph as ox
from waitress.server import create_server

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import NS, dataset_ntriples  # noqa: E402

from graph_loader.bootstrap import initialise  # noqa: E402
from graph_loader.config import Settings  # noqa: E402
from graph_loader.index import SearchIndex, rebuild  # noqa: E402
from graph_loader.store import EmbeddedStore  # noqa: E402
from sparql_api import create_app  # noqa: E402

GAIA = "https://w3id.org/gaia-kg/ontology#"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SEARCHES = [
    "q=ozone",
    "q=aerosol+ocean",
    "theme=aerosol-optical-depth",
    "theme=atmosphere&pole=aeris",
    "format=http%3A%2F%2Fpublications.europa.eu%2Fresource%2Fauthority%2Ffile-type%2FNETCDF",
    "bbox=-10,40,10,50",
    "q=sea&sort=date&page=3",
    "q=snow&bbox=-180,-90,180,90&sort=title",
]


def write_records(path: Path, n: int, seed: int = 42) -> int:
    """N-Quads: each synthetic dataset in its record graph, with the record's provenance."""
    rng = random.Random(seed)
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            graph = f"<https://w3id.org/gaia-kg/graph/record/bench-{i}>"
            lines = dataset_ntriples(i, rng)
            lines += [
                f"{graph} <{GAIA}describes> <{NS}dataset/bench-{i}> .",
                f"{graph} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{GAIA}RecordGraph> .",
                f"{graph} <{PROV}generatedAtTime> "
                f'"2026-01-01T00:{i // 6000 % 60:02d}:{i // 100 % 60:02d}Z"^^<{XSD}dateTime> .',
                f'{graph} <{GAIA}source> "bench" .',
            ]
            count += len(lines)
            out.write("".join(line[:-2] + " " + graph + " .\n" for line in lines))
    return count


class Timed:
    """WSGI wrapper recording the server time of each request (until the body is produced)."""

    def __init__(self, app):
        self.app = app
        self.times: list[float] = []

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        body = b"".join(self.app(environ, start_response))
        self.times.append(time.perf_counter() - started)
        return [body]


def serve(app) -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = create_server(app, host="127.0.0.1", port=port, threads=2)
    threading.Thread(target=server.run, daemon=True).start()
    return port


def get(conn: http.client.HTTPConnection, path: str, accept: str) -> bytes:
    conn.request("GET", path, headers={"Accept": accept})
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"{path}: HTTP {response.status} {body[:300]!r}")
    return body


def measure(conn, timed: Timed, paths: list[str], accept: str, rounds: int) -> list[float]:
    timed.times.clear()
    for _ in range(rounds):
        for path in paths:
            get(conn, path, accept)
    return [t * 1000 for t in timed.times]


def summary(name: str, ms: list[float]) -> float:
    ms = sorted(ms)
    p50, p95 = statistics.median(ms), ms[max(0, int(len(ms) * 0.95) - 1)]
    print(f"  {name:<34} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   ({len(ms)} requests)")
    return p50


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    store = EmbeddedStore(None)
    list(initialise(store))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.nq"
        quads = write_records(path, args.datasets)
        store.raw.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    print(
        f"store: {args.datasets} datasets, {quads} quads + project graphs, loaded in "
        f"{time.perf_counter() - started:.1f} s"
    )

    folder = tempfile.mkdtemp(prefix="gaia-kg-bench-index-")
    started = time.perf_counter()
    report = rebuild(SearchIndex.open(folder), store)
    print(
        f"search index on disk: {report.documents} resources, "
        f"built in {time.perf_counter() - started:.1f} s"
    )
    # as in production: the index is a folder the app opens (GAIA_KG_INDEX)
    app = create_app(Settings(store=":memory:", index=folder), store=store)
    timed = Timed(app.wsgi_app)
    app.wsgi_app = timed
    conn = http.client.HTTPConnection("127.0.0.1", serve(app), timeout=600)
    get(conn, "/api/search?q=warm-up", "application/json")

    rng = random.Random(7)
    picks = [rng.randrange(args.datasets) for _ in range(20)]
    pages = [f"/id/dataset/bench-{k}?lang=fr" for k in picks]
    jsons = [f"/api/resources/dataset/bench-{k}?lang=fr" for k in picks]
    results = [f"/search?{s}&lang=fr" for s in SEARCHES]
    api = [f"/api/search?{s}&lang=fr" for s in SEARCHES]
    for paths, accept in ((results, "text/html"), (api, "application/json")):
        measure(conn, timed, paths, accept, 1)  # warm-up
    measure(conn, timed, pages[:5], "text/html", 1)

    print(f"server time, {args.rounds} rounds:")
    html_results = summary(
        "results page /search (HTML)", measure(conn, timed, results, "text/html", args.rounds)
    )
    json_results = summary(
        "baseline /api/search (JSON)", measure(conn, timed, api, "application/json", args.rounds)
    )
    html_dataset = summary(
        "dataset page /id/dataset/… (HTML)", measure(conn, timed, pages, "text/html", args.rounds)
    )
    json_dataset = summary(
        "baseline /api/resources/… (JSON)",
        measure(conn, timed, jsons, "application/json", args.rounds),
    )
    home = summary(
        "home / (HTML, recent additions)",
        measure(conn, timed, ["/?lang=fr"], "text/html", args.rounds),
    )
    conn.close()
    print(f"ratio results page / JSON search: {html_results / json_results:.2f}")
    print(f"ratio dataset page / JSON resource: {html_dataset / json_dataset:.2f}")
    print(
        f"results page p50 {html_results:.1f} ms (target <= 50):",
        "met" if html_results <= 50 else "NOT met",
    )
    print(
        f"dataset page p50 {html_dataset:.1f} ms (target <= 20):",
        "met" if html_dataset <= 20 else "NOT met",
    )
    del home
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
