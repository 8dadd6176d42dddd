/* casecat search: the client of the chunked index written by generator/site/search.py.
 * A query fetches the manifest, one token shard per word and the document chunks of the first
 * results, never the whole index; the snippet around the match comes from each shown result's own
 * page. Plain script, no dependencies, no third-party host, no HTML built from text. */
(function () {
  "use strict";

  /* the tokeniser spec of generator/site/search.py (its docstring), step by step */
  var ACCENTED = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{Mn}+/gu;
  var IDEOGRAPH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
  var ONE_IDEOGRAPH = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
  var WORD = /[\p{L}\p{M}\p{N}_]+/gu;
  var MAX_TOKEN = 32;

  function normalise(text) {
    var folded = text.normalize("NFKC").toLowerCase().replace(/ς/g, "σ");
    return folded.normalize("NFD").replace(ACCENTED, "$1").normalize("NFC");
  }

  function tokens(text) {
    var spaced = normalise(text).replace(IDEOGRAPH, " $& ");
    return (spaced.match(WORD) || []).filter(function (w) {
      return Array.from(w).length >= 2 || ONE_IDEOGRAPH.test(w);
    }).map(function (w) { return Array.from(w).slice(0, MAX_TOKEN).join(""); });
  }

  window.casecatWords = tokens;  // for the tests of the tokeniser spec, on the same vectors

  var SVG = "http://www.w3.org/2000/svg";

  function element(tag, attributes, children) {
    var el = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { el.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) { el.append(child); });
    return el;
  }

  /* a theme icon from the site's sprite (templates/theme/partials/cc-icon.html draws them alike) */
  function icon(siteRoot, name) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    var use = document.createElementNS(SVG, "use");
    use.setAttribute("href", siteRoot + "assets/images/cc-icons.svg#" + name);
    svg.append(use);
    return svg;
  }

  /* The theme's search dialog inside the page's empty one (partials/search.html), the words it
     shows taken from that element: only a reader with this script can search, so only the
     script carries the markup. */
  function dialog(box, siteRoot) {
    var words = {
      search: box.getAttribute("aria-label") || "",
      placeholder: box.getAttribute("data-cc-placeholder") || "",
      reset: box.getAttribute("data-cc-reset") || "",
      waiting: box.getAttribute("data-cc-waiting") || ""
    };
    var input = element("input", {
      type: "text", "class": "md-search__input", name: "query", "aria-label": words.placeholder,
      placeholder: words.placeholder, autocapitalize: "off", autocorrect: "off", autocomplete: "off",
      spellcheck: "false", "data-cc-search-query": "", required: ""
    });
    var form = element("form", { "class": "md-search__form", name: "cc-search", action: siteRoot + "cases/" }, [
      input,
      element("label", { "class": "md-search__icon md-icon", "for": "__search" },
              [icon(siteRoot, "material-magnify"), icon(siteRoot, "material-arrow-left")]),
      element("nav", { "class": "md-search__options", "aria-label": words.search }, [
        element("button", { type: "reset", "class": "md-search__icon md-icon", title: words.reset,
                            "aria-label": words.reset, tabindex: "-1" }, [icon(siteRoot, "material-close")])
      ])
    ]);
    var output = element("div", { "class": "md-search__output" }, [
      element("div", { "class": "md-search__scrollwrap", tabindex: "0", "data-md-scrollfix": "" }, [
        element("div", { "class": "md-search-result" }, [
          element("div", { "class": "md-search-result__meta", "data-cc-search-meta": "", "aria-live": "polite" },
                  [words.waiting]),
          element("ol", { "class": "md-search-result__list", "data-cc-search-list": "" })
        ])
      ])
    ]);
    box.replaceChildren(element("label", { "class": "md-search__overlay", "for": "__search" }),
                        element("div", { "class": "md-search__inner", role: "search" }, [form, output]));
  }

  var box = document.querySelector("[data-cc-search]");
  if (!box) return;
  var root = box.getAttribute("data-cc-search-root");
  var siteRoot = root.replace(/search\/?$/, "");
  dialog(box, siteRoot);
  var input = box.querySelector("[data-cc-search-query]");
  var meta = box.querySelector("[data-cc-search-meta]");
  var list = box.querySelector("[data-cc-search-list]");
  var toggle = document.getElementById("__search");
  var SHOWN = 10;
  var cache = {};
  var placeholder = meta.textContent.trim();
  var generation = 0;

  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(root + path).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
    }
    return cache[path];
  }

  // each UTF-8 byte as two letters a-p, as code() in generator/site/search.py; the index is in codes
  var NIBBLES = "abcdefghijklmnop";
  function code(word) {
    var out = "";
    new TextEncoder().encode(word).forEach(function (b) { out += NIBBLES[b >> 4] + NIBBLES[b & 15]; });
    return out;
  }

  function shardFor(token, shards) {
    var best = null;
    shards.forEach(function (p) {
      if (token.indexOf(p) === 0 && (!best || p.length > best.length)) best = p;
    });
    return best;
  }

  function decode(flat) {
    var out = {}, doc = 0;
    for (var i = 0; i < flat.length; i += 2) { doc += flat[i]; out[doc] = flat[i + 1]; }
    return out;
  }

  // postings of one query word: the exact token, or for the word being typed every token it starts
  function postings(plain, last, manifest) {
    var word = code(plain), shards = [], own = shardFor(word, manifest.shards);
    if (own) shards.push(own);
    if (last) {
      manifest.shards.forEach(function (p) {
        if (p.length > word.length && p.indexOf(word) === 0 && shards.length < 4) shards.push(p);
      });
    }
    return Promise.all(shards.map(function (p) { return load("t/" + p + ".json"); })).then(function (parts) {
      var found = {};
      parts.forEach(function (shard) {  // [token, postings, token, postings, ...]
        for (var k = 0; k < shard.length; k += 2) {
          var t = shard[k];
          if (t === word || (last && t.indexOf(word) === 0)) {
            var docs = decode(shard[k + 1]);
            Object.keys(docs).forEach(function (d) {
              var w = t === word ? docs[d] : docs[d] / 2;
              if (!(d in found) || found[d] < w) found[d] = w;
            });
          }
        }
      });
      return found;
    });
  }

  /* where a text matches the query: [start, end) of each word whose tokens match a query token
     (the word being typed matches as a prefix) */
  var RAW_WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{M}\p{N}_]+/gu;
  function matchRanges(text, words, prefix) {
    var ranges = [], m;
    RAW_WORD.lastIndex = 0;
    while ((m = RAW_WORD.exec(text)) !== null) {
      var hit = tokens(m[0]).some(function (t) {
        return words.some(function (w, i) {
          return t === w || (prefix && i === words.length - 1 && t.indexOf(w) === 0);
        });
      });
      if (hit) ranges.push([m.index, m.index + m[0].length]);
    }
    return ranges;
  }

  /* the text into an element, the matching words as <mark> (text nodes only, never HTML) */
  function marked(element, text, ranges) {
    var at = 0;
    ranges.forEach(function (r) {
      element.appendChild(document.createTextNode(text.slice(at, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      element.appendChild(mark);
      at = r[1];
    });
    element.appendChild(document.createTextNode(text.slice(at)));
    return element;
  }

  var BEFORE = 60, LENGTH = 200;
  /* the part of a text around its first match: a window of about LENGTH characters */
  function snippet(element, text, words, prefix) {
    text = text.replace(/\s+/g, " ").trim();
    var ranges = matchRanges(text, words, prefix);
    var start = 0;
    if (ranges.length && ranges[0][0] > BEFORE) {
      start = text.indexOf(" ", ranges[0][0] - BEFORE) + 1;
      if (start <= 0 || start > ranges[0][0]) start = ranges[0][0];
    }
    var end = Math.min(text.length, start + LENGTH);
    if (end < text.length) {
      var space = text.lastIndexOf(" ", end);
      var floor = ranges.length ? ranges[0][1] : start;
      if (space > floor) end = space;
    }
    var inside = ranges.filter(function (r) { return r[0] >= start && r[1] <= end; })
                       .map(function (r) { return [r[0] - start, r[1] - start]; });
    element.textContent = "";
    if (start > 0) element.appendChild(document.createTextNode("… "));
    marked(element, text.slice(start, end), inside);
    if (end < text.length) element.appendChild(document.createTextNode(" …"));
    return ranges.length > 0;
  }

  /* the text of a result's page: a case's description and replies, else the whole article */
  var parser = new DOMParser();
  function pageText(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.text();
    }).then(function (html) {
      var page = parser.parseFromString(html, "text/html");
      var parts = page.querySelectorAll("article .cc-text");
      if (!parts.length) parts = page.querySelectorAll("article");
      return Array.prototype.map.call(parts, function (p) { return p.textContent; }).join(" ");
    });
  }

  function render(results, chunks, manifest, total, words, prefix, mine) {
    list.textContent = "";
    meta.textContent = total === 0 ? "No results" : total === 1 ? "1 result" : total + " results";
    results.forEach(function (r) {
      var doc = chunks[Math.floor(r.doc / manifest.docs_per_chunk)][r.doc % manifest.docs_per_chunk];
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      var a = document.createElement("a");
      a.className = "md-search-result__link";
      a.href = siteRoot + doc[0];
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      var h = document.createElement("h1");
      marked(h, doc[1], matchRanges(doc[1], words, prefix));
      article.appendChild(h);
      if (doc[2]) {
        var status = document.createElement("p");
        status.className = "cc-result-status";
        status.textContent = doc[2];
        article.appendChild(status);
      }
      var p = document.createElement("p");
      p.className = "cc-result-snippet";
      var found = snippet(p, doc[3], words, prefix);
      article.appendChild(p);
      a.appendChild(article);
      li.appendChild(a);
      list.appendChild(li);
      if (!found) {  // the match is further in: cut the snippet from the page itself
        pageText(a.href).then(function (text) {
          if (mine === generation) snippet(p, text, words, prefix);
        }).catch(function () { /* the start of the text stays */ });
      }
    });
  }

  function search(query) {
    var mine = ++generation;
    var words = tokens(query);
    if (!words.length) {
      list.textContent = "";
      meta.textContent = placeholder;
      return Promise.resolve();
    }
    var ends = /[\p{L}\p{N}\p{M}_]$/u.test(query);
    return load("manifest.json").then(function (manifest) {
      return Promise.all(words.map(function (w, i) {
        return postings(w, ends && i === words.length - 1, manifest);
      })).then(function (each) {
        var score = each[0];
        each.slice(1).forEach(function (next) {
          var kept = {};
          Object.keys(score).forEach(function (d) { if (d in next) kept[d] = score[d] + next[d]; });
          score = kept;
        });
        var ranked = Object.keys(score).map(function (d) { return { doc: +d, score: score[d] }; });
        ranked.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        var shown = ranked.slice(0, SHOWN);
        var needed = {};
        shown.forEach(function (r) { needed[Math.floor(r.doc / manifest.docs_per_chunk)] = true; });
        var chunks = {};
        return Promise.all(Object.keys(needed).map(function (c) {
          return load("d/" + c + ".json").then(function (docs) { chunks[c] = docs; });
        })).then(function () {
          if (mine === generation) render(shown, chunks, manifest, ranked.length, words, ends, mine);
        });
      });
    }).catch(function () {
      if (mine === generation) meta.textContent = "Search is not available";
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 120);
  });
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    search(input.value).then(function () {
      var first = list.querySelector("a");
      if (first) window.location.href = first.href;
    });
  });
  input.form.addEventListener("reset", function () { setTimeout(function () { search(""); }, 0); });
  if (toggle) {
    toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
    input.addEventListener("focus", function () { toggle.checked = true; });
    /* the overlay closes when the focus moves on to something outside it (Tab, a click elsewhere) */
    box.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (next && !box.contains(next)) toggle.checked = false;
    });
  }
  document.addEventListener("keydown", function (event) {
    if (!toggle) return;
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      input.blur();
    } else if ((event.key === "/" || event.key === "s") && !toggle.checked &&
               (document.activeElement === input ||
                !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName))) {
      /* the search box itself may hold the focus with the overlay closed (the theme closes the
         search on every navigation, a fragment change included, and leaves the focus where it
         was): the key opens the overlay rather than typing into a hidden box */
      event.preventDefault();
      toggle.checked = true;
      input.focus();
    }
  });
})();
