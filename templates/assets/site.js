/* sopgen handbook: page behaviour that is not search. Every part works without the
 * others, and the page is complete without JavaScript (this only adds comfort):
 * step highlighting, print button, table of contents, heading permalinks, colour theme
 * switch, list filters, the menu on phones, back to top, flowchart <-> step table. */
(function () {
  "use strict";

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  /* The step named by the URL hash: its flowchart symbol is highlighted with its row. */
  function markTarget() {
    all(".symbol.is-target").forEach(function (s) { s.classList.remove("is-target"); });
    var match = /^#langkah-(\d+)$/.exec(window.location.hash);
    if (!match) return;
    all('.symbol[data-step="' + match[1] + '"]').forEach(function (s) {
      s.classList.add("is-target");
    });
  }

  function initPrint() {
    all(".print-button").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  /* "Di halaman ini": the page's sections (h2 with an id), beside the text on wide
     screens, and a permalink (#) on every section heading. */
  function initToc() {
    var headings = all("main h2[id], main h3[id]");
    headings.forEach(function (h) {
      var a = document.createElement("a");
      a.className = "permalink";
      a.href = "#" + h.id;
      a.textContent = "#";
      a.setAttribute("aria-label", "Tautan ke bagian \u201c" + h.textContent.trim() + "\u201d");
      h.appendChild(a);
    });
    var sections = all("main h2[id]");
    var aside = document.querySelector(".toc-col");
    if (!aside || sections.length < 2) return;
    var title = document.createElement("p");
    title.className = "toc-title";
    title.textContent = "Di halaman ini";
    var list = document.createElement("ul");
    sections.forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "#" + h.id;
      a.textContent = h.firstChild ? h.firstChild.textContent.trim() : h.id;
      li.appendChild(a);
      list.appendChild(li);
    });
    aside.appendChild(title);
    aside.appendChild(list);
    aside.hidden = false;
    document.body.classList.add("has-toc");
    /* the section being read is marked in the table of contents */
    var links = all("a", list);
    function current() {
      var at = 0;
      for (var i = 0; i < sections.length; i++) {
        if (sections[i].getBoundingClientRect().top < 120) at = i;
      }
      links.forEach(function (a, i) {
        if (i === at) a.setAttribute("aria-current", "location");
        else a.removeAttribute("aria-current");
      });
    }
    window.addEventListener("scroll", current, { passive: true });
    current();
  }

  /* Light or dark: the system's setting until the reader chooses; the choice is kept. */
  function initTheme() {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    var html = document.documentElement;
    var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
    function dark() {
      var chosen = html.getAttribute("data-theme");
      return chosen ? chosen === "dark" : !!(media && media.matches);
    }
    function show() {
      var d = dark();
      button.setAttribute("aria-pressed", d ? "true" : "false");
      button.querySelector(".theme-label").textContent = "Mode gelap";
      button.title = d ? "Mode gelap aktif: klik untuk mode terang" : "Klik untuk mode gelap";
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var next = dark() ? "light" : "dark";
      html.setAttribute("data-theme", next);
      try {
        window.localStorage.setItem("sopgen-tema", next === "dark" ? "gelap" : "terang");
      } catch (e) { /* not kept: fine */ }
      show();
    });
    if (media && media.addEventListener) media.addEventListener("change", show);
    show();
  }

  function folded(text) {
    return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
  }

  /* Filters: the sidebar's (its links) and the home page's (the procedure cards). */
  function initFilters() {
    var side = document.getElementById("saring");
    if (side) {
      var status = document.getElementById("saring-status");
      side.addEventListener("input", function () {
        var words = folded(side.value).split(/\s+/).filter(Boolean);
        var shown = 0;
        all(".sidebar .side-list li").forEach(function (li) {
          var text = folded(li.textContent);
          var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
          li.hidden = !ok;
          if (ok) shown++;
        });
        status.textContent = words.length ? shown + " prosedur cocok" : "";
      });
    }
    all("input[data-filter]").forEach(function (input) {
      var items = all(input.getAttribute("data-filter"));
      input.addEventListener("input", function () {
        var words = folded(input.value).split(/\s+/).filter(Boolean);
        items.forEach(function (item) {
          var text = folded(item.textContent);
          item.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
        });
        all(".procedures").forEach(function (section) {
          var empty = section.querySelector(".filter-empty");
          var any = all(".proc-item", section).some(function (i) { return !i.hidden; });
          if (empty) empty.hidden = any;
        });
      });
    });
  }

  /* Phones: the Menu link opens the sidebar over the page (without JavaScript it jumps
     to the sidebar under the content). The current page is scrolled into view. */
  function initMenu() {
    var toggle = document.querySelector(".nav-toggle");
    var sidebar = document.getElementById("sidebar");
    if (!toggle || !sidebar) return;
    toggle.setAttribute("role", "button");
    toggle.setAttribute("aria-expanded", "false");
    function set(open) {
      document.body.classList.toggle("nav-open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }
    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      var open = !document.body.classList.contains("nav-open");
      set(open);
      if (open) {
        var filter = document.getElementById("saring");
        if (filter) filter.focus();
      }
    });
    toggle.addEventListener("keydown", function (event) {
      if (event.key === " ") { event.preventDefault(); toggle.click(); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && document.body.classList.contains("nav-open")) {
        set(false);
        toggle.focus();
      }
    });
    var current = sidebar.querySelector('.side-list a[aria-current="page"]');
    if (current && sidebar.scrollHeight > sidebar.clientHeight) {
      sidebar.scrollTop = current.offsetTop - sidebar.clientHeight / 3;
    }
  }

  /* Back to top: shown once the reader has scrolled a screen down. */
  function initToTop() {
    var link = document.querySelector(".to-top");
    if (!link) return;
    function show() {
      link.classList.toggle("is-shown", window.scrollY > window.innerHeight);
    }
    window.addEventListener("scroll", show, { passive: true });
    show();
  }

  /* Flowchart and step table: hovering or focusing a step (its symbol or its row)
     highlights its row, its symbol and its arrows; a symbol goes to its row. */
  function initFlow() {
    var chart = document.querySelector(".flow-screen svg.flowchart");
    if (!chart) return;
    var lit = [];
    function clear() {
      lit.forEach(function (el) { el.classList.remove("is-lit"); });
      lit = [];
    }
    function light(step) {
      clear();
      var sel = '[data-step="' + step + '"]';
      var node = "step:" + (step - 1); /* arrows name steps 0-based (layout geometry) */
      var arrows = all('.flow-screen .arrow[data-source="' + node + '"], .flow-screen .arrow[data-target="' + node + '"]');
      lit = all(".flow-screen .symbol" + sel + ", tr.step" + sel).concat(arrows);
      arrows.forEach(function (a) {
        var head = a.nextElementSibling;
        if (head && head.classList.contains("arrowhead")) lit.push(head);
      });
      lit.forEach(function (el) { el.classList.add("is-lit"); });
    }
    all(".flow-screen .symbol[data-step]").forEach(function (sym) {
      var step = sym.getAttribute("data-step");
      var title = sym.querySelector("title");
      sym.setAttribute("tabindex", "0");
      sym.setAttribute("role", "link");
      sym.setAttribute("aria-label", (title ? title.textContent : "Langkah " + step) + ": ke baris langkahnya");
      function go() {
        window.location.hash = "#langkah-" + step;
        var row = document.getElementById("langkah-" + step);
        if (row) row.focus({ preventScroll: true });
      }
      sym.addEventListener("click", go);
      sym.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); go(); }
      });
      sym.addEventListener("mouseenter", function () { light(step); });
      sym.addEventListener("focus", function () { light(step); });
      sym.addEventListener("mouseleave", clear);
      sym.addEventListener("blur", clear);
    });
    all("tr.step[data-step]").forEach(function (row) {
      var step = row.getAttribute("data-step");
      row.addEventListener("mouseenter", function () { light(step); });
      row.addEventListener("mouseleave", clear);
      row.addEventListener("focusin", function () { light(step); });
      row.addEventListener("focusout", clear);
    });
    /* the sideways-scroll hint goes once the reader has scrolled the chart */
    all(".flow-screen .scroll").forEach(function (box) {
      function hint() {
        var wide = box.scrollWidth > box.clientWidth + 4;
        box.parentNode.classList.toggle("is-wide", wide);
        box.parentNode.classList.toggle("is-scrolled", box.scrollLeft > 8);
      }
      box.addEventListener("scroll", hint, { passive: true });
      window.addEventListener("resize", hint);
      hint();
    });
  }

  function start() {
    initPrint();
    initTheme();
    initToc();
    initFilters();
    initMenu();
    initToTop();
    initFlow();
    markTarget();
    window.addEventListener("hashchange", markTarget);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
