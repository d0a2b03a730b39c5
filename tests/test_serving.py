"""``gaia-kg serve`` as deployed: several worker processes, slow clients, one session key."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from conftest import free_port, healthy

from graph_loader import __version__
from graph_loader.config import Settings
from graph_loader.namespaces import RDF
from graph_loader.store import EmbeddedStore
from graph_loader.terms import RECORD_GRAPH
from sparql_api import create_app
from sparql_api.cli import _prepared

#: the slow clients: more than waitress's default connection limit (100)
SLOW_CLIENTS = 150


def _store(folder: Path) -> Path:
    """An on-disk store holding one record graph (one triple)."""
    path = folder / "store"
    store = EmbeddedStore(path)
    g = ox.NamedNode("https://example.org/graph/r1")
    store.replace_graph(g, [ox.Triple(g, ox.NamedNode(str(RDF.type)), RECORD_GRAPH)])
    store.close()
    return path


@contextmanager
def served(store: Path, *args: str) -> Iterator[str]:
    """``gaia-kg serve`` on a free port of 127.0.0.1, stopped (SIGTERM) on exit."""
    port = free_port()
    env = {**os.environ, "GAIA_KG_STORE": "", "GAIA_KG_INDEX": str(store.parent / "index")}
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).parents[1]), *sys.path])
    command = [sys.executable, "-m", "sparql_api.cli", "serve", "--store", str(store)]
    command += ["--port", str(port), "--lang", "en", *args]
    log = store.parent / "serve.log"
    with log.open("wb") as err:
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err)
    base = f"http://127.0.0.1:{port}"
    try:
        if not healthy(base, proc):
            proc.kill()
            proc.wait()
            pytest.fail(f"gaia-kg serve did not start: {log.read_text()[-2000:]}")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            pytest.fail("gaia-kg serve did not stop on SIGTERM")


@contextmanager
def trickling(port: int, count: int) -> Iterator[list[socket.socket]]:
    """``count`` connections sending a request's headers one byte a second, never ending."""
    stop = threading.Event()
    with ExitStack() as stack:
        sockets = []
        for _ in range(count):
            s = stack.enter_context(socket.create_connection(("127.0.0.1", port), timeout=5))
            s.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            sockets.append(s)

        def drip() -> None:
            while not stop.wait(1.0):
                for s in sockets:
                    try:
                        s.sendall(b"a")
                    except OSError:
                        pass

        dripper = threading.Thread(target=drip, daemon=True)
        dripper.start()
        try:
            yield sockets
        finally:
            stop.set()
            dripper.join(5)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_server_answers_while_150_clients_trickle_their_headers(tmp_path, workers):
    store = _store(tmp_path)
    with served(store, "--workers", workers) as base:
        port = int(base.rsplit(":", 1)[1])
        with trickling(port, SLOW_CLIENTS):
            time.sleep(2)  # the slow clients are all in, dripping
            answers = [httpx.get(base + "/health", timeout=15) for _ in range(4)]
    expected = {
        "status": "ok",
        "version": __version__,
        "store": {"backend": "embedded", "triples": 1, "records": 1},
        "index": {"position": 0, "changes": 0, "seconds": 0.0},  # no change-feed entry
    }
    assert [(a.status_code, a.json()) for a in answers] == [(200, expected)] * 4


def test_every_worker_process_reads_the_sessions_of_the_others(tmp_path):
    """Without ``GAIA_KG_SECRET_KEY``, the key is drawn once for all the processes: a form's
    CSRF token, kept in the signed session cookie, is accepted whichever process answers
    (a key per process made about half of them 403)."""
    with served(_store(tmp_path), "--workers", "2") as base:
        page = httpx.get(base + "/account/signin", timeout=10)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        statuses = []
        for i in range(12):  # a new connection each time: either process may take it
            form = {"csrf_token": token, "email": f"nobody{i}@example.org", "password": "x"}
            answer = httpx.post(
                base + "/account/signin", data=form, cookies=page.cookies, timeout=10
            )
            statuses.append(answer.status_code)
    assert statuses == [401] * 12  # wrong address or password, never 403 (CSRF)


def test_each_worker_builds_the_concept_index_at_start_not_at_its_first_search(tmp_path):
    """The first search after a restart waited for the concept index (12.7 s at 100k
    datasets): each worker process now builds it as it starts, before any request."""
    store = _store(tmp_path)
    log = tmp_path / "serve.log"
    with served(store, "--workers", "2"):
        for _ in range(100):
            ready = re.findall(r"concept index ready \((\d+) concepts\)", log.read_text())
            if len(ready) == 2:
                break
            time.sleep(0.1)
    assert ready == ["0", "0"]  # one line per worker; the store holds no vocabulary


def test_a_concept_index_that_cannot_be_built_at_start_is_said_in_the_language_asked(
    tmp_path, capfd
):
    """The store unreadable: the worker says so (the first search will try again)."""
    app = _prepared(create_app(Settings(store=str(tmp_path / "absent"))), "fr")
    for thread in threading.enumerate():
        if thread.name == "gaia-kg-prepare":
            thread.join(30)
    said = [
        line
        for line in capfd.readouterr().err.splitlines()
        if line.startswith(f"processus {os.getpid()} ")
    ]
    assert len(said) == 1, said
    assert re.fullmatch(
        rf"processus {os.getpid()} : l'index des concepts n'a pas pu être construit au "
        r"démarrage \(.+\) ; la première recherche le construira",
        said[0],
    ), said
    assert app.extensions["gaia_kg"] is not None
