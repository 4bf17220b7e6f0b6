// The query editor on "/": YASGUI pointed at this server's /sparql, the ontology's prefixes
// preset, saved queries one pick away, and no autocompletion calls to outside services
// (the LOV-backed "class"/"property" completers are off; "prefixes" uses the bundled list).
(function () {
  "use strict";
  var host = document.getElementById("yasgui");
  var configEl = document.getElementById("yasgui-config");
  if (!host || !configEl || !window.Yasgui) { return; }
  var config = JSON.parse(configEl.textContent);
  var endpoint = host.getAttribute("data-endpoint");
  var wanted = ["kg", "kgc", "entity", "article", "fact", "graph", "rdf", "rdfs", "owl", "xsd",
                "skos", "dcterms", "prov", "nif", "wd"];
  var prologue = wanted.filter(function (p) { return config.prefixes[p]; })
    .map(function (p) { return "PREFIX " + p + ": <" + config.prefixes[p] + ">"; }).join("\n");
  var startQuery = prologue + "\n\nSELECT ?stance ?holder ?target ?polarity WHERE {\n" +
    "  ?stance a kg:Stance ; kg:holder ?h ; kg:target ?t ; kg:polarity ?polarity .\n" +
    "  ?h rdfs:label ?holder . ?t rdfs:label ?target .\n} LIMIT 50\n";

  var Yasqe = window.Yasgui.Yasqe;
  Yasqe.defaults.autocompleters = ["variables", "prefixes"];
  Yasqe.defaults.prefixCcApi = null;
  Yasqe.defaults.value = startQuery;
  Object.keys(Yasqe.Autocompleters || {}).forEach(function (name) {
    if (Yasqe.defaults.autocompleters.indexOf(name) < 0) { delete Yasqe.Autocompleters[name]; }
  });

  var yasgui = new window.Yasgui(host, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: "geokg_" + window.location.host,
    yasqe: { value: startQuery, autocompleters: ["variables", "prefixes"], prefixCcApi: null },
  });
  window.kgYasgui = yasgui;
  // The plain form is for readers without JavaScript; the editor replaces it.
  var plain = document.getElementById("plain-query");
  if (plain) { plain.hidden = true; }
  document.getElementById("saved-picker-row").hidden = false;

  // IRIs under our base resolve on this server: follow them here rather than to the
  // (possibly not yet redirected) public base, keeping the results' links useful offline.
  host.addEventListener("click", function (evt) {
    var link = evt.target.closest ? evt.target.closest("a[href]") : null;
    if (!link) { return; }
    var href = link.getAttribute("href");
    if (href.indexOf(config.base) !== 0) { return; }
    var rest = href.slice(config.base.length);
    if (!config.served.some(function (p) { return rest.indexOf(p) === 0; })) { return; }
    evt.preventDefault();
    window.open("/" + rest, "_blank", "noopener");
  }, true);

  var byName = {};
  config.queries.forEach(function (q) { byName[q.name] = q; });
  var picker = document.getElementById("saved-picker");
  document.getElementById("saved-open").addEventListener("click", function () {
    var q = byName[picker.value];
    if (!q) { return; }
    yasgui.addTab(true, { name: q.name, yasqe: { value: q.text },
                          requestConfig: { endpoint: endpoint, method: "POST" } });
  });
})();
