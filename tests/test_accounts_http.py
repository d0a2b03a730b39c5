"""The personal space over HTTP: accounts, sessions, CSRF, rate limit, collections, sharing,
exports, and the privacy of user data (never in the RDF store, never another user's)."""

from __future__ import annotations

import json
import logging
import re

import pyoxigraph as ox
import pytest
from accounts_support import AMMA, ARGO, PASSWORD, WMS, Visitor, accounts_app
from flask import render_template_string


@pytest.fixture
def app(tmp_path):
    with accounts_app(tmp_path) as app:
        yield app


def test_sign_up_sets_a_signed_httponly_lax_session(app):
    visitor = Visitor(app)
    response = visitor.sign_up("ada@example.org")
    assert (response.status_code, response.headers["Location"]) == (303, "/collections")
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("gaia_session=")
    assert {"HttpOnly", "SameSite=Lax", "Path=/"} <= {p.strip() for p in cookie.split(";")}
    assert "ada@example.org" not in cookie
    page = visitor.get("/account")
    assert page.status_code == 200
    assert "Signed in as ada@example.org" in page.get_data(as_text=True)


def test_secure_cookies_when_configured(tmp_path):
    with accounts_app(tmp_path, secure_cookies=True) as app:
        cookie = Visitor(app).sign_up("ada@example.org").headers["Set-Cookie"]
    assert "Secure" in {p.strip() for p in cookie.split(";")}


def test_sign_in_sign_out(app):
    Visitor(app).sign_up("ada@example.org")
    visitor = Visitor(app)
    assert visitor.get("/collections").headers["Location"] == ("/account/signin?next=/collections")
    wrong = visitor.sign_in("ada@example.org", "not the password")
    assert wrong.status_code == 401
    assert "Wrong address or password." in wrong.get_data(as_text=True)
    visitor.get("/account/signin?next=/collections/7&lang=fr")
    right = visitor.post(
        "/account/signin",
        {"email": "ADA@example.org", "password": PASSWORD, "next": "/collections/7"},
    )
    assert (right.status_code, right.headers["Location"]) == (303, "/collections/7")
    assert visitor.get("/account").status_code == 200
    assert visitor.post("/account/signout").status_code == 303
    assert visitor.get("/account").status_code == 302


def test_sign_in_does_not_redirect_elsewhere(app):
    visitor = Visitor(app)
    visitor.sign_up("ada@example.org")
    visitor.get("/account/signin")
    response = visitor.post(
        "/account/signin",
        {"email": "ada@example.org", "password": PASSWORD, "next": "//evil.example/x"},
    )
    assert response.headers["Location"] == "/collections"


def test_messages_follow_the_language(app):
    visitor = Visitor(app)
    visitor.sign_up("ada@example.org")
    switched = visitor.get("/account/signup?lang=fr")
    assert "lang=fr;" in switched.headers["Set-Cookie"]
    assert visitor.get("/account/signup").headers["Content-Language"] == "fr"  # remembered
    response = visitor.post(
        "/account/signup?lang=fr", {"email": "bob@example.org", "password": "short"}
    )
    assert response.status_code == 400
    assert response.headers["Content-Language"] == "fr"
    assert "Le mot de passe doit compter au moins 10 caractères." in response.get_data(as_text=True)


@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_a_post_without_the_session_csrf_token_is_refused(app, token):
    owner = Visitor(app)
    owner.sign_up("ada@example.org")
    cid = owner.new_collection("Mine")
    data = {"title": "Renamed"} | ({} if token is None else {"csrf_token": token})
    for path, form in [
        (f"/collections/{cid}", data),
        (f"/collections/{cid}/delete", {k: v for k, v in data.items() if k != "title"}),
        ("/account/signout", {}),
    ]:
        response = owner.post(path, form, csrf=False)
        assert response.status_code == 403, path
        assert "security token is missing or stale" in response.get_data(as_text=True)
    assert owner.get(f"/collections/{cid}").status_code == 200  # still there, not renamed
    assert "<h1>Mine</h1>" in owner.get(f"/collections/{cid}").get_data(as_text=True)


def test_another_sessions_token_is_refused(app):
    ada, eve = Visitor(app), Visitor(app)
    ada.sign_up("ada@example.org")
    cid = ada.new_collection("Mine")
    eve.get("/account/signin")  # eve has a token of her own session
    response = ada.post(f"/collections/{cid}/delete", {"csrf_token": eve.token}, csrf=False)
    assert response.status_code == 403


