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
    yasqe: { value: config.blank }
  });
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
