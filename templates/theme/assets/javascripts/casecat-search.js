/* casecat search: the client of the chunked index written by generator/site/search.py.
 * A query fetches the manifest, one token shard per word and the document chunks of the first
 * results, never the whole index. Plain script, no dependencies, no third-party host. */
(function () {
  "use strict";
  var box = document.querySelector("[data-cc-search]");
  if (!box) return;
  var root = box.getAttribute("data-cc-search-root");
  var input = box.querySelector("[data-cc-search-query]");
  var meta = box.querySelector("[data-cc-search-meta]");
  var list = box.querySelector("[data-cc-search-list]");
  var toggle = document.getElementById("__search");
  var siteRoot = root.replace(/search\/?$/, "");
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

  // the same tokens as generator/site/search.py: lower-cased runs of 2-32 word characters
  function tokens(text) {
    return text.toLowerCase().match(/[\p{L}\p{N}\p{M}_]{2,32}/gu) || [];
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

  function render(results, chunks, manifest, total) {
    list.textContent = "";
    meta.textContent = total === 0 ? "No matching cases" : total === 1 ? "1 matching case" : total + " matching cases";
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
      h.textContent = doc[1];
      article.appendChild(h);
      var p = document.createElement("p");
      p.textContent = (doc[2] ? doc[2] + " · " : "") + doc[3];
      article.appendChild(p);
      a.appendChild(article);
      li.appendChild(a);
      list.appendChild(li);
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
          if (mine === generation) render(shown, chunks, manifest, ranked.length);
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
  }
  document.addEventListener("keydown", function (event) {
    if (!toggle) return;
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      input.blur();
    } else if ((event.key === "/" || event.key === "s") && !toggle.checked &&
               !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName)) {
      event.preventDefault();
      toggle.checked = true;
      input.focus();
    }
  });
})();
