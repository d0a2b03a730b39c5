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
from graph_loader.store import EmbeddedStore
from sparql_api.dataset_page import dataset_extras

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "portal"
INJECTIONS = ("<script>alert", "<img src=x", "<svg onload", "<iframe", "<b>Doe", "<b>Sahel")
CRAFTED_FR = '<script>alert("gaia")</script> aérosols & co'
CRAFTED_EN = '<script>alert("gaia")</script> aerosol & co'


@pytest.fixture(scope="module")
def client():
    store = demo_store()
    rebuild_inference(store)
    with app_over(store) as app:
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
    assert scripts == ["/static/portal.js"]


def test_home_lists_the_datasets_loaded_last(client):
    html = parse_html(page(client, "/?lang=en"))
    shown = [(a.attrs["href"], a.text()) for a in html.find("section", id="recent").find_all("a")]
    # one load: the same load time for every record, then the IRIs from the last
    assert shown == [
        ("/id/dataset/znieff-inventory", "ZNIEFF inventory"),
        ("/id/dataset/xtrack-coastal-altimetry", "X-TRACK along-track coastal altimetry"),
        ("/id/dataset/viirs-deep-blue-aerosols", "VIIRS Deep Blue aerosol level 2"),
        ("/id/dataset/vigie-nature-stoc", "French breeding bird survey (STOC)"),
        ("/id/dataset/vigie-nature-spipoll", "SPIPOLL photographic survey of pollinating insects"),
        ("/id/dataset/vigie-chiro", "Vigie-Chiro acoustic bat monitoring"),
    ]


def test_dataset_extras_of_a_demo_dataset():
    store = demo_store()
    iri = ox.NamedNode(BASE_IRI + "id/dataset/amma-atr42-aircraft")
    template = "https://hub.example.org/hub/user-redirect/gaia?dataset={id}&iri={iri}"
    extras = dataset_extras(store, iri, "en", base=BASE_IRI, notebook_url=template)
    sedoo = {"label": {"text": "SEDOO data service (OMP Toulouse)", "fallback": None}}
    aeris = {"text": "AERIS – Atmosphere data and services hub", "fallback": None}
    title = "AMMA SAFIRE ATR 42 airborne measurements"
    link = BASE_IRI + "id/dataset/amma-atr42-aircraft"
    assert extras == {
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
                "endpoint": "https://baobab.sedoo.fr/",
                "conforms": ["https://www.rfc-editor.org/rfc/rfc9110"],
            }
        ],
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
