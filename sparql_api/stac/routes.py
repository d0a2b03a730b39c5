"""``/stac``: a STAC API (core, collections, item-search) over the datasets with a footprint."""

from __future__ import annotations

import dataclasses
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, jsonify, request

from graph_loader.errors import InputError
from graph_loader.jsonsafe import check_json_depth
from sparql_api.stac.api import (
    CONFORMANCE,
    MAX_LIMIT,
    StacError,
    collection_json,
    item_json,
    landing_page,
    load_collections,
)
from sparql_api.stac.search import SearchParams, box_matches, period_matches, search
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.http_errors import ApiError, request_lang
from sparql_api.web.i18n import WEB

__all__ = ["bp"]

bp = Blueprint("stac", __name__)


def _root() -> str:
    return request.host_url.rstrip("/") + "/stac"


def _json(payload: dict, media: str = "application/json") -> Response:
    response = jsonify(payload)
    response.mimetype = media
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def _collections() -> dict:
    """The collections, read again when the store changed (:meth:`Catalogue.cached`)."""
    catalogue = get_catalogue()
    return catalogue.cached(("stac_collections",), lambda: load_collections(catalogue.store))


def _params(args, *, body: bool = False) -> SearchParams:
    try:
        return SearchParams.from_mapping(args, body=body)
    except StacError as exc:
        raise ApiError(400, exc.key, **exc.params) from exc


@bp.get("/stac")
def landing() -> Response:
    return _json(landing_page(_root()))


@bp.get("/stac/conformance")
def conformance() -> Response:
    return _json({"conformsTo": CONFORMANCE})


#: collections in a page of ``/stac/collections`` when ``limit`` is not given: the whole
#: catalogue in one answer was 107 MB at 100k datasets (pages are linked by ``next``)
COLLECTIONS_PAGE = MAX_LIMIT


@bp.get("/stac/collections")
def collections() -> Response:
    """The collections, :data:`COLLECTIONS_PAGE` at a time (``limit``, ``page``), or those
    whose footprint and period match ``bbox`` and ``datetime`` (without arguments, the answer
    is kept per state of the store, host and language)."""
    params = _params(request.args)
    if "limit" not in request.args:
        params = dataclasses.replace(params, limit=COLLECTIONS_PAGE)
    root, lang = _root(), request_lang()
    if request.args:
        return _json(_collections_page(params, root, lang))
    catalogue = get_catalogue()
    body = catalogue.cached(
        ("stac_collections_page", root, lang),
        lambda: current_app.json.dumps(_collections_page(params, root, lang)),
    )
    response = Response(body, mimetype="application/json")
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def _collections_page(params: SearchParams, root: str, lang: str) -> dict:
    found = [
        c
        for c in _collections().values()
        if box_matches(params.bbox, c.bbox) and period_matches(params.datetime, c)
    ]
    start = (params.page - 1) * params.limit
    page = found[start : start + params.limit]
    links = [
        {"rel": "self", "href": request.url, "type": "application/json"},
        {"rel": "root", "href": root, "type": "application/json"},
    ]
    if start + params.limit < len(found):
        args = {**request.args.to_dict(), "limit": params.limit, "page": params.page + 1}
        href = f"{root}/collections?{urlencode(args)}"
        links.append({"rel": "next", "href": href, "type": "application/json"})
    return {
        "collections": [collection_json(c, root, lang) for c in page],
        "links": links,
        "numberMatched": len(found),
        "numberReturned": len(page),
    }


def _collection(cid: str):
    found = _collections().get(cid)
    if found is None:
        raise ApiError(404, WEB.mark("stac_not_found"), value=cid)
    return found


@bp.get("/stac/collections/<cid>")
def collection(cid: str) -> Response:
    return _json(collection_json(_collection(cid), _root(), request_lang()))


@bp.get("/stac/collections/<cid>/items")
def items(cid: str) -> Response:
    c = _collection(cid)
    args = {k: v for k, v in request.args.items() if k != "intersects"}  # not an OGC filter
    params = _params({**args, "collections": cid})
    root = _root()
    page = search(
        {cid: c}, params, root, base=f"{root}/collections/{cid}/items", self_href=request.url
    )
    return _json(page, "application/geo+json")


@bp.get("/stac/collections/<cid>/items/<iid>")
def item(cid: str, iid: str) -> Response:
    for candidate in _collection(cid).items:
        if candidate["iri"].rstrip("/").rsplit("/", 1)[-1] == iid:
            return _json(item_json(candidate, _root(), request_lang()), "application/geo+json")
    raise ApiError(404, WEB.mark("stac_not_found"), value=f"{cid}/{iid}")


@bp.route("/stac/search", methods=["GET", "POST"])
def item_search() -> Response:
    """Items by bbox, datetime, collections, ids; GET arguments or a POST JSON body."""
    if request.method == "POST":
        try:
            check_json_depth(request.get_data())
        except InputError as exc:  # deeper than any search: refused before decoding
            raise ApiError(400, WEB.mark("stac_bad_body")) from exc
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            raise ApiError(400, WEB.mark("stac_bad_body"))
        params, post, asked = _params(body, body=True), True, None
    else:
        params, post, asked = _params(request.args), False, request.url
    page = search(_collections(), params, _root(), post=post, self_href=asked)
    return _json(page, "application/geo+json")
