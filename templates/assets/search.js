/* Search: the journal's Pagefind index (generator/site/search) in Material's header search box.
 *
 * The journal turns Material's own search off: its single index grows to 20 MB and more, every
 * byte fetched before the first result. This script puts Material's search button and dialog in
 * the header (the theme's own markup and classes, so the theme styles them and its #__search
 * toggle opens them) and searches with Pagefind's JavaScript API, which fetches only the parts of
 * the index a query needs. It carries its own styles (search.css), so it also fits themes that
 * do not style the journal's additions.
 *
 * Keys as in Material: "/", "s" or "f" open the search, Escape closes it, the arrow keys move
 * through the results, Enter in the box opens the first one. Results show date, account and
 * relationship, and narrow by relationship, year, tag and account; the best matches come first
 * (the index is in parts, and Pagefind merges their results by score only). A search needs words:
 * filters alone would fetch the whole index (the segment pages list interviews by each of them).
 *
 * The index is found next to this file (<site>/pagefind/), so a site served under a sub-path
 * works; pages opened from file:// cannot fetch it.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || document.querySelector("[data-journal-search]")) return; // Material's instant navigation keeps the header
  if (document.querySelector('[data-md-component="search"]')) return; // the theme's own search is on: one search box
  var BUNDLE = new URL("../../pagefind/pagefind.js", script.src).href; // this file is <site>/assets/journal/search.js
  var PARTS = new URL("../../pagefind/parts.json", script.src).href;
  var SITE = new URL("../../", script.src).pathname;
  var PAGE = 10;
  var FILTERS = [["relationship", "Relationship"], ["year", "Year"], ["tag", "Tag"], ["account", "Account"]];
  var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" };
  var ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
  var BACK = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z"/></svg>';

  function esc(s) {
    return String(s === undefined || s === null ? "" : s).replace(/[&<>"']/g, function (c) { return ESCAPES[c]; });
  }

  /* Pagefind's excerpt is the record's plain text with <mark> around the hits: escape the text, keep the marks. */
  function excerpt(html) {
    return esc(html).replace(/&lt;(\/?)mark&gt;/g, "<$1mark>");
  }

  function inject() {
    var header = document.querySelector(".md-header__inner");
    var toggle = document.getElementById("__search");
    if (!header || !toggle) return null;
    var wrap = document.createElement("div");
    wrap.className = "journal-search";
    wrap.innerHTML =
      '<label class="md-header__button md-icon" for="__search" title="Search (/)" aria-label="Search">' + ICON + "</label>" +
      '<div class="md-search" data-journal-search role="dialog" aria-label="Search the journal">' +
      '<label class="md-search__overlay" for="__search"></label>' +
      '<div class="md-search__inner" role="search">' +
      '<form class="md-search__form" autocomplete="off">' +
      '<input type="search" class="md-search__input" aria-label="Search the journal" placeholder="Search" autocapitalize="off" autocorrect="off" spellcheck="false">' +
      '<label class="md-search__icon md-icon" for="__search" aria-label="Close the search">' + ICON + BACK + "</label></form>" +
      '<div class="md-search__output"><div class="md-search__scrollwrap" tabindex="0">' +
      '<div class="journal-search__filters" hidden></div>' +
      '<div class="md-search-result"><div class="md-search-result__meta" aria-live="polite">Type to search</div>' +
      '<ol class="md-search-result__list"></ol>' +
      '<button type="button" class="md-button journal-search__more" hidden></button></div></div></div></div></div>';
    header.insertBefore(wrap, header.querySelector(".md-header__source"));
    return { toggle: toggle, root: wrap };
  }

  /* Pagefind, with every part of the index merged into the first (generator/site/search: parts.json). */
  var loading = null;
  function pagefind() {
    loading = loading || Promise.all([import(BUNDLE), fetch(PARTS).then(function (r) { return r.json(); })]).then(function (got) {
      var pf = got[0];
      var options = { baseUrl: SITE, excerptLength: 24 }; // a merged part takes none of the first's options
      return pf.options(options).then(function () { return pf.init(); }).then(function () {
        return Promise.all(got[1].map(function (part) { return pf.mergeIndex(new URL(part, PARTS).href, options); }));
      }).then(function () { return pf; });
    });
    return loading;
  }

  function setup() {
    var ui = inject();
    if (!ui) return;
    var toggle = ui.toggle;
    var root = ui.root;
    var input = root.querySelector(".md-search__input");
    var meta = root.querySelector(".md-search-result__meta");
    var list = root.querySelector(".md-search-result__list");
    var more = root.querySelector(".journal-search__more");
    var filterBox = root.querySelector(".journal-search__filters");
    var dialog = root.querySelector("[data-journal-search]");
    var chosen = {};
    var results = [];
    var shown = 0;
    var seq = 0;

    function open() {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
      input.focus();
      input.select();
      pagefind().catch(broken);
    }

    function close() {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
      input.blur();
    }

    function broken() {
      meta.textContent = location.protocol === "file:"
        ? "Search needs the site served over http(s), not opened as files."
        : "Search is not available: its index could not be loaded.";
    }

    function fillFilters(pf) {
      filterBox.setAttribute("data-filled", "1");
      return pf.filters().then(function (all) {
        filterBox.innerHTML = FILTERS.filter(function (f) { return all[f[0]]; }).map(function (f) {
          var values = Object.keys(all[f[0]]).sort(function (a, b) { return a.localeCompare(b); });
          if (f[0] === "year") values.reverse();
          return '<select data-filter="' + f[0] + '" aria-label="' + f[1] + '"><option value="">' + f[1] + ": any</option>" +
            values.map(function (v) { return '<option value="' + esc(v) + '">' + esc(v) + " (" + all[f[0]][v] + ")</option>"; }).join("") +
            "</select>";
        }).join("");
        filterBox.hidden = false;
      });
    }

    function run() {
      var term = input.value.trim();
      var mine = ++seq;
      dialog.removeAttribute("data-term");
      if (!term) {
        list.innerHTML = "";
        more.hidden = true;
        meta.textContent = Object.keys(chosen).length
          ? "Type words to search with these filters (the segment pages list everything in a segment)"
          : "Type to search";
        return;
      }
      pagefind().then(function (pf) {
        return pf.debouncedSearch(term, { filters: Object.assign({}, chosen) }, 80).then(function (search) {
          if (search === null || mine !== seq) return null; // a newer keystroke took over
          results = search.results;
          shown = 0;
          list.innerHTML = "";
          meta.textContent = results.length ? results.length.toLocaleString("en") + (results.length === 1 ? " matching page" : " matching pages")
            : "No matching pages";
          return showMore().then(function () {
            dialog.setAttribute("data-term", term); // the results of this term are shown (tests and benchmarks wait for it)
            if (!filterBox.getAttribute("data-filled")) return fillFilters(pf);
          });
        });
      }).catch(broken);
    }

    function showMore() {
      var batch = results.slice(shown, shown + PAGE);
      shown += batch.length;
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (pages) {
        list.insertAdjacentHTML("beforeend", pages.map(function (d) {
          var m = d.meta || {};
          var facts = [m.date, m.account, m.relationship].filter(Boolean).map(esc).join(" · ");
          return '<li class="md-search-result__item"><a href="' + esc(d.url) + '" class="md-search-result__link">' +
            '<article class="md-search-result__article md-typeset"><h1>' + esc(m.title || d.url) + "</h1>" +
            (facts ? '<p class="journal-search__facts">' + facts + "</p>" : "") + "<p>" + excerpt(d.excerpt) + "</p></article></a></li>";
        }).join(""));
        var left = results.length - shown;
        more.hidden = left <= 0;
        more.textContent = "Show " + Math.min(PAGE, left) + " more (" + left.toLocaleString("en") + " not shown yet)";
      });
    }

    input.addEventListener("input", run);
    input.addEventListener("focus", function () { if (!toggle.checked) open(); });
    root.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); });
    filterBox.addEventListener("change", function (e) {
      var select = e.target;
      if (select.value) chosen[select.getAttribute("data-filter")] = select.value;
      else delete chosen[select.getAttribute("data-filter")];
      run();
    });
    more.addEventListener("click", function () { showMore(); });
    list.addEventListener("click", function (e) { if (e.target.closest("a")) close(); });

    document.addEventListener("keydown", function keys(e) {
      if (!document.body.contains(root)) { // the header was replaced: its new search box has its own keys
        document.removeEventListener("keydown", keys);
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      var active = document.activeElement;
      var typing = active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName));
      if (!toggle.checked) {
        if (!typing && (e.key === "/" || e.key === "s" || e.key === "f")) {
          e.preventDefault();
          open();
        }
        return;
      }
      if (e.key === "Escape") {
        e.preventDefault();
        close();
        return;
      }
      var links = [input].concat(Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link")));
      var at = links.indexOf(active);
      if ((e.key === "ArrowDown" || e.key === "ArrowUp") && (at >= 0)) {
        e.preventDefault();
        links[(at + links.length + (e.key === "ArrowDown" ? 1 : -1)) % links.length].focus();
      } else if (e.key === "Enter" && active === input && links[1]) {
        e.preventDefault();
        links[1].click();
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
