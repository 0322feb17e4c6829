/* On a newspaper's page: turns <script data-ldab-widget="URL"> into an iframe, and resizes every
   Local d'abord ! iframe to the height its content reports (widget.js). No cookie, no tracker. */
(function () {
  "use strict";
  var origin = new URL(document.currentScript ? document.currentScript.src : location.href).origin;

  function insertFrames() {
    var scripts = document.querySelectorAll("script[data-ldab-widget]:not([data-ldab-done])");
    Array.prototype.forEach.call(scripts, function (script) {
      var frame = document.createElement("iframe");
      frame.src = script.getAttribute("data-ldab-widget");
      frame.title = script.getAttribute("data-title") || "Local d'abord !";
      frame.setAttribute("data-ldab-widget", "");
      frame.setAttribute("loading", "lazy");
      frame.width = "100%";
      frame.height = "480";
      frame.style.border = "0";
      script.setAttribute("data-ldab-done", "");
      script.parentNode.insertBefore(frame, script);
    });
  }

  function frameOf(source) {
    var frames = document.querySelectorAll("iframe[data-ldab-widget]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  if (!window.ldabWidgetListener) {
    window.ldabWidgetListener = true;
    window.addEventListener("message", function (event) {
      if (event.origin !== origin || !event.data || event.data.type !== "ldab:resize") return;
      var frame = frameOf(event.source);
      var height = parseInt(event.data.height, 10);
      if (frame && height > 0 && height < 20000) frame.style.height = height + "px";
    });
  }
  insertFrames();
})();
