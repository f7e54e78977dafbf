// Progressive enhancement of the catalogue. Without this script the filters
// still work through CSS; with it, there is a full-text search, the result
// count is announced, an empty result says so, and the choice is kept in the
// address so it can be shared.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".course-card"));
  var count = document.getElementById("result-count");
  var none = document.getElementById("no-results");
  var searchBox = document.getElementById("search");
  var input = document.getElementById("search-input");
  // The filter groups the page has (render.catalogue_filters decides them), by their radios' names.
  var names = [];
  Array.prototype.forEach.call(form.querySelectorAll('input[type="radio"]'), function (radio) {
    if (names.indexOf(radio.name) === -1) names.push(radio.name);
  });
  var index = null; // slug -> {title, skills, outcomes, text} as word lists

  // Lower case, accents removed, split into words: "Één Zorg-AI" -> ["een", "zorg", "ai"].
  function words(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function chosen() {
    var out = {};
    names.forEach(function (name) {
      var checked = form.querySelector('input[name="' + name + '"]:checked');
      if (checked && checked.value) out[name] = checked.value;
    });
    return out;
  }

  function matchesFilters(card, filters) {
    return Object.keys(filters).every(function (name) {
      var values = (card.getAttribute("data-" + name) || "").split(" ");
      return values.indexOf(filters[name]) !== -1;
    });
  }

  // A score above 0 when every query word starts a word of the course; title hits weigh most.
  function score(slug, query) {
    if (!query.length) return 1;
    var entry = index && index[slug];
    if (!entry) return 0;
    var weights = {title: 8, skills: 4, outcomes: 2, text: 1};
    var total = 0;
    for (var i = 0; i < query.length; i++) {
      var best = 0;
      Object.keys(weights).forEach(function (field) {
        if (entry[field].some(function (w) { return w.indexOf(query[i]) === 0; })) {
          best = Math.max(best, weights[field]);
        }
      });
      if (!best) return 0;
      total += best;
    }
    return total;
  }

  function update(push) {
    var filters = chosen();
    // Until the index has arrived, search cannot hide anything.
    var query = input && index ? words(input.value) : [];
    var list = cards[0] && cards[0].parentNode;
    var shown = [];
    cards.forEach(function (card) {
      var s = matchesFilters(card, filters) ? score(card.getAttribute("data-slug"), query) : 0;
      card.hidden = s === 0;
      if (s) shown.push({card: card, score: s});
    });
    if (query.length && list) {  // best matches first; the catalogue's own order otherwise
      shown.sort(function (a, b) { return b.score - a.score; });
      shown.forEach(function (item) { list.appendChild(item.card); });
    } else if (list) {
      cards.forEach(function (card) { list.appendChild(card); });
    }
    count.textContent = count.getAttribute("data-template")
      .replace("{shown}", shown.length).replace("{total}", cards.length);
    none.hidden = shown.length !== 0 || cards.length === 0;  // an empty catalogue says so itself
    if (push) {
      var params = new URLSearchParams(filters);
      if (input && input.value.trim()) params.set("q", input.value.trim());
      var text = params.toString();
      history.replaceState(null, "", text ? "?" + text : location.pathname);
    }
  }

  var params = new URLSearchParams(location.search);
  names.forEach(function (name) {
    var value = params.get(name);
    if (!value) return;
    var radio = form.querySelector('input[name="' + name + '"][value="' + CSS.escape(value) + '"]');
    if (radio) radio.checked = true;
  });
  if (searchBox && input && window.fetch) {
    searchBox.hidden = false;
    input.value = params.get("q") || "";
    fetch(searchBox.getAttribute("data-index")).then(function (response) {
      return response.ok ? response.json() : [];
    }).then(function (entries) {
      index = {};
      entries.forEach(function (e) {
        index[e.slug] = {title: words(e.title), skills: words(e.skills),
                         outcomes: words(e.outcomes), text: words(e.text)};
      });
      update(false);
    }).catch(function () { input.value = ""; searchBox.hidden = true; update(false); });
    // Wait for a pause in typing, so a screen reader announces one count, not one per key.
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { update(true); }, 250);
    });
  }
  form.addEventListener("change", function () { update(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  // "reset" fires before the inputs change back, so update afterwards.
  form.addEventListener("reset", function () {
    if (input) input.value = "";
    setTimeout(function () { update(true); }, 0);
  });
  update(false);
})();
