"""W3C Data Integrity proof sets and chains: signing adds a proof, verifying checks every one.

Signing makes `eddsa-rdfc-2022` proofs; verification accepts `eddsa-rdfc-2022`
and `eddsa-jcs-2022` (cryptosuites.py). A document's proofs form a set, each
signing the document without the others, unless a proof names others in
`previousProof` (a chain): then it signs them too. Verifying never raises for
bad input and never uses the network.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from generator.credentials import linked_data
from generator.credentials.canonical import IntegrityError, canonicalize, guard_only
from generator.credentials.cryptosuites import (
    RDFC,
    check_signature,
    create_rdfc_proof,
    did_key_mismatch,
    option_problems,
    proof_problems,
    verify_data,
)
from generator.credentials.document_loader import DocumentLoader
from generator.credentials.findings import Finding, Reason, messages
from generator.credentials.shapes import Inlined

KeyLookup = Callable[[str], Ed25519PublicKey | None]


@dataclass(frozen=True)
class VerifyResult:
    findings: tuple[Finding, ...]
    verification_methods: list[str]  # verificationMethod of every proof that verified

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def problems(self) -> list[str]:
        return list(messages(self.findings))


def sign_rdfc(
    document: dict,
    private_key: Ed25519PrivateKey,
    verification_method: str,
    created: str,
    extra_contexts: dict | None = None,
) -> dict:
    """Return a copy of `document` with one more eddsa-rdfc-2022 proof in its `proof` array.

    Existing proofs stay (a proof set) and are not part of what is signed.
    Raises IntegrityError naming the field when the document would not sign
    losslessly, and TypeError for a key that is not Ed25519.
    """
    if not isinstance(private_key, Ed25519PrivateKey):
        raise TypeError("sign_rdfc needs an Ed25519PrivateKey")
    if not isinstance(document, dict):
        raise IntegrityError("the document to sign must be a JSON object")
    existing = document.get("proof", [])
    if isinstance(existing, dict):
        existing = [existing]
    if not isinstance(existing, list) or not all(isinstance(p, dict) for p in existing):
        raise IntegrityError("proof: must be an object or an array of proof objects")
    problems = option_problems(verification_method, created)
    if not problems and verification_method.startswith("did:key:"):
        problems += did_key_mismatch(verification_method, private_key)
    if problems:
        raise IntegrityError("cannot sign: " + "; ".join(problems), problems)

    unsecured = {key: value for key, value in document.items() if key != "proof"}
    try:
        proof = create_rdfc_proof(unsecured, private_key, verification_method, created,
                                  linked_data.loader(extra_contexts))
    except IntegrityError as exc:
        raise IntegrityError("cannot sign: " + "; ".join(exc.problems), exc.problems, exc.code) from None
    signed = copy.deepcopy(document)
    signed["proof"] = copy.deepcopy(existing) + [proof]
    return signed


def verify(document: dict, resolve_key: KeyLookup, extra_contexts: dict | None = None) -> VerifyResult:
    """Check every proof of `document`."""

    def fail(code: Reason, message: str) -> VerifyResult:
        return VerifyResult((Finding(code, message),), [])

    if not isinstance(document, dict):
        return fail(Reason.NOT_JSON_OBJECT, "the credential must be a JSON object")
    proofs = document.get("proof")
    if proofs is None:
        return fail(Reason.BAD_PROOF, "the document has no proof")
    if isinstance(proofs, dict):
        proofs = [proofs]
    if not isinstance(proofs, list) or not proofs or not all(isinstance(p, dict) for p in proofs):
        return fail(Reason.BAD_PROOF, "proof must be a proof object or a non-empty array of proof objects")

    try:
        return _verify_proofs(document, proofs, resolve_key, extra_contexts)
    except RecursionError:
        return fail(Reason.JSON_LD, "the document is nested too deeply to be checked")


def _verify_proofs(document: dict, proofs: list[dict], resolve_key: KeyLookup,
                   extra_contexts: dict | None) -> VerifyResult:
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    loader = linked_data.loader(extra_contexts)

    # Document-level guards, once: the same ones signing applies.
    doc_canon: str | None = None
    inlined: Inlined = {}  # for this document only, which nothing changes meanwhile
    try:
        if any(p.get("cryptosuite") == RDFC for p in proofs):
            doc_canon = canonicalize(unsecured, loader, inlined=inlined)
        else:
            guard_only(unsecured, loader)
    except IntegrityError as exc:
        return VerifyResult(tuple(Finding(exc.code, p) for p in exc.problems), [])

    findings: list[Finding] = []
    verified: list[str] = []
    for index, proof in enumerate(proofs):
        label = f"proof[{index}]" if len(proofs) > 1 else "proof"
        try:
            verified.append(_verify_one(proof, proofs, unsecured, doc_canon, loader, resolve_key, inlined))
        except IntegrityError as exc:
            subject = proof.get("verificationMethod") if exc.code is Reason.UNKNOWN_KEY else ""
            findings += [Finding(exc.code, f"{label}: {p}", subject if isinstance(subject, str) else "")
                         for p in exc.problems]
    return VerifyResult(tuple(findings), verified)


def _verify_one(proof: dict, proofs: list[dict], unsecured: dict, doc_canon: str | None,
                loader: DocumentLoader, resolve_key: KeyLookup, inlined: Inlined) -> str:
    """The verificationMethod of `proof` when it verifies; IntegrityError with the reasons when not."""
    problems, signature = proof_problems(proof)
    vm = proof.get("verificationMethod")
    if problems or not isinstance(vm, str):
        raise IntegrityError(problems[0], problems, Reason.BAD_PROOF)

    try:
        public = resolve_key(vm)
    except Exception as exc:  # a resolver's own error is a problem, not a crash
        raise IntegrityError(f"cannot resolve verification method {vm}: {exc}", code=Reason.UNKNOWN_KEY) from None
    if public is None:
        raise IntegrityError(f"unknown verification method {vm}", code=Reason.UNKNOWN_KEY)
    if not isinstance(public, Ed25519PublicKey):
        raise IntegrityError(f"verification method {vm} is not an Ed25519 key", code=Reason.UNKNOWN_KEY)

    document = unsecured
    previous = proof.get("previousProof")
    if previous is not None:  # a proof chain signs the proofs it names
        ids = previous if isinstance(previous, list) else [previous]
        if not all(isinstance(i, str) for i in ids):
            raise IntegrityError("previousProof must be a proof id or an array of proof ids", code=Reason.BAD_PROOF)
        matching = [p for p in proofs if p.get("id") in ids]
        missing = [i for i in ids if i not in {p.get("id") for p in matching}]
        if missing:
            raise IntegrityError(f"previousProof {missing[0]!r} is not a proof of this document",
                                 code=Reason.BAD_PROOF)
        document = {**unsecured, "proof": matching}
        doc_canon = None

    check_signature(public, signature, verify_data(proof, document, loader, doc_canon, inlined))
    return vm
