/* sopgen handbook: instant offline search, keyboard navigation, step highlighting.
 *
 * The index is window.SOPGEN_SEARCH, assigned by search-index.js (a <script>, not
 * fetch(), so the handbook works from file://). Entries: {k kind, t title, m meta,
 * u url relative to the site root, h folded text}. Every query word must occur in h.
 * Results are built with textContent only: no index text is ever parsed as HTML.
 */
(function () {
  "use strict";

  var MAX_RESULTS = 30;
  var KIND_LABEL = { prosedur: "Prosedur", langkah: "Langkah", pelaksana: "Pelaksana" };

  /* Must match fold() in sopgen/render/html_search.py. */
  function fold(text) {
    return text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  }

  window.sopgenFold = fold; /* for the tests: must equal html_search.fold */

  function search(index, query) {
    var words = fold(query).split(" ").filter(Boolean);
    if (!words.length) return [];
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var h = " " + index[i].h + " ";
      var ok = true;
      for (var w = 0; w < words.length; w++) {
        if (h.indexOf(words[w]) < 0) { ok = false; break; }
      }
      if (ok) hits.push(index[i]);
    }
    return hits;
  }

  function init() {
    var index = window.SOPGEN_SEARCH || [];
    var root = document.documentElement.getAttribute("data-root") || "";
    var form = document.querySelector("form.search");
    var input = document.getElementById("cari");
    var list = document.getElementById("hasil-cari");
    var status = document.getElementById("cari-status");
    if (!form || !input || !list) return;

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll("a"));
    }

    function clear() {
      list.hidden = true;
      list.textContent = "";
    }

    function render() {
      var query = input.value;
      list.textContent = "";
      if (!fold(query)) {
        clear();
        status.textContent = "";
        return;
      }
      var hits = search(index, query);
      status.textContent = hits.length
        ? hits.length + " hasil" + (hits.length > MAX_RESULTS ? ", " + MAX_RESULTS + " pertama ditampilkan" : "")
        : "Tidak ada hasil untuk \u201c" + query.trim() + "\u201d";
      hits.slice(0, MAX_RESULTS).forEach(function (hit) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = root + hit.u;
        a.className = "hit hit-" + hit.k;
        var kind = document.createElement("span");
        kind.className = "hit-kind";
        kind.textContent = KIND_LABEL[hit.k] || hit.k;
        var title = document.createElement("span");
        title.className = "hit-title";
        title.textContent = hit.t;
        var meta = document.createElement("span");
        meta.className = "hit-meta";
        meta.textContent = hit.m;
        a.appendChild(kind);
        a.appendChild(title);
        a.appendChild(meta);
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = hits.length === 0;
    }

    input.addEventListener("input", render);
    input.addEventListener("keydown", function (event) {
      var items = links();
      if (event.key === "ArrowDown" && items.length) {
        event.preventDefault();
        items[0].focus();
      } else if (event.key === "Enter") {
        event.preventDefault();
        if (items.length) items[0].click();
      } else if (event.key === "Escape") {
        input.value = "";
        render();
      }
    });
    list.addEventListener("keydown", function (event) {
      var items = links();
      var at = items.indexOf(document.activeElement);
      if (at < 0) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        items[Math.min(at + 1, items.length - 1)].focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (at === 0) input.focus(); else items[at - 1].focus();
      } else if (event.key === "Escape") {
        event.preventDefault();
        input.focus();
        input.select();
      }
    });
    /* A hit on the page itself only changes the hash: close the list so the row shows. */
    list.addEventListener("click", function () {
      window.setTimeout(clear, 0);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      var t = event.target;
      var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if (typing) return;
      event.preventDefault();
      input.focus();
      input.select();
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) clear();
    });
    if (input.value) render();
  }

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
    init();
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