def test_sign_in_is_rate_limited(app):
    Visitor(app).sign_up("ada@example.org")
    visitor = Visitor(app)
    statuses = [visitor.sign_in("ada@example.org", f"wrong {i}").status_code for i in range(6)]
    assert statuses == [401, 401, 401, 401, 401, 429]
    limited = visitor.sign_in("ada@example.org")  # even the right password waits
    assert limited.status_code == 429
    assert 0 < int(limited.headers["Retry-After"]) <= 300
    assert "Too many attempts" in limited.get_data(as_text=True)
    assert Visitor(app).sign_in("bob@example.org").status_code == 401  # another address


def test_a_second_user_gets_404_for_every_id_of_the_first(app):
    ada, bob = Visitor(app), Visitor(app)
    ada.sign_up("ada@example.org")
    bob.sign_up("bob@example.org")
    cid = ada.new_collection("Ada's private list", "Secret plans")
    ada.post(f"/collections/{cid}/items", {"iri": ARGO})
    ada.post(f"/collections/{cid}/share")
    bob.get("/collections")
    for guess in (cid, cid + 1, 0):
        for method, path, form in [
            ("get", f"/collections/{guess}", None),
            ("get", f"/collections/{guess}/export/bib", None),
            ("post", f"/collections/{guess}", {"title": "Bob's now"}),
            ("post", f"/collections/{guess}/items", {"iri": WMS}),
            ("post", f"/collections/{guess}/items/remove", {"iri": ARGO}),
            ("post", f"/collections/{guess}/share", {}),
            ("post", f"/collections/{guess}/unshare", {}),
            ("post", f"/collections/{guess}/delete", {}),
            ("post", "/collections/add", {"iri": WMS, "collection": str(guess)}),
        ]:
            response = bob.get(path) if method == "get" else bob.post(path, form)
            assert response.status_code == 404, (method, path)
            body = response.get_data(as_text=True)
            assert "None of your collections has this number." in body
            assert "Secret plans" not in body and "private list" not in body
    page = ada.get(f"/collections/{cid}").get_data(as_text=True)
    assert "<h1>Ada&#39;s private list</h1>" in page
    assert re.findall(r'<li data-iri="([^"]+)"', page) == [ARGO]
    assert "/shared/" in page


def test_collection_life_share_link_and_exports(app):
    ada = Visitor(app)
    ada.sign_up("ada@example.org")
    cid = ada.new_collection("Ocean & <air>", "Two datasets")
    for iri in (ARGO, AMMA, WMS):
        assert ada.post(f"/collections/{cid}/items", {"iri": iri}).status_code == 303
    ada.post(f"/collections/{cid}/items/remove", {"iri": WMS})
    ada.post(f"/collections/{cid}", {"title": "Ocean & air", "description": "Profiles"})
    page = ada.get(f"/collections/{cid}").get_data(as_text=True)
    assert re.findall(r'<li data-iri="([^"]+)"><a href="([^"]+)">([^<]+)</a>', page) == [
        (ARGO, "/id/dataset/argo", "Argo profiles {real time}"),
        (AMMA, "/id/dataset/amma-rs", "AMMA radiosondes"),
    ]
    bib = ada.get(f"/collections/{cid}/export/bib")
    assert bib.headers["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert bib.headers["Content-Disposition"] == f'attachment; filename="collection-{cid}.bib"'
    assert re.findall(r"@misc\{([^,]+),", bib.get_data(as_text=True)) == [
        "https___doi_org_10_17882_42182",
        "AMMA-RS-2006",
    ]
    ttl = ada.get(f"/collections/{cid}/export/ttl")
    graph = {
        (str(t.subject), str(t.predicate), str(t.object))
        for t in ox.parse(ttl.data, format=ox.RdfFormat.TURTLE)
    }
    catalogue = f"<http://localhost/collections/{cid}>"
    assert {(p, o) for s, p, o in graph if s == catalogue} == {
        (
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
            "<http://www.w3.org/ns/dcat#Catalog>",
        ),
        ("<http://purl.org/dc/terms/title>", '"Ocean & air"'),
        ("<http://purl.org/dc/terms/description>", '"Profiles"'),
        (
            "<http://purl.org/dc/terms/modified>",
            f'"{_today()}"^^<http://www.w3.org/2001/XMLSchema#date>',
        ),
        ("<http://www.w3.org/ns/dcat#dataset>", f"<{ARGO}>"),
        ("<http://www.w3.org/ns/dcat#dataset>", f"<{AMMA}>"),
    }
    assert ada.get(f"/collections/{cid}/export/pdf").status_code == 404

    ada.post(f"/collections/{cid}/share")
    link = re.search(
        r'id="share-url" readonly size="60" value="([^"]+)"',
        ada.get(f"/collections/{cid}").get_data(as_text=True),
    ).group(1)
    path = link.removeprefix("http://localhost")
    anonymous = Visitor(app)
    shared = anonymous.get(path)
    body = shared.get_data(as_text=True)
    assert shared.status_code == 200
    assert "Shared collection, read-only." in body
    assert "<form" not in body.split('<main id="main">')[1]  # nothing to change
    assert shared.headers["Referrer-Policy"] == "no-referrer"
    assert shared.headers["X-Robots-Tag"] == "noindex, nofollow"
    assert anonymous.get(path + "/export/urls").get_data(as_text=True).splitlines() == [
        "https://data-argo.ifremer.fr/dac/",
        "https://argo.ucsd.edu/",
        "https://baobab.sedoo.fr/AMMA/",
    ]
    assert anonymous.post(f"/collections/{cid}/delete").status_code == 403  # no token
    ada.post(f"/collections/{cid}/unshare")
    assert anonymous.get(path).status_code == 404
    assert anonymous.get(path + "/export/bib").status_code == 404
    assert ada.post(f"/collections/{cid}/delete").headers["Location"] == "/collections"
    assert ada.get(f"/collections/{cid}").status_code == 404


def _today() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).date().isoformat()


