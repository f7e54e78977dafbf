// Adds a print button and a copy-link button to badge pages, and bakes the credential into a badge image as the
// learner downloads it (baked_images: browser); everything else works without JavaScript.
(function () {
  "use strict";
  setUpBaking();
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

  // Open Badges 3.0 baking, byte for byte as credsite's own (generator/site/badges.py) so a download here equals
  // the file a build with baked_images: build writes.
  function setUpBaking() {
    var links = document.querySelectorAll("[data-bake]");
    var credentialLink = document.querySelector("link[rel=alternate][type='application/vc+ld+json']");
    var status = document.querySelector("[data-bake-status]");
    if (!links.length || !credentialLink || !window.fetch || !window.Blob || !window.URL) return;
    Array.prototype.forEach.call(links, function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var kind = link.getAttribute("data-bake");
        Promise.all([fetchBytes(link.href), fetchBytes(credentialLink.href)]).then(function (parts) {
          var baked = kind === "png" ? bakePng(parts[0], parts[1]) : bakeSvg(parts[0], parts[1]);
          save(baked, kind === "png" ? "image/png" : "image/svg+xml", link.getAttribute("download"));
          if (status) status.textContent = "";
        }).catch(function () {
          if (status) status.textContent = status.getAttribute("data-failed");
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
