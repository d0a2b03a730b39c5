"""What a signed-in reader sees on every page: a sign-out button in the header, and after
adding a resource to a collection, a confirmation naming the collection on the page they come
back to (once)."""

from __future__ import annotations

import pytest
from accounts_support import ARGO, Visitor, accounts_app
from html_support import parse_html


@pytest.fixture
def app(tmp_path):
    with accounts_app(tmp_path) as app:
        yield app


def header_forms(page: str) -> list[tuple[str, str]]:
    header = parse_html(page).find("header")
    return [(f.attrs["action"], f.find("button").text()) for f in header.find_all("form")]


def test_the_header_offers_to_sign_out_when_signed_in(app):
    anonymous = Visitor(app)
    assert header_forms(anonymous.get("/?lang=fr").get_data(as_text=True)) == []
    ada = Visitor(app)
    ada.sign_up("ada@example.org")
    for path, label in (("/?lang=fr", "Se déconnecter"), ("/no/such/page?lang=en", "Sign out")):
        assert header_forms(ada.get(path).get_data(as_text=True)) == [("/account/signout", label)]
    header = parse_html(ada.get("/").get_data(as_text=True)).find("header")
    token = header.find("input", name="csrf_token").attrs["value"]
    assert ada.post("/account/signout", {"csrf_token": token}).status_code == 303
    assert header_forms(ada.get("/").get_data(as_text=True)) == []


def test_adding_to_a_collection_is_confirmed_once_on_the_page_come_back_to(app):
    ada = Visitor(app)
    ada.sign_up("ada@example.org")
    cid = ada.new_collection("Flotteurs")
    added = ada.post(
        "/collections/add",
        {"iri": ARGO, "collection": str(cid), "next": "/id/dataset/argo?lang=fr"},
    )
    assert added.headers["Location"] == "/id/dataset/argo?lang=fr"
    page = parse_html(ada.get("/id/dataset/argo?lang=fr").get_data(as_text=True))
    confirmation = page.find("p", cls="confirmation")
    assert (confirmation.attrs["role"], confirmation.text()) == (
        "status",
        "Ajouté à votre collection « Flotteurs ». Voir la collection",
    )
    assert confirmation.find("a").attrs["href"] == f"/collections/{cid}"
    again = parse_html(ada.get("/id/dataset/argo?lang=fr").get_data(as_text=True))
    assert again.find_all("p", cls="confirmation") == []
