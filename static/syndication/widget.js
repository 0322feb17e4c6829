/* Inside a widget: tell the page that frames it how tall the content is, whenever it changes,
   so the newspaper's iframe fits without scrollbars (embed.js listens). */
(function () {
  "use strict";
  if (window.parent === window) return;
  var last = 0;
  function report() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "ldab:resize", height: height, href: location.href }, "*");
  }
  if ("ResizeObserver" in window) new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener("load", report);
  report();
})();
