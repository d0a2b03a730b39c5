"""``/api/search``: faceted, cross-lingual search over the index (JSON).

The index is the app's :meth:`Catalogue.index() <sparql_api.core.catalogue.Catalogue.index>`.
:func:`search_page` is what the HTML portal calls.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from sparql_api.search.engine import SearchParams, run_search
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.http_errors import request_lang

__all__ = ["bp", "search_page"]

bp = Blueprint("search", __name__)


def search_page(args, lang: str) -> dict:
    """The ``run_search`` dict for request arguments ``args`` (400 ApiError when invalid)."""
    params = SearchParams.from_args(args)
    lang = params.lang or lang
    catalogue = get_catalogue()
    return run_search(catalogue.index(), params, lang, concepts=catalogue.concepts())


@bp.get("/api/search")
def search() -> Response:
    """One page of hits with the facet tree, flat facets and links (sparql_api.search.engine)."""
    lang = request_lang()
    payload = search_page(request.args, lang)
    response = jsonify(payload)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Content-Language"] = payload["lang"]
    return response
