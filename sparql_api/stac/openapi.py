"""The STAC API's part of the OpenAPI description (``/stac``)."""

from __future__ import annotations

from sparql_api.stac import forms
from sparql_api.stac.search import MAX_PAGE
from sparql_api.web.openapi_parts import LANG, msg, param

__all__ = ["OPERATIONS"]


def _text(pattern: str) -> dict:
    """A text of ``pattern``, or empty (an empty parameter is no filter)."""
    return {"type": "string", "pattern": f"^({pattern})?$"}


STAC_BBOX = param("bbox", "query", "param.stac_bbox", schema=_text(forms.BBOX_TEXT))

STAC_DATETIME = param("datetime", "query", "param.stac_datetime", schema=_text(forms.INTERVAL))

#: no maximum: a larger limit is answered with at most 1000 items (STAC API practice)
STAC_LIMIT = param("limit", "query", "param.stac_limit", schema=forms.POSITIVE)

PAGE_SCHEMA = {**forms.POSITIVE, "maximum": MAX_PAGE}
STAC_PAGE = param("page", "query", "param.stac_page", schema=PAGE_SCHEMA)

#: a JSON text: described by its content, a GeoJSON geometry
STAC_INTERSECTS = {
    key: value
    for key, value in param("intersects", "query", "param.get_stac_search.intersects").items()
    if key != "schema"
} | {"content": {"application/json": {"schema": forms.GEOMETRY}}}


def _nullable(schema: dict) -> dict:
    """``schema`` or JSON null (a null member is no filter)."""
    return {"anyOf": [schema, {"type": "null"}]}


def _absent(name: str) -> dict:
    return {"anyOf": [{"not": {"required": [name]}}, {"properties": {name: {"type": "null"}}}]}


#: the POST search body: the GET parameters as JSON values (``bbox`` an array, ``intersects``
#: an object, ``collections`` and ``ids`` arrays or texts); other members (extensions this
#: API does not implement) are ignored; ``bbox`` and ``intersects`` exclude each other
SEARCH_BODY = {
    "type": "object",
    "properties": {
        "bbox": _nullable(forms.BBOX_ARRAY),
        "datetime": _nullable(_text(forms.INTERVAL)),
        "intersects": _nullable(forms.GEOMETRY),
        "collections": _nullable(forms.LIST),
        "ids": _nullable(forms.LIST),
        "limit": _nullable(forms.POSITIVE),
        "page": _nullable(PAGE_SCHEMA),
    },
    "anyOf": [_absent("bbox"), _absent("intersects")],
}

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
            STAC_INTERSECTS,
            STAC_LIMIT,
            STAC_PAGE,
        ],
        "responses": {"200": "application/geo+json", "400": "application/json"},
    },
    ("/stac/search", "post"): {
        "summary": msg("op.post_stac_search"),
        "parameters": [],
        "body": {"application/json": SEARCH_BODY},
        "responses": {"200": "application/geo+json", "400": "application/json"},
    },
}
