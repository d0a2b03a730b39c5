// The query editor of /editor: YASGUI over /sparql, ?query= prefilled (and run), the example
// queries of the page, new tabs starting with the project's prefixes. Configuration comes
// from #editor-config (JSON).
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("editor-config").textContent);
  var root = document.getElementById("yasgui");
  if (!root || typeof Yasgui === "undefined") {
    return;
  }
  // Only completions computed in the page: the others ask prefix.cc and LOV over the network.
  Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  var yasgui = new Yasgui(root, {
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: config.endpoint }]; } },
    persistenceId: null,
    tabName: root.dataset.labelTabQuery,
    yasqe: { value: config.blank }
  });
  // YASGUI's markup made accessible (axe-core): the "+" button out of the tab list (a tablist
  // holds tabs only; new tabs then go at its end), names in the page's language for the
  // fields and buttons it leaves unnamed or names in English, the editor's scrolling area
  // reachable from the keyboard. Done again whenever YASGUI draws (a new tab, a result).
  var names = root.dataset;
  function name(selector, label) {
    root.querySelectorAll(selector).forEach(function (el) {
      if (el.getAttribute("aria-label") !== label) { el.setAttribute("aria-label", label); }
    });
  }
  function accessible() {
    var add = yasgui.tabElements && yasgui.tabElements.addTabEl;
    if (add && add.parentNode && add.parentNode.getAttribute("role") === "tablist") {
      add.parentNode.parentNode.insertBefore(add, add.parentNode.nextSibling);
      add.className = "addTabBox";
      yasgui.tabElements.addTabEl = null;
    }
    name("input.autocomplete", names.labelEndpoint);
    name(".CodeMirror textarea", names.labelQuery);
    name("button.addTab", names.labelAdd);
    name("button.tabContextButton", names.labelSettings);
    name(".tabsList a[role=tab] input[type=text]", names.labelTab);
    root.querySelectorAll(".CodeMirror-scroll:not([tabindex='0'])").forEach(function (el) {
      el.setAttribute("tabindex", "0");
    });
  }
  accessible();
  new MutationObserver(accessible).observe(root, { childList: true, subtree: true });
  function show(query) {
    var tab = yasgui.getTab();
    tab.setEndpoint(config.endpoint);
    var yasqe = tab.getYasqe();
    yasqe.setValue(query);
  }
  show(config.query);
  if (config.prefilled) {
    yasgui.getTab().query();
  }
  document.querySelectorAll("a[data-example]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var name = link.getAttribute("data-example");
      var example = config.examples.filter(function (e) { return e.name === name; })[0];
      if (example) {
        event.preventDefault();
        show(example.query);
      }
    });
  });
})();
