"""The capabilities of a map service a record offers, read by the server for the dataset page's
preview (``static/preview.js``): a browser cannot read another origin's GetCapabilities
unless that server allows it (CORS), and most do not. Plain functions (no Flask); the route is
:mod:`sparql_api.portal.capabilities_routes`, which asks only for the services that a
dataset of the store offers (:func:`~sparql_api.portal.previews.map_previews`).

- fetching (:func:`fetch`): GET with a timeout, at most :data:`MAX_BYTES` read, a few
  redirects, and never to an address of a private, loopback or link-local network unless the
  settings allow it (a record may name any host: the server must not become a way in);
- reading (:func:`read`): OWSLib parses WMS 1.1.1 / 1.3.0 and WMTS 1.0.0 capabilities, after
  :func:`~graph_loader.mappings.xmlsafe.parse_xml` refused entity declarations; the answer is
  the layers (name, title, geographic box, legend, time dimension) and, for a WMS, the GetMap
  URL and formats; for a WMTS layer, its tiles in a Web Mercator (EPSG:3857) tile matrix set
  as a URL template and the tile matrix of each Leaflet zoom level (:mod:`.wmts`);
- :class:`Cache`: answers (and failures, for less long) kept per URL for a while.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx

from graph_loader.errors import InputError
from graph_loader.mappings.xmlsafe import parse_xml
from sparql_api.portal.times import expand_times
from sparql_api.portal.wmts import wmts_layers

__all__ = ["Cache", "CapabilitiesError", "capabilities_url", "fetch", "read", "MAX_BYTES"]

#: capabilities larger than this are not read (bytes)
MAX_BYTES = 5 * 1024 * 1024
TIMEOUT_SECONDS = 10.0
MAX_REDIRECTS = 3
_SERVICE_PARAMS = re.compile(r"^(service|request|version|acceptversions)$", re.I)


class CapabilitiesError(Exception):
    """The service could not be read: ``key`` is the message of :mod:`sparql_api.web.i18n`."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def capabilities_url(endpoint: str, kind: str) -> str:
    """The GetCapabilities request of the ``kind`` ("wms", "wmts") service at ``endpoint``:
    its other parameters kept (MapServer's ``map=``); a WMTS's REST document as it is.

    >>> capabilities_url("https://x.org/cgi?map=a.map&service=WMS&request=GetMap", "wms")
    'https://x.org/cgi?map=a.map&SERVICE=WMS&REQUEST=GetCapabilities'
    >>> capabilities_url("https://x.org/wmts/1.0.0/WMTSCapabilities.xml", "wmts")
    'https://x.org/wmts/1.0.0/WMTSCapabilities.xml'
    """
    parts = urlsplit(endpoint)
    if kind == "wmts" and parts.path.lower().endswith(".xml"):
        return endpoint
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    kept = [(k, v) for k, v in kept if not _SERVICE_PARAMS.match(k)]
    query = urlencode([*kept, ("SERVICE", kind.upper()), ("REQUEST", "GetCapabilities")])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def _public(host: str) -> bool:
    """Whether every address ``host`` resolves to is a public one.

    >>> _public("127.0.0.1"), _public("169.254.169.254"), _public("10.1.2.3")
    (False, False, False)
    """
    try:
        found = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except OSError:
        return True  # not resolved: the request fails by itself
    for *_, address in found:
        ip = ipaddress.ip_address(address[0].split("%")[0])
        if not ip.is_global or ip.is_multicast:
            return False
    return True


