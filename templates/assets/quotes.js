/* Quotes library: filters, text search, "Show more", permalinks and copy with attribution.
 *
 * The page holds the first screen of quote cards as HTML (readable without JavaScript) and a
 * manifest of data files (generator/site/library.py): every quote is a compact record in a
 * chunk of a thousand, fetched when needed. The first chunk comes at once (the first screen's
 * copy buttons need it); all of them once a filter or the search is used, since they run over
 * every quote. Cards beyond the first screen are drawn from the records, as
 * templates/partials/library_quote.html.j2 draws them on the server. "Copy with attribution"
 * copies the attribution of the exports (head + text + tail, cut around the text by the server)
 * with copy.js, which the page loads first; a cleared quote's "Copy citation" button carries its
 * campaign YAML in data-copy, which copy.js copies, and "Download card" is a plain link.
 *
 * The manifest is an attribute, not an inline <script type="application/json">: Material's instant
 * navigation re-creates inline scripts without their type, and would run it. This file is re-run
 * on every visit, so it initialises once per page, not once per session.
 */
(function () {
  "use strict";

  var FIELDS = ["tag", "acct", "rel", "ind", "per", "dep", "cl"];
  var CLEARED = ["public", "anonymous"];
  var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" };

  function norm(s) {
    return String(s || "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return ESCAPES[c]; });
  }

  function readManifest() {
    var wrap = document.getElementById("journal-quotes-data");
    try {
      return wrap ? JSON.parse(wrap.getAttribute("data-manifest")) : null;
    } catch (e) {
      return null;
    }
  }

  /* A chunk's tables and quotes -> one object per quote; a table's rows are decoded once and shared. */
  function decode(chunk, schema) {
    var s = chunk.s;
    var tables = {};
    Object.keys(schema.tables).forEach(function (name) {
      var fields = schema.tables[name];
      tables[name] = chunk[name].map(function (row) {
        var out = {};
        for (var k = 0; k < fields.length; k++) out[fields[k]] = s[row[k]];
        return out;
      });
    });
    return chunk.q.map(function (row) {
      var out = {};
      schema.quote.forEach(function (field, k) {
        var value = row[k];
        var table = tables[field];
        if (schema.inline.indexOf(field) >= 0) out[field] = value;
        else if (!table) out[field] = s[value];
        else out[field] = Array.isArray(value) ? value.map(function (i) { return table[i]; }) : table[value];
      });
      out.copy = out.state.head + out.text + out.voice.tail;
      return out;
    });
  }

  /* A cleared quote's "Download card" (or why it has none) and "Copy citation": its campaign YAML,
   * the record's cite or, when that is empty, plain_citation of generator/views/citation.py. */
  function cardActions(r, manifest) {
    var card = r.state.card;
    if (!card) return "";
    var id = esc(r.id);
    var cite = r.cite || "  - id: " + r.id + "\n    text: " + r.text + "\n";
    return (card === manifest.card_image
      ? '<a class="md-button journal-card-download" href="' + esc(manifest.cards) + id + '.png" download="' + id + '.png">Download card</a>'
      : '<span class="journal-card-none journal-muted">no card (' + esc(card) + ")</span>") +
      '<button type="button" class="md-button journal-citation" data-copy="' + esc(cite) + '">Copy citation</button>';
  }

  /* The card of a record: what library_quote.html.j2 renders (tests/browser compare the two). */
  function card(r, manifest) {
    var v = r.visit;
    var id = esc(r.id);
    var tags = r.tags.map(function (t) { return t.chip; }).join("");
    return '<figure class="journal-quote journal-quote--' + esc(r.state.kind) + '" id="' + id + '">\n' +
      "<blockquote>" + (r.html || "<p>" + esc(r.text) + "</p>") + "</blockquote>\n<figcaption>\n" +
      '<span class="journal-quote__who">— ' + esc(r.voice.who) + "</span>\n" +
      '<span class="journal-quote__source">· <a href="' + esc(v.account_url) + '">' + esc(v.account) + "</a> · said as " +
      esc(v.said_as) + ' · <a href="' + esc(v.url) + "#" + id + '">' + esc(v.date_label) + "</a>" +
      (v.channel ? " · " + esc(v.channel) : "") + "</span>\n" + r.state.badge + "\n" +
      (tags ? '<span class="journal-quote__tags">' + tags + "</span>" : "") + r.notes + cardActions(r, manifest) +
      '<button type="button" class="journal-copy md-button" data-quote="' + id + '">' + esc(r.state.copy_label) + "</button>" +
      '<a class="headerlink journal-quote__permalink" href="#' + id + '" title="Permalink to this quote" aria-label="Permalink to this quote">¶</a>\n' +
      "</figcaption>\n</figure>\n";
  }

  function setup() {
    var form = document.getElementById("journal-quote-filters");
    var list = document.getElementById("journal-quote-list");
    if (!form || !list || form.getAttribute("data-ready")) return;
    var manifest = readManifest();
    if (!manifest) return;
    form.setAttribute("data-ready", "1");

    var count = document.getElementById("journal-quote-count");
    var empty = document.getElementById("journal-quote-empty");
    var more = document.getElementById("journal-quote-more");
    var newer = document.getElementById("journal-quote-newer");
    var base = location.href;
    var n = manifest.total;
    var PAGE = manifest.page;
    var records = new Array(n);
    var byId = {};
    var loading = {}; // chunk number -> promise
    var hay = null; // built on the first text search
    var matched = null; // positions of the quotes that match, or null: every quote
    var start = 0; // the list shows matched quotes start .. end - 1
    var end = Math.min(n, list.children.length);

    function fetchJson(url) {
      return fetch(new URL(url, base).href).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + url);
        return response.json();
      });
    }

    function loadChunk(k) {
      if (!loading[k]) {
        loading[k] = fetchJson(manifest.chunks[k]).then(function (chunk) {
          decode(chunk, manifest.schema).forEach(function (r, i) {
            records[k * manifest.chunk + i] = r;
            byId[r.id] = k * manifest.chunk + i;
          });
        });
        loading[k].catch(failed);
      }
      return loading[k];
    }

    function failed() {
      count.textContent = "The quotes could not be loaded: reload the page to try again.";
    }

    /* The records of the given positions (every one: null). */
    function load(positions) {
      var wanted = {};
      if (positions === null) for (var k = 0; k < manifest.chunks.length; k++) wanted[k] = true;
      else positions.forEach(function (p) { wanted[Math.floor(p / manifest.chunk)] = true; });
      return Promise.all(Object.keys(wanted).map(function (k) { return loadChunk(+k); }));
    }

    var everything = null;
    function loadAll() {
      everything = everything || load(null);
      return everything;
    }

    function size() {
      return matched ? matched.length : n;
    }

    function positions(from, to) {
      var out = [];
      for (var k = from; k < to; k++) out.push(matched ? matched[k] : k);
      return out;
    }

    function cards(from, to) {
      return positions(from, to).map(function (p) { return card(records[p], manifest); }).join("");
    }

    function buttons() {
      var left = size() - end;
      more.hidden = left <= 0;
      more.textContent = "Show " + Math.min(PAGE, left).toLocaleString("en") + " more (" + left.toLocaleString("en") + " not shown yet)";
      newer.hidden = start <= 0;
      newer.textContent = "Show " + Math.min(PAGE, start).toLocaleString("en") + " newer (" + start.toLocaleString("en") + " before these)";
    }

    /* Show matched quotes from .. to - 1: the records come first when they are not loaded yet. */
    function show(from, to) {
      return load(positions(from, to)).then(function () {
        start = from;
        end = to;
        list.innerHTML = cards(from, to);
        buttons();
        mark();
      });
    }

    function showMore() {
      var to = Math.min(size(), end + PAGE);
      return load(positions(end, to)).then(function () {
        list.insertAdjacentHTML("beforeend", cards(end, to));
        end = to;
        buttons();
      });
    }

    function showNewer() {
      var from = Math.max(0, start - PAGE);
      return load(positions(from, start)).then(function () {
        list.insertAdjacentHTML("afterbegin", cards(from, start)); // the browser keeps the reader's place
        start = from;
        buttons();
      });
    }

    // What a text search looks through; the generator already collapsed the spaces.
    function haystacks() {
      hay = new Array(n);
      for (var i = 0; i < n; i++) {
        var r = records[i];
        var v = r.visit;
        var tags = r.tags.map(function (t) { return t.value; }).join(" ");
        hay[i] = [r.copy, r.voice.search, v.account, tags, v.rel, v.ind, r.voice.dep, r.voice.per].join(" | ").toLowerCase();
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

    function filtering(s) {
      return s.words.length || s.from || s.to || s.cleared || FIELDS.some(function (f) { return s[f]; });
    }

    function hasTag(r, tag) {
      for (var k = 0; k < r.tags.length; k++) if (r.tags[k].value === tag) return true;
      return false;
    }

    function matches(r, i, s) {
      var v = r.visit;
      if (s.cleared && CLEARED.indexOf(r.state.cl) < 0) return false;
      if (s.tag && !hasTag(r, s.tag)) return false;
      if (s.acct && v.acct !== s.acct) return false;
      if (s.rel && v.rel !== s.rel) return false;
      if (s.ind && v.ind !== s.ind) return false;
      if (s.per && r.voice.per !== s.per) return false;
      if (s.dep && r.voice.dep !== s.dep) return false;
      if (s.cl && r.state.cl !== s.cl) return false;
      if (s.from && v.date < s.from) return false;
      if (s.to && v.date > s.to) return false;
      if (s.words.length) {
        var h = (hay || haystacks())[i];
        for (var w = 0; w < s.words.length; w++) if (h.indexOf(s.words[w]) < 0) return false;
      }
      return true;
    }

    function counted() {
      var total = size();
      count.textContent = !matched
        ? n.toLocaleString("en") + (n === 1 ? " quote" : " quotes")
        : "Showing " + total.toLocaleString("en") + " of " + n.toLocaleString("en") + (n === 1 ? " quote" : " quotes");
      empty.hidden = total !== 0;
    }

    // The filters last applied. Leaving the text box fires "change" after the "input" that
    // already filtered; re-rendering the same list then would swallow the click that moved
    // the focus (its button is detached between mousedown and mouseup).
    var applied = null;

    /* Filter every quote (their records must be loaded) and show the first matches. */
    function apply(force) {
      var s = state();
      var key = JSON.stringify(s);
      if (key === applied && force !== true) return size();
      applied = key;
      if (filtering(s)) {
        matched = [];
        for (var i = 0; i < n; i++) if (matches(records[i], i, s)) matched.push(i);
      } else {
        matched = null;
      }
      start = 0;
      end = Math.min(size(), PAGE);
      list.innerHTML = cards(0, end);
      buttons();
      counted();
      remember();
      mark();
      return size();
    }

    // Filtering, and showing a permalink's quote, wait for what came before them: a permalink in
    // an address with filters is looked for once the filters are applied.
    var queue = Promise.resolve();
    function next(step) {
      queue = queue.then(step).catch(failed);
      return queue;
    }

    function refilter() {
      if (everything === null) count.textContent = "Loading every quote…";
      return next(function () { return loadAll().then(function () { apply(); }); });
    }

    function clearForm() {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.type === "checkbox") el.checked = false;
        else if (el.name) el.value = "";
      });
    }

    /* The quote a permalink names is highlighted (as :target would, had it been in the page at once). */
    function mark() {
      var id = decodeURIComponent(location.hash.slice(1));
      Array.prototype.forEach.call(list.querySelectorAll(".journal-quote--linked"), function (el) {
        if (el.id !== id) el.classList.remove("journal-quote--linked");
      });
      var target = id && document.getElementById(id);
      if (target && list.contains(target)) target.classList.add("journal-quote--linked");
      return target;
    }

    /* Where a quote is in the library: from a loaded chunk, else from the id file that holds it. */
    function locate(id) {
      if (id in byId) return Promise.resolve(byId[id]);
      var file = null;
      manifest.ids.forEach(function (entry) { if (entry[0] <= id) file = entry[1]; });
      return file ? fetchJson(file).then(function (at) { return at[id]; }) : Promise.resolve(undefined);
    }

    /* A permalink /quotes/#id shows its quote, however far down the library it is. */
    function reveal() {
      if (!document.body.contains(list)) { // left the page (instant navigation)
        window.removeEventListener("hashchange", reveal);
        return;
      }
      var id = decodeURIComponent(location.hash.slice(1));
      if (id) next(function () { return mark() ? null : locate(id).then(bring); }); // drawn already: the browser scrolled to it
    }

    /* Show the quote at position p of the library, clearing the filters when they hide it. */
    function bring(p) {
      if (p === undefined) return null; // not a quote's id
      var k = matched ? matched.indexOf(p) : p;
      var ready = Promise.resolve();
      if (k < 0) {
        clearForm();
        ready = loadAll().then(function () { apply(true); });
        k = p;
      }
      return ready.then(function () {
        var from = k - (k % PAGE);
        return show(from, Math.min(size(), from + PAGE));
      }).then(function () {
        var target = mark();
        if (target) target.scrollIntoView();
      });
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
      requestAnimationFrame(function () { pending = false; refilter(); });
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    form.addEventListener("submit", function (e) { e.preventDefault(); refilter(); });
    form.addEventListener("reset", function () { setTimeout(refilter, 0); });
    form.addEventListener("focusin", loadAll); // whoever reaches the filters is about to use them

    list.addEventListener("click", function (e) {
      var button = e.target.closest ? e.target.closest(".journal-copy") : null;
      if (!button) return;
      var id = button.getAttribute("data-quote");
      locate(id).then(function (p) {
        if (p !== undefined) return load([p]).then(function () { window.journalCopy(records[p].copy, button); }); // copy.js
      }).catch(failed);
    });

    more.addEventListener("click", showMore);
    newer.addEventListener("click", showNewer);
    if ("IntersectionObserver" in window) {
      new IntersectionObserver(function (entries) {
        if (entries[0].isIntersecting && !more.hidden) showMore();
      }, { rootMargin: "800px" }).observe(more);
    }
    window.addEventListener("hashchange", reveal);

    // For tests and benchmarks: every record once loaded (a promise), and a synchronous filter
    // over the loaded records that returns the number of matches.
    list.journalRecords = function () { return loadAll().then(function () { return records; }); };
    list.journalFilter = function () { return apply(true); };

    form.hidden = false;
    list.classList.add("journal-library--js");
    restore();
    buttons();
    if (filtering(state())) {
      refilter();
    } else {
      applied = JSON.stringify(state());
      counted();
    }
    reveal();
    // The first screen's records, for its copy buttons: after a permalink's quote, which comes first.
    if (n) next(function () { return loadChunk(0); });
  }

  setup();
})();
