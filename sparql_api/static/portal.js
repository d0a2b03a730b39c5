/* gaia-kg portal: suggestions under the search box (thesaurus concepts with their
   compartment, then resource titles). The box is a plain form without this script.
   Every shown string goes through textContent: nothing harvested is parsed as HTML. */
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("suggestions");
  if (!input || !list || !window.fetch) { return; }
  var lang = input.dataset.lang || "en";
  var thesaurus = input.dataset.thesaurus || "";
  var timer = null;
  var seq = 0;
  var active = -1;

  function options() { return list.querySelectorAll("[role=option]"); }

  function close() {
    list.hidden = true;
    list.textContent = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function activate(index) {
    var opts = options();
    if (!opts.length) { return; }
    active = (index + opts.length) % opts.length;
    opts.forEach(function (o, i) { o.setAttribute("aria-selected", i === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", opts[active].id);
    opts[active].scrollIntoView({ block: "nearest" });
  }

  function conceptHref(iri) {
    var theme = iri.indexOf(thesaurus) === 0 ? iri.slice(thesaurus.length) : iri;
    return "/search?theme=" + encodeURIComponent(theme) + "&lang=" + lang;
  }

  function group(title) {
    var li = document.createElement("li");
    li.className = "suggest-group";
    li.setAttribute("role", "presentation");
    li.textContent = title;
    list.appendChild(li);
  }

  function option(kind, href, text, detail) {
    var li = document.createElement("li");
    li.id = "suggestion-" + options().length;
    li.className = "suggestion " + kind;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    li.dataset.href = href;
    var main = document.createElement("span");
    main.className = "suggest-label";
    main.textContent = text;
    li.appendChild(main);
    if (detail) {
      var small = document.createElement("span");
      small.className = "suggest-detail";
      small.textContent = detail;
      li.appendChild(small);
    }
    li.addEventListener("mousedown", function (event) { event.preventDefault(); });
    li.addEventListener("click", function () { window.location.href = href; });
    list.appendChild(li);
  }

  function show(concepts, resources) {
    list.textContent = "";
    active = -1;
    if (concepts.length) {
      group(input.dataset.conceptsLabel);
      concepts.forEach(function (s) {
        var detail = s.compartment && s.compartment.iri !== s.iri ? s.compartment.label : "";
        option("concept", conceptHref(s.iri), s.label, detail);
      });
    }
    if (resources.length) {
      group(input.dataset.resourcesLabel);
      resources.forEach(function (h) { option("resource", h.path || h.iri, h.title || h.iri, ""); });
    }
    var any = options().length > 0;
    list.hidden = !any;
    input.setAttribute("aria-expanded", any ? "true" : "false");
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      return r.ok ? r.json() : null;
    }).catch(function () { return null; });
  }

  function suggest() {
    var q = input.value.trim();
    var mine = ++seq;
    if (q.length < 2) { close(); return; }
    var query = "q=" + encodeURIComponent(q) + "&lang=" + lang;
    Promise.all([
      getJSON("/api/autocomplete?" + query + "&limit=6"),
      getJSON("/api/search?" + query + "&size=4"),
    ]).then(function (answers) {
      if (mine !== seq) { return; }
      var concepts = answers[0] && answers[0].suggestions ? answers[0].suggestions : [];
      var resources = answers[1] && answers[1].hits ? answers[1].hits : [];
      show(concepts, resources);
    });
  }

  input.addEventListener("input", function () {
    // typing again drops the selection: Enter then searches the words typed, never a
    // suggestion of the previous letters (the form submits the box as it is)
    if (active >= 0) {
      options().forEach(function (o) { o.setAttribute("aria-selected", "false"); });
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    clearTimeout(timer);
    timer = setTimeout(suggest, 120);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); if (list.hidden) { suggest(); } else { activate(active + 1); } }
    else if (event.key === "ArrowUp") { event.preventDefault(); activate(active - 1); }
    else if (event.key === "Escape") { close(); }
    else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.href = options()[active].dataset.href;
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 150); });
})();
