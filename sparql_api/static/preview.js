/* gaia-kg portal: a dataset's data on its page's map, from the OGC Web Map Service (WMS) or
   Web Map Tile Service (WMTS) its record declares. Each .map-preview element names its map
   (data-map: the id of a .map that map.js has made), its dataset (data-dataset), the services
   to try (data-services: [{endpoint, kind, title, hints}], the hints being names the record
   gives its layer), where the app reads their capabilities (data-capabilities: the server
   reads them, as a browser may not read another origin's) and its texts in the page's
   language (data-labels). The page offers the layers (the one a hint names first) and draws
   the chosen one, a WMS layer with Leaflet's L.tileLayer.wms, a WMTS layer with an
   L.TileLayer on its Web Mercator tile matrix set, with its legend, an opacity slider and,
   when the layer has a time dimension, its dates. Texts of the capabilities are set with
   textContent, never parsed as HTML; images come from the service's own origin only (the
   page's Content-Security-Policy allows it and no other). A service that cannot be read
   leaves the map as it was and says that the preview could not be loaded. */
(function () {
  "use strict";
  if (!window.L) { return; }

  var TIMEOUT_MS = 20000;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // -- URLs: only the endpoint's own origin is used (and allowed by the page) --------------
  function serviceUrl(url, endpoint) {
    try {
      var u = new URL(url || endpoint, endpoint);
      if (u.origin !== new URL(endpoint).origin) { u = new URL(endpoint); }
      Array.from(u.searchParams.keys()).forEach(function (k) {
        if (/^(service|request|version)$/i.test(k)) { u.searchParams.delete(k); }
      });
      return u;
    } catch (e) {
      return null;
    }
  }

  // the capabilities as the app reads them (/api/map-capabilities), for a service the
  // dataset offers
  function readCapabilities(element, service) {
    var query = new URLSearchParams({ dataset: element.dataset.dataset, url: service.endpoint,
      lang: document.documentElement.lang || "en" });
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
    return fetch(element.dataset.capabilities + "?" + query.toString(),
      { credentials: "same-origin", signal: controller.signal, headers: { Accept: "application/json" } })
      .then(function (r) {
        clearTimeout(timer);
        if (!r.ok) { throw new Error("HTTP " + r.status); }
        return r.json();
      }, function (error) { clearTimeout(timer); throw error; });
  }

  function legendUrl(base, caps, layer) {
    var given = null;
    try { given = layer.legend && layer.legend.url ? new URL(layer.legend.url, base) : null; } catch (e) { given = null; }
    if (given && given.origin === base.origin) { return given.toString(); }
    if (caps.kind !== "wms") { return ""; }
    var u = new URL(base.toString());
    var params = { SERVICE: "WMS", REQUEST: "GetLegendGraphic", VERSION: caps.version, FORMAT: "image/png",
      LAYER: layer.name, SLD_VERSION: "1.1.0" };
    if (layer.legend && layer.legend.style) { params.STYLE = layer.legend.style; }
    Object.keys(params).forEach(function (k) { u.searchParams.set(k, params[k]); });
    return u.toString();
  }

  // a WMTS layer's tiles: its URL template, the tile matrix of each zoom level
  var WmtsLayer = L.TileLayer.extend({
    getTileUrl: function (coords) {
      var o = this.options;
      return o.template.replace("{TileMatrix}", encodeURIComponent(o.matrices[coords.z]))
        .replace("{TileRow}", String(coords.y)).replace("{TileCol}", String(coords.x))
        .replace("{Time}", encodeURIComponent(o.time || ""));
    }
  });

  // the layer's tiles, when they come from the service's own origin (the only one allowed)
  function wmtsLayer(endpoint, layer, options) {
    var zooms = Object.keys(layer.tiles.matrices).map(Number);
    var template = layer.tiles.template;
    try {
      if (new URL(template, endpoint).origin !== new URL(endpoint).origin) { return null; }
    } catch (e) {
      return null;
    }
    var box = layer.bbox;
    return new WmtsLayer("", { pane: options.pane, opacity: options.opacity, attribution: "",
      template: template, matrices: layer.tiles.matrices, time: options.time,
      minNativeZoom: Math.min.apply(null, zooms), maxNativeZoom: Math.max.apply(null, zooms),
      bounds: box ? [[box[1], box[0]], [box[3], box[2]]] : undefined });
  }

  // -- the controls -------------------------------------------------------------------------
  function preferred(layers, hints) {
    var wanted = hints.map(function (h) { return h.toLowerCase(); });
    for (var i = 0; i < layers.length; i++) {
      if (wanted.indexOf(layers[i].name.toLowerCase()) >= 0 || wanted.indexOf(layers[i].title.toLowerCase()) >= 0) { return i; }
    }
    return 0;
  }

  function show(element, map, service, caps, labels) {
    var wms = caps.kind === "wms";
    var base = serviceUrl(wms ? caps.getmap : service.endpoint, service.endpoint);
    var formats = caps.formats || [];
    var format = formats.indexOf("image/png") >= 0 || !formats.length ? "image/png" : formats[0];
    var controls = el("div", { "class": "preview-controls" });
    var status = element.querySelector(".preview-status");
    var current = null, loaded = 0, failed = 0;
    // a pane of its own, above the footprints and the outlines basemap (drawn as vectors)
    var pane = "data-preview";
    if (!map.getPane(pane)) { map.createPane(pane).style.zIndex = 450; }
    var opacity = el("input", { type: "range", min: "0", max: "100", step: "5", value: "80", "class": "preview-opacity" });
    var times = el("select", { "class": "preview-time" });
    var timeLabel = el("label", { "class": "preview-time-label" }, labels.time + " ");
    timeLabel.appendChild(times);
    var legend = el("figure", { "class": "preview-legend" });
    var legendImage = el("img", { referrerpolicy: "no-referrer" });
    legend.appendChild(el("figcaption", {}, labels.legend));
    legend.appendChild(legendImage);
    legendImage.addEventListener("error", function () { legend.hidden = true; });
    legendImage.addEventListener("load", function () { legend.hidden = false; });

    function draw(layer) {
      if (current) { map.removeLayer(current); }
      loaded = 0;
      failed = 0;
      status.hidden = true;
      var options = { pane: pane, layers: layer.name, styles: "", format: format, transparent: true, version: caps.version,
        uppercase: true, opacity: Number(opacity.value) / 100, attribution: "" };
      current = null;
      times.textContent = "";
      timeLabel.hidden = !layer.time;
      if (layer.time) {
        layer.time.values.forEach(function (v) { times.appendChild(el("option", { value: v }, v)); });
        times.value = layer.time.default;
        options.time = layer.time.default;
      }
      current = wms ? L.tileLayer.wms(base.toString(), options) : wmtsLayer(service.endpoint, layer, options);
      element.previewLayer = current;  // for scripts and tests
      if (!current) { status.textContent = labels.tiles_failed; status.hidden = false; return; }
      current.on("tileload", function () { loaded += 1; });
      current.on("tileerror", function () { failed += 1; });
      current.on("load", function () {
        if (failed && !loaded) { status.textContent = labels.tiles_failed; status.hidden = false; }
      });
      current.addTo(map);
      legendImage.alt = labels.legend + " – " + (layer.title || layer.name);
      var legendSource = legendUrl(base, caps, layer);
      legend.hidden = !legendSource;
      if (legendSource) { legendImage.src = legendSource; } else { legendImage.removeAttribute("src"); }
      if (element.dataset.fit === "true" && layer.bbox) {
        map.fitBounds([[layer.bbox[1], layer.bbox[0]], [layer.bbox[3], layer.bbox[2]]], { maxZoom: 8 });
      }
    }

    var chosen = preferred(caps.layers, service.hints || []);
    if (caps.layers.length > 1) {
      var chooser = el("select", { "class": "preview-layer" });
      caps.layers.forEach(function (layer, i) {
        chooser.appendChild(el("option", { value: String(i) }, layer.title || layer.name));
      });
      chooser.value = String(chosen);
      chooser.addEventListener("change", function () { draw(caps.layers[Number(chooser.value)]); });
      var chooserLabel = el("label", {}, labels.layer + " ");
      chooserLabel.appendChild(chooser);
      controls.appendChild(chooserLabel);
    } else {
      controls.appendChild(el("p", { "class": "preview-layer-name" }, labels.layer + labels.colon + (caps.layers[0].title || caps.layers[0].name)));
    }
    var opacityLabel = el("label", {}, labels.opacity + " ");
    opacityLabel.appendChild(opacity);
    controls.appendChild(opacityLabel);
    controls.appendChild(timeLabel);
    controls.appendChild(legend);
    opacity.addEventListener("input", function () { if (current) { current.setOpacity(Number(opacity.value) / 100); } });
    times.addEventListener("change", function () {
      if (!current) { return; }
      if (wms) { current.setParams({ time: times.value }); } else { current.options.time = times.value; current.redraw(); }
    });
    element.appendChild(controls);
    draw(caps.layers[chosen]);
  }

  function preview(element) {
    var target = document.getElementById(element.dataset.map);
    var map = target && target.leafletMap;
    var services = JSON.parse(element.dataset.services || "[]");
    var labels = JSON.parse(element.dataset.labels || "{}");
    var status = element.querySelector(".preview-status");
    status.textContent = labels.loading;
    element.dataset.state = "loading";
    function fail(message) {
      status.textContent = message;
      status.hidden = false;
      element.classList.add("failed");
      element.dataset.state = "failed";
    }
    if (!map) { fail(labels.failed); return; }
    (function attempt(i) {
      if (i >= services.length) { fail(labels.failed); return; }
      readCapabilities(element, services[i]).then(function (caps) {
        // a WMTS layer is drawn when it has tiles in Web Mercator
        caps.layers = caps.layers.filter(function (l) { return caps.kind === "wms" || l.tiles; });
        if (!caps.layers.length) { fail(labels.empty); return; }
        show(element, map, services[i], caps, labels);
        element.dataset.state = "ready";
      }).catch(function () { attempt(i + 1); });
    })(0);
  }

  document.querySelectorAll(".map-preview").forEach(preview);
})();
