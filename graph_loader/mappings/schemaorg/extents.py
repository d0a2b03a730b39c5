"""Spatial and temporal coverage of a schema.org Dataset: boxes, shapes, points and periods."""

from __future__ import annotations

import re

import pyoxigraph as ox

from ...namespaces import DCAT, DCT, GSP, SDO
from ..build import (
    WKT,
    A,
    Triples,
    add_period,
    bbox_wkt,
    date_literal,
    text,
)
from ..jsonld import Index
from .values import strings

__all__ = ["add_spatial", "add_temporal", "add_geometry"]


def _pairs(numbers: list[float]) -> tuple[list[float], list[float]] | None:
    """(longitudes, latitudes) of a schema.org ``box``/``polygon``/``line``: pairs are
    "lat lon" by the specification, but many records (OBIS, ODIS) write "lon lat": when the
    first numbers cannot be latitudes and the second can, the pairs are read as lon lat."""
    if len(numbers) < 4 or len(numbers) % 2:
        return None
    firsts, seconds = numbers[0::2], numbers[1::2]
    if any(abs(v) > 90 for v in firsts) and all(abs(v) <= 90 for v in seconds):
        return firsts, seconds
    return seconds, firsts


def _numbers(text: str) -> list[float]:
    """The numbers of a ``box``/``polygon`` text: separated by spaces or commas, or, when every
    space-separated number has a decimal comma ("10,0438 -61,9299"), by spaces only."""
    tokens = text.split()
    if tokens and all(re.fullmatch(r"-?\d+,\d+|-?\d+", t) for t in tokens) and "," in text:
        return [float(t.replace(",", ".")) for t in tokens]
    return [float(n) for n in re.split(r"[\s,]+", text.strip()) if n]


def _box(idx: Index, geo) -> str | None:
    box = idx.first(geo, SDO.box)
    if isinstance(box, ox.Literal):
        try:
            numbers = _numbers(box.value)
        except ValueError:
            return None
        pairs = _pairs(numbers) if len(numbers) == 4 else None
        if pairs is None:
            return None
        (west, east), (south, north) = pairs
        return bbox_wkt(west, south, east, north)
    shape = idx.first(geo, SDO.polygon) or idx.first(geo, SDO.line)
    if isinstance(shape, ox.Literal):  # "lat,lon lat,lon ..." or "lat lon lat lon ...": envelope
        try:
            numbers = _numbers(shape.value)
        except ValueError:
            return None
        pairs = _pairs(numbers)
        if pairs is None:
            return None
        lons, lats = pairs
        return bbox_wkt(min(lons), min(lats), max(lons), max(lats))
    lat, lon = idx.first(geo, SDO.latitude), idx.first(geo, SDO.longitude)
    try:
        y, x = float(lat.value), float(lon.value)
    except (AttributeError, ValueError):
        return None
    return bbox_wkt(x, y, x, y)


def _envelope(boxes: list[str]) -> str:
    """The WKT box around several WKT boxes (a cruise's profiles, a set of stations)."""
    numbers = [[float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", b)] for b in boxes]
    xs = [n for ns in numbers for n in ns[0::2]]
    ys = [n for ns in numbers for n in ns[1::2]]
    return bbox_wkt(min(xs), min(ys), max(xs), max(ys))


def add_spatial(out: Triples, idx: Index, dataset, place) -> None:
    location = ox.BlankNode()
    boxes = [b for geo in idx.values(place, SDO.geo) if (b := _box(idx, geo))]
    if len(boxes) > 1:  # several points or shapes of one place: the box around them all
        boxes = [_envelope(boxes)]
    if not boxes and not isinstance(place, ox.Literal):  # a Place with its own coordinates
        boxes = [b for b in [_box(idx, place)] if b]
    names = strings(idx, place, SDO.name) if not isinstance(place, ox.Literal) else [place]
    if not boxes and not names:
        return
    out.add(dataset, DCT.spatial, location)
    out.add(location, A, ox.NamedNode(DCT.Location))
    for wkt in boxes[:1]:
        out.add(location, DCAT.bbox, ox.Literal(wkt, datatype=WKT))
    for name in names:
        out.add(location, "http://www.w3.org/ns/locn#geographicName", text(name.value))


def add_temporal(out: Triples, dataset, value) -> None:
    raw = value.value.strip() if isinstance(value, ox.Literal) else ""
    start_text, _, end_text = raw.partition("/") if "/" in raw else (raw, "", raw)
    start = date_literal(start_text) if start_text not in ("", "..") else None
    end = date_literal(end_text, end=True) if end_text not in ("", "..") else None
    add_period(out, dataset, start, end)


_GEOSPARQL = "http://www.opengis.net/ont/geosparql#"
_LOCN_GEOMETRY = "http://www.w3.org/ns/locn#geometry"


def add_geometry(out: Triples, idx: Index, dataset, node) -> None:
    """A GeoSPARQL geometry of the dataset (ODIS: ``geosparql:hasGeometry`` / ``asWKT``): a
    ``dct:Location`` with the geometry and the box around it."""
    for wkt in idx.values(node, GSP.asWKT):
        if not isinstance(wkt, ox.Literal):
            continue
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?", wkt.value)]
        crs = re.match(r"^\s*<([^>]+)>", wkt.value)
        if len(numbers) < 2 or len(numbers) % 2 or (crs and "CRS84" not in crs.group(1)):
            continue
        xs, ys = numbers[0::2], numbers[1::2]
        location = ox.BlankNode()
        out.add(location, A, ox.NamedNode(DCT.Location))
        out.add(location, _LOCN_GEOMETRY, ox.Literal(wkt.value.strip(), datatype=WKT))
        out.add(location, DCAT.bbox, ox.Literal(bbox_wkt(min(xs), min(ys), max(xs),
                                                              max(ys)), datatype=WKT))  # fmt: skip
        out.add(dataset, DCT.spatial, location)