def test_add_from_a_resource_page_into_a_new_collection(app):
    ada = Visitor(app)
    ada.sign_up("ada@example.org")
    ada.get("/collections")
    response = ada.post(
        "/collections/add",
        {"iri": ARGO, "collection": "", "title": "From pages", "next": "/id/dataset/argo"},
    )
    assert (response.status_code, response.headers["Location"]) == (303, "/id/dataset/argo")
    listed = ada.get("/collections").get_data(as_text=True)
    assert re.findall(r'<a href="/collections/(\d+)">([^<]+)</a> · ([^<\n]+)', listed) == [
        ("1", "From pages", "1 resource")
    ]
    refused = ada.post("/collections/add", {"iri": "javascript:alert(1)", "collection": "1"})
    assert refused.status_code == 400


def _add_form(app, cookie: str | None) -> str:
    headers = {"Cookie": f"gaia_session={cookie}"} if cookie else {}
    with app.test_request_context("/id/dataset/argo?lang=fr", headers=headers):
        return render_template_string('{% include "collection_add.html" %}', iri=ARGO, lang="fr")


def test_the_add_form_include(app):
    anonymous = _add_form(app, None)
    assert "Connectez-vous pour ajouter cette ressource" in anonymous
    assert 'href="/account/signin?next=/id/dataset/argo?lang%3Dfr"' in anonymous
    ada = Visitor(app)
    ada.sign_up("ada@example.org")
    first, second = ada.new_collection("Ozone <O3>"), ada.new_collection("Aérosols")
    form = _add_form(app, ada.client.get_cookie("gaia_session").value)
    assert re.findall(r'<option value="(\d*)">([^<]+)</option>', form) == [
        (str(second), "Aérosols"),
        (str(first), "Ozone &lt;O3&gt;"),
        ("", "Nouvelle collection…"),
    ]
    assert f'<input type="hidden" name="iri" value="{ARGO}">' in form
    assert '<input type="hidden" name="next" value="/id/dataset/argo?lang=fr">' in form


def test_password_reset_by_a_link_in_the_log_and_no_password_logged(app, caplog):
    other_device = Visitor(app)
    other_device.sign_up("ada@example.org")
    assert other_device.get("/account").status_code == 200
    visitor = Visitor(app)
    caplog.set_level(logging.DEBUG)
    visitor.get("/account/reset")
    sent = visitor.post("/account/reset", {"email": "ada@example.org"})
    unknown = visitor.post("/account/reset", {"email": "nobody@example.org"})
    assert sent.get_data() == unknown.get_data()  # nothing tells which addresses exist
    links = re.findall(r"password reset link for account \d+: http://localhost(\S+)", caplog.text)
    assert len(links) == 1
    visitor.get(links[0])
    assert visitor.post(links[0], {"password": "my new passphrase"}).status_code == 200
    assert visitor.sign_in("ada@example.org", "my new passphrase").status_code == 303
    visitor.get(links[0])  # the form again, with the signed-in session's token
    assert visitor.post(links[0], {"password": "again and again"}).status_code == 400
    assert other_device.get("/account").status_code == 302  # a reset ends older sessions
    visitor.sign_in("ada@example.org", "a wrong passphrase")
    assert PASSWORD not in caplog.text and "passphrase" not in caplog.text


