"""What a dataset page needs to show the data itself on its map: the OGC Web Map Services and
Web Map Tile Services the record declares (its data services conforming to WMS or WMTS,
:mod:`sparql_api.portal.data_services`),
with the names that may be its layer's (the dataset's identifiers, the titles of the services
and of the distributions reaching it: an ISO online resource names its layer), and the
origins the page must be allowed to load images from (the Content-Security-Policy of that
one page: :func:`sparql_api.web.headers.allow_sources`). The server reads the capabilities
for the page (:mod:`sparql_api.portal.capabilities`: a browser may not read another origin's);
the browser (``static/preview.js``) offers the layers and draws the chosen one with its
legend, opacity and time. Plain functions (no Flask).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from graph_loader.mappings.ogc_capabilities import STANDARDS
from graph_loader.parsing import web_url

__all__ = ["map_previews", "origin", "page_sources"]

#: ``dct:conformsTo`` IRIs naming a Web Map Tile Service, else a Web Map Service
_WMTS = re.compile(r"(?<![a-z])wmts(?![a-z])|web_?-?map_?-?tile_?-?service", re.I)
_WMS = re.compile(r"(?<![a-z])wms(?![a-z])|web_?-?map_?-?service", re.I)
#: a GetCapabilities request, and the service it asks for
_GET_CAPABILITIES = re.compile(r"[?&]request=getcapabilities(?:&|$)", re.I)
_SERVICE = re.compile(r"[?&]service=([a-z]+)(?:&|$)", re.I)
#: a WMTS's RESTful capabilities document
_WMTS_DOCUMENT = re.compile(r"/WMTSCapabilities\.xml$", re.I)
#: at most so many names are offered to the page as hints of the dataset's layer
_MAX_HINTS = 20


def _kind(conforms: list[str], endpoint: str) -> str | None:
    """ "wms" or "wmts" for a Web Map (Tile) Service, by its endpoint URL, else its
    standards; None for another service.

    >>> _kind(["urn:ogc:serviceType:WebMapService:1.3.0"], "https://x.org/ows")
    'wms'
    >>> _kind([], "https://x.org/ows?SERVICE=WMS"), _kind([STANDARDS["wmts"]], "https://x.org/")
    ('wms', 'wmts')
    >>> _kind([], "https://x.org/wmts/1.0.0/WMTSCapabilities.xml"), _kind([], "https://x.org/")
    ('wmts', None)
    """
    asked = _SERVICE.search(endpoint)
    if asked:
        name = asked.group(1).lower()
        return name if name in ("wms", "wmts") else None
    if _WMTS_DOCUMENT.search(urlsplit(endpoint).path):
        return "wmts"
    if any(c == STANDARDS["wmts"] or _WMTS.search(c) for c in conforms):
        return "wmts"
    if any(c == STANDARDS["wms"] or _WMS.search(c) for c in conforms):
        return "wms"
    return None


def origin(url: str) -> str | None:
    """The origin (scheme, host, port) of an http(s) URL, or None.

    >>> origin("https://sextant.ifremer.fr/services/wms/dcsmm?x=1")
    'https://sextant.ifremer.fr'
    >>> origin("http://127.0.0.1:8080/wms"), origin("javascript:alert(1)")
    ('http://127.0.0.1:8080', None)
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{parts.scheme}://{host}" + (f":{parts.port}" if parts.port else "")


def _capabilities(descriptions) -> str | None:
    """The GetCapabilities request among a service's endpoint descriptions: the one URL that
    keeps the parameters some servers need (MapServer's ``map=``), or None.

    >>> _capabilities(["https://x.org/cgi?map=a.map&SERVICE=WMS&REQUEST=GetCapabilities"])
    'https://x.org/cgi?map=a.map&SERVICE=WMS&REQUEST=GetCapabilities'
    >>> _capabilities(["https://x.org/openapi.json"]) is None
    True
    """
    for url in descriptions:
        if (_GET_CAPABILITIES.search(url) or _WMTS_DOCUMENT.search(url)) and web_url(url):
            return url
    return None


def map_previews(services: list[dict], names: list[str]) -> list[dict]:
    """The Web Map (Tile) Services among a dataset's ``services`` (as
    :func:`~sparql_api.portal.data_services.dataset_services` gives them) with an http(s)
    endpoint: ``{endpoint, kind, title, hints}``, the endpoint being the GetCapabilities
    request the service describes itself with, else its endpoint URL; ``kind`` "wms" or
    "wmts"; ``hints`` being ``names`` (the dataset's identifiers, its distributions' titles)
    and the service's titles, each once.

    >>> s = {"endpoint": "https://x.org/wms", "conforms": [STANDARDS["wms"]],
    ...      "title": {"text": "Zones"}, "names": ["zones"]}
    >>> map_previews([s], ["ID-1"])
    [{'endpoint': 'https://x.org/wms', 'kind': 'wms', 'title': 'Zones', 'hints': ['ID-1', 'zones']}]
    >>> [p["kind"] for p in map_previews([{**s, "conforms": [STANDARDS["wmts"]]}], [])]
    ['wmts']
    >>> map_previews([{**s, "conforms": [STANDARDS["wfs"]]}], [])
    []
    """
    found = []
    for service in services:
        endpoint = _capabilities(service.get("descriptions", ())) or web_url(
            service.get("endpoint") or ""
        )
        kind = endpoint and _kind(service["conforms"], endpoint)
        if not kind:
            continue
        hints = list(dict.fromkeys(h.strip() for h in (*names, *service["names"]) if h.strip()))
        found.append(
            {
                "endpoint": endpoint,
                "kind": kind,
                "title": service["title"]["text"],
                "hints": hints[:_MAX_HINTS],
            }
        )
    return found


def page_sources(previews: list[dict], pictures: list[str]) -> dict[str, list[str]]:
    """The origins a dataset page loads images from: its pictures, and its map services'
    tiles and legends (the capabilities are read by the server, never by the page). A map
    service's images may come from another origin than its endpoint's (a WMTS's tiles, a
    capabilities' GetMap URL): the page learns of those from the capabilities, and shows
    only what this policy allows.

    >>> page_sources([{"endpoint": "https://x.org/wms"}], ["https://y.org/a.png"])
    {'img': ['https://x.org', 'https://y.org'], 'connect': []}
    """
    services = {o for p in previews if (o := origin(p["endpoint"]))}
    pictures_from = {o for u in pictures if (o := origin(u))}
    return {"img": sorted(pictures_from | services), "connect": []}
