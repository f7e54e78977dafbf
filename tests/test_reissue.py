"""credsite reissue, self-contained contexts and the closed-world check.

A credential issued before credsite embedded its context names
https://w3id.org/credsite/ns/v1, which nobody serves: tests/fixtures holds one
such sample, exactly as it was published. These tests migrate it, rotate a
leaked key end to end, and check that check and build refuse what a verifier in
the world could not load. That third-party verifiers accept the result is
tested in tests/test_interop.py.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from conftest import ROOT, need_tool, read_json, run, sample_secret, sample_site
from generator import routes
from generator.build.pipeline import build, check, load
from generator.commands.verify import verify_paths
from generator.credentials import closed_world, linked_data
from generator.credentials.document_loader import shipped_contexts
from generator.credentials.multikey import private_to_multibase, public_to_multibase
from generator.credentials.proofs import sign_rdfc
from generator.issuing import keys
from generator.issuing.reissue import REISSUES
from generator.problems import Code, with_code
from generator.site import documents, outputs

LEGACY = ROOT / "tests" / "fixtures" / "legacy-context-credential.json"
KEPT = ("id", "type", "name", "description", "issuer", "validFrom", "validUntil", "awardedDate",
        "credentialSubject", "credentialSchema", "credentialStatus", "evidence")


def private_key_file(folder: Path, key: Ed25519PrivateKey | None = None) -> Path:
    """A 0600 key file holding `key` (the sample's test key when None), outside the site."""
    if key is None:
        secret = sample_secret()
    else:
        secret = private_to_multibase(key)
    path = folder / "keys" / f"{secret[-8:]}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"secretKeyMultibase": secret}), encoding="utf-8")
    path.chmod(0o600)
    return path


def git_repository(site: Path) -> None:
    """Make `site` a git work tree with everything committed."""
    need_tool("git")
    git = ["git", "-C", str(site), "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "the site as published"]):
        subprocess.run(git + args, check=True, capture_output=True)


@pytest.fixture
def legacy_site(tmp_path):
    return make_legacy_site(tmp_path)


def make_legacy_site(tmp_path: Path) -> tuple[Path, Path]:
    """The sample site, with one credential back in the format published before self-contained contexts."""
    site = sample_site(tmp_path)
    target = site / "content" / "issued" / LEGACY.name.replace("legacy-context-credential",
                                                               read_json(LEGACY)["id"].removeprefix("urn:uuid:"))
    assert target.is_file(), "the legacy fixture must be an old copy of one of the sample credentials"
    shutil.copyfile(LEGACY, target)
    return site, target


def test_the_legacy_fixture_is_what_was_published_before(legacy_site):
    site, path = legacy_site
    document = read_json(path)
    assert linked_data.LEGACY_EXTENSION_CONTEXT_URL in document["@context"]
    # Its signature is sound (which is why the problem went unnoticed on the issuer's machine),
    # but credsite verify now agrees with the verifiers in the world: no one can load its context.
    ((_, verdict),), problems = verify_paths([path], site)
    assert not problems and verdict.status == "invalid", verdict
    assert verdict.problems == (f"contexts: no verifier can load {linked_data.LEGACY_EXTENSION_CONTEXT_URL}; "
                                "its issuer can fix that with credsite reissue",)


def test_check_and_build_refuse_a_context_no_verifier_can_load(legacy_site, tmp_path):
    site, path = legacy_site
    content = check(site)
    mine = [p for p in content.problems if p.path == f"content/issued/{path.name}"]
    assert len(mine) == 1 and mine[0].is_error, [str(p) for p in content.problems]
    assert linked_data.LEGACY_EXTENSION_CONTEXT_URL in mine[0].message
    assert "credsite reissue" in mine[0].fix

    result = build(site, tmp_path / "out")
    assert not result.ok and not result.written
    assert any(linked_data.LEGACY_EXTENSION_CONTEXT_URL in p.message and p.path.endswith(path.name)
               for p in result.problems)


def test_reissue_keeps_id_subject_dates_status_and_badge_url(legacy_site, tmp_path):
    site, path = legacy_site
    before = read_json(path)
    result = run("reissue", before["id"], "--source", site, "--key", private_key_file(tmp_path))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert before["id"] in result.stdout and "cannot be loaded by verifiers" in result.stdout

    after = read_json(path)
    assert {k: after.get(k) for k in KEPT} == {k: before.get(k) for k in KEPT}
    assert after["proof"] != before["proof"] and len(after["proof"]) == 1
    assert after["proof"][0]["verificationMethod"] == before["proof"][0]["verificationMethod"]
    # Self-contained: every context URL is a standard one, and credsite's own terms are inline.
    urls = [c for c in after["@context"] if isinstance(c, str)]
    assert set(urls) <= set(shipped_contexts()) and linked_data.LEGACY_EXTENSION_CONTEXT_URL not in urls
    assert isinstance(after["@context"][-1], dict)
    assert after["@context"][:2] == [documents.VC_CONTEXT, documents.OB_CONTEXT]

    ((_, verdict),), problems = verify_paths([path], site)
    assert not problems and verdict.status == "valid", verdict
    log = list(csv.DictReader(io.StringIO((site / REISSUES).read_text(encoding="utf-8"))))
    assert (log[-1]["credential"], log[-1]["index"]) == (before["id"], before["credentialStatus"]["statusListIndex"])
    assert log[-1]["key"] == after["proof"][0]["verificationMethod"]

    out = tmp_path / "out"
    built = build(site, out)
    assert built.ok and built.written, [str(p) for p in built.problems]
    uid = before["id"].removeprefix("urn:uuid:")
    assert (out / routes.credential_json(uid)).read_bytes() == path.read_bytes()
    assert (out / routes.output_file(routes.badge(uid))).is_file()


def test_reissue_of_a_current_credential_changes_nothing(tmp_path):
    site = sample_site(tmp_path)
    before = {p: p.read_bytes() for p in (site / "content").rglob("*") if p.is_file()}
    result = run("reissue", "--all", "--source", site, "--key", private_key_file(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "already current" in result.stderr and "nothing to reissue" in result.stderr
    assert "reissued" not in result.stderr and "logged" not in result.stderr
    assert {p: p.read_bytes() for p in (site / "content").rglob("*") if p.is_file()} == before


def test_reissue_refuses_a_changed_file_and_writes_nothing(legacy_site, tmp_path):
    site, path = legacy_site
    document = read_json(path)
    document["credentialSubject"]["identifier"][1]["identityHash"] = "Someone Else"
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    files_before = {p: p.read_bytes() for p in (site / "content").rglob("*") if p.is_file()}

    result = run("reissue", "--all", "--source", site, "--key", private_key_file(tmp_path))
    assert result.exit_code == 1
    assert path.name in result.stderr and "does not verify" in result.stderr
    assert "nothing was reissued" in result.stderr
    assert {p: p.read_bytes() for p in (site / "content").rglob("*") if p.is_file()} == files_before


def test_reissue_refuses_a_credential_the_registry_never_recorded(legacy_site, tmp_path):
    site, path = legacy_site
    registry = site / "content" / "status" / "revocation-registry.csv"
    rows = registry.read_text(encoding="utf-8").splitlines()
    registry.write_text("\n".join(r for r in rows if read_json(path)["id"] not in r) + "\n", encoding="utf-8")
    result = run("reissue", read_json(path)["id"], "--source", site, "--key", private_key_file(tmp_path))
    assert result.exit_code == 1
    assert "revocation-registry.csv" in result.stderr and "nothing was reissued" in result.stderr


@pytest.mark.parametrize("args, says", [
    ((), "give the credentials to sign again (id, UUID, badge URL or file), or --all"),
    (("--all", "urn:uuid:1d2f86e6-dfcd-4674-a072-645902c56a2d"), "or --all, not both"),
    (("urn:uuid:00000000-0000-4000-8000-000000000000",), "no credential"),
])
def test_reissue_usage_errors(tmp_path, args, says):
    site = sample_site(tmp_path)
    result = run("reissue", *args, "--source", site, "--key", private_key_file(tmp_path))
    assert result.exit_code == 1 and says in result.stderr, result.stderr


def test_a_leaked_key_is_removed_and_everything_is_reissued_with_a_new_one(tmp_path):
    """docs/issuing.md, 'A key that leaked', step by step."""
    site = sample_site(tmp_path)
    git_repository(site)  # as every site is: the committed site.yaml still holds the leaked public key
    site_yaml = site / "content" / "site.yaml"
    config = yaml.safe_load(site_yaml.read_text(encoding="utf-8"))
    leaked_entry = config["keys"][0]
    issued = sorted((site / "content" / "issued").glob("*.json"))
    revoked = {row["credential"] for row in csv.DictReader(
        (site / "content" / "status" / "revocations.csv").open(encoding="utf-8"))}

    # 1. A new key; 2. the leaked key removed from site.yaml, not retired.
    new = Ed25519PrivateKey.generate()
    text = site_yaml.read_text(encoding="utf-8")
    text = text.replace(f"  - id: {leaked_entry['id']}\n    public_key: {leaked_entry['public_key']}\n"
                        f"    status: active\n",
                        f"  - id: key-2027\n    public_key: {public_to_multibase(new.public_key())}\n"
                        "    status: active\n")
    site_yaml.write_text(text, encoding="utf-8")
    assert leaked_entry["public_key"] not in site_yaml.read_text(encoding="utf-8")
    # Until everything is reissued, nothing the old key signed is published.
    stale = build(site, tmp_path / "stale")
    # One cause in site.yaml, reported once with the count, not once per credential.
    (problem,) = with_code(stale.problems, Code.NOT_PUBLISHED)
    assert not stale.ok and problem.path == "content/site.yaml" and f"{len(issued)} credential(s)" in problem.message

    # 3. Reissue everything with the new key.
    result = run("reissue", "--all", "--source", site, "--key", private_key_file(tmp_path, new))
    assert result.exit_code == 0, result.stderr
    did = routes.issuer_did(load(site).site)
    assert f"content/status/revocation.json: signed again with {did}#key-2027" in result.stderr
    assert "Tell the learners to download their credential again" in result.stderr
    assert "stop verifying once the old key is removed" in result.stderr
    for path in issued:
        proof = read_json(path)["proof"]
        assert [p["verificationMethod"] for p in proof] == [f"{did}#key-2027"]
    status_list = read_json(site / "content" / "status" / "revocation.json")
    assert [p["verificationMethod"] for p in status_list["proof"]] == [f"{did}#key-2027"]

    # 4. The site builds; every credential verifies, the revoked one is still revoked.
    out = tmp_path / "out"
    built = build(site, out)
    assert built.ok and built.written, [str(p) for p in built.problems]
    verdicts, problems = verify_paths(sorted(out.glob("badges/*/credential.json")), out)
    assert not problems
    assert {read_json(p)["id"]: v.status for p, v in verdicts} == {
        read_json(p)["id"]: "revoked" if read_json(p)["id"] in revoked else "valid" for p in issued}

    # Whatever the thief signs with the leaked key no longer verifies.
    thief = keys.load(private_key_file(tmp_path / "thief"))
    forged = {k: v for k, v in read_json(issued[0]).items() if k != "proof"}
    forged["credentialSubject"]["identifier"][1]["identityHash"] = "The Thief"
    forged = sign_rdfc(forged, thief.private, f"{did}#{leaked_entry['id']}", "2027-01-01T00:00:00Z")
    forged_path = tmp_path / "forged.json"
    forged_path.write_text(json.dumps(forged), encoding="utf-8")
    ((_, verdict),), _ = verify_paths([forged_path], out)
    assert verdict.status == "invalid" and "unknown verification method" in "; ".join(verdict.problems)


# ---------------------------------------------------------------- the inline context


def test_the_inline_context_holds_only_what_the_achievement_uses(tmp_path):
    site = sample_site(tmp_path)
    for path in (site / "content" / "issued").glob("*.json"):
        document = read_json(path)
        achievement = document["credentialSubject"]["achievement"]
        if documents.EXTENSION_TYPE not in achievement["type"]:  # a non-formal badge: no credsite term at all
            assert all(isinstance(c, str) for c in document["@context"]), path.name
            continue
        inline = document["@context"][-1]
        scoped = inline[documents.EXTENSION_TYPE]["@context"]
        terms = {t for t in scoped if not t.startswith("@") and t not in ("id", "type")}
        full = linked_data.extension_context()["@context"][documents.EXTENSION_TYPE]["@context"]
        assert terms == {t for t in achievement if t in full and t not in ("id", "type")}, path.name
        assert inline["@protected"] is True
        for term in ("assessmentType", "participationMode"):
            tokens = set(scoped[term]["@context"])
            assert tokens == set(achievement[term]), (path.name, term)


def test_a_document_with_no_credsite_terms_gets_no_inline_context():
    assert documents.context(documents.OB_CONTEXTS, [{"type": ["Achievement"], "name": "x"}]) == documents.OB_CONTEXTS


# ---------------------------------------------------------------- the closed world


def test_closed_world_names_each_url_a_verifier_could_not_load(tmp_path):
    site = load(sample_site(tmp_path)).site
    base = site.base_url
    publishes = closed_world.published_by(site, {"status/revocation.json", "ns/credsite-v1.jsonld"})
    document = {
        "@context": [documents.VC_CONTEXT, "https://example.org/private-context.jsonld",
                     base + "ns/credsite-v1.jsonld", {"x": {"@id": "https://e.org/x", "@context": "https://e.org/y"}}],
        "credentialStatus": {"statusListCredential": base + "status/other.json"},
        "credentialSchema": [{"id": closed_world.OB_SCHEMA}],
        "credentialSubject": {"achievement": {"id": "https://elsewhere.example/a.json",
                                              "image": {"id": "data:image/png;base64,AAAA"}}},
    }
    found = closed_world.problems(document, publishes)
    assert found == [
        "@context: https://example.org/private-context.jsonld is neither a standard context nor a file this "
        "site publishes, so verifiers cannot load it",
        "@context: https://e.org/y is neither a standard context nor a file this site publishes, so verifiers "
        "cannot load it",
        f"credentialStatus.statusListCredential: {base}status/other.json is not a file this site publishes",
        "credentialSubject.achievement.id: https://elsewhere.example/a.json is not a file this site publishes",
    ]


def test_every_url_a_verifier_fetches_from_the_sample_site_is_published(tmp_path):
    """The outputs table (asked before rendering) and the real output agree."""
    site_dir = sample_site(tmp_path)
    content = load(site_dir)
    out = tmp_path / "out"
    assert build(site_dir, out).ok
    site = content.site
    publishes = outputs.publishes(site, outputs.table(site, content.families, (), outputs.status_lists_in(site_dir)))
    checked = 0
    for path in sorted(out.glob("badges/*/credential.json")):
        for _, url in closed_world.links(read_json(path)):
            if url.startswith(site.base_url):
                assert publishes(url) and (out / url[len(site.base_url):]).is_file(), url
                checked += 1
    assert checked >= 3 * len(list(out.glob("badges/*/credential.json")))


def test_a_theme_file_naming_an_unknown_context_stops_the_build(tmp_path):
    site = sample_site(tmp_path)
    static = site / "themes" / "default" / "static"
    (static / "extra.json").write_text(json.dumps({"@context": "https://nowhere.example/ctx"}), encoding="utf-8")
    result = build(site, tmp_path / "out")
    assert not result.ok and not result.written
    (problem,) = [p for p in result.problems if "nowhere.example" in p.message]
    assert problem.path == routes.static("extra.json") and problem.is_error


def test_a_signed_credential_may_not_point_at_a_context_on_the_site(tmp_path):
    """Other documents may name the site's own context file; a credential may not: a verifier
    checking its signature loads only the standard contexts it has."""
    site = load(sample_site(tmp_path)).site
    own = site.base_url + "ns/credsite-v1.jsonld"
    publishes = closed_world.published_by(site, {"ns/credsite-v1.jsonld"})
    assert closed_world.url_findings([own], [], publishes) == []
    (finding,) = closed_world.url_findings([own], [], publishes, signed=True)
    assert finding.subject == own and "is on this site" in finding.message
