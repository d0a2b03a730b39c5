/* gaia-kg portal: a dataset's data on its page's map, from the OGC Web Map Service its record
   declares. Each .map-preview element names its map (data-map: the id of a .map that map.js
   has made), the services to try (data-services: [{endpoint, title, hints}], the hints being
   names the record gives its layer) and its texts in the page's language (data-labels).
   The browser reads the service's capabilities (GetCapabilities; DOMParser, which expands no
   external entity), offers the named layers (the one a hint names first), and draws the chosen
   one with Leaflet's L.tileLayer.wms, with its legend (the capabilities' LegendURL, else
   GetLegendGraphic), an opacity slider and, when the layer has a time dimension, its dates.
   Texts read from the capabilities are set with textContent, never parsed as HTML; images
   come from the service's own origin only (the page's Content-Security-Policy allows it and
   no other). A service that does not answer, or answers anything but WMS capabilities, leaves
   the map as it was and says that the preview could not be loaded. */
(function () {
  "use strict";
  if (!window.L) { return; }

  var TIMEOUT_MS = 15000;
  var MAX_CHARS = 5 * 1024 * 1024;  // capabilities larger than this are not read
  var MAX_TIMES = 500;  // at most so many dates offered (the latest ones)
  var XLINK = "http://www.w3.org/1999/xlink";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // -- reading the capabilities (WMS 1.3.0 with its namespace, 1.1.1 without) -------------
  function kids(node, name) {
    return node ? Array.prototype.filter.call(node.children, function (c) { return c.localName === name; }) : [];
  }
  function kid(node, name) { return kids(node, name)[0] || null; }
  function text(node) { return node ? node.textContent.trim() : ""; }
  function href(node) {
    return node ? (node.getAttributeNS(XLINK, "href") || node.getAttribute("xlink:href") || "").trim() : "";
  }
  function path(node, names) {
    return names.reduce(function (n, name) { return kid(n, name); }, node);
  }

  function geographicBox(layer) {
    var ex = kid(layer, "EX_GeographicBoundingBox");
    var b = ex
      ? ["westBoundLongitude", "southBoundLatitude", "eastBoundLongitude", "northBoundLatitude"].map(function (n) { return parseFloat(text(kid(ex, n))); })
      : (function (ll) {
        return ll ? ["minx", "miny", "maxx", "maxy"].map(function (a) { return parseFloat(ll.getAttribute(a)); }) : null;
      })(kid(layer, "LatLonBoundingBox"));
    return b && b.every(isFinite) ? b : null;
  }

  function timeDimension(layer) {
    var dims = kids(layer, "Dimension").concat(kids(layer, "Extent")).filter(function (d) {
      return (d.getAttribute("name") || "").toLowerCase() === "time" && text(d);
    });
    if (!dims.length) { return null; }
    var values = expandTimes(text(dims[dims.length - 1]));
    if (!values.length) { return null; }
    var wanted = dims.map(function (d) { return d.getAttribute("default"); }).filter(Boolean)[0];
    return { values: values, initial: values.indexOf(wanted) >= 0 ? wanted : values[values.length - 1] };
  }

  // "a,b,c" and "start/end/period" (periods of years, months, days or hours): the instants,
  // the latest MAX_TIMES when there are more; an interval whose period cannot be read gives
  // its two ends.
  function expandTimes(spec) {
    var out = [];
    spec.split(",").forEach(function (part) {
      part = part.trim();
      if (!part) { return; }
      var pieces = part.split("/");
      if (pieces.length < 3) { pieces.forEach(function (p) { out.push(p.trim()); }); return; }
      var step = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?)?$/.exec(pieces[2].trim());
      var start = new Date(pieces[0].trim()), end = new Date(pieces[1].trim());
      if (!step || !step.slice(1).some(Boolean) || isNaN(start) || isNaN(end)) {
        out.push(pieces[0].trim(), pieces[1].trim());
        return;
      }
      var dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(pieces[0].trim());
      var found = [];
      for (var t = start, n = 0; t <= end && n < 100000; n++) {
        found.push(dateOnly ? t.toISOString().slice(0, 10) : t.toISOString().replace(".000Z", "Z"));
        t = new Date(Date.UTC(t.getUTCFullYear() + Number(step[1] || 0), t.getUTCMonth() + Number(step[2] || 0),
          t.getUTCDate() + Number(step[3] || 0), t.getUTCHours() + Number(step[4] || 0), t.getUTCMinutes(), t.getUTCSeconds()));
      }
      Array.prototype.push.apply(out, found.slice(-MAX_TIMES));
    });
    return out.slice(-MAX_TIMES);
  }

  function legendOf(layer) {
    var styles = kids(layer, "Style");
    for (var i = 0; i < styles.length; i++) {
      var url = href(path(styles[i], ["LegendURL", "OnlineResource"]));
      if (url) { return { style: text(kid(styles[i], "Name")), url: url }; }
    }
    return styles.length ? { style: text(kid(styles[0], "Name")), url: "" } : null;
  }

  function parseCapabilities(xml) {
    var doc = new DOMParser().parseFromString(xml, "application/xml");
    var root = doc.documentElement;
    if (doc.getElementsByTagName("parsererror").length || !root ||
        (root.localName !== "WMS_Capabilities" && root.localName !== "WMT_MS_Capabilities")) {
      throw new Error("not WMS capabilities");
    }
    var capability = kid(root, "Capability");
    var getMap = path(capability, ["Request", "GetMap"]) || path(capability, ["Request", "Map"]);
    var layers = [];
    function walk(node, inherited) {
      var own = {
        name: text(kid(node, "Name")),
        title: text(kid(node, "Title")),
        box: geographicBox(node) || inherited.box,
        time: timeDimension(node) || inherited.time,
        legend: legendOf(node) || inherited.legend,
        children: 0
      };
      var before = layers.length;
      if (own.name) { layers.push(own); }
      kids(node, "Layer").forEach(function (child) { walk(child, own); });
      own.children = layers.length - before - (own.name ? 1 : 0);
    }
    kids(capability, "Layer").forEach(function (top) { walk(top, { box: null, time: null, legend: null }); });
    var leaves = layers.filter(function (l) { return !l.children; });  // a named group: all its layers at once
    return {
      version: root.getAttribute("version") || "1.3.0",
      formats: kids(getMap, "Format").map(text),
      getMap: href(path(getMap, ["DCPType", "HTTP", "Get", "OnlineResource"])),
      layers: leaves.length ? leaves : layers
    };
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

  function capabilitiesUrl(endpoint) {
    var u = serviceUrl(endpoint, endpoint);
    u.searchParams.set("SERVICE", "WMS");
    u.searchParams.set("REQUEST", "GetCapabilities");
    return u.toString();
  }

  function fetchText(url) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
    return fetch(url, { credentials: "omit", signal: controller.signal, referrerPolicy: "no-referrer" })
      .then(function (r) {
        if (!r.ok || Number(r.headers.get("Content-Length") || 0) > MAX_CHARS) { throw new Error("HTTP " + r.status); }
        return r.text();
      })
      .then(function (body) {
        clearTimeout(timer);
        if (body.length > MAX_CHARS) { throw new Error("too large"); }
        return body;
      }, function (error) { clearTimeout(timer); throw error; });
  }

  function legendUrl(base, caps, layer) {
    var given = null;
    try { given = layer.legend && layer.legend.url ? new URL(layer.legend.url, base) : null; } catch (e) { given = null; }
    if (given && given.origin === base.origin) { return given.toString(); }
    var u = new URL(base.toString());
    var params = { SERVICE: "WMS", REQUEST: "GetLegendGraphic", VERSION: caps.version, FORMAT: "image/png",
      LAYER: layer.name, SLD_VERSION: "1.1.0" };
    if (layer.legend && layer.legend.style) { params.STYLE = layer.legend.style; }
    Object.keys(params).forEach(function (k) { u.searchParams.set(k, params[k]); });
    return u.toString();
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
    var base = serviceUrl(caps.getMap, service.endpoint);
    var format = caps.formats.indexOf("image/png") >= 0 || !caps.formats.length ? "image/png" : caps.formats[0];
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
      times.textContent = "";
      timeLabel.hidden = !layer.time;
      if (layer.time) {
        layer.time.values.forEach(function (v) { times.appendChild(el("option", { value: v }, v)); });
        times.value = layer.time.initial;
        options.time = layer.time.initial;
      }
      current = L.tileLayer.wms(base.toString(), options);
      current.on("tileload", function () { loaded += 1; });
      current.on("tileerror", function () { failed += 1; });
      current.on("load", function () {
        if (failed && !loaded) { status.textContent = labels.tiles_failed; status.hidden = false; }
      });
      current.addTo(map);
      element.previewLayer = current;  // for scripts and tests
      legendImage.alt = labels.legend + " – " + (layer.title || layer.name);
      legendImage.src = legendUrl(base, caps, layer);
      if (element.dataset.fit === "true" && layer.box) {
        map.fitBounds([[layer.box[1], layer.box[0]], [layer.box[3], layer.box[2]]], { maxZoom: 8 });
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
    times.addEventListener("change", function () { if (current) { current.setParams({ time: times.value }); } });
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
      var url;
      try { url = capabilitiesUrl(services[i].endpoint); } catch (e) { attempt(i + 1); return; }
      fetchText(url).then(parseCapabilities).then(function (caps) {
        if (!caps.layers.length) { fail(labels.empty); return; }
        show(element, map, services[i], caps, labels);
        element.dataset.state = "ready";
      }).catch(function () { attempt(i + 1); });
    })(0);
  }

  document.querySelectorAll(".map-preview").forEach(preview);
})();
