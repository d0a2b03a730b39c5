"""Two ``gaia-kg serve`` replicas over one store server holding the demo (``oxigraph serve``,
then Virtuoso), behind a
local nginx configured by ``docs/nginx.conf.example`` itself (``bench/replicas.py`` writes
it with the replicas' ports, a free port and a temporary prefix): 32 concurrent clients
sending searches, autocompletions, dataset pages and SPARQL through nginx for a short time
get no error, and both replicas answer some of them. Not timed: the figures (throughput,
p50/p95/p99) are ``bench/replicas.py``'s, over 60 s.

Skipped, saying why, when nginx is not installed (CI installs it: ``.ci/install-nginx.sh``).
"""

from __future__ import annotations

import importlib.util
import shutil
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest
from test_cli import run
from test_replicas import Replica

from graph_loader.backends import remote_store

pytestmark = pytest.mark.remote

BENCH = Path(__file__).parent.parent / "bench" / "replicas.py"
CLIENTS, SECONDS = 32, 10.0


def _bench():
    spec = importlib.util.spec_from_file_location("bench_replicas", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _logged(prefix: Path, count: int) -> Counter:
    """The requests per replica in nginx's access log once ``count`` are there (nginx writes
    a line after answering: the last lines may come a moment after the clients are done)."""
    deadline = time.monotonic() + 5
    while True:
        shares = _bench().served_by(prefix)
        if sum(shares.values()) >= count or time.monotonic() > deadline:
            return shares
        time.sleep(0.1)


@pytest.fixture
def nginx():
    """nginx's path; the test skips, saying why, where it is not installed."""
    found = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if found is None:
        pytest.skip("nginx is not installed (Debian package 'nginx'; .ci/install-nginx.sh)")
    return found


@pytest.fixture(params=["oxigraph", "virtuoso"])
def demo_store(request, nginx, tmp_path):
    """The session's ``oxigraph serve`` or Virtuoso, holding the demo (loaded by the CLI),
    emptied before and after."""
    if request.param == "oxigraph":
        url = request.getfixturevalue("oxigraph_server")
        opened = url
    else:
        url = request.getfixturevalue("virtuoso_server") + "/sparql"
        opened = "virtuoso+" + url
    with remote_store(opened) as store:
        store.clear()
    run("demo", "--no-serve", "--store", url, cwd=tmp_path)
    yield url
    with remote_store(opened) as store:
        store.clear()


def test_nginx_accepts_the_example_configuration_made_local(nginx, tmp_path):
    bench = _bench()
    conf = bench.nginx_config(tmp_path, 18080, [18001, 18002])
    text = conf.read_text()
    assert [line.strip() for line in text.splitlines() if "server 127.0.0.1:" in line] == [
        "server 127.0.0.1:18001 max_fails=3 fail_timeout=10s;",
        "server 127.0.0.1:18002 max_fails=3 fail_timeout=10s;",
    ]
    checked = bench.subprocess.run(
        [nginx, "-p", str(tmp_path), "-c", str(conf), "-t"], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr


def test_32_clients_through_nginx_over_two_replicas_get_no_error(demo_store, tmp_path):
    bench = _bench()
    one = {"GAIA_KG_WORKERS": "1", **bench.ONE_ADDRESS}  # one process each: CI's machine
    replicas = [Replica(demo_store, tmp_path / n, one).start() for n in ("a", "b")]
    proxy = None
    try:
        proxy, port = bench.start_nginx(tmp_path / "nginx", [r.port for r in replicas])
        todo = bench.demo_mix(demo_store)
        assert Counter(kind for kind, *_ in todo).keys() == set(bench.WEIGHTS)
        results = bench.run_clients(port, todo, CLIENTS, SECONDS)
        statuses = Counter(status for _, _, status in results)
        errors = Counter((kind, status) for kind, _, status in results if status != 200)
        assert statuses == {200: len(results)}, errors
        shares = _logged(tmp_path / "nginx", len(results))
        assert sorted(shares) == sorted(f"127.0.0.1:{r.port}" for r in replicas)
        assert sum(shares.values()) == len(results), shares  # one replica each, no retry
        kinds = Counter(kind for kind, _, _ in results)
        assert kinds.keys() == set(bench.WEIGHTS), kinds
        searches = [path for kind, _, path, _ in todo if kind == "search"][:5]
        found = [httpx.get(f"http://127.0.0.1:{port}{p}", timeout=30).json() for p in searches]
        assert all(answer["hits"] for answer in found), searches  # title words: the demo indexed
    finally:
        if proxy is not None:
            proxy.terminate()
            proxy.wait(timeout=30)
        for replica in replicas:
            replica.stop()
