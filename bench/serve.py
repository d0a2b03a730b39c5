"""The server under load: concurrent clients over HTTP, one process against several.

Generates its catalogue as ``bench/search.py`` does (N synthetic datasets bulk-loaded, the
search index built by ``gaia-kg index rebuild``), then, for each ``--workers`` value (``W``,
or ``WxT`` for ``T`` threads each), starts ``gaia-kg serve --workers W [--threads T]`` on a
free port of 127.0.0.1 and lets ``--clients`` threads (each with its own keep-alive
connection) send for ``--seconds`` a fixed mix: searches (``/api/search`` and the ``/search``
page), autocompletions, dataset pages (``/id/dataset/…``) and small SPARQL queries
(``/sparql``). Prints requests/s, p50/p95/p99 per kind and overall, and the errors (any status
but 200, or a failed connection), for each setting in the same run.

``--during-load K`` then measures the serving process's memory while ``gaia-kg load``
rewrites K records (one N-Triples file, loaded once before) in the store it reads, on a fresh
copy of the same store each time, with four clients
sending the mix: with the store reopened whenever its folder changed
(``GAIA_KG_REOPEN_SECONDS=0``, the old behaviour) and at most once a second (the default).

    python bench/serve.py --n 100000                  # the issue's scale (long to generate)
    python bench/serve.py --n 20000 --seconds 30 --during-load 7000
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from search import PREFIXES, build_store, free_port, mix, rebuild_index, rss_mb  # noqa: E402
from synthetic import dataset_ntriples  # noqa: E402

KINDS = ("search", "page", "autocomplete", "dataset", "sparql")
#: the share of each kind in the mix (searches over the API and as pages, completions,
#: dataset pages, SPARQL)
WEIGHTS = (30, 15, 25, 20, 10)
SPARQL = [
    "PREFIX dcat: <http://www.w3.org/ns/dcat#> SELECT ?d WHERE { ?d a dcat:Dataset } LIMIT 20",
    "PREFIX dct: <http://purl.org/dc/terms/> SELECT ?t WHERE { <{d}> dct:title ?t }",
    "PREFIX dcat: <http://www.w3.org/ns/dcat#> SELECT (COUNT(?x) AS ?n) WHERE "
    "{ <{d}> dcat:distribution ?x }",
]
DATASET = "https://data.gaia-data.fr/id/dataset/bench-{k}"


def requests_of(n: int, seed: int = 11) -> list[tuple[str, str, str, bytes | None]]:
    """2,000 requests of the mix: (kind, method, path, body)."""
    rng = random.Random(seed)
    searches = mix(200, seed=7)
    out = []
    for _ in range(2000):
        kind = rng.choices(KINDS, WEIGHTS)[0]
        body = None
        if kind in ("search", "page"):
            args = urllib.parse.urlencode(rng.choice(searches), doseq=True)
            path = ("/api/search?" if kind == "search" else "/search?") + args
        elif kind == "autocomplete":
            q = rng.choice(PREFIXES)
            path = "/api/autocomplete?" + urllib.parse.urlencode({"q": q, "lang": "fr"})
        elif kind == "dataset":
            path = f"/id/dataset/bench-{rng.randrange(n)}?lang={rng.choice(['fr', 'en'])}"
        else:
            text = rng.choice(SPARQL).replace("{d}", DATASET.format(k=rng.randrange(n)))
            path, body = "/sparql", urllib.parse.urlencode({"query": text}).encode()
        out.append((kind, "POST" if body else "GET", path, body))
    return out


def start(
    folder: Path, workers: int, env: dict | None = None, threads: int | None = None
) -> tuple[subprocess.Popen, int]:
    """``gaia-kg serve --workers W [--threads T]`` on the catalogue, once it answers."""
    port = free_port()
    env = {**os.environ, "GAIA_KG_INDEX": str(folder / "index"), **(env or {})}
    command = [sys.executable, "-m", "sparql_api.cli", "serve", "--store", str(folder / "store")]
    command += ["--port", str(port), "--workers", str(workers), "--lang", "en"]
    command += ["--threads", str(threads)] if threads else []
    log = (folder / f"serve-{port}.log").open("wb")  # waitress says when its queue grows
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log)
    log.close()
    for _ in range(600):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/health")
            if conn.getresponse().status == 200:
                return server, port
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def connect(port: int, seed: int) -> http.client.HTTPConnection:
    """A connection from a loopback address of this client's own (127.0.0.2, .3, ...): the
    server bounds SPARQL per client address, and the clients of a real mix are distinct
    machines, not one."""
    source = (f"127.0.{1 + seed // 250}.{2 + seed % 250}", 0)
    return http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=source)


def client(port: int, workload: list, until: float, seed: int, out: list, stop=None) -> None:
    """One client: requests of ``workload`` in a random order until ``until`` (or ``stop``),
    from an address of its own (:func:`connect`)."""
    stop = stop or threading.Event()
    rng = random.Random(seed)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "*/*"}
    conn = connect(port, seed)
    while time.monotonic() < until and not stop.is_set():
        kind, method, path, body = rng.choice(workload)
        started = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers if body else {})
            response = conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            status = 0
            conn.close()
            conn = connect(port, seed)
        out.append((kind, time.perf_counter() - started, status))
    conn.close()


def run_clients(port: int, workload: list, clients: int, seconds: float) -> list:
    results: list = []
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=client, args=(port, workload, until, i, results))
        for i in range(clients)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def pct(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] * 1000 if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000


def report(label: str, results: list, seconds: float) -> dict:
    """Print one line per kind and overall; return the overall figures."""
    print(f"{label}: {len(results)} requests in {seconds:.0f} s, {len(results) / seconds:.1f}/s")
    rows = {}
    for kind in (*KINDS, "all"):
        chosen = [r for r in results if kind in ("all", r[0])]
        times = [r[1] for r in chosen]
        errors = Counter(r[2] for r in chosen if r[2] != 200)
        rows[kind] = (len(chosen) / seconds, pct(times, 50), pct(times, 95), pct(times, 99))
        print(
            f"  {kind:<12} {rows[kind][0]:6.1f}/s  p50 {rows[kind][1]:6.0f} ms  "
            f"p95 {rows[kind][2]:6.0f} ms  p99 {rows[kind][3]:6.0f} ms  "
            f"errors {sum(errors.values())} {dict(errors) or ''}"
        )
    return {
        "rate": rows["all"][0],
        "p99": rows["all"][3],
        "errors": sum(r[2] != 200 for r in results),
    }


def measure_mix(folder: Path, n: int, setting: str, clients: int, seconds: float) -> dict:
    """The mix against ``gaia-kg serve`` run with ``setting`` (``W`` or ``WxT``)."""
    workload = requests_of(n)
    workers, _, threads = setting.partition("x")
    server, port = start(folder, int(workers), threads=int(threads) if threads else None)
    try:
        warm = {kind: next(r for r in workload if r[0] == kind) for kind in KINDS}
        run_clients(port, list(warm.values()), 2, 3.0)  # concept index, searchers, workers
        results = run_clients(port, workload, clients, seconds)
    finally:
        server.terminate()
        server.wait(timeout=60)
    label = f"--workers {workers}" + (f" --threads {threads}" if threads else "")
    return report(f"{label}, {clients} clients", results, seconds)


def write_load(path: Path, records: int, version: int) -> None:
    """``records`` synthetic datasets of their own as N-Triples (one record each for the
    loader); another ``version`` changes every title (a reload rewrites every record)."""
    rng = random.Random(5)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(records):
            lines = [line.replace("/bench-", "/load-") for line in dataset_ntriples(i, rng)]
            lines = [line.replace("Series ", f"Series v{version} ") for line in lines]
            out.write("\n".join(lines) + "\n")


def gaia_load(folder: Path, data: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "sparql_api.cli", "load", "--store", str(folder / "store")]
    env = {**os.environ, "GAIA_KG_INDEX": str(folder / "index")}
    return subprocess.Popen(
        [*command, "--lang", "en", str(data)], env=env, stdout=subprocess.DEVNULL
    )


def prepare_load(folder: Path, records: int) -> Path:
    """A copy of the catalogue with ``records`` more records loaded, and the file that
    loads them again, changed (a reload rewrites records in place, through the log)."""
    base = folder / "load-base"
    if not base.exists():
        shutil.copytree(folder / "store", base / "store")
        shutil.copytree(folder / "index", base / "index")
        write_load(folder / "load-1.nt", records, 1)
        if gaia_load(base, folder / "load-1.nt").wait():
            raise SystemExit("gaia-kg load failed")
    write_load(folder / "load-2.nt", records, 2)
    return base


def children(pid: int) -> list[int]:
    """The child processes of ``pid`` (every thread's)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:  # the thread ended meanwhile
            continue
    return found


def tree_rss_mb(pid: int) -> float:
    """RSS of ``pid`` and all its descendants (the arbiter, its web processes and their
    query workers), summed: pages shared after a fork count once per process."""
    total, stack = 0.0, [pid]
    while stack:
        current = stack.pop()
        try:
            total += rss_mb(current)
            stack += children(current)
        except (OSError, ValueError):  # ended meanwhile
            continue
    return total


def measure_during_load(folder: Path, n: int, records: int, interval: str) -> dict:
    """Peak and final RSS of the serving process and of the whole serving tree while
    ``gaia-kg load`` rewrites ``records`` records, on a fresh copy of the same store."""
    run = folder / f"load-{interval}"
    shutil.rmtree(run, ignore_errors=True)
    shutil.copytree(prepare_load(folder, records), run)
    server, port = start(run, 1, {"GAIA_KG_REOPEN_SECONDS": interval})
    try:
        worker = children(server.pid)[0]
        before, results, stop = rss_mb(worker), [], threading.Event()
        tree_before = tree_rss_mb(server.pid)
        clients = [
            threading.Thread(target=client, args=(port, requests_of(n), 1e12, i, results, stop))
            for i in range(4)
        ]
        started, peak, tree_peak = time.monotonic(), before, tree_before
        writer = gaia_load(run, folder / "load-2.nt")
        for t in clients:
            t.start()
        while writer.poll() is None:
            peak = max(peak, rss_mb(worker))
            tree_peak = max(tree_peak, tree_rss_mb(server.pid))
            time.sleep(0.2)
        seconds = time.monotonic() - started
        stop.set()
        for t in clients:
            t.join()
        after, tree_after = rss_mb(worker), tree_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=60)
    errors = Counter(r[2] for r in results if r[2] != 200)
    print(
        f"GAIA_KG_REOPEN_SECONDS={interval}: {records} records rewritten by gaia-kg load in "
        f"{seconds:.0f} s (exit {writer.returncode}) while 4 clients sent {len(results)} "
        f"requests (errors: {dict(errors)}): serving process RSS {before:.0f} MB before, "
        f"peak {peak:.0f} MB, {after:.0f} MB after; serving tree {tree_before:.0f} MB "
        f"before, peak {tree_peak:.0f} MB (+{tree_peak - tree_before:.0f}), "
        f"{tree_after:.0f} MB after",
        flush=True,
    )
    return {"growth": peak - before, "tree_growth": tree_peak - tree_before}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="datasets generated")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--workers", default="1,2", help="comma-separated process counts (W, or WxT: T threads)"
    )
    parser.add_argument("--during-load", type=int, default=0, help="records to write")
    parser.add_argument(
        "--intervals", default="0,1", help="GAIA_KG_REOPEN_SECONDS values (--during-load)"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs of each --during-load")
    parser.add_argument("--keep", type=Path, default=None, help="keep the store and index")
    parser.add_argument("--reuse", action="store_true", help="reuse those kept in --keep")
    options = parser.parse_args(argv)
    folder = options.keep or Path(tempfile.mkdtemp(prefix="gaia-serve-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        if not options.reuse:
            started = time.perf_counter()
            build_store(folder, options.n)[0].close()
            rebuild_index(folder)
            print(f"catalogue: {options.n} datasets, {time.perf_counter() - started:.0f} s")
        figures = {}
        for setting in (w for w in options.workers.split(",") if w):
            figures[setting] = measure_mix(
                folder, options.n, setting, options.clients, options.seconds
            )
        first = next(iter(figures), None)
        for setting, f in figures.items():
            print(
                f"--workers {setting}: {f['rate'] / figures[first]['rate']:.2f}x the requests/s "
                f"of --workers {first}; p99 {f['p99']:.0f} ms (target <= 300), "
                f"{f['errors']} errors (target 0)"
            )
        intervals = [i for i in options.intervals.split(",") if i] if options.during_load else []
        growth: dict[str, list[float]] = {interval: [] for interval in intervals}
        for _ in range(options.repeat):
            for interval in intervals:
                figures = measure_during_load(folder, options.n, options.during_load, interval)
                growth[interval].append(figures["tree_growth"])
        for interval, values in growth.items():
            print(
                f"GAIA_KG_REOPEN_SECONDS={interval}: serving tree peak growth over "
                f"{len(values)} runs: median {statistics.median(values):.0f} MB, "
                f"max {max(values):.0f} MB"
            )
    finally:
        if options.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
