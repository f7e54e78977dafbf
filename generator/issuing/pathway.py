"""Issue a pathway's credential (`credsite issue --pathway SLUG --email ...`).

Only to a learner who holds a valid, unrevoked credential for every part. The learner is
known by e-mail address alone: each credential stores it as a salted SHA-256 hash
(issue.email_identity), so the address given is hashed again with each credential's own
salt and compared. A part of this site is looked up in content/issued/ and judged as the
build judges it (build/issued.verify_issued); a part of another site comes as the learner's
credential file, verified by the command with `credsite verify`'s checks, and must be
issued by the site whose Achievement it names. The pathway credential lists the credentials
of its parts as evidence, and is valid no longer than the first of them to expire.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator import routes
from generator.build.issued import verify_issued
from generator.content.issued import load_issued
from generator.issuing.batches import Progress
from generator.issuing.dates import iso, utc_now
from generator.issuing.issue import (
    Issued,
    before_signing,
    credential_document,
    email_identity,
    free_uuid,
    issued_to,
    sign_and_record,
)
from generator.issuing.keys import SigningKey
from generator.issuing.learners import Learner, as_problem
from generator.issuing.publishable import CredentialCheck
from generator.model import CourseFamily, IssuedCredential, Pathway, PathwayPart, Site
from generator.problems import Problem
from generator.site import documents
from generator.site.badge_view import learner_name

COMMAND = "credsite issue"


@dataclass(frozen=True)
class Outside:
    """A learner's credential from another site, as given on the command line, with its verdict there."""

    path: Path
    document: dict
    status: str  # valid | revoked | expired | ... | not checked, as `credsite verify` judged it


@dataclass(frozen=True)
class Held:
    """A credential the learner holds for one part of a pathway."""

    credential_id: str
    url: str  # where it can be seen: its badge page, or for another site's, its id
    awarded: str  # awardedDate (or validFrom), ISO 8601
    valid_until: str  # "" for no expiry
    name: str  # the learner's name as it gives it


def issue_pathway(site: Site, families: list[CourseFamily], pathway: Pathway, learner: Learner, key: SigningKey,
                  outside: Sequence[Outside] = (), now: dt.datetime | None = None,
                  progress: Progress | None = None) -> tuple[list[Issued], list[Problem]]:
    """Sign the pathway's credential for `learner` if they hold every part; write nothing otherwise.
    `progress` hears of what issue.record_each says on the way (an abandoned staging folder removed)."""
    now = now or utc_now()
    method, problems = before_signing(site, pathway, [learner], key, now)
    if problems:
        return [], problems
    held, missing = holdings(site, families, pathway, learner.email, now, outside)
    if missing:
        return [], missing
    name = learner.name.strip()
    names = sorted({h.name for h in held if h.name})
    if not name and len(names) != 1:
        found = ", ".join(f"'{n}'" for n in names) or "none"
        return [], [as_problem(learner, f"name: the credentials of the parts name the learner differently ({found})",
                               "give the name for the pathway's credential with --name")]
    latest = max((_moment(h.awarded) for h in held if h.awarded), default=None)
    if learner.date is not None and latest is not None and learner.date < latest:
        return [], [as_problem(learner, f"date: {iso(learner.date)} is before the last part was awarded "
                               f"({iso(latest)})", "give a date on or after it, or leave --date out")]
    learner = Learner(name or names[0], learner.email, "", learner.date, (), learner.valid_until, learner.where)
    return sign_and_record(site, pathway, [learner], key, method, now,
                           lambda one, index: build_pathway_credential(site, pathway, one, held, index, now),
                           lambda bits: CredentialCheck(site, [], bits, now, [pathway]), progress)


def holdings(site: Site, families: list[CourseFamily], pathway: Pathway, email: str, now: dt.datetime,
             outside: Sequence[Outside] = ()) -> tuple[list[Held], list[Problem]]:
    """The learner's credential for each part, in the pathway's order; or a problem naming each part they lack."""
    found: dict[int, list[tuple[str, Held | None]]] = {}  # part -> (status, credential if valid)
    index = {url: i for i, part in enumerate(pathway.parts) for url in part.achievements}
    for status, part_index, held in _local(site, families, index, email, now):
        found.setdefault(part_index, []).append((status, held))
    for item in outside:
        match = _outside(pathway, index, item, email)
        if match is not None:
            found.setdefault(match[0], []).append((item.status, match[1]))
    held_parts: list[Held] = []
    problems: list[Problem] = []
    for i, part in enumerate(pathway.parts):
        valid = sorted((h for status, h in found.get(i, []) if status == "valid" and h is not None),
                       key=lambda h: h.awarded)
        if valid:
            held_parts.append(valid[0])  # the first time the learner achieved it
            continue
        problems.append(_missing(site, pathway, i, part, email, [status for status, _ in found.get(i, [])]))
    return held_parts, problems


