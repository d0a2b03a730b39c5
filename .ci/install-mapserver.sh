#!/usr/bin/env bash
# The dataset page's WMS preview test: Debian's MapServer (`mapserv`, the CGI program, from
# cgi-mapserver; shp2img/map2img and friends from mapserver-bin). The test writes its own
# mapfile, raster and vector data in a temporary folder and runs `mapserv` as a CGI program
# behind a small Python HTTP server on 127.0.0.1 (see tests/wms_server.py); no web server or
# system service is needed. Idempotent and non-interactive; runs as root (or through sudo).
set -euo pipefail
MAPSERV=/usr/lib/cgi-bin/mapserv
if [ -x "$MAPSERV" ]; then
    echo "== mapserver: $("$MAPSERV" -v 2>/dev/null | head -n 1) already installed"
    exit 0
fi
. "$(dirname "$0")/apt.sh"
apt_install cgi-mapserver mapserver-bin
echo "== mapserver: $("$MAPSERV" -v 2>/dev/null | head -n 1)"
