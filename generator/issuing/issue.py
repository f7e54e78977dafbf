"""Build and sign Open Badges 3.0 credentials into content/issued/ (`credsite issue`).

Everything here needs the private key, so it runs on the issuer's machine, never in
the build. Every learner is checked first; nothing is written unless all are fine.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator import routes
from generator.content.csv_cells import csv_line
from generator.content.status import ISSUED, REGISTRY, read_status_list, registry
from generator.credentials import statuslist
from generator.credentials.canonical import IntegrityError
from generator.credentials.proofs import sign_rdfc
from generator.issuing import files
from generator.issuing.dates import add_duration, iso, utc_now
from generator.issuing.keys import SigningKey
from generator.issuing.learners import Learner, as_problem, learner_problems
from generator.issuing.publishable import CredentialCheck, Refusal, refusal
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
from generator.model import Award, Course, CourseFamily, Site
from generator.problems import Problem
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


def issue(site: Site, course: Course, learners: list[Learner], key: SigningKey,
          now: dt.datetime | None = None) -> tuple[list[Issued], list[Problem]]:
    """Check every learner first, then every signed credential as the build will; write nothing
    unless all are fine."""
    now = now or utc_now()
    method, problems = before_signing(site, course, learners, key, now)
    if problems:
        return [], problems
    return sign_and_record(site, course, learners, key, method, now,
                           lambda learner, index: build_credential(site, course, learner, index, now),
                           lambda bits: CredentialCheck(site, [CourseFamily(course)], bits, now))


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


Make = Callable[[Learner, int], dict]  # the unsigned credential of a learner, given its status list index


def sign_and_record(site: Site, award: Award, learners: list[Learner], key: SigningKey, method: str,
                    now: dt.datetime, make: Make,
                    check: Callable[[bytearray], CredentialCheck]) -> tuple[list[Issued], list[Problem]]:
    """Sign what `make` builds for each learner, put each through the build's checks (`check`, given the
    status list as it will be written), and write them all, or nothing when any is refused."""
    used, problems = used_indexes(site.source)
    current, more = read_status_list(site)
    known, history_problems = known_keys(site)
    problems += more + history_problems
    if problems or current is None:
        return [], problems
    plan = plan_status_list(current, known, method, key.public_multibase, REISSUE_FIRST)
    if plan.problems:
        return [], plan.problems
    issued: list[Issued] = []
    publishable = check(current.bits)
    for learner in learners:
        index = statuslist.allocate(used)
        used.add(index)
        try:
            document = make(learner, index)
            signed = sign_rdfc(document, key.private, method, iso(now))
        except IntegrityError as exc:  # signing refuses what JSON-LD would lose or change, e.g. a bad IRI
            problems += [_refused(learner, award, refusal(message)) for message in exc.problems]
            continue
        except (FileExistsError, ValueError, OverflowError) as exc:
            problems.append(as_problem(learner, f": cannot be issued: {exc}", "report this as a credsite bug"))
            continue
        problems += [_refused(learner, award, item) for item in publishable.refusals(signed)]
        uid = credential_uuid(signed)
        issued.append(Issued(learner, signed["id"], site.source / ISSUED / f"{uid}.json",
                             routes.absolute(site, routes.badge(uid)), signed))
    status_list, more = signed_status_list(site, current.bits, key, method, now) if plan.sign else (None, [])
    problems += more
    if problems:
        return [], problems
    _record(site, issued, now, status_list, known)
    return issued, []


# Where a learner's data lands in the credential, so a refusal names the column (or option) to correct.
_COLUMNS = (("validFrom", "date"), ("awardedDate", "date"), ("validUntil", "valid_until"), ("evidence", "evidence"),
            ("credentialSubject.identifier[0]", "email"), ("credentialSubject.identifier[1]", "name"),
            ("credentialSubject.result", "grade"))


def column_of(path: str) -> str:
    """The cohort column whose value is at this JSON path of a credential; "" for none."""
    for prefix, column in _COLUMNS:
        if path == prefix or path.startswith((prefix + ".", prefix + "[")):
            return column
    return ""


def _refused(learner: Learner, course: Award, refusal: Refusal) -> Problem:
    column = column_of(refusal.field)
    fix = (f"correct the {column}" if column else
           f"it comes from {course.source} or content/site.yaml, not from the learner: run credsite check, "
           "and if that finds nothing, report this as a credsite bug")
    return as_problem(learner, f"{column}: the build would not publish this credential ({refusal.message}), "
                               "so it is not signed", fix)


def _record(site: Site, issued: list[Issued], now: dt.datetime, status_list: bytes | None,
            known: KnownKeys) -> None:
    """Write everything, all of it made and checked before; `status_list` unless None."""
    record_keys(site, known, now)
    # Registry first, in one write: an index is never handed out twice, even after a crash.
    files.append_rows(site.source / REGISTRY, REGISTRY_HEADER, [
        csv_line(item.document["credentialStatus"]["statusListIndex"], item.credential_id, iso(now))
        for item in issued])
    for item in issued:
        files.create_new(item.path, files.credential_bytes(item.document))
    if status_list is not None:
        store_status_list(site, status_list)
