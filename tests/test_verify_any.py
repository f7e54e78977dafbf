"""credsite verify for any Open Badges 3.0 credential, not only this site's.

did:key issuers verify with nothing else; did:web issuers with the --site folder
(or built output) that publishes their DID document. Every check (proof, issuer
key, dates, status, schema, contexts) has its own result, and the verdict line stays the
one `credsite verify` always printed. Credentials of other issuers are signed
here in Python, with eddsa-rdfc-2022 (generator/credentials/proofs.py) and eddsa-jcs-2022
(by the spec's steps, independently of the verifier's code).
"""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import base58
import pytest
import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from conftest import (
    check_line,
    course_text,
    issue_api,
    run,
    site_yaml,
    verdict_lines,
    write_files,
    write_json,
)
from generator.commands import verify as verifying
from generator.credentials import verification
from generator.credentials.multikey import did_key, did_key_verification_method
from generator.credentials.proofs import sign_rdfc
from generator.issuing import keys

CREATED = "2025-01-01T00:00:00Z"
SITE_FIX = "give --site with the issuer's site folder"


# ---------------------------------------------------------------- credentials of another issuer


def unsigned_credential(issuer: str, **changes) -> dict:
    """A small OB 3.0 credential of a sailing school, with standard contexts only."""
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2",
                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "urn:uuid:5f0e0f3e-4a1b-4c2d-8e3f-0000000000a1",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Knot Tying",
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Harbour Sailing School"},
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "id": "did:example:learner-1",
            "achievement": {"id": "https://sailing.example.net/achievements/knots", "type": ["Achievement"],
                            "name": "Knot Tying", "description": "Ties six knots.",
                            "criteria": {"narrative": "Tie six knots within a minute."}},
        },
    }
    document.update(changes)
    return document


def sign_jcs(document: dict, key: Ed25519PrivateKey, method: str) -> dict:
    """An eddsa-jcs-2022 proof as the spec makes it (sections 3.3.1-3.3.6), added to `proof`."""
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    proof = {"type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022", "created": CREATED,
             "verificationMethod": method, "proofPurpose": "assertionMethod", "@context": unsecured["@context"]}
    hash_data = hashlib.sha256(rfc8785.dumps(proof)).digest() + hashlib.sha256(rfc8785.dumps(unsecured)).digest()
    proof["proofValue"] = "z" + base58.b58encode(key.sign(hash_data)).decode("ascii")
    existing = document.get("proof", [])
    return {**document, "proof": [*([existing] if isinstance(existing, dict) else existing), proof]}


@pytest.fixture(scope="module")
def school():
    """The sailing school's did:key and a signer for its credentials."""
    key = Ed25519PrivateKey.generate()
    did, method = did_key(key.public_key()), did_key_verification_method(key.public_key())

    def rdfc(document: dict) -> dict:
        return sign_rdfc(document, key, method, CREATED)

    return SimpleNamespace(key=key, did=did, method=method, rdfc=rdfc,
                           jcs=lambda document: sign_jcs(document, key, method))


def report_of(path: Path, sites=(), **kwargs) -> verification.CredentialReport:
    reports, problems = verifying.verify_reports([path], sites, **kwargs)
    assert not problems, [str(p) for p in problems]
    (report,) = reports
    return report


def statuses(report: verification.CredentialReport) -> dict[str, str]:
    return {check.name: check.status for check in report.checks}


ALL_OK = {"proof": "ok", "issuer key": "ok", "dates": "ok", "status": "not applicable", "schema": "ok",
          "contexts": "ok"}


# ---------------------------------------------------------------- did:key


def test_a_did_key_credential_verifies_with_no_site_and_names_its_issuer(school, tmp_path):
    path = write_json(school.rdfc(unsigned_credential(school.did)), tmp_path / "knots.json")

    result = run("verify", path)

    assert result.exit_code == 0, result.stdout + result.stderr
    assert verdict_lines(result.stdout) == [f"{path}: valid"]
    # Nobody vouches for a did:key's name: the credential says it about itself.
    assert check_line(result.stdout, "issued by").split(None, 2)[2] == \
        f'{school.did} (calls itself "Harbour Sailing School"; not checked)'
    assert check_line(result.stdout, "proof").split()[1] == "ok"
    assert "eddsa-rdfc-2022" in check_line(result.stdout, "proof")
    assert check_line(result.stdout, "status").split(None, 1)[1].startswith("not applicable")
    report = report_of(path)
    assert report.verdict.status == "valid"
    assert (report.issuer_id, report.issuer_name) == (school.did, "Harbour Sailing School")
    assert statuses(report) == ALL_OK
    assert report.notes == ()


