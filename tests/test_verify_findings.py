"""What `credsite verify` says where a user trial found it wrong, and the codes the build decides by.

- a credential naming the context URL nobody serves read "valid" here and fails everywhere else;
- a did:key's issuer.name was shown as if someone had checked it;
- with the issuer's site out of reach the verdict read INVALID though nothing was found wrong;
- verify run in a built output folder ignored the did.json beside it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from conftest import (
    ROOT,
    check_line,
    read_json,
    revoked_ids,
    run,
    sample_secret,
    verdict_lines,
    write_json,
)
from generator.commands import verify as verifying
from generator.credentials import verification
from generator.credentials.did import KeyResolver
from generator.credentials.findings import Finding, Reason
from generator.credentials.linked_data import LEGACY_EXTENSION_CONTEXT_URL
from generator.credentials.multikey import did_key, did_key_verification_method, private_from_multibase
from generator.credentials.proofs import sign_rdfc

DID = "did:web:example-university.github.io:microcredentials"
BASE = "https://example-university.github.io/microcredentials/"
LEGACY = ROOT / "tests" / "fixtures" / "legacy-context-credential.json"
NOW = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)


def resign(document: dict, **changes) -> dict:
    """The sample credential with `changes`, signed again with the sample site's own (test) key."""
    unsigned = {k: v for k, v in document.items() if k != "proof"} | changes
    method = document["proof"][0]["verificationMethod"]
    return sign_rdfc(unsigned, private_from_multibase(sample_secret()), method, "2026-02-01T00:00:00Z")


# ---------------------------------------------------------------- contexts


def test_a_credential_naming_the_unserved_context_fails_the_contexts_check(sample):
    result = run("verify", LEGACY, "--site", sample.root)

    assert result.exit_code == 1
    (line,) = verdict_lines(result.stdout)
    assert line == (f"{LEGACY}: INVALID (contexts: no verifier can load {LEGACY_EXTENSION_CONTEXT_URL}; its issuer "
                    "can fix that with credsite reissue)")
    contexts = check_line(result.stdout, "contexts")
    assert contexts.split()[1] == "FAILED" and "credsite reissue" in contexts and "no verifier can load" in contexts
    # Everything else is sound: on the issuer's machine the old context still loads.
    assert check_line(result.stdout, "proof").split()[1] == "ok"
    report = verifying.verify_reports([LEGACY], [sample.root])[0][0]
    assert [f.code for f in report.contexts.findings] == [Reason.CONTEXT]


def test_the_sample_credentials_pass_the_contexts_check(sample):
    reports, _ = verifying.verify_reports(sample.files, [sample.root])
    assert {r.contexts.status for r in reports} == {"ok"}
    assert "inline" in reports[0].contexts.detail


# ---------------------------------------------------------------- the issuer's name


def test_a_name_the_issuers_site_gives_it_is_shown_plainly(sample):
    for site in (sample.root, sample.out):  # site.yaml, or the built issuer.json
        result = run("verify", sample.valid, "--site", site)
        assert check_line(result.stdout, "issued by").split(None, 2)[2] == f"{DID} (Example University)", site


def test_a_name_the_issuers_site_does_not_give_it_says_so(sample, tmp_path):
    forged_name = resign(read_json(sample.valid), issuer={**read_json(sample.valid)["issuer"], "name": "Harvard"})
    path = write_json(forged_name, tmp_path / "renamed.json")

    result = run("verify", path, "--site", sample.root)

    assert verdict_lines(result.stdout) == [f"{path}: valid"]  # the issuer's own key signed it: its own claim
    assert check_line(result.stdout, "issued by").split(None, 2)[2] == \
        f'{DID} (calls itself "Harvard"; its site names it "Example University" or "Voorbeeld Universiteit")'


