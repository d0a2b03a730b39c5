"""What schemathesis needs to know of gaia-kg's OpenAPI description beyond JSON Schema: how to
write a value of each custom string ``format`` the description names, and the one rule of a
request body no schema can state.

The description says *what* a value is (``format: sparql-query``, ``format: bbox`` …, each
explained in the parameter's description); a JSON Schema cannot generate SPARQL, nor order
two numbers of one text. Schemathesis reads custom formats from strategies registered with
``schemathesis.openapi.format`` (its documented way), so this module registers one strategy
per format, each writing only valid values of its format (and any of them), and nothing
else. Loaded by the CLI::

    PYTHONPATH=tests SCHEMATHESIS_HOOKS=openapi_hooks schemathesis run <base>/openapi.json …

and by ``tests/test_openapi_fuzz.py`` (imported). The formats:

- ``sparql-query``, ``sparql-update``: SPARQL 1.1 text (``contentMediaType`` says so too);
- ``bbox``: ``west,south,east,north`` in degrees, south not above north (west above east
  crosses the antimeridian) — ``/api/search``, ``/search``;
- ``stac-bbox``: the same, or ``west,south,low,east,north,high`` — the STAC API's GET forms;
- ``stac-datetime``: an RFC 3339 instant, or an interval of two (one may be open), the first
  not after the second;
- ``geojson-geometry``: a GeoJSON geometry as JSON text (the schema of its content is the
  ``contentSchema`` beside it).

The rule: in a POST search body of the STAC API, ``bbox`` is an array whose south is not above
its north (``filter_body`` below): JSON Schema compares no two items of an array.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import schemathesis
from hypothesis import strategies as st

__all__ = ["FORMATS", "register"]

# --- SPARQL ---------------------------------------------------------------------------------

_IRIS = st.sampled_from(
    ["<https://w3id.org/gaia-kg/thesaurus/atmosphere>", "<http://www.w3.org/ns/dcat#Dataset>"]
)
_TERMS = st.one_of(_IRIS, st.sampled_from(['"ozone"@en', "42"]))
_PATTERNS = st.sampled_from(
    [
        "?s ?p ?o",
        "?s a ?type",
        "?s <http://purl.org/dc/terms/title> ?title",
        "?s <http://www.w3.org/2004/02/skos/core#broader> ?o",
    ]
)


@st.composite
def _query(draw) -> str:
    """A SPARQL query of any form, over patterns the demo catalogue may or may not match."""
    pattern = draw(_PATTERNS)
    extra = draw(st.sampled_from(["", " FILTER(isIRI(?s))", " OPTIONAL { ?s ?q ?z }"]))
    where = f"{{ {pattern} .{extra} }}"
    limit = f" LIMIT {draw(st.integers(0, 5))}"
    form = draw(st.sampled_from(["select", "ask", "construct", "describe"]))
    if form == "select":
        head = draw(st.sampled_from(["*", "?s", "DISTINCT ?s", "(COUNT(*) AS ?n)"]))
        return f"SELECT {head} WHERE {where}{'' if 'COUNT' in head else limit}"
    if form == "ask":
        return f"ASK {where}"
    if form == "construct":
        return f"CONSTRUCT {{ {pattern} }} WHERE {where}{limit}"
    return draw(st.sampled_from([f"DESCRIBE {draw(_IRIS)}", f"DESCRIBE ?s WHERE {where}{limit}"]))


@st.composite
def _update(draw) -> str:
    """A SPARQL update on scratch graphs (``urn:`` IRIs the catalogue never uses)."""
    graph = f"<urn:fuzz:{draw(st.integers(0, 3))}>"
    triple = f"<urn:s{draw(st.integers(0, 3))}> <urn:p> {draw(_TERMS)}"
    return draw(
        st.sampled_from(
            [
                f"INSERT DATA {{ GRAPH {graph} {{ {triple} }} }}",
                f"DELETE DATA {{ GRAPH {graph} {{ {triple} }} }}",
                f"CLEAR SILENT GRAPH {graph}",
                f"DROP SILENT GRAPH {graph}",
            ]
        )
    )


# --- boxes and times ------------------------------------------------------------------------


def _degrees(low: int, high: int) -> st.SearchStrategy[Decimal]:
    """Degrees from ``low`` to ``high``, to the hundredth."""
    return st.integers(low * 100, high * 100).map(lambda n: Decimal(n).scaleb(-2))


@st.composite
def _box(draw) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    west, east = draw(_degrees(-180, 180)), draw(_degrees(-180, 180))
    south, north = sorted([draw(_degrees(-90, 90)), draw(_degrees(-90, 90))])
    return west, south, east, north


def _text(numbers) -> str:
    return ",".join(str(n) for n in numbers)


@st.composite
def _stac_box(draw) -> str:
    west, south, east, north = draw(_box())
    if draw(st.booleans()):
        return _text((west, south, east, north))
    low, high = sorted([draw(st.integers(-11000, 9000)), draw(st.integers(-11000, 9000))])
    return _text((west, south, low, east, north, high))


_MOMENTS = st.datetimes(datetime(1900, 1, 2), datetime(2099, 12, 30), timezones=st.just(UTC))
_OFFSETS = st.sampled_from([0, 60, -480, 330, 840, -720])


def _rfc3339(moment: datetime, minutes: int) -> str:
    """``moment`` written with the offset of ``minutes`` (``Z`` for none), to the second."""
    local = moment.astimezone(timezone(timedelta(minutes=minutes))).replace(microsecond=0)
    return local.isoformat().replace("+00:00", "Z")


@st.composite
def _stac_datetime(draw) -> str:
    first, last = sorted([draw(_MOMENTS), draw(_MOMENTS)])
    start, end = _rfc3339(first, draw(_OFFSETS)), _rfc3339(last, draw(_OFFSETS))
    return draw(st.sampled_from([start, f"{start}/{end}", f"{start}/..", f"../{end}", f"/{end}"]))


@st.composite
def _geometry(draw) -> str:
    """A GeoJSON Point, LineString or Polygon (a closed box ring) as JSON text."""
    west, south, east, north = (float(v) for v in draw(_box()))
    kind = draw(st.sampled_from(["Point", "LineString", "Polygon"]))
    if kind == "Point":
        coordinates: list = [west, south]
    elif kind == "LineString":
        coordinates = [[west, south], [east, north]]
    else:
        coordinates = [[[west, south], [east, south], [east, north], [west, north], [west, south]]]
    return json.dumps({"type": kind, "coordinates": coordinates})


#: each custom format of the description -> a strategy writing its valid values
FORMATS: dict[str, st.SearchStrategy[str]] = {
    "sparql-query": _query(),
    "sparql-update": _update(),
    "bbox": _box().map(_text),
    "stac-bbox": _stac_box(),
    "stac-datetime": _stac_datetime(),
    "geojson-geometry": _geometry(),
}


def register() -> None:
    """Teach schemathesis every format of :data:`FORMATS`."""
    for name, strategy in FORMATS.items():
        schemathesis.openapi.format(name, strategy)


def south_not_above_north(bbox: object) -> bool:
    """Whether a STAC box array (four numbers, or six with heights) has south ≤ north."""
    if not isinstance(bbox, list) or len(bbox) not in (4, 6):
        return True
    south, north = (bbox[1], bbox[3]) if len(bbox) == 4 else (bbox[1], bbox[4])
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (south, north))
    return not numbers or south <= north


@schemathesis.hook("filter_body").apply_to(path="/stac/search", method="POST")
def stac_box_in_order(context, body) -> bool:
    """A POST search body's box has its south not above its north."""
    return not isinstance(body, dict) or south_not_above_north(body.get("bbox"))


register()
