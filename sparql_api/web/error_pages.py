"""Errors on the portal's pages answered as pages: in the reader's language, with the site's
header, saying what went wrong and what to do (machine routes keep their JSON or text).

A request asks for a page unless its path is a machine surface (:data:`MACHINE_PREFIXES`: the
JSON API, SPARQL, STAC, OAI-PMH, feeds, static files) or its ``Accept`` prefers another format
to HTML. Its language is :func:`page_lang`: ``?lang=``, then the ``lang`` cookie, then
``Accept-Language``.
"""

from __future__ import annotations

import logging

from flask import Response, g, render_template, request
from markupsafe import escape

from sparql_api.web.i18n import LANGUAGES, WEB, other_lang, pick_lang

__all__ = [
    "LANG_COOKIE",
    "MACHINE_PREFIXES",
    "error_page",
    "page_lang",
    "wants_page",
]

log = logging.getLogger(__name__)

#: the cookie remembering the language a reader chose
LANG_COOKIE = "lang"

#: paths whose answers are for programs: their errors stay JSON (or text, for SPARQL)
MACHINE_PREFIXES = (
    "/api/",
    "/sparql",
    "/stac",
    "/oai",
    "/catalog",
    "/health",
    "/openapi.json",
    "/.well-known/",
    "/robots.txt",
    "/sitemap.xml",
    "/static/",
)

#: what a client may prefer to a page (the formats the linked-data routes negotiate)
MACHINE_TYPES = (
    "application/json",
    "application/ld+json",
    "text/turtle",
    "application/rdf+xml",
    "application/n-triples",
    "application/linkset+json",
)

#: the title of an error page, by status (else :data:`DEFAULT_TITLE`)
TITLES = {
    404: WEB.mark("not_found_title"),
    500: WEB.mark("internal_title"),
    503: WEB.mark("unavailable_title"),
}
DEFAULT_TITLE = WEB.mark("error_title")

#: the error page when the site's page cannot be drawn
PLAIN = '<!DOCTYPE html><html lang="{lang}"><title>{title}</title><h1>{title}</h1><p>{text}</p>'


def page_lang() -> str:
    """``?lang=`` if known, else the ``lang`` cookie, else the best of Accept-Language."""
    for candidate in (request.args.get("lang"), request.cookies.get(LANG_COOKIE)):
        if candidate in LANGUAGES:
            return candidate
    return pick_lang(None, request.accept_languages)


def wants_page() -> bool:
    """Whether the current request is a person's, on a portal page (not a machine route)."""
    if request.path.startswith(MACHINE_PREFIXES):
        return False
    accept = request.accept_mimetypes
    return not accept.provided or accept.best_match(("text/html", *MACHINE_TYPES)) == "text/html"


def error_page(
    status: int, key: str, *, fix: tuple[str, str] | None = None, **params: object
) -> Response:
    """The error page for the current request: the message ``key`` under a title telling
    ``status``, in the page's language (the one its blueprint chose, else the reader's), with
    ``fix`` (a link's text and address) when there is a way to put the request right."""
    lang = g.get("page_lang") or page_lang()
    g.page_lang = lang
    title, text = WEB.text(TITLES.get(status, DEFAULT_TITLE), lang), WEB.text(key, lang, **params)
    try:
        html = render_template(
            "error.html", title=title, text=text, fix=fix, lang=lang, other_lang=other_lang(lang)
        )
    except Exception:  # noqa: BLE001 - a part of the page fails too (the user database)
        log.exception("the error page could not be drawn")
        html = PLAIN.format(lang=lang, title=escape(title), text=escape(text))
    response = Response(html, status=status, mimetype="text/html")
    response.headers["Content-Language"] = lang
    response.vary.update(("Accept", "Accept-Language", "Cookie"))
    return response