def test_a_tampered_did_key_credential_fails_the_proof_check_only(school, tmp_path):
    document = school.rdfc(unsigned_credential(school.did))
    document["name"] = "Celestial Navigation"
    path = write_json(document, tmp_path / "tampered.json")

    result = run("verify", path)

    assert result.exit_code == 1
    assert verdict_lines(result.stdout)[0].startswith(f"{path}: INVALID (proof: the signature does not match")
    assert check_line(result.stdout, "proof").split()[1] == "FAILED"
    assert "1 of 1 credential(s) did not verify" in result.stderr
    assert statuses(report_of(path)) == {**ALL_OK, "proof": "failed"}


def test_an_eddsa_jcs_2022_proof_verifies(school, tmp_path):
    path = write_json(school.jcs(unsigned_credential(school.did)), tmp_path / "jcs.json")

    report = report_of(path)

    assert report.verdict.status == "valid", report
    assert statuses(report) == ALL_OK
    assert "eddsa-jcs-2022" in report.proof.detail


def test_a_proof_array_with_both_cryptosuites_verifies_and_fails_if_either_is_broken(school, tmp_path):
    both = school.rdfc(school.jcs(unsigned_credential(school.did)))
    assert [p["cryptosuite"] for p in both["proof"]] == ["eddsa-jcs-2022", "eddsa-rdfc-2022"]

    good = report_of(write_json(both, tmp_path / "both.json"))
    assert good.verdict.status == "valid", good
    assert "all 2 proofs verify" in good.proof.detail

    for index in (0, 1):
        broken = copy.deepcopy(both)
        value = broken["proof"][index]["proofValue"]
        broken["proof"][index]["proofValue"] = value[:-1] + ("2" if value[-1] != "2" else "3")
        report = report_of(write_json(broken, tmp_path / f"broken-{index}.json"))
        assert report.verdict.status == "invalid"
        assert statuses(report) == {**ALL_OK, "proof": "failed"}
        assert f"proof[{index}]:" in report.proof.detail
        assert f"proof[{1 - index}]" not in report.proof.detail


def test_an_expired_credential_fails_only_the_dates_check(school, tmp_path):
    document = school.rdfc(unsigned_credential(school.did, validFrom="2019-01-01T00:00:00Z",
                                               validUntil="2020-01-01T00:00:00Z"))
    path = write_json(document, tmp_path / "expired.json")

    result = run("verify", path)

    assert result.exit_code == 1
    assert verdict_lines(result.stdout) == [f"{path}: EXPIRED (expired on 2020-01-01T00:00:00Z)"]
    assert check_line(result.stdout, "dates").split()[1] == "FAILED"
    assert statuses(report_of(path)) == {**ALL_OK, "dates": "failed"}


def test_issuer_requires_the_given_issuer(school, tmp_path):
    path = write_json(school.rdfc(unsigned_credential(school.did)), tmp_path / "knots.json")
    other = did_key(Ed25519PrivateKey.generate().public_key())

    wrong = run("verify", path, "--issuer", other)
    right = run("verify", path, "--issuer", school.did)

    assert wrong.exit_code == 1
    assert verdict_lines(wrong.stdout)[0].startswith(f"{path}: INVALID (issued by {school.did}, not by {other}")
    assert check_line(wrong.stdout, "issuer key").split()[2] == "FAILED"
    assert statuses(report_of(path, issuer=other)) == {**ALL_OK, "issuer key": "failed"}
    assert right.exit_code == 0, right.stdout
    assert verdict_lines(right.stdout) == [f"{path}: valid"]


def test_a_proof_by_another_key_than_the_issuers_fails_the_issuer_key_check(school, tmp_path):
    """The signature itself is sound, but the key is not the issuer's."""
    intruder = Ed25519PrivateKey.generate()
    document = sign_rdfc(unsigned_credential(school.did), intruder,
                         did_key_verification_method(intruder.public_key()), CREATED)
    report = report_of(write_json(document, tmp_path / "intruder.json"))

    assert report.verdict.status == "invalid"
    assert statuses(report) == {**ALL_OK, "issuer key": "failed"}
    assert "a key that does not belong to the issuer" in report.issuer_key.detail


def test_an_unknown_did_method_fails_the_issuer_key_check_with_a_clear_message(school, tmp_path):
    document = school.rdfc(unsigned_credential("did:example:123"))
    path = write_json(document, tmp_path / "example.json")

    result = run("verify", path)

    assert result.exit_code == 1
    line = check_line(result.stdout, "issuer key")
    assert "FAILED" in line and "did:example:123 uses the DID method 'example', which credsite cannot resolve" in line


