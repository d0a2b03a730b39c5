"""axe-core (npm, ``.ci/install-axe.sh``) run in headless Chromium over the portal's pages — the
home, results, a facet applied, a dataset, a concept, the collections, the sign-in page, the
SPARQL editor, an error page — at desktop and phone widths, signed in where the page needs it:
no serious or critical violation (WCAG 2.1 A and AA rules and axe's best practices); and the
page as the browser shows it, scripts run (suggestions, map, editor), holds none of the other
language's messages (tests/language_support.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from accounts_support import ARGO, Visitor, accounts_app
from browser_support import browser_missing, chromium, screenshot, serve, wait_for
from concept_support import demo_store
from language_support import other_language_on

from graph_loader.inference import rebuild_inference

AXE = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
MISSING = browser_missing() or (
    None if AXE.is_file() else f"{AXE} is absent (run .ci/install-axe.sh): axe checks skipped"
)
pytestmark = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")

SIZES = {"desktop": (1366, 768), "phone": (390, 844)}
ANONYMOUS = {
    "signin": "/account/signin?lang=fr",
    "missing": "/no/such/page?lang=fr",
}
PAGES = {
    "home": "/?lang=fr",
    "results": "/search?q=ozone&lang=fr",
    "facet": "/search?theme=aerosols&centre=sedoo&lang=fr",
    "dataset": "/id/dataset/amma-atr42-aircraft?lang=fr",
    "dataset-en": "/id/dataset/amma-atr42-aircraft?lang=en",
    "concept": "/concepts/aerosols?lang=fr",
    "compartment": "/compartments/ocean?lang=en",
    "tutorials": "/search?type=tutorial&lang=en",  # the header's listings, a tutorial, a tool
    "tutorial": "/id/tutorial/obspy-tutorial?lang=fr",
    "tool": "/id/software/pyaerocom?lang=en",
    "collections": "/collections?lang=fr",
    "editor": "/editor?lang=fr",
}

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                                    'best-practice']}})
  .then(r => done(JSON.stringify(r.violations.map(v => ({
      id: v.id, impact: v.impact,
      nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + n.failureSummary.split('\\n')[1])})))))
  .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', nodes: [String(e)]}])));
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The demo served with a user database, and a signed-in visitor's session cookie (with
    a collection holding one dataset)."""
    store = demo_store()
    rebuild_inference(store)
    with accounts_app(tmp_path_factory.mktemp("users"), store=store) as app, serve(app) as url:
        ada = Visitor(app)
        ada.sign_up("ada@example.org")
        cid = ada.new_collection("Aérosols")
        ada.post("/collections/add", {"iri": ARGO, "collection": str(cid)})
        yield url, ada.client.get_cookie("gaia_session").value, cid


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("axe-profile"), lang="fr") as driver:
        driver.set_script_timeout(60)
        yield driver


def serious(driver, url: str) -> list[str]:
    """The serious and critical violations axe finds on ``url``, one line per element, and
    the other language's messages shown."""
    driver.get(url)
    wait_for(lambda: driver.execute_script("return document.readyState") == "complete")
    wait_for(  # a page with a map is checked once the map is drawn
        lambda: driver.execute_script(
            "return [...document.querySelectorAll('.map')].every(m => m.dataset.ready)"
        ),
        what="maps",
    )
    lang = driver.execute_script("return document.documentElement.lang")
    foreign = [f"other language: {text}" for text in other_language_on(driver.page_source, lang)]
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    violations = json.loads(driver.execute_async_script(RUN_AXE))
    return foreign + [
        f"{v['id']} ({v['impact']}): {node}"
        for v in violations
        if v["impact"] in ("serious", "critical")
        for node in v["nodes"]
    ]


@pytest.mark.parametrize("size", sorted(SIZES))
def test_no_serious_violation_on_the_portals_pages(site, driver, size):
    base, cookie, cid = site
    driver.set_window_size(*SIZES[size])
    found = {}
    driver.get(base + "/robots.txt")
    driver.delete_all_cookies()
    for name, path in ANONYMOUS.items():
        found[name] = serious(driver, base + path)
        screenshot(driver, f"a11y-{size}-{name}")
    driver.add_cookie({"name": "gaia_session", "value": cookie, "path": "/"})
    for name, path in {**PAGES, "collection": f"/collections/{cid}?lang=fr"}.items():
        found[name] = serious(driver, base + path)
        screenshot(driver, f"a11y-{size}-{name}")
    found = {name: lines for name, lines in found.items() if lines}
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)
