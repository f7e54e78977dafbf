"""Files that tell static hosts how to serve the site: content types, CORS, caching."""

from __future__ import annotations

from generator.credentials import statuslist
from generator.model import Site

JSON_LD = "application/ld+json"
CREDENTIAL = "application/vc+ld+json"  # what OB 3.0 says a credential SHOULD be served as
IMAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"


def headers_file(site: Site) -> bytes:
    """Netlify / Cloudflare Pages `_headers`: verifiers fetch JSON-LD from any origin.

    Paths are relative to the folder the host serves, so a site under a sub-path
    (https://host/a/b/) is assumed to be served from that folder's root on such hosts.
    """
    status_seconds = statuslist.TTL_MS // 1000
    rules = [
        ("/*", ["X-Content-Type-Options: nosniff", "Referrer-Policy: strict-origin-when-cross-origin"]),
        ("/badges/*/credential.json", [f"Content-Type: {CREDENTIAL}", "Access-Control-Allow-Origin: *",
                                       "Cache-Control: public, max-age=3600"]),
        ("/achievements/*", [f"Content-Type: {JSON_LD}", "Access-Control-Allow-Origin: *",
                             "Cache-Control: public, max-age=3600"]),
        ("/issuer.json", [f"Content-Type: {JSON_LD}", "Access-Control-Allow-Origin: *",
                          "Cache-Control: public, max-age=3600"]),
        ("/did.json", ["Content-Type: application/did+ld+json", "Access-Control-Allow-Origin: *",
                       "Cache-Control: public, max-age=300"]),
        ("/.well-known/did.json", ["Content-Type: application/did+ld+json", "Access-Control-Allow-Origin: *",
                                   "Cache-Control: public, max-age=300"]),
        ("/status/*", [f"Content-Type: {JSON_LD}", "Access-Control-Allow-Origin: *",
                       f"Cache-Control: public, max-age={status_seconds}"]),
        ("/ns/*", [f"Content-Type: {JSON_LD}", "Access-Control-Allow-Origin: *",
                   "Cache-Control: public, max-age=86400"]),
        ("/badges/*", ["X-Robots-Tag: noindex"]),
        *((f"/{lang}/badges/*", ["X-Robots-Tag: noindex"]) for lang in site.languages[1:]),
        # Images are checked when built; should one still hold script, opened on its own it may not run.
        *((path, [f"Content-Security-Policy: {IMAGE_POLICY}"])
          for path in ("/images/*", "/static/*", "/badges/*/badge.svg")),
    ]
    lines = []
    for path, headers in rules:
        lines.append(path)
        lines.extend(f"  {h}" for h in headers)
    return ("\n".join(lines) + "\n").encode()

