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
import json
from dataclasses import dataclass
from pathlib import Path

from generator.content.status import STATUS, read_status_list, registry
from generator.credentials import closed_world
from generator.credentials.did import resolver_for_site
from generator.credentials.integrity import IntegrityError, sign_rdfc
from generator.credentials.integrity import verify as verify_proof
from generator.issuing import files
from generator.issuing.issue import (
    ISSUED,
    credential_bytes,
    csv_line,
    find_credential,
    iso,
    refresh_status_list,
    signing_method,
    utc_now,
)
from generator.issuing.keys import SigningKey
from generator.model import Site
from generator.problems import Problem
from generator.site import documents

REISSUES = STATUS / "reissues.csv"  # which credential was signed again, when, and by which key
RESTORE = "restore the file exactly as credsite issue wrote it (e.g. from git)"


@dataclass(frozen=True)
class Reissued:
    credential_id: str
    path: Path
    reasons: tuple[str, ...]  # why it was signed again
    document: dict


def reissue(site: Site, references: list[str], key: SigningKey,
            now: dt.datetime | None = None) -> tuple[list[Reissued], list[str], list[Problem]]:
    """Re-sign the credentials `references` names (all when empty).

    Returns what was re-signed, notes on those left alone (already current), and
    problems. Everything is checked and signed first; nothing is written unless
    every credential can be re-signed.
    """
    now = now or utc_now()
    method, problems = signing_method(site, key)
    entries, more = registry(site.source)
    current, status_problems = read_status_list(site)
    problems += more + status_problems
    paths = _targets(site, references, problems)
    if problems:
        return [], [], problems
    indexes = {cid: index for index, cid in entries.items()}
    done: list[Reissued] = []
    notes: list[str] = []
    for path in paths:
        shown = _shown(site, path)
        document, found = _readable(path, shown)
        if document is None:
            problems += found
            continue
        problems += _ours(site, document, shown, indexes)
        reasons = _reasons(document, method)
        if not reasons:
            notes.append(f"{shown}: already current (self-contained and signed with {method}); left as it is")
            continue
        unsigned = {**{k: v for k, v in document.items() if k != "proof"},
                    "@context": documents.context(documents.CREDENTIAL_CONTEXT, [_achievement(document)])}
        try:
            signed = sign_rdfc(unsigned, key.private, method, iso(now))
        except IntegrityError as exc:
            problems.append(Problem(shown, None, "", f"cannot be signed again: {'; '.join(exc.problems)}", RESTORE))
            continue
        done.append(Reissued(document["id"], path, tuple(reasons), signed))
    if problems:
        return [], [], problems
    if done:
        for item in done:
            files.replace(item.path, credential_bytes(item.document))
        log = site.source / REISSUES
        if not log.exists():
            files.create_new(log, b"date,credential,index,key,reason\n")
        files.append_line(log, "\n".join(
            csv_line(iso(now), item.credential_id, indexes[item.credential_id], method, "; ".join(item.reasons))
            for item in done))
    # A list signed by a key that is gone would not verify either.
    refresh_status_list(site, key, method, now, current)
    return done, notes, []


def _targets(site: Site, references: list[str], problems: list[Problem]) -> list[Path]:
    if not references:
        folder = site.source / ISSUED
        return sorted(p for p in folder.glob("*.json") if p.is_file()) if folder.is_dir() else []
    paths = []
    for reference in references:
        path = find_credential(site, reference)
        if path is None:
            problems.append(Problem("credsite reissue", None, "ID", f"no credential '{reference}' in {ISSUED}/",
                                    "give the credential's id (urn:uuid:...), its UUID, its badge URL or its file"))
        elif path not in paths:
            paths.append(path)
    return paths


def _shown(site: Site, path: Path) -> str:
    try:
        return str(path.resolve().relative_to(site.source.resolve()))
    except ValueError:
        return str(path)


def _readable(path: Path, shown: str) -> tuple[dict | None, list[Problem]]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        return None, [Problem(shown, None, "", f"is not a readable credential ({exc})", RESTORE)]
    if not isinstance(document, dict) or not isinstance(document.get("id"), str):
        return None, [Problem(shown, None, "", "is not a credential (a JSON object with an id)", RESTORE)]
    return document, []


def _ours(site: Site, document: dict, shown: str, indexes: dict[str, int]) -> list[Problem]:
    """Refuse to sign what this site never issued, or a file changed since it was signed.

    The registry of status indexes is the record of what was issued. The old proof
    is checked whenever its key is still listed; a removed key cannot be checked,
    which is exactly the case of a key that leaked.
    """
    resolver = resolver_for_site(site)
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if issuer_id != resolver.did:
        return [Problem(shown, None, "issuer", f"{issuer_id} is not this site's issuer {resolver.did}",
                        "reissue only the credentials this site issued")]
    status = document.get("credentialStatus")
    index = str(status.get("statusListIndex", "")) if isinstance(status, dict) else ""
    if document["id"] not in indexes or str(indexes[document["id"]]) != index:
        return [Problem(shown, None, "credentialStatus.statusListIndex",
                        f"{document['id']} with index '{index}' is not in {STATUS}/revocation-registry.csv, "
                        "the record of what this site issued", RESTORE)]
    proofs = document.get("proof")
    proofs = proofs if isinstance(proofs, list) else [proofs]
    listed = {f"{resolver.did}#{k.id}" for k in site.keys}
    if all(isinstance(p, dict) and p.get("verificationMethod") in listed for p in proofs):
        result = verify_proof(document, resolver)
        if not result.ok:
            return [Problem(shown, None, "proof", f"does not verify ({'; '.join(result.problems)})", RESTORE)]
    return []


def _reasons(document: dict, method: str) -> list[str]:
    """Why `document` must be signed again; empty when it is current."""
    reasons = []
    if document.get("@context") != documents.context(documents.CREDENTIAL_CONTEXT, [_achievement(document)]):
        stale = [url for url in closed_world.context_urls(document) if url not in closed_world.standard_contexts()]
        reasons.append(f"@context {', '.join(stale)} cannot be loaded by verifiers" if stale
                       else "@context is not the current one")
    proofs = document.get("proof")
    proofs = proofs if isinstance(proofs, list) else [proofs]
    methods = sorted({p.get("verificationMethod") for p in proofs if isinstance(p, dict)} - {method})
    if methods:
        reasons.append(f"signed with {', '.join(map(str, methods))}, not the active key")
    return reasons


def _achievement(document: dict) -> dict:
    subject = document.get("credentialSubject")
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    return achievement if isinstance(achievement, dict) else {}
