"""pyoxigraph's RDFC-1.0 on pyld's expanded form must equal pyld's own URDNA2015 output."""

from __future__ import annotations

import json

import pytest
from pyld import jsonld

from generator import linked_data
from generator.integrity import rdfc
from generator.linked_data import Processor

from conftest import ROOT


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
