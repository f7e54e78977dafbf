"""Sign an Open Badges 3.0 EndorsementCredential about a course version's Achievement (`credsite endorse`).

This is the endorser's side: a professional body, or another institution, signs with its own key
under its own DID (a did:web, or the did:key of the key itself) and sends the file to the
institution, which puts it in content/endorsements/ (generator/build/endorsements.py checks it).
It needs no site folder. Nothing is handed out that the institution's build would refuse for a
reason the endorser can see: the endorsement is checked against the official JSON Schema, names
only the standard contexts, and its proof is verified with the key that made it.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.content.reader import NOT_IN_IRI
from generator.credentials import closed_world
from generator.credentials.canonical import IntegrityError
from generator.credentials.multikey import DID_KEY_PREFIX, did_key, did_key_verification_method
from generator.credentials.proofs import sign_rdfc
from generator.credentials.proofs import verify as verify_proof
from generator.credentials.schemas import endorsement_schema_problems
from generator.issuing.dates import iso
from generator.issuing.keys import SigningKey
from generator.problems import Problem
from generator.site.documents import OB_CONTEXTS
from generator.strict_json import not_text, printable

COMMAND = "credsite endorse"
ISSUER_FORMS = ("did:key (the did:key of the key in --key), did:web:HOST[:PATH]#KEY-ID, "
                "or the endorser's web address https://HOST/[PATH/] with --key-id")


@dataclass(frozen=True)
class Endorser:
    did: str
    method: str  # the verification method that signs: did#key-id


def endorser(issuer: str, key_id: str, key: SigningKey) -> tuple[Endorser | None, list[Problem]]:
    """Who signs, from --issuer and --key-id: a did:key (it must be the key's own), or a did:web."""
    public = key.private.public_key()
    issuer = issuer.strip()
    if issuer == "did:key" or issuer.startswith(DID_KEY_PREFIX):
        own = did_key(public)
        if issuer not in ("did:key", own):
            return None, [_problem("--issuer", f"{printable(issuer)} is not the did:key of the key in --key, "
                                   f"which is {own}", "give --issuer did:key, or the key that belongs to it")]
        return Endorser(own, did_key_verification_method(public)), []
    did, _, fragment = issuer.partition("#")
    if did.startswith(("https://", "http://")):
        did = _did_web_of(did)
    if not did.startswith("did:web:") or len(did) == len("did:web:") or NOT_IN_IRI.search(did):
        return None, [_problem("--issuer", f"'{printable(issuer)}' is not a DID credsite can sign as",
                               f"give {ISSUER_FORMS}")]
    fragment = fragment or key_id.strip()
    if not fragment:
        return None, [_problem("--key-id", "missing: a did:web names its keys in its DID document",
                               "give the part after '#' of the key's id in your DID document, e.g. --key-id key-1")]
    if NOT_IN_IRI.search(fragment) or "#" in fragment:
        return None, [_problem("--key-id", f"'{printable(fragment)}' cannot be part of a key's id",
                               "give the part after '#' of the key's id in your DID document")]
    return Endorser(did, f"{did}#{fragment}"), []


def _did_web_of(url: str) -> str:
    """https://host/a/b/ -> did:web:host:a:b (the did:web method's rule); did.json at its end is dropped."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        return ""
    segments = [s for s in parts.path.split("/") if s]
    if segments and segments[-1] == "did.json":
        segments = segments[:-1]
        if segments == [".well-known"]:
            segments = []
    return ":".join(["did:web", parts.netloc.replace(":", "%3A"), *segments])


def endorsement_problems(achievement: str, comment: str, name: str) -> list[Problem]:
    """What is wrong with the options before anything is signed."""
    problems = []
    shown = printable(achievement)
    if not achievement.startswith("https://") or not urlsplit(achievement).hostname:
        problems.append(_problem("--achievement", f"'{shown}' is not an https:// address",
                                 "give the Achievement URL the course page links to as 'Achievement (JSON-LD)', "
                                 "e.g. https://example.edu/microcredentials/achievements/course/2026.1.json"))
    elif NOT_IN_IRI.search(achievement) or not_text(achievement):
        problems.append(_problem("--achievement", f"'{shown}' holds characters an address may not hold",
                                 "copy the address again from the course page"))
    if not comment.strip():
        problems.append(_problem("--comment", "missing", "say in a sentence or two what you vouch for"))
    for option, text in (("--comment", comment), ("--name", name)):
        if _unprintable(text, allow_newline=option == "--comment"):
            problems.append(_problem(option, "holds control characters or text that is no Unicode",
                                     f"type the {option[2:]} again, without tabs or other control characters"))
    return problems


def _unprintable(text: str, allow_newline: bool) -> bool:
    controls = {ch for ch in text if unicodedata.category(ch) == "Cc"} - ({"\n"} if allow_newline else set())
    return bool(controls) or bool(not_text(text))


def build_endorsement(achievement: str, comment: str, signer: Endorser, name: str, now: dt.datetime,
                      valid_until: dt.datetime | None = None) -> dict:
    """The unsigned EndorsementCredential: only the standard contexts, which every verifier has."""
    issuer: dict = {"id": signer.did, "type": ["Profile"]}
    if name.strip():
        issuer["name"] = name.strip()
    document: dict = {
        "@context": list(OB_CONTEXTS),
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": f"Endorsement by {name.strip()}" if name.strip() else "Endorsement",
        "issuer": issuer,
        "validFrom": iso(now),
        "credentialSubject": {"id": achievement, "type": ["EndorsementSubject"],
                              "endorsementComment": comment.strip()},
    }
    if valid_until is not None:
        document["validUntil"] = iso(valid_until)
    return document


def sign_endorsement(document: dict, signer: Endorser, key: SigningKey,
                     now: dt.datetime) -> tuple[dict | None, list[Problem]]:
    """`document` signed, and checked as the institution's build will check it; or the problems."""
    try:
        signed = sign_rdfc(document, key.private, signer.method, iso(now))
    except IntegrityError as exc:
        return None, [_problem("", f"cannot be signed: {problem}", "report this as a credsite bug")
                      for problem in exc.problems]
    public = key.private.public_key()
    found = endorsement_schema_problems(signed)
    found += list(closed_world.url_problems(closed_world.context_urls(signed), [], lambda url: False))
    found += verify_proof(signed, lambda method: public if method == signer.method else None).problems
    if found:
        return None, [_problem("", f"the endorsement would not verify ({problem})", "report this as a credsite bug")
                      for problem in found]
    return signed, []


def _problem(option: str, message: str, fix: str) -> Problem:
    return Problem(COMMAND, None, option, message, fix)
