"""The forms the STAC search parameters take: regular expressions and JSON Schemas, one source
for the checks (:mod:`sparql_api.stac.search`) and the description
(:mod:`sparql_api.stac.openapi`), so that what the OpenAPI description allows is what the
search accepts. What no schema can say is checked apart and answered 400 with its own
message: a box's south above its north, an interval ending before it starts, ``bbox`` with
``intersects`` in a GET query (a POST body states it with ``dependentSchemas``).

Patterns are written for both Python's ``re`` and JSON Schema (ECMA-262), no lookaround.

>>> import re
>>> [bool(re.fullmatch(INSTANT, v)) for v in ("2016-02-29T00:00:00Z", "2015-02-29T00:00:00Z",
...     "2000-02-29t23:59:59.5-08:00", "1900-02-29T00:00:00Z", "0000-01-01T00:00:00Z")]
[True, False, True, False, False]
>>> [bool(re.fullmatch(INTERVAL, v)) for v in ("2015-01-01T00:00:00Z/..", "../..", "/")]
[True, False, False]
"""

from __future__ import annotations

from sparql_api.search.forms import LAT, LON

__all__ = ["BBOX_TEXT", "BBOX_ARRAY", "GEOMETRY", "INSTANT", "INTERVAL", "LIST", "POSITIVE"]

#: a year but 0000
_YEAR = r"([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"
#: a leap year (divisible by 4, and by 400 if by 100), but 0000
_LEAP = r"([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)"
_DAY = (
    rf"({_YEAR}-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)"
    rf"|(0[13578]|1[02])-31)|{_LEAP}-02-29)"
)
_TIME = r"([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?"
_OFFSET = r"([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])"
#: an RFC 3339 date-time (section 5.6) that exists: a full date, a time, an offset
INSTANT = rf"{_DAY}[Tt]{_TIME}{_OFFSET}"
#: an instant, or an interval of two (``..`` or nothing: open), not both open
INTERVAL = rf"{INSTANT}|{INSTANT}/({INSTANT}|\.\.)?|(\.\.)?/{INSTANT}"
#: a decimal number (a height)
_NUMBER = r"-?[0-9]+(\.[0-9]+)?"
#: ``west,south,east,north`` or ``west,south,low,east,north,high`` in degrees
BBOX_TEXT = rf"{LON},{LAT},{LON},{LAT}|{LON},{LAT},{_NUMBER},{LON},{LAT},{_NUMBER}"

_LON = {"type": "number", "minimum": -180, "maximum": 180}
_LAT = {"type": "number", "minimum": -90, "maximum": 90}
#: a box as a JSON array: four numbers, or six with heights
BBOX_ARRAY = {
    "oneOf": [
        {"type": "array", "prefixItems": [_LON, _LAT, _LON, _LAT], "minItems": 4, "maxItems": 4},
        {
            "type": "array",
            "prefixItems": [_LON, _LAT, {"type": "number"}, _LON, _LAT, {"type": "number"}],
            "minItems": 6,
            "maxItems": 6,
        },
    ]
}
#: a whole number of at least 1
POSITIVE = {"type": "integer", "minimum": 1}
#: ``collections`` and ``ids``: a list of names, or their comma-separated text
LIST = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}

_POSITION = {
    "type": "array",
    "prefixItems": [_LON, _LAT, {"type": "number"}],
    "minItems": 2,
    "maxItems": 3,
}
#: how many GeometryCollections may nest in one another
MAX_NESTING = 4


def _line(least: int) -> dict:
    return {"type": "array", "items": _POSITION, "minItems": least}


def _many(item: dict) -> dict:
    return {"type": "array", "items": item, "minItems": 1}


def _typed(kind: str, coordinates: dict) -> dict:
    return {
        "type": "object",
        "properties": {"type": {"const": kind}, "coordinates": coordinates},
        "required": ["type", "coordinates"],
    }


_SIMPLE = [
    _typed("Point", _POSITION),
    _typed("MultiPoint", _many(_POSITION)),
    _typed("LineString", _line(2)),
    _typed("MultiLineString", _many(_line(2))),
    _typed("Polygon", _many(_line(4))),
    _typed("MultiPolygon", _many(_many(_line(4)))),
]


def geometry(depth: int = 0) -> dict:
    """A GeoJSON geometry in degrees; collections nest at most :data:`MAX_NESTING` deep."""
    if depth >= MAX_NESTING:
        return {"oneOf": list(_SIMPLE)}
    collection = {
        "type": "object",
        "properties": {
            "type": {"const": "GeometryCollection"},
            "geometries": _many(geometry(depth + 1)),
        },
        "required": ["type", "geometries"],
    }
    return {"oneOf": [*_SIMPLE, collection]}


#: the ``intersects`` filter
GEOMETRY = geometry()
