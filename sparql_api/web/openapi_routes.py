"""``/openapi.json``: the API described in OpenAPI 3.1, in English or French."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from sparql_api.web.http_errors import request_lang
from sparql_api.web.openapi import openapi_document

__all__ = ["bp"]

bp = Blueprint("openapi", __name__)


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI document (``?lang=fr`` for French summaries)."""
    response = jsonify(openapi_document(request_lang()))
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Vary"] = "Accept-Language"
    return response
