"""What a dataset page needs to show the data itself on its map: the OGC Web Map Services the
record declares (its data services conforming to WMS, :mod:`sparql_api.portal.data_services`),
with the names that may be its layer's (the dataset's identifiers, the titles of the services
and of the distributions reaching it: an ISO online resource names its layer), and the
origins the page must be allowed to reach (the Content-Security-Policy of that one page:
:func:`sparql_api.web.headers.allow_sources`). The browser does the rest
(``static/preview.js``): it reads the capabilities, offers the layers, draws the chosen one
with its legend, opacity and time. Plain functions (no Flask).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from graph_loader.mappings.ogc_capabilities import STANDARDS
from graph_loader.parsing import web_url

__all__ = ["map_previews", "origin", "page_sources"]

#: ``dct:conformsTo`` IRIs of a Web Map Service: OGC's, else one naming WMS (not WMTS)
_WMS = re.compile(r"(?<![a-z])wms(?![a-z])|web_?-?map_?-?service", re.I)
#: a GetCapabilities request (of a service of unknown kind, or a WMS)
_GET_CAPABILITIES = re.compile(r"[?&]request=getcapabilities(?:&|$)", re.I)
_OTHER_SERVICE = re.compile(r"[?&]service=(?!wms(?:&|$))", re.I)
#: an endpoint URL that asks for a WMS (``…?service=WMS``), whatever its service says
_WMS_QUERY = re.compile(r"[?&]service=wms(?:&|$)", re.I)
#: at most so many names are offered to the page as hints of the dataset's layer
_MAX_HINTS = 20


def _is_wms(conforms: list[str], endpoint: str) -> bool:
    """Whether a service is a Web Map Service, by its standards or its endpoint URL.

    >>> _is_wms(["urn:ogc:serviceType:WebMapService:1.3.0"], "https://x.org/ows")
    True
    >>> _is_wms([], "https://x.org/ows?SERVICE=WMS"), _is_wms([STANDARDS["wmts"]], "https://x.org/")
    (True, False)
    """
    if _WMS_QUERY.search(endpoint):
        return True
    return any(c == STANDARDS["wms"] or _WMS.search(c) for c in conforms)


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
    """The WMS GetCapabilities request among a service's endpoint descriptions: the one URL
    that keeps the parameters some servers need (MapServer's ``map=``), or None.

    >>> _capabilities(["https://x.org/cgi?map=a.map&SERVICE=WMS&REQUEST=GetCapabilities"])
    'https://x.org/cgi?map=a.map&SERVICE=WMS&REQUEST=GetCapabilities'
    >>> _capabilities(["https://x.org/openapi.json"]) is None
    True
    """
    for url in descriptions:
        if _GET_CAPABILITIES.search(url) and not _OTHER_SERVICE.search(url) and web_url(url):
            return url
    return None


def map_previews(services: list[dict], names: list[str]) -> list[dict]:
    """The Web Map Services among a dataset's ``services`` (as
    :func:`~sparql_api.portal.data_services.dataset_services` gives them) with an http(s)
    endpoint: ``{endpoint, title, hints}``, the endpoint being the GetCapabilities request
    the service describes itself with, else its endpoint URL; ``hints`` being ``names`` (the
    dataset's identifiers, its distributions' titles) and the service's titles, each once.

    >>> s = {"endpoint": "https://x.org/wms", "conforms": [STANDARDS["wms"]],
    ...      "title": {"text": "Zones"}, "names": ["zones"]}
    >>> map_previews([s], ["ID-1"])
    [{'endpoint': 'https://x.org/wms', 'title': 'Zones', 'hints': ['ID-1', 'zones']}]
    >>> map_previews([{**s, "conforms": [STANDARDS["wmts"]]}], [])
    []
    """
    found = []
    for service in services:
        endpoint = _capabilities(service.get("descriptions", ())) or web_url(
            service.get("endpoint") or ""
        )
        if not endpoint or not _is_wms(service["conforms"], endpoint):
            continue
        hints = list(dict.fromkeys(h.strip() for h in (*names, *service["names"]) if h.strip()))
        found.append(
            {"endpoint": endpoint, "title": service["title"]["text"], "hints": hints[:_MAX_HINTS]}
        )
    return found


def page_sources(previews: list[dict], pictures: list[str]) -> dict[str, list[str]]:
    """The origins a dataset page loads from: its pictures and map images (``img``), the
    capabilities of its Web Map Services (``connect``).

    >>> page_sources([{"endpoint": "https://x.org/wms"}], ["https://y.org/a.png"])
    {'img': ['https://x.org', 'https://y.org'], 'connect': ['https://x.org']}
    """
    services = sorted({o for p in previews if (o := origin(p["endpoint"]))})
    pictures_from = {o for u in pictures if (o := origin(u))}
    return {"img": sorted(pictures_from | set(services)), "connect": services}
