"""The portal's layout in headless Chromium at a laptop's size (1366×768) and a phone's
(390×844), with screenshots in ``test-artifacts/screenshots/``: the hits beside the map and on
the first screen of a laptop, above the map on a phone; French suggestions that break between
words, not letters, on a phone; a global footprint shown without a world at zoom 1 with grey
bands above the poles."""

from __future__ import annotations

import pytest
from browser_support import browser_missing, chromium, screenshot, serve, wait_for
from concept_support import demo_store
from http_support import app_over

from graph_loader.inference import rebuild_inference

MISSING = browser_missing()
pytestmark = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")

LAPTOP, PHONE = (1366, 768), (390, 844)

BOXES = """
function box(css) { var e = document.querySelector(css); if (!e) return null;
  var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }
return {hit: box('.hits .hit'), results: box('.results'), map: box('#map'),
        height: window.innerHeight};
"""


@pytest.fixture(scope="module")
def base_url():
    store = demo_store()
    rebuild_inference(store)
    with app_over(store) as app, serve(app) as url:
        yield url


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("layout-profile"), lang="fr") as driver:
        yield driver


def open_page(driver, url: str, size: tuple[int, int]) -> None:
    driver.set_window_size(*size)
    driver.get(url)
    wait_for(lambda: driver.execute_script("return document.readyState") == "complete")
    wait_for(
        lambda: driver.execute_script(
            "return [...document.querySelectorAll('.map')].every(m => m.dataset.ready)"
        ),
        what="maps",
    )


def test_hits_beside_the_map_on_a_laptops_first_screen(base_url, driver):
    open_page(driver, base_url + "/search?theme=aerosols&lang=fr", LAPTOP)
    boxes = driver.execute_script(BOXES)
    screenshot(driver, "layout-laptop-results")
    hit, results, map_ = boxes["hit"], boxes["results"], boxes["map"]
    assert hit[3] < boxes["height"]  # the whole first hit on the first screen
    assert map_[0] >= results[2]  # the map to the right of the hits
    assert map_[1] < boxes["height"]  # and in view beside them


def test_hits_above_the_map_on_a_phone(base_url, driver):
    open_page(driver, base_url + "/search?theme=aerosols&lang=fr", PHONE)
    boxes = driver.execute_script(BOXES)
    screenshot(driver, "layout-phone-results")
    assert boxes["hit"][1] < boxes["height"]  # the first hit starts on the first screen
    assert boxes["map"][1] > boxes["results"][3]  # the map comes after the hits
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


LABEL_LINES = """
return Array.from(document.querySelectorAll('#suggestions .suggest-label')).map(function (e) {
  var words = e.textContent.trim().split(/\\s+/).length;
  var line = parseFloat(getComputedStyle(e).lineHeight);
  return [e.textContent.trim(), Math.round(e.getBoundingClientRect().height / line), words];
});
"""


def test_french_suggestions_break_between_words_on_a_phone(base_url, driver):
    open_page(driver, base_url + "/?lang=fr", PHONE)
    driver.find_element("id", "q").send_keys("tempé")
    shown = wait_for(lambda: driver.execute_script(LABEL_LINES), what="suggestions")
    screenshot(driver, "layout-phone-suggestions")
    assert len(shown) >= 3
    assert [(label, lines) for label, lines, words in shown if lines > words] == []
    assert "Température atmosphérique" in [label for label, _, _ in shown]


def test_a_global_footprint_fills_the_map_without_grey_bands(base_url, driver):
    for name, size in (("laptop", LAPTOP), ("phone", PHONE)):
        open_page(driver, base_url + "/id/dataset/altimeter-wave-climate?lang=fr", size)
        element = driver.find_element("id", "dataset-map")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        zoom, south, north, west, east = driver.execute_script(
            "var m = arguments[0].leafletMap, b = m.getBounds();"
            "return [m.getZoom(), b.getSouth(), b.getNorth(), b.getWest(), b.getEast()];",
            element,
        )
        screenshot(driver, f"layout-{name}-global-footprint")
        assert -85.06 <= south < north <= 85.06  # nothing beyond the poles' edge of the map
        assert east - west >= 180  # a good part of the globe, not one region
        width = element.size["width"]
        assert 256 * 2**zoom >= element.size["height"] and 256 * 2**zoom <= 2 * width
