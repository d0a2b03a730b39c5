"""STAC item search and collection search: the parameters and the filters (no Flask)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from urllib.parse import urlencode

from graph_loader.parsing import box_in_range
from sparql_api.core.numbers import whole_number
from sparql_api.stac import forms
from sparql_api.stac.api import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    Collection,
    StacError,
    _instant,
    item_json,
    item_period,
)
from sparql_api.stac.geometry import GeometryError, Shape, meets, parse_geometry
from sparql_api.web.i18n import WEB

__all__ = ["SearchParams", "search", "box_matches", "period_matches", "item_matches", "moment"]

Box = tuple[float, float, float, float]
#: the last page one may ask for
MAX_PAGE = 10**9


def _list(value: object) -> list[str] | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return [v for v in value.split(",") if v]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise StacError(WEB.mark("stac_bad_list"), value=str(value))


def _bbox(value: object, body: bool) -> Box | None:
    """From ``w,s,e,n`` text (GET) or a list of numbers (a POST body: text is refused), four
    numbers or six (with heights), as :data:`forms.BBOX_TEXT` and :data:`forms.BBOX_ARRAY`
    write them; a box whose south is above its north has its own refusal."""
    if value is None or (value == "" and not body):
        return None
    if body:
        if not isinstance(value, list) or not all(_is_number(v) for v in value):
            raise StacError(WEB.mark("stac_bad_bbox"), value=str(value))
        numbers = [float(v) for v in value]
    elif isinstance(value, str) and re.fullmatch(forms.BBOX_TEXT, value):
        numbers = [float(p) for p in value.split(",")]
    else:
        raise StacError(WEB.mark("stac_bad_bbox"), value=str(value))
    if len(numbers) == 6:
        numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
    if len(numbers) != 4:
        raise StacError(WEB.mark("stac_bad_bbox"), value=str(value))
    w, s, e, n = numbers
    if box_in_range(w, -90, e, 90) and -90 <= n < s <= 90:
        raise StacError(WEB.mark("stac_bbox_south_above_north"), value=str(value))
    if not box_in_range(w, s, e, n):
        raise StacError(WEB.mark("stac_bad_bbox"), value=str(value))
    return (w, s, e, n)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def moment(text: str) -> datetime:
    """An aware datetime from an RFC 3339 date-time.

    >>> moment("2015-01-01T00:00:00-08:00").isoformat()
    '2015-01-01T00:00:00-08:00'
    """
    return datetime.fromisoformat(text.upper().replace("Z", "+00:00"))


def _moment(text: str, value: str) -> str | None:
    if text in ("", ".."):
        return None
    if not re.fullmatch(forms.INSTANT, text):  # a date that exists, 2015-02-30 is not one
        raise StacError(WEB.mark("stac_bad_datetime"), value=value)
    return text.upper()


def _period(value: object) -> tuple[str | None, str | None] | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise StacError(WEB.mark("stac_bad_datetime"), value=str(value))
    start, slash, end = value.partition("/")
    if not slash:
        first = _moment(start, value)
        if first is None:
            raise StacError(WEB.mark("stac_bad_datetime"), value=value)
        return first, first
    first, last = _moment(start, value), _moment(end, value)
    if first is None and last is None:
        raise StacError(WEB.mark("stac_bad_datetime"), value=value)
    if first is not None and last is not None and moment(first) > moment(last):
        raise StacError(WEB.mark("stac_reversed_datetime"), value=value)
    return first, last


def _int(
    value: object, name: str, default: int, high: int, *, body: bool, cap: bool = False
) -> int:
    """A whole number from 1 to ``high`` (a JSON number in a body, digits in a query); over
    ``high`` refused, or ``high`` with ``cap``."""
    if value is None or (value == "" and not body):
        return default
    key = WEB.mark("stac_bad_limit") if cap else WEB.mark("stac_bad_int")
    number = whole_number(value) if _is_number(value) or not body else None
    if number is None or number < 1 or (number > high and not cap):
        raise StacError(key, name=name, value=str(value), high=high)
    return min(number, high)


def _geometry(args: Mapping[str, object], body: bool) -> list[Shape] | None:
    """A GeoJSON geometry: an object in a body, its JSON text in a query."""
    value = args.get("intersects")
    if value is None or (value == "" and not body):
        return None
    if args.get("bbox") not in (None, ""):
        raise StacError(WEB.mark("stac_bbox_and_intersects"))
    if isinstance(value, str) == body:
        raise StacError(WEB.mark("stac_bad_intersects"), value=str(value)[:200])
    try:
        return parse_geometry(value)
    except GeometryError as exc:
        raise StacError(WEB.mark("stac_bad_intersects"), value=str(value)[:200]) from exc


@dataclass(frozen=True)
class SearchParams:
    """The parameters of an item (or collection) search."""

    bbox: Box | None = None
    datetime: tuple[str | None, str | None] | None = None
    collections: list[str] | None = None
    ids: list[str] | None = None
    limit: int = DEFAULT_LIMIT
    page: int = 1
    intersects: list[Shape] | None = None
    #: the ``intersects`` geometry as given (for the ``next`` link)
    geometry: object = None

    @classmethod
    def from_mapping(cls, args: Mapping[str, object], *, body: bool = False) -> SearchParams:
        """From GET arguments or a POST JSON ``body``; :class:`StacError` on a bad value."""
        return cls(
            bbox=_bbox(args.get("bbox"), body),
            datetime=_period(args.get("datetime")),
            collections=_list(args.get("collections")),
            ids=_list(args.get("ids")),
            limit=_int(args.get("limit"), "limit", DEFAULT_LIMIT, MAX_LIMIT, body=body, cap=True),
            page=_int(args.get("page"), "page", 1, MAX_PAGE, body=body),
            intersects=_geometry(args, body),
            geometry=args.get("intersects") or None,
        )

    def as_body(self, page: int) -> dict:
        """A POST body asking page ``page`` with the same filters."""
        body = {k: v for k, v in asdict(self).items() if v is not None}
        body.pop("intersects", None)
        if body.pop("geometry", None) is not None:
            geometry = self.geometry
            body["intersects"] = json.loads(geometry) if isinstance(geometry, str) else geometry
        if self.datetime:
            body["datetime"] = f"{self.datetime[0] or '..'}/{self.datetime[1] or '..'}"
        if self.bbox:
            body["bbox"] = list(self.bbox)
        return {**body, "page": page}

    def as_query(self, page: int) -> str:
        """The GET query string asking page ``page`` with the same filters."""
        body = self.as_body(page)
        if "intersects" in body:
            body["intersects"] = json.dumps(body["intersects"])
        return urlencode(
            {k: ",".join(map(str, v)) if isinstance(v, list) else v for k, v in body.items()}
        )


def _spans(w: float, e: float) -> list[tuple[float, float]]:
    return [(w, 180.0), (-180.0, e)] if w > e else [(w, e)]


def box_matches(query: Box | None, box: Box) -> bool:
    """Whether ``box`` intersects ``query`` (a west > east query crosses the antimeridian)."""
    if query is None:
        return True
    if query[1] > box[3] or query[3] < box[1]:
        return False
    return any(
        a <= d and c <= b for a, b in _spans(query[0], query[2]) for c, d in _spans(box[0], box[2])
    )


def _overlaps(query: tuple[str | None, str | None], start: str | None, end: str | None) -> bool:
    """Whether [start, end] (None: open) overlaps the query interval (None: open)."""
    first, last = query
    if last is not None and start is not None and moment(start) > moment(last):
        return False
    return not (first is not None and end is not None and moment(end) < moment(first))


def period_matches(query: tuple[str | None, str | None] | None, c: Collection) -> bool:
    """Whether the dataset's period (its open ends open) overlaps ``query``."""
    return query is None or _overlaps(query, _instant(c.start), _instant(c.end, end=True))


