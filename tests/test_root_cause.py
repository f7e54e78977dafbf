"""Credentials that fail for one reason in content/site.yaml get one problem naming that line.

A changed base_url or key list makes every credential fail verification. Reporting that as one
NOT PUBLISHED line per credential buries the one line to fix; the build says it once, at the field
of content/site.yaml, with the fix, the number of credentials and the first few files.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import run, sample_site
from generator.build.issued import SHOWN
from generator.build.pipeline import build, check
from generator.problems import Code, with_code

SAMPLE_BASE = "https://example-university.github.io/microcredentials/"
SAMPLE_KEY = "z6MkwS5YSQU6Bu9NHWC9nUfEpy8XA8ADyNu8bh8QtZ2WMpFJ"
OTHER_KEY = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"  # a valid Ed25519 key nobody signed with


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = sample_site(tmp_path_factory.mktemp("root-cause"))
    issued = sorted((root / "content" / "issued").glob("*.json"))
    assert len(issued) > SHOWN, "the sample site needs more credentials than a root-cause problem lists"
    return root, (root / "content" / "site.yaml").read_text(encoding="utf-8"), issued


def with_site_yaml(site, old: str, new: str):
    root, original, _ = site
    assert old in original
    (root / "content" / "site.yaml").write_text(original.replace(old, new), encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def restore(site):
    yield
    root, original, _ = site
    (root / "content" / "site.yaml").write_text(original, encoding="utf-8")


def not_published(problems) -> list[str]:
    return [str(p) for p in with_code(problems, Code.NOT_PUBLISHED)]


def listed(issued) -> str:
    names = [f"content/issued/{p.name}" for p in issued]
    return ", ".join(names[:SHOWN]) + f" and {len(names) - SHOWN} more"


def test_a_changed_base_url_is_one_error_naming_site_yaml(site):
    _, _, issued = site
    root = with_site_yaml(site, f"base_url: {SAMPLE_BASE}", "base_url: https://credentials.example.edu/")
    assert not_published(check(root).problems) == [
        f"content/site.yaml:1: base_url: NOT PUBLISHED: {len(issued)} credential(s) ({listed(issued)}) were signed "
        f"for the base_url {SAMPLE_BASE}, not for https://credentials.example.edu/; set base_url back to "
        f"{SAMPLE_BASE}, the address they were issued under (it is part of what was signed), or re-issue them "
        "with credsite issue"]


def test_the_command_line_prints_the_cause_once(site):
    root = with_site_yaml(site, f"base_url: {SAMPLE_BASE}", "base_url: https://credentials.example.edu/")
    result = run("check", "--source", root)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if "NOT PUBLISHED" in line]
    assert len(lines) == 1 and lines[0].startswith("content/site.yaml:1: base_url: NOT PUBLISHED: "), lines
    assert "content/issued/" not in result.stderr.replace(lines[0], "")


def test_a_removed_key_is_one_error_naming_the_keys(site):
    _, original, issued = site
    line = original.splitlines().index("keys:") + 1
    root = with_site_yaml(site, "id: sample-key-2026", "id: key-2027")  # the signing key is no longer listed
    (problem,) = with_code(check(root).problems, Code.NOT_PUBLISHED)
    assert (problem.path, problem.line, problem.field) == ("content/site.yaml", line, "keys")
    assert problem.message == (f"NOT PUBLISHED: {len(issued)} credential(s) ({listed(issued)}) were signed with the "
                               "key 'sample-key-2026', which is not listed under keys:")
    assert problem.fix.startswith("the key 'sample-key-2026' it was signed with is no longer listed in "
                                  "content/site.yaml: if it was removed by mistake")


def test_a_changed_public_key_is_one_error_naming_it(site):
    _, original, issued = site
    line = next(i for i, text in enumerate(original.splitlines(), 1) if SAMPLE_KEY in text)
    root = with_site_yaml(site, SAMPLE_KEY, OTHER_KEY)
    (problem,) = with_code(check(root).problems, Code.NOT_PUBLISHED)
    assert (problem.path, problem.line, problem.field) == ("content/site.yaml", line, "keys[0].public_key")
    assert problem.message.startswith(f"NOT PUBLISHED: the signatures of {len(issued)} credential(s) (")
    assert problem.fix.startswith("if the public_key of 'sample-key-2026' was changed, put back the value it had")


def test_a_failed_build_names_the_cause_once_and_writes_nothing(site, tmp_path):
    root = with_site_yaml(site, f"base_url: {SAMPLE_BASE}", "base_url: https://credentials.example.edu/")
    result = build(root, tmp_path / "out")
    assert [p.path for p in with_code(result.problems, Code.NOT_PUBLISHED)] == ["content/site.yaml"]
    assert not result.ok and not (tmp_path / "out").exists()


def test_a_preview_names_the_option_and_can_publish_the_rest(site, tmp_path):
    root, _, issued = site
    (problem,) = with_code(check(root, base_url="https://preview.example.org/x/").problems, Code.NOT_PUBLISHED)
    assert (problem.path, problem.field, problem.severity) == ("--base-url", "", "error")
    assert "add --skip-invalid there" in problem.fix
    result = build(root, tmp_path / "preview", base_url="https://preview.example.org/x/", skip_invalid=True)
    assert result.ok and result.not_published == len(issued)
    assert [p.severity for p in with_code(result.problems, Code.NOT_PUBLISHED)] == ["warning"]


def test_one_credential_signed_elsewhere_is_its_own_problem(site):
    root, _, issued = site
    stray = issued[0]
    original = stray.read_text(encoding="utf-8")
    document = json.loads(original)
    document["issuer"]["id"] = "did:web:elsewhere.example.org"
    try:
        stray.write_text(json.dumps(document), encoding="utf-8")
        messages = not_published(check(root).problems)
    finally:
        stray.write_text(original, encoding="utf-8")
    assert len(messages) == 1 and re.match(rf"content/issued/{stray.name}: NOT PUBLISHED: ", messages[0]), messages


def test_the_command_line_counts_credentials_not_problems(site, tmp_path):
    """One problem stands for every credential of a site-level cause; the warning counts credentials."""
    root, _, issued = site
    result = run("build", "--source", root, "--output", tmp_path / "preview", "--skip-invalid",
                 "--base-url", "https://preview.example.org/x/")
    assert result.exit_code == 0, result.stderr
    assert f"WARNING: {len(issued)} credential(s) were NOT published" in result.stderr
