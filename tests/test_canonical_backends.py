"""pyoxigraph's RDFC-1.0 on pyld's expanded form must equal pyld's own URDNA2015 output."""

from __future__ import annotations

import json

import pytest
from pyld import jsonld

from conftest import ROOT
from generator.credentials import linked_data
from generator.credentials.canonical import rdfc
from generator.credentials.linked_data import Processor


@pytest.mark.parametrize("path", sorted((ROOT / "content/issued").glob("*.json")) +
                         [ROOT / "content/status/revocation.json"], ids=lambda p: p.name)
def test_rdfc_equals_pyld_urdna2015(path):
    loader = linked_data.loader()
    document = {k: v for k, v in json.loads(path.read_text()).items() if k != "proof"}
    expanded = jsonld.expand(document, {"documentLoader": loader, "base": None})
    expected = jsonld.normalize(expanded, {"algorithm": "URDNA2015", "format": "application/n-quads",
                                           "documentLoader": loader, "base": None})
    assert rdfc(expanded) == expected


def test_rdfc_labels_blank_nodes_canonically():
    expanded = jsonld.expand({"@context": {"knows": {"@id": "http://xmlns.com/foaf/0.1/knows"}},
                              "knows": {"knows": {"@id": "http://example.org/a"}}}, {"base": None})
    assert rdfc(expanded) == ("_:c14n0 <http://xmlns.com/foaf/0.1/knows> _:c14n1 .\n"
                              "_:c14n1 <http://xmlns.com/foaf/0.1/knows> <http://example.org/a> .\n")


def test_scoped_context_cache_expands_exactly_like_pyld():
    """Processor reuses processed scoped contexts; the expansion must not change."""
    loader = linked_data.loader()
    paths = sorted((ROOT / "content/issued").glob("*.json")) + [ROOT / "content/status/revocation.json"]
    for _ in range(2):  # the second round runs on a warm cache
        for path in paths:
            document = json.loads(path.read_text())
            plain = jsonld.expand(document, {"documentLoader": loader, "base": None})
            cached = Processor().expand(document, {"documentLoader": loader, "base": None})
            assert cached == plain, path.name


def _credential_with(achievement: dict, context: list | None = None) -> dict:
    return {
        "@context": context or ["https://www.w3.org/ns/credentials/v2",
                                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": "https://uni.example.org/issuer.json",
        "credentialSubject": {"type": ["AchievementSubject"], "achievement": achievement},
    }


def test_a_remembered_node_that_drops_a_term_is_reported_every_time():
    achievement = {"id": "https://uni.example.org/a/1", "type": ["Achievement"], "name": "A",
                   "notATerm": "lost"}
    for _ in range(3):
        dropped = []
        linked_data.expand(_credential_with(dict(achievement)), linked_data.loader(), dropped.append)
        assert dropped == ["notATerm"]


def test_a_remembered_node_is_expanded_again_under_another_context():
    achievement = {"id": "https://uni.example.org/a/2", "type": ["Achievement"], "name": "A"}
    plain = linked_data.expand(_credential_with(dict(achievement)), linked_data.loader())
    other = {"@vocab": "https://example.org/other#"}
    # The same node, byte for byte, means something else under another context.
    changed = linked_data.expand(
        {"@context": other, "subject": {"achievement": dict(achievement)}}, linked_data.loader())
    assert "https://example.org/other#name" in json.dumps(changed)
    assert "https://example.org/other#name" not in json.dumps(plain)


def test_callers_may_change_what_they_get_from_the_node_cache():
    achievement = {"id": "https://uni.example.org/a/3", "type": ["Achievement"], "name": "A"}
    first = linked_data.expand(_credential_with(dict(achievement)), linked_data.loader())
    text = json.dumps(first)

    def wipe(node):
        for value in node.values() if isinstance(node, dict) else node if isinstance(node, list) else []:
            wipe(value)
        if isinstance(node, (dict, list)):
            node.clear()

    wipe(first)  # including the achievement node, which came from the cache
    second = linked_data.expand(_credential_with(dict(achievement)), linked_data.loader())
    assert json.dumps(second) == text


def test_an_iri_whose_only_fault_is_its_scheme_is_named_not_a_crash():
    """Found by tests/test_fuzz.py: every character after the colon is fine, so no character is to blame."""
    from generator.credentials.canonical import _iri_problem

    iri = "supervised_no_id_checkjavascript:alert(1)"
    message = _iri_problem({"supervision": iri}, iri, "")
    assert message.startswith("supervision: ") and "is not a scheme" in message
