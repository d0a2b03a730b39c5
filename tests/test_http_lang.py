"""``?lang=`` outside en/fr: 400 wherever the description declares ``lang`` (in the request's
other language choice), ignored where it does not (sparql_api.web.lang_check)."""

from __future__ import annotations

import re

import pytest
from http_support import app_over, fixture_store


@pytest.fixture(scope="module")
def client():
    with app_over(fixture_store()) as app:
        yield app.test_client()


def test_an_unknown_lang_is_a_400_in_the_accepted_language(client):
    response = client.get("/api/search?q=ozone&lang=de", headers={"Accept-Language": "fr"})
    assert response.status_code == 400
    assert response.json == {
        "status": 400,
        "error": "bad_lang",
        "message": "Langue « de » inconnue dans « lang » ; langues connues : en, fr.",
        "lang": "fr",
    }


@pytest.mark.parametrize("path", ["/search", "/account", "/quality", "/ask"])
def test_a_page_answers_an_unknown_lang_with_an_error_page(client, path):
    response = client.get(f"{path}?lang=xx")
    assert (response.status_code, response.mimetype) == (400, "text/html")
    text = re.search(r'<p class="error-text">(.*?)</p>', response.get_data(as_text=True))
    assert text.group(1) == "Unknown language &#39;xx&#39; in &#39;lang&#39;; known: en, fr."


def test_a_known_lang_passes_and_an_operation_without_lang_ignores_it(client):
    assert client.get("/health?lang=fr").status_code == 200
    assert client.get("/sparql?query=ASK%7B%7D&lang=xx").status_code == 200  # no lang on /sparql
