"""The portal's journey in a real headless browser (Debian's Chromium through Selenium) over
the real app served by waitress, with a screenshot of each step in
``test-artifacts/screenshots/``: type "aéro", pick the suggestion, refine by a facet, draw a
box on the map with the mouse, open a dataset, switch to English, follow a related publication.

Then the screenshot journey by touch, at desktop and phone sizes (:data:`JOURNEY`): home,
suggestions, results, a facet applied, a box drawn on the map with a finger, the dataset page,
a dataset's WMS layer drawn on its page's map (a real MapServer on 127.0.0.1,
:mod:`wms_server`, offered by an ISO record loaded with the demo), a tutorial page reached from
the header, the dataset added to a collection. Each step is a function of a :class:`Trip`; a
page that joins the journey is one more function inserted in :data:`JOURNEY` where it
belongs."""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_support import (
    browser_missing,
    chromium,
    on_map,
    screenshot,
    serve,
    swipe,
    tap,
    tap_on,
    touch,
    wait_for,
)
from concept_support import demo_store
from http_support import app_over
from test_browser_wms_preview import STATE, assert_zones_shown
from wms_server import load_record, mapserver_missing, wms_server

from graph_loader.inference import rebuild_inference

MISSING = browser_missing()
pytestmark = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")


@pytest.fixture(scope="module")
def base_url():
    """The app over the demo catalogue (with inference), served on a free port."""
    store = demo_store()
    rebuild_inference(store)
    with app_over(store) as app, serve(app) as url:
        yield url


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("chromium-profile"), lang="fr") as driver:
        yield driver


def api(base_url: str, path: str) -> dict:
    with urllib.request.urlopen(base_url + path, timeout=10) as response:  # noqa: S310
        return json.load(response)


def by_css(driver, css: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, css)


def concept_labels(driver) -> list[str]:
    return [o.text for o in by_css(driver, "#suggestions .suggestion.concept .suggest-label")]


def loaded(driver, path: str) -> bool:
    """The browser shows ``path``, fully loaded."""
    return (
        urlsplit(driver.current_url).path == path
        and driver.execute_script("return document.readyState") == "complete"
    )


def test_suggestions_while_typing(base_url, driver):
    from selenium.webdriver.common.keys import Keys

    driver.get(base_url + "/?lang=fr")
    assert driver.find_element("tag name", "html").get_attribute("lang") == "fr"
    box = driver.find_element("id", "q")
    expected = api(base_url, "/api/autocomplete?q=a%C3%A9ro&lang=fr&limit=6")["suggestions"]
    box.send_keys("aéro")
    # keystrokes may reach the page apart: wait for the answer to the whole word
    wait_for(lambda: concept_labels(driver) == [s["label"] for s in expected], what="suggestions")
    shown = [
        (
            o.find_element("css selector", ".suggest-label").text,
            (o.find_elements("css selector", ".suggest-detail") or [None])[0],
        )
        for o in by_css(driver, "#suggestions .suggestion.concept")
    ]
    shown = [(label, detail.text if detail else "") for label, detail in shown]
    assert shown == [
        (s["label"], s["compartment"]["label"] if s["compartment"]["iri"] != s["iri"] else "")
        for s in expected
    ]
    assert shown[0] == ("Aérosols", "Atmosphère")
    assert box.get_attribute("aria-expanded") == "true"
    screenshot(driver, "01-suggestions")
    box.send_keys(Keys.ARROW_DOWN)
    first = by_css(driver, "#suggestions .suggestion")[0]
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    box.send_keys(Keys.ENTER)
    wait_for(lambda: loaded(driver, "/search"), what="the results page")
    assert parse_qs(urlsplit(driver.current_url).query) == {"theme": ["aerosols"], "lang": ["fr"]}


def hits_shown(driver) -> list[str]:
    return [a.get_attribute("pathname") for a in by_css(driver, ".hits .hit-link")]


def chips_shown(driver) -> list[tuple[str, str]]:
    return [(c.get_attribute("data-param"), c.text) for c in by_css(driver, ".chips .chip")]


def query_of(driver) -> dict[str, list[str]]:
    return parse_qs(urlsplit(driver.current_url).query)


