"""Re-sign issued credentials in the current format with the active key (`credsite reissue`).

Two reasons to. A credential names a context URL no verifier can load (credsite
before it embedded its own context). Or the key that signed it must go: a key
that leaked is removed from site.yaml (a retired key would still verify whatever
the thief signs), and everything it signed is signed again with a new key.

The id, subject, dates and status index stay as they are, so the badge URL and
the learner's links stay the same and a revocation still applies. Like issuing
and revoking, it needs the private key and runs on the issuer's machine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.courses import load_courses
from generator.content.csv_cells import csv_line
from generator.content.pathways import load_pathways
from generator.content.status import ISSUED, REGISTRY, STATUS, STATUS_LIST, read_status_list, registry
from generator.credentials import closed_world
from generator.credentials.canonical import IntegrityError
from generator.credentials.did import resolver_for_site
from generator.credentials.proofs import sign_rdfc
from generator.issuing import files
from generator.issuing.dates import iso, utc_now
from generator.issuing.keys import SigningKey
from generator.issuing.publishable import CredentialCheck
from generator.issuing.references import GIVE, find_credential
from generator.issuing.signing import (
    UNCHECKED_FIX,
    KnownKeys,
    OldProof,
    check_old_proof,
    known_keys,
    plan_status_list,
    record_keys,
    signed_status_list,
    signing_method,
    store_status_list,
    unknown_key_message,
)
from generator.model import CourseFamily, Pathway, Site
from generator.problems import Problem
from generator.site import documents
from generator.strict_json import loads

REISSUES = STATUS / "reissues.csv"  # which credential was signed again, when, and by which key
REISSUES_HEADER = "date,credential,index,key,reason"
RESTORE = "restore the file exactly as credsite issue wrote it (e.g. from git)"
COMMAND = "credsite reissue"
UNPUBLISHABLE_FIX = ("the build refuses it as it is, too (credsite check says why): restore what it needs, such as "
                     "its course version (see: credsite docs course-format), or remove the file; then reissue")


@dataclass(frozen=True)
class Reissued:
    credential_id: str
    path: Path
    reasons: tuple[str, ...]  # why it was signed again
    document: dict
    key_changed: bool = False  # its old proof was made with another key than the active one


@dataclass
class Summary:
    """What the user is told besides the credentials signed again."""

    notes: list[str] = field(default_factory=list)  # e.g. credentials left alone, already current
    status_list: str = ""  # why the status list was signed again; empty when it was not


def reissue(site: Site, references: list[str], key: SigningKey, now: dt.datetime | None = None,
            unchecked_proofs: bool = False, families: list[CourseFamily] | None = None,
            pathways: list[Pathway] | None = None) -> tuple[list[Reissued], Summary, list[Problem]]:
    """Re-sign the credentials `references` names (all when empty).

    Each is signed only if the build would publish it as signed (generator/issuing/publishable.py);
    `families`: the site's courses (read from content/courses/ when not given); `pathways`: its pathways,
    whose credentials are re-signed too (read from content/pathways/ when not given).

    Every old proof is checked against the public key it was made with, also that of a
    key removed from site.yaml (see generator/issuing/signing.py); `unchecked_proofs`
    signs a credential whose key is nowhere to be found, with a note, instead of refusing.
    Everything is checked and signed first; nothing is written unless every credential
    can be re-signed.
    """
    now = now or utc_now()
    summary = Summary()
    method, problems = signing_method(site, key)
    entries, more = registry(site.source)
    current, status_problems = read_status_list(site)
    known, history_problems = known_keys(site)
    problems += more + status_problems + history_problems
    # A missing or damaged registry is the one thing wrong: don't blame every credential for it.
    paths = _targets(site, references, problems, summary) if not problems else []
    if problems or current is None:
        return [], summary, problems
    indexes = {cid: index for index, cid in entries.items()}
    families = load_courses(site, []) if families is None else families
    pathways = load_pathways(site, families, []) if pathways is None else pathways
    publishable = CredentialCheck(site, families, current.bits, now, pathways)
    done: list[Reissued] = []
    for path in paths:
        shown = _shown(site, path)
        document, found = _readable(path, shown)
        if document is None:
            problems += found
            continue
        found = _ours(site, document, shown, indexes)
        if found:
            problems += found
            continue
        old, found = _proof(document, shown, known, unchecked_proofs, summary)
        if found:
            problems += found
            continue
        reasons, key_changed = _reasons(document, method, old.by(method, key.public_multibase))
        if not reasons:
            summary.notes.append(f"{shown}: already current (self-contained and signed with {method}); "
                                 "left as it is")
            continue
        unsigned = {**{k: v for k, v in document.items() if k != "proof"},
                    "@context": documents.context(documents.CREDENTIAL_CONTEXT, [_achievement(document)])}
        try:
            signed = sign_rdfc(unsigned, key.private, method, iso(now))
        except IntegrityError as exc:
            problems.append(Problem(shown, None, "", f"cannot be signed again: {'; '.join(exc.problems)}", RESTORE))
            continue
        refused = publishable.refusals(signed)
        if refused:
            problems += [Problem(shown, None, r.field, f"the build would not publish it signed again ({r.message}), "
                                 "so it is not signed", UNPUBLISHABLE_FIX) for r in refused]
            continue
        done.append(Reissued(document["id"], path, tuple(reasons), signed, key_changed))
    # A list signed by a key that is gone would not verify either; its old proof is checked like a credential's.
    plan = plan_status_list(current, known, method, key.public_multibase,
                            None if unchecked_proofs else UNCHECKED_FIX)
    problems += plan.problems
    if problems:
        return [], summary, problems
    if plan.unchecked:
        summary.notes.append(f"{STATUS_LIST}: its old proof was NOT checked (--unchecked-proofs): {plan.unchecked}")
    signed_list, problems = signed_status_list(site, current.bits, key, method, now) if plan.sign else (b"", [])
    if problems:
        return [], summary, problems
    if done or plan.sign:
        record_keys(site, known, now)
    if done:
        for item in done:
            files.replace(item.path, files.credential_bytes(item.document))
        files.append_rows(site.source / REISSUES, REISSUES_HEADER, [
            csv_line(iso(now), item.credential_id, indexes[item.credential_id], method, "; ".join(item.reasons))
            for item in done])
    if plan.sign:
        store_status_list(site, signed_list)
        before = ", ".join(sorted(current.signers))
        summary.status_list = (f"{STATUS_LIST}: signed again with {method}" +
                               (f" (it was signed with {before})" if before else " (there was none)"))
    return done, summary, []


def _targets(site: Site, references: list[str], problems: list[Problem], summary: Summary) -> list[Path]:
    """The site's own files to reissue; for named credentials, only those are read."""
    if not references:
        folder = site.source / ISSUED
        return sorted(p for p in folder.glob("*.json") if p.is_file()) if folder.is_dir() else []
    paths: list[Path] = []
    for reference in references:
        target, found = find_credential(site, reference, COMMAND)
        problems += found
        if found:
            continue
        if target is None or target.path is None:
            problems.append(Problem(COMMAND, None, "ID", f"no credential '{reference}' in {ISSUED}/",
                                    GIVE))
            continue
        if target.note:
            summary.notes.append(target.note)
        if target.path not in paths:
            paths.append(target.path)
    return paths


