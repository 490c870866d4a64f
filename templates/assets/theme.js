/* sopgen handbook: the colour theme chosen with the switch (else the system's), set
   before the page is drawn so it never flashes. Loaded without defer, in <head>. */
(function () {
  "use strict";
  try {
    var chosen = window.localStorage.getItem("sopgen-tema");
    if (chosen === "gelap" || chosen === "terang") {
      document.documentElement.setAttribute("data-theme", chosen === "gelap" ? "dark" : "light");
    }
  } catch (e) { /* storage blocked: follow the system */ }
})();