def test_a_did_key_name_is_self_asserted_even_with_a_site_given(sample, tmp_path):
    key = Ed25519PrivateKey.generate()
    issuer = did_key(key.public_key())
    document = {k: v for k, v in read_json(sample.valid).items() if k not in ("proof", "credentialStatus")}
    document["issuer"] = {**document["issuer"], "id": issuer}
    path = write_json(sign_rdfc(document, key, did_key_verification_method(key.public_key()), "2026-02-01T00:00:00Z"),
                      tmp_path / "didkey.json")

    result = run("verify", path, "--site", sample.root)

    assert result.exit_code == 0, result.stdout
    assert check_line(result.stdout, "issued by").endswith(f'{issuer} (calls itself "Example University"; not checked)')


# ---------------------------------------------------------------- NOT CHECKED


def test_without_the_issuers_site_the_verdict_is_not_checked_and_short(sample, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    result = run("verify", sample.valid)

    assert result.exit_code == 1
    (line,) = verdict_lines(result.stdout)
    assert line.startswith(f"{sample.valid}: NOT CHECKED (")
    assert len(line) - len(str(sample.valid)) < 140  # one reason; the status list is out of reach for the same one
    assert "status list" not in line
    assert "1 of 1 credential(s) did not verify (1 could not be checked offline)" in result.stderr


def test_something_found_wrong_beats_not_checked(sample, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    expired = dict(read_json(sample.valid), validUntil="2020-01-01T00:00:00Z")  # proof now broken, dates too
    path = write_json(expired, tmp_path / "expired.json")
    other = did_key(Ed25519PrivateKey.generate().public_key())

    assert verdict_lines(run("verify", path).stdout)[0].startswith(f"{path}: EXPIRED")
    required = run("verify", sample.valid, "--issuer", other)
    assert verdict_lines(required.stdout)[0].startswith(f"{sample.valid}: INVALID (")
    assert f"not by {other} as --issuer requires" in verdict_lines(required.stdout)[0]


def test_a_missing_status_list_is_invalid_for_the_build_though_verify_says_not_checked(sample):
    """The build has everything it needs: a list it cannot find is a broken site, not an open question."""
    document = read_json(sample.valid)

    def lookup(url: str) -> Finding:
        return Finding(Reason.STATUS_UNAVAILABLE, f"status list {url} is not available offline", url)

    verdict, findings = verification.state_findings(document, lookup, NOW)

    assert verdict.status == "invalid"
    assert verdict.problems == (f"credentialStatus: status list {BASE}status/revocation.json is not available "
                                "offline",)
    assert [(f.code, f.subject) for f in findings] == [(Reason.STATUS_UNAVAILABLE, f"{BASE}status/revocation.json")]
    assert verification.check_state(document, lookup, NOW) == verdict


# ---------------------------------------------------------------- a built output folder as the default site


def test_verify_in_a_built_output_folder_uses_its_did_json(sample, monkeypatch):
    monkeypatch.chdir(sample.out)
    credentials = sorted(Path("badges").glob("*/credential.json"))
    assert credentials

    result = run("verify", *credentials)

    lines = verdict_lines(result.stdout)
    assert len(lines) == len(credentials) and not any("NOT CHECKED" in line for line in lines), lines
    assert sum(line.endswith(": valid") for line in lines) == len(credentials) - len(revoked_ids())
    assert "did.json" in check_line(run("verify", credentials[0]).stdout, "issuer key")


def test_default_sites_are_a_site_folder_or_a_built_output_at_either_did_location(tmp_path):
    for marker in ("content/site.yaml", "did.json", ".well-known/did.json"):
        folder = tmp_path / marker.replace("/", "-")
        (folder / marker).parent.mkdir(parents=True)
        (folder / marker).write_text("{}", encoding="utf-8")
        assert verifying.default_sites(folder) == [folder]
    assert verifying.default_sites(tmp_path) == []


# ---------------------------------------------------------------- the codes the build decides by


@pytest.fixture(scope="module")
def resolver(sample) -> KeyResolver:
    return KeyResolver(read_json(sample.out / "did.json"))


def signature_codes(document, resolver) -> list[tuple[Reason, str]]:
    return [(f.code, f.subject) for f in verification.signature_findings(document, resolver)]


def test_a_sound_credential_has_no_signature_findings(sample, resolver):
    document = read_json(sample.valid)
    assert verification.signature_findings(document, resolver) == ()
    assert verification.check_signature(document, resolver) == ()


def test_another_issuer_is_wrong_issuer(sample, resolver):
    other = KeyResolver({**resolver.document, "id": "did:web:other.example.org"})
    assert (Reason.WRONG_ISSUER, DID) in signature_codes(read_json(sample.valid), other)


def test_a_key_no_longer_listed_is_unknown_key_and_names_the_key(sample, resolver):
    document = read_json(sample.valid)
    without = KeyResolver({**resolver.document, "assertionMethod": [], "verificationMethod": []})
    method = document["proof"][0]["verificationMethod"]

    assert signature_codes(document, without) == [(Reason.UNKNOWN_KEY, method)]
    # The old shape, messages only, is what build/issued.py reads until it uses the codes.
    assert verification.check_signature(document, without) == (f"proof: unknown verification method {method}",)


def test_tampering_a_foreign_key_and_the_schema_each_have_their_code(sample, resolver):
    document = read_json(sample.valid)
    assert [c for c, _ in signature_codes(dict(document, name="Changed"), resolver)] == [Reason.BAD_SIGNATURE]

    intruder = Ed25519PrivateKey.generate()
    method = did_key_verification_method(intruder.public_key())
    foreign = sign_rdfc({k: v for k, v in document.items() if k != "proof"}, intruder, method, "2026-02-01T00:00:00Z")
    assert signature_codes(foreign, resolver) == [(Reason.FOREIGN_KEY, method)]

    no_subject = resign(document, credentialSubject={})
    assert {c for c, _ in signature_codes(no_subject, resolver)} == {Reason.SCHEMA}


def test_a_status_list_that_does_not_verify_is_status_invalid_with_its_url(sample, resolver, tmp_path):
    folder = tmp_path / "site"
    (folder / "status").mkdir(parents=True)
    status = read_json(sample.out / "status" / "revocation.json")
    status["validFrom"] = "2020-01-01T00:00:00Z"  # its proof no longer matches
    (folder / "status" / "revocation.json").write_text(json.dumps(status), encoding="utf-8")
    lookup = verification.status_lookup_from_files(
        BASE, folder, lambda url: url.removeprefix(BASE) if url.startswith(BASE) else None, resolver, NOW)

    verdict, findings = verification.state_findings(read_json(sample.valid), lookup, NOW)

    assert verdict.status == "invalid"
    assert [(f.code, f.subject) for f in findings] == [(Reason.STATUS_INVALID, f"{BASE}status/revocation.json")]


def test_state_findings_are_those_of_the_check_that_decided_the_verdict(sample, resolver):
    """Expired and its list out of reach: the build's verdict is invalid, and only the list decides its fix."""
    document = dict(read_json(sample.valid), validUntil="2020-01-01T00:00:00Z")

    def lookup(url: str) -> Finding:
        return Finding(Reason.STATUS_UNAVAILABLE, f"status list {url} is not available offline", url)

    verdict, findings = verification.state_findings(document, lookup, NOW)

    assert verdict.status == "invalid"
    assert [f.code for f in findings] == [Reason.STATUS_UNAVAILABLE]
    valid, none = verification.state_findings(read_json(sample.valid), lambda url: bytearray(16384), NOW)
    assert valid.status == "valid" and none == ()


def test_a_faulty_status_entry_names_no_list_to_restore():
    document = {"id": "urn:uuid:1", "credentialStatus": {
        "type": "BitstringStatusListEntry", "statusListIndex": "999999999",
        "statusListCredential": f"{BASE}status/revocation.json"}}
    _, findings = verification.state_findings(dict(document, validFrom="2020-01-01T00:00:00Z"),
                                              lambda url: bytearray(16), NOW)
    assert [(f.code, f.subject) for f in findings] == [(Reason.STATUS_INVALID, "")]
