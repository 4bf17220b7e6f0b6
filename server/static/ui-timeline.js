// Timeline view: draws the server's timeline items (embedded JSON) with vis-timeline.
// Stances and events are two lanes; stances are coloured by polarity. Selecting an item
// highlights its row in the table below, which carries the sentence and the article.
(function () {
  "use strict";
  var host = document.getElementById("timeline");
  var dataEl = document.getElementById("timeline-data");
  if (!host || !dataEl || !window.vis) { return; }
  var data = JSON.parse(dataEl.textContent);
  var items = data.items.map(function (it, i) {
    return {
      id: i, start: it.date, group: it.group, content: it.title, title: it.sentence || "",
      className: (it.polarity ? "pol-" + it.polarity : "ev") + (it.own_date ? "" : " approx"),
    };
  });
  var groups = [{ id: "event", content: "Events" }, { id: "stance", content: "Stances" }];
  var timeline = new window.vis.Timeline(host, new window.vis.DataSet(items),
    new window.vis.DataSet(groups), {
      stack: true, maxHeight: 520, zoomKey: "ctrlKey", margin: { item: 4 },
      tooltip: { followMouse: true }, xss: { disabled: false },
    });
  timeline.on("select", function (props) {
    document.querySelectorAll("#timeline-items tr.selected").forEach(function (row) {
      row.classList.remove("selected");
    });
    props.items.forEach(function (id) {
      var row = document.getElementById("item-" + id);
      if (row) { row.classList.add("selected"); row.scrollIntoView({ block: "nearest" }); }
    });
  });
  window.kgTimeline = timeline;
})();
