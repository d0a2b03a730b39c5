"""A dataset's data on its page's map, in headless Chromium: a real Web Map Service (Debian's
MapServer, :mod:`wms_server`) on 127.0.0.1 serves a raster and a vector layer made by the
test; an ISO 19139 record offering it (online resource ``OGC:WMS`` named by its layer, a
browse graphic) is loaded as any record; its page lists the service's layers, draws the
record's own with tiles from the server, its legend, an opacity slider and the layer's
dates. A record whose service does not answer says, in the page's language, that the preview
could not be loaded. Screenshots in ``test-artifacts/screenshots/``."""

from __future__ import annotations

import json
import socket
from urllib.parse import parse_qs

import pytest
from browser_support import browser_missing, chromium, screenshot, serve, wait_for
from concept_support import demo_store
from http_support import app_over
from test_browser_a11y import AXE, RUN_AXE
from wms_server import LAYERS, RECORD, TIMES, load_record, mapserver_missing, wms_server
from wmts_server import mapcache_missing, wmts_server

from graph_loader.bootstrap import initialise
from graph_loader.store import EmbeddedStore
from sparql_api.web.i18n import WEB

MISSING = browser_missing() or mapserver_missing()
pytestmark = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")

STATE = """
var base = arguments[0];
var p = document.getElementById('map-preview');
function loaded(img) { return img.complete && img.naturalWidth > 0; }
var tiles = Array.from(document.querySelectorAll('#dataset-map img'))
  .filter(function (i) { return i.src.indexOf(base) === 0; });
var legend = p.querySelector('.preview-legend img');
var layer = p.querySelector('.preview-layer');
var time = p.querySelector('.preview-time');
var status = p.querySelector('.preview-status');
function values(select) { return Array.from(select.options).map(function (o) { return o.value; }); }
var dated = time && !time.closest('label').hidden;
return {
  state: p.dataset.state,
  status: status.hidden ? null : status.textContent,
  layers: layer ? Array.from(layer.options).map(function (o) { return o.textContent; }) : null,
  layer: layer ? layer.options[layer.selectedIndex].textContent : null,
  times: dated ? values(time) : null,
  time: dated ? time.value : null,
  tiles: tiles.length,
  tilesLoaded: tiles.filter(loaded).length,
  legend: legend && loaded(legend) ? legend.src : null,
  opacity: p.previewLayer ? getComputedStyle(p.previewLayer.getContainer()).opacity : null,
  thumbnail: Array.from(document.querySelectorAll('figure.thumbnails img')).map(loaded)
};
"""


def free_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wms")
    with wms_server(folder / "mapserver") as wms:
        store = EmbeddedStore(None)
        list(initialise(store))
        live = load_record(store, folder, wms.url, "test-wms-zones")
        dead_wms = f"http://127.0.0.1:{free_port()}/wms"
        dead = load_record(store, folder, dead_wms, "test-wms-down")
        # the test's services are on 127.0.0.1: the app may read them (not by default)
        with app_over(store, preview_private_hosts=True) as app, serve(app) as url:
            yield {"url": url, "wms": wms, "live": live, "dead": dead, "dead_wms": dead_wms}


WMTS_RECORD = RECORD.with_name("iso-wmts-record.xml")


@pytest.fixture(scope="module")
def tiles_site(tmp_path_factory):
    """MapCache serving the MapServer's zones as WMTS; an ISO record offering it (online
    resource ``OGC:WMTS``), alone in its store."""
    if mapcache_missing():
        pytest.skip(mapcache_missing())
    folder = tmp_path_factory.mktemp("wmts")
    with wms_server(folder / "mapserver") as wms, wmts_server(folder / "mapcache", wms.url) as wmts:
        store = EmbeddedStore(None)
        list(initialise(store))
        page = load_record(store, folder, wmts.url, "test-wmts-zones", WMTS_RECORD)
        with app_over(store, preview_private_hosts=True) as app, serve(app) as url:
            yield {"url": url, "wmts": wmts, "page": page}


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("wms-profile"), lang="fr") as driver:
        driver.set_window_size(1280, 1000)
        yield driver


def picture(driver, name: str) -> None:
    """A screenshot of the map and its preview controls."""
    driver.execute_script("document.getElementById('footprint').scrollIntoView()")
    screenshot(driver, name)


def serious_violations(driver) -> list[str]:
    """What axe-core (when installed: .ci/install-axe.sh) finds serious or critical on the
    page as it is, preview controls included."""
    if not AXE.is_file():
        return []
    driver.set_script_timeout(60)
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    found = json.loads(driver.execute_async_script(RUN_AXE))
    return [
        f"{v['id']} ({v['impact']}): {node}"
        for v in found
        if v["impact"] in ("serious", "critical")
        for node in v["nodes"]
    ]


