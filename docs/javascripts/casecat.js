/* Case Catalogue: small progressive enhancements. Without JavaScript every table is complete
   and every permalink is plain text; this only adds a filter box, sortable columns and a copy
   button. No network requests, no inline handlers, no HTML built from page text. */
(function () {
  "use strict";

  function text(el) { return (el.textContent || "").trim(); }

  function sortKey(cell, numeric) {
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : text(cell);
    if (!numeric) return raw.toLocaleLowerCase();
    var n = parseFloat(raw);
    return isNaN(n) ? Infinity : n;
  }

  function enhanceTable(table, index) {
    var body = table.tBodies[0];
    if (!body) return;
    var rows = Array.prototype.slice.call(body.rows);
    /* what the filter searches: the row's text and the full discipline names of its links */
    var haystack = rows.map(function (row) {
      var titles = Array.prototype.map.call(row.querySelectorAll("a[title]"), function (a) { return a.title; });
      return (text(row) + " " + titles.join(" ")).toLocaleLowerCase();
    });
    var total = rows.length;

    /* the filter box, just before the table */
    var form = document.createElement("div");
    form.className = "cc-filter";
    var label = document.createElement("label");
    var id = "cc-filter-" + index;
    label.setAttribute("for", id);
    label.textContent = "Filter cases";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.autocomplete = "off";
    input.placeholder = "community, status, discipline, year…";
    var status = document.createElement("p");
    status.className = "cc-filter-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(status);
    table.parentNode.insertBefore(form, table);

    function applyFilter() {
      var words = input.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var match = words.every(function (w) { return haystack[i].indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = words.length ? "Showing " + shown + " of " + total + " cases." : total + " cases.";
    }
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(applyFilter, 60);
    });
    var initial = new URLSearchParams(window.location.search).get("filter");
    if (initial) input.value = initial;
    applyFilter();

    /* sortable columns: the heading becomes a button; aria-sort tells the current order */
    var heads = Array.prototype.slice.call(table.tHead ? table.tHead.rows[0].cells : []);
    heads.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cc-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = th.getAttribute("data-type") === "number";
        var keyed = rows.map(function (row, i) { return [sortKey(row.cells[column], numeric), i, row]; });
        keyed.sort(function (a, b) {
          var order = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];
          return ascending ? order : -order;
        });
        var fragment = document.createDocumentFragment();
        keyed.forEach(function (k) { fragment.appendChild(k[2]); });
        body.appendChild(fragment);
      });
    });
  }

  function enhanceCopy(code) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cc-copy md-button";
    button.textContent = "Copy link";
    code.parentNode.insertBefore(button, code.nextSibling);
    button.addEventListener("click", function () {
      var value = text(code);
      if (!/^https?:\/\//.test(value)) value = new URL(code.getAttribute("data-cc-copy"), window.location.href).href;
      var done = function () { button.textContent = "Copied"; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(value).then(done, function () { selectText(code); });
      } else {
        selectText(code);
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

  document.querySelectorAll("table[data-cc-table]").forEach(enhanceTable);
  document.querySelectorAll("code[data-cc-copy]").forEach(enhanceCopy);
})();
