"""The sample site's output, file by file, against a checked-in digest.

Refactoring must not change what the site publishes: badge and achievement
URLs are on CVs, and credentials are signed bytes. This test builds the sample
site at a fixed moment and compares every output file's SHA-256 with
tests/fixtures/sample-output.sha256, so any change to the output, intended or
not, is seen and named.

When a change to the output is intended, regenerate the digest and commit it
with the change that explains it:

    CREDSITE_UPDATE_DIGEST=1 .venv/bin/python -m pytest tests/test_output_digest.py
"""

from __future__ import annotations

import os

from conftest import ROOT, tree_digest
from generator.build.pipeline import build

DIGEST = ROOT / "tests" / "fixtures" / "sample-output.sha256"
MOMENT = "1798761600"  # 2027-01-01T00:00:00Z: expiry, feed times and the checked-on day are fixed


def test_the_sample_output_is_byte_identical_to_the_recorded_digest(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", MOMENT)
    out = tmp_path / "_site"
    result = build(ROOT, out)
    assert result.ok and result.written, [str(p) for p in result.problems]
    actual = tree_digest(out)
    if os.environ.get("CREDSITE_UPDATE_DIGEST"):
        DIGEST.write_text(actual, encoding="utf-8")
    expected = DIGEST.read_text(encoding="utf-8")
    recorded = dict(reversed(line.split("  ", 1)) for line in expected.splitlines())
    built = dict(reversed(line.split("  ", 1)) for line in actual.splitlines())
    changed = sorted(path for path in recorded.keys() & built.keys() if recorded[path] != built[path])
    assert (sorted(recorded.keys() - built.keys()), sorted(built.keys() - recorded.keys()), changed) == ([], [], []), (
        "the sample site's output changed (missing, new, changed files); if intended, regenerate "
        "tests/fixtures/sample-output.sha256 as this test's docstring says")
