"""Quality of records: ``/api/records/<kind>/<slug>/quality`` (JSON), ``/quality/<kind>/<slug>``
and the ``/quality`` dashboard (HTML), in French and English."""

from __future__ import annotations

from flask import Blueprint, Response, g, jsonify, render_template, request

from sparql_api.portal.routes import bilingual
from sparql_api.quality.pages import record_payload, summary_payload
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.http_errors import ApiError, error_response, request_lang
from sparql_api.web.i18n import WEB

__all__ = ["bp"]

bp = Blueprint("quality", __name__)


def _store_and_base():
    catalogue = get_catalogue()
    return catalogue.store, catalogue.settings.base_iri


@bp.get("/api/records/<kind>/<slug>/quality")
def record_json(kind: str, slug: str) -> Response:
    """A record's score, FAIR dimension scores, measures and problems, as JSON."""
    lang = request_lang()
    store, base = _store_and_base()
    payload = record_payload(store, base, kind, slug, lang)
    response = jsonify(payload)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Content-Language"] = lang
    return response


def _html(template: str, status: int = 200, **context) -> tuple[str, int]:
    return render_template(template, **context), status


@bp.get("/quality/<kind>/<slug>")
def record_page(kind: str, slug: str):
    """A record's quality as a page: score, dimensions, measures, what to fix."""
    store, base = _store_and_base()
    return _html("quality_record.html", page=record_payload(store, base, kind, slug, g.page_lang))


@bp.get("/quality")
def dashboard():
    """Average quality per source and per data centre, with the most failed measures."""
    catalogue, lang = get_catalogue(), g.page_lang
    base = catalogue.settings.base_iri
    # averages over every record: computed once per state of the store and language
    page = catalogue.cached(("quality", lang), lambda: summary_payload(catalogue.store, base, lang))
    return _html("quality.html", page=page)


def _is_page() -> bool:
    return request.path.startswith("/quality")


bilingual(bp, _is_page)


@bp.errorhandler(ApiError)
def _api_error(exc: ApiError):
    if not _is_page():  # the API answers JSON, as the app's handler does
        response = error_response(exc.status, exc.key, **exc.params)
        response.headers.update(exc.headers)
        return response
    lang = g.get("page_lang", "en")
    text = WEB.text(exc.key, lang, **exc.params)
    return _html("error.html", exc.status, title=WEB.text("error_title", lang), text=text)
