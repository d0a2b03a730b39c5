"""A STAC API (core, collections, item-search) over the datasets (no Flask).

Each dataset with a footprint (a WKT bounding geometry of its ``dct:spatial``) is a STAC
Collection, id = the slug of its IRI; each of its distributions is an Item with the dataset's
footprint as geometry, its period as ``start_datetime``/``end_datetime`` and the distribution's
URL as the ``data`` asset. ``search`` filters items by ``bbox`` (intersection; a west > east
box crosses the antimeridian), ``datetime`` (an instant or an interval with ``..`` open ends;
overlap), ``collections`` and ``ids``, ``limit`` items per page with a ``next`` link.
``/collections`` takes the same ``bbox`` and ``datetime`` (collection search).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import datetime

from graph_loader.store import Store
from sparql_api.core.rq import load_query
from sparql_api.linked_data.schemaorg import wkt_box

__all__ = [
    "STAC_VERSION",
    "CONFORMANCE",
    "StacError",
    "load_collections",
    "landing_page",
    "collection_json",
    "item_json",
    "item_period",
    "LICENCES",
]

STAC_VERSION = "1.1.0"
#: the language a collection's single-valued fields (its publisher's name) prefer: STAC is read
#: by tools that expect English
STAC_LANG = "en"
CONFORMANCE = [
    "https://api.stacspec.org/v1.0.0/core",
    "https://api.stacspec.org/v1.0.0/collections",
    "https://api.stacspec.org/v1.0.0/item-search",
    "https://api.stacspec.org/v1.0.0/ogcapi-features",
    "https://api.stacspec.org/v1.0.0-rc.1/collection-search",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
]
#: licence IRI -> SPDX id (others are "other", with a license link)
LICENCES = {
    "http://creativecommons.org/licenses/by/4.0/": "CC-BY-4.0",
    "https://creativecommons.org/licenses/by/4.0/": "CC-BY-4.0",
    "http://creativecommons.org/licenses/by-sa/4.0/": "CC-BY-SA-4.0",
    "http://creativecommons.org/publicdomain/zero/1.0/": "CC0-1.0",
    "https://www.etalab.gouv.fr/licence-ouverte-open-licence/": "etalab-2.0",
    "https://www.etalab.gouv.fr/licence-ouverte-open-licence": "etalab-2.0",
}
MAX_LIMIT = 1000
DEFAULT_LIMIT = 10


class StacError(ValueError):
    """A bad parameter: ``key`` names the message of :mod:`sparql_api.web.i18n`."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass
class Collection:
    """What a dataset's STAC Collection and Items are made of."""

    iri: str
    id: str
    bbox: tuple[float, float, float, float]
    titles: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    start: str | None = None
    end: str | None = None
    licence: str | None = None
    publisher: dict | None = None
    modified: str | None = None
    items: list[dict] = field(default_factory=list)


def _text(texts: dict[str, str], lang: str) -> str | None:
    for key in (lang, "en", "fr", ""):
        if texts.get(key):
            return texts[key]
    return next(iter(sorted(texts.values())), None)


