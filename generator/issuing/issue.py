"""Build and sign Open Badges 3.0 credentials into content/issued/ (`credsite issue`).

Everything here needs the private key, so it runs on the issuer's machine, never in
the build. Every learner is checked first; nothing is written unless all are fine.
A cohort of any size is signed a batch at a time, on every core when it is large
(generator/issuing/batches.py), into a staging folder whose credentials are moved in
only once all are signed (generator/issuing/staging.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import secrets
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from generator import routes
from generator.content.csv_cells import csv_line
from generator.content.status import (
    ISSUED,
    KEY_HISTORY,
    KEY_HISTORY_HEADER,
    REGISTRY,
    STATUS,
    STATUS_LIST,
    read_status_list,
    registry,
)
from generator.credentials import statuslist
from generator.issuing.batches import Listed, Make, Progress, Recipe, Rows, sign_rows
from generator.issuing.dates import add_duration, iso, utc_now
from generator.issuing.keys import SigningKey
from generator.issuing.learners import Learner, as_problem, learner_problems
from generator.issuing.publishable import CredentialCheck
from generator.issuing.signing import (
    REISSUE_FIRST,
    KnownKeys,
    key_history_rows,
    known_keys,
    plan_status_list,
    signed_status_list,
    signing_method,
)
from generator.issuing.staging import Journal, Ledger, Staging, move_in
from generator.model import Award, Course, CourseFamily, Site
from generator.problems import Code, Problem
from generator.site import documents
from generator.strict_json import loads

OB_SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
REGISTRY_HEADER = "index,credential,issued"


@dataclass
class Issued:
    learner: Learner
    credential_id: str
    path: Path
    badge_url: str
    document: dict = field(repr=False, default_factory=dict)


def course_version(families: list[CourseFamily], slug: str) -> Course | None:
    for family in families:
        if family.current.slug == slug:
            return family.current
    return None


def email_identity(email: str, salt: str) -> dict:
    """OB 3.0 IdentityObject: sha256 over the lower-cased address followed by the salt."""
    digest = hashlib.sha256((email.strip().lower() + salt).encode("utf-8")).hexdigest()
    return {"type": "IdentityObject", "identityType": "emailAddress", "hashed": True,
            "identityHash": f"sha256${digest}", "salt": salt}


def issued_to(document: object, email: str) -> bool:
    """Whether a credential names `email`: its salted hash, made again by email_identity with the credential's
    own salt. The one test of whose a credential is (credsite clr, issue --pathway)."""
    subject = document.get("credentialSubject") if isinstance(document, dict) else None
    identifiers = subject.get("identifier") if isinstance(subject, dict) else None
    for identity in identifiers if isinstance(identifiers, list) else []:
        if not (isinstance(identity, dict) and identity.get("identityType") == "emailAddress"
                and identity.get("hashed") is True and isinstance(identity.get("salt"), str)):
            continue
        if secrets.compare_digest(str(identity.get("identityHash", "")),
                                  email_identity(email, identity["salt"])["identityHash"]):
            return True
    return False


def free_uuid(site: Site, tries: int = 5) -> str:
    for _ in range(tries):
        candidate = str(uuid.uuid4())
        if not (site.source / ISSUED / f"{candidate}.json").exists():
            return candidate
    raise FileExistsError("every new credential id drawn already exists in content/issued/; "
                          "the system's random number generator looks broken")


def build_credential(site: Site, course: Course, learner: Learner, index: int, now: dt.datetime) -> dict:
    credential_uuid = free_uuid(site)
    awarded = learner.date or now
    lang = site.default_language
    title = documents.text_in(site, course.title, lang)
    subject: dict = {
        "type": ["AchievementSubject"],
        "identifier": [
            email_identity(learner.email, secrets.token_hex(16)),
            {"type": "IdentityObject", "identityType": "name", "hashed": False,
             "identityHash": learner.name.strip()},
        ],
        "achievement": documents.achievement(site, course, with_context=False),
    }
    if course.ects is not None:  # a non-formal badge awards none
        subject["creditsEarned"] = float(course.ects)
    if learner.grade and course.grading:
        subject["result"] = [{
            "type": ["Result"],
            "resultDescription": subject["achievement"]["resultDescription"][0]["id"],
            "value": learner.grade,
        }]
    institution = documents.text_in(site, site.institution.name, lang)
    document = credential_document(site, lang, credential_uuid, title, description(course, title, institution),
                                   awarded, subject, index)
    valid_until = learner.valid_until or (add_duration(awarded, course.valid_for) if course.valid_for else None)
    if valid_until:
        document["validUntil"] = iso(valid_until)
    if learner.evidence:
        document["evidence"] = [{"id": url, "type": ["Evidence"]} for url in learner.evidence]
    return document


def credential_document(site: Site, lang: str, credential_uuid: str, title: str, text: str,
                        awarded: dt.datetime, subject: dict, index: int) -> dict:
    """The OpenBadgeCredential around a credential subject, as every credential credsite signs has it:
    a course's or a pathway's (issuing/pathway.py)."""
    return {
        "@context": documents.context(documents.CREDENTIAL_CONTEXT, [subject["achievement"]]),
        "id": f"urn:uuid:{credential_uuid}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": title,
        "description": text,
        "issuer": documents.issuer_profile(site, lang),
        "validFrom": iso(awarded),
        "awardedDate": iso(awarded),
        "credentialSubject": subject,
        "credentialSchema": [{"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
        "credentialStatus": statuslist.entry(site, index),
    }


def description(course: Course, title: str, institution: str) -> str:
    """The credential's one-line description: what it is, so a wallet never shows a badge as a microcredential."""
    if course.ects is None:
        return f"{title} ({course.hours} hours of study, EQF {course.eqf}), a non-formal badge of {institution}."
    return f"{title} ({course.ects:g} EC, EQF {course.eqf}), a microcredential of {institution}."


