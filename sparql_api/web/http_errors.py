"""Errors as bilingual answers: plain text under /sparql, JSON elsewhere, never a traceback."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from sparql_api.web.i18n import message, pick_lang

__all__ = ["ApiError", "register_error_handlers", "request_lang", "error_response"]

log = logging.getLogger(__name__)

_HTTP_KEYS = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}

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


def request_lang() -> str:
    """The language of the current request's messages (``?lang=``, then Accept-Language)."""
    return pick_lang(request.args.get("lang"), request.accept_languages)


def error_response(status: int, key: str, **params: object) -> Response:
    """The error answer for the current request."""
    lang = request_lang()
    text = message(key, lang, **params)
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

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        status = exc.code or 500
        response = error_response(status, _HTTP_KEYS.get(status, "bad_request"))
        if getattr(exc, "valid_methods", None):  # 405: say which methods are allowed
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.exception("unexpected error on %s %s", request.method, request.path)
        return error_response(500, "internal")
