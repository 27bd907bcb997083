/* Quotes library: client-side filters and copy with attribution.
 *
 * The page is a plain list of quote cards (readable without JavaScript) followed by one
 * JSON document describing them. This script shows the filter form, hides the cards that
 * do not match, and copies a quote's attribution (the same string as the exports).
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
    var byId = {};
    var n = records.length;
    var cards = new Array(n);
    var shown = new Uint8Array(n);
    var hay = null; // built on the first text search
    for (var i = 0; i < n; i++) {
      byId[records[i].id] = records[i];
      cards[i] = document.getElementById(records[i].id);
      shown[i] = 1;
    }

    function haystacks() {
      hay = new Array(n);
      for (var i = 0; i < n; i++) {
        var r = records[i];
        hay[i] = norm([r.text, r.who, r.account, r.tags.join(" "), r.rel, r.ind, r.dep, r.per].join(" | "));
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

    function apply() {
      var s = state();
      var total = 0;
      for (var i = 0; i < n; i++) {
        var show = matches(records[i], i, s) ? 1 : 0;
        total += show;
        if (show !== shown[i]) {
          shown[i] = show;
          if (cards[i]) cards[i].hidden = !show;
        }
      }
      count.textContent = total === n
        ? n.toLocaleString("en") + (n === 1 ? " quote" : " quotes")
        : "Showing " + total.toLocaleString("en") + " of " + n.toLocaleString("en") + (n === 1 ? " quote" : " quotes");
      empty.hidden = total !== 0;
      remember();
      return total;
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
      if (r) copy(r.copy, button);
    });

    // Expose for tests and benchmarks: filter synchronously and return the number shown.
    list.journalFilter = apply;

    form.hidden = false;
    list.classList.add("journal-library--js");
    restore();
    if (location.search) apply();
  }

  function copied(button, ok) {
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    button.textContent = ok ? "Copied" : "Copy failed: select the text instead";
    setTimeout(function () { button.textContent = label; }, 2000);
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok;
  }

  function copy(text, button) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { copied(button, true); },
        function () { copied(button, fallbackCopy(text)); }
      );
    } else {
      copied(button, fallbackCopy(text));
    }
  }

  setup();
})();
