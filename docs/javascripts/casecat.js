/* Case Catalogue: progressive enhancements. Without JavaScript every table is complete and every
   permalink is plain text; this adds the facets, sorting and downloads of the all-cases table
   (its state kept in the page's address, so any view can be linked) and the copy buttons.
   No request but the site's own data/cases.csv (on a download), no inline handlers, no HTML built
   from page text. */
(function () {
  "use strict";

  var FACETS = ["status", "discipline", "year", "vo", "centre"];
  var SEPARATOR = " / ";  // between the levels of a discipline name (generator/site/metrics.py)

  function text(el) { return (el.textContent || "").trim(); }
  function plural(n, noun, nouns) { return n + " " + (n === 1 ? noun : (nouns || noun + "s")); }
  /* a data-* attribute holding several values, one a line */
  function lines(row, name) {
    return (row.getAttribute("data-" + name) || "").split("\n").filter(Boolean);
  }

  /* a discipline and every level above it: a case in "A / B" is in "A" too */
  function withAncestors(names) {
    var all = [];
    names.forEach(function (name) {
      var levels = name.split(SEPARATOR);
      for (var i = 1; i <= levels.length; i++) {
        var joined = levels.slice(0, i).join(SEPARATOR);
        if (all.indexOf(joined) === -1) all.push(joined);
      }
    });
    return all;
  }

  function sortKey(cell, numeric) {
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : text(cell);
    if (!numeric) return raw.toLocaleLowerCase();
    var n = parseFloat(raw);
    return isNaN(n) ? Infinity : n;
  }

  function enhanceCatalogue(table, form) {
    var body = table.tBodies[0];
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var column = {};
    heads.forEach(function (th, i) { column[th.getAttribute("data-key")] = i; });
    var records = Array.prototype.map.call(body.rows, function (row, index) {
      var values = {
        status: [row.getAttribute("data-status")],
        year: [row.getAttribute("data-year")],
        discipline: withAncestors(lines(row, "discipline")),
        vo: lines(row, "vo"),
        centre: lines(row, "centre")
      };
      var haystack = (text(row) + " " + values.discipline.concat(values.vo, values.centre).join(" ")).toLocaleLowerCase();
      return { row: row, index: index, values: values, haystack: haystack, leaves: lines(row, "discipline") };
    });
    var words = form.querySelector("#cc-q");
    var selects = {};
    FACETS.forEach(function (key) { selects[key] = form.querySelector("[data-cc-facet='" + key + "']"); });
    var status = form.querySelector("[data-cc-view-status]");
    var viewLink = form.querySelector("[data-cc-view-link]");
    var state = { q: "", sort: "", dir: "" };
    var timer = null;
    var order = records;  // the records in the table's current order

    function readAddress() {
      var params = new URLSearchParams(window.location.search);
      state.q = params.get("q") || params.get("filter") || "";  // "filter": the older name
      FACETS.forEach(function (key) { state[key] = params.get(key) || ""; });
      state.sort = column.hasOwnProperty(params.get("sort")) ? params.get("sort") : "";
      state.dir = params.get("dir") === "desc" ? "desc" : "asc";
      words.value = state.q;
    }

    function readForm() {
      clearTimeout(timer);
      state.q = words.value.trim();
      FACETS.forEach(function (key) { state[key] = selects[key].value; });
    }

    function address() {
      var params = new URLSearchParams();
      if (state.q) params.set("q", state.q);
      FACETS.forEach(function (key) { if (state[key]) params.set(key, state[key]); });
      if (state.sort) { params.set("sort", state.sort); params.set("dir", state.dir); }
      var query = params.toString();
      return window.location.pathname + (query ? "?" + query : "");
    }

    function matches(record, except) {
      var terms = state.q.toLocaleLowerCase().split(/\s+/).filter(Boolean);
      if (!terms.every(function (w) { return record.haystack.indexOf(w) !== -1; })) return false;
      return FACETS.every(function (key) {
        return key === except || !state[key] || record.values[key].indexOf(state[key]) !== -1;
      });
    }

    /* each choice's count is the number of cases it would show, given the other filters */
    function recount() {
      FACETS.forEach(function (key) {
        var counts = {};
        records.forEach(function (r) {
          if (!matches(r, key)) return;
          r.values[key].forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
        });
        var select = selects[key];
        if (state[key] && !select.querySelector("option[value='" + CSS.escape(state[key]) + "']")) {
          var unknown = document.createElement("option");  // a value from the address that no case has
          unknown.value = state[key];
          unknown.setAttribute("data-label", state[key]);
          select.appendChild(unknown);
        }
        Array.prototype.forEach.call(select.options, function (option) {
          if (!option.value) return;
          option.textContent = option.getAttribute("data-label") + " (" + (counts[option.value] || 0) + ")";
        });
        select.value = state[key];
      });
    }

    function apply() {
      var shown = 0;
      records.forEach(function (r) {
        var ok = matches(r, null);
        r.row.hidden = !ok;
        if (ok) shown += 1;
      });
      var filtered = state.q || FACETS.some(function (key) { return state[key]; });
      status.textContent = filtered ? "Showing " + shown + " of " + plural(records.length, "case") + "."
                                    : "Showing all " + plural(records.length, "case") + ".";
      recount();
      sortRows();
      var here = address();
      if (here !== window.location.pathname + window.location.search) window.history.replaceState(null, "", here);
      viewLink.href = here;
    }

    function sortRows() {
      heads.forEach(function (th) { th.removeAttribute("aria-sort"); });
      var ordered = records.slice();
      if (state.sort) {
        var th = heads[column[state.sort]];
        th.setAttribute("aria-sort", state.dir === "desc" ? "descending" : "ascending");
        var numeric = th.getAttribute("data-type") === "number";
        var keyed = ordered.map(function (r) { return [sortKey(r.row.cells[column[state.sort]], numeric), r]; });
        keyed.sort(function (a, b) {
          var order = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1].index - b[1].index;
          return state.dir === "desc" ? -order : order;
        });
        ordered = keyed.map(function (k) { return k[1]; });
      }
      order = ordered;
      var fragment = document.createDocumentFragment();
      ordered.forEach(function (r) { fragment.appendChild(r.row); });
      body.appendChild(fragment);
    }

    /* sortable columns: the heading becomes a button; aria-sort tells the current order */
    heads.forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cc-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        readForm();
        var key = th.getAttribute("data-key");
        state.dir = state.sort === key && state.dir === "asc" ? "desc" : "asc";
        state.sort = key;
        apply();
      });
    });

    words.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { readForm(); apply(); }, 80);
    });
    FACETS.forEach(function (key) {
      selects[key].addEventListener("change", function () { readForm(); apply(); });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      state.q = words.value = "";
      FACETS.forEach(function (key) { state[key] = ""; });
      apply();
    });
    window.addEventListener("popstate", function () { readAddress(); apply(); });

    /* downloads of the rows shown, in their order: JSON from the table, CSV as cases.csv has it */
    function visible() {
      return order.filter(function (r) { return !r.row.hidden; });
    }

    function save(content, type, name) {
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([content], { type: type }));
      link.download = name;
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    }

    function asJson(rows) {
      return JSON.stringify({
        view: window.location.href,
        case_count: rows.length,
        cases: rows.map(function (r) {
          var cells = r.row.cells, link = cells[column.community].querySelector("a");
          return {
            id: parseInt(text(cells[column.id]), 10), url: link.href, subject: text(link),
            implementation_status: text(cells[column.status]) === "No status" ? null : text(cells[column.status]),
            disciplines: r.leaves, virtual_organisations: r.values.vo, sites: r.values.centre,
            created: text(cells[column.opened]), last_progress: text(cells[column.progress])
          };
        })
      }, null, 1) + "\n";
    }

    /* RFC 4180 fields and records, quotes and line breaks inside quotes included */
    function parseCsv(data) {
      var records = [], record = [], field = "", quoted = false;
      for (var i = 0; i < data.length; i++) {
        var c = data[i];
        if (quoted) {
          if (c === '"' && data[i + 1] === '"') { field += '"'; i++; }
          else if (c === '"') quoted = false;
          else field += c;
        } else if (c === '"') quoted = true;
        else if (c === ",") { record.push(field); field = ""; }
        else if (c === "\n" || c === "\r") {
          if (c === "\r" && data[i + 1] === "\n") i++;
          record.push(field); records.push(record); record = []; field = "";
        } else field += c;
      }
      if (field || record.length) { record.push(field); records.push(record); }
      return records;
    }

    function quote(value) { return '"' + value.replace(/"/g, '""') + '"'; }

    function asCsv(rows, data) {
      var all = parseCsv(data), header = all[0], at = header.indexOf("id"), byId = {};
      all.slice(1).forEach(function (record) { byId[record[at]] = record; });
      var lines = [header].concat(rows.map(function (r) { return byId[text(r.row.cells[column.id])]; })
                                      .filter(Boolean));
      return lines.map(function (record) { return record.map(quote).join(","); }).join("\r\n") + "\r\n";
    }

    var csvUrl = new URL("../data/cases.csv", window.location.href).href;
    form.querySelectorAll("[data-cc-download]").forEach(function (button) {
      button.addEventListener("click", function () {
        var rows = visible(), kind = button.getAttribute("data-cc-download");
        if (kind === "json") {
          save(asJson(rows), "application/json", "cases-view.json");
          return;
        }
        fetch(csvUrl).then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.text();
        }).then(function (data) {
          save(asCsv(rows, data), "text/csv", "cases-view.csv");
        }).catch(function () { status.textContent = "The CSV file could not be read; try again later."; });
      });
    });

    form.hidden = false;
    readAddress();
    apply();
  }

  function enhanceCopy(source, label) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cc-copy md-button";
    button.textContent = label;
    source.parentNode.insertBefore(button, source.nextSibling);
    button.addEventListener("click", function () {
      var value = text(source);
      var relative = source.getAttribute("data-cc-copy");
      if (relative && !/^https?:\/\//.test(value)) value = new URL(relative, window.location.href).href;
      var done = function () { button.textContent = "Copied"; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(value).then(done, function () { selectText(source); });
      } else {
        selectText(source);
      }
    });
  }

  function selectText(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  var catalogue = document.querySelector("table[data-cc-table]");
  var facets = document.querySelector("form[data-cc-facets]");
  if (catalogue && facets) enhanceCatalogue(catalogue, facets);
  document.querySelectorAll("code[data-cc-copy]").forEach(function (el) { enhanceCopy(el, "Copy link"); });
  document.querySelectorAll("[data-cc-citation]").forEach(function (el) { enhanceCopy(el, "Copy citation"); });
})();

/* The 404 page's search: its words go to the header's search box, which shows the results. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-cc-notfound-search]");
  var toggle = document.getElementById("__search");
  if (!form || !toggle) return;
  form.addEventListener("submit", function (event) {
    /* looked up now: the search script, deferred, builds the header's search box after this runs */
    var header = document.querySelector("input[data-cc-search-query]");
    if (!header) return;
    event.preventDefault();
    header.value = form.querySelector("input").value;
    toggle.checked = true;
    header.focus();
    header.dispatchEvent(new Event("input"));
  });
})();

/* How long a case has been in its current status, counted to the reader's today: a case page is
   built again only when its case changes, so the page itself gives the date (data-cc-since). */
(function () {
  "use strict";
  var DAY = 86400000;
  document.querySelectorAll("[data-cc-since]").forEach(function (el) {
    var start = Date.parse(el.getAttribute("data-cc-since") + "T00:00:00Z");
    if (isNaN(start)) return;
    var days = Math.floor((Date.now() - start) / DAY);
    if (days < 0) return;
    var span = days < 1 ? "less than a day" : days + (days === 1 ? " day" : " days");
    el.textContent = el.hasAttribute("data-cc-short") ? span + " so far" : ", " + span + " so far";
  });
})();
