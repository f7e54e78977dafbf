// Adds a print button and a copy-link button to badge pages; everything else works without JavaScript.
(function () {
  "use strict";
  var button = document.querySelector("[data-print]");
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }

  var copy = document.querySelector("[data-copy]");
  var link = document.querySelector("[data-copy-link]");
  var status = document.querySelector("[data-copy-status]");
  // The clipboard needs a secure context (https, or localhost); elsewhere the button would only fail.
  if (!copy || !link || !status || !navigator.clipboard || !window.isSecureContext) return;
  copy.hidden = false;
  link.addEventListener("click", function () {
    navigator.clipboard.writeText(link.getAttribute("data-copy-link")).then(function () {
      status.textContent = status.getAttribute("data-done");
    }, function () {
      status.textContent = status.getAttribute("data-failed");
    });
  });
})();
