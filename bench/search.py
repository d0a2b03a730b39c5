"""Search at scale: index rebuild, /api/search and /api/autocomplete over HTTP, against SPARQL.

Generates its own catalogue (bench/synthetic.py, N datasets bulk-loaded into an on-disk
store), rebuilds the search index, starts the production server (``gaia-kg serve``:
waitress) on a free port, and sends a fixed mix of 200 realistic requests (words, 1-3
facet filters, a bbox half the time, the facet tree always). Prints the rebuild time, p50 and
p95 of the mix, the autocomplete p50, the server's RSS, and the same searches answered by
SPARQL on the same server (``/sparql``: the resources of ``sparql_for`` and their facet
counts), with the ratio of the medians. SPARQL is slow, so only the first ``--sparql``
requests of the mix go to it (each stopped at the server's 30 s limit, counted as 30 s).

    python bench/search.py --n 100000          # about 10 min on 2 shared cores
    python bench/search.py --n 1000000         # the issue's scale: long (see --help)
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from rss import run_measured  # noqa: E402
from synthetic import FORMATS, POLES, VARIABLES, WORDS, write_catalogue  # noqa: E402

from graph_loader.bootstrap import initialise  # noqa: E402
from graph_loader.store import EmbeddedStore  # noqa: E402
from sparql_api.search.engine import SearchParams, sparql_for  # noqa: E402

EU_FORMAT = "http://publications.europa.eu/resource/authority/file-type/"
COMPARTMENTS = ["atmosphere", "oceans", "land-surfaces", "solid-earth", "biodiversity"]
QUERY_WORDS = [*WORDS, "température", "aérosols", "neige", "pluie", "océan", "sea ice", "snow"]
#: how long the first requests may wait: the worker builds its concept index from the store
#: then (its counts read every tagged resource: minutes at 1M on a loaded machine)
WARM_UP_SECONDS = 900
PREFIXES = ["aer", "ozo", "temp", "sea s", "neig", "chloro", "précip", "vent", "sol", "biodiv"]


def mix(n: int = 200, seed: int = 7) -> list[dict]:
    """The fixed request mix: words, 1-3 facet filters, a bbox half the time."""
    rng = random.Random(seed)
    requests = []
    for _ in range(n):
        args: dict = {"q": rng.choice(QUERY_WORDS), "lang": rng.choice(["fr", "en"])}
        kinds = rng.sample(["theme", "pole", "format", "time", "compartment"], rng.randint(1, 3))
        for kind in kinds:
            if kind == "theme":
                args["theme"] = rng.sample(VARIABLES, rng.randint(1, 2))
            elif kind == "compartment":
                args["theme"] = [*args.get("theme", []), rng.choice(COMPARTMENTS)]
            elif kind == "pole":
                args["pole"] = rng.choice(POLES)
            elif kind == "format":
                args["format"] = EU_FORMAT + rng.choice(FORMATS)
            else:
                start = rng.randint(1990, 2018)
                args["start"], args["end"] = str(start), str(start + rng.randint(0, 6))
        if rng.random() < 0.5:
            w, s = rng.uniform(-180, 150), rng.uniform(-80, 40)
            e = w + rng.uniform(20, 60)
            e = e - 360 if e > 180 else e  # about one box in ten crosses the antimeridian
            args["bbox"] = f"{w:.1f},{s:.1f},{e:.1f},{s + rng.uniform(10, 40):.1f}"
        requests.append(args)
    return requests


def build_store(folder: Path, n: int, name: str = "store") -> tuple[EmbeddedStore, float]:
    store = EmbeddedStore(folder / name)
    started = time.perf_counter()
    list(initialise(store, infer=False))
    data = folder / "catalogue.nq"
    write_catalogue(data, n, graphs=True)
    store.raw.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    data.unlink()
    return store, time.perf_counter() - started


def rebuild_index(folder: Path) -> tuple[float, str, float]:
    """``gaia-kg index rebuild`` on the store, as a user runs it: its time, its message and
    the peak RSS of its process (MB: its own, not this process's, see ``bench/rss.py``)."""
    command = [str(Path(sys.executable).parent / "gaia-kg"), "index", "rebuild", "--store"]
    command += [str(folder / "store"), "--index", str(folder / "index"), "--lang", "en"]
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        returncode, peak = run_measured(command, out)
        seconds = time.perf_counter() - started
        out.seek(0)
        message = "\n".join(
            line for line in out.read().strip().splitlines() if not line.startswith("peak-rss")
        ).strip()
    if returncode:
        raise subprocess.CalledProcessError(returncode, command, message)
    return seconds, message, peak / 2**20


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(folder: Path, store: str = "store") -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, "GAIA_KG_INDEX": str(folder / "index"), "GAIA_KG_QUERY_WORKERS": "2"}
    command = [str(Path(sys.executable).parent / "gaia-kg"), "serve", "--store"]
    command += [str(folder / store), "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start")


def get(conn: http.client.HTTPConnection, path: str) -> tuple[float, bytes]:
    started = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    if response.status != 200:
        raise SystemExit(f"{path}: HTTP {response.status} {body[:300]!r}")
    return elapsed, body


def sparql(conn: http.client.HTTPConnection, query: str) -> float:
    body = urllib.parse.urlencode({"query": query})
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json",
    }
    started = time.perf_counter()
    conn.request("POST", "/sparql", body=body, headers=headers)
    response = conn.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    if response.status not in (200, 503, 504):
        raise SystemExit(f"SPARQL: HTTP {response.status}")
    return elapsed if response.status == 200 else max(elapsed, 30.0)


