"""report.html's inline style sheet and script (kept apart from the Python that renders the tables).

The script only reads: the embedded facts (numbers), the rows' data-* attributes and the controls.
It writes numbers with `textContent` and colours with `style`, never markup, so nothing from a plan
can become HTML. It uses no network, no storage and no library.
"""

from __future__ import annotations

REPORT_CSS = """
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#111;
background:#fafafa}
main{max-width:1400px;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.lede{font-size:1.05rem}
.lede span{font-weight:700}
pre.run{background:#fff;border:1px solid #ddd;padding:.5rem;white-space:pre-wrap;font-size:.85rem}
.filters{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;
background:#fff;border:1px solid #ccc;padding:.45rem .6rem;font-size:.85rem;box-shadow:0 1px 3px #0002}
.filters label{display:flex;gap:.3rem;align-items:center}
.filters select,.filters input{font:inherit;max-width:16rem}
.filters output{margin-left:auto;color:#333;font-weight:600}
.box{overflow:auto;max-height:75vh;border:1px solid #ddd;background:#fff}
table{border-collapse:separate;border-spacing:0;background:#fff;font-size:.85rem}
th,td{border-right:1px solid #ddd;border-bottom:1px solid #ddd;padding:.25rem .45rem;vertical-align:top;
text-align:left}
thead th{background:#f0f0f0;position:sticky;top:0;z-index:2}
#plan-counts thead tr:first-child th{height:1.9rem;box-sizing:border-box}
#plan-counts thead tr:nth-child(2) th{top:1.9rem;font-size:.75rem}
tbody th,tfoot th{position:sticky;left:0;background:#fff;z-index:1}
thead th[scope=col]:first-child,thead th.corner{left:0;z-index:3}
tfoot td,tfoot th{background:#f7f7f7}
tfoot tr:first-child td,tfoot tr:first-child th{border-top:2px solid #bbb}
button.sort{font:inherit;font-weight:700;border:0;background:none;padding:0;cursor:pointer;color:inherit;
text-align:inherit}
th[aria-sort=descending] button.sort::after{content:" \\25BE"}
th[aria-sort=ascending] button.sort::after{content:" \\25B4"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.zero{color:#bbb}
td.total,tfoot td,tfoot th{font-weight:700}
.heatmap td.num{min-width:2.2rem;text-align:center}
.heatmap tbody th{min-width:12rem;max-width:22rem;font-weight:600}
.heatmap .picked{outline:2px solid #d95f02;outline-offset:-2px}
#plan-counts tbody th{min-width:10rem;max-width:14rem;font-weight:600}
#plan-counts td.num{min-width:2rem}
.chart{width:100%;font-size:.8rem}
.chart th,.chart td{padding:.15rem .45rem}
.chart tbody th{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:26rem;font-weight:400}
.chart td.bar{width:55%;position:relative;min-width:12rem}
.chart span.bar{display:block;height:.9rem;background:#2171b5;border-radius:2px}
.chart span.pct{position:absolute;right:.45rem;top:.15rem;color:#333}
.chart tr.picked th,.chart tr.picked td{background:#fdebd9}
.rec-title{color:#444}
.period{white-space:nowrap}
.file{word-break:break-all}
.period,.file{color:#666;font-weight:400;font-size:.8rem}
td.text{max-width:38rem}
.pager{margin:.4rem 0;font-size:.9rem}
.pager button{font:inherit}
.legend{columns:2;padding-left:1.2rem;margin:.3rem 0;list-style:none;font-size:.9rem}
.legend b{display:inline-block;min-width:2.4rem}
.empty{color:#555;font-style:italic}
""".strip()

