"""Server time of the personal space's collection pages and exports, by collection size.

Generates N synthetic datasets (bench/synthetic.py via bench/pages.py: one record graph each,
with provenance) in an in-memory store, creates a user and collections of K of them (K in
``--sizes``) in an in-memory user database, and times inside the app (Flask's test client:
server time, no network), ``--rounds`` times each:

- the collection page ``/collections/<id>`` and its exports (BibTeX, DCAT-AP Turtle), against
- the baseline: the K dataset pages ``/id/dataset/bench-<k>`` of the same resources, one after
  the other (what a visitor opening each resource would cost the server).

Prints medians and the ratio collection / baseline (below 1: the collection costs less than
opening its resources one by one).

    .venv/bin/python bench/accounts.py [--datasets 2000] [--sizes 10,100,500] [--rounds 3]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import write_records  # noqa: E402

from graph_loader.bootstrap import initialise  # noqa: E402
from graph_loader.config import Settings  # noqa: E402
from graph_loader.store import EmbeddedStore  # noqa: E402
from sparql_api import create_app  # noqa: E402

NS = "https://data.gaia-data.fr/id/dataset/bench-"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def timed(client, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{path}: HTTP {response.status_code}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=int, default=2000)
    parser.add_argument("--sizes", default="10,100,500")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]

    store = EmbeddedStore(None)
    list(initialise(store))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.nq"
        write_records(path, args.datasets)
        store.raw.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    app = create_app(Settings(store=":memory:", secret_key="bench"), store=store)
    client = app.test_client()
    page = client.get("/account/signup").get_data(as_text=True)
    client.post(
        "/account/signup",
        data={"csrf_token": _CSRF.search(page)[1], "email": "b@example.org", "password": "x" * 12},
    )
    token = _CSRF.search(client.get("/collections").get_data(as_text=True))[1]
    print(f"{args.datasets} datasets; medians of {args.rounds} rounds (ms, server time)")
    print(f"{'size':>6} {'page':>9} {'bibtex':>9} {'turtle':>9} {'K pages':>9} {'ratio':>7}")
    for size in sizes:
        made = client.post("/collections", data={"csrf_token": token, "title": f"K={size}"})
        cid = int(made.headers["Location"].rsplit("/", 1)[1])
        members = [(k * 7919) % args.datasets for k in range(size)]
        for k in members:
            client.post(f"/collections/{cid}/items", data={"csrf_token": token, "iri": f"{NS}{k}"})
        runs = {name: [] for name in ("page", "bib", "ttl", "baseline")}
        for _ in range(args.rounds):
            runs["page"].append(timed(client, f"/collections/{cid}"))
            runs["bib"].append(timed(client, f"/collections/{cid}/export/bib"))
            runs["ttl"].append(timed(client, f"/collections/{cid}/export/ttl"))
            runs["baseline"].append(sum(timed(client, f"/id/dataset/bench-{k}") for k in members))
        p50 = {name: statistics.median(ms) for name, ms in runs.items()}
        ratio = p50["page"] / p50["baseline"]
        print(
            f"{size:>6} {p50['page']:>9.1f} {p50['bib']:>9.1f} {p50['ttl']:>9.1f}"
            f" {p50['baseline']:>9.1f} {ratio:>7.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
