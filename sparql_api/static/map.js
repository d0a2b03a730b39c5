/* gaia-kg portal: maps of footprints (Leaflet). Each .map element carries its settings
   (data-config: tile URL template, else the shipped Natural Earth outlines, 1:110m for the
   world and 1:10m once zoomed in) and its footprints (data-footprints: [{path, title,
   bbox:[w,s,e,n]}]). With data-draw naming a bbox form (and Leaflet-Geoman loaded), a "draw
   an area" button starts a rectangle drawn by tapping or clicking two opposite corners (a drag
   still pans the map, with a finger as with a mouse), which fills the form; "search this area"
   submits it. Titles are set with textContent, never parsed as HTML. */
(function () {
  "use strict";
  if (!window.L) { return; }

  function bounds(b) {
    var east = b[2] < b[0] ? b[2] + 360 : b[2];  // west > east crosses the antimeridian
    return L.latLngBounds([b[1], b[0]], [b[3], east]);
  }

  // A footprint covering most of the globe: shown, but a view fitted to it would be the whole
  // world at zoom 0 or 1, with grey bands above the poles.
  function global(b) {
    var width = b[2] < b[0] ? b[2] + 360 - b[0] : b[2] - b[0];
    return width >= 300 || b[3] - b[1] >= 150;
  }

  // The least zoom: the world (256 px at zoom 0) as high as the map at least (no grey band
  // above the poles) and as wide as it at most (the whole globe's width in view).
  function coverZoom(element) {
    var high = Math.ceil(Math.log2(Math.max(element.clientHeight, 256) / 256));
    var wide = Math.floor(Math.log2(Math.max(element.clientWidth, 256) / 256));
    return Math.max(high, wide);
  }

  function round(x) { return Math.round(x * 1000) / 1000; }

  function wrap(lon) { return round(((lon + 540) % 360) - 180); }

  // Zoom from which the 1:10m outlines replace the 1:110m ones (fetched once, when first needed)
  var DETAIL = 3;
  var LAND = { color: "#7d8f99", weight: 0.6, fillColor: "#e4ecef", fillOpacity: 1 };
  var BORDER = { color: "#7d8f99", weight: 0.5, fill: false };

  function land(topo) { return window.topojson.feature(topo, topo.objects.land); }

  function borders(topo) {
    return window.topojson.mesh(topo, topo.objects.countries, function (a, b) { return a !== b; });
  }

  // The 1:110m outlines: a few thousand points, drawn as they are
  function coarse(topo, pane) {
    return L.layerGroup([
      L.geoJSON(land(topo), { pane: pane, interactive: false, style: LAND }),
      L.geoJSON(borders(topo), { pane: pane, interactive: false, style: BORDER }),
    ]);
  }

  // The 1:10m outlines (half a million points, too many to project again at each zoom): cut
  // by geojson-vt into tiles simplified for their zoom, each painted on a canvas when in view
  function detailed(topo, pane) {
    var features = land(topo).features.concat([{ type: "Feature", properties: { border: true }, geometry: borders(topo) }]);
    var index = new window.GeoJSONVT({ type: "FeatureCollection", features: features },
      { maxZoom: 14, tolerance: 2, buffer: 32 });
    var Outlines = L.GridLayer.extend({
      createTile: function (coords) {
        var tile = L.DomUtil.create("canvas", "outline-tile");
        var size = this.getTileSize();
        var ratio = window.devicePixelRatio || 1;
        tile.width = size.x * ratio;
        tile.height = size.y * ratio;
        var found = index.getTile(coords.z, coords.x, coords.y);
        if (found) { paint(tile.getContext("2d"), found.features, (size.x * ratio) / 4096, ratio); }
        return tile;
      },
    });
    return new Outlines({ pane: pane, updateWhenZooming: false });
  }

  function paint(context, features, scale, ratio) {
    features.forEach(function (f) {
      var border = f.tags && f.tags.border;
      var style = border ? BORDER : LAND;
      context.beginPath();
      f.geometry.forEach(function (ring) {
        ring.forEach(function (p, i) {
          if (i === 0) { context.moveTo(p[0] * scale, p[1] * scale); } else { context.lineTo(p[0] * scale, p[1] * scale); }
        });
        if (!border) { context.closePath(); }
      });
      if (!border) {
        context.fillStyle = LAND.fillColor;
        context.fill("evenodd");
      }
      context.strokeStyle = style.color;
      context.lineWidth = style.weight * ratio;
      context.stroke();
    });
  }

  function basemap(map, config) {
    if (config.tiles) {
      L.tileLayer(config.tiles, { maxZoom: 18, attribution: "" }).addTo(map);
      return;
    }
    map.createPane("basemap").style.zIndex = 250;  // above tiles, under the footprints
    var layers = {};
    function load(url) {
      return fetch(url).then(function (r) { return r.json(); }).then(function (topo) {
        return (url === config.detail ? detailed : coarse)(topo, "basemap");
      });
    }
    function show() {
      var want = config.detail && map.getZoom() >= DETAIL ? "detail" : "coarse";
      var other = want === "detail" ? "coarse" : "detail";
      if (layers[want] && layers[want].then) { return; }  // still loading
      if (!layers[want]) {
        layers[want] = load(config[want === "detail" ? "detail" : "basemap"]).then(function (layer) {
          layers[want] = layer;
          show();
        }).catch(function () { /* the footprints still show on a blank map */ });
        return;
      }
      if (!map.hasLayer(layers[want])) { layers[want].addTo(map); }
      map.getContainer().dataset.basemap = want;  // which outlines show (read by the tests)
      if (layers[other] && !layers[other].then && map.hasLayer(layers[other])) {
        map.removeLayer(layers[other]);
      }
    }
    map.on("zoomend", show);
    map.whenReady(show);
  }

  function footprint(map, f) {
    var shape = bounds(f.bbox);
    var degenerate = shape.getNorth() === shape.getSouth() && shape.getEast() === shape.getWest();
    var layer = degenerate
      ? L.circleMarker(shape.getCenter(), { radius: 6, color: "#0b6e99" })
      : L.rectangle(shape, { color: "#0b6e99", weight: 1.2, fillOpacity: 0.05 });
    var link = document.createElement("a");
    link.href = f.path;
    link.className = "footprint-link";
    link.textContent = f.title;
    layer.bindPopup(link);
    layer.addTo(map);
    return shape;
  }

  // Geoman's hints in the page's language (its own French and English tooltips)
  function drawLanguage(map) {
    var lang = (document.documentElement.lang || "en").slice(0, 2);
    map.pm.setLang(lang === "fr" ? "fr" : "en");
  }

  function drawing(map, element, form) {
    var button = form.querySelector(".draw-box");
    var field = form.querySelector("input[name=bbox]");
    var sides = ["west", "south", "east", "north"].map(function (s) {
      return form.querySelector("input[name=" + s + "]");
    });
    var style = { color: "#c2410c", weight: 2, dashArray: "4 3", fillOpacity: 0.08 };
    var box = null;
    var zoomBack = null;

    function show(b) {
      if (box) { map.removeLayer(box); }
      box = L.rectangle(bounds(b), Object.assign({ interactive: false, pmIgnore: true }, style)).addTo(map);
    }
    function fill(b) {
      sides.forEach(function (input, i) { input.value = b[i]; });
      field.value = b.join(",");
    }
    function setMode(on) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      element.classList.toggle("drawing", on);
      // two quick taps at the corners are not a double tap that zooms (its dblclick comes
      // after the second tap's click has ended the drawing: zooming is back a moment later)
      clearTimeout(zoomBack);
      if (on) {
        map.doubleClickZoom.disable();
      } else {
        zoomBack = setTimeout(function () { map.doubleClickZoom.enable(); }, 600);
      }
    }
    if (field.value) { show(field.value.split(",").map(Number)); }
    form.addEventListener("submit", function () {
      var values = sides.map(function (input) { return input.value.trim(); });
      var complete = values.every(function (v) { return v !== ""; });
      field.value = complete ? values.join(",") : "";
      if (!field.value) { field.disabled = true; }
      sides.forEach(function (input) { input.disabled = true; });  // only bbox= goes in the URL
    });
    if (!map.pm) { return; }  // without Geoman the four numbers still make the box
    drawLanguage(map);
    button.hidden = false;
    button.addEventListener("click", function () {
      if (map.pm.globalDrawModeEnabled()) {
        map.pm.disableDraw();
      } else {
        map.pm.enableDraw("Rectangle", { snappable: false, pathOptions: style, templineStyle: style, hintlineStyle: style });
      }
    });
    element.addEventListener("keydown", function (e) {  // Escape leaves drawing
      if (e.key === "Escape") { map.pm.disableDraw(); }
    });
    button.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { map.pm.disableDraw(); }
    });
    map.on("pm:drawstart", function () { setMode(true); });
    map.on("pm:drawend", function () { setMode(false); });
    map.on("pm:create", function (e) {
      var drawn = e.layer.getBounds();
      map.removeLayer(e.layer);
      var b = [wrap(drawn.getWest()), round(Math.max(-90, drawn.getSouth())),
        wrap(drawn.getEast()), round(Math.min(90, drawn.getNorth()))];
      fill(b);
      show(b);
      form.querySelector(".search-area").focus();
    });
  }

  document.querySelectorAll(".map").forEach(function (element) {
    var config = JSON.parse(element.dataset.config || "{}");
    var features = JSON.parse(element.dataset.footprints || "[]");
    var least = coverZoom(element);
    var map = L.map(element, {
      worldCopyJump: true, minZoom: least, zoomControl: false,
      maxBounds: [[-85, -540], [85, 540]], maxBoundsViscosity: 1
    }).setView([20, 0], least);
    L.control.zoom({ zoomInTitle: element.dataset.zoomIn, zoomOutTitle: element.dataset.zoomOut }).addTo(map);
    basemap(map, config);
    var fitted = null;
    features.forEach(function (f) {
      var shape = footprint(map, f);
      if (global(f.bbox)) { return; }  // drawn, but the view follows the regional ones
      fitted = fitted ? fitted.extend(shape) : L.latLngBounds(shape.getSouthWest(), shape.getNorthEast());
    });
    // the first view is set, not animated: a zoom animation ignores a finger that comes meanwhile
    if (fitted) { map.fitBounds(fitted.pad(0.2), { maxZoom: 6, animate: false }); }
    var formId = element.dataset.draw;
    if (formId) { drawing(map, element, document.getElementById(formId)); }
    element.leafletMap = map;  // for scripts and tests that need the map (pixel <-> lat/lon)
    element.dataset.ready = "true";
  });
})();