REPORT_SCRIPT = r"""
(function () {
  "use strict";
  var facts = JSON.parse(document.getElementById("report-facts").textContent);
  var byId = function (id) { return document.getElementById(id); };
  var R = facts.recs.length, P = facts.plans;
  var form = byId("filters");
  form.hidden = false;
  var controls = ["f-institution", "f-pillar", "f-rec", "f-review", "f-scale"].map(byId);
  var reviewPage = 0;

  function zeros(n) { var a = []; for (var i = 0; i < n; i++) a.push(0); return a; }

  function current() {
    return {
      text: byId("f-institution").value.trim().toLowerCase(),
      pillar: byId("f-pillar").value,
      rec: byId("f-rec").value,
      review: byId("f-review").value,
      scale: byId("f-scale").value
    };
  }

  function keep(fact, st) {
    if (st.pillar !== "" && fact[2] !== +st.pillar) return false;
    if (st.review === "yes" && !fact[4]) return false;
    if (st.review === "no" && fact[4]) return false;
    return true;
  }

  // per plan: counts per recommendation, pillar and status, of the actions the filters keep
  function tally(st) {
    var plans = [];
    for (var p = 0; p < P; p++) {
      plans.push({
        recs: zeros(R), total: 0, pillars: zeros(facts.pillars), statuses: zeros(facts.statuses), review: 0
      });
    }
    facts.actions.forEach(function (f) {
      if (!keep(f, st)) return;
      var c = plans[f[0]];
      c.total += 1;
      if (f[1] >= 0) c.recs[f[1]] += 1;
      c.pillars[f[2]] += 1;
      c.statuses[f[3]] += 1;
      c.review += f[4];
    });
    return plans;
  }

  function shownPlans(st, plans) {
    var rows = document.querySelectorAll("#heatmap tbody tr");
    var shown = zeros(P);
    rows.forEach(function (row) {
      var p = +row.dataset.plan;
      var ok = !st.text || row.dataset.search.indexOf(st.text) >= 0;
      if (ok && st.rec !== "") ok = plans[p].recs[+st.rec] > 0;
      shown[p] = ok ? 1 : 0;
    });
    return shown;
  }

  function setNumber(cell, value) {
    cell.textContent = String(value);
    cell.dataset.value = String(value);
    cell.classList.toggle("zero", value === 0);
  }

  function paint(cell, count, peak) {
    if (!count) { cell.style.background = ""; cell.style.color = ""; return; }
    var share = count / Math.max(peak, 1), t = 0.25 + 0.75 * share;
    var start = [222, 235, 247], end = [8, 48, 107];
    var rgb = start.map(function (a, i) { return Math.round(a + (end[i] - a) * t); });
    cell.style.background = "rgb(" + rgb.join(", ") + ")";
    cell.style.color = share > 0.45 ? "#fff" : "#111";
  }

  function updateHeatmap(st, plans, shown) {
    var rowPeak = plans.map(function (c) { return Math.max.apply(null, c.recs.concat([1])); });
    var colPeak = zeros(R), tablePeak = 1, totals = zeros(R), covering = zeros(R), all = 0;
    plans.forEach(function (c, p) {
      if (!shown[p]) return;
      all += c.total;
      c.recs.forEach(function (n, r) {
        colPeak[r] = Math.max(colPeak[r], n);
        tablePeak = Math.max(tablePeak, n);
        totals[r] += n;
        covering[r] += n > 0 ? 1 : 0;
      });
    });
    document.querySelectorAll("#heatmap tbody tr").forEach(function (row) {
      var p = +row.dataset.plan, c = plans[p];
      row.hidden = !shown[p];
      var cells = row.querySelectorAll("td.heat");
      cells.forEach(function (cell, r) {
        setNumber(cell, c.recs[r]);
        var peak = st.scale === "row" ? rowPeak[p] : st.scale === "column" ? colPeak[r] : tablePeak;
        paint(cell, c.recs[r], peak);
        cell.classList.toggle("picked", st.rec !== "" && r === +st.rec);
      });
      setNumber(row.querySelector("td.total"), c.total);
    });
    var tot = byId("heat-totals").querySelectorAll("td"), cov = byId("heat-covering").querySelectorAll("td");
    for (var r = 0; r < R; r++) { setNumber(tot[r], totals[r]); setNumber(cov[r], covering[r]); }
    setNumber(tot[R], all);
    document.querySelectorAll("#heatmap thead th[data-rec]").forEach(function (th, r) {
      th.classList.toggle("picked", st.rec !== "" && r === +st.rec);
    });
  }

  function updateCounts(plans, shown) {
    document.querySelectorAll("#plan-counts tbody tr").forEach(function (row) {
      var p = +row.dataset.plan, c = plans[p];
      row.hidden = !shown[p];
      var values = [c.total].concat(c.pillars, c.statuses, [c.review]);
      row.querySelectorAll("td").forEach(function (cell, i) { setNumber(cell, values[i]); });
    });
  }

  function updateChart(st, plans, shown) {
    var count = shown.reduce(function (a, b) { return a + b; }, 0);
    document.querySelectorAll("#sector-chart tbody tr").forEach(function (row, r) {
      var covering = 0, actions = 0;
      plans.forEach(function (c, p) {
        if (!shown[p]) return;
        covering += c.recs[r] > 0 ? 1 : 0;
        actions += c.recs[r];
      });
      var share = count ? covering / count : 0;
      setNumber(row.querySelector("td.plans"), covering);
      setNumber(row.querySelector("td.actions"), actions);
      var bar = row.querySelector("td.bar");
      bar.dataset.value = share.toFixed(4);
      bar.querySelector("span.bar").style.width = (100 * share).toFixed(1) + "%";
      bar.querySelector("span.pct").textContent = Math.round(100 * share) + "%";
      row.classList.toggle("picked", st.rec !== "" && r === +st.rec);
    });
    return count;
  }

  function reviewRows(st, shownByText) {
    return Array.prototype.filter.call(document.querySelectorAll("#review-queue tbody tr"), function (row) {
      var p = +row.dataset.plan;
      if (p >= 0 && !shownByText[p]) return false;
      if (st.pillar !== "" && row.dataset.pillar !== st.pillar) return false;
      if (st.rec !== "" && row.dataset.rec !== st.rec) return false;
      return st.review !== "no";
    });
  }

  function updateReview(st) {
    var table = byId("review-queue");
    if (!table) return;
    var byText = zeros(P);
    document.querySelectorAll("#heatmap tbody tr").forEach(function (row) {
      byText[+row.dataset.plan] = !st.text || row.dataset.search.indexOf(st.text) >= 0 ? 1 : 0;
    });
    var rows = reviewRows(st, byText), size = facts.pageRows;
    var pages = Math.max(1, Math.ceil(rows.length / size));
    reviewPage = Math.min(reviewPage, pages - 1);
    var first = reviewPage * size, last = Math.min(first + size, rows.length);
    table.querySelectorAll("tbody tr").forEach(function (row) { row.hidden = true; });
    rows.slice(first, last).forEach(function (row) { row.hidden = false; });
    byId("review-pager").hidden = false;
    byId("review-page").textContent = rows.length
      ? "Rows " + (first + 1) + "\u2013" + last + " of " + rows.length +
        " (page " + (reviewPage + 1) + " of " + pages + ")"
      : "No row matches the filters";
    byId("review-prev").disabled = reviewPage === 0;
    byId("review-next").disabled = reviewPage >= pages - 1;
  }

  function update() {
    var st = current(), plans = tally(st), shown = shownPlans(st, plans);
    updateHeatmap(st, plans, shown);
    updateCounts(plans, shown);
    var count = updateChart(st, plans, shown);
    updateReview(st);
    var actions = 0;
    plans.forEach(function (c, p) { if (shown[p]) actions += c.total; });
    byId("shown-count").textContent = "Showing " + count + " of " + P + " plans, " + actions + " of " +
      facts.actions.length + " actions";
  }

  function sortBy(table, th) {
    var heads = table.querySelectorAll("th[data-col]");
    var text = th.dataset.type === "text";
    var dir = th.getAttribute("aria-sort") === (text ? "ascending" : "descending")
      ? (text ? "descending" : "ascending") : (text ? "ascending" : "descending");
    heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir);
    var col = +th.dataset.col, body = table.tBodies[0];
    var key = function (row) {
      var cell = row.cells[col];
      if (text) return cell.textContent.trim().toLowerCase();
      var v = parseFloat(cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent);
      return isNaN(v) ? -Infinity : v;
    };
    var rows = Array.prototype.map.call(body.rows, function (row, i) { return [key(row), i, row]; });
    rows.sort(function (a, b) {
      var d = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
      return (dir === "ascending" ? d : -d) || a[1] - b[1];
    });
    rows.forEach(function (item) { body.appendChild(item[2]); });
    if (table.id === "review-queue") { reviewPage = 0; update(); }
  }

  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th[data-col] button.sort").forEach(function (button) {
      button.addEventListener("click", function () { sortBy(table, button.parentNode); });
    });
  });
  controls.forEach(function (control) {
    control.addEventListener("input", function () { reviewPage = 0; update(); });
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { reviewPage = 0; update(); }, 0); });
  if (byId("review-prev")) {
    byId("review-prev").addEventListener("click", function () { reviewPage -= 1; update(); });
    byId("review-next").addEventListener("click", function () { reviewPage += 1; update(); });
  }
  update();
})();
""".strip()