def click_corners(driver, map_id: str, corner1: tuple[float, float], corner2: tuple[float, float]):
    """Press "draw an area" and click two opposite corners (lon, lat) of a box on the map."""
    from selenium.webdriver.common.action_chains import ActionChains

    element = driver.find_element("id", map_id)
    driver.find_element("css selector", ".draw-box").click()
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    width, height = element.size["width"], element.size["height"]
    for lon, lat in (corner1, corner2):
        x, y = driver.execute_script(
            "var p = arguments[0].leafletMap.latLngToContainerPoint([arguments[2], arguments[1]]);"
            "return [p.x, p.y];",
            element,
            lon,
            lat,
        )
        ActionChains(driver).move_to_element_with_offset(
            element, int(x - width / 2), int(y - height / 2)
        ).click().perform()


def test_journey_from_a_suggestion_to_a_related_publication(base_url, driver):
    from selenium.webdriver.common.keys import Keys

    # 1. type "aéro" and pick the first suggestion with the keyboard
    driver.get(base_url + "/?lang=fr")
    box = driver.find_element("id", "q")
    box.send_keys("aéro")
    wait_for(lambda: concept_labels(driver)[:1] == ["Aérosols"], what="suggestions")
    box.send_keys(Keys.ARROW_DOWN, Keys.ENTER)
    wait_for(lambda: loaded(driver, "/search"), what="the results page")
    wait_for(lambda: driver.find_element("id", "map").get_attribute("data-ready"), what="map")
    expected = api(base_url, "/api/search?theme=aerosols&lang=fr&size=20")
    assert hits_shown(driver) == [h["path"] for h in expected["hits"]]
    assert driver.find_element("id", "total").text == f"{expected['total']} résultats"
    assert chips_shown(driver) == [("theme", "Thème Aérosols ×")]
    screenshot(driver, "02-results")

    # 2. refine by a facet: the data centre SEDOO
    sedoo = "https://w3id.org/gaia-kg/org/sedoo"
    facet = expected["facets"]["centre"]
    label = next(b["label"] for b in facet if b["value"] == sedoo)
    link = next(a for a in by_css(driver, "#facet-centre a.facet-link") if label in a.text)
    link.click()
    wait_for(lambda: "centre" in query_of(driver) and loaded(driver, "/search"), what="facet")
    assert query_of(driver) == {"theme": ["aerosols"], "centre": ["sedoo"], "lang": ["fr"]}
    refined = api(base_url, "/api/search?theme=aerosols&centre=" + sedoo + "&lang=fr&size=20")
    assert hits_shown(driver) == [h["path"] for h in refined["hits"]]
    assert len(refined["hits"]) == 5
    assert chips_shown(driver) == [
        ("theme", "Thème Aérosols ×"),
        ("centre", f"Centre de données {label} ×"),
    ]
    wait_for(lambda: driver.find_element("id", "map").get_attribute("data-ready"), what="map")
    screenshot(driver, "03-facet")

    # 3. draw a box over West Africa on the map with the mouse and search this area
    click_corners(driver, "map", (-15, 20), (15, 5))
    filled = [
        float(
            driver.find_element("css selector", f".bbox-form input[name={side}]").get_attribute(
                "value"
            )
        )
        for side in ("west", "south", "east", "north")
    ]
    assert all(abs(got - want) < 1.5 for got, want in zip(filled, (-15, 5, 15, 20), strict=True))
    screenshot(driver, "04-box-drawn")
    driver.find_element("css selector", ".search-area").click()
    wait_for(lambda: "bbox" in query_of(driver) and loaded(driver, "/search"), what="box")
    state = query_of(driver)
    assert sorted(state) == ["bbox", "centre", "lang", "theme"]
    assert [float(v) for v in state["bbox"][0].split(",")] == filled
    boxed = api(
        base_url,
        "/api/search?theme=aerosols&centre=" + sedoo + "&bbox=" + state["bbox"][0] + "&size=20",
    )
    assert hits_shown(driver) == [h["path"] for h in boxed["hits"]]
    assert sorted(hits_shown(driver)) == [
        "/id/dataset/amma-atr42-aircraft",
        "/id/dataset/dacciwa-campaign",
    ]
    assert [p for p, _ in chips_shown(driver)] == ["theme", "centre", "bbox"]
    wait_for(lambda: driver.find_element("id", "map").get_attribute("data-ready"), what="map")
    screenshot(driver, "05-area")

    # 4. open a dataset
    next(a for a in by_css(driver, ".hit-link") if "amma-atr42" in a.get_attribute("href")).click()
    wait_for(lambda: loaded(driver, "/id/dataset/amma-atr42-aircraft"), what="dataset")
    assert (
        driver.find_element("tag name", "h1").text == "AMMA mesures aéroportées de l'ATR 42 SAFIRE"
    )
    assert driver.find_element("id", "glance-where").text == "20°O – 20°E, 0° – 25°N"
    assert driver.find_element("id", "glance-when").text == "du 2006-06-01 au 2006-08-31"
    wait_for(lambda: driver.find_element("id", "dataset-map").get_attribute("data-ready"))
    screenshot(driver, "06-dataset")

    # 5. switch to English
    driver.find_element("css selector", "header .switch").click()
    wait_for(lambda: driver.find_element("tag name", "html").get_attribute("lang") == "en")
    wait_for(lambda: loaded(driver, "/id/dataset/amma-atr42-aircraft"), what="English page")
    assert driver.find_element("tag name", "h1").text == "AMMA SAFIRE ATR 42 airborne measurements"
    assert driver.find_element("id", "glance-where").text == "20°W – 20°E, 0° – 25°N"
    assert driver.get_cookie("lang")["value"] == "en"
    screenshot(driver, "07-dataset-english")

    # 6. follow the related publication
    link = next(
        a
        for a in by_css(driver, "#related a")
        if "/id/publication/" in (a.get_attribute("href") or "")
    )
    title = link.text
    link.click()
    wait_for(lambda: loaded(driver, "/id/publication/redelsperger-2006-amma"), what="paper")
    assert urlsplit(driver.current_url).path == "/id/publication/redelsperger-2006-amma"
    assert driver.find_element("tag name", "h1").text == title
    assert driver.find_element("tag name", "html").get_attribute("lang") == "en"
    screenshot(driver, "08-publication")


