"""W3C Data Integrity proofs with EdDSA ("Data Integrity EdDSA Cryptosuites v1.0").

Signing makes `eddsa-rdfc-2022` proofs; verification accepts `eddsa-rdfc-2022`
and `eddsa-jcs-2022`. Canonicalization is pyld's URDNA2015 (= RDFC-1.0 for
the documents our guards let through) with `base=None` and an offline loader.

pyld pitfalls handled here (shared reference standards.md 6.4):
- the algorithm is always passed (pyld defaults to URGNA2012);
- `base=None`, so relative IRIs are not resolved against a made-up base;
- pyld has no safe mode, so before canonicalizing we expand once with a
  dropped-property callback and look for relative IRIs, and refuse the
  document if JSON-LD processing would lose or change anything;
- pyld's N-Quads escaping differs from RDFC-1.0 for C0 control characters and
  DEL, so strings holding them (other than "\\n") are refused.

The guarded expansion is reused for canonicalization: normalizing the
expanded form gives the same N-Quads as normalizing the compact document
(checked against the W3C vectors) and avoids processing the contexts twice.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import base58
import pyoxigraph
import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from pyld import jsonld

from generator.credentials import linked_data
from generator.credentials.document_loader import DocumentLoader, unwrap_loader_error
from generator.credentials.multikey import resolve_did_key

PROOF_TYPE = "DataIntegrityProof"
RDFC = "eddsa-rdfc-2022"
JCS = "eddsa-jcs-2022"
PURPOSE = "assertionMethod"

_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
_CONTROL_NAMES = {"\t": "a tab", "\r": "a carriage return", "\x08": "a backspace", "\x00": "a NUL"}
_WELL_FORMED_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|\\^`\x7f]*$")
_DATETIME = re.compile(
    r"^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?"
    r"(Z|[+-](0\d|1[0-3]):[0-5]\d|[+-]14:00)?$"
)


class IntegrityError(ValueError):
    """A document cannot be signed; `problems` lists every reason."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or [message]


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    problems: list[str]
    verification_methods: list[str]  # verificationMethod of every proof that verified


# ---------------------------------------------------------------- signing


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
    problems = _proof_option_problems(verification_method, created)
    if not problems and verification_method.startswith("did:key:"):
        problems += _did_key_mismatch(verification_method, private_key)
    if problems:
        raise IntegrityError("cannot sign: " + "; ".join(problems), problems)

    unsecured = {key: value for key, value in document.items() if key != "proof"}
    options = {
        "type": PROOF_TYPE,
        "cryptosuite": RDFC,
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": PURPOSE,
    }
    loader = linked_data.loader(extra_contexts)
    try:
        doc_canon = canonicalize(unsecured, loader)
        proof_canon = canonicalize({**options, "@context": unsecured.get("@context")}, loader, "proof.")
    except IntegrityError as exc:
        raise IntegrityError("cannot sign: " + "; ".join(exc.problems), exc.problems) from None
    signature = private_key.sign(hash_data(proof_canon, doc_canon))
    proof = {**options, "proofValue": "z" + base58.b58encode(signature).decode("ascii")}
    signed = copy.deepcopy(document)
    signed["proof"] = copy.deepcopy(existing) + [proof]
    return signed


def _proof_option_problems(verification_method: object, created: object) -> list[str]:
    problems = []
    if not isinstance(verification_method, str) or not _WELL_FORMED_IRI.match(verification_method):
        problems.append(
            f"verificationMethod {verification_method!r} must be an absolute IRI "
            "such as did:web:example.org#key-1"
        )
    if not valid_datetime(created):
        problems.append(
            f"created {created!r} must be an XML Schema dateTime such as 2026-01-15T09:00:00Z"
        )
    return problems


def _did_key_mismatch(verification_method: str, private_key: Ed25519PrivateKey) -> list[str]:
    try:
        public = resolve_did_key(verification_method)
    except ValueError as exc:
        return [f"verificationMethod: {exc}"]
    if public.public_bytes_raw() != private_key.public_key().public_bytes_raw():
        return [f"verificationMethod {verification_method} names a different key than the one signing"]
    return []


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


# ---------------------------------------------------------------- canonical forms


def hash_data(proof_canonical: str | bytes, document_canonical: str | bytes) -> bytes:
    """SHA-256(proof configuration) followed by SHA-256(document): the bytes that get signed."""

    def digest(text: str | bytes) -> bytes:
        return hashlib.sha256(text.encode("utf-8") if isinstance(text, str) else text).digest()

    return digest(proof_canonical) + digest(document_canonical)


