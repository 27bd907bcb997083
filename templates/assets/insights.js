/* Insights list: filter by status and segment, sort by any column.
 *
 * The table is complete without JavaScript (sorted by title); this script shows the
 * filters and reorders the rows. Material's instant navigation re-runs it on every
 * visit, so the table is set up once (data-ready).
 */
(function () {
  "use strict";

  function setup() {
    var table = document.getElementById("journal-insights");
    var form = document.getElementById("journal-insight-filters");
    if (!table || !form || table.getAttribute("data-ready")) return;
    table.setAttribute("data-ready", "1");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var count = document.getElementById("journal-insight-count");
    var empty = document.getElementById("journal-insight-empty");
    var total = rows.length;

    function filter() {
      var status = form.elements.status.value;
      var segment = form.elements.segment.value;
      var shown = 0;
      rows.forEach(function (row) {
        var segments = (row.getAttribute("data-segments") || "").split("|");
        var ok = (!status || row.getAttribute("data-status") === status) &&
          (!segment || segments.indexOf(segment) >= 0);
        row.hidden = !ok;
        shown += ok ? 1 : 0;
      });
      count.textContent = (shown === total ? "" : shown + " of ") + total + (total === 1 ? " insight" : " insights");
      empty.hidden = shown !== 0;
    }

    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    function sortBy(index, kind, descending) {
      var key = function (row) {
        var v = row.cells[index].getAttribute("data-sort") || "";
        return kind === "number" ? parseFloat(v) || 0 : v;
      };
      rows.slice().sort(function (a, b) {
        var x = key(a), y = key(b);
        var c = x < y ? -1 : x > y ? 1 : 0;
        return descending ? -c : c;
      }).forEach(function (row) { body.appendChild(row); });
      heads.forEach(function (th, n) {
        if (n === index) th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        else th.removeAttribute("aria-sort");
      });
    }

    heads.forEach(function (th, index) {
      var kind = th.getAttribute("data-sort");
      if (!kind) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "journal-sort";
      button.textContent = th.textContent;
      button.title = "Sort by " + th.textContent.toLowerCase();
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        // First click: text A→Z, counts and dates largest/newest first.
        var current = th.getAttribute("aria-sort");
        var descending = current ? current === "ascending" : kind === "number" || th.hasAttribute("data-newest-first");
        sortBy(index, kind, descending);
      });
    });

    form.addEventListener("change", filter);
    form.addEventListener("reset", function () { setTimeout(filter, 0); });
    form.hidden = false;
  }

  setup();
})();