UNLABELLED = """
return Array.from(document.querySelectorAll('input, select, button, [role=combobox]'))
  .filter(e => e.type !== 'hidden' && !e.hidden && e.offsetParent !== null)
  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
               && !(e.tagName === 'BUTTON' && e.textContent.trim()))
  .map(e => e.outerHTML);
"""


@pytest.mark.parametrize(
    "path",
    ["/?lang=fr", "/search?theme=aerosols&lang=fr", "/id/dataset/amma-atr42-aircraft?lang=fr"],
)
def test_pages_fit_a_phone_and_label_every_control(base_url, driver, path):
    driver.set_window_size(390, 844)
    try:
        driver.get(base_url + path)
        wait_for(lambda: driver.execute_script("return document.readyState") == "complete")
        overflow = driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        assert driver.execute_script(UNLABELLED) == []
        first = driver.execute_script(
            "return document.querySelector('a[href], button, input:not([type=hidden])')"
            ".getAttribute('href')"
        )
        assert first == "#main"  # the skip link comes first for keyboard users
        name = urlsplit(path).path.strip("/").replace("/", "-") or "home"
        screenshot(driver, f"09-phone-{name}")
    finally:
        driver.set_window_size(1280, 1000)


@pytest.fixture(scope="module")
def crafted_url():
    """The app over records whose titles try to inject markup (tests/fixtures/portal)."""
    from pathlib import Path

    from concept_support import BASE_IRI

    from graph_loader.bootstrap import initialise
    from graph_loader.pipeline import load_paths
    from graph_loader.store import EmbeddedStore

    store = EmbeddedStore(None)
    list(initialise(store))
    crafted = Path(__file__).resolve().parent / "fixtures" / "portal" / "crafted.ttl"
    load_paths(store, [crafted], base_iri=BASE_IRI)
    rebuild_inference(store)
    with app_over(store) as app, serve(app) as url:
        yield url


CRAFTED_FR = '<script>alert("gaia")</script> aérosols & co'
INJECTED = (
    "return document.querySelectorAll('main script, main img, main iframe, main svg b').length"
)


