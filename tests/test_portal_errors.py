"""Errors on the portal's pages answer pages in the reader's language (404 for unknown
addresses, 400 saying what to fix, never a traceback nor JSON), while the machine routes
(/api/, /sparql, /stac, /oai…) keep their JSON or text answers."""

from __future__ import annotations

import pytest
from html_support import parse_html
from http_support import app_over, fixture_store

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture(scope="module")
def app():
    with app_over(fixture_store()) as app:

        @app.get("/broken-page")
        def broken():  # a portal route failing on a bug: a page, logged, no traceback shown
            raise RuntimeError("a bug")

        yield app


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


def error_page(response) -> tuple[int, str, str, str, str]:
    """A page's status, language, title, message and its one way out."""
    html = parse_html(response.get_data(as_text=True))
    fix = html.find_all("a", cls="fix-link")
    return (
        response.status_code,
        html.find("html").attrs["lang"],
        html.find("h1").text(),
        html.find("p", cls="error-text").text(),
        fix[0].attrs["href"] if fix else "",
    )


@pytest.mark.parametrize(
    ("path", "headers", "expected"),
    [
        (
            "/no/such/page?lang=fr",
            BROWSER,
            (
                404,
                "fr",
                "Page introuvable",
                "Il n'y a pas de page à cette adresse. Cherchez ce qu'il vous faut avec la "
                "recherche ci-dessous ou depuis l'accueil.",
                "",
            ),
        ),
        (
            "/account/nothing",
            {**BROWSER, "Accept-Language": "en-GB,en;q=0.8"},
            (
                404,
                "en",
                "Page not found",
                "There is no page at this address. Look for what you need from the search box "
                "below or the home page.",
                "",
            ),
        ),
        (
            "/search?q=ozone&licence=CC-BY-4.0&lang=fr",
            BROWSER,
            (
                400,
                "fr",
                "Erreur",
                "« licence » doit être une IRI (http://… ou https://…), pas « CC-BY-4.0 ».",
                "/search?q=ozone&lang=fr",
            ),
        ),
        (
            "/search?q=ozone&page=x&lang=en",
            {},  # a client that says nothing of what it accepts gets the page too
            (
                400,
                "en",
                "Error",
                "'page' must be a whole number from 1 to 10000, not 'x'.",
                "/search?q=ozone&lang=en",
            ),
        ),
        (
            "/broken-page",
            {**BROWSER, "Cookie": "lang=fr"},
            (500, "fr", "Un incident est survenu", "Erreur interne ; elle a été journalisée.", ""),
        ),
        (
            "/editor?lang=xx",
            {**BROWSER, "Accept-Language": "fr"},
            (
                400,
                "fr",
                "Erreur",
                "Langue « xx » inconnue dans « lang » ; langues connues : en, fr.",
                "",
            ),
        ),
    ],
)
def test_portal_errors_are_pages_in_the_readers_language(app, path, headers, expected):
    client = app.test_client()
    if "Cookie" in headers:  # the language the reader chose on an earlier page
        headers = dict(headers)
        client.set_cookie("lang", headers.pop("Cookie").removeprefix("lang="))
    response = client.get(path, headers=headers)
    assert (response.mimetype, response.headers["Content-Language"]) == ("text/html", expected[1])
    assert error_page(response) == expected
    html = parse_html(response.get_data(as_text=True))
    assert [f.attrs["action"] for f in html.find_all("form", cls="error-search")] == ["/search"]


@pytest.mark.parametrize(
    ("path", "headers", "status", "mimetype"),
    [
        ("/api/nothing", BROWSER, 404, "application/json"),
        ("/api/search?page=x", BROWSER, 400, "application/json"),
        ("/stac/collections/nothing", BROWSER, 404, "application/json"),
        ("/sparql/nothing", BROWSER, 404, "text/plain"),
        ("/no/such/page", {"Accept": "application/json"}, 404, "application/json"),
    ],
)
def test_machine_routes_keep_their_machine_answers(client, path, headers, status, mimetype):
    response = client.get(path, headers=headers)
    assert (response.status_code, response.mimetype) == (status, mimetype)


def test_a_wrong_method_on_a_page_is_a_page(client):
    response = client.delete("/search", headers=BROWSER)
    assert sorted(response.headers["Allow"].split(", ")) == ["GET", "HEAD", "OPTIONS"]
    assert error_page(response) == (405, "en", "Error", "Method not allowed.", "")
