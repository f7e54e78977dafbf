"""Shipped JSON-LD contexts and the offline document loader."""

import hashlib
import json
from importlib import resources

import pytest
from pyld import jsonld

from conftest import VENDOR, vendor_sources
from generator.credentials.document_loader import (
    UnknownContextError,
    make_loader,
    shipped_contexts,
    unwrap_loader_error,
)

CONTEXTS = resources.files("generator") / "contexts"
SOURCES = json.loads((CONTEXTS / "sources.json").read_text(encoding="utf-8"))
# Each context as its standard publishes it (tests/vendor/contexts/sources.json names the source).
REFERENCE = {entry["url"]: VENDOR / "contexts" / entry["file"] for entry in vendor_sources("contexts")}


@pytest.mark.parametrize("entry", SOURCES, ids=lambda e: e["file"])
def test_listed_file_matches_digest(entry):
    data = (CONTEXTS / entry["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    assert set(entry) >= {"url", "file", "npm_package", "npm_version", "path_in_package", "sha256"}


def test_every_shipped_context_equals_the_one_its_standard_publishes():
    shipped = shipped_contexts()
    assert shipped and set(shipped) <= set(REFERENCE), "a shipped context has no copy in tests/vendor/contexts"
    for url, document in shipped.items():
        assert document == json.loads(REFERENCE[url].read_bytes()), url


def test_loader_serves_every_shipped_url(no_network):
    load = make_loader()
    for entry in SOURCES:
        remote = load(entry["url"])
        assert remote["documentUrl"] == entry["url"]
        assert remote["contextUrl"] is None
        assert remote["document"] == json.loads((CONTEXTS / entry["file"]).read_bytes())


def test_loader_rejects_unknown_url(no_network):
    with pytest.raises(UnknownContextError) as info:
        make_loader()("https://example.com/x.jsonld", {})
    assert info.value.url == "https://example.com/x.jsonld"
    assert "never fetches contexts from the network" in str(info.value)
    assert "https://www.w3.org/ns/credentials/v2" in str(info.value)


def test_extra_documents_are_served(no_network):
    extra = {"https://example.org/ctx": {"@context": {"foo": "https://example.org/foo"}}}
    assert make_loader(extra)("https://example.org/ctx")["document"] == extra["https://example.org/ctx"]


def _credential(*contexts):
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2", *contexts],
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": "https://issuer.example/",
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {
            "type": "AchievementSubject",
            "achievement": {"id": "urn:uuid:1", "type": "Achievement", "name": "Test"},
        },
    }


def test_expand_vc2_offline(no_network):
    doc = _credential("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")
    expanded = jsonld.expand(doc, {"documentLoader": make_loader()})
    assert expanded[0]["@type"] == [
        "https://www.w3.org/2018/credentials#VerifiableCredential",
        "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential",
    ]


def test_expand_unknown_context_fails(no_network):
    doc = _credential("https://example.com/x.jsonld")
    with pytest.raises(jsonld.JsonLdError) as info:
        jsonld.expand(doc, {"documentLoader": make_loader()})
    cause = unwrap_loader_error(info.value)
    assert isinstance(cause, UnknownContextError)
    assert cause.url == "https://example.com/x.jsonld"
