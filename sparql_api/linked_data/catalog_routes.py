"""``/catalog``: the DCAT-AP 3 catalogue feed, paged with Hydra (Turtle by default; JSON-LD,
RDF/XML, N-Triples by ``?f=`` or ``Accept``)."""

from __future__ import annotations

from flask import Blueprint, Response, request

from sparql_api.linked_data.catalog_feed import (
    CatalogParams,
    FeedError,
    catalog_own_triples,
    catalog_page,
)
from sparql_api.linked_data.dereference import (
    FORMATS,
    RDF_FORMATS,
    UnknownFormat,
    choose_format,
    serialize,
)
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.http_errors import ApiError
from sparql_api.web.i18n import WEB

__all__ = ["bp", "feed_format"]

bp = Blueprint("catalog", __name__)


def feed_format() -> str:
    """The RDF format asked for (``?f=``, then ``Accept``); Turtle for browsers and by default."""
    accept = request.accept_mimetypes if request.headers.get("Accept") else None
    try:
        name = choose_format(None, request.args.get("f"), accept)
    except UnknownFormat as exc:
        known = ", ".join(RDF_FORMATS)
        raise ApiError(400, WEB.mark("unknown_format"), value=str(exc), known=known) from exc
    if name == "html":
        return "ttl"
    if name not in RDF_FORMATS:
        available = ", ".join(FORMATS[n].media_type for n in RDF_FORMATS)
        raise ApiError(406, WEB.mark("ld_not_acceptable"), available=available)
    return name


@bp.get("/catalog")
def catalog() -> Response:
    """One page of the feed."""
    try:
        params = CatalogParams.from_args(request.args)
    except FeedError as exc:
        raise ApiError(400, exc.key, **exc.params) from exc
    name = feed_format()
    catalogue = get_catalogue()
    base = catalogue.settings.base_iri
    # what the catalogue says of itself reads every record: kept while the store is unchanged
    own = catalogue.cached(
        ("catalog_own", base), lambda: catalog_own_triples(catalogue.store, base)
    )
    triples = catalog_page(catalogue.store, params, base, own=own)
    response = Response(serialize(triples, name), mimetype=FORMATS[name].media_type)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.vary.add("Accept")
    return response