def test_a_status_list_that_is_not_available_offline_leaves_the_status_not_checked(school, tmp_path):
    status = {"id": "https://sailing.example.net/status/1#7", "type": "BitstringStatusListEntry",
              "statusPurpose": "revocation", "statusListIndex": "7",
              "statusListCredential": "https://sailing.example.net/status/1"}
    path = write_json(school.rdfc(unsigned_credential(school.did, credentialStatus=status)), tmp_path / "status.json")

    result = run("verify", path)

    assert result.exit_code == 1
    line = check_line(result.stdout, "status")
    assert line.split(None, 1)[1].startswith("not checked")
    assert "status list https://sailing.example.net/status/1 is not available offline; give --site" in line
    assert verdict_lines(result.stdout)[0].startswith(f"{path}: NOT CHECKED (credentialStatus: status list ")
    assert "1 could not be checked offline" in result.stderr
    assert statuses(report_of(path)) == {**ALL_OK, "status": "not checked"}


# ---------------------------------------------------------------- did:web: the sample site and others


def expected_lines(sample, with_reason: bool) -> list[str]:
    lines = []
    for path in sample.files:
        reason = sample.revoked.get(sample.ids[path])
        if reason is None:
            lines.append(f"{path}: valid")
        else:
            lines.append(f"{path}: REVOKED (reason: {reason})" if with_reason else f"{path}: REVOKED")
    return lines


def test_the_sample_credentials_verify_with_site_dot_and_the_revoked_one_reads_revoked(sample, monkeypatch):
    assert len(sample.files) >= 5 and sample.revoked
    monkeypatch.chdir(sample.root)
    files = [path.relative_to(sample.root) for path in sample.files]

    result = run("verify", *files, "--site", ".")

    assert result.exit_code == 1  # the revoked one
    assert verdict_lines(result.stdout) == [line.replace(f"{sample.root}/", "")
                                            for line in expected_lines(sample, with_reason=True)]
    assert f"1 of {len(files)} credential(s) did not verify" in result.stderr
    reports, problems = verifying.verify_reports(files, [Path(".")])
    assert not problems
    for report in reports:
        revoked = sample.ids[sample.root / report.path] in sample.revoked
        assert statuses(report) == {**ALL_OK, "status": "failed" if revoked else "ok"}, report
        assert report.issuer_id == "did:web:example-university.github.io:microcredentials"
        assert report.issuer_name == "Example University"


def test_in_a_site_folder_verify_uses_that_site_without_site(sample, monkeypatch):
    monkeypatch.chdir(sample.root)
    files = [path.relative_to(sample.root) for path in sample.files]

    result = run("verify", *files)

    assert verdict_lines(result.stdout) == [line.replace(f"{sample.root}/", "")
                                            for line in expected_lines(sample, with_reason=True)]


def test_the_sample_credentials_verify_against_the_built_output(sample):
    result = run("verify", *sample.files, "--site", sample.out)

    assert result.exit_code == 1
    # A built site publishes the list's bits but not revocations.csv: no reason.
    assert verdict_lines(result.stdout) == expected_lines(sample, with_reason=False)
    assert "did.json" in check_line(run("verify", sample.files[0], "--site", sample.out).stdout, "issuer key")


def test_a_tampered_sample_credential_fails_the_proof_check_only(sample, tmp_path):
    valid = next(p for p in sample.files if sample.ids[p] not in sample.revoked)
    document = json.loads(valid.read_text(encoding="utf-8"))
    document["credentialSubject"]["identifier"][1]["identityHash"] = "Mallory Example"
    path = write_json(document, tmp_path / "tampered.json")

    result = run("verify", path, "--site", sample.root)

    assert result.exit_code == 1
    assert verdict_lines(result.stdout)[0].startswith(f"{path}: INVALID (proof: the signature does not match")
    assert {k: v for k, v in statuses(report_of(path, [sample.root])).items()} == \
        {**ALL_OK, "proof": "failed", "status": "ok"}


def test_a_did_web_credential_with_no_site_is_not_checked_and_says_how_to_check_it(sample, tmp_path, monkeypatch):
    """Nothing was found wrong, so the verdict is NOT CHECKED, not INVALID; the exit status still says no."""
    monkeypatch.chdir(tmp_path)  # not a site folder: nothing is found by accident
    path = sample.files[0]
    did = "did:web:example-university.github.io:microcredentials"

    result = run("verify", path)

    assert result.exit_code == 1
    assert verdict_lines(result.stdout) == [
        f"{path}: NOT CHECKED (no DID document for {did}: give --site with its site folder or built output)"]
    line = check_line(result.stdout, "issuer key")
    assert line.split(None, 2)[2].startswith("not checked")
    assert did in line and SITE_FIX in line
    assert check_line(result.stdout, "status").split(None, 1)[1].startswith("not checked")
    assert check_line(result.stdout, "issued by").endswith('(calls itself "Example University"; not checked)')
    report = report_of(path)
    assert report.verdict.status == "not checked"
    assert report.issuer_key.status == "not checked"
    assert report.proof.status == "not checked"  # no key to check it with; not the proof's fault
    assert report.schema.status == "ok"


