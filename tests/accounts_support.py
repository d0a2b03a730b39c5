"""Shared by the personal-space tests: a store holding tests/fixtures/accounts/members.ttl,
an app over it with a user database file, and a browser-like client that keeps its session
and sends the page's CSRF token."""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from helpers import BASE

from graph_loader.config import Settings
from graph_loader.store import EmbeddedStore
from sparql_api import create_app

MEMBERS = Path(__file__).resolve().parent / "fixtures" / "accounts" / "members.ttl"
ID = BASE + "id/"
ARGO, AMMA, WMS = ID + "dataset/argo", ID + "dataset/amma-rs", ID + "service/odatis-wms"
PASSWORD = "correct horse battery"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_SIGNUP_LINK = re.compile(r"sign-up link for a new account: \S*?(/account/signup/\S+)")


class _Links(logging.Handler):
    """Keeps the sign-up links the app prints to its log (no mail server in the tests)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.links: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        found = _SIGNUP_LINK.search(record.getMessage())
        if found:
            self.links.append(found.group(1))


LINKS = _Links()
logging.getLogger("sparql_api.accounts.routes").addHandler(LINKS)


def members_store() -> EmbeddedStore:
    """An in-memory store with the record graphs of members.ttl."""
    store = EmbeddedStore(None)
    graphs: dict = {}
    for quad in ox.parse(path=MEMBERS, format=ox.RdfFormat.TRIG):
        graphs.setdefault(quad.graph_name, []).append(
            ox.Triple(quad.subject, quad.predicate, quad.object)
        )
    for graph, triples in graphs.items():
        store.replace_graph(graph, triples)
    return store


@contextmanager
def accounts_app(tmp_path: Path, store: EmbeddedStore | None = None, **options):
    """An app over ``store`` with its user database in ``tmp_path`` (``options``: Settings)."""
    settings = Settings(
        store=":memory:", user_db=str(tmp_path / "users.sqlite"), secret_key="test-key", **options
    )
    app = create_app(settings, store=store or members_store())
    try:
        yield app
    finally:
        app.extensions["gaia_kg"].close()
        app.extensions["gaia_kg_users"].close()


class Visitor:
    """A Flask test client that reads the CSRF token of the last page it fetched."""

    def __init__(self, app):
        self.client = app.test_client()
        self.token = ""

    def get(self, path: str, **kw):
        response = self.client.get(path, **kw)
        found = _CSRF.search(response.get_data(as_text=True))
        if found:
            self.token = found.group(1)
        return response

    def post(self, path: str, data: dict | None = None, *, csrf: bool = True, **kw):
        data = dict(data or {})
        if csrf:
            data.setdefault("csrf_token", self.token)
        return self.client.post(path, data=data, **kw)

    def sign_up(self, email: str, password: str = PASSWORD):
        """Sign up and follow the link printed to the log: the account exists and this
        visitor is signed in (the answer of the link, a 303, is returned)."""
        self.get("/account/signup")
        known = len(LINKS.links)
        answer = self.post("/account/signup", {"email": email, "password": password})
        if answer.status_code != 200 or len(LINKS.links) == known:
            return answer  # refused, or the address already has an account
        return self.get(LINKS.links[-1])

    def sign_in(self, email: str, password: str = PASSWORD):
        self.get("/account/signin")
        return self.post("/account/signin", {"email": email, "password": password})

    def new_collection(self, title: str, description: str = "") -> int:
        self.get("/collections")
        response = self.post("/collections", {"title": title, "description": description})
        assert response.status_code == 303, response.get_data(as_text=True)
        return int(response.headers["Location"].rsplit("/", 1)[1])
