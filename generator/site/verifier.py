"""The in-browser verifier that badge pages and the verify page load when a visitor asks for a check.

It is a vendored ES module, built from pinned npm packages by verifier/build.mjs
(verifier/README.md); its packages, licences and digest are recorded in
generator/data/verifier/sources.json. The site publishes it unchanged.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

BUNDLE = Path(__file__).resolve().parents[1] / "data" / "verifier" / "credsite-verifier.js"


def bundle() -> bytes:
    return BUNDLE.read_bytes()


@functools.cache
def version() -> str:
    """A short digest of the bundle, so a browser never keeps an old verifier after an upgrade."""
    return hashlib.sha256(bundle()).hexdigest()[:10]


def check_strings(strings: dict[str, str]) -> bytes:
    """The texts of one language's i18n strings that only scripts show: the `check_` texts, for
    themes/default/static/verify.js, and the badge page's buttons and messages that themes/default/static/badge.js
    makes, so badge pages do not carry them."""
    badge_js = ("print", "copy_link", "copy_done", "copy_failed", "bake_failed")
    return json.dumps({key: text for key, text in sorted(strings.items())
                       if key.startswith("check_") or key in badge_js},
                      ensure_ascii=False, sort_keys=True).encode()