def test_crafted_titles_stay_text_in_suggestions_and_map_popups(crafted_url, driver):
    driver.get(crafted_url + "/?lang=fr")
    driver.find_element("id", "q").send_keys("aérosols")
    wait_for(lambda: by_css(driver, "#suggestions .suggestion.resource"), what="titles")
    shown = [o.text for o in by_css(driver, "#suggestions .suggestion.resource .suggest-label")]
    assert shown == [CRAFTED_FR]
    assert driver.execute_script(INJECTED) == 0
    screenshot(driver, "10-crafted-suggestion")

    driver.get(crafted_url + "/search?q=a%C3%A9rosols&lang=fr")
    element = wait_for(lambda: by_css(driver, "#map[data-ready]"), what="map")[0]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    x, y = driver.execute_script(
        "var p = arguments[0].leafletMap.latLngToContainerPoint([15, 2.5]); return [p.x, p.y];",
        element,
    )
    from selenium.webdriver.common.action_chains import ActionChains

    width, height = element.size["width"], element.size["height"]
    ActionChains(driver).move_to_element_with_offset(
        element, int(x - width / 2), int(y - height / 2)
    ).click().perform()
    # the popup fades in: its text is visible once the animation has run
    popup = wait_for(
        lambda: [a for a in by_css(driver, ".leaflet-popup-content a") if a.text], what="popup"
    )[0]
    assert (popup.text, popup.get_attribute("pathname")) == (CRAFTED_FR, "/id/dataset/crafted")
    assert driver.execute_script(INJECTED) == 0
    screenshot(driver, "11-crafted-popup")


def test_enter_searches_the_words_typed_not_a_suggestion(base_url, driver):
    from selenium.webdriver.common.keys import Keys

    driver.get(base_url + "/?lang=fr")
    box = driver.find_element("id", "q")
    box.send_keys("tempér")
    wait_for(lambda: concept_labels(driver), what="suggestions")
    assert "Tempêtes" not in concept_labels(driver)
    box.send_keys(Keys.ENTER)
    wait_for(lambda: loaded(driver, "/search"), what="the results page")
    assert query_of(driver)["q"] == ["tempér"]
    # a suggestion picked with the keyboard, then more letters typed: the words are searched
    driver.get(base_url + "/?lang=fr")
    box = driver.find_element("id", "q")
    box.send_keys("ozo")
    wait_for(lambda: concept_labels(driver), what="suggestions")
    box.send_keys(Keys.ARROW_DOWN, "ne")
    box.send_keys(Keys.ENTER)
    wait_for(lambda: loaded(driver, "/search"), what="the results page")
    assert query_of(driver)["q"] == ["ozone"]


# The screenshot journey by touch, at desktop and phone sizes -----------------------------

SIZES = {"desktop": (1366, 768), "phone": (390, 844)}
SEDOO = "https://w3id.org/gaia-kg/org/sedoo"
AMMA_ATR = "/id/dataset/amma-atr42-aircraft"
#: the ISO record offering the test's Web Map Service (tests/fixtures/preview)
WMS_RECORD = "test-wms-zones"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The demo served with a user database, and a signed-in visitor's session cookie and
    empty collection."""
    from accounts_support import Visitor, accounts_app

    folder = tmp_path_factory.mktemp("journey")
    with wms_server(folder / "mapserver") as wms:
        store = demo_store()
        load_record(store, folder, wms.url, WMS_RECORD)
        rebuild_inference(store)
        with (
            accounts_app(
                tmp_path_factory.mktemp("users"), store=store, preview_private_hosts=True
            ) as app,
            serve(app) as url,
        ):
            ada = Visitor(app)
            ada.sign_up("ada@example.org")
            cid = ada.new_collection("Afrique de l'Ouest")
            yield url, ada.client.get_cookie("gaia_session").value, cid, wms


@dataclass
class Trip:
    """One journey: the browser, the site, the screen's name and what the steps found."""

    driver: object
    base: str
    size: str
    collection: int
    wms: object
    found: dict = field(default_factory=dict)


def home(trip: Trip):
    trip.driver.get(trip.base + "/?lang=fr")
    wait_for(lambda: loaded(trip.driver, "/"), what="home")
    assert trip.driver.find_element("tag name", "h1").is_displayed()


def suggestions(trip: Trip):
    driver = trip.driver
    tap_on(driver, driver.find_element("id", "q"))
    driver.find_element("id", "q").send_keys("aéro")
    expected = api(trip.base, "/api/autocomplete?q=a%C3%A9ro&lang=fr&limit=6")["suggestions"]
    wait_for(lambda: concept_labels(driver) == [s["label"] for s in expected], what="suggestions")
    # each suggestion on one line: a word is never broken across lines
    heights = driver.execute_script(
        "return [...document.querySelectorAll('#suggestions .suggest-label')]"
        ".map(e => e.getClientRects().length)"
    )
    assert heights == [1] * len(heights)


