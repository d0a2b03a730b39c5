"""The quality surface's part of the OpenAPI description: FAIR scores as JSON and HTML."""

from __future__ import annotations

from sparql_api.web.openapi_parts import LANG, msg, param

__all__ = ["OPERATIONS"]

#: a record's kind and local name, as in its IRI ``/id/<kind>/<slug>``
KIND = param("kind", "path", "param.record_kind")
SLUG = param("slug", "path", "param.record_slug")

OPERATIONS: dict[tuple[str, str], dict] = {
    ("/api/records/{kind}/{slug}/quality", "get"): {
        "summary": msg("op.get_api_records_kind_slug_quality"),
        "parameters": [KIND, SLUG, LANG],
        "responses": {"200": "application/json", "404": "application/json"},
    },
    ("/quality/{kind}/{slug}", "get"): {
        "summary": msg("op.get_quality_kind_slug"),
        "parameters": [KIND, SLUG, LANG],
        "responses": {"200": "text/html", "404": "text/html"},
    },
    ("/quality", "get"): {
        "summary": msg("op.get_quality"),
        "parameters": [LANG],
        "responses": {"200": "text/html"},
    },
}
