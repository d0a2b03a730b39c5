"""``/api/search``: faceted, cross-lingual search over the index (JSON).

The index is opened once per process from ``Settings.index_path()``; with an in-memory
store (tests, ``:memory:``) it is built in memory from the store on first use and rebuilt
when the store's triple count changes. :func:`search_page` is what the HTML portal calls.
"""

from __future__ import annotations

import threading

from flask import Blueprint, Response, current_app, jsonify, request

from graph_loader.errors import StoreError
from graph_loader.index import SearchIndex, rebuild
from sparql_api.search.concepts_routes import get_concept_index
from sparql_api.search.engine import SearchParams, run_search
from sparql_api.web.backend import get_backend
from sparql_api.web.http_errors import ApiError, request_lang

__all__ = ["bp", "SEARCH_EXTENSION", "get_search_index", "search_page"]

bp = Blueprint("search", __name__)

SEARCH_EXTENSION = "gaia_kg_search"


class _IndexHolder:
    """The search index of one app (opened or built on first use)."""

    def __init__(self) -> None:
        self.index: SearchIndex | None = None
        self.built_for: int | None = None
        self.lock = threading.Lock()

    def get(self) -> SearchIndex:
        backend = get_backend()
        path = backend.settings.index_path()
        with self.lock:
            if path is not None:
                if self.index is None:
                    self.index = SearchIndex.open(path)
                return self.index
            store = backend.store  # in memory: a projection of the store, rebuilt on change
            size = store.triple_count()
            if self.index is None or self.built_for != size:
                index = SearchIndex.open(None)
                rebuild(index, store, threads=1)
                self.index, self.built_for = index, size
            return self.index


@bp.record_once
def _init(state) -> None:
    state.app.extensions.setdefault(SEARCH_EXTENSION, _IndexHolder())


def get_search_index() -> SearchIndex:
    """The search index of the current app."""
    try:
        return current_app.extensions[SEARCH_EXTENSION].get()
    except StoreError as exc:
        raise ApiError(503, "store_unavailable") from exc


def search_page(args, lang: str) -> dict:
    """The ``run_search`` dict for request arguments ``args`` (400 ApiError when invalid)."""
    params = SearchParams.from_args(args)
    lang = params.lang or lang
    return run_search(get_search_index(), params, lang, concepts=get_concept_index())


@bp.get("/api/search")
def search() -> Response:
    """One page of hits with the facet tree, flat facets and links (sparql_api.search.engine)."""
    lang = request_lang()
    payload = search_page(request.args, lang)
    response = jsonify(payload)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Content-Language"] = payload["lang"]
    return response