def _local(site: Site, families: list[CourseFamily], index: dict[str, int], email: str,
           now: dt.datetime) -> list[tuple[str, int, Held | None]]:
    """(status, part, credential) of each credential in content/issued/ for a part, issued to `email`."""
    unreadable: list[Problem] = []  # files the build reports; here they are simply no one's credential
    candidates = [c for c in load_issued(site, unreadable) if _achievement_id(c) in index]
    mine = [c for c in candidates if issued_to(c.document, email)]
    if not mine:
        return []
    published, _ = verify_issued(site, mine, families, now, skip_invalid=True, save_cache=False)
    judged = {item.credential.uuid: item for item in published}
    out: list[tuple[str, int, Held | None]] = []
    for credential in mine:
        part = index[_achievement_id(credential)]
        item = judged.get(credential.uuid)
        if item is None:  # the build would not publish it at all
            out.append(("invalid", part, None))
            continue
        document = credential.document
        out.append((item.verdict.status, part, Held(
            document["id"], routes.absolute(site, routes.badge(credential.uuid)),
            str(document.get("awardedDate") or document.get("validFrom") or ""), str(document.get("validUntil") or ""),
            learner_name(document))))
    return out


def _outside(pathway: Pathway, index: dict[str, int], item: Outside, email: str) -> tuple[int, Held] | None:
    """The part another site's credential counts for, if it is the learner's and that site issued it."""
    document = item.document
    achievement = _achievement(document).get("id")
    if achievement not in index or not issued_to(document, email):
        return None
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    # Anyone can sign a credential naming any Achievement; only its own site's did:web counts for it.
    base = routes.base_url_of_did(str(issuer_id or ""))
    if not base or not str(achievement).startswith(base):
        return None
    return index[str(achievement)], Held(str(document.get("id", "")), str(document.get("id", "")),
                                         str(document.get("awardedDate") or document.get("validFrom") or ""),
                                         str(document.get("validUntil") or ""), learner_name(document))


def _missing(site: Site, pathway: Pathway, i: int, part: PathwayPart, email: str, statuses: list[str]) -> Problem:
    """The problem of a part the learner holds no valid credential for, naming the part."""
    title = documents.text_in(site, part.title)
    if part.course is not None:
        what = f"{part.course.slug} " + " or ".join(v.version for v in part.versions)
        fix = f"issue it first (credsite issue --course {part.course.slug}), or check the address"
    else:
        what = part.achievements[0]
        fix = ("give the learner's credential for it with --part-credential FILE, and that site's folder or built "
               "output with --part-site DIR, or check the address")
    why = (f"; the credential(s) issued to it for that part: {', '.join(sorted(set(statuses)))}" if statuses
           else "")
    return Problem(COMMAND, None, "--email", f"{email.strip()} holds no valid credential for part {i + 1} of "
                   f"{len(pathway.parts)} of {pathway.slug}, '{title}' ({what}){why}", fix)


def build_pathway_credential(site: Site, pathway: Pathway, learner: Learner, held: list[Held], index: int,
                             now: dt.datetime) -> dict:
    credential_uuid_ = free_uuid(site)
    awarded = learner.date or now
    lang = site.default_language
    title = documents.text_in(site, pathway.title, lang)
    achievement = documents.pathway_achievement(site, pathway, with_context=False)
    subject: dict = {
        "type": ["AchievementSubject"],
        "identifier": [
            email_identity(learner.email, secrets.token_hex(16)),
            {"type": "IdentityObject", "identityType": "name", "hashed": False, "identityHash": learner.name.strip()},
        ],
        "achievement": achievement,
    }
    if pathway.ects is not None:
        subject["creditsEarned"] = float(pathway.ects)
    institution = documents.text_in(site, site.institution.name, lang)
    document = credential_document(site, lang, credential_uuid_, title,
                                   f"{title}: a pathway of {len(pathway.parts)} parts from {institution}.",
                                   awarded, subject, index)
    # Valid as long as every part is: no longer than the first of them to expire, or an earlier date given.
    ends = [_moment(h.valid_until) for h in held if h.valid_until]
    if learner.valid_until:
        ends.append(learner.valid_until)
    if ends:
        document["validUntil"] = iso(min(ends))
    document["evidence"] = [
        {"id": h.url, "type": ["Evidence"], "name": documents.text_in(site, part.title, lang),
         "description": _evidence_text(lang, h)}
        for part, h in zip(pathway.parts, held, strict=True)]
    return document


def _evidence_text(lang: str, held: Held) -> str:
    words = {"en": "Credential {id}, awarded {date}", "nl": "Credential {id}, toegekend op {date}"}
    return words.get(lang, words["en"]).format(id=held.credential_id, date=held.awarded[:10])


def _moment(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _achievement(document: object) -> dict:
    subject = document.get("credentialSubject") if isinstance(document, dict) else None
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    return achievement if isinstance(achievement, dict) else {}


def _achievement_id(credential: IssuedCredential) -> str:
    achievement = (credential.facts.get("credentialSubject") or {}).get("achievement") or {}
    return str(achievement.get("id") or "") if isinstance(achievement, dict) else ""
