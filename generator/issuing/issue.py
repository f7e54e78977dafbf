"""Build, sign and store Open Badges 3.0 credentials, and keep the status list.

Everything here needs the private key, so it runs on the issuer's machine
(`credsite issue`, `credsite revoke`), never in the build.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import hashlib
import io
import json
import re
import secrets
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from generator import routes
from generator.content.reader import NOT_IN_IRI
from generator.content.status import (
    REGISTRY,
    REVOCATIONS,
    STATUS,
    StatusList,
    read_status_list,
    registry,
)
from generator.credentials import statuslist
from generator.credentials.integrity import IntegrityError, sign_rdfc
from generator.issuing import files
from generator.issuing.keys import SigningKey
from generator.model import Course, CourseFamily, Site
from generator.problems import Problem
from generator.site import documents

OB_SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
ISSUED = Path("content/issued")
CSV_COLUMNS = ("name", "email", "grade", "date", "evidence", "valid_until")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# ASCII digits only: "8,5", "1e1", "8." or a full-width "８" would go into the signed credential verbatim.
MARK = re.compile(r"[0-9]+(\.[0-9]+)?")
DATE_FIX = "write YYYY-MM-DD, e.g. 2026-11-13"


class MomentError(ValueError):
    """A date the user typed is not one; `fix` says how to write it."""

    def __init__(self, message: str, fix: str = DATE_FIX):
        super().__init__(message)
        self.fix = fix


@dataclass(frozen=True)
class Learner:
    name: str
    email: str
    grade: str = ""
    date: dt.datetime | None = None
    evidence: tuple[str, ...] = ()
    valid_until: dt.datetime | None = None
    where: str = "credsite issue"  # for messages: "cohort.csv:7", or the command for its options


@dataclass
class Issued:
    learner: Learner
    credential_id: str
    path: Path
    badge_url: str
    document: dict = field(repr=False, default_factory=dict)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_moment(text: str) -> dt.datetime:
    """YYYY-MM-DD (midnight UTC) or an ISO date-time with a zone; MomentError otherwise."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise MomentError(f"'{text}' is not a date") from None
    if moment.tzinfo is None:
        raise MomentError(f"'{text}' has no time zone", "add Z for UTC, e.g. 2026-06-30T12:00:00Z")
    return moment


def add_duration(start: dt.datetime, duration: str) -> dt.datetime:
    """start + an ISO 8601 duration in years, months, weeks and days (calendar-aware)."""
    amounts = {unit: int(n) for n, unit in re.findall(r"(\d+)([YMWD])", duration)}
    months = start.month - 1 + amounts.get("M", 0) + 12 * amounts.get("Y", 0)
    year, month = start.year + months // 12, months % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    moved = start.replace(year=year, month=month, day=day)
    return moved + dt.timedelta(weeks=amounts.get("W", 0), days=amounts.get("D", 0))


def email_identity(email: str, salt: str) -> dict:
    """OB 3.0 IdentityObject: sha256 over the lower-cased address followed by the salt."""
    digest = hashlib.sha256((email.strip().lower() + salt).encode("utf-8")).hexdigest()
    return {"type": "IdentityObject", "identityType": "emailAddress", "hashed": True,
            "identityHash": f"sha256${digest}", "salt": salt}


def grade_problem(course: Course, grade: str) -> str | None:
    if not grade:
        return None
    if not course.grading:
        return f"course {course.slug} has no grading scale; leave the grade out"
    scale, mark = course.grading.scale, course.grading.pass_mark
    if scale == "nl-1-10":
        if not MARK.fullmatch(grade):
            return _mark_problem(grade)
        value = float(grade)
        if not 1 <= value <= 10:
            return f"'{grade}' is outside the 1-10 scale"
        if mark and value < float(mark):
            return f"'{grade}' is below the pass mark {mark}; only learners who passed get a credential"
    elif scale == "ects-a-e":
        if grade not in ("A", "B", "C", "D", "E"):
            return f"'{grade}' is not an ECTS pass grade (one of A, B, C, D, E)"
        if mark and grade > mark:  # A is best
            return f"'{grade}' is below the pass mark {mark}; only learners who passed get a credential"
    elif scale == "pass-fail" and grade.lower() != "pass":
        return "the course is graded pass/fail; use 'pass' or leave the grade out"
    return None


def _mark_problem(grade: str) -> str:
    suggestion = unicodedata.normalize("NFKC", grade).strip().replace(",", ".").rstrip(".")
    fix = f"write {suggestion}" if MARK.fullmatch(suggestion) else "write a mark such as 7.5"
    return f"'{grade}' is not a number with a decimal point; {fix}"


