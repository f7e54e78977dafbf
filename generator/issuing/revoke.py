"""Revoke a credential: set its bit in the signed status list and log why (`credsite revoke`).

The bit to set comes from revocation-registry.csv, the record of which index each
credential got, never from a file alone: a copy with an edited index would revoke
somebody else's credential.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

from generator.content.csv_cells import csv_line
from generator.content.status import REGISTRY, REVOCATIONS, read_status_list, registry
from generator.credentials import statuslist
from generator.issuing import files
from generator.issuing.dates import iso, utc_now
from generator.issuing.keys import SigningKey
from generator.issuing.references import GIVE, find_credential
from generator.issuing.signing import (
    REISSUE_FIRST,
    known_keys,
    plan_status_list,
    record_keys,
    signed_status_list,
    signing_method,
    store_status_list,
)
from generator.model import Site
from generator.problems import Problem
from generator.strict_json import loads, not_text

COMMAND = "credsite revoke"
REVOCATIONS_HEADER = "date,credential,index,reason"
RESTORE = "restore the file exactly as credsite issue wrote it (e.g. from git)"


def revoke(site: Site, reference: str, reason: str, key: SigningKey,
           now: dt.datetime | None = None) -> tuple[str, list[str], list[Problem]]:
    """(the credential id, notes for the user, problems); nothing is written when there are problems."""
    now = now or utc_now()
    reason, problems = _reason(reason)
    if problems:
        return "", [], problems
    method, problems = signing_method(site, key)
    if problems:
        return "", [], problems
    target, problems = find_credential(site, reference, COMMAND)
    entries, more = registry(site.source)
    if problems or more:
        return "", [], problems + more
    indexes = {cid: index for index, cid in entries.items()}
    notes = [target.note] if target is not None and target.note else []
    if target is not None and target.path is not None:
        cid, index, problems = _revocable(site, target.path, indexes)
        shown = str(target.path)
    elif target is not None and target.credential_id in indexes:
        # Its file may be gone (a learner asked for removal) while copies of it live on in
        # wallets: the registry still knows its index, so it can still be revoked.
        cid, index, shown = target.credential_id, indexes[target.credential_id], target.credential_id
    else:
        return "", [], [Problem(COMMAND, None, "ID", f"no credential '{reference}' in content/issued/ or in "
                                f"{REGISTRY}", GIVE)]
    if problems:
        return "", [], problems
    current, problems = read_status_list(site)
    known, more = known_keys(site)
    if current is not None:
        more += plan_status_list(current, known, method, key.public_multibase, REISSUE_FIRST).problems
    if problems or more or current is None:
        return "", [], problems + more
    if statuslist.is_set(current.bits, index):
        return "", [], [Problem(shown, None, "", "is already revoked", "nothing to do")]
    statuslist.set_bit(current.bits, index)
    signed, problems = signed_status_list(site, current.bits, key, method, now)
    if problems:
        return "", [], problems
    record_keys(site, known, now)
    store_status_list(site, signed)
    files.append_rows(site.source / REVOCATIONS, REVOCATIONS_HEADER, [csv_line(iso(now), cid, index, reason)])
    return cid, notes, []


def _reason(text: str) -> tuple[str, list[Problem]]:
    """The reason as logged, on one line; or why it cannot be. It is public in the repository and shown beside
    REVOKED: a control character would hide what follows on a terminal, and a line break split the log."""
    reason = " ".join(text.split())
    if not reason:
        return "", [Problem(COMMAND, None, "--reason", "missing",
                            "say why, e.g. --reason 'issued to the wrong learner'; the reason is logged")]
    bad = [ch for ch in reason if unicodedata.category(ch) in ("Cc", "Cs") or not_text(ch)]
    if bad:
        codes = ", ".join(dict.fromkeys(f"U+{ord(ch):04X}" for ch in bad))
        return "", [Problem(COMMAND, None, "--reason", f"contains control characters or what is not text ({codes})",
                            "give the reason as plain text")]
    return reason, []


def _revocable(site: Site, path: Path, indexes: dict[str, int]) -> tuple[str, int, list[Problem]]:
    """The credential's id and its index, which the file and the registry must agree on."""
    try:
        document = loads(path.read_bytes())
        status = document.get("credentialStatus") or {}
        cid = document["id"]
    except (OSError, UnicodeDecodeError, ValueError, AttributeError, KeyError, TypeError, RecursionError) as exc:
        return "", 0, [Problem(str(path), None, "", f"is not a credential ({exc})", RESTORE)]
    if not isinstance(status, dict) or status.get("statusListCredential") != statuslist.list_url(site):
        return "", 0, [Problem(str(path), None, "credentialStatus",
                               "does not use this site's revocation list", "it cannot be revoked here")]
    index = str(status.get("statusListIndex", ""))
    if cid not in indexes or str(indexes[cid]) != index:
        recorded = f"records index {indexes[cid]} for it" if cid in indexes else "does not record it"
        return "", 0, [Problem(str(path), None, "credentialStatus.statusListIndex",
                               f"{cid} with index '{index}' does not match {REGISTRY}, which {recorded}",
                               f"{RESTORE}; the registry decides which bit belongs to which credential")]
    return cid, int(index), []
