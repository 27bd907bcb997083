/* Copy to the clipboard, for every page that offers a copy button.
 *
 * A <button class="journal-copy" data-copy="…"> copies its data-copy text (campaign and
 * insight pages: the attribution, or "Copy all"'s quotes), and so does the library's
 * <button class="journal-citation" data-copy="…"> (a quote's campaign YAML, "Copy citation"). The quotes library keeps its texts
 * in its embedded JSON instead and calls journalCopy(text, button) itself (quotes.js).
 * Copy buttons are hidden until this script runs (they need it; see quotes.css).
 *
 * Material's instant navigation re-runs this file on every visit; the document and its one
 * click listener stay, so the listener is added once per session.
 */
(function () {
  "use strict";

  document.documentElement.classList.add("journal-can-copy");
  if (window.journalCopy) return;

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

  window.journalCopy = copy;
  document.addEventListener("click", function (e) {
    var button = e.target.closest ? e.target.closest("button.journal-copy[data-copy], button.journal-citation[data-copy]") : null;
    if (button) copy(button.getAttribute("data-copy"), button);
  });
})();
