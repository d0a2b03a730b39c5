"""The search surface's part of the OpenAPI description: ``/api/search``,
concepts, autocompletion."""

from __future__ import annotations

from sparql_api.web.openapi_parts import IRI, LANG, REPEATABLE, TEXT, msg, param

__all__ = ["OPERATIONS", "SEARCH_PARAMETERS", "SLUG"]

SLUG = param("slug", "path", "param.slug")

#: the parameters of ``/api/search`` (the portal's results page takes them too)
SEARCH_PARAMETERS = [
    param("q", "query", "param.get_api_search.q"),
    *[
        param(name, "query", "param.facet", schema=REPEATABLE, fill={"name": name})
        for name in ("theme", "pole", "centre", "type", "format", "licence")
    ],
    *[
        param(name, "query", "param.facet_iri", schema=REPEATABLE, fill={"name": name})
        for name in ("platform", "instrument")
    ],
    param("taxon", "query", "param.get_api_search.taxon", schema=REPEATABLE),
    param("bbox", "query", "param.get_api_search.bbox"),
    param("place", "query", "param.get_api_search.place", schema=REPEATABLE),
    param("start", "query", "param.get_api_search.start"),
    param("end", "query", "param.get_api_search.end"),
    param("vmin", "query", "param.get_api_search.vmin", schema={"type": "number"}),
    param("vmax", "query", "param.get_api_search.vmax", schema={"type": "number"}),
    param(
        "sort",
        "query",
        "param.get_api_search.sort",
        schema={"type": "string", "enum": ["relevance", "date", "title"]},
    ),
    param("page", "query", "param.get_api_search.page", schema={"type": "integer", "minimum": 1}),
    param(
        "size",
        "query",
        "param.get_api_search.size",
        schema={"type": "integer", "minimum": 1, "maximum": 100},
    ),
    LANG,
]

OPERATIONS: dict[tuple[str, str], dict] = {
    ("/api/concepts", "get"): {
        "summary": msg("op.get_api_concepts"),
        "parameters": [
            param("vocabulary", "query", "param.get_api_concepts.vocabulary"),
            IRI,
            param("tree", "query", "param.get_api_concepts.tree"),
            LANG,
        ],
        "responses": {"200": "application/json", "404": "application/json"},
    },
    ("/api/concepts/{slug}", "get"): {
        "summary": msg("op.get_api_concepts_slug"),
        "parameters": [SLUG, LANG],
        "responses": {"200": "application/json", "404": "application/json"},
    },
    ("/api/concepts/{slug}/tree", "get"): {
        "summary": msg("op.get_api_concepts_slug_tree"),
        "parameters": [SLUG, LANG],
        "responses": {"200": "application/json", "404": "application/json"},
    },
    ("/api/autocomplete", "get"): {
        "summary": msg("op.get_api_autocomplete"),
        "parameters": [
            param("q", "query", "param.get_api_autocomplete.q", required=True, schema=TEXT),
            param(
                "limit",
                "query",
                "param.get_api_autocomplete.limit",
                schema={"type": "integer", "minimum": 1, "maximum": 50},
            ),
            LANG,
        ],
        "responses": {"200": "application/json", "400": "application/json"},
    },
    ("/api/search", "get"): {
        "summary": msg("op.get_api_search"),
        "parameters": SEARCH_PARAMETERS,
        "responses": {"200": "application/json", "400": "application/json"},
    },
}
