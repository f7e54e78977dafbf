"""generator/credentials/ after the split: one job per module, findings with codes, and the bugs mypy led to.

Data Integrity is canonical.py (guards, RDFC-1.0, JCS), cryptosuites.py (one
proof of eddsa-rdfc-2022 or eddsa-jcs-2022) and proofs.py (proof sets and
chains). What verification finds wrong carries a Reason, so callers decide by
code, never by the wording of a message.
"""

from __future__ import annotations

import ast
import copy
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from conftest import ROOT
from generator.credentials import closed_world, cryptosuites, statuslist, verification
from generator.credentials.did import KeyResolver
from generator.credentials.findings import Finding, Reason, messages
from generator.credentials.linked_data import LEGACY_EXTENSION_CONTEXT_URL
from generator.credentials.multikey import did_key, did_key_verification_method, public_to_multibase
from generator.credentials.proofs import sign_rdfc, verify

PACKAGE = ROOT / "generator" / "credentials"
CREATED = "2026-01-15T09:00:00Z"
VC_V2 = "https://www.w3.org/ns/credentials/v2"


def generator_imports(path: Path) -> set[str]:
    """The generator modules a file imports, at any depth of the file (deferred imports too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("generator"))
    return found


# ---------------------------------------------------------------- the layout


def test_every_credentials_module_is_under_400_lines():
    sizes = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in PACKAGE.glob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 400} == {}
    assert {"canonical.py", "cryptosuites.py", "proofs.py", "findings.py"} <= set(sizes)


def test_credentials_imports_no_higher_stage():
    """Verification checks documents; reading --site folders and badge images is commands/verify.py's job."""
    higher = ("generator.content", "generator.site", "generator.build", "generator.issuing", "generator.commands")
    offending = {path.name: sorted(m for m in generator_imports(path) if m.startswith(higher))
                 for path in PACKAGE.glob("*.py")}
    assert {name: mods for name, mods in offending.items() if mods} == {}


def test_canonical_forms_know_nothing_of_keys_and_cryptosuites_nothing_of_proof_sets():
    assert not {m for m in generator_imports(PACKAGE / "canonical.py")
                if m.endswith(("cryptosuites", "proofs", "multikey", "did"))}
    assert "generator.credentials.proofs" not in generator_imports(PACKAGE / "cryptosuites.py")


# ---------------------------------------------------------------- codes from proofs.verify


@pytest.fixture(scope="module")
def signed():
    """A small credential signed by a did:key, and that key's resolver."""
    key = Ed25519PrivateKey.generate()
    method = did_key_verification_method(key.public_key())
    document = {"@context": [VC_V2], "id": "urn:uuid:8a7e5b4c-0000-4000-8000-000000000001",
                "type": ["VerifiableCredential"], "issuer": did_key(key.public_key()),
                "validFrom": "2026-01-01T00:00:00Z", "credentialSubject": {"id": "did:example:learner"}}
    resolve = {method: key.public_key()}.get
    return sign_rdfc(document, key, method, CREATED), method, resolve


def codes(result) -> list[Reason]:
    return [f.code for f in result.findings]


def test_a_sound_proof_has_no_findings(signed):
    document, method, resolve = signed
    result = verify(document, resolve)
    assert result.ok and result.findings == () and result.problems == []
    assert result.verification_methods == [method]


def test_each_kind_of_proof_failure_has_its_code(signed):
    document, method, resolve = signed
    tampered = {**document, "id": "urn:uuid:8a7e5b4c-0000-4000-8000-000000000002"}
    assert codes(verify(tampered, resolve)) == [Reason.BAD_SIGNATURE]

    unknown = verify(document, lambda vm: None)
    assert codes(unknown) == [Reason.UNKNOWN_KEY]
    assert unknown.findings[0].subject == method  # the build names the key in its fix

    wrong_member = copy.deepcopy(document)
    wrong_member["proof"][0]["proofPurpose"] = "authentication"
    assert codes(verify(wrong_member, resolve)) == [Reason.BAD_PROOF]

    undefined = {**document, "nmae": "a term no context defines"}
    assert set(codes(verify(undefined, resolve))) == {Reason.JSON_LD}

    assert codes(verify(["not", "an", "object"], resolve)) == [Reason.NOT_JSON_OBJECT]
    assert codes(verify({k: v for k, v in document.items() if k != "proof"}, resolve)) == [Reason.BAD_PROOF]


def test_a_jcs_proof_whose_context_is_not_the_documents_is_a_bad_proof():
    with pytest.raises(Exception) as caught:
        cryptosuites.jcs_hash_data({"@context": [VC_V2]}, {"@context": ["https://example.org/other"]})
    assert getattr(caught.value, "code", None) is Reason.BAD_PROOF


def test_findings_survive_a_json_cache_and_damaged_entries_do_not():
    finding = Finding(Reason.UNKNOWN_KEY, "proof: unknown verification method did:web:x#k1", "did:web:x#k1", "short")
    assert Finding.from_json(finding.to_json()) == finding
    for damaged in ("proof: unknown verification method", ["no-such-code", "m", "", ""], ["unknown-key", "m"], None):
        assert Finding.from_json(damaged) is None
    assert messages([finding]) == ("proof: unknown verification method did:web:x#k1",)
    assert str(finding) == finding.message and finding.short == "short"


