"""Check an OB 3.0 EndorsementCredential that an outside body signed about one of this site's Achievements.

What a verifier of the published Achievement would check, and a little more, fully offline:
- it is an EndorsementCredential that passes the official OB 3.0 JSON Schema;
- it names only standard contexts (closed_world), so every verifier can check its proof;
- its subject is an Achievement this site publishes;
- its issuer is someone else, a did:key or a did:web whose DID document the site keeps a snapshot of;
- every proof verifies, made with a key that DID lists under assertionMethod;
- its dates hold now.

Each thing wrong is a Finding; its code decides what the build does with it (ENDORSEMENT_LEFT_OUT:
valid once, or not yet, so left off the site with a warning; anything else stops the build).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from generator.credentials import closed_world
from generator.credentials.did import DidResolver
from generator.credentials.findings import Finding, Reason
from generator.credentials.multikey import DID_KEY_PREFIX, public_from_multibase, resolve_did_key
from generator.credentials.proofs import verify as verify_proof
from generator.credentials.schemas import endorsement_schema_problems
from generator.credentials.verification import dates_check

ENDORSEMENT_TYPE = "EndorsementCredential"
# Sound endorsements whose time is not now: the build leaves them off the site and says so.
ENDORSEMENT_LEFT_OUT = frozenset({Reason.EXPIRED, Reason.NOT_YET_VALID})


def endorsement_findings(document: object, dids: DidResolver, publishes: Callable[[str], bool], site_did: str,
                         now: dt.datetime, site_keys: frozenset[bytes] = frozenset()) -> list[Finding]:
    """Everything wrong with `document` as an endorsement of one of this site's Achievements; [] when sound.

    `dids` holds the DID documents of the did:web endorsers (their snapshots); `publishes` says
    whether an Achievement id is one this site publishes; `site_keys`: the raw public keys this site
    signs with (active or retired), which no endorser may use, whatever DID it presents them under.
    """
    if not isinstance(document, dict):
        return [Finding(Reason.NOT_JSON_OBJECT, "is not an endorsement: not a JSON object")]
    types = document.get("type")
    if ENDORSEMENT_TYPE not in (types if isinstance(types, list) else [types]):
        return [Finding(Reason.SCHEMA, f"type: {types!r} is not an {ENDORSEMENT_TYPE}, so this is no endorsement")]
    found = [Finding(Reason.SCHEMA, f"schema: {line}") for line in endorsement_schema_problems(document)]
    found += closed_world.url_findings(closed_world.context_urls(document), [], lambda url: False, signed=True)
    found += _subject_findings(document, publishes)
    issuer = _issuer(document)
    issuer_problem = _issuer_finding(issuer, dids, site_did)
    if issuer_problem is not None:
        return found + [issuer_problem]
    result = verify_proof(document, dids)
    found += [f if f.message.startswith("proof") else Finding(f.code, f"proof: {f.message}", f.subject)
              for f in result.findings]
    found += [Finding(Reason.FOREIGN_KEY, f"proof: signed with {method}, a key of another DID than the endorser "
                      f"{issuer}", method) for method in result.verification_methods if _did_of(method) != issuer]
    found += [Finding(Reason.WRONG_ISSUER, f"proof: signed with {method}, one of this site's own keys; an "
                      "endorsement is another body's word about the course", method)
              for method in result.verification_methods if _raw(dids(method)) in site_keys]
    found += dates_check(document, now).check.findings
    return found


def endorsed_achievement(document: object) -> str:
    """The id of what `document` endorses; "" when it names none."""
    subject = document.get("credentialSubject") if isinstance(document, dict) else None
    value = subject.get("id") if isinstance(subject, dict) else None
    return value if isinstance(value, str) else ""


def _subject_findings(document: dict, publishes: Callable[[str], bool]) -> list[Finding]:
    target = endorsed_achievement(document)
    if not target:
        return [Finding(Reason.ACHIEVEMENT, "credentialSubject.id: missing; an endorsement names the Achievement "
                        "it endorses")]
    if not publishes(target):
        return [Finding(Reason.ACHIEVEMENT, f"credentialSubject.id: {target} is not an Achievement this site "
                        "publishes", target)]
    return []


def _issuer(document: dict) -> str:
    issuer = document.get("issuer")
    value = issuer.get("id") if isinstance(issuer, dict) else issuer
    return value if isinstance(value, str) else ""


def _issuer_finding(issuer: str, dids: DidResolver, site_did: str) -> Finding | None:
    """Why the endorser's keys cannot be had; None when they can."""
    if not issuer:
        return Finding(Reason.BAD_ISSUER, "issuer.id: missing; an endorsement names its endorser")
    if issuer == site_did or (issuer.startswith("did:web:") and site_did.startswith("did:web:")
                              and issuer.startswith(site_did + ":")):  # this site's, or a path under it
        return Finding(Reason.WRONG_ISSUER, f"issuer.id: {issuer} is this site's own issuer; an endorsement is "
                       "another body's word about the course", issuer)
    if issuer.startswith(DID_KEY_PREFIX):
        try:
            resolve_did_key(issuer)
        except ValueError as exc:
            return Finding(Reason.BAD_ISSUER, f"issuer.id: {issuer} is not a valid did:key ({exc})", issuer)
        return None
    if issuer.startswith("did:web:"):
        if issuer not in dids.known:
            return Finding(Reason.ISSUER_UNRESOLVED, f"issuer.id: the endorser {issuer} is a did:web, and no "
                           "snapshot of its DID document is in content/endorsements/dids/", issuer)
        return None
    return Finding(Reason.BAD_ISSUER, f"issuer.id: {issuer} is neither a did:web nor a did:key, so its keys cannot "
                   "be checked", issuer)


def _did_of(method: str) -> str:
    return method.partition("#")[0]


def duplicate_ids(documents: Iterable[object]) -> set[str]:
    """Endorsement ids that occur more than once."""
    seen: set[str] = set()
    twice: set[str] = set()
    for document in documents:
        value = document.get("id") if isinstance(document, dict) else None
        if isinstance(value, str):
            (twice if value in seen else seen).add(value)
    return twice


def _raw(key: Ed25519PublicKey | None) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw) if key is not None else b""


def raw_site_keys(public_keys: Iterable[str]) -> frozenset[bytes]:
    """The raw bytes of the site's public keys (publicKeyMultibase), for endorsement_findings."""
    return frozenset(_raw(public_from_multibase(k)) for k in public_keys)
