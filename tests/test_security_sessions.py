"""Sign-out ends the session on the server: a copy of the cookie replayed afterwards is
anonymous; "sign out everywhere" ends every session; lifetime and idle timeout (issue 21)."""

from __future__ import annotations

import time

from accounts_support import Visitor, accounts_app

from graph_loader.config import Settings


def _copy(app, visitor: Visitor) -> Visitor:
    """Another client holding a copy of ``visitor``'s cookies (the attacker's replay)."""
    thief = Visitor(app)
    for cookie in visitor.client._cookies.values():
        thief.client.set_cookie(cookie.key, cookie.value, domain=cookie.domain)
    thief.token = visitor.token
    return thief


def test_a_replayed_cookie_after_sign_out_is_anonymous(tmp_path):
    with accounts_app(tmp_path) as app:
        ada = Visitor(app)
        ada.sign_up("ada@example.org")
        cid = ada.new_collection("Ozone")
        thief = _copy(app, ada)
        assert thief.get(f"/collections/{cid}").status_code == 200  # the copy works before
        ada.get("/account")
        assert ada.post("/account/signout").status_code == 303
        assert thief.get(f"/collections/{cid}").status_code != 200
        created = thief.post("/collections", {"title": "Injected"})
        assert created.status_code != 303 or "/account/signin" in created.headers["Location"]
        ada.sign_in("ada@example.org")
        assert [c.title for c in _titles(app)] == ["Ozone"]


def _titles(app):
    from sparql_api.accounts.db import Collection, select

    with app.extensions["gaia_kg_users"].get().session() as s:
        return list(s.scalars(select(Collection)))


def test_sign_out_everywhere_ends_every_session(tmp_path):
    with accounts_app(tmp_path) as app:
        laptop, phone = Visitor(app), Visitor(app)
        laptop.sign_up("ada@example.org")
        phone.sign_in("ada@example.org")
        bob = Visitor(app)
        bob.sign_up("bob@example.org")
        page = laptop.get("/account").get_data(as_text=True)
        assert 'action="/account/signout-everywhere"' in page
        assert laptop.post("/account/signout-everywhere").status_code == 303
        assert phone.get("/account").status_code == 302
        assert laptop.get("/account").status_code == 302
        assert bob.get("/account").status_code == 200  # other users keep theirs
        phone.sign_in("ada@example.org")
        assert phone.get("/account").status_code == 200  # a new sign-in works again


def test_idle_timeout_and_lifetime(tmp_path):
    with accounts_app(tmp_path, session_idle=1.0) as app:
        ada = Visitor(app)
        ada.sign_up("ada@example.org")
        for _ in range(3):  # activity keeps it alive
            time.sleep(0.5)
            assert ada.get("/account").status_code == 200
        time.sleep(1.3)
        assert ada.get("/account").status_code == 302
    with accounts_app(tmp_path, session_lifetime=1.5) as app:
        ada = Visitor(app)
        ada.sign_in("ada@example.org")
        for _ in range(3):
            time.sleep(0.3)
            assert ada.get("/account").status_code == 200
        time.sleep(1.0)
        assert ada.get("/account").status_code == 302  # activity does not extend the lifetime


def test_session_settings_from_the_environment(monkeypatch):
    monkeypatch.setenv("GAIA_KG_SESSION_LIFETIME", "3600")
    monkeypatch.setenv("GAIA_KG_SESSION_IDLE", "600")
    settings = Settings.from_env(store=":memory:")
    assert (settings.session_lifetime, settings.session_idle) == (3600.0, 600.0)