def learner_problems(course: Course, learner: Learner, now: dt.datetime) -> list[str]:
    out = []
    if not learner.name.strip():
        out.append("name: missing; give the learner's full name as it should appear on the badge")
    if not EMAIL.fullmatch(learner.email.strip()):
        out.append(f"email: '{learner.email}' is not an e-mail address; check it for typos")
    problem = grade_problem(course, learner.grade)
    if problem:
        out.append(f"grade: {problem}")
    if learner.date and learner.date > now:
        out.append(f"date: {iso(learner.date)} is in the future; a credential is issued on or after the award: "
                   "give the date the learner passed")
    for url in learner.evidence:
        if not url.startswith("https://"):
            out.append(f"evidence: '{url}' is not an https:// URL; give the evidence's https:// address")
        elif NOT_IN_IRI.search(url):
            out.append(f"evidence: '{url}' holds characters a URL may not hold; percent-encode them "
                       "(\" as %22, < as %3C, > as %3E)")
    if learner.valid_until and learner.valid_until <= (learner.date or now):
        out.append("valid_until: is not after the award date; give a later date, or leave it out to use the "
                   "course's credential.valid_for")
    if any(ch in learner.name for ch in "\t\r\n") or any(ord(ch) < 32 for ch in learner.name):
        out.append("name: contains control characters; remove tabs and line breaks from the name")
    return out


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
        "creditsEarned": float(course.ects),
    }
    if learner.grade and course.grading:
        subject["result"] = [{
            "type": ["Result"],
            "resultDescription": documents.achievement(site, course, with_context=False)
            ["resultDescription"][0]["id"],
            "value": learner.grade,
        }]
    institution = documents.text_in(site, site.institution.name, lang)
    document = {
        "@context": documents.context(documents.CREDENTIAL_CONTEXT, [subject["achievement"]]),
        "id": f"urn:uuid:{credential_uuid}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": title,
        "description": f"{title} ({course.ects:g} EC, EQF {course.eqf}), a microcredential of {institution}.",
        "issuer": documents.issuer_profile(site, lang),
        "validFrom": iso(awarded),
        "awardedDate": iso(awarded),
        "credentialSubject": subject,
        "credentialSchema": [{"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
        "credentialStatus": statuslist.entry(site, index),
    }
    valid_until = learner.valid_until or (add_duration(awarded, course.valid_for) if course.valid_for else None)
    if valid_until:
        document["validUntil"] = iso(valid_until)
    if learner.evidence:
        document["evidence"] = [{"id": url, "type": ["Evidence"]} for url in learner.evidence]
    return document


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
                status = json.loads(path.read_text(encoding="utf-8")).get("credentialStatus", {})
                used.add(int(status.get("statusListIndex")))
            except (ValueError, TypeError, AttributeError, OSError):
                continue
    return used


def signing_method(site: Site, key: SigningKey) -> tuple[str, list[Problem]]:
    """The verification method id of `key`, which must be an active key of the site."""
    for site_key in site.keys:
        if site_key.public_key == key.public_multibase:
            if site_key.status != "active":
                return "", [Problem("content/site.yaml", None, "keys",
                                    f"key '{site_key.id}' is retired",
                                    "sign with an active key, or set this key's status to active")]
            return f"{routes.issuer_did(site)}#{site_key.id}", []
    return "", [Problem("content/site.yaml", None, "keys",
                        f"the signing key's public key {key.public_multibase} is not listed",
                        "add it under keys: with status: active (credsite keygen printed the lines), "
                        "or use the key that belongs to this site")]


def issue(site: Site, course: Course, learners: list[Learner], key: SigningKey,
          now: dt.datetime | None = None) -> tuple[list[Issued], list[Problem]]:
    """Check every learner first; write nothing unless all are fine."""
    now = now or utc_now()
    method, problems = signing_method(site, key)
    for learner in learners:
        problems += [_learner_problem(learner, message) for message in learner_problems(course, learner, now)]
    if problems:
        return [], problems
    if course.status == "draft":
        return [], [Problem(course.source, None, "status", "the course is a draft, so its achievement is not "
                            "published and the badge would point nowhere", "publish the course first")]
    used, problems = used_indexes(site.source)
    current, more = read_status_list(site)
    if problems or more:
        return [], problems + more
    issued: list[Issued] = []
    for learner in learners:
        index = statuslist.allocate(used)
        used.add(index)
        try:
            document = build_credential(site, course, learner, index, now)
            signed = sign_rdfc(document, key.private, method, iso(now))
        except (IntegrityError, FileExistsError) as exc:
            return [], [Problem(learner.where, None, "", f"cannot be issued: {exc}",
                                "report this as a credsite bug")]
        uid = credential_uuid(signed)
        issued.append(Issued(learner, signed["id"], site.source / ISSUED / f"{uid}.json",
                             routes.absolute(site, routes.badge(uid)), signed))
    _record(site, key, method, issued, now, current)
    return issued, []


def _learner_problem(learner: Learner, message: str) -> Problem:
    field_, _, text = message.partition(": ")
    line = _line(learner.where)
    if line is None:  # typed on the command line, so name the option
        return Problem(learner.where, None, "--" + field_.replace("_", "-"), text)
    return Problem(learner.where.rsplit(":", 1)[0], line, field_, text)


def _line(where: str) -> int | None:
    tail = where.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


def _record(site: Site, key: SigningKey, method: str, issued: list[Issued], now: dt.datetime,
            current: StatusList) -> None:
    registry = site.source / REGISTRY
    if not registry.exists():
        files.create_new(registry, b"index,credential,issued\n")
    # Registry first, in one write: an index is never handed out twice, even after a crash.
    files.append_line(registry, "\n".join(
        f"{item.document['credentialStatus']['statusListIndex']},{item.credential_id},{iso(now)}"
        for item in issued))
    for item in issued:
        files.create_new(item.path, credential_bytes(item.document))
    refresh_status_list(site, key, method, now, current)


def refresh_status_list(site: Site, key: SigningKey, method: str, now: dt.datetime,
                        current: StatusList) -> bool:
    """Create the list, or re-sign it when another key signed it (so a retired key can be removed)."""
    if current.signers == {method}:
        return False
    write_status_list(site, current.bits, key, method, now)
    return True


def credential_bytes(document: dict) -> bytes:
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write_status_list(site: Site, bits: bytearray, key: SigningKey, method: str, now: dt.datetime) -> None:
    unsigned = statuslist.unsigned_list_credential(site, bits, iso(now))
    signed = sign_rdfc(unsigned, key.private, method, iso(now))
    files.replace(site.source / STATUS / "revocation.json", credential_bytes(signed))


def find_credential(site: Site, reference: str) -> Path | None:
    """By file path, urn:uuid:..., or the bare UUID (as in the badge URL)."""
    candidate = Path(reference)
    if candidate.suffix == ".json" and candidate.is_file():
        return candidate
    path = site.source / ISSUED / f"{_reference_uuid(reference)}.json"
    return path if path.is_file() else None


def _reference_uuid(reference: str) -> str:
    """The UUID a reference names: urn:uuid:..., the bare UUID, or a badge URL ending in it."""
    return reference.strip().removeprefix("urn:uuid:").strip("/").rsplit("/", 1)[-1]


def revoke(site: Site, reference: str, reason: str, key: SigningKey,
           now: dt.datetime | None = None) -> tuple[str, list[Problem]]:
    now = now or utc_now()
    if not reason.strip():
        return "", [Problem("credsite revoke", None, "--reason", "missing",
                            "say why, e.g. --reason 'issued to the wrong learner'; the reason is logged")]
    method, problems = signing_method(site, key)
    if problems:
        return "", problems
    path = find_credential(site, reference)
    if path is not None:
        document, index, problems = _revocable(site, path)
        if problems:
            return "", problems
        cid, shown = document["id"], str(path)
    else:
        # Its file may be gone (a learner asked for removal) while copies of it live on in
        # wallets: the registry still knows its index, so it can still be revoked.
        found, problems = _registered(site, reference)
        if problems:
            return "", problems
        if found is None:
            return "", [Problem("credsite revoke", None, "ID", f"no credential '{reference}' in content/issued/ "
                                f"or in {REGISTRY}", "give the credential's id (urn:uuid:...), its UUID or its file")]
        cid, index = found
        shown = cid
    current, problems = read_status_list(site)
    if problems:
        return "", problems
    bits = current.bits
    if statuslist.is_set(bits, index):
        return "", [Problem(shown, None, "", "is already revoked", "nothing to do")]
    statuslist.set_bit(bits, index)
    write_status_list(site, bits, key, method, now)
    log = site.source / REVOCATIONS
    if not log.exists():
        files.create_new(log, b"date,credential,index,reason\n")
    files.append_line(log, csv_line(iso(now), cid, index, " ".join(reason.split())))
    return cid, []


def _registered(site: Site, reference: str) -> tuple[tuple[str, int] | None, list[Problem]]:
    """(credential id, index) of a credential the registry lists, though its file may be gone."""
    wanted = f"urn:uuid:{_reference_uuid(reference)}"
    entries, problems = registry(site.source)
    return next(((cid, index) for index, cid in entries.items() if cid == wanted), None), problems


def _revocable(site: Site, path: Path) -> tuple[dict, int, list[Problem]]:
    """The credential and its index in this site's list."""
    fix = "restore the file exactly as credsite issue wrote it (e.g. from git)"
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        status = document.get("credentialStatus") or {}
    except (OSError, UnicodeDecodeError, ValueError, AttributeError) as exc:
        return {}, 0, [Problem(str(path), None, "", f"is not a credential ({exc})", fix)]
    if not isinstance(status, dict) or status.get("statusListCredential") != statuslist.list_url(site):
        return {}, 0, [Problem(str(path), None, "credentialStatus",
                               "does not use this site's revocation list", "it cannot be revoked here")]
    index = str(status.get("statusListIndex", ""))
    if not (index.isascii() and index.isdigit() and int(index) < statuslist.LIST_SIZE):
        return {}, 0, [Problem(str(path), None, "credentialStatus.statusListIndex",
                               f"'{index}' is not a status list index", fix)]
    return document, int(index), []


def read_cohort(path: Path, shown: str, course: Course | None = None,
                now: dt.datetime | None = None) -> tuple[list[Learner], list[Problem]]:
    """Learners from a CSV file with a header row; see docs/issuing.md for the columns."""
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return [], [Problem(shown, None, "", "is not UTF-8 text", "save the CSV as UTF-8")]
    except OSError as exc:
        return [], [Problem(shown, None, "", f"cannot be read ({exc.strerror})", "check the path")]
    lines = text.splitlines()
    rows = list(csv.reader(lines, delimiter=_delimiter(lines[0]))) if lines else []
    if not rows:
        return [], [Problem(shown, 1, "", "is empty", "add a header row: " + ",".join(CSV_COLUMNS))]
    header = [h.strip().lower() for h in rows[0]]
    problem = _header_problem(header, shown)
    if problem:
        return [], [problem]
    learners: list[Learner] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(Problem(shown, number, "", f"{len(row)} values for {len(header)} columns",
                                    "quote values that contain commas"))
            continue
        values = {h: cell.strip() for h, cell in zip(header, row)}
        moments = {}
        for column in ("date", "valid_until"):
            try:
                moments[column] = parse_moment(values[column]) if values.get(column) else None
            except MomentError as exc:
                problems.append(Problem(shown, number, column, str(exc), exc.fix))
        if len(moments) < 2:
            continue
        date, until = moments["date"], moments["valid_until"]
        email = values["email"].lower()
        if email in seen:
            problems.append(Problem(shown, number, "email", f"{email} is also on line {seen[email]}",
                                    "list each learner once"))
            continue
        seen[email] = number
        learner = Learner(values["name"], values["email"], values.get("grade", ""), date,
                          tuple(values.get("evidence", "").split()), until, f"{shown}:{number}")
        if course is not None:  # report every row's problems in one go
            for message in learner_problems(course, learner, now or utc_now()):
                field_, _, text = message.partition(": ")
                problems.append(Problem(shown, number, field_, text))
        learners.append(learner)
    if not learners and not problems:
        problems.append(Problem(shown, 2, "", "has no learners", "add one row per learner below the header"))
    return learners, problems


def _delimiter(header_line: str) -> str:
    """Excel with Dutch (and most European) settings saves 'CSV' with semicolons.

    The header row decides, as no column name holds a comma or a semicolon.
    """
    return ";" if ";" in header_line and "," not in header_line else ","


def _header_problem(header: list[str], shown: str) -> Problem | None:
    unknown = [h for h in header if h not in CSV_COLUMNS]
    missing = [h for h in ("name", "email") if h not in header]
    # Zipping a row with the header would silently keep only the last of two same-named columns.
    repeated = sorted({h for h in header if header.count(h) > 1})
    parts = ([f"unknown column(s) {', '.join(unknown)}"] if unknown else []) + \
            ([f"missing column(s) {', '.join(missing)}"] if missing else []) + \
            ([f"repeated column(s) {', '.join(repeated)}"] if repeated else [])
    if not parts:
        return None
    return Problem(shown, 1, "header", "; ".join(parts), "use each of the columns " + ", ".join(CSV_COLUMNS)
                   + " at most once (name and email required)")


def csv_line(*values: object) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(values)
    return out.getvalue()


def mail_merge_csv(issued: list[Issued]) -> str:
    lines = [csv_line("name", "email", "badge_url", "credential_id")]
    lines += [csv_line(i.learner.name, i.learner.email, i.badge_url, i.credential_id) for i in issued]
    return "\n".join(lines) + "\n"


def course_version(families: list[CourseFamily], slug: str) -> Course | None:
    for family in families:
        if family.current.slug == slug:
            return family.current
    return None
