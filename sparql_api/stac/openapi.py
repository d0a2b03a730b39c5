"""The STAC API's part of the OpenAPI description (``/stac``)."""

from __future__ import annotations

from sparql_api.web.openapi_parts import LANG, msg, param

__all__ = ["OPERATIONS"]

STAC_BBOX = param("bbox", "query", "param.stac_bbox")

STAC_DATETIME = param("datetime", "query", "param.stac_datetime")

#: no maximum: a larger limit is answered with at most 1000 items (STAC API practice)
STAC_LIMIT = param("limit", "query", "param.stac_limit", schema={"type": "integer", "minimum": 1})

STAC_PAGE = param("page", "query", "param.stac_page", schema={"type": "integer", "minimum": 1})

STAC_CID = param("cid", "path", "param.stac_cid")

OPERATIONS: dict[tuple[str, str], dict] = {
    ("/stac", "get"): {
        "summary": msg("op.get_stac"),
        "parameters": [],
        "responses": {"200": "application/json"},
    },
    ("/stac/conformance", "get"): {
        "summary": msg("op.get_stac_conformance"),
        "parameters": [],
        "responses": {"200": "application/json"},
    },
    ("/stac/collections", "get"): {
        "summary": msg("op.get_stac_collections"),
        "parameters": [STAC_BBOX, STAC_DATETIME, LANG],
        "responses": {"200": "application/json", "400": "application/json"},
    },
    ("/stac/collections/{cid}", "get"): {
        "summary": msg("op.get_stac_collections_cid"),
        "parameters": [STAC_CID, LANG],
        "responses": {"200": "application/json", "404": "application/json"},
    },
    ("/stac/collections/{cid}/items", "get"): {
        "summary": msg("op.get_stac_collections_cid_items"),
        "parameters": [STAC_CID, STAC_BBOX, STAC_DATETIME, STAC_LIMIT, STAC_PAGE],
        "responses": {
            "200": "application/geo+json",
            "400": "application/json",
            "404": "application/json",
        },
    },
    ("/stac/collections/{cid}/items/{iid}", "get"): {
        "summary": msg("op.get_stac_collections_cid_items_iid"),
        "parameters": [
            STAC_CID,
            param("iid", "path", "param.get_stac_collections_cid_items_iid.iid"),
            LANG,
        ],
        "responses": {"200": "application/geo+json", "404": "application/json"},
    },
    ("/stac/search", "get"): {
        "summary": msg("op.get_stac_search"),
        "parameters": [
            STAC_BBOX,
            STAC_DATETIME,
            param("collections", "query", "param.get_stac_search.collections"),
            param("ids", "query", "param.get_stac_search.ids"),
            param("intersects", "query", "param.get_stac_search.intersects"),
            STAC_LIMIT,
            STAC_PAGE,
        ],
        "responses": {"200": "application/geo+json", "400": "application/json"},
    },
    ("/stac/search", "post"): {
        "summary": msg("op.post_stac_search"),
        "parameters": [],
        "body": ["application/json"],
        "responses": {"200": "application/geo+json", "400": "application/json"},
    },
}
