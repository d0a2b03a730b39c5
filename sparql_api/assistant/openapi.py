"""The discovery assistant's part of the OpenAPI description: ``/api/ask`` and ``/ask``."""

from __future__ import annotations

from sparql_api.web.openapi_parts import LANG, msg, param

__all__ = ["OPERATIONS"]

OPERATIONS: dict[tuple[str, str], dict] = {
    ("/api/ask", "get"): {
        "summary": msg("op.get_api_ask"),
        "parameters": [param("q", "query", "param.get_api_ask.q", required=True), LANG],
        "responses": {"200": "application/json", "400": "application/json"},
    },
    ("/ask", "get"): {
        "summary": msg("op.get_ask"),
        "parameters": [param("q", "query", "param.get_api_ask.q"), LANG],
        "responses": {"200": "text/html", "400": "text/html"},
    },
}
