"""The EdDSA cryptosuites of "Data Integrity EdDSA Cryptosuites v1.0": eddsa-rdfc-2022 and eddsa-jcs-2022.

One proof at a time: its members, the bytes it signs (hashData) and the
Ed25519 signature over them. Which proofs a document carries, and whose keys
they need, is proofs.py's business.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime

import base58
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from nacl.bindings import crypto_sign_open
from nacl.exceptions import BadSignatureError

from generator.credentials.canonical import WELL_FORMED_IRI, IntegrityError, canonicalize, jcs
from generator.credentials.document_loader import DocumentLoader
from generator.credentials.findings import Reason
from generator.credentials.multikey import resolve_did_key
from generator.credentials.shapes import Inlined

PROOF_TYPE = "DataIntegrityProof"
RDFC = "eddsa-rdfc-2022"
JCS = "eddsa-jcs-2022"
PURPOSE = "assertionMethod"

_DATETIME = re.compile(
    r"^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?"
    r"(Z|[+-](0\d|1[0-3]):[0-5]\d|[+-]14:00)?$"
)


def valid_datetime(value: object) -> bool:
    """True for an XML Schema 1.1 dateTime (timezone optional)."""
    if not isinstance(value, str) or not _DATETIME.match(value):
        return False
    if re.match(r"^\d{4}-", value):  # check the calendar day where Python can
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return False
    return True


def hash_data(proof_canonical: str | bytes, document_canonical: str | bytes) -> bytes:
    """SHA-256(proof configuration) followed by SHA-256(document): the bytes that get signed."""

    def digest(text: str | bytes) -> bytes:
        return hashlib.sha256(text.encode("utf-8") if isinstance(text, str) else text).digest()

    return digest(proof_canonical) + digest(document_canonical)


# ---------------------------------------------------------------- signing (eddsa-rdfc-2022)


def option_problems(verification_method: object, created: object) -> list[str]:
    """What is wrong with the proof options a signer was given."""
    problems = []
    if not isinstance(verification_method, str) or not WELL_FORMED_IRI.match(verification_method):
        problems.append(
            f"verificationMethod {verification_method!r} must be an absolute IRI "
            "such as did:web:example.org#key-1"
        )
    if not valid_datetime(created):
        problems.append(
            f"created {created!r} must be an XML Schema dateTime such as 2026-01-15T09:00:00Z"
        )
    return problems


def did_key_mismatch(verification_method: str, private_key: Ed25519PrivateKey) -> list[str]:
    """A did:key names its key: signing with another would make a proof nobody can verify."""
    try:
        public = resolve_did_key(verification_method)
    except ValueError as exc:
        return [f"verificationMethod: {exc}"]
    if public.public_bytes_raw() != private_key.public_key().public_bytes_raw():
        return [f"verificationMethod {verification_method} names a different key than the one signing"]
    return []


def create_rdfc_proof(unsecured: dict, private_key: Ed25519PrivateKey, verification_method: str, created: str,
                      loader: DocumentLoader) -> dict:
    """An eddsa-rdfc-2022 proof of `unsecured`; IntegrityError when it would not sign losslessly."""
    options = {
        "type": PROOF_TYPE,
        "cryptosuite": RDFC,
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": PURPOSE,
    }
    signature = private_key.sign(rdfc_hash_data(unsecured, options, loader))
    return {**options, "proofValue": "z" + base58.b58encode(signature).decode("ascii")}


# ---------------------------------------------------------------- verifying


def proof_problems(proof: dict) -> tuple[list[str], bytes]:
    """What is wrong with the members of one proof, and its signature bytes."""
    def expect(member: str, allowed: tuple[str, ...], wrong: str) -> None:
        value = proof.get(member)
        if value not in allowed:
            problems.append(f"{member} is missing" if value is None else wrong.format(value=value))

    problems: list[str] = []
    expect("type", (PROOF_TYPE,), f"type must be {PROOF_TYPE}, not {{value!r}}")
    expect("cryptosuite", (RDFC, JCS), f"cryptosuite {{value!r}} is not supported; expected {RDFC} or {JCS}")
    expect("proofPurpose", (PURPOSE,), f"proofPurpose must be {PURPOSE}, not {{value!r}}")
    if "created" in proof and not valid_datetime(proof["created"]):
        problems.append(f"created {proof['created']!r} is not an XML Schema dateTime")
    vm = proof.get("verificationMethod")
    if not isinstance(vm, str) or not vm:
        problems.append("verificationMethod is missing")
    signature = _decode_proof_value(proof.get("proofValue"), problems)
    return problems, signature


def _decode_proof_value(value: object, problems: list[str]) -> bytes:
    if not isinstance(value, str) or not value:
        problems.append("proofValue is missing")
        return b""
    try:
        if not value.startswith("z") or value != value.strip():
            raise ValueError
        signature = base58.b58decode(value[1:])
    except ValueError:
        problems.append("proofValue must be base58btc multibase (a 'z' followed by base58 characters)")
        return b""
    if len(signature) != 64:
        problems.append(f"proofValue holds {len(signature)} bytes; an Ed25519 signature has 64")
    return signature


def verify_data(proof: dict, document: dict, loader: DocumentLoader, doc_canon: str | None = None,
                inlined: Inlined | None = None) -> bytes:
    """hashData of `document` with the proof's own options (all its members but proofValue).

    `doc_canon` is the document's RDFC-1.0 form when the caller has it already; `inlined`: its contexts as
    that canonicalization wrote them out (shapes.Inlined).
    """
    options = {key: value for key, value in proof.items() if key != "proofValue"}
    if options.get("cryptosuite") == RDFC:
        return rdfc_hash_data(document, options, loader, doc_canon, inlined)
    return jcs_hash_data(document, options)


def rdfc_hash_data(document: dict, options: dict, loader: DocumentLoader, doc_canon: str | None = None,
                   inlined: Inlined | None = None) -> bytes:
    """eddsa-rdfc-2022 hashData: the proof configuration takes the document's @context."""
    inlined = {} if inlined is None else inlined
    if doc_canon is None:
        doc_canon = canonicalize(document, loader, inlined=inlined)
    proof_canon = canonicalize({**options, "@context": document.get("@context")}, loader, "proof.", inlined)
    return hash_data(proof_canon, doc_canon)


