/* Customers and insights pages: sort and filter the accounts and insights tables; flip the timeline's order.
 *
 * The pages are complete without JavaScript (tables sorted by name, a timeline newest
 * first). This script only shows the controls and rearranges what is already there.
 * Material's instant navigation re-runs this file on every visit, so each page is set
 * up once (marked with data-ready), not once per session.
 */
(function () {
  "use strict";

  function norm(s) {
    return String(s || "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  /* Sort buttons in the headers marked data-sort="text|number". First click: text A→Z,
     counts and headers marked data-newest-first (dates) largest first; again: the other way. */
  function sortable(table, rows) {
    var body = table.tBodies[0];
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    function sortBy(index, kind, descending) {
      var key = function (row) {
        var v = row.cells[index].getAttribute("data-sort") || "";
        return kind === "number" ? parseFloat(v) || 0 : v;
      };
      var sorted = rows.slice().sort(function (a, b) {
        var x = key(a), y = key(b);
        var c = x < y ? -1 : x > y ? 1 : 0;
        return descending ? -c : c; // Array sort is stable: ties keep the first column's order
      });
      sorted.forEach(function (row) { body.appendChild(row); });
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
        var current = th.getAttribute("aria-sort");
        var descending = current ? current === "ascending" : kind === "number" || th.hasAttribute("data-newest-first");
        sortBy(index, kind, descending);
      });
    });
  }

  function setupInsights() {
    var table = document.getElementById("journal-insights");
    var form = document.getElementById("journal-insight-filters");
    if (!table || !form || table.getAttribute("data-ready")) return;
    table.setAttribute("data-ready", "1");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var count = document.getElementById("journal-insight-count");
    var empty = document.getElementById("journal-insight-empty");

    function filter() {
      var status = form.elements.status.value;
      var segment = form.elements.segment.value;
      var shown = 0;
      rows.forEach(function (row) {
        var ok = (!status || row.getAttribute("data-status") === status) &&
          (!segment || (row.getAttribute("data-segments") || "").split("|").indexOf(segment) >= 0);
        row.hidden = !ok;
        shown += ok ? 1 : 0;
      });
      count.textContent = (shown === rows.length ? "" : shown + " of ") + rows.length + (rows.length === 1 ? " insight" : " insights");
      empty.hidden = shown !== 0;
    }

    sortable(table, rows);
    form.addEventListener("change", filter);
    form.addEventListener("reset", function () { setTimeout(filter, 0); });
    form.hidden = false;
  }

  function setupTable() {
    var table = document.getElementById("journal-accounts");
    var form = document.getElementById("journal-customer-filters");
    if (!table || !form || table.getAttribute("data-ready")) return;
    table.setAttribute("data-ready", "1");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var count = document.getElementById("journal-customer-count");
    var empty = document.getElementById("journal-customer-empty");
    var total = rows.length;

    function filter() {
      var q = norm(form.elements.q.value);
      var rel = form.elements.rel.value;
      var staleOnly = form.elements.stale.checked;
      var shown = 0;
      rows.forEach(function (row) {
        var ok = (!q || norm(row.getAttribute("data-search")).indexOf(q) >= 0) &&
          (!rel || row.getAttribute("data-rel") === rel) &&
          (!staleOnly || row.getAttribute("data-stale") === "1");
        row.hidden = !ok;
        shown += ok ? 1 : 0;
      });
      count.textContent = (shown === total ? "" : shown + " of ") + total + (total === 1 ? " account" : " accounts");
      empty.hidden = shown !== 0;
    }

    sortable(table, rows);

    form.addEventListener("input", filter);
    form.addEventListener("change", filter);
    form.addEventListener("reset", function () { setTimeout(filter, 0); });
    form.hidden = false;
  }

  function setupTimeline() {
    var list = document.getElementById("journal-timeline");
    var button = document.getElementById("journal-timeline-order");
    var label = document.getElementById("journal-timeline-label");
    if (!list || !button || list.getAttribute("data-ready")) return;
    list.setAttribute("data-ready", "1");
    button.addEventListener("click", function () {
      var items = Array.prototype.slice.call(list.children).reverse();
      items.forEach(function (item) { list.appendChild(item); });
      var oldestFirst = list.getAttribute("data-order") !== "oldest";
      list.setAttribute("data-order", oldestFirst ? "oldest" : "newest");
      button.textContent = oldestFirst ? "Show newest first" : "Show oldest first";
      label.textContent = oldestFirst ? "Oldest first." : "Newest first.";
    });
    button.hidden = false;
  }

  setupTable();
  setupTimeline();
  setupInsights();
})();
