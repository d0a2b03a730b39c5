"""API tokens with scopes, and the collections API they open (no cookie, no CSRF token)."""

from __future__ import annotations

import re

import pytest
from accounts_support import AMMA, ARGO, Visitor, accounts_app


@pytest.fixture
def app(tmp_path):
    with accounts_app(tmp_path) as app:
        yield app


def new_token(visitor: Visitor, name: str, *scopes: str) -> str:
    visitor.get("/account/tokens")
    page = visitor.client.post(
        "/account/tokens",
        data={"csrf_token": visitor.token, "name": name, "scope": list(scopes)},
    )
    assert page.status_code == 200, page.get_data(as_text=True)
    return re.search(r'<code id="new-token">(gkg_[\w-]+)</code>', page.get_data(as_text=True))[1]


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_a_token_opens_the_collections_api_within_its_scopes(app):
    ada = Visitor(app)
    ada.sign_up("ada@example.org")
    read = new_token(ada, "notebook", "collections:read")
    write = new_token(ada, "script", "collections:read", "collections:write")
    api = app.test_client()  # no cookie at all
    created = api.post("/api/collections", json={"title": "From a script"}, headers=bearer(write))
    assert created.status_code == 201
    cid = created.get_json()["id"]
    assert created.headers["Location"] == f"/api/collections/{cid}"
    for iri in (ARGO, AMMA):
        api.post(f"/api/collections/{cid}/items", json={"iri": iri}, headers=bearer(write))
    removed = api.delete(
        f"/api/collections/{cid}/items", query_string={"iri": AMMA}, headers=bearer(write)
    )
    assert removed.get_json()["items"] == [ARGO]
    assert api.get(f"/api/collections/{cid}", headers=bearer(read)).get_json() == {
        "id": cid,
        "title": "From a script",
        "description": "",
        "items": [ARGO],
        "shared": False,
        "links": {
            "html": f"/collections/{cid}",
            "exports": {
                name: f"/api/collections/{cid}/export/{name}"
                for name in ("ttl", "jsonld", "bib", "ris", "urls")
            },
        },
    }
    assert api.get("/api/collections", headers=bearer(read)).get_json() == [
        {"id": cid, "title": "From a script", "description": "", "count": 1, "shared": False}
    ]
    urls = api.get(f"/api/collections/{cid}/export/urls", headers=bearer(read))
    assert (
        urls.get_data(as_text=True) == "https://data-argo.ifremer.fr/dac/\nhttps://argo.ucsd.edu/\n"
    )
    short = api.post("/api/collections", json={"title": "x"}, headers=bearer(read))
    assert (short.status_code, short.get_json()["error"]) == (403, "token_scope")
    assert short.get_json()["message"] == "This token lacks the scope 'collections:write'."
    bad = api.post(f"/api/collections/{cid}/items", data="[]", headers=bearer(write))
    assert (bad.status_code, bad.get_json()["error"]) == (400, "body_invalid")
    assert api.delete(f"/api/collections/{cid}", headers=bearer(write)).status_code == 204
    assert api.get(f"/api/collections/{cid}", headers=bearer(read)).status_code == 404