def fetch(url: str, *, allow_private: bool = False, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The body of ``url`` (GET, no cookies), at most :data:`MAX_BYTES` read within twice
    ``timeout``;
    :class:`CapabilitiesError` when the server cannot be reached, refuses, or answers too
    much, or (unless ``allow_private``) when it or a redirect is on a private network."""

    def guard(request: httpx.Request) -> None:
        if request.url.scheme not in ("http", "https"):
            raise CapabilitiesError("capabilities_unreachable")
        if not allow_private and not _public(request.url.host):
            raise CapabilitiesError("capabilities_private")

    hooks = {"request": [guard]}
    try:
        with (
            httpx.Client(
                timeout=timeout,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                event_hooks=hooks,
                headers={"User-Agent": "gaia-kg map preview"},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code != 200:
                raise CapabilitiesError("capabilities_unreachable")
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > MAX_BYTES:
                raise CapabilitiesError("capabilities_too_large")
            body = bytearray()
            deadline = time.monotonic() + 2 * timeout  # a server that sends drop by drop
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_BYTES:
                    raise CapabilitiesError("capabilities_too_large")
                if time.monotonic() > deadline:
                    raise CapabilitiesError("capabilities_unreachable")
            return bytes(body)
    except httpx.HTTPError:
        raise CapabilitiesError("capabilities_unreachable") from None


def _inherited(layer, read: Callable) -> object:
    """The first value ``read`` finds on ``layer`` or, up the tree, on a parent layer."""
    while layer is not None:
        value = read(layer)
        if value:
            return value
        layer = layer.parent
    return None


def _box(layer) -> list[float] | None:
    box = layer.boundingBoxWGS84
    return [float(v) for v in box[:4]] if box and all(v is not None for v in box[:4]) else None


def _time(layer) -> dict | None:
    values = expand_times(",".join(layer.timepositions or []))
    if not values:
        return None
    default = (layer.defaulttimeposition or "").strip()
    return {"values": values, "default": default if default in values else values[-1]}


def _legend(layer) -> dict | None:
    for name, style in (layer.styles or {}).items():
        if style.get("legend"):
            return {"style": name, "url": style["legend"]}
    return None


def _wms_layers(service) -> list[dict]:
    """The named layers of a parsed WMS that have no named layer below them, with the box,
    dates and legend they have or inherit from a parent layer."""
    return [
        {
            "name": layer.name,
            "title": layer.title or layer.name,
            "bbox": _inherited(layer, _box),
            "time": _inherited(layer, _time),
            "legend": _inherited(layer, _legend),
        }
        for layer in service.contents.values()
        if layer.name and not _named_below(layer)
    ]


def _named_below(layer) -> bool:
    return any(child.name or _named_below(child) for child in layer.layers)


def _operation_url(service, name: str) -> str | None:
    try:
        operation = service.getOperationByName(name)
    except KeyError:
        return None
    for method in operation.methods:
        if method.get("type", "").lower() == "get" and method.get("url"):
            return method["url"]
    return None


def read(data: bytes, url: str) -> dict:
    """What the preview needs of the capabilities ``data`` read at ``url``: ``{kind, version,
    layers}`` (and for a WMS ``getmap``, ``formats``); CapabilitiesError if they are not the
    capabilities of a WMS or a WMTS."""
    try:
        root = parse_xml(data, name="capabilities")
    except InputError:
        raise CapabilitiesError("capabilities_unreadable") from None
    tag = root.tag.rsplit("}", 1)[-1]
    try:
        if tag in ("WMS_Capabilities", "WMT_MS_Capabilities"):
            from owslib.wms import WebMapService

            version = "1.3.0" if tag == "WMS_Capabilities" else "1.1.1"
            service = WebMapService(url, version=version, xml=data)
            getmap = _operation_url(service, "GetMap")
            formats = list(service.getOperationByName("GetMap").formatOptions or [])
            return {
                "kind": "wms",
                "version": version,
                "getmap": getmap,
                "formats": formats,
                "layers": _wms_layers(service),
            }
        if tag == "Capabilities" and "wmts" in root.tag.lower():
            from owslib.wmts import WebMapTileService

            service = WebMapTileService(url, xml=data)
            return {
                "kind": "wmts",
                "version": "1.0.0",
                "layers": wmts_layers(service, _operation_url(service, "GetTile")),
            }
    except CapabilitiesError:
        raise
    except Exception:  # noqa: BLE001 - OWSLib raises many kinds on documents it cannot read
        raise CapabilitiesError("capabilities_unreadable") from None
    raise CapabilitiesError("capabilities_unreadable")


class Cache:
    """Answers per key for ``seconds`` (failures for ``failure_seconds``), at most ``size``
    keys (the least recently used go first). Thread-safe; two requests for a key not yet
    cached may both compute it.

    >>> c = Cache(size=2); c.get("a", lambda: 1), c.get("a", lambda: 2)
    (1, 1)
    """

    def __init__(self, size: int = 256, seconds: float = 600.0, failure_seconds: float = 60.0):
        self.size, self.seconds, self.failure_seconds = size, seconds, failure_seconds
        self._items: OrderedDict[str, tuple[float, object, bool]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, compute: Callable[[], object]):
        now = time.monotonic()
        with self._lock:
            hit = self._items.get(key)
            if hit and hit[0] > now:
                self._items.move_to_end(key)
                if hit[2]:
                    raise hit[1]
                return hit[1]
        try:
            value, failed = compute(), False
        except CapabilitiesError as exc:
            value, failed = exc, True
        with self._lock:
            keep = self.failure_seconds if failed else self.seconds
            self._items[key] = (now + keep, value, failed)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        if failed:
            raise value
        return value
