"""Two ``gaia-kg serve`` replicas over one ``oxigraph serve`` holding the demo, behind a
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
from collections import Counter
from pathlib import Path

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


@pytest.fixture
def demo_store(oxigraph_server, tmp_path):
    """The session's ``oxigraph serve``, holding the demo (loaded by the CLI), emptied after."""
    with remote_store(oxigraph_server) as store:
        store.clear()
    run("demo", "--no-serve", "--store", oxigraph_server, cwd=tmp_path)
    yield oxigraph_server
    with remote_store(oxigraph_server) as store:
        store.clear()


def test_nginx_accepts_the_example_configuration_made_local(tmp_path):
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        pytest.skip("nginx is not installed (Debian package 'nginx'; .ci/install-nginx.sh)")
    bench = _bench()
    conf = bench.nginx_config(tmp_path, 18080, [18001, 18002])
    text = conf.read_text()
    assert [line.strip() for line in text.splitlines() if "server 127.0.0.1:" in line] == [
        "server 127.0.0.1:18001 max_fails=3 fail_timeout=10s;",
        "server 127.0.0.1:18002 max_fails=3 fail_timeout=10s;",
    ]
    checked = bench.subprocess.run(
        [bench.NGINX, "-p", str(tmp_path), "-c", str(conf), "-t"], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr


def test_32_clients_through_nginx_over_two_replicas_get_no_error(demo_store, tmp_path):
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        pytest.skip("nginx is not installed (Debian package 'nginx'; .ci/install-nginx.sh)")
    bench = _bench()
    one = {"GAIA_KG_WORKERS": "1", **bench.ONE_ADDRESS}  # one process each: CI's machine
    replicas = [Replica(demo_store, tmp_path / n, one).start() for n in ("a", "b")]
    nginx = None
    try:
        nginx, port = bench.start_nginx(tmp_path / "nginx", [r.port for r in replicas])
        todo = bench.demo_mix(demo_store)
        assert Counter(kind for kind, *_ in todo).keys() == set(bench.WEIGHTS)
        results = bench.run_clients(port, todo, CLIENTS, SECONDS)
        statuses = Counter(status for _, _, status in results)
        assert statuses == {200: len(results)}, statuses
        shares = bench.served_by(tmp_path / "nginx")
        assert sorted(shares) == sorted(f"127.0.0.1:{r.port}" for r in replicas)
        assert sum(shares.values()) == len(results), shares  # one replica each, no retry
        kinds = Counter(kind for kind, _, _ in results)
        assert kinds.keys() == set(bench.WEIGHTS), kinds
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait(timeout=30)
        for replica in replicas:
            replica.stop()
