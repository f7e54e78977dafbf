"""JSON-LD processing guarded against silent data loss.

pyld drops terms no context defines and resolves relative IRIs against a
made-up base; a signed or published document must do neither (see
shared reference standards.md 6.4). These helpers find both.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from importlib import resources

from frozendict import frozendict
from pyld import jsonld  # type: ignore[import-untyped]  # pyld ships no type information

from generator.credentials.document_loader import make_loader

# Where credentials issued before credsite embedded its context pointed. Nothing serves
# it (w3id.org has no such entry), so no verifier can load it: it is known here only
# so that such credentials can still be checked and reissued (closed_world refuses it).
LEGACY_EXTENSION_CONTEXT_URL = "https://w3id.org/credsite/ns/v1"


@functools.cache
def extension_context() -> dict:
    """Our own context for the EU elements Open Badges 3.0 has no field for."""
    path = resources.files("generator") / "contexts" / "credsite-v1.jsonld"
    return json.loads(path.read_bytes())


def loader(extra: dict[str, dict] | None = None):
    if not extra:
        return _default_loader()
    return make_loader(extra, immutable={LEGACY_EXTENSION_CONTEXT_URL: extension_context()})


@functools.cache
def _default_loader():
    # One object, so expansions with it can share the node cache (see Processor._expand).
    return make_loader(None, immutable={LEGACY_EXTENSION_CONTEXT_URL: extension_context()})


# Processed scoped contexts and expanded nodes, shared by every expansion in
# this process (see Processor).
_SCOPED: dict[tuple, tuple] = {}
_NODES: dict[tuple, tuple] = {}
_CACHE_LIMIT = 50_000
_NOT_OPTIONS = ("documentLoader", "contextResolver")


class Processor(jsonld.JsonLdProcessor):
    """pyld's processor, remembering the type- and property-scoped contexts it processed.

    pyld re-processes a scoped context for every node that uses it, because each
    time it starts from a fresh copy of the active context; for an Open Badges
    credential that is most of the expansion. The result depends only on the
    active context (named by its _uuid), the scoped context object and the flags,
    so it is kept and reused: expansion becomes about seven times faster, with
    identical output (tests/test_canonical_backends.py compares both).

    It also remembers expanded identified nodes (objects with an "id"): every
    credential of a course carries the same achievement and issuer, byte for
    byte, and expanding them is half the work of a credential.
    """

    def __init__(self, on_property_dropped=None):
        self._dropped = 0
        user = on_property_dropped

        def count(term):
            self._dropped += 1
            if user:
                user(term)

        super().__init__(on_property_dropped=count)

    def _expand(self, active_ctx, active_property, element, options, inside_list=False, inside_index=False,
                type_scoped_ctx=None):
        key = self._node_key(active_ctx, active_property, element, options, inside_list, inside_index,
                             type_scoped_ctx)
        if key is None:
            return super()._expand(active_ctx, active_property, element, options, inside_list, inside_index,
                                   type_scoped_ctx)
        hit = _NODES.get(key)
        if hit is not None and hit[0] is options["documentLoader"]:
            return json.loads(hit[1])  # a fresh copy: callers own what they get
        dropped = self._dropped
        result = super()._expand(active_ctx, active_property, element, options, inside_list, inside_index,
                                 type_scoped_ctx)
        # A node that lost a term is never remembered, so every document holding
        # it reports the loss itself.
        if self._dropped == dropped:
            if len(_NODES) >= _CACHE_LIMIT:
                _NODES.clear()
            # Not ASCII: json.loads would read two escaped surrogates back as the one character they encode.
            _NODES[key] = (options["documentLoader"], json.dumps(result, ensure_ascii=False))
        return result

    @staticmethod
    def _node_key(active_ctx, active_property, element, options, inside_list, inside_index, type_scoped_ctx):
        """The cache key of an identified node: everything its expansion depends on, or None."""
        if active_property is None:  # a whole document is never seen twice
            return None
        if not isinstance(element, dict) or "id" not in element or not isinstance(active_ctx, Mapping):
            return None
        uid = active_ctx.get("_uuid")
        scoped = type_scoped_ctx.get("_uuid") if isinstance(type_scoped_ctx, Mapping) else None
        if uid is None or (type_scoped_ctx is not None and scoped is None):
            return None
        try:
            # Not ASCII: escaped, two surrogates and the one character they encode would share a key.
            text = json.dumps(element, ensure_ascii=False)
        except (TypeError, ValueError):
            return None
        settings = repr(sorted((k, v) for k, v in options.items() if k not in _NOT_OPTIONS))
        # The loader's identity is checked on a hit; its id keeps loaders apart here.
        return (uid, scoped, active_property, inside_list, inside_index, settings,
                id(options.get("documentLoader")), text)

    def _process_context(self, active_ctx, local_ctx, options, override_protected=False, propagate=True,
                         validate_scoped=True, cycles=None):
        uid = active_ctx.get("_uuid") if isinstance(active_ctx, Mapping) else None
        if uid is None or cycles or not isinstance(local_ctx, Mapping) or not local_ctx:
            return super()._process_context(active_ctx, local_ctx, options, override_protected, propagate,
                                            validate_scoped, cycles)
        key = (uid, id(local_ctx), override_protected, propagate, validate_scoped,
               options.get("processingMode"))
        hit = _SCOPED.get(key)
        # Holding local_ctx in the entry keeps its id from being reused by another object.
        if hit is not None and hit[0] is local_ctx:
            return hit[1]
        result = super()._process_context(active_ctx, local_ctx, options, override_protected, propagate,
                                          validate_scoped, cycles)
        if isinstance(result, frozendict):  # only results nobody can change are shared
            if len(_SCOPED) >= _CACHE_LIMIT:
                _SCOPED.clear()
            _SCOPED[key] = (local_ctx, result)
        return result


def expand(document: dict, loader, on_property_dropped=None) -> list:
    """Expand with our offline loader, no base IRI, and the scoped-context cache."""
    return Processor(on_property_dropped).expand(document, {"documentLoader": loader, "base": None})


def data_loss(document: dict, extra: dict[str, dict] | None = None) -> list[str]:
    """Terms or IRIs that would vanish or change meaning on expansion; empty when clean."""
    dropped: list[str] = []

    def on_dropped(term):
        dropped.append(f"'{term}' is not defined by any @context")

    expanded = expand(document, loader(extra), on_dropped)
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
