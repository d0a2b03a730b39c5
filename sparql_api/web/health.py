"""``/health``: is the store readable, how much does it hold, and how far behind the store's
change feed is this process's search index."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, jsonify

from graph_loader import __version__
from graph_loader.index.follow import index_lag
from graph_loader.store import Store
from graph_loader.terms import RECORD_GRAPH
from sparql_api.core.rq import load_query
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.http_errors import request_lang
from sparql_api.web.i18n import WEB

__all__ = ["bp", "store_status"]

log = logging.getLogger(__name__)

bp = Blueprint("health", __name__)


def store_status(store: Store) -> dict:
    """Backend name, number of triples and of record graphs of ``store``, counted once per
    snapshot of a read-only store (:attr:`~graph_loader.store.Store.memo`): counting the
    triples reads them all (0.5 s at 100k datasets), and a load balancer asks every few
    seconds."""
    return store.memo.get(store.snapshot(), "store_status", lambda: _counted(store))


def _counted(store: Store) -> dict:
    rows = store.select(load_query("record_count"), {"recordGraph": RECORD_GRAPH})
    return {
        "backend": store.backend,
        "triples": store.triple_count(),
        "records": int(rows[0]["n"].value),
    }


@bp.get("/health")
def health() -> Response:
    """200 with the store's figures, or 503 when the store cannot be read."""
    try:
        catalogue = get_catalogue()
        store = store_status(catalogue.store)
        lag = index_lag(catalogue.index(), catalogue.store).as_dict()
        body = {"status": "ok", "version": __version__, "store": store, "index": lag}
        status = 200
    except Exception as exc:  # any failure to read the store means "unavailable"
        log.warning("health check failed: %s", exc)
        lang = request_lang()
        body = {
            "status": "unavailable",
            "version": __version__,
            "message": WEB.text("store_unavailable", lang),
            "lang": lang,
        }
        status = 503
    response = jsonify(body)
    response.status_code = status
    return response
