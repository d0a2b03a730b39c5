"""A real Web Map Service for the tests: Debian's MapServer (``mapserv``, the CGI program, from
``.ci/install-mapserver.sh``) behind a small HTTP server on 127.0.0.1, serving data the test
makes itself in a temporary folder:

- ``grid``: a raster, an ASCII grid (GDAL's AAIGrid) of 40 × 40 cells over 5°W–3°E,
  42°N–50°N, coloured in two classes;
- ``zones``: two polygons written inline in the mapfile, with a time dimension (three dates;
  each polygon carries its own, so a date draws one or none).

Each request runs ``mapserv`` with the query string as CGI does; the answers say
``Access-Control-Allow-Origin: *`` (the capabilities are read by a page of another origin).
The server keeps the requests it answered (``requests``: the query strings), for the tests to
see what the browser asked for.
"""

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

MAPSERV = "/usr/lib/cgi-bin/mapserv"
#: an ISO 19139 record offering a WMS at ``{endpoint}`` (its layer ``zones``), for the tests
RECORD = Path(__file__).resolve().parent / "fixtures" / "preview" / "iso-wms-record.xml"
#: the layers the test service offers: name -> title
LAYERS = {"grid": "Raster grid", "zones": "Survey zones"}
TIMES = ["2020-01-01", "2021-01-01", "2022-01-01"]

MAPFILE = """MAP
  NAME "gaia_test"
  EXTENT -10 40 10 52
  SIZE 256 256
  UNITS DD
  PROJECTION "init=epsg:4326" END
  WEB
    METADATA
      "wms_title" "gaia-kg test service"
      "wms_onlineresource" "{url}?"
      "wms_srs" "EPSG:4326 EPSG:3857"
      "wms_enable_request" "*"
    END
  END
  LAYER
    NAME "grid"
    TYPE RASTER
    STATUS ON
    DATA "{folder}/grid.asc"
    PROJECTION "init=epsg:4326" END
    METADATA "wms_title" "Raster grid" END
    CLASS NAME "low" EXPRESSION ([pixel] < 8) STYLE COLOR 30 120 200 END END
    CLASS NAME "high" EXPRESSION ([pixel] >= 8) STYLE COLOR 220 90 30 END END
  END
  LAYER
    NAME "zones"
    TYPE POLYGON
    STATUS ON
    EXTENT -4 43 3 49
    PROJECTION "init=epsg:4326" END
    METADATA
      "wms_title" "Survey zones"
      "wms_timeextent" "{times}"
      "wms_timeitem" "date"
      "wms_timedefault" "{last}"
    END
    PROCESSING "ITEMS=date"
    FEATURE POINTS -4 43 -1 43 -1 46 -4 46 -4 43 END ITEMS "{first}" END
    FEATURE POINTS 0 47 3 47 3 49 0 49 0 47 END ITEMS "{last}" END
    CLASS NAME "zone" STYLE COLOR 40 160 80 OUTLINECOLOR 0 0 0 END END
  END
END
"""


def mapserver_missing() -> str | None:
    """Why the WMS tests cannot run here, or None."""
    if not os.access(MAPSERV, os.X_OK):
        return f"{MAPSERV} is absent (run .ci/install-mapserver.sh): WMS tests skipped"
    return None


def write_grid(path: Path) -> None:
    """A 40 × 40 ASCII grid over 5°W–3°E, 42°N–50°N: 16 blocks numbered 0–15."""
    rows = [" ".join(str((r // 10) * 4 + c // 10) for c in range(40)) for r in range(40)]
    head = "ncols 40\nnrows 40\nxllcorner -5\nyllcorner 42\ncellsize 0.2\nNODATA_value -9999\n"
    path.write_text(head + "\n".join(rows) + "\n")


def load_record(store, folder: Path, endpoint: str, name: str, record: Path = RECORD) -> str:
    """The test ``record`` offering ``endpoint`` (its file identifier ``name``), loaded into
    ``store``; its page's path."""
    from concept_support import BASE_IRI

    from graph_loader.pipeline import load_paths

    path = folder / f"{name}.xml"
    text = record.read_text(encoding="utf-8").replace("{endpoint}", endpoint)
    path.write_text(text.replace("test-wms-zones", name), encoding="utf-8")
    load_paths(store, [path], base_iri=BASE_IRI)
    return f"/id/dataset/{name}"


@dataclass
class WmsServer:
    url: str
    requests: list[str] = field(default_factory=list)


def _handler(folder: Path, seen: list[str]):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "MAPSERVER_CONFIG_FILE": str(folder / "mapserver.conf"),
        "MS_MAPFILE": str(folder / "test.map"),
        "REQUEST_METHOD": "GET",
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            query = urlsplit(self.path).query
            seen.append(query)
            done = subprocess.run(
                [MAPSERV],
                env={**env, "QUERY_STRING": query},
                capture_output=True,
                timeout=30,
                check=False,
            )
            cgi_reply(self, done, (("Access-Control-Allow-Origin", "*"),))

        def log_message(self, format, *args):  # noqa: A002 - quiet
            pass

    return Handler


@contextmanager
def wms_server(folder: Path) -> Iterator[WmsServer]:
    """MapServer serving ``grid`` and ``zones`` on 127.0.0.1 (a free port): its endpoint."""
    folder.mkdir(parents=True, exist_ok=True)
    write_grid(folder / "grid.asc")
    pattern = "^" + str(folder).replace(".", r"\.") + "/"
    (folder / "mapserver.conf").write_text(
        f'CONFIG\n  ENV\n    MS_MAP_PATTERN "{pattern}"\n  END\nEND\n'
    )
    seen: list[str] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(folder, seen))
    url = f"http://127.0.0.1:{server.server_port}/wms"
    (folder / "test.map").write_text(
        MAPFILE.format(
            url=url, folder=folder, times=",".join(TIMES), first=TIMES[0], last=TIMES[-1]
        )
    )
    with serving(server):
        yield WmsServer(url, seen)
