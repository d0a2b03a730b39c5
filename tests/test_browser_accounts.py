"""The personal space in a real headless browser (Chromium through Selenium) over the real
app served by waitress, signing in through a real OpenID Provider (oidc-provider run by
Node), with screenshots in ``test-artifacts/screenshots/``: sign in, add two datasets to a new
collection from the search results, export it as BibTeX, share it, sign out, and open the
share link anonymously."""

from __future__ import annotations

import re

import pytest
from accounts_support import AMMA, ARGO, accounts_app
from browser_support import browser_missing, chromium, screenshot, serve, wait_for
from oidc_support import SECRET, free_port, oidc_provider

MISSING = browser_missing()
pytestmark = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")


def by_css(driver, css: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, css)


def at(driver, path: str) -> bool:
    return driver.current_url.split("?")[0].endswith(path) and (
        driver.execute_script("return document.readyState") == "complete"
    )


def test_sign_in_collect_from_search_export_share(tmp_path):
    provider_port = free_port()
    issuer = f"http://127.0.0.1:{provider_port}"
    options = dict(
        oidc_issuer=issuer,
        oidc_client_id="gaia-kg",
        oidc_client_secret=SECRET,
        oidc_label="Data Terra",
    )
    with accounts_app(tmp_path, **options) as app, serve(app) as base:
        with (
            oidc_provider(base + "/account/oidc/callback", provider_port),
            chromium(tmp_path / "profile", lang="en") as driver,
        ):
            # sign in through the provider's login and consent pages
            driver.get(base + "/account/signin?next=/search%3Ftype%3Ddataset")
            by_css(driver, "#oidc-login")[0].click()
            wait_for(lambda: by_css(driver, "input[name=login]"), what="the provider's login")
            by_css(driver, "input[name=login]")[0].send_keys("ada")
            by_css(driver, "input[name=password]")[0].send_keys("any password")
            screenshot(driver, "accounts-1-provider-login")
            by_css(driver, "button[type=submit]")[0].click()
            wait_for(lambda: "consent" in driver.page_source or at(driver, "/search"))
            if not at(driver, "/search"):
                by_css(driver, "button[type=submit]")[0].click()
            wait_for(lambda: at(driver, "/search"), what="back on the search page")
            # add the two datasets to a new collection, from the results
            forms = by_css(driver, "li.hit form.hit-add")
            assert len(forms) == 2
            first_iri = (
                forms[0].find_element("css selector", "input[name=iri]").get_attribute("value")
            )
            forms[0].find_element("css selector", "select option[value='']").click()
            forms[0].find_element("css selector", "input[name=title]").send_keys("Campagne AMMA")
            forms[0].find_element("css selector", "button").click()
            wait_for(lambda: at(driver, "/search") and by_css(driver, "li.hit form.hit-add option"))
            second = by_css(driver, "li.hit form.hit-add")[1]
            chosen = second.find_element("css selector", "select option:checked").text
            assert chosen == "Campagne AMMA"
            second.find_element("css selector", "button").click()
            wait_for(lambda: at(driver, "/search"))
            screenshot(driver, "accounts-2-search-results")
            driver.get(base + "/collections")
            by_css(driver, "#collections a")[0].click()
            wait_for(lambda: by_css(driver, "li[data-iri]"), what="the collection page")
            items = [li.get_attribute("data-iri") for li in by_css(driver, "li[data-iri]")]
            assert items == [first_iri, ({ARGO, AMMA} - {first_iri}).pop()]
            wait_for(lambda: by_css(driver, "#collection-map .leaflet-interactive"), what="the map")
            screenshot(driver, "accounts-3-collection-map")
            # export as BibTeX (fetched by the page, with its session cookie)
            href = by_css(driver, "#export a[href$='/export/bib']")[0].get_attribute("href")
            bib = driver.execute_async_script(
                "fetch(arguments[0]).then(r => r.text()).then(arguments[1])", href
            )
            assert sorted(re.findall(r"@misc\{([^,]+),", bib)) == [
                "AMMA-RS-2006",
                "https___doi_org_10_17882_42182",
            ]
            # share, then sign out
            by_css(driver, "#share button")[0].click()
            wait_for(lambda: by_css(driver, "#share-url"), what="the share link")
            share = by_css(driver, "#share-url")[0].get_attribute("value")
            screenshot(driver, "accounts-4-collection-share")
            driver.get(base + "/account")
            by_css(driver, "form[action='/account/signout'] button")[0].click()
            wait_for(lambda: at(driver, "/"), what="the home page")
            driver.get(base + "/collections")
            wait_for(lambda: at(driver, "/account/signin"), what="signed out")
            # the share link, anonymously: read-only
            driver.get(share)
            wait_for(lambda: by_css(driver, "li[data-iri]"), what="the shared collection")
            assert by_css(driver, "h1")[0].text == "Campagne AMMA"
            assert len(by_css(driver, "li[data-iri]")) == 2
            assert "Shared collection, read-only." in driver.page_source
            assert by_css(driver, "main form") == []
            screenshot(driver, "accounts-5-shared-anonymous")
