// The articles table: sort, filter, per-article details, and a URL hash that keeps the view
// (#q=…&sev=…&rule=…&range=tw:600:&sort=-score&open=path) so a view can be shared or reloaded.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var L = data.labels;
  var SEV = ["error", "warning", "info"];
  var table = document.getElementById("table");
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.querySelectorAll("tr.art"));
  var byPath = {};
  rows.forEach(function (row) {
    byPath[data.articles[+row.dataset.i].p] = row;
  });
  var heads = Array.prototype.slice.call(table.tHead.querySelectorAll("th[data-key]"));
  var q = document.getElementById("q");
  var sev = document.getElementById("sev");
  var rule = document.getElementById("rule");
  var rangeChip = document.getElementById("range");
  var count = document.getElementById("count");
  var state = { q: "", sev: "", rule: "", range: null, sort: "score", dir: 1, open: "" };

  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }
  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return values[key];
    });
  }
  function num(value, digits) {
    var text = value.toFixed(digits);
    return L.lang === "fr" ? text.replace(".", ",") : text;
  }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // -- filtering ---------------------------------------------------------------------
  // "SEO001" is one rule; "FR" a family: FR001…FR113, not the FRC pack's rules
  var matchers = {};
  function ruleMatcher(code) {
    code = code.replace(/[^A-Za-z0-9]/g, ""); // from the URL: never a regular expression
    var pattern = /\d{3}$/.test(code) ? code : code + "\\d{3}";
    return matchers[code] || (matchers[code] = new RegExp(" " + pattern + " "));
  }
  function keep(row) {
    var d = row.dataset;
    if (state.q) {
      var words = fold(state.q).split(/\s+/);
      for (var i = 0; i < words.length; i++) {
        if (words[i] && d.text.indexOf(words[i]) < 0) return false;
      }
    }
    if (state.sev === "error" && +d.e === 0) return false;
    if (state.sev === "warning" && +d.w === 0) return false;
    if (state.sev === "clean" && +d.e + +d.w + +d.n > 0) return false;
    if (state.rule && !ruleMatcher(state.rule).test(d.rules)) return false;
    if (state.range) {
      var raw = d[state.range.key];
      if (raw === undefined || raw === "") return false;
      var value = parseFloat(raw);
      if (state.range.min !== "" && value < +state.range.min) return false;
      if (state.range.max !== "" && value >= +state.range.max) return false;
    }
    return true;
  }

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = keep(row);
      row.hidden = !visible;
      var next = row.nextElementSibling;
      if (next && next.classList.contains("detail")) next.hidden = !visible;
      if (visible) shown++;
    });
    count.textContent = fmt(L.showing, { n: shown, total: rows.length });
    if (state.range) {
      var r = state.range;
      rangeChip.textContent = L.range + " " + r.key + " " + (r.min || "…") + "–" + (r.max || "…");
      rangeChip.hidden = false;
    } else {
      rangeChip.hidden = true;
    }
    writeHash();
  }

  // -- sorting -------------------------------------------------------------------------
  function sortBy(key, dir) {
    state.sort = key;
    state.dir = dir;
    var text = key === "text";
    var sorted = rows.slice().sort(function (a, b) {
      var x = a.dataset[key];
      var y = b.dataset[key];
      if (text) return dir * x.localeCompare(y);
      var empty = (x === "") - (y === "");
      if (empty) return empty; // articles without the value go last either way
      return dir * (parseFloat(x) - parseFloat(y)) || a.dataset.i - b.dataset.i;
    });
    var fragment = document.createDocumentFragment();
    sorted.forEach(function (row) {
      var detail = row.nextElementSibling;
      fragment.appendChild(row);
      if (detail && detail.classList.contains("detail")) fragment.appendChild(detail);
    });
    tbody.appendChild(fragment);
    heads.forEach(function (th) {
      th.setAttribute("aria-sort", th.dataset.key !== key ? "none" : dir > 0 ? "ascending" : "descending");
    });
    writeHash();
  }

  heads.forEach(function (th) {
    function activate() {
      var key = th.dataset.key;
      sortBy(key, state.sort === key ? -state.dir : key === "score" || key === "text" ? 1 : -1);
    }
    th.addEventListener("click", activate);
    th.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        activate();
      }
    });
  });

  // -- details -------------------------------------------------------------------------
  function measure(item, max) {
    var box = el("div", "measure");
    var room = max - item.w;
    var text = item.k + " · " + fmt(L.chars, { n: item.c }) + " · " + fmt(L.width, { w: num(item.w, 1), max: max }) + " · ";
    box.appendChild(el("span", null, text));
    box.appendChild(el("span", room < 0 ? "bad" : "ok", fmt(room < 0 ? L.over : L.left, { n: num(Math.abs(room), 1) })));
    return box;
  }

  function fate(cut, hidden) {
    return cut ? fmt(L.cut, { hidden: hidden }) : L.fits;
  }

  function serp(article, device) {
    var box = el("div", "serp " + device);
    box.appendChild(el("div", article.u ? "url" : "url none", article.u || L.no_url));
    var title = article.t;
    var desc = article.d;
    var lines = function (item, key) {
      return device === "desktop" ? item.d : item.m;
    };
    if (title) {
      var titleBox = el("div", "stitle");
      lines(title).forEach(function (line) {
        titleBox.appendChild(el("div", "line", line));
      });
      box.appendChild(titleBox);
    } else {
      box.appendChild(el("div", "stitle none", L.no_title));
    }
    if (desc) {
      var descBox = el("div", "sdesc");
      if (device === "desktop") descBox.textContent = desc.d.join(" ");
      else
        desc.m.forEach(function (line) {
          descBox.appendChild(el("div", "line", line));
        });
      box.appendChild(descBox);
    } else {
      box.appendChild(el("div", "sdesc none", L.no_desc));
    }
    return box;
  }

  function notes(article, device) {
    var box = el("div", "measure");
    var parts = [];
    if (article.t) parts.push(article.t.k + L.colon + fate(device === "desktop" ? article.t.dc : article.t.mc, device === "desktop" ? article.t.dh : article.t.mh));
    if (article.d) parts.push(article.d.k + L.colon + fate(device === "desktop" ? article.d.dc : article.d.mc, device === "desktop" ? article.d.dh : article.d.mh));
    box.textContent = parts.join(" · ");
    return box;
  }

  function findingsTable(article) {
    if (!article.f.length) return el("p", "muted", L.no_findings);
    var tableNode = el("table", "findings");
    var head = el("tr");
    [L.line, L.rule, L.message].forEach(function (text) {
      head.appendChild(el("th", null, text));
    });
    tableNode.appendChild(el("thead")).appendChild(head);
    var body = el("tbody");
    article.f.forEach(function (f) {
      var row = el("tr", f[5] ? "field" : "");
      row.appendChild(el("td", "num", f[0] + ":" + f[1]));
      var ruleCell = el("td");
      var code = ruleCell.appendChild(el("div", "code"));
      code.appendChild(el("span", "badge " + SEV[f[3]], L[SEV[f[3]] + "_1"]));
      code.appendChild(document.createTextNode(" " + f[2]));
      ruleCell.appendChild(el("div", "name", data.rules[f[2]] || ""));
      row.appendChild(ruleCell);
      row.appendChild(el("td", null, data.messages[f[4]]));
      body.appendChild(row);
    });
    tableNode.appendChild(body);
    return tableNode;
  }

  function details(article) {
    var box = el("div", "detail-box");
    box.appendChild(el("h3", null, L.preview + " — " + article.p));
    if (!article.ok) {
      box.appendChild(el("p", "muted", L.unreadable));
    } else {
      var devices = el("div", "devices");
      var desktop = el("div");
      desktop.appendChild(el("div", "device", L.desktop));
      desktop.appendChild(serp(article, "desktop"));
      if (article.t) desktop.appendChild(measure(article.t, article.t.max));
      if (article.d) desktop.appendChild(measure(article.d, article.d.max));
      desktop.appendChild(notes(article, "desktop"));
      var mobile = el("div", "phone");
      mobile.appendChild(el("div", "device", fmt(L.mobile, { px: data.mobile.viewport })));
      mobile.appendChild(serp(article, "mobile"));
      mobile.appendChild(notes(article, "mobile"));
      devices.appendChild(desktop);
      devices.appendChild(mobile);
      box.appendChild(devices);
    }
    box.appendChild(el("h3", null, L.findings + " (" + article.f.length + ")"));
    box.appendChild(findingsTable(article));
    return box;
  }

  function toggle(row, open) {
    var next = row.nextElementSibling;
    var isOpen = next && next.classList.contains("detail");
    if (open === undefined) open = !isOpen;
    if (isOpen && !open) {
      next.remove();
      row.classList.remove("open");
    } else if (!isOpen && open) {
      var article = data.articles[+row.dataset.i];
      var detail = el("tr", "detail");
      var cell = el("td");
      cell.colSpan = row.cells.length;
      cell.appendChild(details(article));
      detail.appendChild(cell);
      row.after(detail);
      row.classList.add("open");
    }
    state.open = open ? data.articles[+row.dataset.i].p : state.open === data.articles[+row.dataset.i].p ? "" : state.open;
    writeHash();
  }

  tbody.addEventListener("click", function (event) {
    var row = event.target.closest("tr.art");
    if (row) toggle(row);
  });
  tbody.addEventListener("keydown", function (event) {
    var row = event.target.closest("tr.art");
    if (row && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      toggle(row);
    }
  });

  // -- controls and charts ---------------------------------------------------------------
  q.addEventListener("input", function () {
    state.q = q.value;
    apply();
  });
  sev.addEventListener("change", function () {
    state.sev = sev.value;
    apply();
  });
  rule.addEventListener("change", function () {
    state.rule = rule.value;
    apply();
  });
  document.getElementById("clear").addEventListener("click", function () {
    state.q = state.sev = state.rule = "";
    state.range = null;
    q.value = sev.value = rule.value = "";
    apply();
  });
  function setRule(code) {
    if (!Array.prototype.some.call(rule.options, function (o) { return o.value === code; })) {
      rule.appendChild(el("option", null, code)).value = code;
    }
    rule.value = code;
    state.rule = code;
    apply();
  }
  function showTable() {
    document.getElementById("articles").scrollIntoView();
  }
  Array.prototype.forEach.call(document.querySelectorAll("svg g.bar"), function (bar) {
    function activate() {
      if (bar.dataset.filter === "rule") {
        setRule(bar.dataset.rule);
      } else {
        state.range = { key: bar.dataset.filter, min: bar.dataset.min, max: bar.dataset.max };
        apply();
      }
      showTable();
    }
    bar.addEventListener("click", activate);
    bar.addEventListener("keydown", function (event) {
      if (event.key === "Enter") activate();
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("a[data-family]"), function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      setRule(link.dataset.family);
      showTable();
    });
  });

  // -- the view in the URL hash ----------------------------------------------------------
  var restoring = true;
  function writeHash() {
    if (restoring) return;
    var parts = [];
    if (state.q) parts.push("q=" + encodeURIComponent(state.q));
    if (state.sev) parts.push("sev=" + state.sev);
    if (state.rule) parts.push("rule=" + encodeURIComponent(state.rule));
    if (state.range) parts.push("range=" + [state.range.key, state.range.min, state.range.max].join(":"));
    if (state.sort !== "score" || state.dir !== 1) parts.push("sort=" + (state.dir < 0 ? "-" : "") + state.sort);
    if (state.open) parts.push("open=" + encodeURIComponent(state.open));
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (hash !== location.hash) history.replaceState(null, "", hash || location.pathname + location.search);
  }
  function readHash() {
    var params = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var at = pair.indexOf("=");
      if (at > 0) params[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
    });
    state.q = q.value = params.q || "";
    state.sev = sev.value = params.sev || "";
    if (params.rule) setRule(params.rule);
    if (params.range) {
      var r = params.range.split(":");
      state.range = { key: r[0], min: r[1] || "", max: r[2] || "" };
    }
    var sort = params.sort || "score";
    sortBy(sort.replace(/^-/, ""), sort.charAt(0) === "-" ? -1 : 1);
    apply();
    if (params.open && byPath[params.open]) {
      toggle(byPath[params.open], true);
      byPath[params.open].scrollIntoView({ block: "nearest" });
    }
  }
  readHash();
  restoring = false;
  writeHash();
  document.documentElement.setAttribute("data-report-ready", "1");
})();