def results(trip: Trip):
    driver = trip.driver
    tap_on(driver, by_css(driver, "#suggestions .suggestion.concept")[0])
    wait_for(lambda: loaded(driver, "/search"), what="the results page")
    assert query_of(driver) == {"theme": ["aerosols"], "lang": ["fr"]}
    expected = api(trip.base, "/api/search?theme=aerosols&lang=fr&size=20")
    assert hits_shown(driver) == [h["path"] for h in expected["hits"]]
    assert driver.find_element("id", "total").text == f"{expected['total']} résultats"
    trip.found["facet"] = expected["facets"]["centre"]


def facet(trip: Trip):
    driver = trip.driver
    label = next(b["label"] for b in trip.found["facet"] if b["value"] == SEDOO)
    tap_on(driver, next(a for a in by_css(driver, "#facet-centre a.facet-link") if label in a.text))
    wait_for(lambda: "centre" in query_of(driver) and loaded(driver, "/search"), what="facet")
    assert query_of(driver) == {"theme": ["aerosols"], "centre": ["sedoo"], "lang": ["fr"]}
    refined = api(trip.base, f"/api/search?theme=aerosols&centre={SEDOO}&lang=fr&size=20")
    assert hits_shown(driver) == [h["path"] for h in refined["hits"]]
    wait_for(lambda: driver.find_element("id", "map").get_attribute("data-ready"), what="map")


def sides_filled(driver) -> list[str]:
    return [
        driver.find_element("css selector", f".bbox-form input[name={side}]").get_attribute("value")
        for side in ("west", "south", "east", "north")
    ]


def drawn_by_touch(trip: Trip):
    """Press "draw an area" with a finger; a swipe still pans the map (and draws nothing);
    two taps at opposite corners over West Africa draw the box and fill the form."""
    driver = trip.driver
    element = driver.find_element("id", "map")
    tap_on(driver, driver.find_element("css selector", ".draw-box"))
    wait_for(
        lambda: (
            driver.find_element("css selector", ".draw-box").get_attribute("aria-pressed") == "true"
        )
    )
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    centre = driver.execute_script("return arguments[0].leafletMap.getCenter().lng", element)
    x, y = on_map(driver, element, 0, 12)
    swipe(driver, (x, y), (x - 40, y))
    wait_for(
        lambda: (
            driver.execute_script("return arguments[0].leafletMap.getCenter().lng", element)
            > centre
        ),
        what="the map panned by the swipe",
    )
    assert sides_filled(driver) == ["", "", "", ""]
    zoom = driver.execute_script("return arguments[0].leafletMap.getZoom()", element)
    tap(driver, *on_map(driver, element, -15, 20))
    tap(driver, *on_map(driver, element, 15, 5))
    filled = wait_for(lambda: all(sides_filled(driver)) and sides_filled(driver), what="box")
    assert all(
        abs(float(got) - want) < 1.5 for got, want in zip(filled, (-15, 5, 15, 20), strict=True)
    )
    assert driver.find_element("css selector", ".draw-box").get_attribute("aria-pressed") == "false"
    # the two taps did not zoom the map (as a double tap would)
    assert driver.execute_script("return arguments[0].leafletMap.getZoom()", element) == zoom
    trip.found["box"] = ",".join(filled)
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", element)


def area(trip: Trip):
    """ "Search this area": the drawn box is the bbox filter, with the API's hits and count."""
    driver = trip.driver
    tap_on(driver, driver.find_element("css selector", ".search-area"))
    wait_for(lambda: "bbox" in query_of(driver) and loaded(driver, "/search"), what="box")
    box = trip.found["box"]
    assert query_of(driver) == {
        "theme": ["aerosols"],
        "centre": ["sedoo"],
        "bbox": [box],
        "lang": ["fr"],
    }
    boxed = api(trip.base, f"/api/search?theme=aerosols&centre={SEDOO}&bbox={box}&size=20")
    assert driver.find_element("id", "total").text == f"{boxed['total']} résultats"
    assert hits_shown(driver) == [h["path"] for h in boxed["hits"]]
    assert sorted(hits_shown(driver)) == [AMMA_ATR, "/id/dataset/dacciwa-campaign"]
    wait_for(lambda: driver.find_element("id", "map").get_attribute("data-ready"), what="map")