def canonicalize(document: dict, loader: DocumentLoader, path_prefix: str = "") -> str:
    """RDFC-1.0 canonical N-Quads of `document`, or IntegrityError listing why it is unsafe."""
    problems = control_character_problems(document, path_prefix)
    expanded = _expand_guarded(document, loader, path_prefix, problems)
    try:
        return rdfc(expanded)
    except Exception as exc:
        raise IntegrityError(json_ld_problem(exc)) from None


def rdfc(expanded: list) -> str:
    """RDFC-1.0 canonical N-Quads of an expanded JSON-LD document.

    pyld expands (it has the document loader and our guards); pyoxigraph turns the
    expanded form, which needs no contexts, into RDF and canonicalizes it. That is
    seven times faster than pyld's own toRdf + URDNA2015, gives the same bytes on
    the W3C vectors and our credentials, and escapes strings the RDFC-1.0 way.
    """
    dataset = pyoxigraph.Dataset(pyoxigraph.parse(json.dumps(expanded).encode("utf-8"),
                                                  format=pyoxigraph.RdfFormat.JSON_LD))
    dataset.canonicalize(pyoxigraph.CanonicalizationAlgorithm.RDFC_1_0)
    # Canonical N-Quads are the quads' lines in code point order.
    return "".join(sorted(f"{quad} .\n" for quad in dataset))


def _expand_guarded(document: dict, loader: DocumentLoader, prefix: str, problems: list[str]) -> list:
    """Expand `document`; raise IntegrityError with `problems` plus any data JSON-LD would lose."""
    if not isinstance(document.get("@context"), (str, list, dict)):
        problems.append(f"{prefix}@context is missing; every term would be dropped")
        raise IntegrityError(problems[0], problems)
    dropped: list[str | None] = []
    try:
        expanded = linked_data.expand(document, loader, dropped.append)
    except Exception as exc:  # pyld raises many kinds on malformed input
        problems.append(json_ld_problem(exc))
        raise IntegrityError(problems[0], problems) from None
    problems += [_dropped_problem(document, term, prefix) for term in dict.fromkeys(dropped)]
    problems += [_iri_problem(document, iri, prefix) for iri in dict.fromkeys(_bad_iris(expanded))]
    if problems:
        raise IntegrityError(problems[0], problems)
    return expanded


def json_ld_problem(exc: BaseException) -> str:
    """A one-sentence description of a pyld failure, with no traceback."""
    unknown = unwrap_loader_error(exc)
    if unknown is not None:
        return str(unknown)
    innermost = exc
    current: BaseException | None = exc
    while current is not None:
        if isinstance(current, jsonld.JsonLdError):
            innermost = current
        current = current.__cause__
    if isinstance(innermost, jsonld.JsonLdError):
        text = str(innermost.args[0]) if innermost.args else innermost.type
        code = f" ({innermost.code})" if innermost.code else ""
        return f"the document is not valid JSON-LD: {text}{code}"
    return f"the document could not be processed as JSON-LD: {type(exc).__name__}: {str(exc)[:200]}"