def _shown(site: Site, path: Path) -> str:
    try:
        return str(path.resolve().relative_to(site.source.resolve()))
    except ValueError:
        return str(path)


def _readable(path: Path, shown: str) -> tuple[dict | None, list[Problem]]:
    try:
        document = loads(path.read_bytes())
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        return None, [Problem(shown, None, "", f"is not a readable credential ({exc})", RESTORE)]
    if not isinstance(document, dict) or not isinstance(document.get("id"), str):
        return None, [Problem(shown, None, "", "is not a credential (a JSON object with an id)", RESTORE)]
    return document, []


def _ours(site: Site, document: dict, shown: str, indexes: dict[str, int]) -> list[Problem]:
    """Refuse to sign what this site never issued: the registry of status indexes is the record."""
    did = resolver_for_site(site).did
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if issuer_id != did:
        return [Problem(shown, None, "issuer", f"{issuer_id} is not this site's issuer {did}",
                        "reissue only the credentials this site issued")]
    status = document.get("credentialStatus")
    index = str(status.get("statusListIndex", "")) if isinstance(status, dict) else ""
    if document["id"] not in indexes or str(indexes[document["id"]]) != index:
        return [Problem(shown, None, "credentialStatus.statusListIndex",
                        f"{document['id']} with index '{index}' is not in {REGISTRY}, "
                        "the record of what this site issued", RESTORE)]
    return []


def _proof(document: dict, shown: str, known: KnownKeys, unchecked: bool,
           summary: Summary) -> tuple[OldProof, list[Problem]]:
    """Refuse a file changed since it was signed: signing it again would make the change valid."""
    found = check_old_proof(document, known)
    if found.problems:
        return found, [Problem(shown, None, "proof", f"does not verify ({'; '.join(found.problems)})", RESTORE)]
    if found.unknown and unchecked:
        summary.notes.append(f"{shown}: its old proof was NOT checked (--unchecked-proofs): "
                             f"{unknown_key_message(found.unknown)}")
    elif found.unknown:
        return found, [Problem(shown, None, "proof", unknown_key_message(found.unknown), UNCHECKED_FIX)]
    return found, []


def _reasons(document: dict, method: str, by_active_key: bool) -> tuple[list[str], bool]:
    """Why `document` must be signed again (empty when it is current), and whether its key changes."""
    reasons = []
    if document.get("@context") != documents.context(documents.CREDENTIAL_CONTEXT, [_achievement(document)]):
        stale = [url for url in closed_world.context_urls(document) if url not in closed_world.standard_contexts()]
        reasons.append(f"@context {', '.join(stale)} cannot be loaded by verifiers" if stale
                       else "@context is not the current one")
    proofs = document.get("proof")
    proofs = proofs if isinstance(proofs, list) else [proofs]
    methods = sorted({str(p.get("verificationMethod")) for p in proofs if isinstance(p, dict)} - {method})
    if methods:
        reasons.append(f"signed with {', '.join(methods)}, not the active key")
    elif not by_active_key:  # its key id now names another key
        reasons.append(f"signed with an earlier key that was also called {method}")
    return reasons, bool(methods) or not by_active_key


def _achievement(document: dict) -> dict:
    subject = document.get("credentialSubject")
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    return achievement if isinstance(achievement, dict) else {}
