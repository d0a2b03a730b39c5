"""p50 overhead of the /sparql HTTP endpoint over direct pyoxigraph, on the same queries.

Generates a synthetic catalogue (bench/synthetic.py; one named graph per dataset, as after a
load), then for each query times, alternately, ``ROUNDS`` runs of:

* direct: ``pyoxigraph.Store.query`` (union default graph) and serialising the result as
  SPARQL JSON with pyoxigraph — the same bytes a client needs;
* HTTP: a POST to ``/sparql`` (waitress on 127.0.0.1, one keep-alive connection), which
  checks the role's concurrency slot, runs the query in a worker process with the time limit
  and the row cap, and answers SPARQL JSON.

Prints each query's p50 both ways and the ratio, then the ratio of the summed p50s (the
issue's bar: overhead ≤ 15 %).

    .venv/bin/python bench/sparql.py [--datasets 20000] [--rounds 15]
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
from waitress.server import create_server

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_catalogue  # noqa: E402

from graph_loader.config import Settings  # noqa: E402
from graph_loader.store import EmbeddedStore  # noqa: E402
from sparql_api import create_app  # noqa: E402

PREFIXES = """PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX gaia: <https://w3id.org/gaia-kg/ontology#>
PREFIX thes: <https://w3id.org/gaia-kg/thesaurus/>
"""
QUERIES = {
    "datasets by variable": PREFIXES
    + """SELECT ?d ?title WHERE { ?d gaia:variable thes:ozone ; dct:title ?title
        FILTER(lang(?title) = "en") } ORDER BY ?title""",
    "facet count by variable": PREFIXES
    + """SELECT ?v (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a dcat:Dataset ; gaia:variable ?v }
        GROUP BY ?v ORDER BY DESC(?n)""",
    "facet count by format": PREFIXES
    + """SELECT ?f (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d dcat:distribution/dct:format ?f }
        GROUP BY ?f ORDER BY DESC(?n)""",
    "time window": PREFIXES
    + """SELECT ?d ?start WHERE { ?d dct:temporal ?t . ?t dcat:startDate ?start
        FILTER(?start >= "2010-01-01"^^<http://www.w3.org/2001/XMLSchema#date>
            && ?start < "2012-01-01"^^<http://www.w3.org/2001/XMLSchema#date>) }""",
    "count": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
}


def p50(times: list[float]) -> float:
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()

    store = EmbeddedStore(None)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalogue.nq"
        triples = write_catalogue(path, args.datasets, graphs=True)
        store.raw.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    print(f"{args.datasets} datasets, {triples} quads; p50 of {args.rounds} rounds")

    settings = Settings(store=":memory:", query_workers=2)  # default limits: 30 s, 10,000 rows
    app = create_app(settings, store=store)
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    connection = http.client.HTTPConnection("127.0.0.1", server.effective_port, timeout=120)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json",
    }

    def direct(query: str) -> bytes:
        result = store.raw.query(query, use_default_graph_as_union=True)
        return result.serialize(format=ox.QueryResultsFormat.JSON)

    def over_http(query: str) -> bytes:
        connection.request("POST", "/sparql", urllib.parse.urlencode({"query": query}), headers)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise SystemExit(f"HTTP {response.status}: {body[:300]!r}")
        return body

    total_direct = total_http = 0.0
    print(f"{'query':<26}{'rows':>7}{'direct p50':>13}{'HTTP p50':>12}{'ratio':>8}")
    try:
        for name, query in QUERIES.items():
            direct(query), over_http(query)  # warm up (the pool forks its workers here)
            rows = len(list(store.raw.query(query, use_default_graph_as_union=True)))
            times_direct, times_http = [], []
            for _ in range(args.rounds):
                start = time.perf_counter()
                direct(query)
                times_direct.append(time.perf_counter() - start)
                start = time.perf_counter()
                over_http(query)
                times_http.append(time.perf_counter() - start)
            d, h = p50(times_direct), p50(times_http)
            total_direct += d
            total_http += h
            print(f"{name:<26}{rows:>7}{d:>10.2f} ms{h:>9.2f} ms{h / d:>8.3f}")
    finally:
        connection.close()
        time.sleep(0.2)  # let waitress see the connection close before it shuts down
        server.close()
        app.extensions["gaia_kg"].close()
    ratio = total_http / total_direct
    print(f"{'all (sum of p50s)':<33}{total_direct:>10.2f} ms{total_http:>9.2f} ms{ratio:>8.3f}")
    verdict = "within" if ratio <= 1.15 else "OVER"
    print(f"HTTP overhead {100 * (ratio - 1):+.1f} % ({verdict} the 15 % bar)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
