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
# Natural Earth countries as TopoJSON (ISC; the data is public domain), the basemap: 1:110m
# for the world, 1:10m (coastlines and borders at regional scale) once the map is zoomed in
fetch world-atlas 2.0.2 world-atlas countries-110m.json countries-10m.json
# Leaflet-Geoman (MIT): drawing the search area with a finger or a mouse (tap two corners)
fetch @geoman-io/leaflet-geoman-free 2.20.2 leaflet-geoman dist/leaflet-geoman.min.js dist/leaflet-geoman.css
# geojson-vt (ISC): cuts the 1:10m outlines into tiles simplified for each zoom, drawn on canvas
fetch geojson-vt 5.0.3 geojson-vt geojson-vt.js
# topojson-client (ISC): turns the TopoJSON into GeoJSON in the browser
fetch topojson-client 3.1.0 topojson-client dist/topojson-client.min.js
# YASGUI (MIT; the bundle includes YASQE/YASR and their dependencies): the query editor of
# /editor. The package ships no licence file: tools/licences/yasgui-LICENSE is copied in.
fetch @zazuko/yasgui 4.6.2 yasgui build/yasgui.min.js build/yasgui.min.css
cp "$ROOT/tools/licences/yasgui-LICENSE" "$VENDOR/yasgui/LICENSE"
