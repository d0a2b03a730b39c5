"""The portal's part of the OpenAPI description: its HTML pages (home, compartments,
concepts, results) and the capabilities of a dataset's map service its page previews."""

from __future__ import annotations

from sparql_api.search.openapi import LAT, LON, SEARCH_PARAMETERS, SLUG
from sparql_api.web.openapi_parts import IRI_SCHEMA, LANG, msg, param

__all__ = ["OPERATIONS"]

OPERATIONS: dict[tuple[str, str], dict] = {
    ("/", "get"): {
        "summary": msg("op.get_"),
        "parameters": [LANG],
        "responses": {"200": "text/html"},
    },
    ("/compartments/{slug}", "get"): {
        "summary": msg("op.get_compartments_slug"),
        "parameters": [SLUG, LANG],
        "responses": {"200": "text/html", "302": "text/html", "404": "text/html"},
    },
    ("/concepts/{slug}", "get"): {
        "summary": msg("op.get_concepts_slug"),
        "parameters": [SLUG, LANG],
        "responses": {"200": "text/html", "404": "text/html"},
    },
    ("/search", "get"): {
        "summary": msg("op.get_search"),
        "parameters": [
            *SEARCH_PARAMETERS,
            *(
                param(side, "query", "param.get_search.side", schema=form, fill={"side": side})
                for side, form in (("west", LON), ("south", LAT), ("east", LON), ("north", LAT))
            ),
        ],
        "responses": {"200": "text/html", "303": "text/html", "400": "text/html"},
    },
    ("/api/map-capabilities", "get"): {
        "summary": msg("op.get_api_map_capabilities"),
        "parameters": [
            param(
                "dataset",
                "query",
                "param.get_api_map_capabilities.dataset",
                required=True,
                schema=IRI_SCHEMA,
            ),
            param(
                "url",
                "query",
                "param.get_api_map_capabilities.url",
                required=True,
                schema={"type": "string", "minLength": 1},
            ),
            LANG,
        ],
        "responses": {
            "200": "application/json",
            "400": "application/json",
            "403": "application/json",
            "404": "application/json",
            "502": "application/json",
        },
    },
}