def item_matches(params: SearchParams, c: Collection) -> bool:
    """Whether the Items of ``c`` match the filters of ``params`` but ``ids``.

    In time, on the Items' own properties (:func:`item_period`): an Item of a dataset whose
    period has no end is the instant of its start.
    """
    if params.datetime is not None and not _overlaps(params.datetime, *item_period(c)):
        return False
    if params.intersects is not None and not meets(params.intersects, c.bbox):
        return False
    return box_matches(params.bbox, c.bbox)


def _next_link(params: SearchParams, base: str, post: bool) -> dict:
    link = {"rel": "next", "href": base, "type": "application/geo+json"}
    if post:
        link.update(method="POST", body=params.as_body(params.page + 1))
    else:
        link["href"] = f"{base}?{params.as_query(params.page + 1)}"
    return link


def search(
    collections: dict[str, Collection],
    params: SearchParams,
    root: str,
    *,
    post: bool = False,
    base: str | None = None,
    self_href: str | None = None,
) -> dict:
    """An ItemCollection of the items matching ``params``, one page, with a ``next`` link.

    ``base`` is the URL the page answers at (``root``/search by default), ``self_href`` the
    URL asked (``base`` by default).
    """
    base = base or root + "/search"
    matched = []
    for cid, c in collections.items():
        if params.collections is not None and cid not in params.collections:
            continue
        if not item_matches(params, c):
            continue
        for item in c.items:
            iid = item["iri"].rstrip("/").rsplit("/", 1)[-1]
            if params.ids is None or iid in params.ids:
                matched.append(item)
    start = (params.page - 1) * params.limit
    page = matched[start : start + params.limit]
    links = [
        {"rel": "self", "href": self_href or base, "type": "application/geo+json"},
        {"rel": "root", "href": root, "type": "application/json"},
    ]
    if start + params.limit < len(matched):
        links.append(_next_link(params, base, post))
    return {
        "type": "FeatureCollection",
        "features": [item_json(item, root) for item in page],
        "numberMatched": len(matched),
        "numberReturned": len(page),
        "links": links,
    }
