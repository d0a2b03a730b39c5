"""Two replicas behind nginx under load: the deployment of ``docs/deployment.md`` on loopback.

Starts one ``oxigraph serve`` (in memory), loads the shipped demo into it with
``gaia-kg demo --no-serve``, starts two ``gaia-kg serve`` replicas over it (each with its own
index folder, following the change feed), and a local nginx in front of them whose
configuration is ``docs/nginx.conf.example`` itself, with the replicas' ports, a free port of
127.0.0.1 to listen on, and its pid file, logs and temporary folders in a temporary folder
(``nginx -p <tmp> -c <conf>``: no root-owned path). ``--clients`` threads then send, for
``--seconds``, through nginx, a mix of searches (``/api/search`` and the ``/search`` page),
autocompletions, dataset pages and small SPARQL queries, built from the demo's own datasets.
Prints requests/s, p50/p95/p99 per kind and overall, the errors (any status but 200), and
how many requests each replica served (nginx's access log, ``$upstream_addr``); then, in the
same run, the same clients sent straight to one replica (the other stopped) as the baseline,
and the ratio.

    python bench/replicas.py                      # 32 clients, 60 s
    python bench/replicas.py --clients 8 --seconds 10

``tests/test_replicas_nginx.py`` runs the same, shorter, and asserts 0 errors and both
replicas used.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from serve import free_port, report, run_clients  # noqa: E402

EXAMPLE = HERE.parent / "docs" / "nginx.conf.example"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
#: the share of each kind in the mix (as in bench/serve.py)
WEIGHTS = {"search": 30, "page": 15, "autocomplete": 25, "dataset": 20, "sparql": 10}
DATASETS = (
    "SELECT ?d ?t WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> ; "
    "<http://purl.org/dc/terms/title> ?t } ORDER BY ?d ?t"
)
SPARQL = [
    "PREFIX dcat: <http://www.w3.org/ns/dcat#> SELECT ?d WHERE { ?d a dcat:Dataset } LIMIT 20",
    "PREFIX dct: <http://purl.org/dc/terms/> SELECT ?t WHERE { <{d}> dct:title ?t }",
    "PREFIX dcat: <http://www.w3.org/ns/dcat#> SELECT (COUNT(?x) AS ?n) WHERE "
    "{ <{d}> dcat:distribution ?x }",
]
#: every client of the load test comes from 127.0.0.1 (and so does nginx): the replicas'
#: bound on the anonymous queries one address runs at once (2) would answer 429 to most
ONE_ADDRESS = {"GAIA_KG_CLIENT_QUERIES": "0"}
#: the part of each access-log line this configuration adds: which replica answered
LOG_FORMAT = 'log_format upstreams "$status $upstream_addr $request_method $uri";'
WORD = re.compile(r"[^\W\d_]{4,}")


def nginx_config(prefix: Path, port: int, replicas: list[int]) -> Path:
    """``docs/nginx.conf.example`` inside an ``http {}`` of its own, for a local nginx run
    as the current user: listening on ``port`` of 127.0.0.1, balancing over ``replicas``
    (ports of 127.0.0.1), everything it writes under ``prefix``. The anonymous SPARQL rate
    limit is raised: every client of the load test comes from the same address."""
    site = EXAMPLE.read_text(encoding="utf-8")
    servers = "".join(f"    server 127.0.0.1:{p} max_fails=3 fail_timeout=10s;\n" for p in replicas)
    site, found = re.subn(r"(    server 127\.0\.0\.1:\d+ [^\n]*\n)+", servers, site, count=1)
    site, listens = re.subn(r"listen 80;", f"listen 127.0.0.1:{port};", site)
    site, rates = re.subn(r"rate=\d+r/s", "rate=100000r/s", site)
    if (found, listens, rates) != (1, 1, 1):
        raise SystemExit(f"{EXAMPLE} no longer has one upstream, one listen and one rate")
    for folder in ("logs", "client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / folder).mkdir(parents=True, exist_ok=True)
    temps = "".join(
        f"    {name}_temp_path {prefix / folder};\n"
        for name, folder in (
            ("client_body", "client_body"),
            ("proxy", "proxy"),
            ("fastcgi", "fastcgi"),
            ("uwsgi", "uwsgi"),
            ("scgi", "scgi"),
        )
    )
    conf = prefix / "nginx.conf"
    conf.write_text(
        f"daemon off;\nworker_processes 1;\npid {prefix / 'nginx.pid'};\n"
        f"error_log {prefix / 'logs' / 'error.log'} warn;\n"
        "events { worker_connections 1024; }\nhttp {\n"
        f"    {LOG_FORMAT}\n    access_log {prefix / 'logs' / 'access.log'} upstreams;\n"
        f"{temps}{site}\n}}\n",
        encoding="utf-8",
    )
    return conf


def start_nginx(prefix: Path, replicas: list[int]) -> tuple[subprocess.Popen, int]:
    """A local nginx in front of ``replicas``, once ``nginx -t`` accepts its configuration
    and it answers; returns the process and its port."""
    port = free_port()
    conf = nginx_config(prefix, port, replicas)
    command = [NGINX, "-p", str(prefix), "-c", str(conf)]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    if checked.returncode:
        raise RuntimeError(f"nginx -t refused {conf}:\n{checked.stderr}")
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5):  # noqa: S310
                return proc, port
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                log = (prefix / "logs" / "error.log").read_text(errors="replace")
                raise RuntimeError(f"nginx did not answer:\n{log}") from None
            time.sleep(0.1)


def served_by(prefix: Path) -> Counter:
    """Requests per upstream address (``127.0.0.1:port``), from nginx's access log, but
    ``/health`` (the probes of :func:`start_nginx`, logged once answered: racing the reads)."""
    lines = (prefix / "logs" / "access.log").read_text(errors="replace").splitlines()
    fields = [line.split() for line in lines]
    return Counter(f[1] for f in fields if len(f) == 4 and f[3] != "/health")


def demo_mix(store: str, count: int = 2000, seed: int = 11) -> list[tuple]:
    """``count`` requests of the mix, (kind, method, path, body), built from the datasets
    the store holds: their pages, words of their titles searched for and completed."""
    query = urllib.parse.urlencode({"query": DATASETS}).encode()
    request = urllib.request.Request(  # noqa: S310 - the loopback store
        store.rstrip("/") + "/query",
        data=query,
        headers={"Accept": "application/sparql-results+json"},  # Virtuoso's TSV quotes IRIs
    )
    with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310
        rows = json.load(answer)["results"]["bindings"]
    iris = sorted({row["d"]["value"] for row in rows})
    words = sorted({w.lower() for row in rows for w in WORD.findall(row["t"]["value"])})
    if not iris or not words:
        raise RuntimeError(f"no dataset with a title in {store}")
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        kind = rng.choices(list(WEIGHTS), list(WEIGHTS.values()))[0]
        body = None
        if kind in ("search", "page"):
            args = urllib.parse.urlencode(
                {"q": rng.choice(words), "lang": rng.choice(["fr", "en"])}
            )
            path = ("/api/search?" if kind == "search" else "/search?") + args
        elif kind == "autocomplete":
            args = urllib.parse.urlencode({"q": rng.choice(words)[:3], "lang": "fr"})
            path = "/api/autocomplete?" + args
        elif kind == "dataset":
            path = (
                urllib.parse.urlsplit(rng.choice(iris)).path + "?lang=" + rng.choice(["fr", "en"])
            )
        else:
            text = rng.choice(SPARQL).replace("{d}", rng.choice(iris))
            path, body = "/sparql", urllib.parse.urlencode({"query": text}).encode()
        out.append((kind, "POST" if body else "GET", path, body))
    return out


def start_oxigraph(folder: Path) -> tuple[subprocess.Popen, str]:
    """``oxigraph serve`` in memory on a free port (union default graph, as in the tests)."""
    port = free_port()
    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    log = (folder / "oxigraph.log").open("wb")
    command = [binary, "serve", "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    url = f"http://127.0.0.1:{port}"
    _wait(proc, url + "/query?query=ASK%7B%7D", "oxigraph serve")
    return proc, url


def start_replica(store: str, folder: Path) -> tuple[subprocess.Popen, int]:
    """``gaia-kg serve`` over ``store`` with its own index folder, once it answers."""
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GAIA_KG_")}
    env.update(GAIA_KG_INDEX=str(folder / "index"), GAIA_KG_WORKERS="1", **ONE_ADDRESS)
    command = [sys.executable, "-m", "sparql_api.cli", "serve", "--store", store]
    log = (folder / "serve.log").open("wb")
    proc = subprocess.Popen(
        [*command, "--port", str(port)], cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    log.close()
    _wait(proc, f"http://127.0.0.1:{port}/health", "gaia-kg serve")
    return proc, port


def _wait(proc: subprocess.Popen, url: str, what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - loopback
                return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise SystemExit(f"{what} did not start") from None
            time.sleep(0.2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60.0)
    options = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="gaia-replicas-bench-"))
    procs: list[subprocess.Popen] = []
    try:
        oxigraph, store = start_oxigraph(folder)
        procs.append(oxigraph)
        command = [sys.executable, "-m", "sparql_api.cli", "demo", "--no-serve", "--store", store]
        subprocess.run(command, cwd=folder, check=True, stdout=subprocess.DEVNULL)
        replicas = [start_replica(store, folder / name) for name in ("a", "b")]
        procs += [proc for proc, _ in replicas]
        nginx, port = start_nginx(folder / "nginx", [p for _, p in replicas])
        procs.append(nginx)
        workload = demo_mix(store)
        run_clients(port, workload[:: len(workload) // 20], 2, 3.0)  # warm both replicas
        time.sleep(0.5)  # nginx logs a request once answered
        (folder / "nginx" / "logs" / "access.log").write_text("")  # it appends: from here on
        results = run_clients(port, workload, options.clients, options.seconds)
        label = f"2 replicas behind nginx, {options.clients} clients"
        both = report(label, results, options.seconds)
        shares = served_by(folder / "nginx")
        print("  served by: " + ", ".join(f"{a} {n}" for a, n in sorted(shares.items())))
        replicas[1][0].terminate()  # the baseline, same run: one replica, no nginx
        replicas[1][0].wait(timeout=60)
        results = run_clients(replicas[0][1], workload, options.clients, options.seconds)
        one = report(
            f"baseline: 1 replica direct, {options.clients} clients", results, options.seconds
        )
        print(
            f"2 replicas behind nginx: {both['rate'] / one['rate']:.2f}x the requests/s of one "
            f"replica; p99 {both['p99']:.0f} ms against {one['p99']:.0f} ms; errors "
            f"{both['errors']} and {one['errors']}"
        )
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait(timeout=60)
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
