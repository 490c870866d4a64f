/* sopgen handbook: page behaviour that is not search (step highlighting, print button). */
(function () {
  "use strict";

  /* The step named by the URL hash: its flowchart symbol is highlighted with its row. */
  function markTarget() {
    var marked = document.querySelectorAll(".symbol.is-target");
    for (var i = 0; i < marked.length; i++) marked[i].classList.remove("is-target");
    var match = /^#langkah-(\d+)$/.exec(window.location.hash);
    if (!match) return;
    var symbols = document.querySelectorAll('.symbol[data-step="' + match[1] + '"]');
    for (var j = 0; j < symbols.length; j++) symbols[j].classList.add("is-target");
  }

  function initPrint() {
    var buttons = document.querySelectorAll(".print-button");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () { window.print(); });
    }
  }

  function start() {
    initPrint();
    markTarget();
    window.addEventListener("hashchange", markTarget);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
