"""Data Integrity EdDSA: W3C test vectors byte for byte, did:key vectors, guards, proof sets.

The W3C vectors and the contexts they use are vendored in tests/vendor/ (vc-di-eddsa,
did-key, contexts); each folder's sources.json names where they came from.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from pathlib import Path

import base58
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyld import jsonld

from conftest import VENDOR, read_json, vendor_sources
from generator.credentials import canonical, cryptosuites, linked_data, multikey
from generator.credentials.canonical import IntegrityError
from generator.credentials.findings import Reason
from generator.credentials.proofs import sign_rdfc, verify

DID_KEY = VENDOR / "did-key" / "ed25519-x25519.json"
EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2"
CITIZENSHIP = "https://w3id.org/citizenship/v4rc1"
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


@pytest.fixture(scope="module")
def vectors() -> Path:
    """The W3C vc-di-eddsa TestVectors folder."""
    return VENDOR / "vc-di-eddsa"


@pytest.fixture(scope="module")
def extra() -> dict[str, dict]:
    """The test-only contexts the vectors use, by URL."""
    files = {entry["url"]: VENDOR / "contexts" / entry["file"] for entry in vendor_sources("contexts")}
    return {url: json.loads(files[url].read_bytes()) for url in (EXAMPLES_V2, CITIZENSHIP)}


@pytest.fixture(scope="module")
def key_pair(vectors) -> dict:
    return json.loads((vectors / "keyPair.json").read_bytes())


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # no newline translation: compare exact bytes


def resolve(vm: str):
    return multikey.resolve_did_key(vm)


# ---------------------------------------------------------------- eddsa-rdfc-2022 vectors

RDFC_CASES = [
    pytest.param("unsigned.json", "eddsa-rdfc-2022", id="main"),
    pytest.param("employmentAuth.json", "eddsa-rdfc-2022/employ", id="employ"),
]


@pytest.mark.parametrize("unsigned_name, folder", RDFC_CASES)
def test_rdfc_vector_byte_for_byte(vectors, extra, key_pair, unsigned_name, folder):
    here = vectors / folder
    unsigned = read_json(vectors / unsigned_name)
    config = read_json(here / "proofConfigDataInt.json")
    loader = linked_data.loader(extra)

    canon_doc = canonical.canonicalize(unsigned, loader)
    canon_proof = canonical.canonicalize(config, loader)
    assert canon_doc == read_text(here / "canonDocDataInt.txt")
    assert canon_proof == read_text(here / "proofCanonDataInt.txt")
    # The shortcut (normalizing the guarded expansion) equals plain pyld on the compact form.
    options = {"algorithm": "URDNA2015", "format": "application/n-quads",
               "documentLoader": loader, "base": None}
    assert jsonld.normalize(unsigned, options) == canon_doc

    assert hashlib.sha256(canon_doc.encode()).hexdigest() == read_text(here / "docHashDataInt.txt")
    assert hashlib.sha256(canon_proof.encode()).hexdigest() == read_text(here / "proofHashDataInt.txt")
    data = cryptosuites.hash_data(canon_proof, canon_doc)
    assert data.hex() == read_text(here / "combinedHashDataInt.txt")

    private = multikey.private_from_multibase(key_pair["privateKeyMultibase"])
    signature = private.sign(data)
    assert signature.hex() == read_text(here / "sigHexDataInt.txt")
    assert "z" + base58.b58encode(signature).decode() == read_text(here / "sigBTC58DataInt.txt")


@pytest.mark.parametrize("unsigned_name, folder", RDFC_CASES)
def test_sign_rdfc_reproduces_signed_vector(vectors, extra, key_pair, unsigned_name, folder):
    unsigned = read_json(vectors / unsigned_name)
    expected = read_json(vectors / folder / "signedDataInt.json")
    config = read_json(vectors / folder / "proofConfigDataInt.json")
    private = multikey.private_from_multibase(key_pair["privateKeyMultibase"])
    before = copy.deepcopy(unsigned)

    signed = sign_rdfc(unsigned, private, config["verificationMethod"], config["created"], extra)

    assert unsigned == before, "the input must not be modified"
    assert isinstance(signed["proof"], list) and len(signed["proof"]) == 1
    proof = signed["proof"][0]
    assert proof == expected["proof"]
    assert list(proof) == list(expected["proof"])  # same member order as the W3C file
    assert {k: v for k, v in signed.items() if k != "proof"} == before
    assert verify(signed, resolve, extra).ok


@pytest.mark.parametrize("path", [
    "eddsa-rdfc-2022/signedDataInt.json",
    "eddsa-rdfc-2022/employ/signedDataInt.json",
    "eddsa-jcs-2022/signedJCS.json",
    "proof-set-chain/signedProofSet2.json",
    "proof-set-chain/signedProofChain2.json",
])
def test_verify_accepts_w3c_signed_documents(vectors, extra, path):
    document = read_json(vectors / path)
    result = verify(document, resolve, extra)
    assert result.ok, result.problems
    assert result.problems == []
    proofs = document["proof"] if isinstance(document["proof"], list) else [document["proof"]]
    assert result.verification_methods == [p["verificationMethod"] for p in proofs]


def test_jcs_vector_byte_for_byte(vectors):
    here = vectors / "eddsa-jcs-2022"
    unsigned = read_json(vectors / "unsigned.json")
    config = read_json(here / "proofConfigJCS.json")
    assert canonical.jcs(unsigned).decode() == read_text(here / "canonDocJCS.txt")
    assert canonical.jcs(config).decode() == read_text(here / "proofCanonJCS.txt")
    data = cryptosuites.hash_data(canonical.jcs(config), canonical.jcs(unsigned))
    assert data.hex() == read_text(here / "combinedHashJCS.txt")


def _change_one_character(text: str) -> str:
    return text[:-1] + ("X" if text[-1] != "X" else "Y")


TAMPER_FIELDS = [
    ("name",),
    ("description",),
    ("validFrom",),
    ("issuer",),
    ("credentialSubject", "alumniOf"),
    ("credentialSubject", "id"),
]


@pytest.mark.parametrize("path", ["eddsa-rdfc-2022/signedDataInt.json", "eddsa-jcs-2022/signedJCS.json"])
@pytest.mark.parametrize("field", TAMPER_FIELDS, ids=".".join)
def test_verify_rejects_changed_field(vectors, extra, path, field):
    document = read_json(vectors / path)
    holder = document
    for key in field[:-1]:
        holder = holder[key]
    original = holder[field[-1]]
    holder[field[-1]] = (original[:-2] + "1Z") if field == ("validFrom",) else _change_one_character(original)
    assert holder[field[-1]] != original

    result = verify(document, resolve, extra)
    assert not result.ok
    assert result.verification_methods == []
    assert any("signature does not match" in p for p in result.problems), result.problems


@pytest.mark.parametrize("path", ["eddsa-rdfc-2022/signedDataInt.json", "eddsa-jcs-2022/signedJCS.json"])
@pytest.mark.parametrize("change", ["proofValue", "created"])
def test_verify_rejects_changed_proof(vectors, extra, path, change):
    document = read_json(vectors / path)
    value = document["proof"][change]
    if change == "proofValue":  # another base58 character, still 64 bytes
        document["proof"][change] = value[:10] + ("2" if value[10] != "2" else "3") + value[11:]
    else:
        document["proof"][change] = value.replace("36:38", "36:39")
    result = verify(document, resolve, extra)
    assert not result.ok
    assert result.problems and all(p.startswith("proof: ") for p in result.problems)


def test_verify_reports_unknown_verification_method(vectors, extra):
    document = read_json(vectors / "eddsa-rdfc-2022/signedDataInt.json")
    result = verify(document, lambda vm: None, extra)
    assert not result.ok
    assert result.problems == [f"proof: unknown verification method {document['proof']['verificationMethod']}"]


@pytest.mark.parametrize("member, value, expected", [
    ("type", "Ed25519Signature2020", "type must be DataIntegrityProof"),
    ("proofPurpose", "authentication", "proofPurpose must be assertionMethod"),
    ("cryptosuite", "ecdsa-rdfc-2019", "cryptosuite 'ecdsa-rdfc-2019' is not supported"),
    ("proofValue", "u-not-base58", "proofValue must be base58btc"),
    ("proofValue", "z2YwC8z3", "an Ed25519 signature has 64"),
])
def test_verify_rejects_bad_proof_members(vectors, extra, member, value, expected):
    document = read_json(vectors / "eddsa-rdfc-2022/signedDataInt.json")
    document["proof"][member] = value
    result = verify(document, resolve, extra)
    assert not result.ok
    assert any(expected in p for p in result.problems), result.problems


# ---------------------------------------------------------------- proof sets


def test_proof_set_from_two_keys_both_verify(vectors, extra):
    unsigned = read_json(vectors / "unsigned.json")
    first, second = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    vm1 = multikey.did_key_verification_method(first.public_key())
    vm2 = multikey.did_key_verification_method(second.public_key())

    once = sign_rdfc(unsigned, first, vm1, "2026-01-15T09:00:00Z", extra)
    twice = sign_rdfc(once, second, vm2, "2026-01-15T09:01:00Z", extra)

    assert [p["verificationMethod"] for p in twice["proof"]] == [vm1, vm2]
    assert twice["proof"][0] == once["proof"][0]
    result = verify(twice, resolve, extra)
    assert result.ok, result.problems
    assert result.verification_methods == [vm1, vm2]

    # Each proof signs the document alone: dropping one leaves the other valid.
    alone = {**twice, "proof": [twice["proof"][1]]}
    assert verify(alone, resolve, extra).ok

    # One bad proof in the set fails the whole document and says which one.
    broken = copy.deepcopy(twice)
    broken["proof"][1]["created"] = "2026-01-15T09:02:00Z"
    result = verify(broken, resolve, extra)
    assert not result.ok
    assert result.verification_methods == [vm1]
    assert result.problems[0].startswith("proof[1]: the signature does not match")


def test_sign_appends_to_a_single_proof_object(vectors, extra, key_pair):
    signed = read_json(vectors / "eddsa-rdfc-2022/signedDataInt.json")
    other = Ed25519PrivateKey.generate()
    result = sign_rdfc(signed, other, multikey.did_key_verification_method(other.public_key()),
                       "2026-01-15T09:00:00Z", extra)
    assert isinstance(result["proof"], list) and len(result["proof"]) == 2
    assert result["proof"][0] == signed["proof"]
    assert verify(result, resolve, extra).ok


# ---------------------------------------------------------------- guards


def ob_credential(**achievement_extra) -> dict:
    """A small OB 3.0 credential using only contexts the package ships."""
    return {
        "@context": [VC_V2, OB_V3],
        "id": "urn:uuid:2f1d4a3c-0d6b-4a0e-9b7d-2a6c5d8e9f01",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "did:web:badges.example.org", "type": ["Profile"], "name": "Example University"},
        "validFrom": "2026-01-15T09:00:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "id": "did:example:learner",
            "achievement": {
                "id": "https://badges.example.org/achievements/testing.json",
                "type": ["Achievement"],
                "name": "Testing Things Well",
                "description": "A short course about testing.",
                "criteria": {"narrative": "Pass the exam.\nShow your tests."},
                **achievement_extra,
            },
        },
    }


@pytest.fixture
def signer():
    private = Ed25519PrivateKey.generate()
    return private, multikey.did_key_verification_method(private.public_key())


def test_ob_credential_signs_and_verifies(signer):
    private, vm = signer
    signed = sign_rdfc(ob_credential(), private, vm, "2026-01-15T09:00:00Z")
    result = verify(signed, resolve)
    assert result.ok, result.problems
    assert result.verification_methods == [vm]


def test_guard_undefined_term(signer):
    private, vm = signer
    document = ob_credential(nmae="typo")
    with pytest.raises(IntegrityError) as caught:
        sign_rdfc(document, private, vm, "2026-01-15T09:00:00Z")
    message = str(caught.value)
    assert "credentialSubject.achievement.nmae" in message
    assert "'nmae' is not defined by any @context" in message


def test_guard_relative_type(signer):
    private, vm = signer
    document = ob_credential()
    # 1EdTechJsonSchemaValidator2019 needs extensions.json in @context (standards.md 1.2, 6.4).
    document["credentialSchema"] = [{
        "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
        "type": "1EdTechJsonSchemaValidator2019",
    }]
    with pytest.raises(IntegrityError) as caught:
        sign_rdfc(document, private, vm, "2026-01-15T09:00:00Z")
    message = str(caught.value)
    assert "credentialSchema[0].type" in message
    assert "'1EdTechJsonSchemaValidator2019' is a relative IRI" in message

    # With the extensions context the same document signs.
    document["@context"] = [VC_V2, OB_V3, "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"]
    assert verify(sign_rdfc(document, private, vm, "2026-01-15T09:00:00Z"), resolve).ok


def test_guard_relative_id(signer):
    private, vm = signer
    document = ob_credential()
    document["credentialSubject"]["id"] = "learners/42"
    with pytest.raises(IntegrityError, match=r"credentialSubject\.id: 'learners/42' is a relative IRI"):
        sign_rdfc(document, private, vm, "2026-01-15T09:00:00Z")


@pytest.mark.parametrize("iri, shown", [("https://example.org/my badge.png", "a space"),
                                        ("https://example.org/a<b>", "'<'")])
def test_guard_malformed_iri(signer, iri, shown):
    """pyld drops the triple for an IRI with a space and writes broken N-Quads for '<'."""
    private, vm = signer
    document = ob_credential(image={"id": iri, "type": "Image"})
    with pytest.raises(IntegrityError) as caught:
        sign_rdfc(document, private, vm, "2026-01-15T09:00:00Z")
    assert (f"credentialSubject.achievement.image.id: '{iri}' is not a valid IRI (it contains {shown})"
            in str(caught.value))


@pytest.mark.parametrize("char, code", [("\x08", "U+0008"), ("\t", "U+0009"), ("\r", "U+000D"),
                                        ("\x00", "U+0000"), ("\x1f", "U+001F"), ("\x7f", "U+007F")])
def test_guard_control_character(signer, char, code):
    private, vm = signer
    document = ob_credential()
    document["credentialSubject"]["achievement"]["name"] = f"Testing{char}Things"
    with pytest.raises(IntegrityError) as caught:
        sign_rdfc(document, private, vm, "2026-01-15T09:00:00Z")
    message = str(caught.value)
    assert "credentialSubject.achievement.name" in message
    assert code in message


def test_guard_control_character_in_array_item(signer):
    private, vm = signer
    document = ob_credential(tag=["fine", "not\x08fine"])
    with pytest.raises(IntegrityError, match=r"credentialSubject\.achievement\.tag\[1\]"):
        sign_rdfc(document, private, vm, "2026-01-15T09:00:00Z")


def test_guard_reports_every_problem(signer):
    private, vm = signer
    document = ob_credential(nmae="typo")
    document["name"] = "bad\x08name"
    document["description"] = "bad\ttab"
    with pytest.raises(IntegrityError) as caught:
        sign_rdfc(document, private, vm, "2026-01-15T09:00:00Z")
    paths = " ".join(caught.value.problems)
    assert "name:" in paths and "description:" in paths


def test_newline_is_allowed(signer):
    private, vm = signer
    signed = sign_rdfc(ob_credential(), private, vm, "2026-01-15T09:00:00Z")
    assert "\n" in signed["credentialSubject"]["achievement"]["criteria"]["narrative"]
    assert verify(signed, resolve).ok


@pytest.mark.parametrize("created", ["2026-01-15", "2026-02-30T09:00:00Z", "yesterday", None])
def test_sign_rejects_bad_created(signer, created):
    private, vm = signer
    with pytest.raises(IntegrityError, match="created"):
        sign_rdfc(ob_credential(), private, vm, created)


@pytest.mark.parametrize("vm", ["key-1", "#key-1", "", "did:web:example.org#key 1"])
def test_sign_rejects_relative_verification_method(vm):
    with pytest.raises(IntegrityError, match="verificationMethod"):
        sign_rdfc(ob_credential(), Ed25519PrivateKey.generate(), vm, "2026-01-15T09:00:00Z")


def test_sign_rejects_did_key_of_another_key(signer):
    private, _ = signer
    other = multikey.did_key_verification_method(Ed25519PrivateKey.generate().public_key())
    with pytest.raises(IntegrityError, match="different key"):
        sign_rdfc(ob_credential(), private, other, "2026-01-15T09:00:00Z")


def test_verify_applies_the_guards_without_raising(signer):
    private, vm = signer
    signed = sign_rdfc(ob_credential(), private, vm, "2026-01-15T09:00:00Z")
    signed["credentialSubject"]["achievement"]["nmae"] = "added later"
    signed["credentialSubject"]["achievement"]["description"] = "bad\x08text"
    result = verify(signed, resolve)
    assert not result.ok
    text = " ".join(result.problems)
    assert "credentialSubject.achievement.nmae" in text
    assert "credentialSubject.achievement.description" in text and "U+0008" in text


def test_verify_unknown_context_is_a_clear_problem(vectors, signer):
    private, vm = signer
    document = read_json(vectors / "eddsa-rdfc-2022/signedDataInt.json")  # needs examples/v2
    result = verify(document, resolve)  # ... which is not passed
    assert not result.ok
    assert len(result.problems) == 1
    assert result.problems[0].startswith(f"unknown JSON-LD context {EXAMPLES_V2}")
    assert "Traceback" not in result.problems[0]


def test_unknown_context_attempts_no_network(no_network, signer):
    attempts = no_network
    private, vm = signer
    signed = sign_rdfc(ob_credential(), private, vm, "2026-01-15T09:00:00Z")
    assert verify(signed, resolve).ok
    signed["@context"] = [*signed["@context"], "https://contexts.example.org/unknown/v1"]
    result = verify(signed, resolve)
    assert not result.ok
    assert result.problems[0].startswith("unknown JSON-LD context https://contexts.example.org/unknown/v1")
    with pytest.raises(IntegrityError, match="unknown JSON-LD context https://contexts.example.org/unknown/v1"):
        sign_rdfc({k: v for k, v in signed.items() if k != "proof"}, private, vm, "2026-01-15T09:00:00Z")
    assert attempts == []


@pytest.mark.parametrize("document", [
    {"@context": [42], "proof": {"type": "DataIntegrityProof"}},
    {"@context": {"@version": 2.0}, "proof": {"type": "DataIntegrityProof"}},
    {"@context": VC_V2, "id": {"not": "an iri"}, "proof": {"type": "DataIntegrityProof"}},
    {"@context": VC_V2, "proof": "z123"},
    {"@context": VC_V2, "proof": []},
    {"@context": VC_V2},
    ["not", "an", "object"],
])
def test_verify_malformed_input_is_a_problem_not_an_exception(document):
    result = verify(document, resolve)
    assert not result.ok
    assert result.problems and all(isinstance(p, str) and "Traceback" not in p for p in result.problems)


def test_resolver_errors_become_problems(signer):
    private, vm = signer
    signed = sign_rdfc(ob_credential(), private, vm, "2026-01-15T09:00:00Z")

    def broken(_vm):
        raise ValueError("DID document not found")

    result = verify(signed, broken)
    assert result.problems == [f"proof: cannot resolve verification method {vm}: DID document not found"]


# ---------------------------------------------------------------- multikey / did:key


def test_did_key_vectors(vectors):
    cases = read_json(DID_KEY)
    assert len(cases) == 5
    for did, case in cases.items():
        private = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(case["seed"]))
        public = private.public_key()
        assert multikey.did_key(public) == did
        multibase = did.removeprefix("did:key:")
        vm = f"{did}#{multibase}"
        assert case["verificationKeyPair"]["id"] in (f"#{multibase}", vm)
        assert multikey.did_key_verification_method(public) == vm
        published = case["verificationKeyPair"]
        if "publicKeyBase58" in published:
            expected_raw = base58.b58decode(published["publicKeyBase58"])
        else:  # the JsonWebKey2020 entry
            expected_raw = base64.urlsafe_b64decode(published["publicKeyJwk"]["x"] + "=")
        for ref in (did, vm):
            assert multikey.resolve_did_key(ref).public_bytes_raw() == expected_raw
        assert multikey.public_from_multibase(multikey.public_to_multibase(public)).public_bytes_raw() == expected_raw
        secret = multikey.private_to_multibase(private)
        assert multikey.private_from_multibase(secret).private_bytes_raw() == private.private_bytes_raw()


def test_key_pair_vector(key_pair):
    private = multikey.private_from_multibase(key_pair["privateKeyMultibase"])
    assert multikey.private_to_multibase(private) == key_pair["privateKeyMultibase"]
    assert multikey.public_to_multibase(private.public_key()) == key_pair["publicKeyMultibase"]
    public = multikey.public_from_multibase(key_pair["publicKeyMultibase"])
    assert public.public_bytes_raw() == private.public_key().public_bytes_raw()


def test_round_trip_fresh_key():
    private = Ed25519PrivateKey.generate()
    public = private.public_key()
    encoded = multikey.public_to_multibase(public)
    assert encoded.startswith("z6Mk")
    assert multikey.did_key(public) == "did:key:" + encoded
    assert multikey.public_from_multibase(encoded).public_bytes_raw() == public.public_bytes_raw()
    secret = multikey.private_to_multibase(private)
    assert secret.startswith("z3u2")
    assert multikey.private_from_multibase(secret).private_bytes_raw() == private.private_bytes_raw()


@pytest.mark.parametrize("value, message", [
    ("6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", "must start with 'z'"),
    ("z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW", "prefix 0xed01"),  # an X25519 key
    ("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq", "prefix 0xed01"),  # a secret key
    ("z" + base58.b58encode(b"\xed\x01" + bytes(31)).decode(), "has 31 key bytes; Ed25519 keys have 32"),
    ("z" + base58.b58encode(b"\xed\x01" + bytes(33)).decode(), "has 33 key bytes; Ed25519 keys have 32"),
    ("z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDoo", "prefix 0xed01"),  # truncated
    ("z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDoo0p", "'0' is not base58btc"),
    ("z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp ", "' ' is not base58btc"),
    ("z", "it is empty"),
])
def test_public_from_multibase_errors(value, message):
    with pytest.raises(ValueError, match=message):
        multikey.public_from_multibase(value)


def test_private_errors_never_show_the_key(key_pair):
    secret = key_pair["privateKeyMultibase"]
    for bad in (secret[:-3], secret + "0", key_pair["publicKeyMultibase"], "x" + secret[1:]):
        with pytest.raises(ValueError) as caught:
            multikey.private_from_multibase(bad)
        assert secret[5:20] not in str(caught.value)
        assert "secretKeyMultibase" in str(caught.value)


@pytest.mark.parametrize("value", [
    "did:web:example.org",
    "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
    "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#key-1",
    "did:key:z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW",
])
def test_resolve_did_key_errors(value):
    with pytest.raises(ValueError):
        multikey.resolve_did_key(value)


def test_json_literal_is_not_a_relative_iri(signer):
    """`@type: @json` values (e.g. VC 2.0 jsonSchema) stay "@json" after expansion; not an IRI."""
    private, vm = signer
    document = ob_credential()
    document["@context"] = [*document["@context"],
                            {"rawData": {"@id": "https://example.org/vocab#rawData", "@type": "@json"}}]
    document["rawData"] = {"b": [1, 2], "a": "text"}
    assert verify(sign_rdfc(document, private, vm, "2026-01-15T09:00:00Z"), resolve).ok


def test_control_character_check_finds_every_one_in_values_and_names():
    # The check first looks at the document's JSON text and walks it only on a hit;
    # every character must come out the same as the plain rule says.
    from generator.credentials.canonical import control_character_problems

    for code in range(0x80):
        char = chr(code)
        bad = (code < 0x20 and char != "\n") or code == 0x7F
        for document in ({"name": f"a{char}b"}, {f"na{char}me": "x"}, {"list": ["ok", {"deep": char}]}):
            assert bool(control_character_problems(document)) == bad, (hex(code), document)
    # Backslashes followed by letters are text, not control characters.
    assert control_character_problems({"path": "C:\\temp\\report\\u0001"}) == []


def test_a_signature_made_the_standard_way_is_checked_as_openssl_checks_it():
    # check_signature asks libsodium; for keys and signatures made the standard way it answers as OpenSSL does.
    import random

    from cryptography.exceptions import InvalidSignature

    rng = random.Random(5)
    keys = [Ed25519PrivateKey.from_private_bytes(rng.randbytes(32)) for _ in range(8)]
    for n in range(400):
        key = rng.choice(keys)
        data = rng.randbytes(rng.choice([0, 1, 64, 200]))
        signature = key.sign(data)
        public = rng.choice(keys).public_key() if n % 5 == 0 else key.public_key()
        kind = n % 4
        if kind == 1:  # one bit changed, in R, in S, or in what was signed
            spot = rng.randrange(64 + len(data))
            if spot < 64:
                signature = bytes(b ^ (1 << rng.randrange(8)) if i == spot else b for i, b in enumerate(signature))
            else:
                data = bytes(b ^ 1 if i == spot - 64 else b for i, b in enumerate(data))
        elif kind == 2:
            signature = signature[:rng.choice([0, 32, 63])] if n % 8 == 2 else signature + b"\0"
        try:
            public.verify(signature, data)
            openssl = True
        except InvalidSignature:
            openssl = False
        try:
            cryptosuites.check_signature(public, signature, data)
            ours = True
        except IntegrityError as exc:
            assert exc.code is Reason.BAD_SIGNATURE
            ours = False
        assert ours == openssl, (n, kind)


def test_a_signature_that_holds_for_any_document_is_refused():
    # The identity point as a key, R the identity and S zero: [S]B = R + [k]A for every document, so
    # OpenSSL's check lets such a "signature" pass (a DID document listing that key would vouch for anything).
    # libsodium refuses points of small order.
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    identity = b"\x01" + b"\x00" * 31
    weak = Ed25519PublicKey.from_public_bytes(identity)
    for data in (b"", b"a credential", hashlib.sha256(b"x").digest() * 2):
        with pytest.raises(IntegrityError) as refused:
            cryptosuites.check_signature(weak, identity + b"\x00" * 32, data)
        assert refused.value.code is Reason.BAD_SIGNATURE