def load_collections(store: Store) -> dict[str, Collection]:
    """Every dataset with a footprint, by collection id (sorted)."""
    found: dict[str, Collection] = {}
    for row in store.select(load_query("stac_collections")):
        iri = row["d"].value
        box = wkt_box(row["wkt"].value)
        if box is None:
            continue
        cid = iri.rstrip("/").rsplit("/", 1)[-1]
        c = found.setdefault(cid, Collection(iri, cid, box))
        for name, target in (("title", c.titles), ("description", c.descriptions)):
            if name in row:
                lang = (row[name].language or "")[:2]
                if lang not in target or row[name].value < target[lang]:
                    target[lang] = row[name].value
        c.start = c.start or (row["start"].value if "start" in row else None)
        c.end = c.end or (row["end"].value if "end" in row else None)
        c.licence = c.licence or (row["licence"].value if "licence" in row else None)
        c.modified = c.modified or (row["modified"].value if "modified" in row else None)
        if "publisher" in row and "publisherName" in row:
            name = row["publisherName"]
            current = c.publisher
            if current is None or (name.language == STAC_LANG and current.get("lang") != STAC_LANG):
                c.publisher = {"name": name.value, "lang": name.language}
                if "homepage" in row:
                    c.publisher["url"] = row["homepage"].value
    by_iri = {c.iri: c for c in found.values()}
    items: dict[str, dict] = {}
    for row in store.select(load_query("stac_items")):
        c = by_iri.get(row["d"].value)
        if c is None:
            continue
        dist = row["dist"].value
        item = items.setdefault(dist, {"iri": dist, "collection": c, "titles": {}})
        if dist not in [i["iri"] for i in c.items]:
            c.items.append(item)
        if "title" in row:
            item["titles"][(row["title"].language or "")[:2]] = row["title"].value
        for name in ("download", "access", "mediaType", "format"):
            if name in row and name not in item:
                item[name] = row[name].value
    for c in found.values():
        c.items.sort(key=lambda i: i["iri"])
    return dict(sorted(found.items()))


#: an xsd:gYear, gYearMonth or date (its offset dropped), or an xsd:dateTime
_DAY = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:Z|[+-]\d\d:\d\d)?")
_TIME = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?)(Z|[+-]\d\d:\d\d)?")


def _instant(value: str | None, end: bool = False) -> str | None:
    """An RFC 3339 date-time from an xsd date or date-time (no offset: UTC); None if neither.

    A year, month or day is its first instant, or its last with ``end``.

    >>> _instant("2006-06-01"), _instant("2006-08-31", end=True)
    ('2006-06-01T00:00:00Z', '2006-08-31T23:59:59Z')
    >>> _instant("2006-06-01T10:00:00-03:00"), _instant("2006-06-01T10:00:00")
    ('2006-06-01T10:00:00-03:00', '2006-06-01T10:00:00Z')
    >>> _instant("2006"), _instant("2008-02", end=True), _instant("2006-06-01+02:00")
    ('2006-01-01T00:00:00Z', '2008-02-29T23:59:59Z', '2006-06-01T00:00:00Z')
    >>> _instant("sometime"), _instant("2006-02-30"), _instant("2006-13")
    (None, None, None)
    """
    if not value:
        return None
    if found := _TIME.fullmatch(value):
        text = found.group(1) + (found.group(2) or "Z")
    elif found := _DAY.fullmatch(value):
        year, month, day = found.groups()
        month = month or ("12" if end else "01")
        if not 1 <= int(month) <= 12:
            return None
        day = day or (f"{calendar.monthrange(int(year), int(month))[1]:02d}" if end else "01")
        text = f"{year}-{month}-{day}" + ("T23:59:59Z" if end else "T00:00:00Z")
    else:
        return None
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:  # 2006-02-30
        return None
    return text


def item_period(c: Collection) -> tuple[str, str]:
    """The first and last instants of an Item of ``c``: what its properties say.

    Its ``start_datetime``/``end_datetime`` when the dataset's period is closed; otherwise
    its single ``datetime`` (the start of an open period, else the dataset's modification
    date), twice.
    """
    start, end = _instant(c.start), _instant(c.end, end=True)
    if start and end:
        return start, end
    moment = start or _instant(c.modified) or "1970-01-01T00:00:00Z"
    return moment, moment


def _polygon(box: tuple[float, float, float, float]) -> dict:
    w, s, e, n = box
    ring = [[w, s], [e, s], [e, n], [w, n], [w, s]]
    return {"type": "Polygon", "coordinates": [ring]}


