"""``/api/map-capabilities``: the app reads, for a dataset page's preview, the capabilities of
a map service that the dataset's record offers (a browser may not read another origin's),
and of no other URL. A real MapServer on 127.0.0.1 (:mod:`wms_server`) serves the WMS; the
fixture server (:mod:`fixture_server`) answers what no map service should (a page, an entity
declaration, too much). Errors are bilingual JSON: 400, 403, 404, 502."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from concept_support import BASE_IRI
from fixture_server import Answer
from fixture_server import serve as serve_fixture
from http_support import app_over
from wms_server import RECORD, TIMES, load_record, mapserver_missing, wms_server
from wmts_server import mapcache_missing, wmts_server

from graph_loader.bootstrap import initialise
from graph_loader.store import EmbeddedStore
from sparql_api.portal.capabilities import MAX_BYTES, CapabilitiesError, fetch, read
from sparql_api.web.i18n import WEB

WMTS_DATASET = BASE_IRI + "id/dataset/test-wmts-zones"
NEEDS_MAPCACHE = pytest.mark.skipif(
    mapserver_missing() is not None or mapcache_missing() is not None,
    reason=mapserver_missing() or mapcache_missing() or "",
)
NEEDS_MAPSERVER = pytest.mark.skipif(
    mapserver_missing() is not None, reason=mapserver_missing() or ""
)
DATASET = BASE_IRI + "id/dataset/test-wms-zones"
BAD_PAGE = b"<html><body>Not a map service</body></html>"
ENTITIES = (
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    b'<WMS_Capabilities version="1.3.0">&e;</WMS_Capabilities>'
)


def _fixtures(request):
    """The fixture server's answers: a page, entity declarations, more than MAX_BYTES."""
    return {
        "/page": Answer(200, "text/html", BAD_PAGE),
        "/entities": Answer(200, "application/xml", ENTITIES),
        "/huge": Answer(200, "application/xml", b"<x>" + b" " * MAX_BYTES + b"</x>"),
    }.get(request.path, Answer(404, "text/plain", b"no"))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Records offering the MapServer WMS, the fixture server's three URLs and a port where
    nothing answers; the app allowed to read private addresses, and one that is not."""
    folder = tmp_path_factory.mktemp("capabilities")
    with (
        wms_server(folder / "mapserver") as wms,
        wmts_server(folder / "mapcache", wms.url) as wmts,
        serve_fixture(_fixtures) as other,
    ):
        store = EmbeddedStore(None)
        list(initialise(store))
        load_record(store, folder, wms.url, "test-wms-zones")
        wmts_record = RECORD.with_name("iso-wmts-record.xml")
        load_record(store, folder, wmts.url, "test-wmts-zones", wmts_record)
        for name in ("page", "entities", "huge"):
            load_record(store, folder, f"{other.url}/{name}", f"test-wms-{name}")
        load_record(store, folder, "http://127.0.0.1:9/wms", "test-wms-down")
        with app_over(store, preview_private_hosts=True) as app, app_over(store) as strict:
            yield {
                "client": app.test_client(),
                "strict": strict.test_client(),
                "wms": wms,
                "wmts": wmts,
                "other": other,
            }


def ask(client, dataset: str | None, url: str | None, lang: str = "en"):
    params = {k: v for k, v in (("dataset", dataset), ("url", url), ("lang", lang)) if v}
    return client.get("/api/map-capabilities?" + urlencode(params))


def error(status: int, key: str, lang: str, **params) -> dict:
    return {"status": status, "error": key, "message": WEB.text(key, lang, **params), "lang": lang}


@NEEDS_MAPSERVER
def test_the_layers_of_the_service_a_record_offers(site):
    wms = site["wms"]
    before = len(wms.requests)
    response = ask(site["client"], DATASET, wms.url)
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    legend = (
        f"{wms.url}?version=1.3.0&service=WMS&request=GetLegendGraphic&sld_version=1.1.0"
        "&layer={}&format=image/png&STYLE=default"
    )
    assert "image/png" in body["formats"]
    assert body == {
        "kind": "wms",
        "version": "1.3.0",
        "getmap": wms.url + "?",
        "formats": body["formats"],  # as this MapServer build offers them
        "layers": [
            {
                "name": "grid",
                "title": "Raster grid",
                "bbox": [-5.0, 42.0, 3.0, 50.0],
                "time": None,
                "legend": {"style": "default", "url": legend.format("grid")},
            },
            {
                "name": "zones",
                "title": "Survey zones",
                "bbox": [-4.0, 43.0, 3.0, 49.0],
                "time": {"values": TIMES, "default": TIMES[-1]},
                "legend": {"style": "default", "url": legend.format("zones")},
            },
        ],
    }
    # one GetCapabilities asked of the server; the second answer comes from the app's cache
    assert ask(site["client"], DATASET, wms.url).get_json() == body
    assert [q for q in wms.requests[before:] if "GetCapabilities" in q] == [
        "SERVICE=WMS&REQUEST=GetCapabilities"
    ]


@NEEDS_MAPCACHE
def test_the_tiles_of_the_wmts_a_record_offers(site):
    """MapCache's WMTS: the layer's tiles in GoogleMapsCompatible, as a REST template whose
    time placeholder is ``{Time}``, each Leaflet zoom level on its tile matrix."""
    wmts = site["wmts"]
    response = ask(site["client"], WMTS_DATASET, wmts.url)
    assert response.status_code == 200, response.get_json()
    template = (
        wmts.url + "/1.0.0/zones/default/{Time}/GoogleMapsCompatible/{TileMatrix}/{TileRow}"
        "/{TileCol}.png"
    )
    assert response.get_json() == {
        "kind": "wmts",
        "version": "1.0.0",
        "layers": [
            {
                "name": "zones",
                "title": "Survey zones",
                "bbox": None,  # MapCache gives no WGS84BoundingBox
                "time": {"values": TIMES, "default": TIMES[-1]},
                "legend": None,
                "tiles": {"template": template, "matrices": {str(z): str(z) for z in range(22)}},
            }
        ],
    }
    assert [p for p in wmts.requests if "GetCapabilities" in p] == [
        "/mapcache/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_parameters_missing(site, lang):
    for dataset, url in ((None, None), (DATASET, None), (None, "http://x.org/wms")):
        response = ask(site["client"], dataset, url, lang)
        assert (response.status_code, response.get_json()) == (
            400,
            error(400, "capabilities_params", lang),
        )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_only_a_service_the_dataset_offers_is_read(site, lang):
    """Another URL, a dataset that does not exist or offers no map service: 404, and the
    URL is not fetched (the app is no open proxy)."""
    other = site["other"]
    before = len(other.requests)
    elsewhere = f"{other.url}/page"  # offered by another record, not this one
    cases = [
        (DATASET, "http://169.254.169.254/latest/meta-data/"),
        (DATASET, elsewhere),
        (BASE_IRI + "id/dataset/nothing-here", site["wms"].url),
    ]
    for dataset, url in cases:
        response = ask(site["client"], dataset, url, lang)
        assert (response.status_code, response.get_json()) == (
            404,
            error(404, "capabilities_not_offered", lang, dataset=dataset, url=url),
        )
    assert other.requests[before:] == []
    response = ask(site["client"], "not an iri", site["wms"].url, lang)
    assert (response.status_code, response.get_json()) == (
        400,
        error(400, "bad_iri", lang, value="not an iri"),
    )


@NEEDS_MAPSERVER
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_private_address_is_not_read_by_default(site, lang):
    wms = site["wms"]
    before = len(wms.requests)
    response = ask(site["strict"], DATASET, wms.url, lang)
    assert (response.status_code, response.get_json()) == (
        403,
        error(403, "capabilities_private", lang, url=wms.url),
    )
    assert wms.requests[before:] == []


@pytest.mark.parametrize(
    ("name", "url", "key"),
    [
        ("down", "http://127.0.0.1:9/wms", "capabilities_unreachable"),
        ("page", "{other}/page", "capabilities_unreadable"),
        ("entities", "{other}/entities", "capabilities_unreadable"),
        ("huge", "{other}/huge", "capabilities_too_large"),
    ],
)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_service_that_gives_no_capabilities(site, name, url, key, lang):
    """What the service answered is the remote server's fault: 502, saying what went wrong."""
    url = url.format(other=site["other"].url)
    response = ask(site["client"], BASE_IRI + f"id/dataset/test-wms-{name}", url, lang)
    assert (response.status_code, response.get_json()) == (
        502,
        error(502, key, lang, url=url, megabytes=MAX_BYTES // (1024 * 1024)),
    )


def test_read_refuses_what_is_not_wms_or_wmts_capabilities():
    found = []
    for data in (
        ENTITIES,
        BAD_PAGE,
        b'<WFS_Capabilities version="2.0.0"/>',
        b"\x89PNG\r\n",
    ):
        with pytest.raises(CapabilitiesError) as caught:
            read(data, "https://x.org/wms")
        found.append(caught.value.key)
    assert found == ["capabilities_unreadable"] * 4


def test_fetch_refuses_private_addresses_and_other_schemes():
    found = []
    for url in ("http://127.0.0.1:9/wms", "http://[::1]:9/", "http://10.0.0.1/wms"):
        with pytest.raises(CapabilitiesError) as caught:
            fetch(url, timeout=2)
        found.append(caught.value.key)
    with pytest.raises(CapabilitiesError) as caught:
        fetch("file:///etc/passwd", allow_private=True)
    found.append(caught.value.key)
    assert found == ["capabilities_private"] * 3 + ["capabilities_unreachable"]