@pytest.fixture(scope="module")
def other_site(tmp_path_factory):
    """A second institution with its own did:web, one credential issued by it."""
    tmp = tmp_path_factory.mktemp("other")
    root = write_files(tmp / "site", {"content/courses/testing-things.md": course_text()})
    key = keys.generate(tmp / "keys" / "k1.json", root)
    (root / "content" / "site.yaml").write_text(site_yaml(("k1", key, "active"), base_url="https://other.example.org/"),
                                                encoding="utf-8")
    (item,) = issue_api(SimpleNamespace(root=root, key=key))
    return SimpleNamespace(root=root, path=item.path, did="did:web:other.example.org")


def test_two_sites_verify_credentials_of_both_issuers(sample, other_site):
    valid = next(p for p in sample.files if sample.ids[p] not in sample.revoked)

    both = run("verify", valid, other_site.path, "--site", sample.root, "--site", other_site.root)
    only_one = run("verify", valid, other_site.path, "--site", sample.root)

    assert both.exit_code == 0, both.stdout
    assert verdict_lines(both.stdout) == [f"{valid}: valid", f"{other_site.path}: valid"]
    assert f"{other_site.did} (Test University)" in both.stdout
    assert only_one.exit_code == 1
    assert verdict_lines(only_one.stdout)[0] == f"{valid}: valid"
    report = report_of(other_site.path, [sample.root])
    assert report.issuer_key.status == "not checked" and report.verdict.status == "not checked"
    assert f"{other_site.did} is not this site's issuer" in report.issuer_key.detail
    assert SITE_FIX in report.issuer_key.detail


def test_a_did_key_credential_with_a_site_given_gets_a_note_not_a_failure(school, sample, tmp_path):
    path = write_json(school.rdfc(unsigned_credential(school.did)), tmp_path / "knots.json")

    result = run("verify", path, "--site", sample.root)

    assert result.exit_code == 0, result.stdout
    assert "not this site's issuer" in check_line(result.stdout, "note")
    assert report_of(path, [sample.root]).notes


# ---------------------------------------------------------------- bad input


def test_bad_files_and_arguments_get_a_clear_message_and_no_traceback(school, sample, tmp_path):
    good = write_json(school.rdfc(unsigned_credential(school.did)), tmp_path / "knots.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    missing = tmp_path / "missing.json"

    result = run("verify", good, broken, missing)

    assert result.exit_code == 1
    assert verdict_lines(result.stdout) == [
        f"{good}: valid",
        (f"{broken}: INVALID (not valid JSON (Expecting property name enclosed in double quotes at line 1); "
         f"{verifying.NOT_A_CREDENTIAL})"),
        f"{missing}: INVALID (cannot be read (No such file or directory); check the path)",
    ]

    no_site = tmp_path / "empty"
    no_site.mkdir()
    bad_site = run("verify", good, "--site", no_site)
    assert bad_site.exit_code == 1 and bad_site.stdout == ""
    assert f"{no_site}: --site: has neither content/site.yaml nor did.json; give the site's folder" in bad_site.stderr

    gone = run("verify", good, "--site", tmp_path / "nowhere")
    assert gone.exit_code == 1 and f"{tmp_path / 'nowhere'}: --site: does not exist" in gone.stderr

    not_a_did = run("verify", good, "--issuer", "Harbour Sailing School")
    assert not_a_did.exit_code == 1
    assert "--issuer: 'Harbour Sailing School' is not a DID; give the issuer's DID" in not_a_did.stderr

    broken_yaml = tmp_path / "broken-site"
    shutil.copytree(sample.root / "content", broken_yaml / "content")
    (broken_yaml / "content" / "site.yaml").write_text("base_url: [\n", encoding="utf-8")
    damaged = run("verify", good, "--site", broken_yaml)
    assert damaged.exit_code == 1 and str(broken_yaml / "content" / "site.yaml") in damaged.stderr


def test_a_did_web_path_with_dot_segments_names_no_site():
    """Found in review: did:web:host:a:..:b would resolve to host/b/ while reading as host/a/."""
    from generator import routes

    assert routes.base_url_of_did("did:web:uni.example.org:a:..:b") == ""
    assert routes.base_url_of_did("did:web:uni.example.org:a:.") == ""
    assert routes.base_url_of_did("did:web:uni.example.org:a:b") == "https://uni.example.org/a/b/"
