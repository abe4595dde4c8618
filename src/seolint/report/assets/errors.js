// Runs first: any script error, failed promise or console.error is shown on the page (and
// counted in an attribute of the root element), so a broken report says so instead of going
// blank.
(function () {
  "use strict";
  var seen = (window.__seolintErrors = []);
  function paint() {
    var box = document.getElementById("script-errors");
    if (!box) return;
    var list = box.querySelector("ul");
    while (list.children.length < seen.length) {
      var item = document.createElement("li");
      item.textContent = seen[list.children.length];
      list.appendChild(item);
    }
    box.hidden = seen.length === 0;
  }
  function record(text) {
    seen.push(String(text));
    document.documentElement.setAttribute("data-script-errors", String(seen.length));
    paint();
  }
  window.addEventListener(
    "error",
    function (event) {
      var target = event.target;
      if (target && target !== window && target.tagName) {
        record("failed to load " + target.tagName.toLowerCase());
      } else {
        record((event.message || "error") + (event.lineno ? " (line " + event.lineno + ")" : ""));
      }
    },
    true
  );
  window.addEventListener("unhandledrejection", function (event) {
    record("unhandled rejection: " + event.reason);
  });
  var original = console.error;
  console.error = function () {
    record(Array.prototype.join.call(arguments, " "));
    return original.apply(console, arguments);
  };
  document.addEventListener("DOMContentLoaded", paint);
})();
