// Progressive enhancement of the catalogue filter. Without this script the
// filter still works through CSS; with it, the result count is announced, an
// empty result says so, and the choice is kept in the address for sharing.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".course-card"));
  var count = document.getElementById("result-count");
  var none = document.getElementById("no-results");
  var names = ["ects", "eqf", "lang", "field", "mode"];

  function chosen() {
    var out = {};
    names.forEach(function (name) {
      var input = form.querySelector('input[name="' + name + '"]:checked');
      if (input && input.value) out[name] = input.value;
    });
    return out;
  }

  function matches(card, filters) {
    return Object.keys(filters).every(function (name) {
      var values = (card.getAttribute("data-" + name) || "").split(" ");
      return values.indexOf(filters[name]) !== -1;
    });
  }

  function update(push) {
    var filters = chosen();
    var shown = 0;
    cards.forEach(function (card) {
      var ok = matches(card, filters);
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = count.getAttribute("data-template")
      .replace("{shown}", shown).replace("{total}", cards.length);
    none.hidden = shown !== 0;
    if (push) {
      var params = new URLSearchParams(filters).toString();
      history.replaceState(null, "", params ? "?" + params : location.pathname);
    }
  }

  var params = new URLSearchParams(location.search);
  names.forEach(function (name) {
    var value = params.get(name);
    if (!value) return;
    var input = form.querySelector('input[name="' + name + '"][value="' + CSS.escape(value) + '"]');
    if (input) input.checked = true;
  });
  form.addEventListener("change", function () { update(true); });
  // "reset" fires before the inputs change back, so update afterwards.
  form.addEventListener("reset", function () { setTimeout(function () { update(true); }, 0); });
  update(false);
})();
