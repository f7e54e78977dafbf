"""Plain, immutable data passed between the pipeline stages.

Loaders produce these; validation has already happened by the time anything
downstream sees them, so renderers can trust every field.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

# Text given per language: {"en": "...", "nl": "..."}. A plain string in the
# input becomes a map with the same text under every site language.
Text = dict[str, str]


def pick(text: Text | None, lang: str, fallback: str) -> str:
    """The text in `lang`, else in the fallback language, else any."""
    if not text:
        return ""
    return text.get(lang) or text.get(fallback) or next(iter(text.values()))


@dataclass(frozen=True)
class Institution:
    name: Text
    url: str
    country: str
    sector: str
    email: str = ""
    region: str = ""
    locality: str = ""
    identifiers: dict[str, str] = field(default_factory=dict)
    linkedin_organization_id: str = ""
    logo: str = ""  # path relative to the site's content folder


@dataclass(frozen=True)
class SiteKey:
    """A public signing key of the issuer, as listed in content/site.yaml."""

    id: str  # the fragment of the verification method id: <did>#<id>
    public_key: str  # publicKeyMultibase, z6Mk...
    status: str  # active: signs new credentials; retired: only verifies old ones


@dataclass(frozen=True)
class RioSettings:
    """What RIO (DUO's register of institutions and programmes) needs beyond the course files:
    the institution's own codes there, which RIO gives out and nothing else can derive."""

    education_offerer_code: str  # onderwijsaanbiedercode, e.g. 123A456
    education_location_code: str = ""  # onderwijslocatiecode, e.g. 123X456; "" when not given
    permission_required: bool = False  # enrolment needs the institution's consent (toestemmingVereistVoorAanmelding)


@dataclass(frozen=True)
class Site:
    base_url: str  # absolute, always ends with "/"
    languages: tuple[str, ...]  # first is the default
    title: Text
    description: Text
    institution: Institution
    theme: str
    source: Path  # the site folder (holds content/ and themes/)
    keys: tuple[SiteKey, ...] = ()
    rio: RioSettings | None = None  # None: the site gives no RIO codes, so OOAPI names no RIO consumer
    host: str = ""  # the static host site.yaml names (content/hosts.py); "" when none
    baked_images: str = "browser"  # browser | build: who bakes the credential into its badge images

    @property
    def bakes_images(self) -> bool:
        """The build writes each credential's baked badge.png and badge.svg (else the learner's browser bakes them)."""
        return self.baked_images == "build"

    @property
    def default_language(self) -> str:
        return self.languages[0]


@dataclass(frozen=True)
class Skill:
    uri: str
    label: Text


@dataclass(frozen=True)
class Grading:
    scale: str
    pass_mark: str


@dataclass(frozen=True)
class Stackable:
    title: Text
    url: str = ""


@dataclass(frozen=True)
class Offering:
    start: dt.date
    end: dt.date | None
    location: Text
    price_eur: float | None
    enrol_url: str
    application_deadline: dt.date | None = None


@dataclass(frozen=True)
class Contact:
    name: str = ""
    email: str = ""
    url: str = ""


# What a course file may declare itself (its `kind`): a microcredential claims recognition
# (ECTS credits, quality assurance, the EU standard elements); a non-formal badge claims none.
MICROCREDENTIAL = "microcredential"
NON_FORMAL = "non-formal"
KINDS = (MICROCREDENTIAL, NON_FORMAL)


@dataclass(frozen=True)
class Course:
    slug: str
    version: str
    status: str  # published | draft | archived
    title: Text
    summary: Text
    languages: tuple[str, ...]  # of instruction and assessment
    unit: Text  # faculty or school within the institution; may be empty
    ects: float | None  # None only for a non-formal badge, which awards no credits (docs/course-format.md)
    hours: int
    eqf: int
    nlqf: str  # "" when not given
    fields: tuple[str, ...]  # ISCED-F codes
    outcomes: tuple[Text, ...]
    skills: tuple[Skill, ...]
    assessment_types: tuple[str, ...]
    assessment_description: Text
    supervision: str
    grading: Grading | None
    participation: tuple[str, ...]
    qa_framework: str
    qa_type: str
    experimental_space: bool
    prerequisites: Text
    target_group: Text
    stackable: bool
    stackable_towards: tuple[Stackable, ...]
    further_information: str
    course_code: str
    tags: tuple[str, ...]
    contact: Contact
    offerings: tuple[Offering, ...]
    valid_for: str  # ISO 8601 duration, "" for no expiry
    image: str  # badge image path relative to content/ ("" = drawn from the course data)
    body: Text  # Markdown per language
    source: str  # path relative to the site folder, for messages
    is_current: bool = True  # False for an archived version
    kind: str = "microcredential"  # MICROCREDENTIAL or NON_FORMAL
    # Outside bodies' endorsements of this version, verified by the build (generator/build/endorsements.py).
    # Not compared: a version is the same version before and after the build found its endorsements.
    endorsements: tuple[Endorsement, ...] = field(default=(), compare=False)

    @property
    def key(self) -> tuple[str, str]:
        return (self.slug, self.version)

    @property
    def is_microcredential(self) -> bool:
        return self.kind == MICROCREDENTIAL


@dataclass(frozen=True)
class CourseFamily:
    """A course's current version and the versions it replaced, newest first."""

    current: Course
    archived: tuple[Course, ...] = ()

    @property
    def versions(self) -> tuple[Course, ...]:
        return (self.current, *self.archived)


@dataclass(frozen=True)
class PathwayPart:
    """One part of a pathway: a course version of this site, or another site's Achievement."""

    achievements: tuple[str, ...]  # the Achievement ids that count for it (absolute URLs); any one will do
    title: Text
    course: Course | None = None  # the version of this site's course (the first of several); None: another site's
    versions: tuple[Course, ...] = ()  # every version of this site's course that counts, in the file's order

    @property
    def is_local(self) -> bool:
        return self.course is not None


@dataclass(frozen=True)
class Pathway:
    """Course versions that together make a larger whole (content/pathways/<slug>.md)."""

    slug: str
    version: str
    status: str  # published | draft
    title: Text
    summary: Text
    ordered: bool  # the parts are steps in this order; otherwise any order
    parts: tuple[PathwayPart, ...]
    body: Text  # Markdown per language
    source: str  # path relative to the site folder, for messages

    @property
    def key(self) -> tuple[str, str]:
        return (self.slug, self.version)

    @property
    def is_current(self) -> bool:
        """Pathways keep no archived versions; here so a pathway is read like a course's current version."""
        return True

    def counts(self, course: Course) -> bool:
        """Does a credential for this course version count for one of the pathway's parts?"""
        return any(course.key == version.key for part in self.parts for version in part.versions)

    @property
    def ects(self) -> float | None:
        """The credits of all parts together, when every part is this site's and each of its versions gives
        the same credits; None when that cannot be known."""
        total = 0.0
        for part in self.parts:
            credits = {version.ects for version in part.versions}
            if not part.is_local or len(credits) != 1 or None in credits:
                return None
            total += next(iter(credits)) or 0.0
        return total


# What a credential is awarded for: a course version, or a pathway.
Award = Course | Pathway


# ---------------------------------------------------------------- stage results


class CredentialChanged(ValueError):
    """A credential file changed between the build reading it and publishing it."""

    def __init__(self, source: str):
        super().__init__(f"{source} changed while the site was being built")
        self.source = source

    def __reduce__(self):  # raised in a worker process, re-raised in the build's
        return (CredentialChanged, (self.source,))


@dataclass(slots=True)
class IssuedCredential:
    source: str  # e.g. content/issued/<uuid>.json
    # The signed bytes, published exactly as signed; None when they are read from `path` as needed, so a build
    # holds no credential's bytes for longer than it works on it (a site may have a hundred thousand).
    stored: bytes | None
    uuid: str
    digest: str  # sha256 of the bytes
    facts: dict  # content.issued.summary_facts: id, achievement id, validity dates (the workers read the rest)
    parsed: dict | None = None
    path: str = ""  # the file, when `stored` is None
    stat: str = ""  # "size:mtime_ns:inode:ctime_ns" of the file when it was read (its index entry)
    hashed_now: bool = True  # read and hashed by this build; False: known from the index only (stat unchanged)
    # Of a file listed unread (a cold build): when the build looked at content/ (ns). Its judge reads it, and the
    # stat of what it read is indexed unless it changed too close to (or after) that moment.
    looked: int = 0

    @property
    def unread(self) -> bool:
        """Listed but not read yet: uuid, digest, facts and stat are empty until its judge reads it."""
        return self.looked != 0

    @property
    def raw(self) -> bytes:
        if self.stored is not None:
            return self.stored
        with open(self.path, "rb") as handle:
            data = handle.read()
        if hashlib.sha256(data).hexdigest() != self.digest:
            raise CredentialChanged(self.source)
        return data

    @property
    def document(self) -> dict:
        """The whole credential, parsed when first needed (pages, proofs)."""
        if self.parsed is None:
            self.parsed = json.loads(self.raw)
        return self.parsed


@dataclass(frozen=True, slots=True)
class Verdict:
    status: str  # valid | revoked | suspended | expired | not yet valid | invalid
    problems: tuple[str, ...] = ()
    credential_id: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "valid"


@dataclass(frozen=True, slots=True)
class Published:
    credential: IssuedCredential
    verdict: Verdict  # valid, revoked, expired or not yet valid
    course: Award  # the course version, or the pathway, the credential is for
    reason: str = ""  # why it was revoked, from content/status/revocations.csv
    checked_on: dt.date | None = None  # the day (UTC) the build judged its status; badge pages show it


@dataclass(frozen=True)
class Endorsement:
    """An outside body's signed OB 3.0 EndorsementCredential about one course version's Achievement
    (content/endorsements/), whose proof and endorser key the build has checked."""

    source: str  # content/endorsements/<name>.json, for messages
    raw: bytes  # the signed file, embedded in the Achievement as it was signed
    endorser: str  # the endorser's DID (issuer.id)
    endorser_name: str  # what the endorsement calls its endorser; "" when it gives no name
    endorser_url: str  # the endorser's web site, when the endorsement gives one
    comment: str  # credentialSubject.endorsementComment; "" when none
    valid_from: dt.date

    @property
    def document(self) -> dict:
        return json.loads(self.raw)
