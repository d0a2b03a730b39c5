"""The parameters of ``/api/search``, checked, and the URLs that change them.

Facet filters are OR within a facet and AND across facets; ``taxon=IRI`` keeps the resources
of that taxon or of a taxon below it (``skos:broader``). ``bbox=west,south,east,north``
keeps resources whose bounding box intersects it; west > east crosses the antimeridian.
``start`` / ``end`` (ISO dates, or a year, or a year-month) keep resources whose temporal
extent *overlaps* the range: it starts on or before ``end`` and ends on or after ``start``
(an extent without an end is ongoing). ``vmin`` / ``vmax`` (metres, altitude up, depth
negative) keep resources whose known vertical extent overlaps them. The two bounds of a range
may come in either order: the range runs from the earlier (lower) to the later (higher).
A page beyond the 10,000th result (:data:`MAX_RESULTS`) is served without hits, naming the
last page that can be reached (:func:`sparql_api.search.engine.run_search`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import quote_plus, urlencode

import pyoxigraph as ox

from graph_loader.parsing import box_in_range, parse_day
from graph_loader.terms import ORG_NS, PLACE_NS, THESAURUS_NS
from sparql_api.core.numbers import whole_number
from sparql_api.search.forms import BBOX, DAY, LOCAL_NAME, YEAR_MONTH
from sparql_api.web.http_errors import ApiError
from sparql_api.web.i18n import LANGUAGES, WEB

__all__ = [
    "SearchParams",
    "ToggleUrls",
    "FLAT_FACETS",
    "TYPES",
    "SORTS",
    "MAX_SIZE",
    "MAX_RESULTS",
    "MAX_VALUES",
]

#: flat facets, each a repeatable parameter and an index field of the same name
FLAT_FACETS = ("pole", "centre", "type", "format", "licence", "platform", "instrument", "taxon")
TYPES = ("dataset", "service", "publication", "software", "tutorial")
SORTS = ("relevance", "date", "title")
MAX_SIZE = 100
#: deepest result reachable by paging
MAX_RESULTS = 10_000
MAX_Q = 200
#: most values of one repeatable parameter (2,000 facet values made a search take 50 s)
MAX_VALUES = 50
DEFAULT_SIZE = 20


def _getlist(args: Mapping, name: str) -> list[str]:
    if hasattr(args, "getlist"):
        values = args.getlist(name)
    else:
        value = args.get(name)
        values = (
            [] if value is None else list(value) if isinstance(value, list | tuple) else [value]
        )
    if len(values) > MAX_VALUES:
        raise ApiError(
            400, WEB.mark("search_too_many"), name=name, count=len(values), limit=MAX_VALUES
        )
    return [str(v).strip() for v in values if str(v).strip()]


def _one(args: Mapping, name: str) -> str | None:
    values = _getlist(args, name)
    return values[-1] if values else None


def _number(name: str, raw: str | None) -> float | None:
    if raw is None:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise ApiError(400, WEB.mark("search_bad_number"), name=name, value=raw) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ApiError(400, WEB.mark("search_bad_number"), name=name, value=raw)
    return value


def _bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    if raw is None:
        return None
    if not re.fullmatch(BBOX, raw):
        raise ApiError(400, WEB.mark("search_bad_bbox"), value=raw)
    w, s, e, n = (float(p) for p in raw.split(","))
    if not box_in_range(w, s, e, n):
        raise ApiError(400, WEB.mark("search_bad_bbox"), value=raw)
    return w, s, e, n


def _date(name: str, raw: str | None) -> date | None:
    if raw is None:
        return None
    day = parse_day(raw, end=name == "end") if _date_form(raw) else None
    if day is None or len(raw) > 40:
        raise ApiError(400, WEB.mark("search_bad_date"), name=name, value=raw)
    return date.fromordinal(day)


def _date_form(raw: str) -> bool:
    """Whether ``raw`` is written as a year, a year-month, an ISO date or an RFC 3339 time."""
    if re.fullmatch(YEAR_MONTH, raw):
        return True
    if not re.fullmatch(DAY, raw):
        return False
    try:
        stamp = datetime.fromisoformat(raw.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return False
    return len(raw) == 10 or stamp.tzinfo is not None


def _int(name: str, raw: str | None, default: int, low: int, high: int) -> int:
    if raw is None:
        return default
    number = whole_number(raw)
    if number is None or not low <= number <= high:
        raise ApiError(400, WEB.mark("search_bad_int"), name=name, value=raw, low=low, high=high)
    return number


def _iri(name: str, value: str, namespace: str | None) -> str:
    """``value`` if it is an IRI, else a name in ``namespace`` (None: an IRI is required);
    ApiError 400 naming parameter ``name`` if neither makes a valid IRI (spaces, angle
    brackets, no scheme…)."""
    if value.startswith(("http://", "https://")):
        iri = value
    elif namespace is not None and re.fullmatch(LOCAL_NAME, value):
        iri = namespace + value
    else:
        raise ApiError(400, WEB.mark("search_bad_iri"), name=name, value=value)
    try:
        ox.NamedNode(iri)
    except ValueError:
        raise ApiError(400, WEB.mark("search_bad_iri"), name=name, value=value) from None
    return iri


def _iris(args: Mapping, name: str, namespace: str | None) -> tuple[str, ...]:
    """The distinct IRIs of the values of parameter ``name`` (see :func:`_iri`)."""
    return tuple(dict.fromkeys(_iri(name, v, namespace) for v in _getlist(args, name)))


def _choice(name: str, value: str, known: Iterable[str]) -> str:
    """``value`` if it is one of ``known``, else ApiError 400 naming parameter ``name``."""
    if value not in known:
        raise ApiError(
            400, WEB.mark("search_bad_choice"), name=name, value=value, known=", ".join(known)
        )
    return value


def _dates(start_raw: str | None, end_raw: str | None) -> tuple[date | None, date | None]:
    """The days of ``start`` and ``end``; given in the wrong order, the range from the first
    day of the earlier to the last day of the later (``start=2020&end=2019``: 2019–2020)."""
    start, end = _date("start", start_raw), _date("end", end_raw)
    if start is None or end is None or start <= end:
        return start, end
    return _date("start", end_raw), _date("end", start_raw)


def _ordered(low: float | None, high: float | None) -> tuple[float | None, float | None]:
    """``low`` and ``high`` in order (both given, the lower first)."""
    if low is not None and high is not None and low > high:
        return high, low
    return low, high


def _facet_filters(args: Mapping) -> dict[str, tuple[str, ...]]:
    """The values of each flat facet: organisations by IRI or name, types by name, the
    others (formats, licences, platforms, instruments, taxa) by IRI."""
    filters: dict[str, tuple[str, ...]] = {}
    for name in FLAT_FACETS:
        if name == "type":
            values = [_choice(name, v, TYPES) for v in _getlist(args, name)]
        else:
            values = _iris(args, name, ORG_NS if name in ("pole", "centre") else None)
        if values:
            filters[name] = tuple(dict.fromkeys(values))
    return filters


@dataclass(frozen=True, slots=True)
class SearchParams:
    """One search, checked: see the module docstring."""

    q: str = ""
    themes: tuple[str, ...] = ()
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    bbox: tuple[float, float, float, float] | None = None
    start: date | None = None
    end: date | None = None
    vmin: float | None = None
    vmax: float | None = None
    #: places of the gazetteer applied as filters (IRIs): resources overlapping them
    places: tuple[str, ...] = ()
    sort: str = "relevance"
    page: int = 1
    size: int = DEFAULT_SIZE
    lang: str | None = None

    @property
    def last_page(self) -> int:
        """The last page paging reaches at this page size (the 10,000th result's)."""
        return MAX_RESULTS // self.size

    @classmethod
    def from_args(cls, args: Mapping) -> SearchParams:
        """Read request arguments (a MultiDict, or a dict of strings or lists).

        Raises :class:`ApiError` 400 with a bilingual message on an invalid value.
        """
        q = (_one(args, "q") or "").strip()
        if len(q) > MAX_Q:
            raise ApiError(400, WEB.mark("search_q_too_long"), length=len(q), limit=MAX_Q)
        themes, filters = _iris(args, "theme", THESAURUS_NS), _facet_filters(args)
        start, end = _dates(_one(args, "start"), _one(args, "end"))
        vmin, vmax = _ordered(
            _number("vmin", _one(args, "vmin")), _number("vmax", _one(args, "vmax"))
        )
        sort = _choice("sort", _one(args, "sort") or "relevance", SORTS)
        size = _int("size", _one(args, "size"), DEFAULT_SIZE, 1, MAX_SIZE)
        page = _int("page", _one(args, "page"), 1, 1, MAX_RESULTS)
        lang = _one(args, "lang")
        if lang is not None:
            _choice("lang", lang, LANGUAGES)
        return cls(
            q=q,
            themes=themes,
            filters=filters,
            bbox=_bbox(_one(args, "bbox")),
            start=start,
            end=end,
            vmin=vmin,
            vmax=vmax,
            places=_iris(args, "place", PLACE_NS),
            sort=sort,
            page=page,
            size=size,
            lang=lang,
        )

    def pairs(self) -> list[tuple[str, str]]:
        """The parameters as query-string pairs (defaults left out; themes as slugs)."""
        out: list[tuple[str, str]] = []
        if self.q:
            out.append(("q", self.q))
        out += _facet_pairs("theme", self.themes)
        for name in FLAT_FACETS:
            out += _facet_pairs(name, self.filters.get(name, ()))
        out += self._tail_pairs()
        return out

    def _tail_pairs(self) -> list[tuple[str, str]]:
        """The pairs after the facets (extents, sort, paging, language)."""
        out: list[tuple[str, str]] = [("place", v.removeprefix(PLACE_NS)) for v in self.places]
        if self.bbox:
            out.append(("bbox", ",".join(f"{x:g}" for x in self.bbox)))
        out += [(k, v.isoformat()) for k, v in (("start", self.start), ("end", self.end)) if v]
        out += [
            (k, f"{v:g}") for k, v in (("vmin", self.vmin), ("vmax", self.vmax)) if v is not None
        ]
        if self.sort != "relevance":
            out.append(("sort", self.sort))
        if self.page != 1:
            out.append(("page", str(self.page)))
        if self.size != DEFAULT_SIZE:
            out.append(("size", str(self.size)))
        if self.lang:
            out.append(("lang", self.lang))
        return out

    def url(self, path: str = "/api/search") -> str:
        """This search as a URL."""
        pairs = self.pairs()
        return path + ("?" + urlencode(pairs) if pairs else "")

    def toggle_urls(self, path: str = "/api/search") -> ToggleUrls:
        """A maker of ``self.toggled(…).url(path)`` that encodes the unchanged parts once."""
        return ToggleUrls(self, path)

    def toggled(self, facet: str, value: str, *, on: bool) -> SearchParams:
        """These parameters with ``value`` added to (``on``) or removed from ``facet``, page 1."""
        values = _toggle(self.selected(facet), value, on=on)
        if facet == "theme":
            return replace(self, themes=values, page=1)
        filters = {k: v for k, v in self.filters.items() if k != facet}
        if values:
            filters[facet] = values
        return replace(self, filters=filters, page=1)

    def selected(self, facet: str) -> tuple[str, ...]:
        """The values selected in ``facet`` (``theme`` or a flat facet)."""
        return self.themes if facet == "theme" else self.filters.get(facet, ())

    def without(self, facet: str) -> SearchParams:
        """These parameters without any value of ``facet`` (for its disjunctive counts)."""
        if facet == "theme":
            return replace(self, themes=())
        return replace(self, filters={k: v for k, v in self.filters.items() if k != facet})


def _toggle(current: tuple[str, ...], value: str, *, on: bool) -> tuple[str, ...]:
    """``current`` with ``value`` added last (``on``; kept in place if there) or removed."""
    if on and value in current:
        return current
    return tuple(v for v in current if v != value) + ((value,) if on else ())


def _facet_pairs(name: str, values: Iterable[str]) -> list[tuple[str, str]]:
    if name == "theme":
        return [("theme", v.removeprefix(THESAURUS_NS)) for v in values]
    if name in ("pole", "centre"):
        return [(name, v.removeprefix(ORG_NS)) for v in values]
    return [(name, v) for v in values]


@lru_cache(maxsize=16384)
def _encoded_pair(key: str, text: str) -> str:
    """``key=text`` as :func:`~urllib.parse.urlencode` writes it: the same facet values
    come back in every search, and quoting an IRI goes character by character."""
    return quote_plus(key) + "=" + quote_plus(text)


class ToggleUrls:
    """The ``apply`` / ``remove`` URLs of every facet value of one search.

    A page of results has hundreds of them; each differs from the search in one facet only,
    so the encoded query string is cut into the part before that facet, the facet and the
    part after it, and only the facet is encoded again. Equal to
    ``params.toggled(facet, value, on=…).url(path)`` (tested).
    """

    __slots__ = ("params", "path", "_parts")

    def __init__(self, params: SearchParams, path: str):
        self.params, self.path = params, path
        first = replace(params, page=1)
        current = {"theme": params.themes, **params.filters}
        parts = [urlencode([("q", params.q)])] if params.q else []
        self._parts: dict[str, tuple[str, str, str]] = {}
        names = ("theme", *FLAT_FACETS)
        encoded = [urlencode(_facet_pairs(n, current.get(n, ()))) for n in names]
        tail = urlencode(first._tail_pairs())
        for i, name in enumerate(names):
            before = "&".join(x for x in [*parts, *encoded[:i]] if x)
            after = "&".join(x for x in [*encoded[i + 1 :], tail] if x)
            self._parts[name] = (before, encoded[i], after)

    def url(self, facet: str, value: str, *, on: bool) -> str:
        """The URL of this search with ``value`` added to (``on``) or removed from ``facet``."""
        params = self.params
        before, chosen, after = self._parts[facet]
        current = params.selected(facet)
        if on and value not in current:  # most links: one pair after those of the facet
            ((key, text),) = _facet_pairs(facet, (value,))
            pair = _encoded_pair(key, text)
            middle = chosen + "&" + pair if chosen else pair
        elif not on and value not in current:  # removing what is not there: the facet as is
            middle = chosen
        else:
            middle = urlencode(_facet_pairs(facet, _toggle(current, value, on=on)))
        query = "&".join(x for x in (before, middle, after) if x)
        return self.path + ("?" + query if query else "")