def state(driver, wms_url: str) -> dict:
    return driver.execute_script(STATE, wms_url)


def getmaps(wms) -> list[dict]:
    """The GetMap requests the server answered, as {LAYERS, TIME} (upper-case keys)."""
    found = []
    for query in list(wms.requests):
        params = {k.upper(): v[0] for k, v in parse_qs(query, keep_blank_values=True).items()}
        if params.get("REQUEST") == "GetMap" and params.get("WIDTH") == "256":
            found.append({"LAYERS": params.get("LAYERS"), "TIME": params.get("TIME")})
    return found


def assert_zones_shown(seen: dict, wms) -> None:
    """The preview state ``seen`` (``STATE``) of the test record's page: the service's two
    layers offered, the record's own ("zones", its online resource's name) chosen, with its
    three dates, the latest shown; legend and tiles (of that layer at that date) asked of the
    server ``wms``; the browse graphic (a GetMap of the same server) shown."""
    assert {k: v for k, v in seen.items() if k not in ("tiles", "tilesLoaded", "legend")} == {
        "state": "ready",
        "status": None,
        "layers": list(LAYERS.values()),
        "layer": LAYERS["zones"],
        "times": TIMES,
        "time": TIMES[-1],
        "opacity": "0.8",
        "thumbnail": [True],
    }
    assert seen["legend"].startswith(wms.url + "?")
    assert "request=GetLegendGraphic" in seen["legend"] and "layer=zones" in seen["legend"]
    assert {"LAYERS": "zones", "TIME": TIMES[-1]} in getmaps(wms)


def test_the_record_s_layer_on_its_page_s_map(site, driver):
    wms = site["wms"]
    driver.get(site["url"] + site["live"] + "?lang=fr")
    wait_for(lambda: state(driver, wms.url)["state"] == "ready", 20, "the preview")
    seen = wait_for(
        lambda: (s := state(driver, wms.url))["tilesLoaded"] and s["legend"] and s, 20, "tiles"
    )
    assert_zones_shown(seen, wms)
    assert seen["tilesLoaded"] >= 1
    picture(driver, "wms-preview-zones")
    assert serious_violations(driver) == []

    # the opacity slider changes the layer's opacity
    driver.execute_script(
        "var r = document.querySelector('.preview-opacity'); r.value = '30';"
        "r.dispatchEvent(new Event('input'));"
    )
    assert state(driver, wms.url)["opacity"] == "0.3"

    # another date: tiles asked for that date
    driver.execute_script(
        "var t = document.querySelector('.preview-time'); t.value = arguments[0];"
        "t.dispatchEvent(new Event('change'));",
        TIMES[0],
    )
    wait_for(lambda: {"LAYERS": "zones", "TIME": TIMES[0]} in getmaps(wms), 20, "dated tiles")

    # the raster layer: no dates offered, its tiles and legend loaded
    before = len(wms.requests)
    driver.execute_script(
        "var s = document.querySelector('.preview-layer'); s.value = '0';"
        "s.dispatchEvent(new Event('change'));"
    )
    wait_for(lambda: {"LAYERS": "grid", "TIME": None} in getmaps(wms), 20, "raster tiles")
    raster = wait_for(
        lambda: (
            (s := state(driver, wms.url))["legend"]
            and "layer=grid" in s["legend"]
            and s["tilesLoaded"]
            and s
        ),
        20,
        "raster legend",
    )
    assert (raster["layer"], raster["times"], raster["opacity"]) == (LAYERS["grid"], None, "0.3")
    assert len(wms.requests) > before
    picture(driver, "wms-preview-grid")


def test_a_service_that_does_not_answer(site, driver):
    driver.get(site["url"] + site["dead"] + "?lang=fr")
    wait_for(lambda: state(driver, "http://127.0.0.1")["state"] == "failed", 30, "the failure")
    seen = state(driver, "http://127.0.0.1")
    assert (seen["status"], seen["layers"], seen["tiles"]) == (
        WEB.text("preview_failed", "fr"),
        None,
        0,
    )
    assert driver.find_element("id", "dataset-map").get_attribute("data-ready") == "true"
    picture(driver, "wms-preview-failed")


