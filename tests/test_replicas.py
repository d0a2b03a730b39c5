"""Tested as deployed: two ``gaia-kg serve`` replicas over one store server (``oxigraph
serve``, and Virtuoso where it is installed), each with its own search index folder, kept
current by the store's change feed alone — no ``gaia-kg index rebuild`` anywhere.

A ``gaia-kg load`` and a ``gaia-kg harvest`` through the command line are searchable through
both replicas within 5 s, a withdrawn record disappears from both, and a replica killed and
started again catches up with what was written while it was down. With PostgreSQL as their
user database and one signing key, an account made through one signs in through the other.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from accounts_support import PASSWORD
from conftest import free_port
from postgres_support import postgres_url  # noqa: F401
from source_catalogues import MINIMAL
from test_cli import GAIA, run

from graph_loader.backends import remote_store

pytestmark = pytest.mark.remote

FIX = Path(__file__).parent / "fixtures" / "load"
#: how soon a write must be searchable through every replica (seconds)
WITHIN = 5.0
DESCRIBED = (
    "SELECT ?r WHERE { GRAPH ?g { ?g <https://w3id.org/gaia-kg/ontology#describes> ?r ; "
    "a <https://w3id.org/gaia-kg/ontology#RecordGraph> } }"
)


@pytest.fixture(params=["oxigraph", "virtuoso"])
def store_url(request):
    """One store server, emptied before and after."""
    if request.param == "oxigraph":
        url = request.getfixturevalue("oxigraph_server")
        store = remote_store(url)
    else:
        url = request.getfixturevalue("virtuoso_server") + "/sparql"
        store = remote_store("virtuoso+" + url)
    store.clear()
    yield url
    store.clear()
    store.close()


class Replica:
    """A ``gaia-kg serve`` process with its own index folder, polling the feed every 0.3 s."""

    def __init__(self, store: str, folder: Path, env: dict | None = None):
        self.store, self.folder, self.port = store, folder, free_port()
        self.env = env or {}
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> Replica:
        env = {k: v for k, v in os.environ.items() if not k.startswith("GAIA_KG_")}
        env.update(GAIA_KG_INDEX=str(self.folder / "index"), GAIA_KG_FEED_POLL="0.3", **self.env)
        self.folder.mkdir(exist_ok=True)
        with open(self.folder / "serve.log", "ab") as log:
            self.proc = subprocess.Popen(
                [GAIA, "serve", "--store", self.store, "--port", str(self.port)],
                cwd=self.folder,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 90
        while not self._up():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"gaia-kg serve did not start:\n{self.log()}")
            time.sleep(0.2)
        return self

    def _up(self) -> bool:
        try:
            return httpx.get(self.url + "/health", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def log(self) -> str:
        return (self.folder / "serve.log").read_text(errors="replace")

    def searchable(self) -> list[str]:
        """Every resource a search finds (IRIs, sorted)."""
        response = httpx.get(self.url + "/api/search", params={"size": 100}, timeout=10)
        assert response.status_code == 200, response.text
        return sorted(hit["iri"] for hit in response.json()["hits"])

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(sig)
            self.proc.wait(timeout=30)


def _eventually(replicas: list[Replica], expected: list[str]) -> None:
    """Every replica finds exactly ``expected`` within :data:`WITHIN` seconds (polled)."""
    deadline = time.monotonic() + WITHIN
    while True:
        found = [r.searchable() for r in replicas]
        if found == [expected] * len(replicas) or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert found == [expected] * len(replicas), [r.log()[-2000:] for r in replicas]


def _described(store_url: str) -> list[str]:
    with remote_store(store_url) as store:
        return sorted({row["r"].value for row in store.select(DESCRIBED)})


def test_two_replicas_follow_loads_harvests_withdrawals_and_a_restart(store_url, tmp_path):
    replicas = [Replica(store_url, tmp_path / name).start() for name in ("a", "b")]
    try:
        assert [r.searchable() for r in replicas] == [[], []]
        run("load", "--store", store_url, str(FIX / "catalogue.ttl"), cwd=tmp_path)
        loaded = _described(store_url)
        assert len(loaded) == 2
        _eventually(replicas, loaded)

        (tmp_path / "records").mkdir()
        for path in MINIMAL[:2]:
            shutil.copy(path, tmp_path / "records" / path.name)
        (tmp_path / "sources.toml").write_text(
            '[sources.files]\nkind = "directory"\npath = "records"\nlanguage = "fr"\n'
        )
        run("harvest", "files", "--store", store_url, cwd=tmp_path)
        harvested = _described(store_url)
        assert len(harvested) == 4
        _eventually(replicas, harvested)

        (tmp_path / "records" / MINIMAL[0].name).unlink()  # gone upstream: withdrawn
        run("harvest", "files", "--store", store_url, cwd=tmp_path)
        kept = _described(store_url)
        assert len(kept) == 3
        _eventually(replicas, kept)

        replicas[1].stop(signal.SIGKILL)  # killed, then written to meanwhile
        shutil.copy(MINIMAL[0], tmp_path / "records" / MINIMAL[0].name)
        run("harvest", "files", "--store", store_url, cwd=tmp_path)
        replicas[1].start()
        _eventually(replicas, harvested)
        # the entries after the records' (inference) may still be on their way: polled
        deadline = time.monotonic() + 10
        while True:
            health = httpx.get(replicas[1].url + "/health", timeout=10).json()["index"]
            if (health["changes"], health["seconds"]) == (0, 0.0) or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert (health["changes"], health["seconds"]) == (0, 0.0)
    finally:
        for replica in replicas:
            replica.stop()


_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_SIGNUP = re.compile(r"sign-up link for a new account: \S*?(/account/signup/\S+)")


def _form(client: httpx.Client, path: str, fields: dict) -> httpx.Response:
    """Post a form the way a browser does: the page first, for its CSRF token."""
    token = _CSRF.search(client.get(path).text).group(1)
    return client.post(path, data={**fields, "csrf_token": token})


def test_an_account_made_through_one_replica_signs_in_through_the_other(
    oxigraph_server,
    postgres_url,  # noqa: F811
    tmp_path,
):
    shared = {"GAIA_KG_USER_DB": postgres_url, "GAIA_KG_SECRET_KEY": "one key for all"}
    replicas = [Replica(oxigraph_server, tmp_path / n, shared).start() for n in ("a", "b")]
    a, b = (httpx.Client(base_url=r.url, timeout=30) for r in replicas)
    try:
        fields = {"email": "eve@example.org", "password": PASSWORD}
        assert _form(a, "/account/signup", fields).status_code == 200
        link = _SIGNUP.search(replicas[0].log()).group(1)  # "mailed": printed to A's log
        assert a.get(link).status_code == 303  # the account exists, signed in on A
        assert _form(b, "/account/signin", fields).status_code == 303
        assert (a.get("/account").status_code, b.get("/account").status_code) == (200, 200)
        b.cookies.clear()  # a session opened on A is valid on B
        b.cookies.set("gaia_session", a.cookies["gaia_session"])
        assert b.get("/account").status_code == 200
    finally:
        a.close()
        b.close()
        for replica in replicas:
            replica.stop()
