// The query editor of /editor: YASGUI over /sparql, with the project's prefixes, the example
// queries of the page, and ?query= prefilled. Configuration comes from #editor-config (JSON).
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("editor-config").textContent);
  var root = document.getElementById("yasgui");
  if (!root || typeof Yasgui === "undefined") {
    return;
  }
  var yasgui = new Yasgui(root, {
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: config.endpoint }]; } },
    persistenceId: null,
    yasqe: { value: config.query }
  });
  function show(query) {
    var tab = yasgui.getTab();
    tab.setEndpoint(config.endpoint);
    var yasqe = tab.getYasqe();
    yasqe.setValue(query);
    yasqe.addPrefixes(config.prefixes);
    yasqe.collapsePrefixes(false);
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
