#!/usr/bin/env bash
# The dataset page's WMTS preview test: Debian's MapCache (`mapcache`, the CGI program, from
# mapcache-cgi), serving as an OGC WMTS the tiles it asks of the test's MapServer WMS (see
# .ci/install-mapserver.sh and tests/wms_server.py). The test writes its own mapcache.xml in
# a temporary folder and runs the CGI program behind a small Python HTTP server on 127.0.0.1;
# no web server or system service is needed. Idempotent and non-interactive; runs as root
# (or through sudo).
set -euo pipefail
MAPCACHE=/usr/lib/cgi-bin/mapcache
if [ -x "$MAPCACHE" ]; then
    echo "== mapcache: already installed ($(dpkg-query -W -f='${Version}' mapcache-cgi 2>/dev/null))"
    exit 0
fi
. "$(dirname "$0")/apt.sh"
apt_install mapcache-cgi
echo "== mapcache: $(dpkg-query -W -f='${Version}' mapcache-cgi)"
