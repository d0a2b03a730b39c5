"""OpenID Connect single sign-on against a real provider (oidc-provider on 127.0.0.1)."""

from __future__ import annotations

import pytest
from accounts_support import Visitor, accounts_app
from oidc_support import SECRET, oidc_provider, sign_in_at_provider

from sparql_api.accounts.db import OidcIdentity, User, select


@pytest.fixture(scope="module")
def issuer():
    with oidc_provider() as found:
        yield found


@pytest.fixture
def app(tmp_path, issuer):
    options = dict(
        oidc_issuer=issuer,
        oidc_client_id="gaia-kg",
        oidc_client_secret=SECRET,
        oidc_label="Data Terra",
    )
    with accounts_app(tmp_path, **options) as app:
        yield app


def sign_in(visitor: Visitor, login: str, next_page: str = "/collections") -> str:
    start = visitor.client.get(f"/account/oidc/login?next={next_page}")
    assert start.status_code == 302
    back = sign_in_at_provider(start.headers["Location"], login)
    assert back.startswith("http://localhost/account/oidc/callback?code=")
    done = visitor.client.get(back.removeprefix("http://localhost"))
    assert done.status_code == 303, done.get_data(as_text=True)
    return done.headers["Location"]


def test_sign_in_through_the_provider_creates_then_finds_the_account(app, issuer):
    visitor = Visitor(app)
    page = visitor.get("/account/signin?lang=fr").get_data(as_text=True)
    assert 'id="oidc-login" href="/account/oidc/login">Se connecter avec Data Terra</a>' in page
    assert sign_in(visitor, "ada", "/collections/new") == "/collections/new"
    assert "Connecté en tant que ada@example.org" in visitor.get("/account").get_data(as_text=True)
    cid = visitor.new_collection("Single sign-on")
    visitor.post("/account/signout")
    again = Visitor(app)
    sign_in(again, "ada")
    assert again.get(f"/collections/{cid}").status_code == 200  # the same account
    with app.extensions["gaia_kg_users"].get().session() as s:
        rows = [(u.email, u.password_hash) for u in s.scalars(select(User))]
        identities = [(i.issuer, i.subject) for i in s.scalars(select(OidcIdentity))]
    assert rows == [("ada@example.org", None)]
    assert identities == [(issuer, "ada")]


def test_a_callback_without_the_session_state_is_refused(app):
    first = Visitor(app)
    start = first.client.get("/account/oidc/login")
    back = sign_in_at_provider(start.headers["Location"], "eve")
    stranger = Visitor(app)  # another browser replays the code: no state in its session
    response = stranger.client.get(back.removeprefix("http://localhost"))
    assert response.status_code == 400
    assert "identity provider failed" in response.get_data(as_text=True)
    assert stranger.get("/account").status_code == 302


def test_without_a_provider_the_routes_are_404(tmp_path):
    with accounts_app(tmp_path) as app:
        client = app.test_client()
        assert client.get("/account/oidc/login").status_code == 404
        assert client.get("/account/oidc/callback?code=x&state=y").status_code == 404
        assert "oidc-login" not in client.get("/account/signin").get_data(as_text=True)
