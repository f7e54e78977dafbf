"""The in-browser verifier that badge pages and the verify page load when a visitor asks for a check.

It is a vendored ES module, built from pinned npm packages by verifier/build.mjs
(verifier/README.md); its packages, licences and digest are recorded in
generator/data/verifier/sources.json. The site publishes it unchanged.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

BUNDLE = Path(__file__).resolve().parents[1] / "data" / "verifier" / "credsite-verifier.js"


def bundle() -> bytes:
    return BUNDLE.read_bytes()


@functools.cache
def version() -> str:
    """A short digest of the bundle, so a browser never keeps an old verifier after an upgrade."""
    return hashlib.sha256(bundle()).hexdigest()[:10]