def dataset(trip: Trip):
    driver = trip.driver
    tap_on(
        driver,
        next(a for a in by_css(driver, ".hit-link") if a.get_attribute("pathname") == AMMA_ATR),
    )
    wait_for(lambda: loaded(driver, AMMA_ATR), what="dataset")
    assert (
        driver.find_element("tag name", "h1").text == "AMMA mesures aéroportées de l'ATR 42 SAFIRE"
    )
    wait_for(lambda: driver.find_element("id", "dataset-map").get_attribute("data-ready"))


def collection(trip: Trip):
    """Back on the dataset page of the journey, "add to my collection", then the collection
    lists it."""
    driver = trip.driver
    driver.get(f"{trip.base}{AMMA_ATR}?lang=fr")
    wait_for(lambda: loaded(driver, AMMA_ATR), what="dataset")
    tap_on(driver, driver.find_element("css selector", "#add-to-collection button[type=submit]"))
    wait_for(  # back on the dataset page, which says it was added (the same page before)
        lambda: loaded(driver, AMMA_ATR) and by_css(driver, "p.confirmation[role=status]"),
        what="back on the dataset page, the addition confirmed",
    )
    driver.get(f"{trip.base}/collections/{trip.collection}?lang=fr")
    listed = [
        (li.get_attribute("data-iri"), li.find_element("tag name", "a").text)
        for li in by_css(driver, ".collection-items li")
    ]
    assert listed == [
        ("https://data.gaia-data.fr" + AMMA_ATR, "AMMA mesures aéroportées de l'ATR 42 SAFIRE")
    ]


def map_shown(driver, wms) -> dict:
    """What the preview shows (test_browser_wms_preview.STATE), for the server at ``wms``."""
    return driver.execute_script(STATE, wms.url)


def wms_preview(trip: Trip):
    """A search for the surveyed zones, the hit tapped: its page's map lists the service's
    layers, draws the record's own ("zones", at its latest date) with every tile asked of the
    server drawn, and the legend the server gives."""
    driver, wms = trip.driver, trip.wms
    driver.get(f"{trip.base}/search?q=survey+zones&lang=fr")
    wait_for(lambda: loaded(driver, "/search"), what="the results page")
    page = f"/id/dataset/{WMS_RECORD}"
    tap_on(
        driver, next(a for a in by_css(driver, ".hit-link") if a.get_attribute("pathname") == page)
    )
    wait_for(lambda: loaded(driver, page), what="the dataset page")
    element = driver.find_element("id", "dataset-map")
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", element)
    seen = wait_for(
        lambda: (
            (s := map_shown(driver, wms))["state"] == "ready"
            and s["legend"]
            and s["tiles"]
            and s["tiles"] == s["tilesLoaded"]
            and s
        ),
        30,
        "the layer's tiles and legend",
    )
    assert_zones_shown(seen, wms)
    # every tile drawn was asked of the server
    drawn = driver.execute_script(
        "return Array.from(document.querySelectorAll("
        "  '#dataset-map .leaflet-data-preview-pane img')).map(function (i) { return i.src; })"
    )
    assert drawn and {urlsplit(u).query for u in drawn} <= set(wms.requests)
    # the page fits the screen, its long harvested URLs (the browse graphic's) broken
    assert (
        driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        <= 0
    )


def tutorial(trip: Trip):
    """The header's "Tutoriels": the listing, as the API lists tutorials; a tutorial's page
    with its address, its language, its themes and its tool."""
    driver = trip.driver
    tap_on(driver, driver.find_element("css selector", "header a.nav-tutorials"))
    wait_for(lambda: "type" in query_of(driver) and loaded(driver, "/search"), what="tutorials")
    assert driver.find_element("tag name", "h1").text == "Tutoriels"
    listed = api(trip.base, "/api/search?type=tutorial&lang=fr&size=20")
    assert hits_shown(driver) == [h["path"] for h in listed["hits"]]
    page = "/id/tutorial/pangeo-gallery"
    tap_on(
        driver, next(a for a in by_css(driver, ".hit-link") if a.get_attribute("pathname") == page)
    )
    wait_for(lambda: loaded(driver, page), what="the tutorial page")
    rows = [
        (
            row.find_element("tag name", "th").text,
            [
                (v.text, [a.get_attribute("pathname") for a in v.find_elements("tag name", "a")])
                for v in row.find_elements("css selector", "span.value")
            ],
        )
        for row in by_css(driver, "table.properties tr")
    ]
    themes = [
        ("Atmosphère", ["/concepts/atmosphere"]),
        ("Climat", ["/concepts/climate"]),
        ("Océans", ["/concepts/oceans"]),
    ]
    assert (driver.find_element("css selector", "p.kind").text, rows) == (
        "Tutoriel",
        [
            ("adresse web", [("https://gallery.pangeo.io/", ["/"])]),
            ("compartiment", themes),  # inferred: each theme is a compartment
            ("langue", [("anglais", [])]),
            ("nom", [("Pangeo Gallery", [])]),
            ("ressource liée", [("xarray", ["/id/software/xarray"])]),
            ("thème", themes),
        ],
    )


