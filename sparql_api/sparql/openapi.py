"""The SPARQL endpoint's part of the OpenAPI description: query, update,
Graph Store Protocol, editor."""

from __future__ import annotations

from sparql_api.web.openapi_parts import IRI_SCHEMA, IRIS, LANG, PAGE_OR_JSON, RDF, msg, param

__all__ = ["OPERATIONS"]

#: a SPARQL query or update: its grammar is beyond a JSON Schema, so a named format, with
#: its media type (JSON Schema's ``contentMediaType``); a blank text is not SPARQL
QUERY_TEXT = {
    "type": "string",
    "format": "sparql-query",
    "contentMediaType": "application/sparql-query",
}
UPDATE_TEXT = {
    "type": "string",
    "format": "sparql-update",
    "contentMediaType": "application/sparql-update",
}

QUERY = param("query", "query", "param.query", schema=QUERY_TEXT)

FORM = "application/x-www-form-urlencoded"

FORMAT = param(
    "format",
    "query",
    "param.format",
    schema={
        "type": "string",
        # blank: as if not given (Accept decides)
        "enum": ["", "json", "xml", "csv", "tsv", "ttl", "nt", "jsonld", "rdfxml"],
    },
)

GRAPH_URIS = [
    param("default-graph-uri", "query", "param.default-graph-uri", schema=IRIS),
    param("named-graph-uri", "query", "param.named-graph-uri", schema=IRIS),
]

#: the graph a Graph Store Protocol request acts on: ``?graph=<IRI>`` or ``?default``,
#: exactly one (§4.1), as one query object whose properties are the query's parameters
_NAMED = {
    "type": "object",
    "properties": {"graph": IRI_SCHEMA},
    "required": ["graph"],
    "not": {"required": ["default"]},
}
_DEFAULT = {
    "type": "object",
    "properties": {"default": {"type": "string"}},
    "required": ["default"],
    "not": {"required": ["graph"]},
}
GSP_TARGET = {
    **param("target", "query", "param.gsp_target", required=True),
    "schema": {"oneOf": [_NAMED, _DEFAULT]},
    "style": "form",
    "explode": True,
}
#: the same for a POST, which may name neither: a new graph is made (§5.5)
_NEITHER = {
    "type": "object",
    "not": {"anyOf": [{"required": ["graph"]}, {"required": ["default"]}]},
}
GSP_POST_TARGET = {
    **GSP_TARGET,
    "description": msg("param.gsp_post_target"),
    "required": False,
    "schema": {"oneOf": [_NAMED, _DEFAULT, _NEITHER]},
}

GSP_NAME = param("name", "path", "param.gsp_name")

USING_GRAPHS = [
    param("using-graph-uri", "query", "param.using-graph-uri", schema=IRIS),
    param("using-named-graph-uri", "query", "param.using-named-graph-uri", schema=IRIS),
]

GSP_BODY = [
    "text/turtle",
    "application/n-triples",
    "application/rdf+xml",
    "application/ld+json",
    "text/n3",
]

GSP_WRITE = {
    "201": "text/plain",
    "204": "text/plain",
    "400": "text/plain",
    "401": "text/plain",
    "413": "text/plain",
    "415": "text/plain",
    "503": "text/plain",
}

#: what a query answers: results (SELECT, ASK), a graph (CONSTRUCT, DESCRIBE, or the service
#: description when there is no query)
ANSWERS = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    *RDF,
)

OPERATIONS: dict[tuple[str, str], dict] = {
    ("/sparql", "get"): {
        "summary": msg("op.get_sparql"),
        "parameters": [QUERY, FORMAT, *GRAPH_URIS],
        "responses": {
            "200": ANSWERS,
            "400": "text/plain",
            "401": "text/plain",
            "403": "text/plain",
            "406": "text/plain",
            "413": "text/plain",
            "429": "text/plain",
            "503": "text/plain",
            "504": "text/plain",
        },
    },
    ("/sparql", "post"): {
        "summary": msg("op.post_sparql"),
        "parameters": [FORMAT, *GRAPH_URIS],
        "body": {
            # without a query, the service description
            FORM: {"type": "object", "properties": {"query": QUERY_TEXT}},
            "application/sparql-query": QUERY_TEXT,
        },
        "responses": {
            "200": ANSWERS,
            "400": "text/plain",
            "403": "text/plain",
            "406": "text/plain",
            "413": "text/plain",
            "415": "text/plain",
            "429": "text/plain",
            "503": "text/plain",
            "504": "text/plain",
        },
    },
    ("/sparql/update", "post"): {
        "summary": msg("op.post_sparql_update"),
        "parameters": [*USING_GRAPHS, LANG],
        "body": {
            FORM: {"type": "object", "properties": {"update": UPDATE_TEXT}, "required": ["update"]},
            "application/sparql-update": UPDATE_TEXT,
        },
        "responses": {
            "204": "text/plain",
            "400": "text/plain",
            "401": "text/plain",
            "409": "text/plain",
            "413": "text/plain",
            "415": "text/plain",
            "503": "text/plain",
        },
    },
    ("/sparql/graph", "get"): {
        "summary": msg("op.get_sparql_graph"),
        "parameters": [GSP_TARGET, FORMAT, LANG],
        "responses": {
            "200": RDF,
            "400": "text/plain",
            "404": "text/plain",
            "406": "text/plain",
            "429": "text/plain",
            "503": "text/plain",
            "504": "text/plain",
        },
    },
    ("/sparql/graph", "put"): {
        "summary": msg("op.put_sparql_graph"),
        "parameters": [GSP_TARGET, LANG],
        "body": GSP_BODY,
        "responses": GSP_WRITE,
    },
    ("/sparql/graph", "post"): {
        "summary": msg("op.post_sparql_graph"),
        "parameters": [GSP_POST_TARGET, LANG],
        "body": GSP_BODY,
        "responses": GSP_WRITE,
    },
    ("/sparql/graph", "delete"): {
        "summary": msg("op.delete_sparql_graph"),
        "parameters": [GSP_TARGET, LANG],
        "responses": {
            "204": "text/plain",
            "400": "text/plain",
            "401": "text/plain",
            "404": "text/plain",
        },
    },
    ("/sparql/graph/{name}", "get"): {
        "summary": msg("op.get_sparql_graph_name"),
        "parameters": [GSP_NAME, FORMAT, LANG],
        "responses": {
            "200": RDF,
            "404": "text/plain",
            "406": "text/plain",
            "429": "text/plain",
            "503": "text/plain",
            "504": "text/plain",
        },
    },
    ("/sparql/graph/{name}", "put"): {
        "summary": msg("op.put_sparql_graph_name"),
        "parameters": [GSP_NAME, LANG],
        "body": GSP_BODY,
        "responses": GSP_WRITE,
    },
    ("/sparql/graph/{name}", "post"): {
        "summary": msg("op.post_sparql_graph_name"),
        "parameters": [GSP_NAME, LANG],
        "body": GSP_BODY,
        "responses": GSP_WRITE,
    },
    ("/sparql/graph/{name}", "delete"): {
        "summary": msg("op.delete_sparql_graph_name"),
        "parameters": [GSP_NAME, LANG],
        "responses": {
            "204": "text/plain",
            "400": "text/plain",
            "401": "text/plain",
            "404": "text/plain",
        },
    },
    ("/editor", "get"): {
        "summary": msg("op.get_editor"),
        "parameters": [param("query", "query", "param.get_editor.query"), LANG],
        "responses": {"200": "text/html", "400": PAGE_OR_JSON},
    },
}
