"""Errors as bilingual answers: plain text under /sparql, a page on the portal's pages
(:mod:`sparql_api.web.error_pages`), JSON elsewhere, never a traceback.

The core's plain exceptions (:mod:`sparql_api.core.errors`) are turned into HTTP answers here
and only here (:func:`api_error_for`); a blueprint that renders errors as pages (its own
``ApiError`` handler) renders these too.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, current_app, jsonify, request
from werkzeug.exceptions import HTTPException

from graph_loader.errors import StoreError
from sparql_api.core.errors import ClientBusy, GateFull, LaneFull, PoolBusy, StoreBusy
from sparql_api.web.error_pages import error_page, wants_page
from sparql_api.web.i18n import WEB, pick_lang

__all__ = [
    "ApiError",
    "api_error_for",
    "register_error_handlers",
    "request_lang",
    "error_response",
]

log = logging.getLogger(__name__)

_HTTP_KEYS = {
    404: WEB.mark("not_found"),
    405: WEB.mark("method_not_allowed"),
    413: WEB.mark("too_large"),
}

#: the text of an error page where the API's message speaks to a program
PAGE_KEYS = {
    "not_found": WEB.mark("page_missing_text"),
    "bad_request": WEB.mark("page_bad_request_text"),
}

#: blueprints whose errors answer in plain text (SPARQL clients), not JSON
TEXT_BLUEPRINTS = {"sparql", "sparql_write"}


class ApiError(Exception):
    """An answer with a 4xx/5xx status and the message ``key`` of :mod:`sparql_api.web.i18n`."""

    def __init__(self, status: int, key: str, **params: object):
        super().__init__(key)
        self.status = status
        self.key = key
        self.params = params
        self.headers: dict[str, str] = {}  # extra answer headers (Retry-After, Allow, …)

    def with_headers(self, **headers: str) -> ApiError:
        """This error, answered with ``headers`` (underscores become dashes)."""
        self.headers.update({k.replace("_", "-"): v for k, v in headers.items()})
        return self


def api_error_for(exc: StoreError | GateFull | PoolBusy | ClientBusy) -> ApiError:
    """The HTTP answer to an error of the core: 503 (429 for a client over its bound), with
    ``Retry-After`` when a retry helps."""
    if isinstance(exc, StoreBusy):  # a writer holds the store's lock
        return ApiError(503, WEB.mark("store_busy")).with_headers(Retry_After="5")
    if isinstance(exc, ClientBusy):
        seconds = str(exc.retry_after)
        error = ApiError(429, WEB.mark("client_busy"), limit=exc.limit, seconds=seconds)
        return error.with_headers(Retry_After=seconds)
    if isinstance(exc, LaneFull):
        seconds = exc.retry_after
        error = ApiError(
            503, WEB.mark("lane_full"), light=f"{exc.light:g}", slots=exc.slots, seconds=seconds
        )
        return error.with_headers(Retry_After=str(seconds))
    if isinstance(exc, GateFull):
        seconds = exc.retry_after
        error = ApiError(
            503, WEB.mark("role_busy"), role=exc.role, slots=exc.slots, seconds=seconds
        )
        return error.with_headers(Retry_After=str(seconds))
    if isinstance(exc, PoolBusy):
        return ApiError(503, WEB.mark("busy")).with_headers(Retry_After="1")
    return ApiError(503, WEB.mark("store_unavailable"))


def request_lang() -> str:
    """The language of the current request's messages (``?lang=``, then Accept-Language)."""
    return pick_lang(request.args.get("lang"), request.accept_languages)


def error_response(status: int, key: str, **params: object) -> Response:
    """The error answer for the current request: a page when a person asked for one."""
    if wants_page():
        response = error_page(status, PAGE_KEYS.get(key, key), **params)
        response.headers["Access-Control-Allow-Origin"] = "*"
        return response
    lang = request_lang()
    text = WEB.text(key, lang, **params)
    if request.blueprint in TEXT_BLUEPRINTS or request.path.startswith("/sparql"):
        response = Response(text + "\n", status=status, mimetype="text/plain")
    else:
        response = jsonify({"status": status, "error": key, "message": text, "lang": lang})
        response.status_code = status
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Content-Language"] = lang
    return response


def register_error_handlers(app: Flask) -> None:
    """Answer every error in the request's language."""

    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError):
        response = error_response(exc.status, exc.key, **exc.params)
        response.headers.update(exc.headers)
        return response

    @app.errorhandler(StoreError)
    @app.errorhandler(GateFull)
    @app.errorhandler(PoolBusy)
    @app.errorhandler(ClientBusy)
    def _core_error(exc: StoreError | GateFull | PoolBusy | ClientBusy):
        # answered as the ApiError it means, by the blueprint's handler when it has one
        return current_app.handle_user_exception(api_error_for(exc))

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        status = exc.code or 500
        response = error_response(status, _HTTP_KEYS.get(status, WEB.mark("bad_request")))
        if getattr(exc, "valid_methods", None):  # 405: say which methods are allowed
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.exception("unexpected error on %s %s", request.method, request.path)
        return error_response(500, WEB.mark("internal"))
