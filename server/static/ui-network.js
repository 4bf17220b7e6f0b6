// Network view: draws the server's network data (embedded JSON) with cytoscape.js.
// Actors are nodes coloured and shaped by class; stances are arrows coloured by polarity and
// thicker with more evidence; memberships (dashed) and partnerships (dotted) are other kinds.
(function () {
  "use strict";
  var host = document.getElementById("network");
  var dataEl = document.getElementById("network-data");
  if (!host || !dataEl || !window.cytoscape) { return; }
  var data = JSON.parse(dataEl.textContent);
  var degree = {};
  data.edges.forEach(function (e) {
    degree[e.source] = (degree[e.source] || 0) + e.count;
    degree[e.target] = (degree[e.target] || 0) + e.count;
  });
  data.nodes.forEach(function (n) { n.size = Math.round(18 + 5 * Math.sqrt(degree[n.id] || 1)); });
  var elements = data.nodes.map(function (n) { return { group: "nodes", data: n }; })
    .concat(data.edges.map(function (e) { return { group: "edges", data: e }; }));
  var cy = window.cytoscape({
    container: host,
    elements: elements,
    style: [
      { selector: "node", style: {
        "background-color": "data(color)", "shape": "data(shape)", "label": "data(label)",
        "font-size": 13, "text-valign": "bottom", "text-margin-y": 3, "width": "data(size)",
        "height": "data(size)", "color": "#222", "text-outline-color": "#fff", "text-outline-width": 2 } },
      { selector: "node:selected, node.focus", style: { "border-width": 3, "border-color": "#000" } },
      { selector: "edge", style: {
        "width": "data(width)", "line-color": "data(color)", "curve-style": "bezier",
        "target-arrow-color": "data(color)", "target-arrow-shape": "triangle",
        "arrow-scale": 0.8, "opacity": 0.85 } },
      { selector: "edge[kind = 'membership']", style: { "line-style": "dashed" } },
      { selector: "edge[kind = 'partnership']", style: {
        "line-style": "dotted", "target-arrow-shape": "none" } },
    ],
    // cose inside a box of the container's shape, so a hub-and-spoke graph uses the width.
    layout: { name: "cose", animate: false, randomize: false, padding: 20,
              nodeDimensionsIncludeLabels: true, nodeOverlap: 20, numIter: 2500,
              boundingBox: { x1: 0, y1: 0, w: host.clientWidth * 1.4, h: host.clientHeight * 1.4 },
              nodeRepulsion: function () { return 60000; },
              idealEdgeLength: function () { return 50; }, gravity: 150 },
  });
  cy.on("tap", "node", function (evt) { window.location.href = evt.target.data("href"); });
  // Keyboard: the drawing is focusable; arrows move between actors, Enter opens one.
  host.tabIndex = 0;
  var nodes = cy.nodes().sort(function (a, b) {
    return a.data("label").localeCompare(b.data("label"));
  });
  var current = -1;
  host.addEventListener("keydown", function (evt) {
    if (!nodes.length) { return; }
    if (evt.key === "ArrowRight" || evt.key === "ArrowDown") { current = (current + 1) % nodes.length; }
    else if (evt.key === "ArrowLeft" || evt.key === "ArrowUp") { current = (current - 1 + nodes.length) % nodes.length; }
    else if (evt.key === "Enter" && current >= 0) { window.location.href = nodes[current].data("href"); return; }
    else { return; }
    evt.preventDefault();
    cy.nodes().removeClass("focus");
    nodes[current].addClass("focus");
    host.setAttribute("aria-label", "Selected actor: " + nodes[current].data("label") +
                      " (" + nodes[current].data("cls") + "); press Enter to open its page.");
  });
  window.kgNetwork = cy;
})();
