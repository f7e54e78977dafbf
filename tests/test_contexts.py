"""Shipped JSON-LD contexts and the offline document loader."""

import hashlib
import json
import socket
from importlib import resources
from pathlib import Path

import pytest
from pyld import jsonld

from generator.credentials.document_loader import (
    UnknownContextError,
    make_loader,
    shipped_contexts,
    unwrap_loader_error,
)

CONTEXTS = resources.files("generator") / "contexts"
SOURCES = json.loads((CONTEXTS / "sources.json").read_text(encoding="utf-8"))
SHARED = Path(__file__).resolve().parents[2] / "shared" / "standards" / "contexts"


@pytest.fixture
def no_network(monkeypatch):
    # Any connection attempt fails the test, proving the loader is offline.
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize("entry", SOURCES, ids=lambda e: e["file"])
def test_listed_file_matches_digest(entry):
    data = (CONTEXTS / entry["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    assert set(entry) >= {"url", "file", "npm_package", "npm_version", "path_in_package", "sha256"}


def test_matches_shared_reference_copies():
    if not SHARED.is_dir():
        pytest.skip("reference copies in ../shared not present")
    manifest = json.loads((SHARED / "manifest.json").read_text(encoding="utf-8"))["contexts"]
    compared = 0
    for url, document in shipped_contexts().items():
        if url in manifest:
            reference = json.loads((SHARED / manifest[url]["file"]).read_bytes())
            assert document == reference, url
            compared += 1
    assert compared, "no shipped context is listed in the shared manifest"


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
