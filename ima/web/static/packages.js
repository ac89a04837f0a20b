// Package builder: weights, objective, mode and effect judgements re-rank live from the page's JSON twin.
(function () {
  var form = document.getElementById("builder");
  var table = document.getElementById("packages-table");
  if (!form || !table) return;
  var iso3 = form.dataset.iso3, pending = null, seq = 0;
  var explanations = document.getElementById("explanations");
  var summary = document.getElementById("summary");

  function query(withJudgements) {
    var params = new URLSearchParams();
    params.set("objective", form.elements.objective.value);
    params.set("mode", form.elements.mode.value);
    form.querySelectorAll("input[data-weight]").forEach(function (s) { params.set(s.name, s.value); });
    if (withJudgements) form.querySelectorAll("tr.judgement").forEach(function (row) {
      var lo = row.querySelector("input[name^=lo_]"), hi = row.querySelector("input[name^=hi_]");
      if (lo.value !== lo.defaultValue || hi.value !== hi.defaultValue) {
        params.set("e_" + row.dataset.instrument, lo.value + "-" + hi.value);
      }
    });
    return params.toString();
  }

  function cell(text) { var td = document.createElement("td"); td.textContent = text; return td; }
  function pct(x) { return Math.round(x * 100) + "%"; }

  function render(data) {
    var rows = data.packages.map(function (p) {
      var tr = document.createElement("tr"), s = p.sensitivity;
      tr.dataset.instruments = p.instruments.join(",");
      [p.rank, p.names.join(" + "), p.effect + " (" + p.effect_low + "–" + p.effect_high + ")",
       p.weighted_cost.toFixed(1), p.score.toFixed(2), s ? pct(s.share_first) + " / " + pct(s.share_top) : "",
       s ? s.rank_low + "–" + s.rank_high : ""].forEach(function (v) { tr.appendChild(cell(v)); });
      return tr;
    });
    table.tBodies[0].replaceChildren.apply(table.tBodies[0], rows);
    var heading = explanations.querySelector("h2");
    explanations.replaceChildren(heading);
    data.packages.forEach(function (p) {
      var para = document.createElement("p"); para.className = "package"; para.textContent = p.explanation;
      explanations.appendChild(para);
    });
    summary.textContent = data.summary;
    var judged = {};
    data.judgements.forEach(function (j) { judged[j.instrument] = j; });
    form.querySelectorAll("tr.judgement").forEach(function (row) {
      var j = judged[row.dataset.instrument], chip = row.querySelector(".chip");
      var lo = row.querySelector("input[name^=lo_]"), hi = row.querySelector("input[name^=hi_]");
      // An instrument judged to have no effect drops out of the packages (and out of data.judgements).
      var own = j ? !j["default"] : (lo.value !== lo.defaultValue || hi.value !== hi.defaultValue);
      chip.className = own ? "chip active" : "chip";
      chip.textContent = own ? form.dataset.wordYours : form.dataset.wordDefault;
      if (j) chip.nextSibling.textContent = " " + j.source;
    });
    table.classList.remove("pending");
    table.dataset.pending = "0";
  }

  function update() {
    var mine = ++seq, q = query(true);
    fetch("/packages/" + iso3 + ".json?" + q + "&draws=200", { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (mine !== seq) return;
        if (data.packages) render(data);
        else { summary.textContent = data.error || ""; table.dataset.pending = "0"; }
      });
    history.replaceState(null, "", "/packages/" + iso3 + "?" + q);
  }

  function changed(event) {
    var t = event.target;
    // Another objective or mode has other instruments and judgements: load that page afresh.
    if (t.tagName === "SELECT") { location.href = "/packages/" + iso3 + "?" + query(false); return; }
    if (t.dataset && t.dataset.weight) t.nextElementSibling.textContent = Number(t.value).toFixed(2);
    table.classList.add("pending");
    table.dataset.pending = "1";
    clearTimeout(pending);
    pending = setTimeout(update, 150);
  }

  form.addEventListener("input", changed);
})();
