"""The server's part of a dataset's data preview (no browser): which map services a dataset
page offers to preview (:mod:`sparql_api.portal.previews`), what the page carries for
``static/preview.js``, and the Content-Security-Policy of that page alone widened to the
origins the record declares (its map service, its pictures); the search page allows its
hits' pictures. The browser's part is tests/test_browser_wms_preview.py; the capabilities the
app reads for the page, tests/test_map_capabilities.py."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from concept_support import BASE_IRI, demo_store
from http_support import app_over

from graph_loader.bootstrap import initialise
from graph_loader.pipeline import load_paths
from graph_loader.store import EmbeddedStore
from sparql_api.portal.dataset_page import dataset_extras
from sparql_api.web.headers import allow_sources

RECORD = Path(__file__).resolve().parent / "fixtures" / "preview" / "iso-wms-record.xml"
ENDPOINT = "https://maps.example.org/wms"
THUMBNAIL = (
    f"{ENDPOINT}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=grid&STYLES=&CRS=CRS:84"
    "&BBOX=-5,42,3,50&WIDTH=160&HEIGHT=160&FORMAT=image/png"
)


@pytest.fixture(scope="module")
def iso_store(tmp_path_factory):
    """The ISO record offering a WMS (online resource OGC:WMS named ``zones``), loaded."""
    path = tmp_path_factory.mktemp("iso") / "record.xml"
    path.write_text(RECORD.read_text(encoding="utf-8").replace("{endpoint}", ENDPOINT))
    store = EmbeddedStore(None)
    list(initialise(store))
    load_paths(store, [path], base_iri=BASE_IRI)
    return store


def _directives(policy: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def test_an_iso_record_offering_a_wms(iso_store):
    iri = ox.NamedNode(BASE_IRI + "id/dataset/test-wms-zones")
    extras = dataset_extras(iso_store, iri, "en", base=BASE_IRI)
    assert (extras["previews"], extras["thumbnails"]) == (
        [
            {
                "endpoint": ENDPOINT,
                "kind": "wms",
                "title": "zones",
                "hints": ["SURVEY-ZONES", "zones"],
            }
        ],
        [THUMBNAIL],
    )


def test_the_demo_records_served_by_sextant_s_wms():
    store = demo_store()
    sextant = {
        "endpoint": "https://sextant.ifremer.fr/services/wms/dcsmm?service=WMS&request=GetCapabilities",
        "kind": "wms",
        "title": "Sextant WMS/WFS services",
    }
    found = {}
    for slug in ("ifremer-bathymetric-dtm", "rebent-benthic-habitats", "amma-atr42-aircraft"):
        extras = dataset_extras(
            store, ox.NamedNode(f"{BASE_IRI}id/dataset/{slug}"), "en", base=BASE_IRI
        )
        found[slug] = [{k: p[k] for k in ("endpoint", "kind", "title")} for p in extras["previews"]]
    assert found == {
        "ifremer-bathymetric-dtm": [sextant],
        "rebent-benthic-habitats": [sextant],
        "amma-atr42-aircraft": [],
    }


def test_the_page_carries_the_preview_and_allows_the_service(iso_store):
    with app_over(iso_store) as app:
        response = app.test_client().get("/id/dataset/test-wms-zones?lang=fr")
        other = app.test_client().get("/?lang=fr")
    assert response.status_code == 200
    policy = _directives(response.headers["Content-Security-Policy"])
    # images from the service; its capabilities read by the app (/api/map-capabilities)
    assert (policy["img-src"], policy["connect-src"]) == (
        "'self' data: https://maps.example.org",
        "'self'",
    )
    home = _directives(other.headers["Content-Security-Policy"])
    assert (home["img-src"], home["connect-src"]) == ("'self' data:", "'self'")
    page = response.get_data(as_text=True)
    assert re.search(r'<script src="/static/(\w+/)?preview\.js" defer></script>', page)
    found = re.search(r'data-services="([^"]*)"', page)
    assert json.loads(html.unescape(found.group(1))) == [
        {"endpoint": ENDPOINT, "kind": "wms", "title": "zones", "hints": ["SURVEY-ZONES", "zones"]}
    ]
    assert re.search(r'data-dataset="([^"]*)" data-capabilities="([^"]*)"', page).groups() == (
        BASE_IRI + "id/dataset/test-wms-zones",
        "/api/map-capabilities",
    )
    labels = json.loads(html.unescape(re.search(r'data-labels="([^"]*)"', page).group(1)))
    assert labels == {
        "layer": "Couche",
        "legend": "Légende",
        "opacity": "Opacité",
        "time": "Date",
        "loading": "Chargement de l'aperçu depuis le service cartographique…",
        "failed": "L'aperçu n'a pas pu être chargé : le service cartographique ne répond pas "
        "ou refuse d'être lu depuis cette page.",
        "empty": "Le service cartographique n'offre aucune couche à afficher.",
        "tiles_failed": "Les images de la couche n'ont pas pu être chargées.",
        "colon": " : ",
    }


def test_a_dataset_page_without_map_service_has_no_preview():
    with app_over(demo_store()) as app:
        response = app.test_client().get("/id/dataset/amma-atr42-aircraft?lang=en")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert ("preview.js" in page, "map-preview" in page) == (False, False)
    policy = _directives(response.headers["Content-Security-Policy"])
    assert (policy["img-src"], policy["connect-src"]) == ("'self' data:", "'self'")


def test_the_search_page_allows_its_hits_pictures(iso_store):
    with app_over(iso_store) as app:
        response = app.test_client().get("/search?q=survey&lang=en")
    assert response.status_code == 200
    assert THUMBNAIL.replace("&", "&amp;") in response.get_data(as_text=True)
    policy = _directives(response.headers["Content-Security-Policy"])
    assert (policy["img-src"], policy["connect-src"]) == (
        "'self' data: https://maps.example.org",
        "'self'",
    )


def test_only_plain_origins_widen_a_policy():
    from flask import Flask, g

    app = Flask(__name__)
    with app.test_request_context("/"):
        allow_sources(
            img=["https://a.example", "https://a.example; script-src *", "javascript:x"],
            connect=["http://127.0.0.1:8080", "https://b.example/path", "https://[::1]:99"],
        )
        assert g.csp_sources == {
            "img": {"https://a.example": None},
            "connect": {"http://127.0.0.1:8080": None, "https://[::1]:99": None},
        }
