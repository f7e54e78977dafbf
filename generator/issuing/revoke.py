"""Revoke a credential: set its bit in the signed status list and log why (`credsite revoke`).

In two steps, so the user sees who and what before anything changes: plan_revocation() checks
everything and says what it would do; carry_out() does it.

The bit to set comes from revocation-registry.csv, the record of which index each
credential got, never from a file alone: a copy with an edited index would revoke
somebody else's credential.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator import routes
from generator.content.csv_cells import csv_line
from generator.content.status import REGISTRY, REVOCATIONS, StatusList, read_status_list, registry
from generator.credentials import statuslist
from generator.issuing import files
from generator.issuing.dates import iso, utc_now
from generator.issuing.keys import SigningKey
from generator.issuing.references import GIVE, find_credential
from generator.issuing.signing import (
    REISSUE_FIRST,
    KnownKeys,
    known_keys,
    plan_status_list,
    record_keys,
    signed_status_list,
    signing_method,
    store_status_list,
)
from generator.model import Site
from generator.problems import Problem
from generator.strict_json import loads, not_text, printable

COMMAND = "credsite revoke"
REVOCATIONS_HEADER = "date,credential,index,reason"
RESTORE = "restore the file exactly as credsite issue wrote it (e.g. from git)"


@dataclass(frozen=True)
class Revocation:
    """What `credsite revoke` is about to do, for the user to see before it is done: who and what."""

    credential_id: str
    index: int
    reason: str
    learner: str  # as the credential names them; "" when its file is gone
    course: str  # the achievement's name and version; "" when its file is gone
    awarded: str  # YYYY-MM-DD; "" when its file is gone
    badge_url: str
    notes: tuple[str, ...] = ()  # e.g. which file is acted on when a copy named it

    def lines(self) -> list[str]:
        """The preview: one line per fact, each made printable (a name may hold anything)."""
        gone = "(not known: its file is no longer in content/issued/; the registry knows its index)"
        rows = [("credential", self.credential_id), ("learner", self.learner or gone),
                ("course", self.course or gone), ("awarded", self.awarded or gone),
                ("badge page", self.badge_url), ("reason", self.reason)]
        return [f"  {label:<11} {printable(value)}" for label, value in rows]


def plan_revocation(site: Site, reference: str, reason: str, key: SigningKey) -> tuple[Revocation | None,
                                                                                         list[Problem]]:
    """Everything revoke checks before it changes anything; the Revocation it would carry out, or why not."""
    reason, problems = _reason(reason)
    if problems:
        return None, problems
    method, problems = signing_method(site, key)
    if problems:
        return None, problems
    target, problems = find_credential(site, reference, COMMAND)
    entries, more = registry(site.source)
    if problems or more:
        return None, problems + more
    indexes = {cid: index for index, cid in entries.items()}
    document: dict = {}
    if target is not None and target.path is not None:
        cid, index, document, problems = _revocable(site, target.path, indexes)
        shown = str(target.path)
    elif target is not None and target.credential_id in indexes:
        # Its file may be gone (a learner asked for removal) while copies of it live on in
        # wallets: the registry still knows its index, so it can still be revoked.
        cid, index, shown = target.credential_id, indexes[target.credential_id], target.credential_id
    else:
        return None, [Problem(COMMAND, None, "ID", f"no credential '{reference}' in content/issued/ or in "
                              f"{REGISTRY}", GIVE)]
    if problems:
        return None, problems
    current, _, problems = _list_to_sign(site, key, method)
    if current is None:
        return None, problems
    if statuslist.is_set(current.bits, index):
        return None, [Problem(shown, None, "", "is already revoked", "nothing to do")]
    learner, course, awarded = _who_and_what(document)
    uid = cid.removeprefix("urn:uuid:")
    notes = (target.note,) if target is not None and target.note else ()
    return Revocation(cid, index, reason, learner, course, awarded,
                      routes.absolute(site, routes.badge(uid, site, site.languages[0])), notes), []


def carry_out(site: Site, plan: Revocation, key: SigningKey, now: dt.datetime | None = None) -> list[Problem]:
    """Set the planned bit, sign the list again and log the reason. Checked again from the files, so a list
    changed since the plan was made (another revoke in the meantime) is never signed over blindly."""
    now = now or utc_now()
    method, problems = signing_method(site, key)
    if problems:
        return problems
    current, known, problems = _list_to_sign(site, key, method)
    if current is None:
        return problems
    if statuslist.is_set(current.bits, plan.index):
        return [Problem(plan.credential_id, None, "", "is already revoked", "nothing to do")]
    statuslist.set_bit(current.bits, plan.index)
    signed, problems = signed_status_list(site, current.bits, key, method, now)
    if problems:
        return problems
    record_keys(site, known, now)
    store_status_list(site, signed)
    files.append_rows(site.source / REVOCATIONS, REVOCATIONS_HEADER,
                      [csv_line(iso(now), plan.credential_id, plan.index, plan.reason)])
    return []


def _list_to_sign(site: Site, key: SigningKey, method: str) -> tuple[StatusList | None, KnownKeys, list[Problem]]:
    """The status list as it is now, if revoke may sign over it: undamaged and signed by a key it knows."""
    current, problems = read_status_list(site)
    known, more = known_keys(site)
    if current is not None:
        more += plan_status_list(current, known, method, key.public_multibase, REISSUE_FIRST).problems
    if problems or more or current is None:
        return None, known, problems + more
    return current, known, []


def _who_and_what(document: dict) -> tuple[str, str, str]:
    """The learner's name, the course (name and version) and the award date, as the credential gives them."""
    subject = _mapping(document.get("credentialSubject"))
    identifiers = subject.get("identifier")
    names = [_text(item.get("identityHash")) for item in map(_mapping, identifiers)
             if item.get("identityType") == "name" and item.get("hashed") is False] \
        if isinstance(identifiers, list) else []
    achievement = _mapping(subject.get("achievement"))
    name, version = _text(achievement.get("name")), _text(achievement.get("version"))
    course = f"{name} (version {version})" if name and version else name
    return next(filter(None, names), ""), course, _text(document.get("awardedDate") or document.get("validFrom"))[:10]


def _mapping(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


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


def _revocable(site: Site, path: Path, indexes: dict[str, int]) -> tuple[str, int, dict, list[Problem]]:
    """The credential's id, its index, which the file and the registry must agree on, and the document."""
    try:
        document = loads(path.read_bytes())
        status = document.get("credentialStatus") or {}
        cid = document["id"]
    except (OSError, UnicodeDecodeError, ValueError, AttributeError, KeyError, TypeError, RecursionError) as exc:
        return "", 0, {}, [Problem(str(path), None, "", f"is not a credential ({exc})", RESTORE)]
    if not isinstance(status, dict) or status.get("statusListCredential") != statuslist.list_url(site):
        return "", 0, {}, [Problem(str(path), None, "credentialStatus",
                                   "does not use this site's revocation list", "it cannot be revoked here")]
    index = str(status.get("statusListIndex", ""))
    if cid not in indexes or str(indexes[cid]) != index:
        recorded = f"records index {indexes[cid]} for it" if cid in indexes else "does not record it"
        return "", 0, {}, [Problem(str(path), None, "credentialStatus.statusListIndex",
                                   f"{cid} with index '{index}' does not match {REGISTRY}, which {recorded}",
                                   f"{RESTORE}; the registry decides which bit belongs to which credential")]
    return cid, int(index), document, []
