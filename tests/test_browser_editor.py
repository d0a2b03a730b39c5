"""/editor in a real browser: YASGUI loads from the vendored files, runs a prefilled query
against /sparql and shows its rows; an example link puts its query in the editor."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest
from browser_support import browser_missing, chromium, screenshot, serve, wait_for
from http_support import app_over
from sparql_support import demo_store

MISSING = browser_missing()
pytestmark = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")

EXAMPLES = Path(__file__).resolve().parents[1] / "sparql_api" / "queries" / "examples"
SOFTWARE = (EXAMPLES / "4-software-used-with-a-dataset.rq").read_text(encoding="utf-8")
CENTRES = (EXAMPLES / "5-facet-count-by-data-centre.rq").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def base_url():
    with app_over(demo_store()) as app, serve(app) as url:
        yield url


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("chromium-editor"), lang="en") as driver:
        yield driver


def run_js(driver, script: str):
    return driver.execute_script(script)


def test_a_prefilled_query_runs_and_shows_its_rows(base_url, driver):
    driver.get(base_url + "/editor?lang=en&query=" + urllib.parse.quote(SOFTWARE))
    wait_for(lambda: run_js(driver, "return !!document.querySelector('.yasqe')"), 15, "YASQE")
    cells = wait_for(
        lambda: run_js(
            driver,
            "return Array.from(document.querySelectorAll('.yasr table tbody tr'))"
            ".map(r => r.innerText)",
        ),
        20,
        "the results table",
    )
    screenshot(driver, "editor-prefilled")
    assert len(cells) == 1
    assert "argopy" in cells[0] and "https://github.com/euroargodev/argopy" in cells[0]
    shown = run_js(driver, "return document.querySelector('.CodeMirror').CodeMirror.getValue()")
    assert "gaia:usedWithDataset dataset:argo-gdac-profiles" in shown


def test_an_example_link_puts_its_query_in_the_editor(base_url, driver):
    driver.get(base_url + "/editor?lang=fr")
    wait_for(lambda: run_js(driver, "return !!document.querySelector('.CodeMirror')"), 15)
    run_js(
        driver, "document.querySelector('a[data-example=\"5-facet-count-by-data-centre\"]').click()"
    )
    shown = wait_for(
        lambda: run_js(
            driver, "return document.querySelector('.CodeMirror').CodeMirror.getValue()"
        ),
        5,
    )
    assert "SELECT ?centre (SAMPLE(?name) AS ?label)" in shown
    assert driver.current_url.endswith("/editor?lang=fr")  # no page load: the editor changed
    screenshot(driver, "editor-example")


def test_a_new_tab_starts_with_the_project_prefixes(base_url, driver):
    driver.get(base_url + "/editor?lang=en")
    wait_for(lambda: run_js(driver, "return !!document.querySelector('.CodeMirror')"), 15)
    run_js(driver, "document.querySelector('.addTab').click()")
    shown = wait_for(
        lambda: run_js(
            driver,
            "var all = document.querySelectorAll('.CodeMirror');"
            "return all[all.length - 1].CodeMirror.getValue()",
        ),
        5,
    )
    assert "PREFIX dcat: <http://www.w3.org/ns/dcat#>" in shown
    assert "PREFIX gaia-thesaurus: <https://w3id.org/gaia-kg/thesaurus/>" in shown
    assert shown.endswith("SELECT * WHERE {\n  ?s ?p ?o\n}\nLIMIT 10\n")
