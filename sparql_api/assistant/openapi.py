"""The discovery assistant's part of the OpenAPI description: ``/api/ask`` and ``/ask``."""

from __future__ import annotations

from sparql_api.assistant.routes import MAX_QUESTION
from sparql_api.web.openapi_parts import LANG, NOT_SPACE, SPACE, msg, param

__all__ = ["OPERATIONS"]

#: a question: something besides spaces, at most MAX_QUESTION characters once trimmed
QUESTION = {
    "type": "string",
    "pattern": rf"^{SPACE}*{NOT_SPACE}([\s\S]{{0,{MAX_QUESTION - 2}}}{NOT_SPACE})?{SPACE}*$",
}

OPERATIONS: dict[tuple[str, str], dict] = {
    ("/api/ask", "get"): {
        "summary": msg("op.get_api_ask"),
        "parameters": [
            param("q", "query", "param.get_api_ask.q", required=True, schema=QUESTION),
            LANG,
        ],
        "responses": {"200": "application/json", "400": "application/json"},
    },
    ("/ask", "get"): {
        "summary": msg("op.get_ask"),
        "parameters": [param("q", "query", "param.get_api_ask.q", schema=QUESTION), LANG],
        "responses": {"200": "text/html", "400": "text/html"},
    },
}
