"""The ``intersects`` filter of STAC item search: a GeoJSON geometry against a footprint box.

The items' geometries are their dataset's bounding box, so the one test needed is whether a
geometry (any GeoJSON type, holes included) meets an axis-aligned box in longitude/latitude,
edges included; a box whose west is east of its east crosses the antimeridian (no Flask).

>>> box = (0.0, 0.0, 10.0, 10.0)
>>> meets(parse_geometry({"type": "Point", "coordinates": [5, 5]}), box)
True
>>> meets(parse_geometry('{"type": "LineString", "coordinates": [[-5, 5], [15, 6]]}'), box)
True
>>> meets(parse_geometry({"type": "Point", "coordinates": [11, 5]}), box)
False
"""

from __future__ import annotations

from itertools import pairwise

from graph_loader import jsonsafe
from graph_loader.errors import InputError

__all__ = ["Shape", "parse_geometry", "meets"]

Point = tuple[float, float]
#: ("point", [p]), ("line", [p, q, …]) or ("polygon", rings as lists of points)
Shape = tuple[str, list]
Box = tuple[float, float, float, float]


class GeometryError(ValueError):
    """Not a GeoJSON geometry."""


def _point(value: object) -> Point:
    if not isinstance(value, list) or len(value) not in (2, 3):
        raise GeometryError(value)
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value):
        raise GeometryError(value)
    x, y = float(value[0]), float(value[1])
    if not (-180.0 <= x <= 180.0 and -90.0 <= y <= 90.0):
        raise GeometryError(value)
    return (x, y)


def _points(value: object, least: int) -> list[Point]:
    if not isinstance(value, list) or len(value) < least:
        raise GeometryError(value)
    return [_point(p) for p in value]


def _many(value: object) -> list:
    if not isinstance(value, list) or not value:
        raise GeometryError(value)
    return value


def _polygon(value: object) -> Shape:
    return ("polygon", [_points(ring, 4) for ring in _many(value)])


def _shapes(geometry: object, depth: int = 0) -> list[Shape]:
    if not isinstance(geometry, dict) or depth > 4:
        raise GeometryError(geometry)
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    readers = {
        "Point": lambda: [("point", [_point(coords)])],
        "MultiPoint": lambda: [("point", [_point(p)]) for p in _many(coords)],
        "LineString": lambda: [("line", _points(coords, 2))],
        "MultiLineString": lambda: [("line", _points(line, 2)) for line in _many(coords)],
        "Polygon": lambda: [_polygon(coords)],
        "MultiPolygon": lambda: [_polygon(p) for p in _many(coords)],
        "GeometryCollection": lambda: [
            s for g in _many(geometry.get("geometries")) for s in _shapes(g, depth + 1)
        ],
    }
    if not isinstance(kind, str) or kind not in readers:  # {"type": [...]} is no geometry
        raise GeometryError(geometry)
    return readers[kind]()


def parse_geometry(value: object) -> list[Shape]:
    """The shapes of a GeoJSON geometry (a dict, or its JSON text); GeometryError if not one."""
    if isinstance(value, str):
        try:
            value = jsonsafe.loads(value)  # depth measured first: no RecursionError
        except (ValueError, InputError) as exc:
            raise GeometryError(value[:100]) from exc
    return _shapes(value)


def _orient(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _on(a: Point, b: Point, c: Point) -> bool:
    """Whether c, collinear with a-b, lies on the segment a-b."""
    return min(a[0], b[0]) <= c[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= c[1] <= max(a[1], b[1])


def _crosses(p: Point, q: Point, r: Point, s: Point) -> bool:
    """Whether segments p-q and r-s meet (touching counts)."""
    d1, d2, d3, d4 = _orient(r, s, p), _orient(r, s, q), _orient(p, q, r), _orient(p, q, s)
    if ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4)):
        return True
    return any(
        d == 0 and _on(a, b, c)
        for d, a, b, c in ((d1, r, s, p), (d2, r, s, q), (d3, p, q, r), (d4, p, q, s))
    )


def _inside(p: Point, box: Box) -> bool:
    return box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]


def _segment_meets(p: Point, q: Point, box: Box) -> bool:
    if _inside(p, box) or _inside(q, box):
        return True
    w, s, e, n = box
    corners = [(w, s), (e, s), (e, n), (w, n)]
    return any(_crosses(p, q, corners[i], corners[(i + 1) % 4]) for i in range(4))


def _in_ring(p: Point, ring: list[Point]) -> bool:
    """Even-odd rule (the boundary is handled by the segment test)."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > p[1]) != (y2 > p[1]) and p[0] < x1 + (p[1] - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _shape_meets(shape: Shape, box: Box) -> bool:
    kind, parts = shape
    if kind == "point":
        return _inside(parts[0], box)
    lines = parts if kind == "polygon" else [parts]
    if any(_segment_meets(a, b, box) for line in lines for a, b in pairwise(line)):
        return True
    if kind != "polygon":
        return False
    corner = (box[0], box[1])  # no edge meets the box: it is wholly in the polygon or out of it
    return _in_ring(corner, parts[0]) and not any(_in_ring(corner, hole) for hole in parts[1:])


def meets(shapes: list[Shape], box: Box) -> bool:
    """Whether the geometry meets ``box`` (west > east: the box crosses the antimeridian)."""
    w, s, e, n = box
    boxes = [(w, s, 180.0, n), (-180.0, s, e, n)] if w > e else [box]
    return any(_shape_meets(shape, b) for shape in shapes for b in boxes)
