/* sopgen handbook: instant offline search (MiniSearch), keyboard navigation.
 *
 * The index is window.SOPGEN_SEARCH, assigned by search-index.js, and MiniSearch is
 * assets/minisearch.js: both are <script>s (not fetch(), so the handbook works from
 * file://), loaded on first use of the search box. The index holds word roots, made at
 * build time by an Indonesian stemmer (sopgen/render/html/search.py and stem.py); a query
 * word is brought to a root the same way (words map, else affixes), then MiniSearch
 * finds, ranks (titles, then steps, then notes) and allows prefixes and one typo.
 * Results are built with textContent only: no index text is ever parsed as HTML.
 */
(function () {
  "use strict";

  var SHOWN = 8; /* results in the list under the box; cari.html shows them all */
  var KIND_WEIGHT = { prosedur: 1.3, langkah: 1, dokumen: 1, revisi: 0.8, pelaksana: 0.5 };
  var KIND_LABEL = {
    prosedur: "Prosedur",
    langkah: "Langkah",
    dokumen: "Dokumen",
    revisi: "Revisi",
    pelaksana: "Pelaksana"
  };

  /* Must match fold() in sopgen/render/html/search.py. */
  function fold(text) {
    return text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  }

  window.sopgenFold = fold; /* for the tests: must equal search.fold */

  var root = document.documentElement.getAttribute("data-root") || "";
  var engine = null;
  var waiting = [];

  function loadScript(src, done) {
    var s = document.createElement("script");
    s.src = src;
    s.onload = done;
    s.onerror = function () { done(new Error(src)); };
    document.head.appendChild(s);
  }

  /* Call done(engine) once the index is ready (at once when it is). */
  function withEngine(done) {
    if (engine) { done(engine); return; }
    waiting.push(done);
    if (waiting.length > 1) return;
    function ready() {
      if (!window.SOPGEN_SEARCH || !window.MiniSearch) {
        waiting = [];
        setStatus("Indeks pencarian tidak dapat dimuat.");
        return;
      }
      engine = makeEngine(window.SOPGEN_SEARCH);
      var calls = waiting;
      waiting = [];
      calls.forEach(function (f) { f(engine); });
    }
    var need = [];
    if (!window.MiniSearch) need.push(root + "assets/minisearch.js");
    if (!window.SOPGEN_SEARCH) need.push(root + "search-index.js");
    (function next() {
      if (!need.length) { ready(); return; }
      loadScript(need.shift(), next);
    })();
  }

  function makeEngine(data) {
    var ms = new window.MiniSearch({
      fields: ["j", "l", "c", "n"],
      idField: "i",
      storeFields: [],
      tokenize: function (s) { return s.split(" "); },
      processTerm: function (t) { return t || null; },
      searchOptions: {
        boost: { j: 8, l: 3, c: 1.5, n: 1 },
        /* a procedure before the executor whose name happens to hold the word */
        boostDocument: function (id) { return KIND_WEIGHT[data.docs[id].k] || 1; },
        combineWith: "AND",
        weights: { fuzzy: 0.35, prefix: 0.6 }
      }
    });
    ms.addAll(data.docs);
    var roots = data.roots; /* sorted */
    var rootSet = new Set(roots);
    var words = data.words;
    var prefixes = data.affixes.prefixes;
    var suffixes = data.affixes.suffixes;

    /* A query word the handbook does not contain: one prefix and one suffix off (stem.py). */
    function deaffix(word) {
      for (var i = 0; i < prefixes.length; i++) {
        var p = prefixes[i][0];
        if (word.indexOf(p) !== 0) continue;
        var rest = word.slice(p.length);
        for (var j = 0; j < suffixes.length; j++) {
          var s = suffixes[j];
          if (s && rest.slice(-s.length) !== s) continue;
          var core = prefixes[i][1] + (s ? rest.slice(0, rest.length - s.length) : rest);
          if (core.length >= 3 && rootSet.has(core)) return core;
        }
      }
      return null;
    }

    function toRoot(word) {
      if (Object.prototype.hasOwnProperty.call(words, word)) return words[word];
      if (rootSet.has(word)) return word;
      return deaffix(word) || word;
    }

    function hasPrefix(term) {
      var lo = 0, hi = roots.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (roots[mid] < term) lo = mid + 1; else hi = mid;
      }
      return lo < roots.length && roots[lo].indexOf(term) === 0;
    }

    /* "renstar" -> "rensatr", ..., "renstra": a swap of two letters is one typo too. */
    function swaps(term) {
      var out = [];
      for (var i = 0; i + 1 < term.length; i++) {
        if (term[i] === term[i + 1]) continue;
        out.push(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
      }
      return out;
    }

    function query(text) {
      var terms = fold(text).split(" ").filter(Boolean);
      if (!terms.length) return [];
      var parts = terms.map(function (word) {
        var r = toRoot(word);
        if (rootSet.has(r)) return { queries: [r], prefix: r.length >= 3, fuzzy: false };
        if (hasPrefix(r)) return { queries: [r], prefix: true, fuzzy: false };
        if (r.length < 4) return { queries: [r], prefix: false, fuzzy: false };
        var known = swaps(r).filter(function (t) { return rootSet.has(t); });
        return { combineWith: "OR", queries: [r].concat(known), prefix: false, fuzzy: 1 };
      });
      return ms.search({ combineWith: "AND", queries: parts }).map(function (hit) {
        return { doc: data.docs[hit.id], terms: new Set(hit.terms) };
      });
    }

    return { query: query, toRoot: function (w) { return words[w] || w; } };
  }

  /* text with the words whose root a hit matched in <mark>, as DOM nodes */
  function highlighted(parent, text, terms) {
    var parts = text.split(/([\p{L}\p{N}]+)/u);
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      if (!part) continue;
      var f = i % 2 ? fold(part) : "";
      if (f && terms.has(engine.toRoot(f))) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(part));
      }
    }
  }

  function hitLink(hit, cls) {
    var a = document.createElement("a");
    a.href = root + hit.doc.u;
    a.className = cls + " hit-" + hit.doc.k;
    var kind = document.createElement("span");
    kind.className = "hit-kind";
    kind.textContent = KIND_LABEL[hit.doc.k] || hit.doc.k;
    var title = document.createElement("span");
    title.className = "hit-title";
    highlighted(title, hit.doc.t, hit.terms);
    var meta = document.createElement("span");
    meta.className = "hit-meta";
    highlighted(meta, hit.doc.m, hit.terms);
    a.appendChild(kind);
    a.appendChild(title);
    a.appendChild(meta);
    if (hit.doc.x) {
      var ex = document.createElement("span");
      ex.className = "hit-excerpt";
      highlighted(ex, hit.doc.x, hit.terms);
      a.appendChild(ex);
    }
    return a;
  }

  function allResultsUrl(q) {
    return root + "cari.html?q=" + encodeURIComponent(q.trim());
  }

  var statusEl = null;
  function setStatus(text) { if (statusEl) statusEl.textContent = text; }

  function init() {
    var form = document.querySelector("form.search");
    var input = document.getElementById("cari");
    var list = document.getElementById("hasil-cari");
    statusEl = document.getElementById("cari-status");
    if (!form || !input || !list) return;

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll("a"));
    }

    function clear() {
      list.hidden = true;
      list.textContent = "";
    }

    function render() {
      var q = input.value;
      if (!fold(q)) {
        clear();
        setStatus("");
        return;
      }
      withEngine(function (e) {
        if (input.value !== q) return; /* typed on meanwhile: a later call renders */
        var hits = e.query(q);
        list.textContent = "";
        setStatus(
          hits.length
            ? hits.length + " hasil" + (hits.length > SHOWN ? ", " + SHOWN + " teratas ditampilkan" : "")
            : "Tidak ada hasil untuk \u201c" + q.trim() + "\u201d"
        );
        hits.slice(0, SHOWN).forEach(function (hit) {
          var li = document.createElement("li");
          li.appendChild(hitLink(hit, "hit"));
          list.appendChild(li);
        });
        if (hits.length > SHOWN) {
          var li = document.createElement("li");
          var all = document.createElement("a");
          all.className = "hit-all";
          all.href = allResultsUrl(q);
          all.textContent = "Lihat semua " + hits.length + " hasil \u2192";
          li.appendChild(all);
          list.appendChild(li);
        }
        list.hidden = hits.length === 0;
      });
    }

    input.addEventListener("focus", function () { withEngine(function () {}); });
    input.addEventListener("input", render);
    input.addEventListener("keydown", function (event) {
      var items = links();
      if (event.key === "ArrowDown" && items.length) {
        event.preventDefault();
        items[0].focus();
      } else if (event.key === "Enter") {
        event.preventDefault();
        var q = input.value;
        if (!fold(q)) return;
        withEngine(function () { /* typed faster than the index loaded: now it is */
          if (!links().length) render();
          var ready = links();
          if (ready.length) ready[0].click();
          else window.location.href = allResultsUrl(q);
        });
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

    var page = document.getElementById("hasil-semua");
    if (page) {
      var q = new URLSearchParams(window.location.search).get("q") || "";
      input.value = q;
      showAll(page, q);
    } else if (input.value) {
      render();
    }
  }

  /* cari.html?q=...: every hit, ranked, grouped by nothing, each with its place. */
  function showAll(list, q) {
    var heading = document.getElementById("hasil-judul");
    var summary = document.getElementById("hasil-ringkas");
    if (!fold(q)) {
      summary.textContent = "Ketik kata kunci di kotak cari di atas.";
      return;
    }
    withEngine(function (e) {
      var hits = e.query(q);
      heading.textContent = "Hasil pencarian \u201c" + q.trim() + "\u201d";
      document.title = heading.textContent + " \u00b7 " + document.title;
      summary.textContent = hits.length
        ? hits.length + " hasil, yang paling cocok lebih dahulu."
        : "Tidak ada hasil. Periksa ejaannya, atau coba kata lain (kata dasar juga bisa).";
      list.textContent = "";
      hits.forEach(function (hit) {
        var li = document.createElement("li");
        li.appendChild(hitLink(hit, "result"));
        list.appendChild(li);
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
