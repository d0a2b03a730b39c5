"""The demo through the CLI on Virtuoso, and two API processes over one Virtuoso store."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from conftest import healthy
from rdflib import Graph
from rdflib.compare import isomorphic
from virtuoso_support import virtuoso_server  # noqa: F401

from graph_loader.feed import FEED_GRAPH
from graph_loader.store import EmbeddedStore
from graph_loader.terms import FIRST_LOADED, GAIA_NS
from graph_loader.virtuoso import VirtuosoStore

pytestmark = pytest.mark.remote

GAIA_KG = str(Path(sys.executable).with_name("gaia-kg"))
CATALOGUE = Path(__file__).parent / "fixtures" / "load" / "catalogue.ttl"
TOKEN = "replica-test-token"
STAMPS = {GAIA_NS + "generatedAt", "http://www.w3.org/ns/prov#generatedAtTime"}


@pytest.fixture
def vspec(virtuoso_server):  # noqa: F811
    """The Virtuoso ``/sparql`` URL, emptied before and after."""
    store = VirtuosoStore.from_spec(virtuoso_server)
    store.clear()
    yield virtuoso_server + "/sparql"
    store.clear()
    store.close()


def _cli(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        [GAIA_KG, *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def _comparable(triples) -> Graph:
    """A graph without its load timestamps (a record graph's first load is one too)."""
    kept = [
        t
        for t in triples
        if t.predicate.value not in STAMPS
        and not (t.predicate == FIRST_LOADED and "/graph/record/" in t.subject.value)
    ]
    data = ox.serialize(kept, format=ox.RdfFormat.N_TRIPLES).decode()
    return Graph().parse(data=data, format="nt")


def test_the_demo_on_virtuoso_equals_the_demo_on_the_embedded_store(vspec, tmp_path):
    _cli("demo", "--no-serve", "--store", vspec, cwd=tmp_path)
    again = _cli("demo", "--no-serve", "--store", vspec, cwd=tmp_path)
    assert re.search(r"\b0 loaded, 0 updated, \d+ unchanged, 0 rejected", again), again
    _cli("demo", "--no-serve", "--store", str(tmp_path / "embedded"), cwd=tmp_path)
    remote = VirtuosoStore.from_spec(vspec)
    local = EmbeddedStore(tmp_path / "embedded", read_only=True)
    graphs = sorted(g.value for g in local.named_graphs())
    assert len(graphs) > 200
    assert sorted(g.value for g in remote.named_graphs()) == graphs
    # the change feed has an entry per graph on Virtuoso, per batch on the embedded store
    assert remote.triple_count() - remote.triple_count(FEED_GRAPH) == (
        local.triple_count() - local.triple_count(FEED_GRAPH)
    )
    assert remote.record_hashes() == local.record_hashes()
    # the derived-data tokens (graph/derived/…) are random per store: same graphs, other values
    differing = [
        g
        for g in graphs
        if "/graph/derived/" not in g
        and not isomorphic(
            _comparable(remote.graph_triples(ox.NamedNode(g))),
            _comparable(local.graph_triples(ox.NamedNode(g))),
        )
    ]
    assert differing == []
    remote.close()


def _serve(spec: str, port: int, cwd: Path) -> subprocess.Popen:
    env = {**os.environ, "GAIA_KG_ADMIN_TOKENS": TOKEN, "GAIA_KG_STORE": ""}
    return subprocess.Popen(
        [GAIA_KG, "serve", "--store", spec, "--port", str(port)],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait(url: str, proc: subprocess.Popen) -> None:
    if not healthy(url, proc, 60):
        pytest.fail(f"gaia-kg serve did not start at {url}")


def _objects(base: str, subject: str) -> list[str]:
    query = f"SELECT ?o WHERE {{ <{subject}> ?p ?o }} ORDER BY ?o"
    response = httpx.get(
        base + "/sparql",
        params={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return [b["o"]["value"] for b in response.json()["results"]["bindings"]]


def _update(base: str, text: str) -> None:
    response = httpx.post(
        base + "/sparql/update",
        data={"update": text},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=30,
    )
    assert response.status_code == 204, response.text


def test_two_api_processes_over_one_store_see_each_others_loads(vspec, tmp_path):
    from conftest import free_port

    ports = free_port(), free_port()
    procs = [_serve(vspec, port, tmp_path) for port in ports]
    a, b = (f"http://127.0.0.1:{port}" for port in ports)
    try:
        for url, proc in zip((a, b), procs, strict=True):
            _wait(url, proc)
        resource = "/api/resources/dataset/test-aod"
        assert [httpx.get(u + resource, timeout=30).status_code for u in (a, b)] == [404, 404]
        _cli("load", "--store", vspec, str(CATALOGUE), cwd=tmp_path)
        first, second = (httpx.get(u + resource, timeout=30) for u in (a, b))
        assert (first.status_code, second.status_code) == (200, 200)
        assert first.json() == second.json()

        graph, subject = "http://example.org/replica", "http://example.org/written"
        _update(a, f'INSERT DATA {{ GRAPH <{graph}> {{ <{subject}> <{graph}#p> "by A" }} }}')
        assert _objects(b, subject) == ["by A"]
        _update(b, f'INSERT DATA {{ GRAPH <{graph}> {{ <{subject}> <{graph}#p> "by B" }} }}')
        assert _objects(a, subject) == ["by A", "by B"]
        _update(b, f"DROP GRAPH <{graph}>")
        assert (_objects(a, subject), _objects(b, subject)) == ([], [])
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)
