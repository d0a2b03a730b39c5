"""The layers of an OGC WMTS (as OWSLib parses them) that a Leaflet map in Web Mercator can
draw: each layer's tile matrix set in EPSG:3857 whose matrices are those of the well-known
scale set GoogleMapsCompatible (the scale halves at each level, the top left corner at
(-20037508.34, 20037508.34)), its tiles as a URL template (the layer's REST ResourceURL, else
a KVP GetTile request) with ``{TileMatrix}``, ``{TileRow}``, ``{TileCol}`` (and ``{Time}``
for a dated layer) left for the browser, and the matrix of each zoom level. Plain functions.
"""

from __future__ import annotations

import math
from urllib.parse import quote

from sparql_api.portal.times import expand_times

__all__ = ["wmts_layers", "zoom_levels"]

#: the scale denominator of zoom level 0 of GoogleMapsCompatible (OGC 07-057r7, annex E.4)
_SCALE_0 = 559082264.0287178
_CORNER = 20037508.3427892
_MERCATOR = ("3857", "900913", "102100", "102113", "3785")


def _mercator(crs: str) -> bool:
    """Whether a CRS name is Web Mercator's (``urn:ogc:def:crs:EPSG::3857``, ``EPSG:900913``).

    >>> _mercator("urn:ogc:def:crs:EPSG:6.18.3:3857"), _mercator("EPSG:4326")
    (True, False)
    """
    return crs.replace("::", ":").rsplit(":", 1)[-1].strip() in _MERCATOR


def zoom_levels(matrix_set) -> dict[int, str]:
    """The Leaflet zoom level of each matrix of a Web Mercator ``matrix_set`` (OWSLib's
    TileMatrixSet) that is a level of GoogleMapsCompatible: ``{zoom: matrix identifier}``."""
    if not _mercator(matrix_set.crs or ""):
        return {}
    levels = {}
    for ident, matrix in matrix_set.tilematrix.items():
        zoom = math.log2(_SCALE_0 / matrix.scaledenominator) if matrix.scaledenominator else -1
        x, y = matrix.topleftcorner
        if (
            abs(zoom - round(zoom)) < 0.01
            and 0 <= round(zoom) <= 24
            and abs(abs(x) - _CORNER) < 10
            and abs(abs(y) - _CORNER) < 10
            and (matrix.tilewidth, matrix.tileheight) == (256, 256)
        ):
            levels[round(zoom)] = ident
    return dict(sorted(levels.items()))


def _template(layer, get_tile: str | None, matrix_set: str, style: str, fmt: str, dated: bool):
    """The layer's tile URL, with its matrix set, style and dimensions other than time filled
    in (their defaults), its time dimension's placeholder named ``{Time}``."""
    tiles = [r for r in layer.resourceURLs if r.get("resourceType") == "tile"]
    rest = next((r for r in tiles if r.get("format") == fmt), tiles[0] if tiles else None)
    if rest:
        template = rest["template"]
        filled = [("TileMatrixSet", matrix_set), ("Style", style)]
        for name, dimension in layer.dimensions.items():
            if name.lower() == "time":
                template = template.replace("{" + name + "}", "{Time}")
            else:
                filled.append((name, dimension.get("default") or ""))
        for name, value in filled:
            template = template.replace("{" + name + "}", quote(value, safe=""))
        return template
    if not get_tile:
        return None
    params = {
        "SERVICE": "WMTS",
        "REQUEST": "GetTile",
        "VERSION": "1.0.0",
        "LAYER": layer.id,
        "STYLE": style,
        "TILEMATRIXSET": matrix_set,
        "FORMAT": fmt,
    }
    query = "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items())
    query += "&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}"
    if dated:
        query += "&TIME={Time}"
    return (
        get_tile.split("?")[0]
        + "?"
        + "&".join(p for p in (get_tile.partition("?")[2].rstrip("&"), query) if p)
    )


def _time(layer) -> dict | None:
    for name, dimension in layer.dimensions.items():
        if name.lower() == "time":
            values = expand_times(",".join(v for v in dimension.get("values") or [] if v))
            default = (dimension.get("default") or "").strip()
            if values:
                return {"values": values, "default": default if default in values else values[-1]}
    return None


def _style(layer) -> tuple[str, dict]:
    """The layer's default style (else its first): its identifier and description."""
    styles = list(layer.styles.items())
    first = styles[0] if styles else ("default", {})
    return next((s for s in styles if s[1].get("isDefault")), first)


def wmts_layers(service, get_tile: str | None) -> list[dict]:
    """The layers of the parsed WMTS ``service``: ``{name, title, bbox, time, legend,
    tiles}``, ``tiles`` being ``{template, matrices}`` (None when the layer has no tile
    matrix set a Web Mercator map can draw)."""
    found = []
    for layer in service.contents.values():
        fmt = "image/png" if "image/png" in layer.formats else (layer.formats or ["image/png"])[0]
        style, described = _style(layer)
        time = _time(layer)
        tiles = None
        for ident in layer.tilematrixsetlinks:
            matrix_set = service.tilematrixsets.get(ident)
            levels = zoom_levels(matrix_set) if matrix_set is not None else {}
            template = levels and _template(layer, get_tile, ident, style, fmt, bool(time))
            if template:
                tiles = {"template": template, "matrices": levels}
                break
        box = getattr(layer, "boundingBoxWGS84", None)  # absent when not given
        found.append(
            {
                "name": layer.id,
                "title": layer.title or layer.id,
                "bbox": [float(v) for v in box] if box else None,
                "time": time,
                "legend": {"style": style, "url": described["legend"]}
                if described.get("legend")
                else None,
                "tiles": tiles,
            }
        )
    return found