def credential_uuid(document: dict) -> str:
    return document["id"].removeprefix("urn:uuid:")


def used_indexes(source: Path) -> tuple[set[int], list[Problem]]:
    """Indexes in the registry, plus any found in issued credentials (belt and braces)."""
    entries, problems = registry(source)
    return set(entries) | _indexes_in_issued(source), problems


def _indexes_in_issued(source: Path) -> set[int]:
    used: set[int] = set()
    folder = source / ISSUED
    if folder.is_dir():
        for path in folder.glob("*.json"):
            if not path.is_file():  # reading a FIFO would block for ever
                continue
            try:
                status = loads(path.read_bytes()).get("credentialStatus", {})
                used.add(int(status.get("statusListIndex")))
            except (ValueError, TypeError, AttributeError, OSError, RecursionError):
                continue
    return used


def issue(site: Site, course: Course, learners: Sequence[Learner], key: SigningKey,
          now: dt.datetime | None = None, progress: Progress | None = None) -> tuple[list[Issued], list[Problem]]:
    """Check every learner first, then every signed credential as the build will; write nothing
    unless all are fine. `progress` hears how a large run goes, and which abandoned staging folders
    were removed (record_each)."""
    issued: list[Issued] = []
    problems = issue_each(site, course, learners, key, issued.append, now, documents=True, progress=progress)
    return ([], problems) if problems else (issued, [])


def issue_each(site: Site, course: Course, rows: Sequence[Learner] | Rows, key: SigningKey,
               on_issued: Callable[[Issued], None], now: dt.datetime | None = None,
               documents: bool = False, progress: Progress | None = None) -> list[Problem]:
    """issue() for a cohort of any size: each credential is handed to `on_issued` as it is made, in the order
    of the rows, and not kept. Learners given as a list are checked here first; other `rows` (a cohort file
    read again, CohortRows) were checked by their reader. Nothing is written unless all are fine: what
    `on_issued` was given is then not issued."""
    now = now or utc_now()
    method, problems = before_signing(site, course, rows if isinstance(rows, Sequence) else [], key, now)
    if problems:
        return problems
    return record_each(site, course, Listed(rows) if isinstance(rows, Sequence) else rows, key, method, now,
                       Recipe(course, functools.partial(_course_credential, site, course, now),
                              functools.partial(_course_check, site, course, now)),
                       on_issued, documents, progress)


def _course_credential(site: Site, course: Course, now: dt.datetime, learner: Learner, index: int) -> dict:
    return build_credential(site, course, learner, index, now)


def _course_check(site: Site, course: Course, now: dt.datetime, bits: bytearray) -> CredentialCheck:
    return CredentialCheck(site, [CourseFamily(course)], bits, now)


def before_signing(site: Site, award: Award, learners: Sequence[Learner], key: SigningKey,
                   now: dt.datetime) -> tuple[str, list[Problem]]:
    """The verification method of `key`, and what stops signing before any credential is built: the key,
    each learner, or a draft `award`. One place, so a course and a pathway refuse alike."""
    method, problems = signing_method(site, key)
    course = award if isinstance(award, Course) else None  # learner_problems takes None for a pathway
    for learner in learners:
        problems += [as_problem(learner, message) for message in learner_problems(course, learner, now)]
    if problems:
        return method, problems
    if award.status == "draft":
        # The wording each already gave: a course's "achievement", a pathway's "Achievement".
        what, achievement = ("course", "achievement") if course is not None else ("pathway", "Achievement")
        return method, [Problem(award.source, None, "status", f"the {what} is a draft, so its {achievement} is not "
                                "published and the badge would point nowhere", f"publish the {what} first")]
    return method, []


def sign_and_record(site: Site, award: Award, learners: list[Learner], key: SigningKey, method: str,
                    now: dt.datetime, make: Make, check: Callable[[bytearray], CredentialCheck],
                    progress: Progress | None = None) -> tuple[list[Issued], list[Problem]]:
    """Sign what `make` builds for each learner, put each through the build's checks (`check`, given the
    status list as it will be written), and write them all, or nothing when any is refused."""
    issued: list[Issued] = []
    problems = record_each(site, award, Listed(learners), key, method, now, Recipe(award, make, check),
                           issued.append, documents=True, progress=progress)
    return ([], problems) if problems else (issued, [])


