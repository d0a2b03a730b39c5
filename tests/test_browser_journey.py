"""The portal's journey in a real headless browser (Debian's Chromium through Selenium) over
the real app served by waitress, with a screenshot of each step in
``test-artifacts/screenshots/``: type "aéro", pick the suggestion, refine by a facet, draw a
box on the map, open a dataset, switch to English, follow a related publication."""

from __future__ import annotations

import json
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_support import browser_missing, chromium, screenshot, serve, wait_for
from concept_support import demo_store
from http_support import app_over

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


def test_suggestions_while_typing(base_url, driver):
    from selenium.webdriver.common.keys import Keys

    driver.get(base_url + "/?lang=fr")
    assert driver.find_element("tag name", "html").get_attribute("lang") == "fr"
    box = driver.find_element("id", "q")
    box.send_keys("aéro")
    wait_for(lambda: by_css(driver, "#suggestions .suggestion.concept"), what="suggestions")
    expected = api(base_url, "/api/autocomplete?q=a%C3%A9ro&lang=fr&limit=6")["suggestions"]
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
    wait_for(lambda: urlsplit(driver.current_url).path == "/search", what="the results page")
    assert parse_qs(urlsplit(driver.current_url).query) == {"theme": ["aerosols"], "lang": ["fr"]}