def test_closed_world_findings_say_which_url_and_what_kind():
    base = "https://uni.example.org/mc/"
    publishes = {f"{base}achievements/a/1.json", f"{base}status/revocation.json"}.__contains__
    found = closed_world.url_findings(
        [VC_V2, LEGACY_EXTENSION_CONTEXT_URL, "https://contexts.example.org/v1"],
        [(closed_world.ACHIEVEMENT_FIELD, f"{base}achievements/b/1.json"),
         ("credentialStatus.statusListCredential", f"{base}status/revocation.json"),
         ("issuer.image", "https://cdn.example.org/logo.png")],
        publishes)
    assert [(f.code, f.subject) for f in found] == [
        (Reason.CONTEXT, LEGACY_EXTENSION_CONTEXT_URL),
        (Reason.CONTEXT, "https://contexts.example.org/v1"),
        (Reason.ACHIEVEMENT, f"{base}achievements/b/1.json"),
        (Reason.LINK, "https://cdn.example.org/logo.png"),
    ]
    assert closed_world.url_problems([LEGACY_EXTENSION_CONTEXT_URL], [], publishes) == [found[0].message]


# ---------------------------------------------------------------- bugs mypy pointed at


def status_document(**entry) -> dict:
    url = "https://uni.example.org/mc/status/revocation.json"
    return {"id": "urn:uuid:1", "credentialStatus": {
        "type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "1",
        "statusListCredential": url, **entry}}


def one_bit_set() -> bytearray:
    bits = statuslist.empty()
    statuslist.set_bit(bits, 1)
    return bits


@pytest.mark.parametrize("index", [True, 1.0, 1.9, " 1", "1\n", "\u0661", None, "-1"])
def test_a_status_index_that_is_not_a_string_of_digits_is_refused(index):
    """int() read true, 1.9, " 1" and the Arabic-Indic digit one as index 1: a wrong bit decided the status."""
    judged = verification.status_check(status_document(statusListIndex=index), lambda url: one_bit_set())

    assert judged.check.status == verification.FAILED and judged.outcome == verification.INVALID
    assert [f.code for f in judged.check.findings] == [Reason.STATUS_INVALID]
    assert "statusListIndex: not a number" in judged.check.detail


def test_a_status_index_of_digits_reads_its_bit():
    assert verification.status_check(status_document(), lambda url: one_bit_set()).outcome == verification.REVOKED
    unset = verification.status_check(status_document(statusListIndex="2"), lambda url: one_bit_set())
    assert unset.check.status == verification.OK


def test_a_status_purpose_that_is_not_text_is_a_finding_not_a_crash():
    """{...}.get(purpose) raised TypeError for a list: credsite verify ended in an internal error."""
    judged = verification.status_check(status_document(statusListIndex="2", statusPurpose=["revocation"]),
                                       lambda url: one_bit_set())
    assert [f.code for f in judged.check.findings] == [Reason.STATUS_INVALID]


def test_a_did_document_with_odd_members_resolves_nothing_and_never_crashes():
    """A --site folder's did.json may be anyone's: an int under assertionMethod raised AttributeError."""
    did = "did:web:odd.example.org"
    key = Ed25519PrivateKey.generate().public_key()
    method = {"id": f"{did}#k1", "type": "Multikey", "controller": did, "publicKeyMultibase": public_to_multibase(key)}
    for document in ({"id": did, "assertionMethod": f"{did}#k1", "verificationMethod": [method]},
                     {"id": did, "assertionMethod": [f"{did}#k1"], "verificationMethod": "junk"},
                     {"id": 42, "assertionMethod": [f"{did}#k1"], "verificationMethod": [method]}):
        assert KeyResolver(document)(f"{did}#k1") is None, document
    assert KeyResolver({"id": 42}).did == ""
    # Odd entries are skipped; the key listed beside them still resolves.
    good = KeyResolver({"id": did, "assertionMethod": [1, None, f"{did}#k1"], "verificationMethod": [7, method]})
    assert good(f"{did}#k1") is not None


def test_a_verification_method_embedded_under_assertion_method_resolves():
    did = "did:web:embedded.example.org"
    key = Ed25519PrivateKey.generate().public_key()
    method = {"id": f"{did}#k1", "type": "Multikey", "controller": did, "publicKeyMultibase": public_to_multibase(key)}
    resolved = KeyResolver({"id": did, "assertionMethod": [method]})(f"{did}#k1")
    assert resolved is not None and resolved.public_bytes_raw() == key.public_bytes_raw()


def test_a_set_bit_is_not_hidden_by_another_list_out_of_reach():
    """NOT CHECKED is the least verdict: a revoked bit found in one list still says REVOKED."""
    elsewhere = "https://elsewhere.example.org/status/1"
    document = status_document()
    document["credentialStatus"] = [document["credentialStatus"],
                                    {**document["credentialStatus"], "statusListCredential": elsewhere}]

    def lookup(url: str) -> bytearray | Finding:
        if url == elsewhere:
            return Finding(Reason.STATUS_UNAVAILABLE, f"status list {url} is not available offline", url)
        return one_bit_set()

    assert verification.status_check(document, lookup).outcome == verification.REVOKED
    only_elsewhere = dict(document, credentialStatus=document["credentialStatus"][1])
    assert verification.status_check(only_elsewhere, lookup).outcome == verification.NOT_CHECKED


def test_a_credential_without_context_fails_the_contexts_check():
    judged = verification.contexts_check({"id": "urn:uuid:1"})
    assert judged.check.status == verification.FAILED and judged.outcome == verification.INVALID
    assert verification.contexts_check({"@context": [VC_V2, {"x": "https://example.org/x"}]}).check.status == "ok"