@pytest.mark.parametrize(
    "header", [None, "Bearer", "Bearer gkg_unknown", "Basic YWRhOnB3", "Bearer not-a-token"]
)
def test_no_valid_token_is_401_in_the_asked_language(app, header):
    headers = {"Authorization": header} if header else {}
    response = app.test_client().get("/api/collections?lang=fr", headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="gaia-kg", error="invalid_token"'
    assert response.get_json() == {
        "status": 401,
        "error": "token_missing",
        "message": "Jeton d'API absent ou inconnu : envoyez « Authorization: Bearer gkg_… ».",
        "lang": "fr",
    }


def test_tokens_are_revocable_and_private(app):
    ada, bob = Visitor(app), Visitor(app)
    ada.sign_up("ada@example.org")
    bob.sign_up("bob@example.org")
    token = new_token(ada, "notebook", "collections:read", "collections:write")
    cid = ada.new_collection("Ada's")
    bobs = new_token(bob, "bob", "collections:read", "collections:write")
    api = app.test_client()
    for method, path in [
        ("get", f"/api/collections/{cid}"),
        ("delete", f"/api/collections/{cid}"),
        ("get", f"/api/collections/{cid}/export/bib"),
    ]:
        assert getattr(api, method)(path, headers=bearer(bobs)).status_code == 404, path
    assert api.get("/api/collections", headers=bearer(bobs)).get_json() == []
    page = ada.get("/account/tokens").get_data(as_text=True)
    assert token not in page  # shown once, at creation
    (tid,) = re.findall(r'action="/account/tokens/(\d+)/revoke"', page)
    bob.get("/account/tokens")
    assert bob.post(f"/account/tokens/{tid}/revoke").status_code == 404
    assert api.get("/api/collections", headers=bearer(token)).status_code == 200
    assert ada.post(f"/account/tokens/{tid}/revoke", csrf=False).status_code == 403
    assert ada.post(f"/account/tokens/{tid}/revoke").status_code == 303
    assert api.get("/api/collections", headers=bearer(token)).status_code == 401


def test_a_token_needs_a_known_scope(app):
    ada = Visitor(app)
    ada.sign_up("ada@example.org")
    ada.get("/account/tokens")
    for scopes in ([], ["sparql:everything"]):
        page = ada.client.post(
            "/account/tokens", data={"csrf_token": ada.token, "name": "x", "scope": scopes}
        )
        assert page.status_code == 400
        assert "Choose at least one of the scopes offered." in page.get_data(as_text=True)


def test_only_administrators_get_admin_tokens(tmp_path):
    from sparql_api.accounts.tokens_routes import is_admin_token

    with accounts_app(tmp_path, admin_users=("root@example.org",)) as app:
        root, ada = Visitor(app), Visitor(app)
        root.sign_up("root@example.org")
        ada.sign_up("ada@example.org")
        assert 'value="admin"' not in ada.get("/account/tokens").get_data(as_text=True)
        refused = ada.client.post(
            "/account/tokens",
            data={"csrf_token": ada.token, "name": "x", "scope": ["admin"]},
        )
        assert refused.status_code == 400
        assert "Only administrators can create" in refused.get_data(as_text=True)
        assert 'value="admin"' in root.get("/account/tokens").get_data(as_text=True)
        admin = new_token(root, "loader", "admin")
        reader = new_token(root, "reader", "collections:read")
        with app.app_context():
            assert [is_admin_token(t) for t in (admin, reader, "gkg_nope", "")] == [
                True,
                False,
                False,
                False,
            ]
        page = root.get("/account/tokens").get_data(as_text=True)
        tid = re.findall(r'action="/account/tokens/(\d+)/revoke"', page)[-1]  # the oldest
        root.post(f"/account/tokens/{tid}/revoke")
        with app.app_context():
            assert is_admin_token(admin) is False
    with accounts_app(tmp_path) as app:  # no longer an administrator: the token is void
        with app.app_context():
            assert is_admin_token(reader) is False


def test_an_administrators_admin_token_writes_through_sparql_update(tmp_path):
    with accounts_app(tmp_path, admin_users=("root@example.org",)) as app:
        root = Visitor(app)
        root.sign_up("root@example.org")
        admin = new_token(root, "loader", "admin")
        reader = new_token(root, "reader", "collections:read")
        update = 'INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> "written" } }'
        api = app.test_client()
        assert api.post("/sparql/update", data={"update": update}).status_code == 401
        for token in (reader, "gkg_unknown"):
            assert (
                api.post(
                    "/sparql/update", data={"update": update}, headers=bearer(token)
                ).status_code
                == 401
            )
        done = api.post("/sparql/update", data={"update": update}, headers=bearer(admin))
        assert done.status_code == 204
        asked = api.get(
            "/sparql",
            query_string={"query": 'ASK { GRAPH <urn:g> { <urn:s> <urn:p> "written" } }'},
            headers={"Accept": "application/sparql-results+json"},
        )
        assert asked.get_json()["boolean"] is True
