"""A learner's Comprehensive Learner Record: a CLR 2.0 ClrCredential signed by the institution (`credsite clr`).

It bundles every credential of this site that the learner holds and that is valid now: it verifies
(the build's own check), is not revoked and has not expired. Which credentials are the learner's is
decided the only way the credentials allow: each holds the learner's e-mail address as a salted
SHA-256 hash, and the hash is computed again from the address given and the credential's own salt
(issue.issued_to, with issue.email_identity, the function that made it).

A credential for a pathway (content/pathways/) and the credentials for its parts, when the bundle
holds both, are linked by an `isParentOf` association, as CLR 2.0 describes.

The record holds the learner's name and credentials, so it runs on the issuer's machine and is sent
to the learner; it is never published, and it is never written into the site's repository.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import uuid
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from generator.build.pipeline import Content
from generator.credentials.canonical import IntegrityError
from generator.credentials.did import KeyResolver, did_document
from generator.credentials.proofs import sign_rdfc
from generator.credentials.proofs import verify as verify_proof
from generator.issuing.dates import iso
from generator.issuing.issue import email_identity, issued_to
from generator.issuing.keys import SigningKey, repository_root
from generator.issuing.learners import CONTROL, EMAIL
from generator.issuing.signing import signing_method
from generator.model import Pathway, Published
from generator.problems import Problem
from generator.site import documents

COMMAND = "credsite clr"
CLR_CONTEXT_URL = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
CLR_CONTEXT = [documents.VC_CONTEXT, CLR_CONTEXT_URL, documents.OB_CONTEXT]  # the order CLR 2.0 gives
PARENT = "isParentOf"  # CLR 2.0 AssociationType: the source achievement is made of the target


@functools.cache
def clr_context() -> dict:
    """The CLR 2.0 context, shipped with credsite (generator/data/clr/sources.json: no npm package has it)."""
    folder = resources.files("generator") / "data" / "clr"
    entries = json.loads((folder / "sources.json").read_text(encoding="utf-8"))
    (entry,) = [e for e in entries if e.get("url") == CLR_CONTEXT_URL]
    return json.loads((folder / entry["file"]).read_bytes())


@dataclass(frozen=True)
class Record:
    """A signed ClrCredential, and what the learner holds of this site that it leaves out (not valid now)."""

    document: dict
    bundled: tuple[Published, ...]
    left_out: tuple[Published, ...]


def learner_record(content: Content, email: str, name: str, key: SigningKey,
                   now: dt.datetime) -> tuple[Record | None, list[Problem]]:
    """The learner's CLR from a verified site (pipeline.verify), signed with the site's active `key`."""
    site = content.site
    if not EMAIL.fullmatch(email.strip()) or CONTROL.search(email):
        return None, [_problem("--email", f"'{email}' is not an e-mail address", "check it for typos")]
    method, problems = signing_method(site, key)
    if problems:
        return None, problems
    theirs = [item for item in content.published if issued_to(item.credential.document, email)]
    valid = tuple(sorted((item for item in theirs if item.verdict.ok), key=_order))
    left_out = tuple(item for item in theirs if not item.verdict.ok)
    if not valid:
        why = (f"; {len(left_out)} of theirs are not valid now ({_statuses(left_out)})" if left_out else "")
        return None, [_problem("--email", f"no valid credential of this site was issued to {email}{why}",
                               "check the address: it must be the one the credentials were issued to")]
    name, problems = _learner_name(name, valid)
    if problems:
        return None, problems
    document = _unsigned(content, valid, email, name, now)
    extra = {CLR_CONTEXT_URL: clr_context()}
    try:
        signed = sign_rdfc(document, key.private, method, iso(now), extra)
    except IntegrityError as exc:
        return None, [_problem("", f"cannot be signed: {problem}", "report this as a credsite bug")
                      for problem in exc.problems]
    checked = verify_proof(signed, KeyResolver(did_document(site)), extra)  # as a verifier will, before it leaves
    if not checked.ok:
        return None, [_problem("", f"the record would not verify ({problem})", "report this as a credsite bug")
                      for problem in checked.problems]
    return Record(signed, valid, left_out), []


def associations(items: tuple[Published, ...]) -> list[dict]:
    """isParentOf from each pathway's Achievement to the Achievements of its parts the bundle holds."""
    held = {_achievement_id(item) for item in items}
    found = []
    for item in items:
        pathway = item.course
        if not isinstance(pathway, Pathway):
            continue
        parent = _achievement_id(item)
        for part in pathway.parts:
            for child in part.achievements:
                if child in held:
                    found.append({"type": "Association", "associationType": PARENT,
                                  "sourceId": parent, "targetId": child})
    return found