#: names resolve to nothing but this machine: a demo page's services are never reached
OFFLINE = ("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",)
#: the app's own requests go through a proxy where nothing answers (port 9, "discard")
DEAD_PROXY = "http://127.0.0.1:9"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_demo_record_s_wms_unreachable_offline(lang, tmp_path, monkeypatch):
    """Sextant's WMS (a real endpoint of the demo's Ifremer records) cannot be reached here
    (the app's requests go through a proxy that does not answer, the browser resolves no
    name): the app answers the page's capabilities request with a 502 in the page's language,
    and the page keeps its map and says so, with no script error."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(name, DEAD_PROXY)
    monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")  # Selenium's own, to its driver
    store = demo_store()
    with (
        app_over(store) as app,
        serve(app) as url,
        chromium(tmp_path / "profile", lang, console=True, flags=OFFLINE) as driver,
    ):
        page = f"{url}/id/dataset/ifremer-bathymetric-dtm?lang={lang}"
        driver.get(page)
        wait_for(lambda: state(driver, "https://")["state"] == "failed", 30, "the failure")
        seen = state(driver, "https://")
        assert (seen["status"], seen["layers"], seen["tiles"]) == (
            WEB.text("preview_failed", lang),
            None,
            0,
        )
        errors = [
            e["message"].split(" - ", 1)
            for e in driver.get_log("browser")
            if e["level"] == "SEVERE" and "net::ERR_NAME_NOT_RESOLVED" not in e["message"]
        ]
        # the one failed request: the capabilities asked of the app (Chromium logs it)
        assert [(u.split("?")[0], m) for u, m in errors] == [
            (
                f"{url}/api/map-capabilities",
                "Failed to load resource: the server responded with a status of 502 (BAD GATEWAY)",
            )
        ]
        picture(driver, f"wms-preview-demo-offline-{lang}")


def test_the_browse_graphic_on_the_results_page(site, driver):
    """The record's ISO graphicOverview (a GetMap of the test service) is its hit's picture,
    loaded from the service (the results page allows its hits' picture origins); the other
    record's, at a port where nothing answers, is not."""
    driver.get(site["url"] + "/search?q=survey&lang=fr")
    script = (
        "return Array.from(document.querySelectorAll('img.thumbnail')).map(function (i) {"
        "  return [i.src.split('?')[0], i.complete && i.naturalWidth > 0]; }).sort()"
    )
    try:
        wait_for(lambda: [False, True] == sorted(x[1] for x in driver.execute_script(script)), 20)
    finally:
        screenshot(driver, "wms-preview-results-thumbnail")
    assert driver.execute_script(script) == sorted(
        [[site["wms"].url, True], [site["dead_wms"], False]]
    )


def tiles_asked(wmts) -> list[str]:
    """The REST tile requests MapCache answered: ``date/z/row/col``."""
    prefix = "/mapcache/wmts/1.0.0/zones/default/"
    return [
        p.removeprefix(prefix).replace("GoogleMapsCompatible/", "").removesuffix(".png")
        for p in list(wmts.requests)
        if p.startswith(prefix)
    ]


def test_a_wmts_layer_on_its_page_s_map(tiles_site, driver):
    """The record's WMTS (MapCache over MapServer): its one layer drawn with tiles of the
    GoogleMapsCompatible matrix set asked of MapCache at the layer's default date, every tile
    drawn; another date asks that date's tiles."""
    wmts = tiles_site["wmts"]
    base = wmts.url.removesuffix("/wmts")
    driver.get(tiles_site["url"] + tiles_site["page"] + "?lang=en")
    seen = wait_for(
        lambda: (
            (s := state(driver, base))["state"] == "ready"
            and s["tiles"]
            and s["tiles"] == s["tilesLoaded"]
            and s
        ),
        30,
        "the WMTS tiles",
    )
    shown = driver.find_element("css selector", ".preview-layer-name").text
    zoom = driver.execute_script(
        "return document.getElementById('dataset-map').leafletMap.getZoom()"
    )
    assert shown == "Layer: " + LAYERS["zones"]
    assert seen == {
        "state": "ready",
        "status": None,
        "layers": None,  # one layer: named, not chosen
        "layer": None,
        "times": TIMES,
        "time": TIMES[-1],
        "tiles": seen["tiles"],
        "tilesLoaded": seen["tiles"],
        "legend": None,  # MapCache's capabilities give none
        "opacity": "0.8",
        "thumbnail": [True],  # a GetTile (KVP) of the same service
    }
    asked = tiles_asked(wmts)
    assert {tuple(a.split("/")[:2]) for a in asked} == {(TIMES[-1], str(zoom))}
    picture(driver, "wmts-preview-zones")

    driver.execute_script(
        "var t = document.querySelector('.preview-time'); t.value = arguments[0];"
        "t.dispatchEvent(new Event('change'));",
        TIMES[0],
    )
    wait_for(
        lambda: any(a.startswith(TIMES[0] + "/") for a in tiles_asked(wmts)), 20, "dated tiles"
    )
    wait_for(lambda: (s := state(driver, base))["tiles"] and s["tiles"] == s["tilesLoaded"], 20)
