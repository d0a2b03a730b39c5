/* gaia-kg portal: maps of footprints (Leaflet). Each .map element carries its settings
   (data-config: tile URL template, else the shipped Natural Earth outlines) and its
   footprints (data-footprints: [{path, title, bbox:[w,s,e,n]}]). With data-draw naming a
   bbox form, a "draw an area" button lets the user drag a rectangle that fills the form;
   "search this area" submits it. Titles are set with textContent, never parsed as HTML. */
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

  function basemap(map, config) {
    if (config.tiles) {
      L.tileLayer(config.tiles, { maxZoom: 18, attribution: "" }).addTo(map);
      return;
    }
    fetch(config.basemap).then(function (r) { return r.json(); }).then(function (topo) {
      var land = window.topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, {
        interactive: false,
        style: { color: "#7d8f99", weight: 0.6, fillColor: "#e4ecef", fillOpacity: 1 },
      }).addTo(map).bringToBack();
    }).catch(function () { /* the footprints still show on a blank map */ });
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

  function drawing(map, element, form) {
    var button = form.querySelector(".draw-box");
    var field = form.querySelector("input[name=bbox]");
    var sides = ["west", "south", "east", "north"].map(function (s) {
      return form.querySelector("input[name=" + s + "]");
    });
    var box = null;
    var start = null;
    var on = false;

    function show(b) {
      if (box) { map.removeLayer(box); }
      box = L.rectangle(bounds(b), { color: "#c2410c", weight: 2, dashArray: "4 3", fillOpacity: 0.08 }).addTo(map);
    }
    function fill(b) {
      sides.forEach(function (input, i) { input.value = b[i]; });
      field.value = b.join(",");
    }
    function setMode(value) {
      on = value;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      element.classList.toggle("drawing", on);
      if (on) { map.dragging.disable(); } else { map.dragging.enable(); }
    }
    if (field.value) { show(field.value.split(",").map(Number)); }
    button.hidden = false;
    button.addEventListener("click", function () { setMode(!on); });
    map.on("mousedown", function (e) {
      if (!on) { return; }
      start = e.latlng;
    });
    map.on("mousemove", function (e) {
      if (!on || !start) { return; }
      var b = [Math.min(start.lng, e.latlng.lng), Math.min(start.lat, e.latlng.lat),
        Math.max(start.lng, e.latlng.lng), Math.max(start.lat, e.latlng.lat)];
      show(b);
    });
    map.on("mouseup", function (e) {
      if (!on || !start) { return; }
      var b = [wrap(Math.min(start.lng, e.latlng.lng)), round(Math.max(-90, Math.min(start.lat, e.latlng.lat))),
        wrap(Math.max(start.lng, e.latlng.lng)), round(Math.min(90, Math.max(start.lat, e.latlng.lat)))];
      start = null;
      fill(b);
      show(b);
      setMode(false);
      form.querySelector(".search-area").focus();
    });
    form.addEventListener("submit", function () {
      var values = sides.map(function (input) { return input.value.trim(); });
      var complete = values.every(function (v) { return v !== ""; });
      field.value = complete ? values.join(",") : "";
      if (!field.value) { field.disabled = true; }
      sides.forEach(function (input) { input.disabled = true; });  // only bbox= goes in the URL
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
    if (fitted) { map.fitBounds(fitted.pad(0.2), { maxZoom: 6 }); }
    var formId = element.dataset.draw;
    if (formId) { drawing(map, element, document.getElementById(formId)); }
    element.leafletMap = map;  // for scripts and tests that need the map (pixel <-> lat/lon)
    element.dataset.ready = "true";
  });
})();