def landing_page(root: str) -> dict:
    """The STAC API landing page (a Catalog) at ``root`` (…/stac)."""
    return {
        "type": "Catalog",
        "stac_version": STAC_VERSION,
        "id": "gaia-data",
        "title": "GAIA Data – Data Terra",
        "description": "Datasets of the Data Terra hubs with a footprint, as STAC Collections; "
        "their distributions as Items.",
        "conformsTo": CONFORMANCE,
        "links": [
            {"rel": "self", "href": root, "type": "application/json"},
            {"rel": "root", "href": root, "type": "application/json"},
            {"rel": "conformance", "href": root + "/conformance", "type": "application/json"},
            {"rel": "data", "href": root + "/collections", "type": "application/json"},
            {
                "rel": "service-desc",
                "href": root.removesuffix("/stac") + "/openapi.json",
                "type": "application/json",  # what /openapi.json answers
            },
            {
                "rel": "search",
                "href": root + "/search",
                "type": "application/geo+json",
                "method": "GET",
            },
            {
                "rel": "search",
                "href": root + "/search",
                "type": "application/geo+json",
                "method": "POST",
            },
        ],
    }


def collection_json(c: Collection, root: str, lang: str = "en") -> dict:
    """The STAC Collection of a dataset."""
    href = f"{root}/collections/{c.id}"
    licence = LICENCES.get(c.licence or "", "other" if c.licence else "proprietary")
    links = [
        {"rel": "self", "href": href, "type": "application/json"},
        {"rel": "root", "href": root, "type": "application/json"},
        {"rel": "parent", "href": root, "type": "application/json"},
        {"rel": "items", "href": href + "/items", "type": "application/geo+json"},
        {"rel": "about", "href": c.iri, "type": "text/html"},
        {"rel": "describedby", "href": c.iri + ".jsonld", "type": "application/ld+json"},
    ]
    if c.licence:
        links.append({"rel": "license", "href": c.licence})
    out = {
        "type": "Collection",
        "stac_version": STAC_VERSION,
        "stac_extensions": [],
        "id": c.id,
        "title": _text(c.titles, lang) or c.id,
        "description": _text(c.descriptions, lang) or _text(c.titles, lang) or c.id,
        "license": licence,
        "extent": {
            "spatial": {"bbox": [list(c.bbox)]},
            "temporal": {"interval": [[_instant(c.start), _instant(c.end, end=True)]]},
        },
        "links": links,
    }
    if c.publisher:
        provider = {"name": c.publisher["name"], "roles": ["producer", "host"]}
        if "url" in c.publisher:
            provider["url"] = c.publisher["url"]
        out["providers"] = [provider]
    return out


def item_json(item: dict, root: str, lang: str = "en") -> dict:
    """The STAC Item of a distribution."""
    c: Collection = item["collection"]
    iid = item["iri"].rstrip("/").rsplit("/", 1)[-1]
    start, end = item_period(c)
    properties: dict = {"title": _text(item["titles"], lang) or iid}
    if start != end:
        properties.update(datetime=None, start_datetime=start, end_datetime=end)
    else:
        properties["datetime"] = start
    href = f"{root}/collections/{c.id}"
    out = {
        "type": "Feature",
        "stac_version": STAC_VERSION,
        "stac_extensions": [],
        "id": iid,
        "collection": c.id,
        "geometry": _polygon(c.bbox),
        "bbox": list(c.bbox),
        "properties": properties,
        "links": [
            {"rel": "self", "href": f"{href}/items/{iid}", "type": "application/geo+json"},
            {"rel": "collection", "href": href, "type": "application/json"},
            {"rel": "parent", "href": href, "type": "application/json"},
            {"rel": "root", "href": root, "type": "application/json"},
            {"rel": "about", "href": item["iri"], "type": "text/html"},
        ],
        "assets": {},
    }
    url = item.get("download") or item.get("access")
    if url:
        asset = {"href": url, "title": properties["title"], "roles": ["data"]}
        if item.get("mediaType", "").count("/") == 1 and "://" not in item["mediaType"]:
            asset["type"] = item["mediaType"]
        out["assets"]["data"] = asset
    return out