def test_user_data_is_not_in_the_rdf_store(app):
    ada = Visitor(app)
    ada.sign_up("private-person@example.org")
    cid = ada.new_collection("Zyxwvut private title", "Qwertyuiop notes")
    ada.post(f"/collections/{cid}/items", {"iri": ARGO})
    client = app.test_client()
    for word in ("Zyxwvut", "Qwertyuiop", "private-person", "argon2"):
        query = (
            "ASK { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } "
            f'FILTER(CONTAINS(STR(?o), "{word}")) }}'
        )
        response = client.get(
            "/sparql",
            query_string={"query": query},
            headers={"Accept": "application/sparql-results+json"},
        )
        assert response.get_json() == {"head": {}, "boolean": False}, word
    counted = client.get(
        "/sparql",
        query_string={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
        headers={"Accept": "text/csv"},
    )
    assert counted.get_data(as_text=True).split() == [
        "n",
        str(
            len(
                set(ox.parse(path=__import__("accounts_support").MEMBERS, format=ox.RdfFormat.TRIG))
            )
        ),
    ]


def test_public_pages_set_no_session(app):
    client = app.test_client()
    for path in ("/id/dataset/argo", "/", "/sparql?query=ASK%7B%7D"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "gaia_session" not in response.headers.get("Set-Cookie", ""), path


def test_the_collection_page_has_facets_and_a_map(app):
    ada = Visitor(app)
    ada.sign_up("ada@example.org")
    cid = ada.new_collection("Mixed")
    for iri in (ARGO, AMMA, WMS):
        ada.post(f"/collections/{cid}/items", {"iri": iri})

    def facets(path):
        page = ada.get(path).get_data(as_text=True)
        buckets = re.findall(
            r'<li><a href="([^"]+)"(?: aria-current="true")?>(✓ )?([^<]+)</a> '
            r'<span class="count">(\d+)</span>',
            page,
        )
        listed = re.findall(r'<li data-iri="([^"]+)"', page)
        return (
            [(h.replace("&amp;", "&"), bool(c), label, int(n)) for h, c, label, n in buckets],
            listed,
            page,
        )

    found, listed, page = facets(f"/collections/{cid}")
    assert found == [
        (f"/collections/{cid}?kind=dataset", False, "Dataset", 2),
        (f"/collections/{cid}?kind=service", False, "Data service", 1),
    ]
    assert listed == [ARGO, AMMA, WMS]
    footprints = re.search(r'data-footprints="([^"]+)"', page)[1].replace("&#34;", '"')
    assert json.loads(footprints) == [
        {
            "path": "/id/dataset/argo",
            "title": "Argo profiles {real time}",
            "bbox": [-60, -40, 20, 60],
        }
    ]
    found, listed, _ = facets(f"/collections/{cid}?kind=service&lang=fr")
    assert found == [
        (f"/collections/{cid}?kind=service&kind=dataset", False, "Jeu de données", 2),
        (f"/collections/{cid}", True, "Service de données", 1),
    ]
    assert listed == [WMS]


def test_resource_pages_offer_add_to_my_collection(app):
    anonymous = app.test_client().get("/id/dataset/argo").get_data(as_text=True)
    assert 'href="/account/signin?next=/id/dataset/argo">Sign in to add' in anonymous
    ada = Visitor(app)
    ada.sign_up("ada@example.org")
    cid = ada.new_collection("Floats")
    page = ada.get("/id/dataset/argo?lang=fr").get_data(as_text=True)
    assert re.findall(r'<option value="(\d*)">([^<]+)</option>', page) == [
        (str(cid), "Floats"),
        ("", "Nouvelle collection…"),
    ]
    added = ada.post(
        "/collections/add",
        {"iri": ARGO, "collection": str(cid), "next": "/id/dataset/argo?lang=fr"},
    )
    assert added.headers["Location"] == "/id/dataset/argo?lang=fr"
    listed = ada.get(f"/collections/{cid}").get_data(as_text=True)
    assert re.findall(r'<li data-iri="([^"]+)"', listed) == [ARGO]