def _bad_iris(node: Any) -> Iterator[str]:
    """@id / @type values and property IRIs that are relative or not well-formed.

    Relative: no scheme (the rule of linked_data.data_loss). Not well-formed:
    pyld silently drops a triple whose IRI holds a space and writes invalid
    N-Quads for one holding < > " { } | \\ ^ ` (other processors drop both).
    """
    if isinstance(node, list):
        for item in node:
            yield from _bad_iris(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in ("@id", "@type"):
                for iri in value if isinstance(value, list) else [value]:
                    if isinstance(iri, str) and not iri.startswith(("@", "_:")) and not _WELL_FORMED_IRI.match(iri):
                        yield iri  # "@json" and other keywords are not IRIs; "_:" are blank nodes
            elif key != "@value":
                if not key.startswith("@") and not _WELL_FORMED_IRI.match(key):
                    yield key
                yield from _bad_iris(value)


def _walk(node: Any, path: str = "") -> Iterator[tuple[str, str | None, Any]]:
    """Yield (path, key, value) for every member and array item of a JSON value."""
    if isinstance(node, dict):
        for key, value in node.items():
            child = f"{path}.{key}" if path else str(key)
            yield child, key, value
            yield from _walk(value, child)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            child = f"{path}[{index}]"
            yield child, None, value
            yield from _walk(value, child)


def _where(paths: list[str], prefix: str) -> str:
    paths = [prefix + p for p in paths]
    if len(paths) > 3:
        return ", ".join(paths[:3]) + f" (and {len(paths) - 3} more)"
    return ", ".join(paths)


def _dropped_problem(document: dict, term: str | None, prefix: str) -> str:
    if term is None:
        return (f"{prefix or 'the document'}: a property is mapped to null by its @context "
                "and would be dropped; remove it")
    paths = [p for p, key, _ in _walk(document) if key == term]
    if not paths:
        return (f"{prefix or 'the document'}: a property expands to '{term}', which is not an "
                "absolute IRI, and would be dropped from the signed data; remove or rename it")
    return (f"{_where(paths, prefix)}: '{term}' is not defined by any @context and would be dropped "
            "from the signed data; remove it or add a context that defines it")


def _iri_problem(document: dict, iri: str, prefix: str) -> str:
    found = [(p, key) for p, key, value in _walk(document) if value == iri or key == iri]
    where = _where([p for p, _ in found], prefix) if found else f"{prefix or 'the document'}"
    if ":" in iri:
        char = next(c for c in iri.partition(":")[2] if not _WELL_FORMED_IRI.match("x:" + c))
        shown = "a space" if char == " " else repr(char)
        return f"{where}: '{iri}' is not a valid IRI (it contains {shown}); percent-encode that character"
    if found and all(p.rsplit(".", 1)[-1].split("[")[0] in ("type", "@type") for p, _ in found):
        fix = "no @context defines this type; add the context that does, or use a full IRI"
    else:
        fix = "use an absolute IRI such as https://... or urn:uuid:..."
    return f"{where}: '{iri}' is a relative IRI; {fix}"


# How such a character looks in json.dumps(..., ensure_ascii=False): C0 characters
# other than \n are escaped (\u0000, \t, \r, \b, \f), DEL is kept as is. An escaped
# backslash before t/r/b/f also matches; then the exact walk below decides.
_CONTROL_IN_JSON = re.compile(r"\\(?:u00[01][0-9a-fA-F]|[trbf])|\x7f")


def control_character_problems(document: Any, prefix: str = "") -> list[str]:
    """One problem per string (or key) that holds a C0 control character other than \\n, or DEL."""
    try:
        if not _CONTROL_IN_JSON.search(json.dumps(document, ensure_ascii=False)):
            return []  # the common case, without walking every member in Python
    except (TypeError, ValueError):
        pass
    problems = []
    for path, key, value in _walk(document):
        for text, what in ((key, "its name"), (value, "its value")):
            if isinstance(text, str):
                found = _CONTROL.search(text)
                if found:
                    char = found.group()
                    name = _CONTROL_NAMES.get(char, "a control character")
                    problems.append(
                        f"{prefix}{path}: {what} contains {name} (U+{ord(char):04X}); remove it, "
                        "only line breaks (\\n) are allowed in text"
                    )
    return problems


def jcs(value: Any) -> bytes:
    """RFC 8785 canonical JSON."""
    return rfc8785.dumps(value)


# ---------------------------------------------------------------- verification


def verify(
    document: dict,
    resolve_key: Callable[[str], Ed25519PublicKey | None],
    extra_contexts: dict | None = None,
) -> VerifyResult:
    """Check every proof of `document`; never raises for bad input, never uses the network."""

    def fail(*problems: str) -> VerifyResult:
        return VerifyResult(False, list(problems), [])

    if not isinstance(document, dict):
        return fail("the credential must be a JSON object")
    proofs = document.get("proof")
    if proofs is None:
        return fail("the document has no proof")
    if isinstance(proofs, dict):
        proofs = [proofs]
    if not isinstance(proofs, list) or not proofs or not all(isinstance(p, dict) for p in proofs):
        return fail("proof must be a proof object or a non-empty array of proof objects")

    try:
        return _verify_proofs(document, proofs, resolve_key, extra_contexts)
    except RecursionError:
        return fail("the document is nested too deeply to be checked")


def _verify_proofs(
    document: dict,
    proofs: list[dict],
    resolve_key: Callable[[str], Ed25519PublicKey | None],
    extra_contexts: dict | None,
) -> VerifyResult:
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    loader = linked_data.loader(extra_contexts)
    any_rdfc = any(p.get("cryptosuite") == RDFC for p in proofs)

    # Document-level guards, once: the same ones signing applies.
    try:
        doc_canon = canonicalize(unsecured, loader) if any_rdfc else _guard_only(unsecured, loader)
    except IntegrityError as exc:
        return VerifyResult(False, exc.problems, [])

    problems: list[str] = []
    verified: list[str] = []
    for index, proof in enumerate(proofs):
        label = f"proof[{index}]" if len(proofs) > 1 else "proof"
        try:
            _verify_one(proof, proofs, unsecured, doc_canon, loader, resolve_key)
        except IntegrityError as exc:
            problems += [f"{label}: {p}" for p in exc.problems]
        else:
            verified.append(proof["verificationMethod"])
    return VerifyResult(not problems, problems, verified)


def _guard_only(unsecured: dict, loader: DocumentLoader) -> None:
    """The JSON-LD data-loss guard without the control-character rule (JCS escapes those)."""
    _expand_guarded(unsecured, loader, "", [])


def _verify_one(
    proof: dict,
    proofs: list[dict],
    unsecured: dict,
    doc_canon: str | None,
    loader: DocumentLoader,
    resolve_key: Callable[[str], Ed25519PublicKey | None],
) -> None:
    """Raise IntegrityError with the reasons `proof` does not verify."""
    def expect(member: str, allowed: tuple[str, ...], wrong: str) -> None:
        value = proof.get(member)
        if value not in allowed:
            problems.append(f"{member} is missing" if value is None else wrong.format(value=value))

    problems: list[str] = []
    expect("type", (PROOF_TYPE,), f"type must be {PROOF_TYPE}, not {{value!r}}")
    expect("cryptosuite", (RDFC, JCS), f"cryptosuite {{value!r}} is not supported; expected {RDFC} or {JCS}")
    expect("proofPurpose", (PURPOSE,), f"proofPurpose must be {PURPOSE}, not {{value!r}}")
    suite = proof.get("cryptosuite")
    if "created" in proof and not valid_datetime(proof["created"]):
        problems.append(f"created {proof['created']!r} is not an XML Schema dateTime")
    vm = proof.get("verificationMethod")
    if not isinstance(vm, str) or not vm:
        problems.append("verificationMethod is missing")
    signature = _decode_proof_value(proof.get("proofValue"), problems)
    if problems:
        raise IntegrityError(problems[0], problems)

    try:
        public = resolve_key(vm)
    except Exception as exc:  # a resolver's own error is a problem, not a crash
        raise IntegrityError(f"cannot resolve verification method {vm}: {exc}") from None
    if public is None:
        raise IntegrityError(f"unknown verification method {vm}")
    if not isinstance(public, Ed25519PublicKey):
        raise IntegrityError(f"verification method {vm} is not an Ed25519 key")

    options = {key: value for key, value in proof.items() if key != "proofValue"}
    document = unsecured
    previous = options.get("previousProof")
    if previous is not None:  # a proof chain signs the proofs it names
        ids = previous if isinstance(previous, list) else [previous]
        if not all(isinstance(i, str) for i in ids):
            raise IntegrityError("previousProof must be a proof id or an array of proof ids")
        matching = [p for p in proofs if p.get("id") in ids]
        missing = [i for i in ids if i not in {p.get("id") for p in matching}]
        if missing:
            raise IntegrityError(f"previousProof {missing[0]!r} is not a proof of this document")
        document = {**unsecured, "proof": matching}
        doc_canon = None

    if suite == RDFC:
        if doc_canon is None:
            doc_canon = canonicalize(document, loader)
        config = {**options, "@context": document.get("@context")}
        data = hash_data(canonicalize(config, loader), doc_canon)
    else:
        data = _jcs_hash_data(document, options)

    try:
        public.verify(signature, data)
    except InvalidSignature:
        raise IntegrityError(
            "the signature does not match: the document or its proof was changed after "
            "signing, or it was signed with a different key"
        ) from None


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


def _jcs_hash_data(document: dict, options: dict) -> bytes:
    """eddsa-jcs-2022 hashData (spec section 3.3.2 steps 4-7)."""
    if "@context" in options:
        proof_context = options["@context"]
        proof_context = proof_context if isinstance(proof_context, list) else [proof_context]
        doc_context = document.get("@context")
        doc_context = doc_context if isinstance(doc_context, list) else [doc_context]
        if doc_context[: len(proof_context)] != proof_context:
            raise IntegrityError("the proof's @context must be the start of the document's @context")
        document = {**document, "@context": options["@context"]}
    try:
        return hash_data(jcs(options), jcs(document))
    except Exception as exc:
        raise IntegrityError(
            f"the document cannot be serialized as RFC 8785 canonical JSON ({exc})"
        ) from None