def jcs_hash_data(document: dict, options: dict) -> bytes:
    """eddsa-jcs-2022 hashData (spec section 3.3.2 steps 4-7)."""
    if "@context" in options:
        proof_context = options["@context"]
        proof_context = proof_context if isinstance(proof_context, list) else [proof_context]
        doc_context = document.get("@context")
        doc_context = doc_context if isinstance(doc_context, list) else [doc_context]
        if doc_context[: len(proof_context)] != proof_context:
            raise IntegrityError("the proof's @context must be the start of the document's @context",
                                 code=Reason.BAD_PROOF)
        document = {**document, "@context": options["@context"]}
    try:
        return hash_data(jcs(options), jcs(document))
    except Exception as exc:
        raise IntegrityError(
            f"the document cannot be serialized as RFC 8785 canonical JSON ({exc})"
        ) from None


SIGNATURE_BYTES = 64  # an Ed25519 signature


def check_signature(public: Ed25519PublicKey, signature: bytes, data: bytes) -> None:
    """IntegrityError (BAD_SIGNATURE) unless `signature` is `public`'s over `data`.

    Checked by libsodium (PyNaCl) rather than OpenSSL (cryptography): in half the time (60 us here, against 125;
    every credential of a build is checked), and strictly. libsodium refuses what OpenSSL lets pass: a key or a
    signature's R of small order, however encoded, with which a "signature" can hold for any document (the
    identity key, R the identity, S zero). A signature it accepts, every verifier accepts (OpenSSL, and the
    JavaScript verifiers that follow ZIP 215); a key and signature made the standard way are never refused.
    """
    if len(signature) != SIGNATURE_BYTES:
        raise _bad_signature()
    try:
        crypto_sign_open(signature + data, public.public_bytes_raw())
    except (BadSignatureError, ValueError):
        raise _bad_signature() from None


def _bad_signature() -> IntegrityError:
    return IntegrityError("the signature does not match: the document or its proof was changed after "
                          "signing, or it was signed with a different key", code=Reason.BAD_SIGNATURE)
