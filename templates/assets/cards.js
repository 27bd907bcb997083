/* Quote cards in the library: "Copy citation" puts the campaign YAML of a quote on the clipboard
 * (the button's data-citation, written by the generator), ready to paste under `cites:` in
 * campaigns/*.yml. "Download card" is a plain link and needs no script.
 *
 * One listener for the document: Material's instant navigation keeps the document and runs
 * this file again on every visit.
 */
(function () {
  "use strict";
  if (window.journalCitations) return;
  window.journalCitations = true;
  document.documentElement.classList.add("journal-citation-ready"); // the buttons work: show them

  function say(button, text) {
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    button.textContent = text;
    setTimeout(function () { button.textContent = label; }, 2000);
  }

  /* Without clipboard access (a page served over plain http): show the lines, selected, to copy by hand. */
  function showToCopy(button, text) {
    var area = button.parentNode.querySelector("textarea.journal-citation-text");
    if (!area) {
      area = document.createElement("textarea");
      area.className = "journal-citation-text";
      area.readOnly = true;
      area.rows = 2;
      area.setAttribute("aria-label", "Citation to copy");
      button.parentNode.insertBefore(area, button.nextSibling);
    }
    area.value = text;
    area.focus();
    area.select();
    say(button, "Copy the lines below");
  }

  document.addEventListener("click", function (e) {
    var button = e.target.closest ? e.target.closest("button.journal-citation[data-citation]") : null;
    if (!button) return;
    var text = button.getAttribute("data-citation");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { say(button, "Citation copied"); },
        function () { showToCopy(button, text); }
      );
    } else {
      showToCopy(button, text);
    }
  });
})();
