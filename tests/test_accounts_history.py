"""Search history and saved searches: kept for signed-in users only, cleared on demand,
"what's new since my last visit" from the record load times, private to each user."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from accounts_support import ARGO, PASSWORD, Visitor, accounts_app

from sparql_api.accounts import history, users
from sparql_api.accounts.db import UserDB


@pytest.fixture
def app(tmp_path):
    with accounts_app(tmp_path) as app:
        yield app


def kept(visitor: Visitor) -> list[tuple[str, str]]:
    page = visitor.get("/account/history").get_data(as_text=True)
    return re.findall(r'<tr><td><a href="/search\?([^"]*)">([^<]+)</a>', page)


def test_searches_of_signed_in_users_are_kept_and_cleared(app):
    ada, bob = Visitor(app), Visitor(app)
    ada.sign_up("ada@example.org")
    bob.sign_up("bob@example.org")
    anonymous = app.test_client()
    for path in ("/search?q=argo&lang=fr", "/search?type=dataset&q=amma&page=1"):
        assert ada.get(path).status_code == 200
    ada.get("/search?type=dataset&q=amma&lang=en")  # the same search again: once
    anonymous.get("/search?q=secret")
    bob.get("/search?q=radiosondes")
    assert kept(ada) == [("q=amma&amp;type=dataset", "amma"), ("q=argo", "argo")]
    assert kept(bob) == [("q=radiosondes", "radiosondes")]
    ada.get("/account/history")
    assert ada.post("/account/history/clear", csrf=False).status_code == 403
    assert ada.post("/account/history/clear").status_code == 303
    assert kept(ada) == []
    assert kept(bob) == [("q=radiosondes", "radiosondes")]


def test_the_history_keeps_the_latest_searches(tmp_path):
    db = UserDB(f"sqlite:///{tmp_path}/u.sqlite")
    uid = users.sign_up(db, "ada@example.org", PASSWORD).id
    for i in range(history.HISTORY_SIZE + 5):
        history.remember(db, uid, f"q=word{i}")
    found = [e["query"] for e in history.history(db, uid)]
    assert found == [f"q=word{i}" for i in range(history.HISTORY_SIZE + 4, 4, -1)]
    db.close()


def new_counts(visitor: Visitor) -> list[tuple[str, str]]:
    page = visitor.get("/account/searches").get_data(as_text=True)
    return re.findall(r'">([^<]+)</a> · <span class="new-count">([^<]+)</span>', page)


def test_a_saved_search_tells_what_is_new_since_the_last_visit(app):
    ada = Visitor(app)
    ada.sign_up("ada@example.org")
    ada.get("/search?type=dataset&lang=en")
    ada.get("/account/history")
    saved = ada.post("/account/searches", {"name": "Datasets", "query": "?type=dataset&page=3"})
    assert saved.status_code == 303
    assert new_counts(ada) == [("Datasets", "new since your last visit: 0")]
    db = app.extensions["gaia_kg_users"].get()
    (found,) = history.saved_searches(db, 1)
    assert found.query == "type=dataset"
    history.mark_seen(db, 1, found.id, datetime(2025, 1, 1, tzinfo=UTC))
    # argo's record was loaded on 2026-01-10, amma's in 2020: one is new since 2025
    assert new_counts(ada) == [("Datasets", "new since your last visit: 1")]
    page = ada.get(f"/account/searches/{found.id}").get_data(as_text=True)
    assert "New or updated since your last visit (2025-01-01 00:00)" in page
    assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', page) == [
        ("/id/dataset/argo", "Argo profiles {real time}")
    ]
    assert new_counts(ada) == [("Datasets", "new since your last visit: 0")]
    again = ada.get(f"/account/searches/{found.id}?lang=fr").get_data(as_text=True)
    assert "Rien de nouveau depuis votre dernière visite." in again


def test_saved_searches_are_private(app):
    ada, bob = Visitor(app), Visitor(app)
    ada.sign_up("ada@example.org")
    bob.sign_up("bob@example.org")
    ada.get("/collections")  # a page with a form: the session's CSRF token
    assert (
        ada.post("/account/searches", {"name": "Ada's ozone", "query": "q=ozone"}).status_code
        == 303
    )
    db = app.extensions["gaia_kg_users"].get()
    (found,) = history.saved_searches(db, 1)
    bob.get("/collections")
    assert new_counts(bob) == []
    for guess in (found.id, found.id + 1):
        page = bob.get(f"/account/searches/{guess}")
        assert page.status_code == 404
        assert "None of your saved searches has this number." in page.get_data(as_text=True)
        assert bob.post(f"/account/searches/{guess}/delete").status_code == 404
    assert [s.name for s in history.saved_searches(db, 1)] == ["Ada's ozone"]
    assert ARGO not in bob.get("/account/searches").get_data(as_text=True)
    assert app.test_client().get("/account/searches").headers["Location"] == (
        "/account/signin?next=/account/searches"
    )


def test_the_search_page_offers_to_save_the_search(app):
    anonymous = app.test_client().get("/search?q=argo").get_data(as_text=True)
    assert "search-save" not in anonymous
    ada = Visitor(app)
    ada.sign_up("ada@example.org")
    page = ada.get("/search?q=argo&type=dataset&page=1&lang=fr").get_data(as_text=True)
    form = re.search(r'<form class="search-save[^"]*".*?</form>', page, re.S)[0]
    assert re.findall(
        r'name="(query|name)" (?:required maxlength="200" )?value="([^"]*)"', form
    ) == [
        ("query", "q=argo&amp;type=dataset&amp;page=1&amp;lang=fr"),
        ("name", "argo"),
    ]
    ada.post("/account/searches", {"name": "Argo", "query": "q=argo&type=dataset&page=1&lang=fr"})
    db = app.extensions["gaia_kg_users"].get()
    assert [(s.name, s.query) for s in history.saved_searches(db, 1)] == [
        ("Argo", "q=argo&type=dataset")
    ]
