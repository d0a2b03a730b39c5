"""Autocomplete latency over HTTP: the GAIA thesaurus plus GCMD science keywords and platforms.

Loads the project graphs and both GCMD files (from ``../shared/corpora/gcmd``) into an
in-memory store, serves the app with waitress on 127.0.0.1 in a thread, warms up, then times
``ROUNDS`` passes over ``QUERIES`` (French and English, prefixes, typos) with one keep-alive
HTTP connection, and prints p50/p95 and the time to build the index.

    .venv/bin/python bench/autocomplete.py [--rounds N] [--datasets N]

``--datasets N`` adds N synthetic datasets (bench/synthetic.py, 1–3 thesaurus variables
each) to measure the index build and the change check on a larger catalogue.
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
from waitress.server import create_server

from graph_loader.bootstrap import initialise
from graph_loader.config import Settings
from graph_loader.formats import read_triples
from graph_loader.store import EmbeddedStore
from graph_loader.terms import vocabulary_graph
from sparql_api import create_app
from sparql_api.core.concept_index import build_concept_index, signature
from sparql_api.search.autocomplete import matcher_for

GCMD = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "gcmd"
VOCABULARIES = {"gcmd-sciencekeywords": "sciencekeywords.rdf", "gcmd-platforms": "platforms.rdf"}

#: realistic queries: whole labels, prefixes being typed, acronyms, typos, both languages
QUERIES = [
    "aérosols",
    "aerosol",
    "AOD",
    "epaisseur optique",
    "aersol",
    "température de surface de la mer",
    "SST",
    "sea surface temp",
    "temp",
    "tempé",
    "salinité",
    "salinity",
    "chlorophylle",
    "chlorophyl",
    "ocean colour",
    "couleur de l'océan",
    "précipitations",
    "precipitaton",
    "pluie",
    "rain",
    "vent",
    "wind speed",
    "nuages",
    "cloud top",
    "ozone",
    "qualité de l'air",
    "air quality",
    "NO2",
    "dioxyde d'azote",
    "particules fines",
    "humidité",
    "water vapour",
    "neige",
    "snow cover",
    "glaicer",
    "sol",
    "soil moisture",
    "humidite du sol",
    "NDVI",
    "végétation",
    "séisme",
    "sismicite",
    "earthquake",
    "GNSS",
    "déformation",
    "biodiversité",
    "plancton",
    "species occ",
    "satellite",
    "sentinel",
]


def load_store(datasets: int = 0) -> tuple[EmbeddedStore, float]:
    store = EmbeddedStore(None)
    started = time.perf_counter()
    list(initialise(store))
    if datasets:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from synthetic import write_catalogue

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "catalogue.nq"
            write_catalogue(path, datasets, graphs=True)
            store.raw.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    for name, filename in VOCABULARIES.items():
        path = GCMD / filename
        store.replace_graph(vocabulary_graph(name), read_triples(path.read_bytes(), name=str(path)))
    return store, time.perf_counter() - started


def serve(app) -> tuple[object, int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = create_server(app, host="127.0.0.1", port=port, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    return server, port


def timed_get(conn: http.client.HTTPConnection, q: str) -> tuple[float, dict]:
    path = "/api/autocomplete?" + urllib.parse.urlencode({"q": q, "lang": "fr"})
    started = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    if response.status != 200:
        raise SystemExit(f"{q!r}: HTTP {response.status} {body[:200]!r}")
    return elapsed, json.loads(body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--datasets", type=int, default=0)
    args = parser.parse_args(argv)
    if not all((GCMD / f).is_file() for f in VOCABULARIES.values()):
        print(f"GCMD files not found in {GCMD}: nothing to measure.", file=sys.stderr)
        return 2
    store, load_s = load_store(args.datasets)
    print(f"store: {store.triple_count()} quads loaded in {load_s:.2f} s")
    started = time.perf_counter()
    signature(store)
    print(f"change check (signature): {(time.perf_counter() - started) * 1000:.0f} ms")
    started = time.perf_counter()
    index = build_concept_index(store)
    matcher_for(index)
    build_s = time.perf_counter() - started
    print(
        f"index: {len(index.concepts)} concepts, {len(index.labels)} labels, "
        f"built in {build_s * 1000:.0f} ms (read from the store {index.seconds * 1000:.0f} ms)"
    )
    app = create_app(Settings(store=":memory:"), store=store)
    _server, port = serve(app)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        first, _ = timed_get(conn, "warm-up")  # builds the app's own index
        print(f"first request (builds the app's index): {first * 1000:.0f} ms")
        for q in QUERIES:
            timed_get(conn, q)
        times, per_query = [], {}
        for _ in range(args.rounds):
            for q in QUERIES:
                elapsed, body = timed_get(conn, q)
                times.append(elapsed)
                per_query.setdefault(q, []).append(elapsed)
                top = body["suggestions"][:1]
        del top
    finally:
        conn.close()  # the server thread is a daemon: it ends with this process
    ms = sorted(t * 1000 for t in times)
    p50, p95 = statistics.median(ms), ms[int(len(ms) * 0.95) - 1]
    slowest = sorted(per_query, key=lambda q: -statistics.median(per_query[q]))[:3]
    print(f"{len(ms)} requests ({len(QUERIES)} queries x {args.rounds} rounds) over HTTP:")
    print(f"p50 {p50:.2f} ms   p95 {p95:.2f} ms   max {ms[-1]:.2f} ms")
    print(
        "slowest queries (median): "
        + ", ".join(f"{q!r} {statistics.median(per_query[q]) * 1000:.2f} ms" for q in slowest)
    )
    print("target (issue 3): p50 <= 5 ms", "- met" if p50 <= 5 else "- NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
