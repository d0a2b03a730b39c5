"""The gazetteer: the places of ``vocabularies/places.ttl`` and the spatial test they add to a
search.

:func:`~sparql_api.core.concept_index.read_gazetteer` reads, from the places graph
(``terms.PLACES_GRAPH``, written by
``gaia-kg init``), every ``gaia:Place`` with its labels (pref, alt, hidden; fr and en) and its
bounding box; :func:`~sparql_api.core.concept_index.build_concept_index` keeps the result on the
concept index, so that it is refreshed with it. The labels form a small
:class:`~sparql_api.core.concept_index.ConceptIndex` of their own, so that a run of query words
names a place exactly as it names a concept (exact or near label, either language:
:func:`~sparql_api.search.naming.match_concepts`), without places ever being offered as
concepts (autocompletion, theme facet, ``/api/concepts``).

A resource lies **within** a place when its box lies inside the place's box enlarged by
:func:`margins` (a quarter degree plus 2% of the box's extent on each side): boxes are rounded
outwards to half a degree, and a record's box is seldom drawn to the coast. The test is made
on the index's bbox fields by :func:`within_query` and in Python by :func:`within` (the hit's
``why``); both read a box crossing the antimeridian as two longitude intervals.

A resource lies **mostly within** a place (:func:`near_query`) when, not within it, its box
overlaps the place's and lies within the place's box grown by :data:`NEAR_SHARE` of its size on
each side (:data:`NEAR_MAX_DEGREES` at most): a campaign or a regional product whose box
sticks out of the region a little (the AMMA aircraft's box, 0-25°N, 20°W-20°E, and West
Africa's, 4-27.5°N, 25.5°W-16°E), not a global product, nor a point outside the place.
"""

from __future__ import annotations

import tantivy

from graph_loader.index.schema import NO_LON
from sparql_api.core.concept_index import Box

__all__ = [
    "margins",
    "within",
    "within_query",
    "overlaps_query",
    "near_query",
    "near",
    "enlarged",
    "MARGIN_DEGREES",
    "NEAR_SHARE",
    "NEAR_MAX_DEGREES",
    "MARGIN_SHARE",
]

#: a place's box is enlarged on each side by this many degrees …
MARGIN_DEGREES = 0.25
#: … plus this share of its extent (longitude and latitude apart)
MARGIN_SHARE = 0.02
_Q = tantivy.Query
_MUST, _SHOULD = tantivy.Occur.Must, tantivy.Occur.Should


def margins(box: Box) -> tuple[float, float]:
    """Degrees added on each side of ``box``: (longitude, latitude).

    >>> margins((-10.0, 40.0, 40.0, 65.0))
    (1.25, 0.75)
    """
    w, s, e, n = box
    width = e - w if w <= e else e - w + 360
    return MARGIN_DEGREES + MARGIN_SHARE * width, MARGIN_DEGREES + MARGIN_SHARE * (n - s)


def _allowed(box: Box) -> tuple[tuple[float, float], list[tuple[float, float]]]:
    """The latitude range and the longitude intervals (inside -180..180) of ``box`` enlarged."""
    w, s, e, n = box
    m_lon, m_lat = margins(box)
    lat = (s - m_lat, n + m_lat)
    width = e - w if w <= e else e - w + 360
    if width + 2 * m_lon >= 360:
        return lat, [(-180.0, 180.0)]
    a, b = w - m_lon, e + m_lon
    if w > e:  # across the antimeridian
        return lat, [(a, 180.0), (-180.0, b)]
    if a < -180:
        return lat, [(a + 360, 180.0), (-180.0, b)]
    if b > 180:
        return lat, [(a, 180.0), (-180.0, b - 360)]
    return lat, [(a, b)]


def _intervals(box: Box) -> list[tuple[float, float]]:
    w, _s, e, _n = box
    return [(w, e)] if w <= e else [(w, 180.0), (-180.0, e)]


def within(box: Box | list[float] | None, place: Box) -> bool:
    """True when ``box`` (a resource's) lies within ``place`` enlarged by :func:`margins`.

    >>> within((55.65, -21.3, 55.78, -21.18), (55.0, -21.5, 56.0, -20.5))
    True
    >>> within((-20.0, 0.0, 20.0, 25.0), (-25.5, 4.0, 16.0, 27.5))
    False
    >>> within((175.0, -20.0, -178.0, -15.0), (170.0, -25.0, -170.0, -10.0))
    True
    """
    if not box:
        return False
    (low, high), allowed = _allowed(place)
    if not (low <= box[1] and box[3] <= high):
        return False
    return all(any(a <= x0 and x1 <= b for a, b in allowed) for x0, x1 in _intervals(box))


