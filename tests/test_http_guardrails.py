"""/sparql guardrails: the time limit kills the query's worker, the row cap is stated."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from http_support import app_over, fill, fixture_store

from graph_loader.config import Settings
from graph_loader.store import EmbeddedStore
from sparql_api import create_app

EX = "http://example.org/"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
# 3,000 triples cubed: far more than a second of work.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
DATASETS = "PREFIX dcat: <http://www.w3.org/ns/dcat#> SELECT ?d WHERE { ?d a dcat:Dataset }"


def count_of(response) -> int:
    solutions = ox.parse_query_results(response.data, ox.QueryResultsFormat.JSON)
    return int(next(iter(solutions))["n"].value)


def alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists()


@pytest.fixture
def slow_store():
    store = EmbeddedStore(None)
    triples = [
        ox.Triple(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(EX + "p"), ox.Literal(i))
        for i in range(3000)
    ]
    store.replace_graph(ox.NamedNode(EX + "g"), triples)
    return store


def test_a_slow_query_is_stopped_504_and_its_worker_killed(slow_store):
    with app_over(slow_store, query_timeout=1.0, workers=1) as app:
        client = app.test_client()
        assert count_of(client.get("/sparql", query_string={"query": COUNT})) == 3000
        (pid,) = app.extensions["gaia_kg"].pool.pids()
        started = time.monotonic()
        response = client.get("/sparql", query_string={"query": SLOW})
        elapsed = time.monotonic() - started
        assert response.status_code == 504
        assert response.get_data(as_text=True) == (
            "The query was stopped after the time limit of 1 s.\n"
        )
        assert 1.0 <= elapsed < 3.0
        assert not alive(pid)
        # The next query gets a fresh worker and works.
        assert count_of(client.get("/sparql", query_string={"query": COUNT})) == 3000
        (new_pid,) = app.extensions["gaia_kg"].pool.pids()
        assert new_pid != pid and alive(new_pid)
    assert not alive(new_pid)  # closing the app stops its workers


def test_select_beyond_the_row_cap_is_truncated_and_says_so():
    with app_over(fixture_store(), row_cap=5) as app:
        client = app.test_client()
        response = client.get("/sparql", query_string={"query": DATASETS})
        assert response.headers["X-GAIA-Truncated"] == "true"
        assert response.headers["X-GAIA-Row-Cap"] == "5"
        body = json.loads(response.data)
        assert len(body["results"]["bindings"]) == 5
        assert body["gaia"] == {"truncated": True, "rowCap": 5}
        csv_response = client.get("/sparql", query_string={"query": DATASETS, "format": "csv"})
        assert csv_response.headers["X-GAIA-Truncated"] == "true"
        assert len(list(csv.reader(io.StringIO(csv_response.get_data(as_text=True))))) == 1 + 5


def test_construct_beyond_the_row_cap_is_truncated_in_triples():
    query = "CONSTRUCT { ?d a ?t } WHERE { ?d a ?t }"
    with app_over(fixture_store(), row_cap=5) as app:
        response = app.test_client().get("/sparql", query_string={"query": query, "format": "nt"})
        assert response.headers["X-GAIA-Truncated"] == "true"
        assert len(list(ox.parse(response.data, format=ox.RdfFormat.N_TRIPLES))) == 5


def test_results_within_the_cap_are_whole_and_unmarked():
    with app_over(fixture_store(), row_cap=12) as app:
        response = app.test_client().get("/sparql", query_string={"query": DATASETS})
        body = json.loads(response.data)
        assert response.headers["X-GAIA-Truncated"] == "false"
        assert len(body["results"]["bindings"]) == 12
        assert "gaia" not in body


def test_an_on_disk_store_is_read_while_another_opener_writes(tmp_path):
    """The app opens the folder read-only and sees later writes by a read-write opener (at
    the next check of the folder: at every request here; how often is tested in
    tests/test_snapshot_reader.py)."""
    writer = fill(EmbeddedStore(tmp_path / "store"))
    writer.close()
    settings = Settings(store=str(tmp_path / "store"), query_workers=1, reopen_seconds=0.0)
    app = create_app(settings)
    try:
        client = app.test_client()
        before = count_of(client.get("/sparql", query_string={"query": COUNT}))
        assert before == writer.triple_count()
        extra = [ox.Triple(ox.NamedNode(EX + "new"), ox.NamedNode(EX + "p"), ox.Literal("x"))]
        writer.replace_graph(ox.NamedNode(EX + "g"), extra)
        writer.close()
        assert count_of(client.get("/sparql", query_string={"query": COUNT})) == before + 1
        health = json.loads(client.get("/health").data)
        assert health["store"]["triples"] == before + 1
    finally:
        app.extensions["gaia_kg"].close()


def test_workers_belong_to_this_process():
    with app_over(fixture_store(), workers=2) as app:
        client = app.test_client()
        assert client.get("/sparql", query_string={"query": COUNT}).status_code == 200
        (pid,) = app.extensions["gaia_kg"].pool.pids()
        assert pid != os.getpid()
        with open(f"/proc/{pid}/stat") as stat:
            assert int(stat.read().rsplit(")", 1)[1].split()[1]) == os.getpid()


WORKER_THEN_DIE = """
import os, signal, sys
sys.path.insert(0, {tests!r})
from http_support import app_over, fixture_store
with app_over(fixture_store()) as app:
    app.test_client().get("/sparql", query_string={{"query": "ASK {{}}"}})
    print(*app.extensions["gaia_kg"].pool.pids(), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_workers_do_not_outlive_a_killed_server():
    tests = str(Path(__file__).resolve().parent)
    script = WORKER_THEN_DIE.format(tests=tests)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30
    )
    (pid,) = map(int, done.stdout.split())
    deadline = time.monotonic() + 3
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(pid)
