// Checks a credential in the visitor's own browser, when asked: on a badge page the credential the
// page is about, on the verify page any credential the visitor gives. The verifier module
// (generator/data/verifier/, built from Digital Bazaar's libraries) is loaded only on that click.
// Without JavaScript both pages stay complete: the badge page shows the build's status, the
// verify page says the check needs JavaScript.
//
// Everything a credential says is shown with textContent, never as HTML: the file may be anyone's.
//
// Its texts come with it: verify/strings.json in the page's language, so no page carries them. The
// verify page fetches them on the first click (the few words needed before they arrive are in its data
// attributes); a badge page fetches them as it loads, builds its "Check now" box from them and only then
// shows it (badge.js asks for the same file: one request serves both).
(function () {
  "use strict";
  var strings = {};
  var lang = document.documentElement.lang || "en";

  function say(key, values) {
    var text = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key;
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function moment(iso, withTime) {
    var date = new Date(iso);
    if (!iso || isNaN(date.getTime())) return iso || "";
    var options = withTime ? {dateStyle: "long", timeStyle: "short"} : {dateStyle: "long"};
    try { return new Intl.DateTimeFormat(lang, options).format(date); } catch (e) { return date.toISOString(); }
  }

  // One import per page; a failed one may be tried again.
  var loading = null;
  function verifier(url) {
    if (!loading) {
      // A relative specifier in import() resolves against this script's address, not the page's.
      loading = import(new URL(url, document.baseURI).href).catch(function (error) { loading = null; throw error; });
    }
    return loading;
  }

  // The texts, loaded once per page for this script and badge.js; a failed load may be tried again.
  // Revalidated, so a changed theme shows at once.
  function fetchStrings(url) {
    var shared = window.credsiteStrings || (window.credsiteStrings = {});
    var href = new URL(url, document.baseURI).href;
    if (!shared[href]) {
      shared[href] = fetch(href, {cache: "no-cache"}).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      });
      shared[href].catch(function () { delete shared[href]; });
    }
    return shared[href];
  }

  function loadStrings(url) {
    return fetchStrings(url).then(function (loaded) { strings = loaded; });
  }

  // The texts and the verifier module named by `element`'s data attributes: both, or a rejection.
  function ready(element) {
    return Promise.all([loadStrings(element.getAttribute("data-strings")),
                        verifier(element.getAttribute("data-module"))]).then(function (both) { return both[1]; });
  }

  // The status list may be cached by the browser for hours; a check "now" must read it now.
  function fetchNow(url, init) { return fetch(url, Object.assign({cache: "no-store"}, init || {})); }

  function slug(verdict) { return String(verdict).replace(/ /g, "_"); }

  function byName(result, name) {
    for (var i = 0; i < result.checks.length; i++) if (result.checks[i].check === name) return result.checks[i];
    return {status: "not checked", code: "", detail: {}};
  }

  // Each check as one line in plain words: [state, text]. state: ok | failed | unknown | none.
  function proofLine(check) {
    if (check.status === "ok") return ["ok", say("check_proof_ok")];
    if (check.status === "failed") return ["failed", say("check_proof_failed")];
    return ["unknown", say("check_proof_not_checked")];
  }

  function keyLine(check, issuer) {
    var host = (check.detail && check.detail.host) || issuer.host || issuer.id;
    if (check.status === "ok") {
      return ["ok", issuer.method === "did:key" ? say("check_key_ok_key") : say("check_key_ok_web", {host: host})];
    }
    if (check.status === "failed") {
      return ["failed", say(check.code === "bad-issuer" ? "check_key_bad_issuer" : "check_key_failed")];
    }
    return ["unknown", say("check_key_not_checked", {host: host})];
  }

  function statusLine(check) {
    var time = moment(check.detail && check.detail.fetchedAt, true);
    if (check.status === "ok") return ["ok", say("check_status_ok", {time: time})];
    if (check.status === "not applicable") return ["none", say("check_status_none")];
    if (check.code === "revoked") return ["failed", say("check_status_revoked", {time: time})];
    if (check.code === "suspended") return ["failed", say("check_status_suspended", {time: time})];
    if (check.status === "failed") return ["failed", say("check_status_failed")];
    return ["unknown", say("check_status_not_checked")];
  }

  function datesLine(check, credential) {
    var from = moment(credential.validFrom), until = moment(credential.validUntil);
    if (check.status === "ok") {
      return ["ok", credential.validUntil ? say("check_dates_ok_until", {from: from, until: until})
                                          : say("check_dates_ok", {from: from})];
    }
    if (check.code === "expired") return ["failed", say("check_dates_expired", {until: until})];
    if (check.code === "not-yet-valid") return ["failed", say("check_dates_not_yet", {from: from})];
    if (check.status === "failed") return ["failed", say("check_dates_failed")];
    return ["unknown", say("check_dates_failed")];
  }

  function contextsLine(check) {
    if (check.status !== "failed") return null;  // only worth a line when it is what went wrong
    var unknown = (check.detail && check.detail.unknown) || [];
    return ["failed", say("check_contexts_failed", {urls: unknown.join(", ")})];
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var MARKS = {ok: "✓", failed: "✗", unknown: "?", none: "–"};

  // options: {siteDid, institution, buildStatus, buildDate, showIssuer}
  function show(container, result, options) {
    container.textContent = "";
    var verdict = element("p", "check-verdict check-" + slug(result.verdict));
    verdict.appendChild(element("strong", "", say("check_verdict_" + slug(result.verdict))));
    container.appendChild(verdict);

    // A definite answer that contradicts the page (revoked since the build, or an edited copy).
    if (options.buildStatus && result.verdict !== "not checked" && result.verdict !== options.buildStatus) {
      container.appendChild(element("p", "check-differs", say("check_differs", {
        date: options.buildDate, verdict: say("check_word_" + slug(result.verdict))})));
    }

    var issuer = result.issuer || {};
    var own = options.siteDid && issuer.id === options.siteDid;
    if (options.showIssuer || !own) {
      var key = own ? "check_this_issuer" : issuer.name ? "check_other_issuer" : "check_other_issuer_unnamed";
      container.appendChild(element("p", own ? "check-issuer" : "check-issuer check-other-issuer", say(key, {
        institution: options.institution, did: issuer.id || "?", name: issuer.name || ""})));
    }

    var c = result.credential || {};
    if (c.name) {
      container.appendChild(element("p", "check-facts", say(c.subject ? "check_signed_facts" : "check_signed_facts_unnamed", {
        achievement: c.name, subject: c.subject, issuer: issuer.name || issuer.id || "?"})));
    }

    container.appendChild(element("p", "check-steps-heading", say("check_steps")));
    var list = element("ul", "check-steps");
    var lines = [proofLine(byName(result, "proof")), keyLine(byName(result, "issuer key"), issuer),
                 statusLine(byName(result, "status")), datesLine(byName(result, "dates"), c),
                 contextsLine(byName(result, "contexts"))];
    lines.forEach(function (line) {
      if (!line) return;
      var item = element("li", "step step-" + line[0]);
      item.setAttribute("data-step", line[0]);
      item.appendChild(element("span", "step-mark", MARKS[line[0]])).setAttribute("aria-hidden", "true");
      item.appendChild(element("span", "", line[1]));
      list.appendChild(item);
    });
    container.appendChild(list);
    container.setAttribute("data-verdict", result.verdict);
  }

  function showError(container, key) {
    showText(container, say(key));
  }

  function showText(container, text) {
    container.textContent = "";
    container.appendChild(element("p", "check-verdict check-error", text));
    container.setAttribute("data-verdict", "error");
  }

  // ------------------------------------------------------------ a badge page

  // The box is empty in the page: its intro, button and result area are made here, in the page's language,
  // once the texts have arrived. Without them (or without JavaScript) the page goes without the check.
  function badgePage(box) {
    loadStrings(box.getAttribute("data-strings")).then(function () { offerCheck(box); }, function () {});
  }

  function offerCheck(box) {
    var button = element("button", "button-secondary", say("check_now"));
    button.type = "button";
    button.setAttribute("data-check-now", "");
    var result = element("div", "check-result");
    result.setAttribute("data-check-result", "");
    result.setAttribute("aria-live", "polite");
    box.appendChild(element("p", "small", say("check_intro")));
    box.appendChild(element("p")).appendChild(button);
    box.appendChild(result);
    box.classList.add("live-check");
    box.hidden = false;
    // The credential the page is about: named by the box, else by the page's link to it.
    var link = document.querySelector("link[rel=alternate][type='application/vc+ld+json']");
    var named = box.getAttribute("data-credential") || (link && link.getAttribute("href"));
    // What the build said: the box may name it; the status-<status> class of the page's article always does.
    var said = box.getAttribute("data-build-status") || "";
    for (var node = box; !said && node && node.className !== undefined; node = node.parentNode) {
      var found = /(?:^|\s)status-(valid|revoked|expired|suspended|not-yet-valid)(?:\s|$)/.exec(node.className);
      if (found) said = found[1].replace(/-/g, " ");
    }
    button.addEventListener("click", function () {
      button.disabled = true;
      button.textContent = say("check_checking");
      result.setAttribute("aria-busy", "true");
      var credentialUrl = new URL(named, document.baseURI).href;
      ready(box).then(function (module) {
        return fetch(credentialUrl, {cache: "no-store"}).then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.text();
        }).then(function (text) {
          return module.readCredential(text);
        }).then(function (read) {
          return module.verify(read.credential, {fetch: fetchNow});
        }).then(function (outcome) {
          show(result, outcome, {siteDid: box.getAttribute("data-site-did"),
                                 institution: box.getAttribute("data-institution"),
                                 buildStatus: said,
                                 buildDate: box.getAttribute("data-build-date")});
        }, function () {
          showError(result, "check_error_fetch_failed");
        });
      }, function () {
        showError(result, "check_load_failed");
      }).then(function () {
        result.removeAttribute("aria-busy");
        button.disabled = false;
        button.textContent = say("check_again");
      });
    });
  }

  // ------------------------------------------------------------ the verify page

  function verifyPage(form) {
    var section = document.querySelector("[data-verify-section]");
    var result = section.querySelector("[data-check-result]");
    var heading = section.querySelector("h2");
    var fileInput = form.querySelector("input[type=file]");
    var textInput = form.querySelector("textarea");
    var zone = form.querySelector("[data-drop-zone]");
    var options = {siteDid: form.getAttribute("data-site-did"), institution: form.getAttribute("data-institution"),
                   showIssuer: true};
    form.hidden = false;

    function run(input) {
      section.hidden = false;
      result.setAttribute("aria-busy", "true");
      result.textContent = form.getAttribute("data-checking");
      result.removeAttribute("data-verdict");
      ready(form).then(function (module) {
        return module.readCredential(input, {fetch: fetchNow}).then(function (read) {
          return module.verify(read.credential, {fetch: fetchNow}).then(function (outcome) { show(result, outcome, options); });
        }, function (error) {
          var code = error && error.code ? String(error.code).replace(/-/g, "_") : "unsupported";
          showError(result, strings["check_error_" + code] ? "check_error_" + code : "check_error_unsupported");
        });
      }, function () {
        showText(result, form.getAttribute("data-load-failed"));
      }).then(function () {
        result.removeAttribute("aria-busy");
        heading.focus();
      });
    }

    fileInput.addEventListener("change", function () {
      if (fileInput.files && fileInput.files[0]) run(fileInput.files[0]);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (fileInput.files && fileInput.files[0] && !textInput.value.trim()) return run(fileInput.files[0]);
      if (!textInput.value.trim()) {
        section.hidden = false;
        return loadStrings(form.getAttribute("data-strings")).then(function () {
          showError(result, "check_error_empty");
        }, function () {
          showText(result, form.getAttribute("data-load-failed"));
        });
      }
      run(textInput.value.trim());
    });
    zone.addEventListener("dragover", function (event) {
      event.preventDefault();
      zone.classList.add("drop-active");
    });
    zone.addEventListener("dragleave", function () { zone.classList.remove("drop-active"); });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      zone.classList.remove("drop-active");
      var file = event.dataTransfer && event.dataTransfer.files && event.dataTransfer.files[0];
      if (file) run(file);
    });
  }

  var box = document.querySelector("[data-live-check]");
  if (box) badgePage(box);
  var form = document.querySelector("[data-verify-form]");
  if (form) verifyPage(form);
})();
