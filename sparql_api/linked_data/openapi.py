"""The linked data surface's part of the OpenAPI description: ``/id``, DOIs, resources, the
catalogue feed, what crawlers read."""

from __future__ import annotations

from sparql_api.linked_data.catalog_feed import MAX_PAGE, MAX_SIZE
from sparql_api.linked_data.dereference import F_ALIASES, FORMATS, RDF_FORMATS
from sparql_api.web.openapi_parts import IRI, IRI_SCHEMA, LANG, PAGE_OR_JSON, RDF, msg, param

__all__ = ["OPERATIONS"]

LD_FORMAT = param(
    "f",
    "query",
    "param.ld_format",
    schema={"type": "string", "enum": [*FORMATS, *F_ALIASES]},
)

#: the feeds' ``?f=``: an RDF format (``html``, a browser's, is answered in Turtle)
FEED_FORMAT = param(
    "f",
    "query",
    "param.ld_format",
    schema={
        "type": "string",
        "enum": [
            "html",
            *RDF_FORMATS,
            *(alias for alias, name in F_ALIASES.items() if name in RDF_FORMATS),
        ],
    },
)

#: a feed filter: a name in the filter's namespace (lower case), or an http(s) IRI
FEED_NAME = {
    "anyOf": [
        {"type": "string", "pattern": "^([a-z0-9][a-z0-9._~-]*)?$"},
        {"type": "string", "format": "iri", "pattern": "^https?://"},
    ]
}

#: what a resource's page is negotiated among: HTML, RDF, a linkset
DESCRIPTIONS = ("text/html", *RDF, "application/linkset+json")

OPERATIONS: dict[tuple[str, str], dict] = {
    ("/api/resources", "get"): {
        "summary": msg("op.get_api_resources"),
        "parameters": [{**IRI, "required": True}, LANG],
        "responses": {
            "200": "application/json",
            "400": "application/json",
            "404": "application/json",
        },
    },
    ("/api/resources/{rid}", "get"): {
        "summary": msg("op.get_api_resources_rid"),
        "parameters": [param("rid", "path", "param.get_api_resources_rid.rid"), LANG],
        "responses": {"200": "application/json", "404": "application/json"},
    },
    ("/id/{kind}/{slug}", "get"): {
        "summary": msg("op.get_id_kind_slug"),
        "parameters": [
            param("kind", "path", "param.get_id_kind_slug.kind"),
            param("slug", "path", "param.get_id_kind_slug.slug"),
            LD_FORMAT,
            LANG,
        ],
        "responses": {
            "200": DESCRIPTIONS,
            "400": PAGE_OR_JSON,
            "404": "text/html",
            "406": "application/json",
        },
    },
    ("/id", "get"): {
        "summary": msg("op.get_id"),
        "parameters": [
            param("uri", "query", "param.get_id.uri", required=True, schema=IRI_SCHEMA),
            LD_FORMAT,
            LANG,
        ],
        "responses": {
            "200": DESCRIPTIONS,
            "303": "text/html",
            "400": PAGE_OR_JSON,
            "404": "text/html",
            "406": "application/json",
        },
    },
    ("/doi/{doi}", "get"): {
        "summary": msg("op.get_doi_doi"),
        "parameters": [param("doi", "path", "param.get_doi_doi.doi")],
        "responses": {"303": "text/html", "404": "text/html"},
    },
    ("/catalog", "get"): {
        "summary": msg("op.get_catalog"),
        "parameters": [
            param(
                "modified-since",
                "query",
                "param.get_catalog.modified-since",
                schema={
                    "anyOf": [
                        {"type": "string", "maxLength": 0},
                        {"type": "string", "format": "date"},
                        {"type": "string", "format": "date-time"},
                    ]
                },
            ),
            param("pole", "query", "param.get_catalog.pole", schema=FEED_NAME),
            param("concept", "query", "param.get_catalog.concept", schema=FEED_NAME),
            param(
                "page",
                "query",
                "param.get_catalog.page",
                schema={"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
            ),
            param(
                "size",
                "query",
                "param.get_catalog.size",
                schema={"type": "integer", "minimum": 1, "maximum": MAX_SIZE},
            ),
            FEED_FORMAT,
        ],
        "responses": {"200": RDF, "400": "application/json", "406": "application/json"},
    },
    ("/robots.txt", "get"): {
        "summary": msg("op.get_robots_txt"),
        "parameters": [],
        "responses": {"200": "text/plain"},
    },
    ("/sitemap.xml", "get"): {
        "summary": msg("op.get_sitemap_xml"),
        "parameters": [
            param(
                "page",
                "query",
                "param.get_sitemap_xml.page",
                schema={"type": "integer", "minimum": 1},
            )
        ],
        "responses": {
            "200": "application/xml",
            "400": "application/json",
            "404": "application/json",
        },
    },
    ("/.well-known/void", "get"): {
        "summary": msg("op.get__well-known_void"),
        "parameters": [FEED_FORMAT],
        "responses": {"200": RDF, "400": "application/json", "406": "application/json"},
    },
}
