"""Building DCAT-AP triples: terms, dates, bounding boxes, licences (shared by converters).

Licences come from :mod:`.licences` (the one normaliser), re-exported here.

>>> bbox_wkt(-5.0, 41.0, 10.0, 51.5)
'POLYGON((-5 41, 10 41, 10 51.5, -5 51.5, -5 41))'
>>> date_literal("2012-03").value, date_literal("2012-03", end=True).value
('2012-03-01', '2012-03-31')
"""

from __future__ import annotations

import calendar
import datetime as _dt
import html
import re

import pyoxigraph as ox

from ..namespaces import DCAT3, DCTERMS, EU_AUTHORITY, XSD
from ..terms import DCAT, DCT, FOAF, SDO, SKOS
from .licences import find_licence, licence_iri

__all__ = [
    "Triples",
    "iri",
    "text",
    "plain",
    "guess_language",
    "is_url",
    "bbox_wkt",
    "points_box",
    "geojson_box",
    "date_literal",
    "add_period",
    "licence_iri",
    "find_licence",
    "byte_size",
    "LANGUAGES",
    "ACCESS_RIGHTS",
    "DCAT",
    "DCT",
    "FOAF",
    "SDO",
    "SKOS",
    "A",
    "WKT",
    "VCARD",
    "OWL",
    "RDFS",
]

A = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
WKT = ox.NamedNode("http://www.opengis.net/ont/geosparql#wktLiteral")
#: namespace strings (DCAT, DCT… above too), for the converters that still join them with a
#: local name: prefer the typed terms of :mod:`graph_loader.namespaces`
VCARD = "http://www.w3.org/2006/vcard/ns#"
OWL = "http://www.w3.org/2002/07/owl#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
#: ISO 639-1 code -> EU language authority IRI (the languages the catalogue meets), a string
LANGUAGES = {
    "fr": str(EU_AUTHORITY["language/FRA"]),
    "en": str(EU_AUTHORITY["language/ENG"]),
    "de": str(EU_AUTHORITY["language/DEU"]),
    "es": str(EU_AUTHORITY["language/SPA"]),
    "it": str(EU_AUTHORITY["language/ITA"]),
}
#: access level -> EU access-right authority IRI, a string
ACCESS_RIGHTS = {
    "public": str(EU_AUTHORITY["access-right/PUBLIC"]),
    "restricted": str(EU_AUTHORITY["access-right/RESTRICTED"]),
    "non-public": str(EU_AUTHORITY["access-right/NON_PUBLIC"]),
}
_URL = re.compile(r"^(https?|s?ftp|ftps)://[^/?#:@ \s]+[^\s<>\"{}|\\^`]*$")
_DATE = re.compile(
    r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2})"
    r"(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$"
)
_TIME = re.compile(r"^T(\d{2}):(\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


def iri(value: str) -> ox.NamedNode:
    """A named node (``value`` must be an absolute IRI)."""
    return ox.NamedNode(value)


def is_url(value: str) -> bool:
    """Whether ``value`` is an absolute http(s)/ftp URL usable as an IRI."""
    return bool(_URL.match(value.strip()))


def plain(value: str) -> str:
    """``value`` without HTML markup: entities decoded, tags dropped, spaces trimmed."""
    if "&lt;" in value or "&amp;" in value or "&quot;" in value:
        value = html.unescape(value)
    if re.search(r"</?(p|a|em|strong|br|b|i|ul|li|div|span)\b[^>]*>", value, re.IGNORECASE):
        value = html.unescape(re.sub(r"<[^>]+>", "", value))
    return value.replace("\r\n", "\n").strip()


_STOPWORDS = {
    "en": set("the of and in on for with from by to is are was were this that at as an be".split()),
    "fr": set("le la les des du de et en pour sur avec par dans une un est sont au aux ce".split()),
}


def guess_language(*texts: str) -> str | None:
    """``fr`` or ``en`` when the common words of ``texts`` clearly say which, else None.

    Used only for records that state no language (schema.org, OGC capabilities): at least
    three common words, and three times as many of one language as of the other.

    >>> guess_language("Profils de température des flotteurs Argo dans le golfe de Gascogne")
    'fr'
    >>> guess_language("Sea surface temperature from the Argo floats in the Bay of Biscay")
    'en'
    >>> guess_language("Argo SST") is None
    True
    """
    words = re.findall(r"[a-zà-ÿ]+", " ".join(texts).lower())
    counts = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    (first, top), (_, other) = sorted(counts.items(), key=lambda kv: -kv[1])
    return first if top >= 3 and top >= 3 * other else None


def text(value: str, lang: str | None = None) -> ox.Literal:
    """A literal, language-tagged when ``lang`` is known; HTML markup and spaces removed."""
    value = plain(value)
    return ox.Literal(value, language=lang.lower()) if lang else ox.Literal(value)


#: predicate IRI -> its NamedNode (see :meth:`Triples.add`)
_PREDICATES: dict[str, ox.NamedNode] = {}


class Triples(list):
    """The one triple collector of the converters: a list of triples with shorthands to add one
    (None objects are skipped), to make a typed node and to add tagged texts."""

    @property
    def triples(self) -> Triples:
        """The collected triples (the collector itself)."""
        return self

    def add(self, s, p: str | ox.NamedNode, o) -> None:
        """Append ``(s, p, o)`` unless ``o`` is None; ``p`` may be given as a string (its
        NamedNode made once: converters name a few dozen predicates a million times)."""
        if o is None:
            return
        if type(p) is not ox.NamedNode:
            p = _PREDICATES.get(p) or _PREDICATES.setdefault(p, ox.NamedNode(p))
        self.append(ox.Triple(s, p, o))

    def node(self, *types: str, subject=None, cls: str | None = None):
        """A new blank node (or ``subject``) typed with ``types`` (and ``cls``)."""
        s = subject if subject is not None else ox.BlankNode()
        for t in (*types, cls) if cls else types:
            self.add(s, A, ox.NamedNode(t))
        return s

    def texts(self, s, p: str, values: list[tuple[str, str | None]]) -> None:
        """Add one literal per (text, language) pair."""
        for value, lang in values:
            self.add(s, p, ox.Literal(value, language=lang) if lang else ox.Literal(value))


def _number(value: float) -> str:
    out = f"{value:.7f}".rstrip("0").rstrip(".")
    return "0" if out in ("-0", "") else out


def bbox_wkt(west: float, south: float, east: float, north: float) -> str:
    """A WKT polygon (lon lat order, closed ring) of a bounding box."""
    w, s, e, n = (_number(v) for v in (west, south, east, north))
    return f"POLYGON(({w} {s}, {e} {s}, {e} {n}, {w} {n}, {w} {s}))"


def points_box(points: list[tuple[float, float]]) -> str | None:
    """The WKT envelope of (lon, lat) points, else None (no point, or out of range).

    >>> points_box([(2, 44), (7, 46.5)])
    'POLYGON((2 44, 7 44, 7 46.5, 2 46.5, 2 44))'
    >>> points_box([(200, 44)]) is None
    True
    """
    if not points:
        return None
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    if not (-180 <= min(lons) and max(lons) <= 180 and -90 <= min(lats) and max(lats) <= 90):
        return None
    return bbox_wkt(min(lons), min(lats), max(lons), max(lats))


def geojson_box(geometry: object) -> str | None:
    """The WKT envelope of a GeoJSON geometry (a parsed object), else None.

    >>> geojson_box({"type": "Point", "coordinates": [5, 45]})
    'POLYGON((5 45, 5 45, 5 45, 5 45, 5 45))'
    """
    points: list[tuple[float, float]] = []

    def walk(coords: object) -> None:
        if (
            isinstance(coords, list)
            and len(coords) >= 2
            and all(isinstance(c, int | float) for c in coords[:2])
        ):
            points.append((float(coords[0]), float(coords[1])))
        elif isinstance(coords, list):
            for c in coords:
                walk(c)

    if isinstance(geometry, dict):
        walk(geometry.get("coordinates"))
    return points_box(points)


_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$")
_ONE_DIGIT = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[T ])")


def _loose(value: str) -> str:
    """ISO 8601 as records write it, in its extended form: compact (``20160926T021531Z``,
    ``19210101``), one-digit months or days (``2013-10-1``), a space before the time, ``UTC``,
    ``Z`` before an offset (``2011-03-31T12:35:01Z+0000``)."""
    compact = _COMPACT.match(value)
    if compact:
        y, mo, d, h, mi, sec, z = compact.groups()
        value = f"{y}-{mo}-{d}" + (f"T{h}:{mi}:{sec or '00'}{'Z' if z else ''}" if h else "")
    value = _ONE_DIGIT.sub(lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}", value)
    value = re.sub(r"^(\d{4}-\d{2}-\d{2}) +(\d{1,2}:\d{2})", r"\1T\2", value)
    value = re.sub(r"T(\d):", r"T0\1:", value)
    value = re.sub(r"\s*UTC$", "Z", value)
    return re.sub(r"Z([+-]\d{2}:?\d{2})$", r"\1", value)


