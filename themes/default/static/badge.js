// Badge pages: adds a print button and a copy-link button, and bakes the credential into a badge image as the
// learner downloads it (baked_images: browser). Everything else works without JavaScript; what only this script
// shows, it makes itself, with its texts from the page's verify/strings.json (the [data-strings] URL), which
// verify.js asks for too: one request serves both.
(function () {
  "use strict";
  var holder = document.querySelector("[data-strings]");
  var actions = document.querySelector(".share .actions");
  if (!holder || !actions) return;  // not a valid credential's page: nothing to share
  // Without its texts the page stays as it is without JavaScript (baking works, it only cannot say it failed).
  var texts = fetchStrings(holder.getAttribute("data-strings"));
  setUpBaking();
  texts.then(function (strings) {
    offerPrint(strings);
    offerCopy(strings);
  }, function () {});

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

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function button(text, hook) {
    var made = make("button", "button-secondary", text);
    made.type = "button";
    made.setAttribute(hook, "");
    return made;
  }

  function offerPrint(strings) {
    if (!strings.print) return;
    var print = button(strings.print, "data-print");
    print.addEventListener("click", function () { window.print(); });
    actions.appendChild(make("li")).appendChild(print);
  }

  // Copying the page's address: beside the e-mail link. The clipboard needs a secure context (https, or
  // localhost); elsewhere the button would only fail.
  function offerCopy(strings) {
    var mail = document.querySelector("a[data-share-mail]");
    var address = document.querySelector("meta[property='og:url']");
    if (!mail || !address || !strings.copy_link || !navigator.clipboard || !window.isSecureContext) return;
    var item = make("li");
    var copy = item.appendChild(button(strings.copy_link, "data-copy-link"));
    var status = item.appendChild(make("span", "copy-status"));
    status.setAttribute("role", "status");
    status.setAttribute("data-copy-status", "");
    mail.parentNode.parentNode.insertBefore(item, mail.parentNode.nextSibling);
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(address.getAttribute("content")).then(function () {
        status.textContent = strings.copy_done || "";
      }, function () {
        status.textContent = strings.copy_failed || "";
      });
    });
  }

  // Open Badges 3.0 baking, byte for byte as credsite's own (generator/site/badges.py) so a download here equals
  // the file a build with baked_images: build writes.
  function setUpBaking() {
    var links = document.querySelectorAll("[data-bake]");
    var credentialLink = document.querySelector("link[rel=alternate][type='application/vc+ld+json']");
    if (!links.length || !credentialLink || !window.fetch || !window.Blob || !window.URL) return;
    // Named after the credential, as the JSON download is: <uuid>.png, <uuid>.svg.
    var json = document.querySelector("a[download$='.json']");
    var stem = json ? json.getAttribute("download").replace(/\.json$/, "") : "badge";
    // Said when a download fails; there from the start, so screen readers announce what it comes to say.
    var status = make("p", "small");
    status.setAttribute("role", "status");
    status.setAttribute("data-bake-status", "");
    actions.parentNode.insertBefore(status, actions.nextSibling);
    Array.prototype.forEach.call(links, function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var kind = link.getAttribute("data-bake");
        Promise.all([fetchBytes(link.href), fetchBytes(credentialLink.href)]).then(function (parts) {
          var baked = kind === "png" ? bakePng(parts[0], parts[1]) : bakeSvg(parts[0], parts[1]);
          save(baked, kind === "png" ? "image/png" : "image/svg+xml", link.getAttribute("download") || stem + "." + kind);
          status.textContent = "";
        }).catch(function () {
          texts.then(function (strings) { status.textContent = strings.bake_failed || ""; }, function () {});
        });
      });
    });
  }

  function fetchBytes(url) {
    return fetch(url, { cache: "no-store" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.arrayBuffer();
    }).then(function (buffer) { return new Uint8Array(buffer); });
  }

  function save(bytes, type, name) {
    var url = URL.createObjectURL(new Blob([bytes], { type: type }));
    var anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = name;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  var KEYWORD = "openbadgecredential";

  // One uncompressed iTXt chunk: keyword, NUL, compression flag and method 0, empty language tag and translated
  // keyword (each NUL-ended), then the credential's bytes; placed right before IEND.
  function bakePng(png, credential) {
    var iend = -1;
    for (var at = 8; at + 8 <= png.length;) {
      var length = ((png[at] << 24) >>> 0) + (png[at + 1] << 16) + (png[at + 2] << 8) + png[at + 3];
      var type = String.fromCharCode(png[at + 4], png[at + 5], png[at + 6], png[at + 7]);
      if (type === "IEND") { iend = at; break; }
      at += 12 + length;
    }
    if (iend < 0) throw new Error("not a PNG image");
    var head = ascii("iTXt" + KEYWORD + "\0\0\0\0\0");
    var typeAndBody = concat([head, credential]);
    var chunk = concat([uint32(typeAndBody.length - 4), typeAndBody, uint32(crc32(typeAndBody))]);
    return concat([png.subarray(0, iend), chunk, png.subarray(iend)]);
  }

  // The credential in <openbadges:credential> as the root element's first child, in CDATA.
  var SVG_START = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<svg\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/gi;
  function bakeSvg(svgBytes, credential) {
    var svg = new TextDecoder("utf-8", { fatal: true }).decode(svgBytes);
    var text = new TextDecoder("utf-8", { fatal: true }).decode(credential);
    var match, root = null;
    SVG_START.lastIndex = 0;
    while ((match = SVG_START.exec(svg))) {
      if (match[0].slice(0, 4).toLowerCase() === "<svg") { root = match; break; }
    }
    if (!root) throw new Error("not an SVG document");
    var attributes = root[1], empty = root[2];
    if (attributes.indexOf("xmlns:openbadges") < 0) {
      attributes += ' xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"';
    }
    var element = "<openbadges:credential><![CDATA[" + text.split("]]>").join("]]]]><![CDATA[>") +
      "]]></openbadges:credential>";
    var out = svg.slice(0, root.index) + "<svg" + attributes + ">" + element + (empty ? "</svg>" : "") +
      svg.slice(root.index + root[0].length);
    return new TextEncoder().encode(out);
  }

  function ascii(text) {
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  function uint32(value) {
    return new Uint8Array([value >>> 24 & 255, value >>> 16 & 255, value >>> 8 & 255, value & 255]);
  }

  function concat(parts) {
    var size = 0;
    parts.forEach(function (part) { size += part.length; });
    var out = new Uint8Array(size), at = 0;
    parts.forEach(function (part) { out.set(part, at); at += part.length; });
    return out;
  }

  var CRC_TABLE = null;
  function crc32(bytes) {
    if (!CRC_TABLE) {
      CRC_TABLE = new Uint32Array(256);
      for (var n = 0; n < 256; n++) {
        var c = n;
        for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        CRC_TABLE[n] = c >>> 0;
      }
    }
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 255] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }
})();
