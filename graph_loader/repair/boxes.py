"""Boxes (WKT or GeoJSON) written with swapped axes or in 0–360 longitudes, put right where no
guess is needed: ``box_steps`` gives each repair as a (kind, value after) pair, for
:func:`~graph_loader.repair.repair_triples` to apply and record."""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation

__all__ = ["box_steps"]

_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_PAIR = re.compile(rf"({_NUMBER})(\s+)({_NUMBER})")
_WKT = re.compile(
    r"^\s*(<[^>]*>\s*)?(POLYGON|MULTIPOLYGON|ENVELOPE|BOX)\s*(\(.*\))\s*$", re.I | re.S
)
#: CRS whose WKT coordinates are written latitude first
_LAT_FIRST_CRS = re.compile(r"EPSG/0/4326>|EPSG:4326", re.I)


def _shift(text: str) -> str:
    """A longitude of 0–360 written in -180..180, digits kept (``359.5`` -> ``-0.5``)."""
    value = Decimal(text) - 360
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return "0" if value == 0 else str(value)


def _axis_steps(
    pairs: list[tuple[str, str]], lat_first: bool, write, envelope: bool = False
) -> list[tuple[str, str]]:
    """Swapped axes put back, then 0–360 longitudes shifted: [(kind, write(pairs))] for each
    repair applied; ``pairs`` are the coordinates in the order written."""
    try:
        values = [(Decimal(a), Decimal(b)) for a, b in pairs]
    except InvalidOperation:
        return []
    if not values:
        return []
    lon_at = 1 if lat_first else 0
    steps = []
    lons = [v[lon_at] for v in values]
    lats = [v[1 - lon_at] for v in values]
    if any(abs(v) > 90 for v in lats) and all(abs(v) <= 90 for v in lons):
        pairs = [(b, a) for a, b in pairs]
        lons, lats = lats, lons
        steps.append(("swapped-bbox", write(pairs)))
    if any(v > 180 for v in lons) and all(0 <= v <= 360 for v in lons):
        shifted = _shifted_longitudes(lons, envelope)
        if shifted is not None and all(abs(v) <= 90 for v in lats):
            pairs = [
                tuple(shifted.get(lon, c) if k == lon_at else c for k, c in enumerate(p))
                for p, lon in zip(pairs, lons, strict=True)
            ]
            steps.append(("longitude-360", write(pairs)))
    return steps


def _shifted_longitudes(lons: list[Decimal], envelope: bool) -> dict[Decimal, str] | None:
    """The -180..180 text of the 0–360 longitudes of a box that change, or ``None`` when the
    box cannot be written in -180..180 without changing its meaning (a polygon across 180°)."""
    west, east = min(lons), max(lons)
    if west >= 180 or envelope:  # a whole box west of 180°, or an envelope (may cross 180°)
        return {v: _shift(str(v)) for v in lons if v > 180 or (west >= 180 and v == 180)}
    if east - west >= 360 and set(lons) == {west, east}:  # the whole globe
        return {west: "-180", east: "180"}
    return None


def _wkt_steps(text: str) -> list[tuple[str, str]]:
    """[(kind, value after)] for a WKT polygon or envelope literal."""
    match = _WKT.match(text)
    if not match:
        return []
    crs, shape, body = match.group(1) or "", match.group(2), match.group(3)
    lat_first = bool(_LAT_FIRST_CRS.search(crs))
    if shape.upper() in ("ENVELOPE", "BOX"):
        values = [m.group(0) for m in re.finditer(_NUMBER, body)]
        if len(values) != 4:
            return []
        if shape.upper() == "ENVELOPE":  # ENVELOPE(minX, maxX, maxY, minY)
            pairs = [(values[0], values[3]), (values[1], values[2])]

            def write(p):
                return f"{crs}{shape}({p[0][0]}, {p[1][0]}, {p[1][1]}, {p[0][1]})"

        else:  # BOX(minX minY, maxX maxY)
            pairs = [(values[0], values[1]), (values[2], values[3])]

            def write(p):
                return f"{crs}{shape}({p[0][0]} {p[0][1]}, {p[1][0]} {p[1][1]})"

        return _axis_steps(pairs, lat_first, write, envelope=shape.upper() == "ENVELOPE")
    pairs = [(m.group(1), m.group(3)) for m in _PAIR.finditer(body)]

    def write(p):
        it = iter(p)

        def put(m: re.Match) -> str:
            a, b = next(it)
            return f"{a}{m.group(2)}{b}"

        return f"{crs}{shape}{_PAIR.sub(put, body)}"

    return _axis_steps(pairs, lat_first, write)


def _geojson_steps(text: str) -> list[tuple[str, str]]:
    try:
        geometry = json.loads(text)
    except ValueError:
        return []
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return []

    def positions(node):
        if isinstance(node, list) and len(node) >= 2 and all(_is_number(v) for v in node[:2]):
            yield node
        elif isinstance(node, list):
            for child in node:
                yield from positions(child)

    found = list(positions(geometry.get("coordinates")))
    if not found:
        return []

    def write(p):
        for position, (a, b) in zip(found, p, strict=True):
            position[0], position[1] = _number(a), _number(b)
        return json.dumps(geometry, separators=(",", ":"))

    return _axis_steps([(str(p[0]), str(p[1])) for p in found], False, write)


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number(text: str) -> int | float:
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() and "." not in text else float(text)


def box_steps(text: str) -> list[tuple[str, str]]:
    """The repairs of a box literal (WKT or GeoJSON), in order: [(kind, value after)]."""
    stripped = text.strip()
    if stripped.startswith("{"):
        return _geojson_steps(stripped)
    return _wkt_steps(text)
