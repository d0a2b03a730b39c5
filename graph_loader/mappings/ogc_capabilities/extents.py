"""The extents of a layer, feature type, coverage or offering: its WKT box (OWS, WMS, GML
envelope) and its period (WMS time dimension, GML time period)."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ..build import bbox_wkt, date_literal
from .reading import content, descendants, kid, kids

__all__ = ["ows_bbox", "wms_bbox", "envelope_bbox", "gml_period", "time_extent"]

_WMS_SIDES = (
    "westBoundLongitude",
    "southBoundLatitude",
    "eastBoundLongitude",
    "northBoundLatitude",
)


def ows_bbox(el: Element) -> str | None:
    """The WKT box of an OWS ``WGS84BoundingBox`` (WFS, WCS, WMTS), or None."""
    box = kid(el, "WGS84BoundingBox")
    try:
        west, south = (float(v) for v in content(kid(box, "LowerCorner")).split())
        east, north = (float(v) for v in content(kid(box, "UpperCorner")).split())
    except ValueError:
        return None
    return bbox_wkt(west, south, east, north)


def wms_bbox(el: Element) -> str | None:
    """The WKT box of a WMS layer: 1.3.0 ``EX_GeographicBoundingBox``, 1.1.1
    ``LatLonBoundingBox``; None when it has none (or an unreadable one)."""
    box = kid(el, "EX_GeographicBoundingBox")
    try:
        if box is not None:
            return bbox_wkt(*(float(content(kid(box, s))) for s in _WMS_SIDES))
        old = kid(el, "LatLonBoundingBox")
        if old is not None:
            return bbox_wkt(*(float(old.get(a, "")) for a in ("minx", "miny", "maxx", "maxy")))
    except ValueError:
        return None
    return None


def envelope_bbox(el: Element) -> str | None:
    """The WKT box of a GML envelope (SOS offerings): latitude first in a geographic EPSG CRS,
    longitude first in CRS84 or without CRS, None in another CRS or out of range."""
    env = next(descendants(el, "Envelope"), None)
    if env is None:
        return None
    srs = env.get("srsName", "")
    code = re.search(r"EPSG(?:/0/|::|:)(\d+)$", srs)
    try:
        low = [float(v) for v in content(kid(env, "lowerCorner")).split()]
        high = [float(v) for v in content(kid(env, "upperCorner")).split()]
    except ValueError:
        return None
    if len(low) < 2 or len(high) < 2:
        return None
    if code and code.group(1).startswith("4") and ("/0/" in srs or "::" in srs):
        (south, west), (north, east) = low[:2], high[:2]
    elif not srs or "CRS84" in srs or (code and code.group(1) == "4326"):
        (west, south), (east, north) = low[:2], high[:2]
    else:
        return None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        return None
    return bbox_wkt(west, south, east, north)


def gml_period(el: Element) -> tuple[ox.Literal | None, ox.Literal | None]:
    """(start, end) of the first GML TimePeriod below ``el``."""
    period = next(descendants(el, "TimePeriod"), None)
    if period is None:
        return None, None
    begin = content(next(descendants(period, "beginPosition"), None))
    end = content(next(descendants(period, "endPosition"), None))
    return date_literal(begin) if begin else None, date_literal(end, end=True) if end else None


def time_extent(layer: Element) -> tuple[ox.Literal | None, ox.Literal | None]:
    """(start, end) of a WMS time dimension (1.3.0 Dimension, 1.1.1 Extent): a list of
    instants or ``start/end/resolution`` intervals."""
    for el in (*kids(layer, "Dimension"), *kids(layer, "Extent")):
        if el.get("name", "").lower() != "time" or not content(el):
            continue
        values = [v.strip() for v in content(el).split(",") if v.strip()]
        first, last = values[0].split("/"), values[-1].split("/")
        end = last[1] if len(last) > 1 else last[0]
        if end.lower() in ("current", "present"):
            end = ""
        return date_literal(first[0]), date_literal(end, end=True) if end else None
    return None, None
