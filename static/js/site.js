/* Local d'abord ! — small progressive enhancements. Every page reads without this file. */
(function () {
  "use strict";
  var script = document.currentScript;
  var staticRoot = script ? script.src.replace(/js\/site\.js.*$/, "") : "/static/";

  // Maps: load the vendored Leaflet only when the page has one.
  var maps = document.querySelectorAll("[data-map]");
  if (maps.length) {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = staticRoot + "vendor/leaflet/leaflet.css";
    document.head.appendChild(css);
    var leaflet = document.createElement("script");
    leaflet.src = staticRoot + "vendor/leaflet/leaflet.js";
    leaflet.onload = function () { maps.forEach(drawMap); };
    document.head.appendChild(leaflet);
  }

  function drawMap(element) {
    var data = document.getElementById(element.dataset.map);
    var points = data ? JSON.parse(data.textContent) : [];
    if (!points.length || !window.L) { return; }
    var map = L.map(element, { scrollWheelZoom: false });
    // Tiles are the only outside resource: if they fail, the markers remain on a plain background.
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 19,
      attribution: "&copy; OpenStreetMap"
    }).addTo(map);
    var bounds = [];
    points.forEach(function (point) {
      var link = document.createElement("a");
      link.href = point.url;
      link.textContent = point.name;
      L.circleMarker([point.lat, point.lon], { radius: 7, color: "#5e0e26", fillColor: "#8a1538", fillOpacity: 0.9 })
        .bindPopup(link).addTo(map);
      bounds.push([point.lat, point.lon]);
    });
    if (bounds.length === 1) {
      map.setView(bounds[0], 14);
    } else {
      map.fitBounds(bounds, { maxZoom: 15, padding: [20, 20] });
    }
  }

  // Countdowns: refresh the number of days left.
  document.querySelectorAll("[data-countdown]").forEach(function (element) {
    var target = Date.parse(element.dataset.countdown);
    var figure = element.querySelector("[data-countdown-days]");
    function update() {
      if (figure) { figure.textContent = Math.max(0, Math.floor((target - Date.now()) / 86400000)); }
    }
    update();
    setInterval(update, 60000);
  });

  // Videos: insert the third-party player only when asked.
  document.querySelectorAll("[data-video]").forEach(function (element) {
    var trigger = element.querySelector("[data-video-load]");
    var player = element.querySelector("template[data-video-player]");
    if (!trigger || !player) { return; }
    trigger.addEventListener("click", function (event) {
      event.preventDefault();
      trigger.parentNode.replaceWith(player.content.cloneNode(true));
    });
  });

  // Guides: a print button (print styles make the page ready for paper).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
