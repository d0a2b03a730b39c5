"""``/robots.txt``, ``/sitemap.xml`` and the VoID description at ``/.well-known/void``."""

from __future__ import annotations

from flask import Blueprint, Response, request

from sparql_api.core.numbers import whole_number
from sparql_api.linked_data.catalog_routes import feed_format
from sparql_api.linked_data.crawlers import robots_txt, sitemap, void_triples
from sparql_api.linked_data.dereference import FORMATS, serialize
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.http_errors import ApiError
from sparql_api.web.i18n import WEB

__all__ = ["bp"]

bp = Blueprint("crawlers", __name__)


def _answer(body: bytes | str, media: str) -> Response:
    response = Response(body, mimetype=media)
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.get("/robots.txt")
def robots() -> Response:
    return _answer(robots_txt(get_catalogue().settings.base_iri), "text/plain")


@bp.get("/sitemap.xml")
def sitemap_xml() -> Response:
    """The sitemap (or, past 50,000 pages, its index; ``?page=N`` for a part)."""
    raw = request.args.get("page")
    page = whole_number(raw) if raw is not None else None
    if raw is not None and (page is None or page < 1):
        raise ApiError(400, WEB.mark("feed_bad_int"), name="page", value=raw, high="∞")
    catalogue = get_catalogue()
    base = catalogue.settings.base_iri
    # every record read (5 s at 100k records): every part made at once, kept per state of the
    # store (about 100 bytes a page listed)
    body = catalogue.cached(("sitemap",), lambda: sitemap(catalogue.store, base)).get(page or None)
    if body is None:
        raise ApiError(404, WEB.mark("not_found"))
    return _answer(body, "application/xml")


@bp.get("/.well-known/void")
def void() -> Response:
    """The VoID description (Turtle by default; other RDF formats by ``?f=`` or Accept)."""
    name = feed_format()
    catalogue = get_catalogue()
    base = catalogue.settings.base_iri
    # counts over the whole store: computed once per state of the store and format
    body = catalogue.cached(
        ("void", name), lambda: serialize(void_triples(catalogue.store, base), name)
    )
    response = _answer(body, FORMATS[name].media_type)
    response.vary.add("Accept")
    return response
