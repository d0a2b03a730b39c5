"""A real Web Map Tile Service for the tests: Debian's MapCache (``mapcache``, the CGI
program, from ``.ci/install-mapcache.sh``) behind a small HTTP server on 127.0.0.1, serving
as WMTS the layer ``zones`` of the test's MapServer WMS (:mod:`wms_server`), in the
GoogleMapsCompatible tile matrix set (EPSG:3857), with the WMS layer's time dimension (MapCache
passes the date on to MapServer). Its tiles are cached in the test's temporary folder.

Each request runs ``mapcache`` as CGI does (the path after ``/mapcache`` as ``PATH_INFO``);
the server keeps the paths and queries it answered (``requests``)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from cgi_support import cgi_reply, serving
from wms_server import LAYERS, TIMES

MAPCACHE = "/usr/lib/cgi-bin/mapcache"
#: the zones' extent (4°W–3°E, 43°N–49°N) in Web Mercator metres
EXTENT = "-445277.96 5311971.85 333958.47 6274861.39"

CONFIG = """<?xml version="1.0" encoding="UTF-8"?>
<mapcache>
  <metadata><title>gaia-kg test tiles</title><url>{url}/</url></metadata>
  <cache name="disk" type="disk"><base>{folder}/cache</base></cache>
  <source name="zones" type="wms">
    <getmap><params>
      <FORMAT>image/png</FORMAT><LAYERS>zones</LAYERS><TRANSPARENT>true</TRANSPARENT>
    </params></getmap>
    <http><url>{wms}</url></http>
  </source>
  <tileset name="zones">
    <metadata><title>{title}</title></metadata>
    <source>zones</source>
    <cache>disk</cache>
    <grid restricted_extent="{extent}">GoogleMapsCompatible</grid>
    <format>PNG</format>
    <metatile>1 1</metatile>
    <dimensions>
      <dimension type="values" name="TIME" default="{last}">{values}</dimension>
    </dimensions>
  </tileset>
  <service type="wmts" enabled="true"/>
  <errors>report</errors>
  <locker type="disk"><directory>{folder}</directory></locker>
</mapcache>
"""


def mapcache_missing() -> str | None:
    """Why the WMTS tests cannot run here, or None."""
    if not os.access(MAPCACHE, os.X_OK):
        return f"{MAPCACHE} is absent (run .ci/install-mapcache.sh): WMTS tests skipped"
    return None


@dataclass
class WmtsServer:
    url: str  # the WMTS endpoint (KVP)
    requests: list[str] = field(default_factory=list)


def _handler(config: Path, port_of, seen: list[str]):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            parts = urlsplit(self.path)
            seen.append(self.path)
            env = {
                "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                "MAPCACHE_CONFIG_FILE": str(config),
                "REQUEST_METHOD": "GET",
                "SCRIPT_NAME": "/mapcache",
                "PATH_INFO": parts.path.removeprefix("/mapcache"),
                "QUERY_STRING": parts.query,
                "SERVER_NAME": "127.0.0.1",
                "SERVER_PORT": str(port_of()),
            }
            done = subprocess.run([MAPCACHE], env=env, capture_output=True, timeout=60, check=False)
            cgi_reply(self, done)

        def log_message(self, format, *args):  # noqa: A002 - quiet
            pass

    return Handler


@contextmanager
def wmts_server(folder: Path, wms_url: str) -> Iterator[WmtsServer]:
    """MapCache serving the WMS at ``wms_url``'s ``zones`` as WMTS on 127.0.0.1."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cache").mkdir(exist_ok=True)
    seen: list[str] = []
    config = folder / "mapcache.xml"
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(config, lambda: port, seen))
    port = server.server_port
    base = f"http://127.0.0.1:{port}/mapcache"
    values = "".join(f"<value>{t}</value>" for t in TIMES)
    config.write_text(
        CONFIG.format(
            url=base,
            folder=folder,
            wms=wms_url,
            title=LAYERS["zones"],
            extent=EXTENT,
            last=TIMES[-1],
            values=values,
        )
    )
    with serving(server):
        yield WmtsServer(base + "/wmts", seen)
