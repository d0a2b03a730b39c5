"""Host header attacks: reset links are built from the configured public URL, never from the
request, and requests for a host that is not allowed are refused (issue 21)."""

from __future__ import annotations

import logging
import re

from accounts_support import Visitor, accounts_app

from graph_loader.config import Settings
from sparql_api import create_app
from sparql_api.web.hosts import allowed_hosts, public_base


def _reset_link(app, caplog, host: str | None = None) -> str:
    Visitor(app).sign_up("ada@example.org")
    visitor = Visitor(app)
    headers = {"Host": host} if host else {}
    visitor.get("/account/reset", headers=headers)
    caplog.clear()
    visitor.post("/account/reset", {"email": "ada@example.org"}, headers=headers)
    (link,) = re.findall(r"password reset link for account \d+: (\S+)", caplog.text)
    return link


def test_the_reset_link_comes_from_the_public_url_not_the_host_header(tmp_path, caplog):
    caplog.set_level(logging.INFO)
    options = {"public_url": "https://portal.example.org/gaia/", "allowed_hosts": ("*",)}
    with accounts_app(tmp_path, **options) as app:
        link = _reset_link(app, caplog, host="evil.example")
    assert re.fullmatch(r"https://portal\.example\.org/gaia/account/reset/[\w-]+", link), link


def test_without_a_public_url_the_link_uses_the_configured_address(tmp_path, caplog):
    caplog.set_level(logging.INFO)
    with accounts_app(tmp_path, allowed_hosts=("*",)) as app:
        link = _reset_link(app, caplog, host="evil.example")
    assert re.fullmatch(r"http://localhost/account/reset/[\w-]+", link), link


def test_a_host_that_is_not_allowed_is_refused(tmp_path):
    with accounts_app(tmp_path) as app:
        client = app.test_client()
        for host in ("localhost", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"):
            assert client.get("/health", headers={"Host": host}).status_code == 200, host
        for host in ("evil.example", "localhost.evil.example", "evil.example:80"):
            refused = client.get("/account/reset", headers={"Host": host})
            assert refused.status_code == 400, host
            assert "evil.example" not in refused.get_data(as_text=True)
        assert client.get("/api/search", headers={"Host": "evil.example"}).status_code == 400


def test_the_public_urls_host_is_allowed_and_star_allows_every_host(tmp_path):
    with accounts_app(tmp_path, public_url="https://portal.example.org") as app:
        client = app.test_client()
        assert client.get("/health", headers={"Host": "portal.example.org"}).status_code == 200
        assert client.get("/health", headers={"Host": "other.example"}).status_code == 400
    with accounts_app(tmp_path, allowed_hosts=("*",)) as app:
        assert app.test_client().get("/health", headers={"Host": "x.example"}).status_code == 200


def test_settings_from_the_environment(monkeypatch):
    monkeypatch.setenv("GAIA_KG_PUBLIC_URL", "https://data.example.org/")
    monkeypatch.setenv("GAIA_KG_ALLOWED_HOSTS", "a.example, B.example")
    settings = Settings.from_env(store=":memory:")
    assert public_base(settings) == "https://data.example.org/"
    assert allowed_hosts(settings) == {"a.example", "b.example", "data.example.org"}
    monkeypatch.delenv("GAIA_KG_ALLOWED_HOSTS")
    assert allowed_hosts(Settings.from_env(store=":memory:")) == {
        "localhost",
        "127.0.0.1",
        "::1",
        "data.example.org",
    }
    assert public_base(Settings(store=":memory:")) == "http://localhost/"
    assert create_app(Settings(store=":memory:")).test_client().get(
        "/health", headers={"Host": "127.0.0.1"}
    ).status_code in (200, 503)
