"""Pages speak one language: a crawl of the demo's pages in French and in English finds none
of the other language's messages, and the properties of a resource are named for people
(labels of the ``labels`` domain) without the catalogue's internals (quality measurements,
skolem and fragment nodes, keywords of the other language)."""

from __future__ import annotations

import re

import pytest
from concept_support import demo_store
from html_support import parse_html
from http_support import app_over
from language_support import other_language_on

from graph_loader.inference import rebuild_inference

BROWSER = {"Accept": "text/html"}
PORTAL = [
    "/",
    "/search",
    "/search?theme=aerosols",
    "/search?theme=aerosols&centre=sedoo",
    "/search?q=ozone&sort=date",
    "/compartments/atmosphere",
    "/compartments/ocean",
    "/concepts/aerosols",
    "/concepts/aerosol-optical-depth",  # a tool and no tutorial
    "/concepts/sea-surface-temperature",  # neither
    "/search?type=tutorial",  # the header's listings, whole and by compartment
    "/search?type=software",
    "/search?type=tutorial&theme=oceans",
    "/search?type=software&theme=atmosphere",
    "/editor",
    "/ask?q=ozone",
    "/quality",
    "/account/signin",
    "/account/signup",
    "/account/reset",
    "/collections",
    "/no/such/page",
    "/search?page=x",
]


@pytest.fixture(scope="module")
def client():
    store = demo_store()
    rebuild_inference(store)
    with app_over(store) as app:
        yield app.test_client()


@pytest.fixture(scope="module")
def pages(client) -> list[str]:
    """The portal's pages, every page of the sitemap and the datasets' quality pages."""
    sitemap = client.get("/sitemap.xml").get_data(as_text=True)
    resources = [
        re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)
    ]
    resources = [path for path in resources if path.startswith("/id/")]
    quality = [p.replace("/id/", "/quality/") for p in resources if p.startswith("/id/dataset/")]
    assert len(resources) > 200
    return PORTAL + resources + quality


#: pages fetched once for both crawls, by (path, lang)
FETCHED: dict[tuple[str, str], str] = {}


def html_of(client, path: str, lang: str) -> str:
    if (path, lang) in FETCHED:
        return FETCHED[path, lang]
    url = path + ("&" if "?" in path else "?") + f"lang={lang}"
    response = client.get(url, headers=BROWSER, follow_redirects=True)
    assert response.mimetype == "text/html", url
    FETCHED[path, lang] = response.get_data(as_text=True)
    return FETCHED[path, lang]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_page_shows_the_other_languages_messages(client, pages, lang):
    found = {
        path: texts
        for path in pages
        if (texts := other_language_on(html_of(client, path, lang), lang))
    }
    assert found == {}


def test_the_crawler_finds_the_other_language():
    page = (
        '<html lang="fr"><head><title>Jeu</title></head><body><main><p>Conforms</p>'
        '<p lang="en">Conforms</p><button aria-label="Search">x</button>'
        "<p>No question: send it in the 'q' parameter.</p></main></body></html>"
    )
    assert other_language_on(page, "fr") == [
        "Conforms",
        "No question: send it in the 'q' parameter.",
        "Search",
    ]


def properties(client, path: str, lang: str) -> list[tuple[str, list[str]]]:
    html = parse_html(html_of(client, path, lang))
    table = html.find("table", cls="properties")
    return [
        (row.find("th").text(), [v.text() for v in row.find_all("span", cls="value")])
        for row in table.find_all("tr")
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_properties_are_named_for_people_without_internals(client, pages, lang):
    machine = re.compile(r"https?://|^[a-z]+:[A-Za-z]|genid|/graph/record/|#quality")
    for path in (p for p in pages if p.startswith("/id/")):
        for name, values in properties(client, path, lang):
            assert not machine.search(name), (path, name)
            assert not [v for v in values if machine.search(v) and "#" in v], (path, name, values)


def test_a_dataset_shows_its_contact_and_keywords_in_the_pages_language(client):
    rows = dict(properties(client, "/id/dataset/amma-atr42-aircraft", "fr"))
    assert rows["point de contact"] == ["Service de données SEDOO (OMP Toulouse)"]
    assert rows["mot-clé"] == ["SAFIRE", "avion de recherche", "mousson"]
    assert rows["référencé par"] == [
        "Analyse multidisciplinaire de la mousson africaine : un projet de recherche et une "
        "campagne de terrain internationaux"
    ]
    assert "couverture spatiale" not in rows  # a node of the record: the map and "where" say it
    assert not [name for name in rows if "qualit" in name.casefold()]
    english = dict(properties(client, "/id/service/ipgp-fdsnws", "fr"))
    assert english["conforme à"] == ["services web FDSN"]