def output_problems(target: Path, source: Path) -> list[Problem]:
    """The record must not land where it could be published or committed: in the site's folder or repository."""
    resolved = target.expanduser().resolve()
    for folder in filter(None, [source.resolve(), repository_root(source.resolve())]):
        if resolved == folder or folder in resolved.parents:
            return [_problem("--out", f"{target} is inside {folder}; a learner's record is personal data and "
                             "must never be published or committed",
                             "write it outside the site's folder, e.g. --out ~/clr/learner.json")]
    if resolved.exists():
        return [_problem("--out", f"{target} exists already; credsite never overwrites a file",
                         "give another file name")]
    if not resolved.parent.is_dir():
        return [_problem("--out", f"{resolved.parent} is not a folder", "create it, or give a path in another")]
    return []


def _unsigned(content: Content, items: tuple[Published, ...], email: str, name: str, now: dt.datetime) -> dict:
    site = content.site
    lang = site.default_language
    institution = documents.text_in(site, site.institution.name, lang)
    subject: dict = {
        "type": ["ClrSubject"],
        # A fresh salt, as every credential has its own. The name is in the record's name and in each
        # credential: CLR 2.0's ClrSubject has no name of its own.
        "identifier": [email_identity(email, uuid.uuid4().hex)],
        # Each exactly as signed, so each still verifies on its own.
        "verifiableCredential": [item.credential.document for item in items],
    }
    linked = associations(items)
    if linked:
        subject["association"] = linked
    return {
        "@context": list(CLR_CONTEXT),
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiableCredential", "ClrCredential"],
        "name": f"{name}: credentials from {institution}",
        "description": f"The {len(items)} valid credential(s) {institution} issued to {name}, as of "
                       f"{iso(now)[:10]}; each is signed on its own as well.",
        "issuer": documents.issuer_profile(site, lang),
        "validFrom": iso(now),
        "credentialSubject": subject,
    }


def _learner_name(given: str, items: tuple[Published, ...]) -> tuple[str, list[Problem]]:
    """--name, or the name the credentials give when they all give the same."""
    if given.strip():
        if CONTROL.search(given):
            return "", [_problem("--name", "holds control characters or line breaks", "type the name again")]
        return given.strip(), []
    names = {identity.get("identityHash") for item in items
             for identity in item.credential.document["credentialSubject"].get("identifier", [])
             if isinstance(identity, dict) and identity.get("identityType") == "name"}
    names.discard(None)
    if len(names) == 1:
        return str(names.pop()), []
    shown = ", ".join(sorted(map(str, names))) or "none"
    return "", [_problem("--name", f"missing, and the learner's credentials do not give one name ({shown})",
                         "give the learner's name as the record should show it")]


def _achievement_id(item: Published) -> str:
    return str(item.credential.facts["credentialSubject"]["achievement"]["id"])


def _order(item: Published) -> tuple[str, str]:
    return (str(item.credential.facts.get("validFrom", "")), item.credential.uuid)


def _statuses(items: tuple[Published, ...]) -> str:
    counts: dict[str, int] = {}
    for item in items:
        counts[item.verdict.status] = counts.get(item.verdict.status, 0) + 1
    return ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))


def _problem(option: str, message: str, fix: str) -> Problem:
    return Problem(COMMAND, None, option, message, fix)

