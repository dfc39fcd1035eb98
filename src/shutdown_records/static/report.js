/* shutdown-records report: table filtering and sorting on the index, quote highlighting on
   record pages. No offsets are computed here: the marks were placed when the site was written. */
(function () {
  "use strict";

  /* ---------- index: filters and sorting ---------- */
  function initIndex(table) {
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var texts = new Map();
    rows.forEach(function (row) { texts.set(row, row.textContent.toLowerCase()); });
    var bars = new Map();
    document.querySelectorAll(".timeline-svg a[data-id]").forEach(function (a) {
      bars.set(a.getAttribute("data-id"), a);
    });
    var form = document.getElementById("filters");
    var search = document.getElementById("filter-text");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var count = document.getElementById("shown-count");

    function matches(row, wanted, text) {
      var d = row.dataset;
      if (wanted.country && d.country !== wanted.country) return false;
      if (wanted.kind && d.kind !== wanted.kind) return false;
      if (wanted.year && (" " + d.years + " ").indexOf(" " + wanted.year + " ") < 0) return false;
      if (wanted.platform && ("|" + d.platforms + "|").indexOf("|" + wanted.platform + "|") < 0) return false;
      if (text && texts.get(row).indexOf(text) < 0) return false;
      return true;
    }

    /* Only the first `limit` matching rows are displayed: a browser lays out 10,000 table rows
       slowly, and rows with display:none cost nothing. "Show more" raises the limit. */
    var pageRows = parseInt(table.getAttribute("data-page-rows"), 10) || 200;
    var limit = pageRows;
    var more = document.getElementById("more-rows");
    var sortNote = "";

    function applyFilters() {
      var wanted = {};
      selects.forEach(function (s) { wanted[s.getAttribute("data-filter")] = s.value; });
      var text = search.value.trim().toLowerCase();
      var matched = 0;
      var shown = 0;
      rows.forEach(function (row) {
        var ok = matches(row, wanted, text);
        if (ok) matched += 1;
        var visible = ok && matched <= limit;
        if (visible) shown += 1;
        if (row.hidden === visible) row.hidden = !visible;
        var bar = bars.get(row.getAttribute("data-id"));
        var display = ok ? "" : "none";
        if (bar && bar.style.display !== display) bar.style.display = display;
      });
      var message;
      if (shown === matched) message = "Showing " + shown + " of " + rows.length + " incidents.";
      else if (matched === rows.length) message = "Showing the first " + shown + " of " + rows.length + " incidents.";
      else message = "Showing the first " + shown + " of " + matched + " matching incidents (" + rows.length + " in all).";
      count.textContent = message + sortNote;
      if (more) more.hidden = shown >= matched;
    }

    function refilter() { limit = pageRows; applyFilters(); }

    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("input", refilter);
    form.addEventListener("change", refilter);
    form.addEventListener("reset", function () { window.setTimeout(refilter, 0); });
    var showMore = document.getElementById("show-more");
    var showAll = document.getElementById("show-all");
    if (showMore) showMore.addEventListener("click", function () { limit += pageRows; applyFilters(); });
    if (showAll) showAll.addEventListener("click", function () { limit = rows.length; applyFilters(); });

    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (th, column) {
      var button = th.querySelector("button.sort");
      if (!button) return;
      button.addEventListener("click", function () {
        var direction = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", direction);
        sortRows(column, button.getAttribute("data-type"), direction === "ascending" ? 1 : -1);
        sortNote = " Sorted by " + button.textContent.trim() + ", " + direction + ".";
        applyFilters();
      });
    });

    function sortRows(column, type, sign) {
      var keyed = rows.map(function (row, index) {
        var cell = row.cells[column];
        var raw = cell.hasAttribute("data-v") ? cell.getAttribute("data-v") : cell.textContent.trim();
        var key = type === "num" ? (raw === "" ? null : parseFloat(raw)) : (raw === "" ? null : raw.toLowerCase());
        return { key: key, index: index, row: row };
      });
      keyed.sort(function (a, b) {
        if (a.key === null || b.key === null) {
          if (a.key === b.key) return a.index - b.index;
          return a.key === null ? 1 : -1; /* empty cells last, either direction */
        }
        if (a.key < b.key) return -sign;
        if (a.key > b.key) return sign;
        return a.index - b.index;
      });
      var fragment = document.createDocumentFragment();
      rows = keyed.map(function (k) { fragment.appendChild(k.row); return k.row; });
      tbody.appendChild(fragment);
    }
  }

  /* ---------- record page: highlight the quote a value links to ---------- */
  function initRecord() {
    var lit = [];
    var activeLink = null;

    function inViewport(el) {
      var r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
    }

    function reveal(mark) {
      var pane = mark.closest(".sources-pane");
      var scrolls = pane && pane.scrollHeight > pane.clientHeight + 1 &&
        window.getComputedStyle(pane).overflowY !== "visible";
      if (scrolls) {
        var r = mark.getBoundingClientRect();
        var p = pane.getBoundingClientRect();
        pane.scrollTop += (r.top - p.top) - pane.clientHeight / 3;
      }
      if (!inViewport(mark)) mark.scrollIntoView({ block: "center" });
    }

    /* "Start date: 2024-02-17": the field (and value) a link stands for, shown on the quote. */
    function labelFor(link) {
      if (!link) return "";
      var field = "";
      var row = link.closest("tr");
      var conflict = link.closest(".conflict");
      if (row && row.cells[0]) {
        var first = row.cells[0].firstChild;
        field = (first && first.nodeType === 3 ? first.textContent : row.cells[0].textContent).trim();
      } else if (conflict && conflict.querySelector("h3")) {
        field = conflict.querySelector("h3").textContent.trim();
      }
      var item = link.closest("li.value");
      var value = item ? item.querySelector(".value-link, .value-text") : null;
      var text = value ? value.textContent.trim() : "";
      return field && text ? field + ": " + text : field || text;
    }

    function activate(id, link) {
      lit.forEach(function (m) {
        m.classList.remove("hl", "hl-first", "hl-last");
        m.removeAttribute("data-for");
      });
      if (activeLink) activeLink.classList.remove("active");
      document.body.classList.remove("quote-selected");
      lit = [];
      activeLink = null;
      var anchor = id ? document.getElementById(id) : null;
      if (!anchor || !anchor.classList.contains("anchor")) return;
      lit = Array.prototype.slice.call(document.querySelectorAll('mark[data-q~="' + id + '"]'));
      lit.forEach(function (m) { m.classList.add("hl"); });
      if (!link) link = document.querySelector('a.cite[href="#' + id + '"]');
      if (link) { link.classList.add("active"); activeLink = link; }
      if (!lit.length) return;
      /* Other quotes fade while one is selected: its start and end are marked, and the
         value it supports is written on it, so overlapping quotes never hide which one it is. */
      document.body.classList.add("quote-selected");
      lit[0].classList.add("hl-first");
      lit[lit.length - 1].classList.add("hl-last");
      var label = labelFor(link);
      if (label) lit[0].setAttribute("data-for", label);
      reveal(lit[0]);
      lit[0].setAttribute("tabindex", "-1");
      lit[0].focus({ preventScroll: true });
    }

    document.addEventListener("click", function (e) {
      var link = e.target.closest ? e.target.closest("a.cite") : null;
      if (!link) return;
      var id = link.getAttribute("href").slice(1);
      e.preventDefault();
      if (window.location.hash !== "#" + id) window.history.pushState(null, "", "#" + id);
      activate(id, link);
    });
    window.addEventListener("hashchange", function () { activate(window.location.hash.slice(1), null); });
    window.addEventListener("popstate", function () { activate(window.location.hash.slice(1), null); });
    if (window.location.hash) activate(window.location.hash.slice(1), null);
  }

  function init() {
    var table = document.getElementById("incidents");
    if (table) initIndex(table);
    if (document.querySelector(".page-record")) initRecord();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
