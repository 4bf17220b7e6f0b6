// Article page: "show evidence" marks every piece of the text inside the fact's
// [begin, end) span and scrolls to it (without JavaScript the link still jumps there).
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  if (!text) { return; }
  var pieces = Array.prototype.slice.call(text.querySelectorAll("span[data-b]"));
  function show(begin, end, row) {
    pieces.forEach(function (p) {
      var inside = +p.getAttribute("data-b") >= begin && +p.getAttribute("data-e") <= end;
      p.classList.toggle("evidence", inside);
    });
    document.querySelectorAll("tr.fact.selected").forEach(function (r) { r.classList.remove("selected"); });
    if (row) { row.classList.add("selected"); }
    var first = text.querySelector("span.evidence");
    if (first) { first.scrollIntoView({ block: "center" }); }
  }
  document.querySelectorAll("tr.fact").forEach(function (row) {
    var begin = +row.getAttribute("data-b"), end = +row.getAttribute("data-e");
    row.addEventListener("click", function (evt) {
      if (evt.target.closest("a") && !evt.target.classList.contains("evlink")) { return; }
      evt.preventDefault();
      show(begin, end, row);
    });
  });
})();