def date_literal(
    value: str, *, end: bool = False, date_only: bool = False, exact: bool = False
) -> ox.Literal | None:
    """The one date reader of the converters: an ``xsd:gYear``, ``xsd:date`` or
    ``xsd:dateTime`` literal of an ISO 8601 date, or None (free text, ranges, impossible days,
    year 0000). The types are those the shapes accept.

    Loose forms real records write are read too (:func:`_loose`: compact, one-digit months,
    ``UTC``...). A year-month becomes the first (or, with ``end``, the last) day of the month; a
    time without
    seconds gets ``:00``, a ``+0200`` offset becomes ``+02:00``; ``date_only`` keeps the day of a
    date-time; with ``exact``, a year-month is no date (None: the caller keeps it as text).

    >>> date_literal("2019-05-15T09:00+0200").value, date_literal("2019-02-30")
    ('2019-05-15T09:00:00+02:00', None)
    """
    value = _loose(value.strip())
    match = _DATE.match(value)
    if not match:
        return None
    year, month, day, time = match.groups()
    if year.lstrip("-") == "0000":
        return None
    if month is None:
        return ox.Literal(year, datatype=ox.NamedNode(XSD.gYear))
    if not 1 <= int(month) <= 12:
        return None
    if day is None:
        if exact:
            return None
        last = calendar.monthrange(int(year), int(month))[1] if end else 1
        return ox.Literal(f"{year}-{month}-{last:02d}", datatype=ox.NamedNode(XSD.date))
    try:
        _dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    if not time or date_only:
        return ox.Literal(f"{year}-{month}-{day}", datatype=ox.NamedNode(XSD.date))
    hours, minutes, seconds, zone = _TIME.match(time).groups()
    if int(hours) > 24 or int(minutes) > 59 or float((seconds or ":0")[1:]) >= 61:
        return None
    zone = zone or ""
    if re.fullmatch(r"[+-]\d{4}", zone):
        zone = f"{zone[:3]}:{zone[3:]}"
    stamp = f"{year}-{month}-{day}T{hours}:{minutes}{seconds or ':00'}{zone}"
    return ox.Literal(stamp, datatype=ox.NamedNode(XSD.dateTime))


_SIZE = re.compile(
    r"^\s*(\d+(?:[.,]\d+)?)\s*(bytes?|octets?|b|o|([kmgtp])(i?)(?:b|o|bytes?|octets?))?\s*$",
    re.IGNORECASE,
)
_POWERS = {"k": 1, "m": 2, "g": 3, "t": 4, "p": 5}


def byte_size(value: str) -> ox.Literal | None:
    """The ``dcat:byteSize`` (``xsd:nonNegativeInteger``) of a size written as a number of bytes,
    with or without a unit (``4898073``, ``2.5 MB``, ``12 Ko``, ``3 GiB``); None for other sizes
    (``15 pages``, ``3 files``).

    >>> byte_size("4898073").value, byte_size("2,5 MB").value, byte_size("1 KiB").value
    ('4898073', '2500000', '1024')
    >>> byte_size("15 pages") is None
    True
    """
    match = _SIZE.match(value)
    if not match:
        return None
    number, unit, prefix, binary = match.groups()
    amount = float(number.replace(",", "."))
    if prefix:
        amount *= (1024 if binary else 1000) ** _POWERS[prefix.lower()]
    elif "." in number or "," in number:
        return None  # a fraction of a byte is no byte count
    return ox.Literal(str(round(amount)), datatype=ox.NamedNode(XSD.nonNegativeInteger))


def add_period(out: Triples, subject, start: ox.Literal | None, end: ox.Literal | None) -> None:
    """``subject dct:temporal [ a dct:PeriodOfTime; dcat:startDate start; dcat:endDate end ]``
    when either bound is known (a missing bound is left out).

    >>> out = Triples()
    >>> add_period(out, ox.NamedNode("https://example.org/d"), date_literal("2001"), None)
    >>> [t.predicate.value.rsplit("/", 1)[-1] for t in out]
    ['temporal', '22-rdf-syntax-ns#type', 'dcat#startDate']
    >>> add_period(out, ox.NamedNode("https://example.org/d"), None, None); len(out)
    3
    """
    if start is None and end is None:
        return
    period = ox.BlankNode()
    out.add(subject, DCTERMS.temporal, period)
    out.add(period, A, ox.NamedNode(DCTERMS.PeriodOfTime))
    out.add(period, DCAT3.startDate, start)
    out.add(period, DCAT3.endDate, end)