def sparql_queries(args: dict) -> list[str]:
    """The page of hits and the facet counts of one search, as SPARQL."""
    resources = sparql_for(SearchParams.from_args(args))
    prologue, select = resources.split("SELECT DISTINCT ?r ?kind WHERE", 1)
    body = select.rsplit("ORDER BY", 1)[0]
    facets = (HERE / "queries" / "search_facets.rq").read_text("utf-8")
    inner = "{ SELECT DISTINCT ?r WHERE " + body.strip() + " }"
    facets = prologue + facets.split("PREFIX skos: <http://www.w3.org/2004/02/skos/core#>", 1)[1]
    return [resources + " LIMIT 20", facets.replace("#RESULTS", inner)]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="datasets generated")
    parser.add_argument("--sparql", type=int, default=20, help="requests also sent as SPARQL")
    parser.add_argument(
        "--sparql-n", type=int, default=100_000, help="datasets of the SPARQL baseline's store"
    )
    parser.add_argument("--keep", type=Path, default=None, help="keep the stores and index here")
    parser.add_argument(
        "--reuse", action="store_true", help="measure the store and index kept in --keep again"
    )
    parser.add_argument("--json", type=Path, help="write the figures here (bench/table.py)")
    options = parser.parse_args(argv)
    if options.reuse and options.keep is None:
        parser.error("--reuse needs --keep")
    folder = options.keep or Path(tempfile.mkdtemp(prefix="gaia-search-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    figures: dict = {"bench": "search", "n": options.n, "rebuild_seconds": None}
    if options.reuse:
        print(f"catalogue: reused from {folder}", flush=True)
    else:
        print(f"catalogue: {options.n} datasets in {folder}", flush=True)
        store, load_s = build_store(folder, options.n)
        print(f"store: {store.triple_count()} quads, bulk load {load_s:.1f} s", flush=True)
        store.close()
        del store
        seconds, message, peak = rebuild_index(folder)
        figures.update(rebuild_seconds=seconds, rebuild_mb=peak)
        print(
            f"index rebuild (gaia-kg index rebuild): {seconds:.1f} s, peak RSS {peak:,.0f} MB:"
            f" {message}",
            flush=True,
        )
    base_n = min(options.sparql_n, options.n)
    base_store = "store" if base_n == options.n else f"store-{base_n}"
    if (
        options.sparql
        and base_store != "store"
        and not (options.reuse and (folder / base_store).exists())
    ):
        small, load_s = build_store(folder, base_n, base_store)
        small.close()
        print(f"SPARQL baseline store: {base_n} datasets, bulk load {load_s:.1f} s", flush=True)
    requests = mix()
    try:
        times, totals, complete, rss = measure_index(folder, requests)
        base = measure_sparql(folder, base_store, requests[: options.sparql])
    finally:
        if options.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    p50, p95 = pct(times, 50), pct(times, 95)
    print(f"/api/search at {options.n}, {len(times)} requests: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    print(f"  hits per request: median {statistics.median(totals):.0f}, max {max(totals)}")
    print(f"/api/autocomplete: p50 {pct(complete, 50):.2f} ms ({len(complete)} requests)")
    print(f"server RSS after the runs: {rss:.0f} MB", flush=True)
    figures.update(
        requests=len(times),
        p50_ms=p50,
        p95_ms=p95,
        autocomplete_p50_ms=pct(complete, 50),
        server_mb=rss,
    )
    if options.json:
        options.json.write_text(json.dumps(figures, indent=1), "utf-8")
    if base:
        sub = times[: len(base)]
        slow, fast = statistics.median(base) * 1000, statistics.median(sub) * 1000
        print(
            f"SPARQL (/sparql, hits + facet counts) at {base_n}, first {len(base)} requests: "
            f"p50 {slow:.0f} ms vs index at {options.n} {fast:.1f} ms on the same requests: "
            f"ratio {slow / fast:.0f}x"
        )
    print(
        f"targets at 1M: p50 <= 30 ms ({'met' if p50 <= 30 else 'not met'}), p95 <= 120 ms "
        f"({'met' if p95 <= 120 else 'not met'}), autocomplete p50 <= 5 ms "
        f"({'met' if pct(complete, 50) <= 5 else 'not met'}), RSS <= 2 GB "
        f"({'met' if rss <= 2048 else 'not met'}) at n={options.n}"
    )
    return 0


def measure_index(folder: Path, requests: list[dict]) -> tuple[list, list, list, float]:
    """The mix and the autocompletions over HTTP, and the server's RSS after them."""
    server, port = start_server(folder)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=WARM_UP_SECONDS)
        paths = ["/api/search?" + urllib.parse.urlencode(a, doseq=True) for a in requests]
        for path in paths[:20]:  # warm-up: the concept index, the first searcher
            get(conn, path)
        conn.sock.settimeout(120)
        times, totals = [], []
        for path in paths:
            elapsed, body = get(conn, path)
            times.append(elapsed)
            totals.append(json.loads(body)["total"])
        complete = []
        for prefix in PREFIXES * 10:
            q = urllib.parse.urlencode({"q": prefix, "lang": "fr"})
            complete.append(get(conn, "/api/autocomplete?" + q)[0])
        return times, totals, complete, rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)


def measure_sparql(folder: Path, store: str, requests: list[dict]) -> list[float]:
    """The same searches as SPARQL (hits and facet counts) on the baseline store."""
    if not requests:
        return []
    server, port = start_server(folder, store)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        return [sum(sparql(conn, q) for q in sparql_queries(args)) for args in requests]
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    raise SystemExit(main())
