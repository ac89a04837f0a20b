// The route picture: IOM Missing Migrants incidents on the country's routes and the route countries.
// No tile layer: the app works offline, and the incidents themselves trace the routes.
(function () {
  var holder = document.getElementById("map");
  var source = document.getElementById("map-data");
  if (!holder || !source || !window.L) return;
  var data = JSON.parse(source.textContent);
  var colours = ["#154273", "#e17000", "#39870c", "#a90061", "#007bc7", "#673327"];
  var map = L.map(holder, { scrollWheelZoom: false, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("IOM Missing Migrants Project");
  // The view must be set before vector markers are added (Leaflet's renderer needs the map bounds).
  var bounds = [];
  data.routes.forEach(function (route) { route.incidents.forEach(function (c) { bounds.push([c[0], c[1]]); }); });
  data.countries.forEach(function (c) { bounds.push([c.lat, c.lon]); });
  if (bounds.length) map.fitBounds(bounds, { padding: [10, 10] }); else map.setView([35, 10], 3);
  data.routes.forEach(function (route, i) {
    var layer = L.layerGroup().addTo(map);
    route.incidents.forEach(function (cell) {
      var radius = Math.max(2, Math.min(14, Math.sqrt(cell[2])));
      L.circleMarker([cell[0], cell[1]], { radius: radius, weight: 0, fillOpacity: 0.45,
        fillColor: colours[i % colours.length] }).bindTooltip(route.name + ": " + cell[2]).addTo(layer);
    });
  });
  data.countries.forEach(function (c) {
    L.circleMarker([c.lat, c.lon], { radius: c.role === "self" ? 9 : 6, color: "#1d2430", weight: 2,
      fillColor: c.role === "self" ? "#ffb612" : "#fff", fillOpacity: 1 })
      .bindTooltip(c.iso3 + " (" + c.role + ")", { permanent: c.role === "self" }).addTo(map);
  });
  var legend = document.createElement("p");
  legend.className = "legend map-legend";
  data.routes.forEach(function (route, i) {
    var item = document.createElement("span");
    item.innerHTML = '<i style="background:' + colours[i % colours.length] + '"></i>';
    item.appendChild(document.createTextNode(route.name));
    legend.appendChild(item);
  });
  holder.parentNode.insertBefore(legend, holder.nextSibling);
  holder.dataset.ready = "1";
})();
