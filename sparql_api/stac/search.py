"""STAC item search and collection search: the parameters and the filters (no Flask)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from urllib.parse import urlencode

from graph_loader.parsing import box_in_range
from sparql_api.stac.api import DEFAULT_LIMIT, MAX_LIMIT, Collection, StacError, _instant, item_json
from sparql_api.web.i18n import WEB

__all__ = ["SearchParams", "search", "box_matches", "period_matches"]

Box = tuple[float, float, float, float]


def _list(value: object) -> list[str] | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return [v for v in value.split(",") if v]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise StacError(WEB.mark("stac_bad_list"), value=str(value))


def _bbox(value: object) -> Box | None:
    if value is None or value == "":
        return None
    parts = value.split(",") if isinstance(value, str) else value
    try:
        numbers = [float(p) for p in parts]  # type: ignore[union-attr]
    except (TypeError, ValueError) as exc:
        raise StacError(WEB.mark("stac_bad_bbox"), value=str(value)) from exc
    if len(numbers) == 6:
        numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
    if len(numbers) != 4:
        raise StacError(WEB.mark("stac_bad_bbox"), value=str(value))
    w, s, e, n = numbers
    if not box_in_range(w, s, e, n):
        raise StacError(WEB.mark("stac_bad_bbox"), value=str(value))
    return (w, s, e, n)


def _moment(text: str, value: str) -> str | None:
    if text in ("", ".."):
        return None
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise StacError(WEB.mark("stac_bad_datetime"), value=value) from exc
    return text


def _period(value: object) -> tuple[str | None, str | None] | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise StacError(WEB.mark("stac_bad_datetime"), value=str(value))
    start, slash, end = value.partition("/")
    if not slash:
        moment = _moment(start, value)
        if moment is None:
            raise StacError(WEB.mark("stac_bad_datetime"), value=value)
        return moment, moment
    first, last = _moment(start, value), _moment(end, value)
    if first is None and last is None:
        raise StacError(WEB.mark("stac_bad_datetime"), value=value)
    return first, last


def _int(value: object, name: str, default: int, high: int) -> int:
    if value is None or value == "":
        return default
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise StacError(WEB.mark("stac_bad_int"), name=name, value=str(value), high=high) from exc
    if not 1 <= number <= high or isinstance(value, bool):
        raise StacError(WEB.mark("stac_bad_int"), name=name, value=str(value), high=high)
    return number


@dataclass(frozen=True)
class SearchParams:
    """The parameters of an item (or collection) search."""

    bbox: Box | None = None
    datetime: tuple[str | None, str | None] | None = None
    collections: list[str] | None = None
    ids: list[str] | None = None
    limit: int = DEFAULT_LIMIT
    page: int = 1

    @classmethod
    def from_mapping(cls, args: Mapping[str, object]) -> SearchParams:
        """From GET arguments or a POST JSON body; :class:`StacError` on a bad value."""
        return cls(
            bbox=_bbox(args.get("bbox")),
            datetime=_period(args.get("datetime")),
            collections=_list(args.get("collections")),
            ids=_list(args.get("ids")),
            limit=_int(args.get("limit"), "limit", DEFAULT_LIMIT, MAX_LIMIT),
            page=_int(args.get("page"), "page", 1, 10**9),
        )

    def as_body(self, page: int) -> dict:
        """A POST body asking page ``page`` with the same filters."""
        body = {k: v for k, v in asdict(self).items() if v is not None}
        if self.datetime:
            body["datetime"] = f"{self.datetime[0] or '..'}/{self.datetime[1] or '..'}"
        if self.bbox:
            body["bbox"] = list(self.bbox)
        return {**body, "page": page}

    def as_query(self, page: int) -> str:
        """The GET query string asking page ``page`` with the same filters."""
        body = self.as_body(page)
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


def period_matches(query: tuple[str | None, str | None] | None, c: Collection) -> bool:
    """Whether the dataset's period overlaps ``query`` (open ends match anything)."""
    if query is None:
        return True
    start, end = _instant(c.start), _instant(c.end, end=True)
    first, last = query

    def moment(text: str) -> datetime:
        return datetime.fromisoformat(_instant(text).replace("Z", "+00:00"))  # type: ignore[union-attr]

    if last is not None and start is not None and moment(start) > moment(last):
        return False
    return not (first is not None and end is not None and moment(end) < moment(first))


def search(
    collections: dict[str, Collection], params: SearchParams, root: str, *, post: bool = False
) -> dict:
    """An ItemCollection of the items matching ``params``, one page, with a ``next`` link."""
    matched = []
    for cid, c in collections.items():
        if params.collections is not None and cid not in params.collections:
            continue
        if not (box_matches(params.bbox, c.bbox) and period_matches(params.datetime, c)):
            continue
        for item in c.items:
            iid = item["iri"].rstrip("/").rsplit("/", 1)[-1]
            if params.ids is None or iid in params.ids:
                matched.append(item)
    start = (params.page - 1) * params.limit
    page = matched[start : start + params.limit]
    links = []
    if start + params.limit < len(matched):
        if post:
            links.append(
                {
                    "rel": "next",
                    "href": root + "/search",
                    "type": "application/geo+json",
                    "method": "POST",
                    "body": params.as_body(params.page + 1),
                }
            )
        else:
            href = f"{root}/search?{params.as_query(params.page + 1)}"
            links.append({"rel": "next", "href": href, "type": "application/geo+json"})
    return {
        "type": "FeatureCollection",
        "features": [item_json(item, root) for item in page],
        "numberMatched": len(matched),
        "numberReturned": len(page),
        "links": links,
    }
