// Weight sliders: re-rank live from the page's JSON twin, without reloading.
(function () {
  var form = document.getElementById("weights");
  var table = document.getElementById("ranking-table");
  if (!form || !table) return;
  var sliders = Array.prototype.slice.call(form.querySelectorAll("input[type=range]"));
  var pending = null, seq = 0;

  function weights() {
    return sliders.map(function (s) { return s.dataset.group + ":" + (s.value / 100); }).join(",");
  }

  function cell(text) { var td = document.createElement("td"); td.textContent = text; return td; }

  function render(data) {
    var body = table.tBodies[0];
    var rows = data.countries.map(function (c) {
      var tr = document.createElement("tr");
      tr.dataset.iso3 = c.iso3;
      tr.appendChild(cell(c.rank));
      var name = document.createElement("td"), link = document.createElement("a");
      link.href = "/country/" + c.iso3; link.textContent = c.name; name.appendChild(link); tr.appendChild(name);
      tr.appendChild(cell(c.score.toFixed(3)));
      var parts = document.createElement("td"), stack = document.createElement("span");
      stack.className = "stack";
      data.groups.forEach(function (g, i) {
        var part = document.createElement("span");
        part.className = "part g" + i;
        part.style.width = ((c.groups[g.id] || 0) * 100).toFixed(1) + "%";
        part.title = g.label + ": " + (c.groups[g.id] || 0).toFixed(3);
        stack.appendChild(part);
      });
      parts.appendChild(stack); tr.appendChild(parts);
      tr.appendChild(cell(c.p_top === null ? "" : Math.round(c.p_top * 100) + "%"));
      tr.appendChild(cell(c.rank_low === null ? "" : Math.round(c.rank_low) + "–" + Math.round(c.rank_high)));
      return tr;
    });
    body.replaceChildren.apply(body, rows);
    table.dataset.pending = "0";
  }

  function update() {
    var mine = ++seq;
    var query = "weights=" + encodeURIComponent(weights());
    fetch("/ranking.json?" + query + "&samples=200", { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) { if (mine === seq && data.countries) render(data); });
    history.replaceState(null, "", "/ranking?" + query);
  }

  sliders.forEach(function (s) {
    s.addEventListener("input", function () {
      s.nextElementSibling.textContent = s.value + "%";
      table.dataset.pending = "1";
      clearTimeout(pending);
      pending = setTimeout(update, 120);
    });
  });
})();
