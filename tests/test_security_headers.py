"""Security headers on every answer: a Content-Security-Policy without inline scripts that the
portal, the map and the editor satisfy, no framing, nosniff, a referrer policy, HSTS over TLS
(issue 21)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_support import browser_missing, chromium, serve, wait_for
from http_support import app_over
from sparql_support import demo_store

TEMPLATES = Path(__file__).resolve().parents[1] / "sparql_api" / "templates"
PATHS = (
    "/",
    "/search?q=ozone",
    "/editor",
    "/sparql?query=ASK%7B%7D",
    "/api/search?q=ozone",
    "/openapi.json",
    "/static/style.css",
    "/no/such/page",
    "/account/signin",
    "/health",
)


@pytest.fixture(scope="module")
def app():
    with app_over(demo_store()) as app:
        yield app


def _directives(policy: str) -> dict[str, list[str]]:
    found = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            found[words[0]] = words[1:]
    return found


@pytest.mark.parametrize("path", PATHS)
def test_every_answer_carries_the_headers(app, path):
    response = app.test_client().get(path)
    response.close()
    assert response.status_code < 500, path
    headers = response.headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    policy = _directives(headers["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["default-src"]
    assert "Strict-Transport-Security" not in headers  # plain HTTP: no HSTS


def test_a_refused_host_gets_the_headers_too(app):
    response = app.test_client().get("/", headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert response.headers["X-Frame-Options"] == "DENY"


def test_hsts_over_tls_or_with_secure_cookies(app):
    response = app.test_client().get("/", base_url="https://localhost")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    with app_over(demo_store(), secure_cookies=True) as secure:
        response = secure.test_client().get("/health")
        assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_configured_map_tiles_are_allowed_as_images():
    tiles = "https://{s}.tile.example.org/{z}/{x}/{y}.png"
    with app_over(demo_store(), map_tiles=tiles) as app:
        policy = _directives(app.test_client().get("/").headers["Content-Security-Policy"])
    assert policy["img-src"] == ["'self'", "data:", "https://*.tile.example.org"]


def test_templates_hold_no_inline_script_nor_event_handler():
    for template in sorted(TEMPLATES.glob("*.html")):
        text = template.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", text):
            assert "src=" in tag or re.search(r'type="application/(ld\+)?json"', tag), (
                template.name,
                tag,
            )
        assert not re.search(r"\son[a-z]+\s*=", text), template.name
        assert "javascript:" not in text.lower(), template.name


BROWSER_MISSING = browser_missing()


@pytest.mark.skipif(BROWSER_MISSING is not None, reason=BROWSER_MISSING or "")
def test_the_portal_the_map_and_the_editor_break_no_policy(tmp_path):
    with app_over(demo_store()) as app, serve(app) as url:
        with chromium(tmp_path / "profile", lang="en", console=True) as driver:
            pages = {
                "/": "#q",
                "/search?q=ozone": ".leaflet-container",
                "/id/dataset/amma-atr42-aircraft": ".leaflet-container",
                "/editor?query=ASK%7B%7D": ".yasqe",
            }
            for path, ready in pages.items():
                driver.get(url + path)
                wait_for(
                    lambda ready=ready: driver.execute_script(
                        f"return !!document.querySelector('{ready}')"
                    ),
                    15,
                    path,
                )
                messages = [e["message"] for e in driver.get_log("browser")]
                assert not [m for m in messages if "Content Security Policy" in m], path


def test_the_nginx_example_sets_the_same_headers(app):
    from graph_loader.config import Settings
    from sparql_api.web.headers import content_security_policy

    conf = (TEMPLATES.parents[1] / "docs" / "nginx.conf.example").read_text(encoding="utf-8")
    added = dict(re.findall(r'^\s*add_header ([\w-]+) "([^"]+)" always;', conf, re.M))
    assert added["Content-Security-Policy"] == content_security_policy(Settings())
    headers = app.test_client().get("/").headers
    for name in ("X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"):
        assert added[name] == headers[name], name
    assert "# add_header Strict-Transport-Security" in conf
