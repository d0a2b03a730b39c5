"""The STAC API's part of the OpenAPI description (``/stac``)."""

from __future__ import annotations

from sparql_api.stac import forms
from sparql_api.stac.search import MAX_PAGE
from sparql_api.web.openapi_parts import LANG, msg, param

__all__ = ["OPERATIONS"]


def _text(pattern: str, form: str) -> dict:
    """A text of ``pattern``, or empty (an empty parameter is no filter), in the named format
    ``form``: what the pattern cannot say (a box's south not above its north, an interval's
    start not after its end), for tools that know the format (``tests/openapi_hooks.py``)."""
    return {"type": "string", "pattern": f"^({pattern})?$", "format": form}


def _or_empty(schema: dict) -> dict:
    """``schema``, or an empty text (an empty query parameter is as if not given)."""
    return {"anyOf": [schema, {"type": "string", "maxLength": 0}]}


BBOX_TEXT = _text(forms.BBOX_TEXT, "stac-bbox")
STAC_BBOX = param("bbox", "query", "param.stac_bbox", schema=BBOX_TEXT)

DATETIME_TEXT = _text(forms.INTERVAL, "stac-datetime")
STAC_DATETIME = param("datetime", "query", "param.stac_datetime", schema=DATETIME_TEXT)

#: no maximum: a larger limit is answered with at most 1000 items (STAC API practice)
STAC_LIMIT = param("limit", "query", "param.stac_limit", schema=_or_empty(forms.POSITIVE))

PAGE_SCHEMA = {**forms.POSITIVE, "maximum": MAX_PAGE}
STAC_PAGE = param("page", "query", "param.stac_page", schema=_or_empty(PAGE_SCHEMA))

#: the area of a GET search: ``bbox`` or ``intersects`` (a GeoJSON geometry as JSON text),
#: not both (STAC API item search), as one query object whose properties are the query's
#: parameters
STAC_AREA = {
    **param("area", "query", "param.get_stac_search.area"),
    "style": "form",
    "explode": True,
    "schema": {
        "type": "object",
        "properties": {
            "bbox": BBOX_TEXT,
            "intersects": {
                "type": "string",
                "format": "geojson-geometry",
                "contentMediaType": "application/json",
                "contentSchema": forms.GEOMETRY,
            },
        },
        "not": {"required": ["bbox", "intersects"]},
    },
}


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
        "datetime": _nullable(DATETIME_TEXT),
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
        "parameters": [STAC_BBOX, STAC_DATETIME, STAC_LIMIT, STAC_PAGE, LANG],
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
            STAC_AREA,
            STAC_DATETIME,
            param("collections", "query", "param.get_stac_search.collections"),
            param("ids", "query", "param.get_stac_search.ids"),
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
