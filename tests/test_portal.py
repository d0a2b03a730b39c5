"""The portal's pages over HTTP (Flask test client): the home's search form and recent
additions, a dataset's summary, map, access and citation, and harvested strings that try to
inject markup shown as text on every page that shows titles."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from concept_support import BASE_IRI, demo_store
from html_support import parse_html
from http_support import app_over

from graph_loader.bootstrap import initialise
from graph_loader.inference import rebuild_inference
from graph_loader.pipeline import load_paths
from graph_loader.quality import record_quality
from graph_loader.store import EmbeddedStore
from graph_loader.terms import THESAURUS_NS
from sparql_api.portal.dataset_page import dataset_extras
from sparql_api.portal.pages import compartment_datasets
from sparql_api.web.static_files import static_version

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "portal"
INJECTIONS = ("<script>alert", "<img src=x", "<svg onload", "<iframe", "<b>Doe", "<b>Sahel")
CRAFTED_FR = '<script>alert("gaia")</script> aérosols & co'
CRAFTED_EN = '<script>alert("gaia")</script> aerosol & co'


@pytest.fixture(scope="module")
def demo():
    store = demo_store()
    rebuild_inference(store)
    return store


@pytest.fixture(scope="module")
def client(demo):
    with app_over(demo) as app:
        yield app.test_client()


@pytest.fixture(scope="module")
def crafted_store():
    """The project graphs and only the crafted records, loaded by the real pipeline."""
    store = EmbeddedStore(None)
    list(initialise(store))
    load_paths(store, [FIXTURES / "crafted.ttl"], base_iri=BASE_IRI)
    rebuild_inference(store)
    return store


@pytest.fixture(scope="module")
def crafted_client(crafted_store):
    with app_over(crafted_store) as app:
        yield app.test_client()


def page(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("lang", "label", "button"),
    [("fr", "Rechercher des données", "Rechercher"), ("en", "Search data", "Search")],
)
def test_home_search_box_is_a_labelled_form_to_search(client, lang, label, button):
    html = parse_html(page(client, f"/?lang={lang}"))
    form = html.find("form", "search-box")
    assert (form.attrs["action"], form.attrs["method"], form.attrs["role"]) == (
        "/search",
        "get",
        "search",
    )
    box = form.find("input", id="q")
    assert form.find("label").attrs["for"] == "q"
    assert (form.find("label").text(), form.find("button").text()) == (label, button)
    assert (box.attrs["name"], box.attrs["role"], box.attrs["aria-controls"]) == (
        "q",
        "combobox",
        "suggestions",
    )
    hidden = {i.attrs["name"]: i.attrs["value"] for i in form.find_all("input", type="hidden")}
    assert hidden == {"lang": lang}
    scripts = [s.attrs.get("src") for s in html.find_all("script")]
    assert scripts == [f"/static/{static_version()}/portal.js"]


def test_home_lists_the_newest_datasets_and_counts_compartments(client, demo):
    html = parse_html(page(client, "/?lang=en"))
    shown = [
        (li.find("a").attrs["href"], li.find("a").text(), li.find("span", "count").text())
        for li in html.find("section", id="recent").find_all("li")
    ]
    newest = api_json(client, "/api/search?type=dataset&sort=date&size=6&lang=en")["hits"]
    assert shown == [(h["path"], h["title"], h["pole"]["label"]) for h in newest]
    assert len(shown) == 6
    # newest first: modified, else issued (then by title), as the index sorts by date
    assert [h["path"] for h in newest][:2] == [
        "/id/dataset/altimeter-wave-climate",
        "/id/dataset/amma-atr42-aircraft",
    ]
    tiles = {
        a.attrs["href"].removeprefix("/compartments/"): a.find("span", "count").text()
        for a in html.find("ul", "tiles").find_all("a")
    }
    store_counts = compartment_datasets(demo)  # the store's own count (inferred compartments)
    assert tiles == {
        iri.removeprefix(THESAURUS_NS): f"{n} dataset" + ("s" if n != 1 else "")
        for iri, n in store_counts.items()
    }


def test_dataset_extras_of_a_demo_dataset():
    store = demo_store()
    iri = ox.NamedNode(BASE_IRI + "id/dataset/amma-atr42-aircraft")
    template = "https://hub.example.org/hub/user-redirect/gaia?dataset={id}&iri={iri}"
    extras = dataset_extras(store, iri, "en", base=BASE_IRI, notebook_url=template)
    quality = record_quality(store, iri.value, "en")
    assert quality["score"] > 0
    assert extras.pop("quality") == {
        "score": quality["score"],
        "dimensions": [{"label": d["label"], "score": d["score"]} for d in quality["dimensions"]],
        "problems": len(quality["problems"]),
        "href": "/quality/dataset/amma-atr42-aircraft",
    }
    sedoo = {"label": {"text": "SEDOO data service (OMP Toulouse)", "fallback": None}}
    aeris = {"text": "AERIS – Atmosphere data and services hub", "fallback": None}
    title = "AMMA SAFIRE ATR 42 airborne measurements"
    link = BASE_IRI + "id/dataset/amma-atr42-aircraft"
    assert extras == {
        "iri": link,
        "title": {"text": title, "fallback": None},
        "where": "20°W – 20°E, 0° – 25°N",
        "bbox": [-20.0, 0.0, 20.0, 25.0],
        "footprints": [
            {"path": "/id/dataset/amma-atr42-aircraft", "title": title, "bbox": [-20, 0, 20, 25]}
        ],
        "temporal": {"start": "2006-06-01", "end": "2006-08-31"},
        "publishers": [{**sedoo, "iri": BASE_IRI + "id/agent/sedoo"}],
        "creators": [],
        "centres": [
            {
                "label": {
                    "text": "SEDOO – Data service of the Midi-Pyrénées Observatory (Toulouse)",
                    "fallback": None,
                },
                "iri": "https://w3id.org/gaia-kg/org/sedoo",
            }
        ],
        "poles": [{"label": aeris, "iri": "https://w3id.org/gaia-kg/org/aeris"}],
        "variables": [
            {
                "iri": "https://w3id.org/gaia-kg/thesaurus/air-temperature",
                "id": "air-temperature",
                "label": {"text": "Air temperature", "fallback": None},
            },
            {
                "iri": "https://w3id.org/gaia-kg/thesaurus/dust",
                "id": "dust",
                "label": {"text": "Desert dust", "fallback": None},
            },
            {
                "iri": "https://w3id.org/gaia-kg/thesaurus/ozone",
                "id": "ozone",
                "label": {"text": "Ozone", "fallback": None},
            },
        ],
        "taxa": [],
        "thumbnails": [],
        "identifier": "AMMA-SOP-ATR42",
        "doi": None,
        "landing": ["https://baobab.sedoo.fr/"],
        "distributions": [
            {
                "iri": BASE_IRI + "id/distribution/amma-atr42-aircraft-1",
                "title": {"text": title + " (Plain text)", "fallback": None},
                "url": "https://baobab.sedoo.fr/",
                "download": False,
                "formats": ["Plain text"],
            }
        ],
        "services": [
            {
                "iri": BASE_IRI + "id/service/sedoo-campaign-databases",
                "href": "/id/service/sedoo-campaign-databases",
                "title": {"text": "SEDOO field campaign databases", "fallback": None},
                "names": [
                    "Bases de données de campagnes du SEDOO",
                    "SEDOO field campaign databases",
                ],
                "endpoint": "https://baobab.sedoo.fr/",
                "descriptions": ["https://www.sedoo.fr/"],
                "conforms": ["https://www.rfc-editor.org/rfc/rfc9110"],
                "protocols": ["HTTP"],
            }
        ],
        "previews": [],
        "notebook": "https://hub.example.org/hub/user-redirect/gaia?dataset=AMMA-SOP-ATR42"
        "&iri=https%3A%2F%2Fdata.gaia-data.fr%2Fid%2Fdataset%2Famma-atr42-aircraft",
        "citation": f"SEDOO data service (OMP Toulouse) (2006). {title}. {aeris['text']}. {link}",
        "bibtex": "@misc{AMMA-SOP-ATR42,\n"
        "  author = {SEDOO data service (OMP Toulouse)},\n"
        "  year = {2006},\n"
        f"  title = {{{title}}},\n"
        f"  publisher = {{{aeris['text']}}},\n"
        f"  url = {{{link}}},\n"
        "  howpublished = {Dataset}\n}",
    }


def test_unknown_dataset_has_no_extras():
    store = demo_store()
    iri = ox.NamedNode(BASE_IRI + "id/dataset/nothing-here")
    assert dataset_extras(store, iri, "fr", base=BASE_IRI) is None


def test_crafted_titles_show_as_text_on_the_home(crafted_client):
    body = page(crafted_client, "/?lang=fr")
    assert not [i for i in INJECTIONS if i in body]
    recent = parse_html(body).find("section", id="recent").find_all("a", "recent-link")
    assert [(a.attrs["href"], a.text()) for a in recent] == [("/id/dataset/crafted", CRAFTED_FR)]


def test_crafted_titles_show_as_text_on_a_concept_page(crafted_client):
    body = page(crafted_client, "/concepts/aerosol-optical-depth?lang=en")
    assert not [i for i in INJECTIONS if i in body]
    links = parse_html(body).find_all("a", "dataset-link")
    assert [a.text() for a in links] == [CRAFTED_EN]


def api_json(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_json()


def test_search_page_shows_what_the_api_answers(client):
    query = "q=ozone&pole=aeris&sort=title&lang=en"
    expected = api_json(client, "/api/search?" + query)
    html = parse_html(page(client, "/search?" + query))
    hits = [
        (li.find("span", "badge").text(), li.find("a", "hit-link").attrs["href"])
        for li in html.find_all("li", "hit")
    ]
    badges = {"dataset": "Dataset", "service": "Service", "publication": "Publication"}
    assert hits == [(badges[h["type"]], h["path"]) for h in expected["hits"]]
    assert html.find("span", id="total").text() == f"{expected['total']} results"
    flat = {
        section.attrs["id"].removeprefix("facet-"): [
            (a.text().removeprefix("✓ "), li.find("span", "count").text())
            for li in section.find_all("li")
            for a in li.find_all("a")
        ]
        for section in html.find_all("section", "facet")
        if section.attrs["id"] != "facet-themes"
    }
    assert flat == {
        name: [(b["label"], str(b["count"])) for b in expected["facets"][name]]
        for name in (
            "pole",
            "centre",
            "type",
            "format",
            "licence",
            "platform",
            "instrument",
            "taxon",
        )
        if expected["facets"][name]
    }
    selected = html.find("section", id="facet-pole").find("a", "selected")
    assert selected.attrs["href"] == "/search?q=ozone&sort=title&lang=en"
    chips = [(c.attrs["data-param"], c.attrs["href"]) for c in html.find_all("a", "chip")]
    assert chips == [("pole", "/search?q=ozone&sort=title")]
    assert html.find("a", id="sparql-link").attrs["href"] == expected["links"]["sparql"]
    assert html.find("a", id="json-link").attrs["href"] == expected["links"]["self"]
    options = [(o.attrs["value"], "selected" in o.attrs) for o in html.find_all("option")]
    assert options == [("relevance", False), ("date", False), ("title", True)]


def test_area_form_without_javascript_redirects_to_one_bbox(client):
    response = client.get("/search?theme=ozone&bbox=&west=-10&south=40&east=5&north=52&lang=fr")
    assert response.status_code == 303
    assert response.headers["Location"] == "/search?theme=ozone&lang=fr&bbox=-10%2C40%2C5%2C52"
    html = parse_html(page(client, "/search?theme=ozone&bbox=-10,40,5,52&lang=fr"))
    chip = html.find("a", "chip", **{"data-param": "bbox"})
    assert chip.text() == "Zone 10°O – 5°E, 40°N – 52°N ×"
    sides = {i.attrs["name"]: i.attrs.get("value") for i in html.find_all("input", type="number")}
    assert sides == {"west": "-10", "south": "40", "east": "5", "north": "52"}


def test_the_area_form_takes_south_and_north_in_either_order(client):
    response = client.get("/search?west=-10&south=52&east=5&north=40&lang=fr")
    assert response.status_code == 303
    assert response.headers["Location"] == "/search?lang=fr&bbox=-10%2C40%2C5%2C52"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Page 501 is beyond the last one paging reaches at this page size (500): narrow the "
            "search to see results after the 10,000th. Last page reachable",
        ),
        (
            "fr",
            "La page 501 est au-delà de la dernière que la pagination atteint avec cette taille "
            "de page (500) : affinez la recherche pour voir les résultats après le 10 000e. "
            "Dernière page accessible",
        ),
    ],
)
def test_a_page_beyond_the_10000th_result_says_so_and_links_to_the_last(client, lang, text):
    html = parse_html(page(client, f"/search?q=ozone&page=501&lang={lang}"))
    hint = html.find("p", id="beyond")
    assert (hint.text(), hint.find("a").attrs["href"]) == (
        text,
        f"/search?q=ozone&page=500&lang={lang}",
    )
    assert html.find_all("li", "hit") == []
    assert parse_html(page(client, "/search?q=ozone&lang=en")).find_all("p", id="beyond") == []


def test_bad_search_parameters_answer_a_bilingual_html_400(client):
    for lang, title in (("fr", "Erreur"), ("en", "Error")):
        response = client.get(f"/search?bbox=1,2,3&lang={lang}")
        assert response.status_code == 400
        assert response.mimetype == "text/html"
        assert parse_html(response.get_data(as_text=True)).find("h1").text() == title


def test_crafted_titles_show_as_text_on_the_search_page(crafted_client):
    body = page(crafted_client, "/search?q=aerosols&lang=fr")
    assert not [i for i in INJECTIONS if i in body]
    hit = parse_html(body).find("li", "hit")
    assert hit.find("a", "hit-link").text() == CRAFTED_FR
    assert hit.find("p", "snippet").text().startswith("<img src=x onerror=alert(1)>")
    assert "<mark>" in body  # the highlights keep their marks, and only them


def test_crafted_titles_show_as_text_on_the_dataset_and_publication_pages(crafted_client):
    body = page(crafted_client, "/id/dataset/crafted?lang=en")
    assert not [i for i in INJECTIONS if i in body]
    html = parse_html(body)
    assert html.find("h1").text() == CRAFTED_EN
    assert html.find("dd", id="glance-what").text().startswith(CRAFTED_EN)
    assert CRAFTED_EN in html.find("p", id="citation-text").text()
    related = [a.text() for a in html.find("section", id="related").find_all("a")]
    assert "<iframe src=javascript:alert(5)></iframe> paper" in related
    body = page(crafted_client, "/id/publication/crafted-paper?lang=en")
    assert not [i for i in INJECTIONS if i in body]
    assert parse_html(body).find("h1").text() == "<iframe src=javascript:alert(5)></iframe> paper"


def test_highlights_keep_only_their_marks():
    from sparql_api.portal.discovery import highlight

    assert str(highlight("<mark>a</mark> &lt;script&gt; <b>x</b>")) == (
        "<mark>a</mark> &lt;script&gt; &lt;b&gt;x&lt;/b&gt;"
    )
    assert str(highlight("<mark>open")) == "<mark>open</mark>"


def test_compartment_variables_link_to_their_filtered_search(client):
    html = parse_html(page(client, "/compartments/atmosphere?lang=fr"))
    shown = []
    for li in html.find("section", id="subdomains").find_all("li"):
        count = int(li.find("span", "count").text())
        links = li.find_all("a", "variable-search")
        assert len(links) == (1 if count else 0)
        if links:
            slug = li.find("a", "variable-link").attrs["href"].removeprefix("/concepts/")
            assert links[0].attrs["href"] == f"/search?theme={slug}"
            total = api_json(client, f"/api/search?theme={slug}&size=1")["total"]
            shown.append((slug, count, total))
    assert len(shown) > 20
    assert [(slug, count) for slug, count, _ in shown] == [(s, t) for s, _, t in shown]


def test_paging_links_keep_the_search(client):
    expected = api_json(client, "/api/search?theme=aerosols&size=5&page=2&lang=fr")
    assert expected["total"] == 20  # 19 datasets and a tool, pyaerocom
    html = parse_html(page(client, "/search?theme=aerosols&size=5&page=2&lang=fr"))
    pager = html.find("nav", "pager")
    assert pager.find("span").text() == "Page 2 sur 4"
    assert pager.find("a", rel="prev").attrs["href"] == "/search?theme=aerosols&size=5&lang=fr"
    assert (
        pager.find("a", rel="next").attrs["href"] == "/search?theme=aerosols&page=3&size=5&lang=fr"
    )
    assert html.find("ol", "hits").attrs["start"] == "6"
    hits = [a.attrs["href"] for a in html.find_all("a", "hit-link")]
    assert hits == [h["path"] for h in expected["hits"]]
    last = parse_html(page(client, "/search?theme=aerosols&size=5&page=4&lang=en"))
    assert last.find("nav", "pager").find_all("a", rel="next") == []
    assert len(last.find_all("a", "hit-link")) == 5


def test_home_counts_in_the_store_while_the_index_is_empty(demo, tmp_path):
    with app_over(demo, index=str(tmp_path / "index")) as app:
        html = parse_html(page(app.test_client(), "/?lang=en"))
    tiles = {
        a.attrs["href"].removeprefix("/compartments/"): a.find("span", "count").text()
        for a in html.find("ul", "tiles").find_all("a")
    }
    assert (
        tiles["atmosphere"] == f"{compartment_datasets(demo)[THESAURUS_NS + 'atmosphere']} datasets"
    )
    assert html.find("section", id="recent").find("p").text() == "No dataset loaded yet."


def test_language_switch_keeps_the_search(client):
    html = parse_html(page(client, "/search?q=ozone&theme=aerosols&pole=aeris&lang=fr"))
    switch = html.find("a", "switch")
    assert (switch.attrs["href"], switch.attrs["hreflang"], switch.text()) == (
        "/search?q=ozone&theme=aerosols&pole=aeris&lang=en",
        "en",
        "EN",
    )
    assert html.find("link", rel="alternate").attrs["href"] == switch.attrs["href"]


def test_results_say_which_concepts_the_words_matched(client):
    expected = api_json(client, "/api/search?q=a%C3%A9rosols+sahara&lang=fr")["concepts"]
    html = parse_html(page(client, "/search?q=a%C3%A9rosols+sahara&lang=fr"))
    links = [(a.attrs["href"], a.text()) for a in html.find("p", id="expanded").find_all("a")]
    assert links == [("/concepts/aerosols", "Aérosols")]
    assert [c["label"] for c in expected] == ["Aérosols"]


def test_a_place_named_is_offered_as_a_filter_and_applied_shows_as_a_chip(client):
    html = parse_html(page(client, "/search?q=ozone+M%C3%A9diterran%C3%A9e&lang=fr"))
    offered = html.find("p", id="places")
    assert offered.text() == "Limiter au lieu : Mer Méditerranée"
    assert offered.find("a").attrs["href"] == (
        "/search?q=ozone+M%C3%A9diterran%C3%A9e&place=mediterranean-sea&lang=fr"
    )
    html = parse_html(page(client, "/search?q=ozone&place=mediterranean-sea&lang=fr"))
    chip = html.find("a", "chip", **{"data-param": "place"})
    assert (chip.text(), chip.attrs["href"]) == ("Lieu Mer Méditerranée ×", "/search?q=ozone")
    assert html.find_all("p", id="places") == []


def test_a_relaxed_search_says_so(client):
    html = parse_html(page(client, "/search?q=lightning+butterflies&lang=en"))
    assert html.find("p", id="relaxed").text() == (
        "Few results with every word: the results hold some of them"
    )
    assert parse_html(page(client, "/search?q=ozone&lang=en")).find_all("p", id="relaxed") == []