#: the journey's steps in order, each followed by a screenshot
JOURNEY = [
    home,
    suggestions,
    results,
    facet,
    drawn_by_touch,
    area,
    dataset,
    wms_preview,
    tutorial,
    collection,
]


@pytest.mark.skipif(mapserver_missing() is not None, reason=mapserver_missing() or "")
@pytest.mark.parametrize("size", sorted(SIZES))
def test_screenshot_journey_by_touch(site, driver, size):
    base, cookie, cid, wms = site
    driver.get(base + "/robots.txt")
    driver.delete_all_cookies()
    driver.add_cookie({"name": "gaia_session", "value": cookie, "path": "/"})
    driver.set_window_size(*SIZES[size])
    touch(driver)
    trip = Trip(driver, base, size, cid, wms)
    try:
        for number, step in enumerate(JOURNEY, 1):
            step(trip)
            screenshot(driver, f"journey-{size}-{number:02d}-{step.__name__}")
    finally:
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
        driver.delete_all_cookies()
        driver.set_window_size(1280, 1000)


def basemap_shown(driver, element) -> tuple[str | None, int, int]:
    """Which shipped outlines the map shows, its outline tiles and its tile images."""
    return (
        element.get_attribute("data-basemap"),
        len(element.find_elements("css selector", ".leaflet-basemap-pane canvas.outline-tile")),
        len(element.find_elements("css selector", ".leaflet-tile-pane img")),
    )


def test_basemap_is_detailed_at_regional_scale(base_url, driver):
    """The shipped outlines: 1:110m for the world, 1:10m once zoomed to a region (tiles cut
    in the browser), 1:110m again when zoomed out."""
    driver.get(base_url + "/search?lang=fr")
    element = wait_for(lambda: by_css(driver, "#map[data-ready]"), what="map")[0]
    wait_for(lambda: basemap_shown(driver, element)[0], what="outlines")
    assert basemap_shown(driver, element) == ("coarse", 0, 0)
    driver.execute_script("arguments[0].leafletMap.setView([48, -3], 7)", element)
    wait_for(lambda: basemap_shown(driver, element)[0] == "detail", what="detail", timeout=30)
    shown, tiles, images = basemap_shown(driver, element)
    assert (shown, tiles > 0, images) == ("detail", True, 0)
    screenshot(driver, "12-basemap-detail")
    driver.execute_script("arguments[0].leafletMap.setZoom(2)", element)
    wait_for(lambda: basemap_shown(driver, element)[0] == "coarse", what="coarse again")
    assert element.find_elements("css selector", ".leaflet-basemap-pane canvas") == []


@pytest.fixture(scope="module")
def tiled_url():
    """The demo app with ``GAIA_KG_MAP_TILES`` set (tiles the app itself does not have)."""
    store = demo_store()
    with app_over(store, map_tiles=TILES) as app, serve(app) as url:
        yield url


TILES = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"


def test_configured_tiles_replace_the_shipped_outlines(tiled_url, driver):
    driver.get(tiled_url + "/search?lang=fr")
    element = wait_for(lambda: by_css(driver, "#map[data-ready]"), what="map")[0]
    wait_for(lambda: basemap_shown(driver, element)[2], what="tiles")
    sources = {
        img.get_attribute("src").split("/tiles/")[0]
        for img in element.find_elements("css selector", ".leaflet-tile-pane img")
    }
    assert (basemap_shown(driver, element)[:2], sources) == ((None, 0), {"http://127.0.0.1:9"})
    driver.execute_script("arguments[0].leafletMap.setView([48, -3], 7)", element)
    wait_for(
        lambda: driver.execute_script("return arguments[0].leafletMap.getZoom()", element) == 7
    )
    assert basemap_shown(driver, element)[:2] == (None, 0)
