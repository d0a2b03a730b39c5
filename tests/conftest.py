"""Shared fixtures: the corpora folder, stores on both backends, a real oxigraph server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from helpers import CORPORA, SHARED
from virtuoso_support import virtuoso_server  # noqa: F401 - session fixture, skips if absent

from graph_loader.backends import remote_store
from graph_loader.store import EmbeddedStore


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared`` beside the clone; tests that need it skip cleanly when it is absent."""
    if not CORPORA.is_dir():
        pytest.skip("../shared/corpora is absent (fresh clone): corpus tests skipped")
    return SHARED


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(base: str, proc: subprocess.Popen, seconds: float = 90) -> bool:
    """Whether the server at ``base`` (started as ``proc``) answers ``/health`` with 200
    within ``seconds``: False as soon as ``proc`` ends, or when the time is up."""
    import httpx

    deadline = time.monotonic() + seconds
    while True:
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            return False
        time.sleep(0.2)


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not os.path.exists(found):
        pytest.fail("the oxigraph server (PyPI package 'oxigraph') is not installed")
    return found


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """A real ``oxigraph serve`` on 127.0.0.1 (in memory, union default graph)."""
    port = free_port()
    log = tmp_path_factory.mktemp("oxigraph") / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [oxigraph_binary(), "serve", "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1):  # noqa: S310
                break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail("oxigraph serve did not start:\n" + log.read_text())
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(params=["embedded", "remote", "virtuoso"])
def any_store(request):
    """The same test on the embedded pyoxigraph store and on two real remote servers
    (``oxigraph serve``, and Virtuoso Open Source 7 — skipped where it is not installed)."""
    if request.param == "embedded":
        store = EmbeddedStore(None)
    elif request.param == "remote":
        url = request.getfixturevalue("oxigraph_server")
        store = remote_store(url)
        store.update("DROP ALL")
    else:
        url = request.getfixturevalue("virtuoso_server")
        store = remote_store("virtuoso+" + url)
        store.clear()
    yield store
    store.close()


@pytest.fixture
def memory_store():
    return EmbeddedStore(None)