def record_each(site: Site, award: Award, rows: Rows, key: SigningKey, method: str, now: dt.datetime,
                recipe: Recipe, on_issued: Callable[[Issued], None], documents: bool,
                progress: Progress | None = None) -> list[Problem]:
    """sign_and_record() a row at a time: every credential is signed into a staging folder beside
    content/issued/ (generator/issuing/staging.py) and handed to `on_issued`; only when every row and the
    status list are fine are they moved in, after their registry rows. `progress` is told of the staging
    folders of killed runs removed on the way, and how a large run is going (batches.Tally)."""
    used, problems = used_indexes(site.source)
    current, more = read_status_list(site)
    known, history_problems = known_keys(site)
    problems += more + history_problems
    if problems or current is None:
        return problems
    plan = plan_status_list(current, known, method, key.public_multibase, REISSUE_FIRST)
    if plan.problems:
        return plan.problems
    problems = _folder_problems(site.source) + _room_problems(len(used), rows.count)
    if problems:
        return problems
    try:
        staging = Staging(site.source, progress)
    except OSError as exc:
        return [_unwritable(Path("content"), exc)]
    ledger = Ledger()
    try:
        outcomes = sign_rows(rows, used, recipe, key.private.private_bytes_raw(), method, iso(now), current.bits,
                             staging.folder, documents, progress=progress)
        try:
            for learner, index, outcome in outcomes:
                problems += outcome.problems
                if problems:  # nothing of this run will be issued: hand nothing more on
                    continue
                uid = outcome.credential_uuid
                try:
                    ledger.add(index, uid)
                except ValueError as exc:
                    problems.append(as_problem(learner, f": cannot be issued: {exc}", "report this as a credsite bug"))
                    continue
                on_issued(Issued(learner, f"urn:uuid:{uid}", site.source / ISSUED / f"{uid}.json",
                                 routes.absolute(site, routes.badge(uid)), outcome.document or {}))
        finally:
            outcomes.close()  # the workers stop before the staging folder goes
        problems += rows.problems()
        status_list, more = signed_status_list(site, current.bits, key, method, now) if plan.sign else (None, [])
        problems += more
        if problems:
            return problems
        _record(site, staging, ledger, now, status_list, known)
    except BrokenProcessPool:
        return [Problem("credsite issue", None, "", "a process signing the credentials stopped before it was done "
                        "(the system may have run out of memory)", "run the command again; nothing was written",
                        code=Code.BUG)]
    except OSError as exc:
        return [_unwritable(ISSUED, exc)]
    finally:
        staging.discard()
    return []


def _folder_problems(source: Path) -> list[Problem]:
    """content/issued/ and content/status/ are found writable folders (or absent) before anything is signed."""
    problems = []
    for folder in (ISSUED, STATUS):
        path = source / folder
        if path.exists() and not path.is_dir():
            problems.append(Problem(str(folder), None, "", "is not a folder",
                                    "move the file away: credsite issue writes into this folder"))
        elif path.exists() and not os.access(path, os.W_OK | os.X_OK):
            problems.append(Problem(str(folder), None, "", "cannot be written",
                                    "give yourself write permission on the folder"))
    return problems


def _room_problems(used: int, count: int) -> list[Problem]:
    """A status list entry for every credential, asked before signing: a full list would stop the run midway."""
    free = statuslist.LIST_SIZE - used
    if count <= free:
        return []
    return [Problem(str(STATUS_LIST), None, "", f"has {free} free entries left, too few for {count} credential(s)",
                    f"issue to at most {free} learners; the list holds {statuslist.LIST_SIZE} in all",
                    code=Code.STATUS_FILES)]


def _unwritable(folder: Path, exc: OSError) -> Problem:
    where = f": {exc.filename}" if exc.filename else ""
    return Problem(str(folder), None, "", f"cannot be written ({exc.strerror or exc}{where})",
                   "check the free disk space and the folder's permissions; nothing of this run was written")


def _record(site: Site, staging: Staging, ledger: Ledger, now: dt.datetime, status_list: bytes | None,
            known: KnownKeys) -> None:
    """Write everything, all of it made and checked before; `status_list` unless None. All or nothing:
    an OSError comes after what was written is undone (staging.move_in)."""
    stamp = iso(now)

    def before(journal: Journal) -> None:
        history = key_history_rows(known, now)
        if history:
            journal.append(site.source / KEY_HISTORY, KEY_HISTORY_HEADER, history)
        # Registry first, in one write: an index is never handed out twice, even after a crash.
        journal.append(site.source / REGISTRY, REGISTRY_HEADER,
                       (csv_line(index, f"urn:uuid:{uid}", stamp) for index, uid in ledger))

    def after(journal: Journal) -> None:
        if status_list is not None:
            journal.replace(site.source / STATUS_LIST, status_list)

    move_in(staging, ledger, site.source / ISSUED, before, after)
