#!/usr/bin/env bash
# Re-fetch the front-end libraries vendored under sparql_api/static/vendor/<lib>/ (no CDN):
# each is `npm pack`ed at a pinned version from the npm registry, and only the files the pages
# use are kept, with the package's licence. Run from anywhere: tools/vendor.sh
# Others: append one `fetch` line per library (package, version, files to keep).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENDOR="$ROOT/sparql_api/static/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# fetch <package> <version> <target folder> <file in the package>...
fetch() {
    local package="$1" version="$2" target="$VENDOR/$3"
    shift 3
    (cd "$WORK" && npm pack --silent "$package@$version" >/dev/null)
    local tarball
    tarball="$(ls "$WORK"/*.tgz)"
    mkdir -p "$WORK/unpacked" && tar -xzf "$tarball" -C "$WORK/unpacked"
    rm -rf "$target" && mkdir -p "$target"
    for file in "$@" LICENSE; do
        if [ -e "$WORK/unpacked/package/$file" ]; then
            mkdir -p "$target/$(dirname "$file")"
            cp -r "$WORK/unpacked/package/$file" "$target/$file"
        fi
    done
    echo "$package@$version" > "$target/VERSION"
    rm -rf "$WORK/unpacked" "$tarball"
    echo "== $package@$version -> ${target#"$ROOT"/}"
}

# Leaflet (BSD-2-Clause): the map of footprints
fetch leaflet 1.9.4 leaflet dist/leaflet.js dist/leaflet.css dist/images
# Natural Earth 1:110m countries as TopoJSON (ISC; the data is public domain), the basemap
fetch world-atlas 2.0.2 world-atlas countries-110m.json
# topojson-client (ISC): turns the TopoJSON into GeoJSON in the browser
fetch topojson-client 3.1.0 topojson-client dist/topojson-client.min.js
# YASGUI (MIT; the bundle includes YASQE/YASR and their dependencies): the query editor of
# /editor. The package ships no licence file: tools/licences/yasgui-LICENSE is copied in.
fetch @zazuko/yasgui 4.6.2 yasgui build/yasgui.min.js build/yasgui.min.css
cp "$ROOT/tools/licences/yasgui-LICENSE" "$VENDOR/yasgui/LICENSE"
