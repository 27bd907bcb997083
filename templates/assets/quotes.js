/* Quotes library: client-side filters and copy with attribution.
 *
 * The page is a plain list of quote cards (readable without JavaScript) followed by one
 * JSON document describing them. This script shows the filter form, hides the cards that
 * do not match, and copies a quote's attribution (the same string as the exports) with
 * copy.js, which the page loads first.
 *
 * Material's instant navigation re-creates inline <script> elements without their
 * attributes, so the JSON is found through its wrapper, not through its own id; and this
 * file is re-run on every visit, so it initialises once per page, not once per session.
 */
(function () {
  "use strict";

  var FIELDS = ["tag", "acct", "rel", "ind", "per", "dep", "cl"];

  function norm(s) {
    return String(s || "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function readData() {
    var wrap = document.getElementById("journal-quotes-data");
    var script = wrap && (wrap.tagName === "SCRIPT" ? wrap : wrap.querySelector("script"));
    try {
      return script ? JSON.parse(script.textContent) : null;
    } catch (e) {
      return null;
    }
  }

  function setup() {
    var form = document.getElementById("journal-quote-filters");
    var list = document.getElementById("journal-quote-list");
    if (!form || !list || form.getAttribute("data-ready")) return;
    var records = readData();
    if (!records) return;
    form.setAttribute("data-ready", "1");

    var count = document.getElementById("journal-quote-count");
    var empty = document.getElementById("journal-quote-empty");
    var more = document.getElementById("journal-quote-more");
    var byId = {};
    var index = {};
    var n = records.length;
    var cards = new Array(n);
    var hay = null; // built on the first text search
    for (var i = 0; i < n; i++) {
      byId[records[i].id] = records[i];
      index[records[i].id] = i;
      cards[i] = document.getElementById(records[i].id);
    }
    // Only the matches near the top are in the page: filtering 20,000 quotes then touches
    // a few dozen elements, not 20,000. "Show more" (or scrolling to it) adds the next batch.
    var PAGE = 100;
    var matched = [];
    var rendered = 0;

    // What a text search looks through; the generator already collapsed the spaces.
    function haystacks() {
      hay = new Array(n);
      for (var i = 0; i < n; i++) {
        var r = records[i];
        hay[i] = [r.copy, r.who, r.account, r.tags.join(" "), r.rel, r.ind, r.dep, r.per].join(" | ").toLowerCase();
      }
      return hay;
    }

    function state() {
      var s = { words: norm(form.elements.q.value).split(" ").filter(Boolean) };
      FIELDS.forEach(function (f) { s[f] = form.elements[f].value; });
      s.from = form.elements.from.value;
      s.to = form.elements.to.value;
      s.cleared = form.elements.cleared.checked;
      return s;
    }

    function matches(r, i, s) {
      if (s.cleared && r.cl !== "public" && r.cl !== "anonymous") return false;
      if (s.tag && r.tags.indexOf(s.tag) < 0) return false;
      if (s.acct && r.acct !== s.acct) return false;
      if (s.rel && r.rel !== s.rel) return false;
      if (s.ind && r.ind !== s.ind) return false;
      if (s.per && r.per !== s.per) return false;
      if (s.dep && r.dep !== s.dep) return false;
      if (s.cl && r.cl !== s.cl) return false;
      if (s.from && r.date < s.from) return false;
      if (s.to && r.date > s.to) return false;
      if (s.words.length) {
        var h = (hay || haystacks())[i];
        for (var w = 0; w < s.words.length; w++) if (h.indexOf(s.words[w]) < 0) return false;
      }
      return true;
    }

    function render(upTo) {
      var end = Math.min(matched.length, Math.max(rendered + PAGE, upTo || 0));
      var batch = document.createDocumentFragment();
      for (var k = rendered; k < end; k++) if (cards[matched[k]]) batch.appendChild(cards[matched[k]]);
      list.appendChild(batch);
      rendered = end;
      var left = matched.length - rendered;
      more.hidden = left <= 0;
      more.textContent = "Show " + Math.min(PAGE, left).toLocaleString("en") + " more (" + left.toLocaleString("en") + " not shown yet)";
    }

    // The filters last applied. Leaving the text box fires "change" after the "input" that
    // already filtered; re-rendering the same list then would swallow the click that moved
    // the focus (its button is detached between mousedown and mouseup).
    var applied = null;

    function apply(force) {
      var s = state();
      var key = JSON.stringify(s);
      if (key === applied && force !== true) return matched.length;
      applied = key;
      matched = [];
      for (var i = 0; i < n; i++) if (matches(records[i], i, s)) matched.push(i);
      list.textContent = "";
      rendered = 0;
      render();
      var total = matched.length;
      count.textContent = total === n
        ? n.toLocaleString("en") + (n === 1 ? " quote" : " quotes")
        : "Showing " + total.toLocaleString("en") + " of " + n.toLocaleString("en") + (n === 1 ? " quote" : " quotes");
      empty.hidden = total !== 0;
      remember();
      return total;
    }

    /* A permalink /quotes/#id shows its quote even when it is far down the list. */
    function reveal() {
      if (!document.body.contains(list)) { // left the page (instant navigation)
        window.removeEventListener("hashchange", reveal);
        return;
      }
      var id = decodeURIComponent(location.hash.slice(1));
      if (!(id in index) || document.getElementById(id)) return;
      var at = matched.indexOf(index[id]);
      if (at < 0) { // filtered out: clear the filters
        Array.prototype.forEach.call(form.elements, function (el) {
          if (el.type === "checkbox") el.checked = false;
          else if (el.name) el.value = "";
        });
        apply();
        at = matched.indexOf(index[id]);
      }
      render(at + 1);
      cards[index[id]].scrollIntoView();
    }

    function remember() {
      var params = new URLSearchParams();
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name) return;
        if (el.type === "checkbox" ? el.checked : el.value) params.set(el.name, el.type === "checkbox" ? "1" : el.value);
      });
      var query = params.toString();
      if (window.history && history.replaceState) {
        history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
      }
    }

    function restore() {
      var params = new URLSearchParams(location.search);
      params.forEach(function (value, key) {
        var el = form.elements[key];
        if (!el || el.type === "submit" || el.type === "reset") return;
        if (el.type === "checkbox") el.checked = value === "1";
        else {
          el.value = value;
          if (el.tagName === "SELECT" && el.value !== value) el.value = norm(value);
        }
      });
    }

    var pending = false;
    function schedule() {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; apply(); });
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });

    list.addEventListener("click", function (e) {
      var button = e.target.closest ? e.target.closest(".journal-copy") : null;
      if (!button) return;
      var r = byId[button.getAttribute("data-quote")];
      if (r) window.journalCopy(r.copy, button); // copy.js
    });

    more.addEventListener("click", function () { render(); });
    if ("IntersectionObserver" in window) {
      new IntersectionObserver(function (entries) {
        if (entries[0].isIntersecting && !more.hidden) render();
      }, { rootMargin: "800px" }).observe(more);
    }
    window.addEventListener("hashchange", reveal);

    // Expose for tests and benchmarks: filter synchronously and return the number of matches.
    list.journalFilter = function () { return apply(true); };

    form.hidden = false;
    list.classList.add("journal-library--js");
    restore();
    apply();
    reveal();
    // Build the search index while the reader looks at the page, so the first search is quick too.
    (window.requestIdleCallback || setTimeout)(function () { if (!hay) haystacks(); });
  }

  setup();
})();
