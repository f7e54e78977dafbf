"""JSON-LD processing guarded against silent data loss.

pyld drops terms no context defines and resolves relative IRIs against a
made-up base; a signed or published document must do neither (see
shared reference standards.md 6.4). These helpers find both.
"""

from __future__ import annotations

import functools
import json
from importlib import resources

from pyld import jsonld

from generator import routes
from generator.document_loader import make_loader


@functools.lru_cache(maxsize=None)
def extension_context() -> dict:
    """Our own context for the EU elements Open Badges 3.0 has no field for."""
    path = resources.files("generator") / "contexts" / "credsite-v1.jsonld"
    return json.loads(path.read_bytes())


def loader(extra: dict[str, dict] | None = None):
    return make_loader(extra, immutable={routes.EXTENSION_CONTEXT_URL: extension_context()})


def data_loss(document: dict, extra: dict[str, dict] | None = None) -> list[str]:
    """Terms or IRIs that would vanish or change meaning on expansion; empty when clean."""
    dropped: list[str] = []

    def on_dropped(term):
        dropped.append(f"'{term}' is not defined by any @context")

    expanded = jsonld.expand(document, {"documentLoader": loader(extra), "base": None},
                             on_property_dropped=on_dropped)
    dropped.extend(_relative_iris(expanded))
    return dropped


def _relative_iris(node, path: str = "") -> list[str]:
    found = []
    if isinstance(node, list):
        for item in node:
            found.extend(_relative_iris(item, path))
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in ("@id", "@type"):
                for iri in value if isinstance(value, list) else [value]:
                    if isinstance(iri, str) and ":" not in iri and not iri.startswith("@"):
                        found.append(f"'{iri}' at {path or 'top'} is a relative IRI")
            else:
                found.extend(_relative_iris(value, key))
    return found