def _range(schema, name: str, low=None, high=None) -> tantivy.Query:
    return _Q.range_query(schema, name, tantivy.FieldType.Float, low, high)


def within_query(schema: tantivy.Schema, place: Box) -> tantivy.Query:
    """The documents whose bbox lies within ``place`` (see :func:`within`), as a query on the
    index's bbox fields (``west1``/``east1``, ``west2``/``east2`` for a second interval,
    ``NO_LON`` when there is none, ``south``, ``north``); every hit scores 1."""
    (low, high), allowed = _allowed(place)
    clauses = [
        (_MUST, _range(schema, "south", low=low)),
        (_MUST, _range(schema, "north", high=high)),
    ]
    if allowed != [(-180.0, 180.0)]:
        for slot in ("1", "2"):
            inside = [
                _Q.boolean_query(
                    [
                        (_MUST, _range(schema, "west" + slot, low=a)),
                        (_MUST, _range(schema, "east" + slot, high=b)),
                    ]
                )
                for a, b in allowed
            ]
            if slot == "2":  # no second interval, or one inside too
                inside.append(_range(schema, "west2", low=NO_LON))
            clauses.append((_MUST, _Q.boolean_query([(_SHOULD, q) for q in inside])))
    return _Q.const_score_query(_Q.boolean_query(clauses), 1.0)


def overlaps_query(schema: tantivy.Schema, place: Box) -> tantivy.Query:
    """The documents whose bbox overlaps ``place`` (not enlarged): those within it and those
    that cover it (a global or basin-wide product), as a query on the index's bbox fields;
    every hit scores 1."""
    w, s, e, n = place
    spans = [(w, e)] if w <= e else [(w, 180.0), (-180.0, e)]
    lon = [
        _Q.boolean_query(
            [
                (_MUST, _range(schema, "west" + slot, high=b)),
                (_MUST, _range(schema, "east" + slot, low=a)),
            ]
        )
        for a, b in spans
        for slot in ("1", "2")
    ]
    query = _Q.boolean_query(
        [
            (_MUST, _range(schema, "south", high=n)),
            (_MUST, _range(schema, "north", low=s)),
            (_MUST, _Q.boolean_query([(_SHOULD, q) for q in lon])),
        ]
    )
    return _Q.const_score_query(query, 1.0)


#: a place's box grown by this share of its width and height on each side…
NEAR_SHARE = 0.25
#: … but by this many degrees at most (an ocean's box grown by a quarter reaches other seas)
NEAR_MAX_DEGREES = 5.0


def enlarged(box: Box) -> Box:
    """``box`` (west, south, east, north) grown by :data:`NEAR_SHARE` of its width and height
    on each side, :data:`NEAR_MAX_DEGREES` at most, latitudes kept within the poles
    (longitudes may leave -180..180: the within tests wrap them).

    >>> enlarged((-25.5, 4.0, 16.0, 27.5)), enlarged((1.0, 48.0, 4.0, 50.0))
    ((-30.5, -1.0, 21.0, 32.5), (0.25, 47.5, 4.75, 50.5))
    """
    w, s, e, n = box
    width = e - w if w <= e else e - w + 360
    dx = min(NEAR_SHARE * width, NEAR_MAX_DEGREES)
    dy = min(NEAR_SHARE * (n - s), NEAR_MAX_DEGREES)
    return (w - dx, max(-90.0, s - dy), e + dx, min(90.0, n + dy))


def near(box: Box | list[float] | None, place: Box) -> bool:
    """True when ``box`` (a resource's) lies mostly within ``place`` (see the module
    docstring), what :func:`near_query` finds.

    >>> near((-20.0, 0.0, 20.0, 25.0), (-25.5, 4.0, 16.0, 27.5))
    True
    >>> near((-180.0, -90.0, 180.0, 90.0), (-25.5, 4.0, 16.0, 27.5))
    False
    """
    if not box or within(box, place) or not within(box, enlarged(place)):
        return False
    w, s, e, n = place
    spans = [(w, e)] if w <= e else [(w, 180.0), (-180.0, e)]
    crosses = any(x0 <= b and a <= x1 for a, b in spans for x0, x1 in _intervals(box))
    return crosses and box[1] <= n and s <= box[3]


def near_query(schema: tantivy.Schema, place: Box) -> tantivy.Query:
    """The documents whose bbox lies mostly within ``place`` (see :func:`near`), as a query on
    the index's bbox fields; every hit scores 1."""
    mostly = _Q.boolean_query(
        [
            (_MUST, within_query(schema, enlarged(place))),
            (_MUST, overlaps_query(schema, place)),
            (tantivy.Occur.MustNot, within_query(schema, place)),
        ]
    )
    return _Q.const_score_query(mostly, 1.0)
