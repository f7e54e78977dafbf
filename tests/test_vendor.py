"""The vendored reference files in tests/vendor/ are what their sources.json says they are."""

from __future__ import annotations

import hashlib
import re

import pytest

from conftest import VENDOR, vendor_sources

AREAS = sorted(p.name for p in VENDOR.iterdir() if p.is_dir())
ENTRIES = [pytest.param(area, entry, id=f"{area}/{entry['file']}") for area in AREAS for entry in vendor_sources(area)]


def test_every_folder_has_its_sources():
    assert AREAS == ["clr", "contexts", "did-key", "elm", "ooapi", "schemas", "vc-di-eddsa", "vocab"]
    for area in AREAS:
        assert vendor_sources(area), f"tests/vendor/{area}/sources.json lists no file"


@pytest.mark.parametrize("area, entry", ENTRIES)
def test_each_file_has_its_recorded_digest_and_provenance(area, entry):
    data = (VENDOR / area / entry["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == entry["sha256"], "the file differs from the copy its source gave"
    assert entry["licence"] and entry["origin"] and entry["used_by"]
    if entry["repository"] is not None:  # a copy (not a mapping written for this project)
        assert re.fullmatch(r"[0-9a-f]{40}", entry["commit"]), entry["commit"]
        assert entry["origin"] == (f"https://raw.githubusercontent.com/{entry['repository']}/{entry['commit']}/"
                                   f"{entry['path']}")


@pytest.mark.parametrize("area", AREAS)
def test_each_folder_holds_exactly_the_files_it_lists(area):
    folder = VENDOR / area
    held = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    listed = sorted(entry["file"] for entry in vendor_sources(area))
    assert held == sorted([*listed, "sources.json"])
