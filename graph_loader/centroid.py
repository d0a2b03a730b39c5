"""The centroid of each location a record bounds by a box (DCAT-AP recommends
``dcat:centroid`` on a ``dct:Location``): the centre of the box, a WKT point written with the
box's datatype, added to each record as it is split (:func:`graph_loader.records.split_records`),
so it is stored, validated and hashed with the record's own statements.

A box crossing the antimeridian (west east of east) has its centre on the far side:

>>> box = ox.Literal("POLYGON((170 -10, -170 -10, -170 10, 170 10, 170 -10))", datatype=WKT)
>>> [t.object.value for t in centroids([ox.Triple(ox.NamedNode("urn:l"), BBOX, box)])]
['POINT(180 0)']
>>> box = ox.Literal("POLYGON((-5 41, 10 41, 10 51.5, -5 51.5, -5 41))", datatype=WKT)
>>> [t.object.value for t in centroids([ox.Triple(ox.NamedNode("urn:l"), BBOX, box)])]
['POINT(2.5 46.25)']

A location that has a centroid, several boxes, or a box in another reference system (a CRS
IRI other than CRS84 before the WKT) gets none: which centre it would be is not known.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from .namespaces import DCAT, GSP
from .parsing import parse_bbox

__all__ = ["centroids"]

BBOX = ox.NamedNode(DCAT.bbox)
CENTROID = ox.NamedNode(DCAT.centroid)
WKT = ox.NamedNode(GSP.wktLiteral)
#: the reference system a WKT literal has when it names none
CRS84 = "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>"


def _number(x: float) -> str:
    """Degrees to the micro-degree, without trailing zeros."""
    return f"{round(x, 6) + 0.0:.6f}".rstrip("0").rstrip(".")


def centroids(triples: Iterable[ox.Triple]) -> list[ox.Triple]:
    """``dcat:centroid`` of every location with exactly one readable WKT ``dcat:bbox``."""
    boxes: dict = {}
    has_centroid = set()
    for t in triples:
        if t.predicate == CENTROID:
            has_centroid.add(t.subject)
        elif t.predicate == BBOX and isinstance(t.object, ox.Literal):
            boxes.setdefault(t.subject, []).append(t.object)
    out = []
    for location, found in boxes.items():
        text = found[0].value.strip()
        if location in has_centroid or len(found) != 1 or found[0].datatype != WKT:
            continue
        if text.startswith("<") and not text.startswith(CRS84):
            continue
        box = parse_bbox(text)
        if box is None:
            continue
        west, south, east, north = box
        lon = (west + east) / 2 if west <= east else (west + east + 360) / 2
        lon = lon - 360 if lon > 180 else lon
        point = f"POINT({_number(lon)} {_number((south + north) / 2)})"
        out.append(ox.Triple(location, CENTROID, ox.Literal(point, datatype=WKT)))
    return out
