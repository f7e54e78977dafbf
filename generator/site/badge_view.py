"""What a badge page shows, read from the signed credential itself.

Pages are rendered from the signed bytes, never the other way round, so the
page can never claim something the credential does not say.
"""

from __future__ import annotations

import datetime as dt
import functools
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import routes
from generator.content import csv_cells, status, vocab
from generator.model import MICROCREDENTIAL, NON_FORMAL, Award, Pathway, Published, Site, pick
from generator.site import badges, documents

EQF_PREFIX = "http://data.europa.eu/snb/eqf/"
ISCED_PREFIX = "http://data.europa.eu/snb/isced-f/"
VERIFIER = "https://verifierplus.org/#verify?vc="  # VerifierPlus's deep link: it fetches and checks the credential

def verifier_link(credential_url: str) -> str:
    """The independent verifier's page that checks the credential published at `credential_url`."""
    return VERIFIER + badges.quoted_around_uuid(credential_url, _quoted_url)


@functools.lru_cache(maxsize=256)  # a site's address around the credential's uuid: the same for all of them
def _quoted_url(text: str) -> str:
    return urllib.parse.quote(text, safe="")


@dataclass(frozen=True)
class BadgeView:
    """What a badge page shows, all of it read from the signed credential (docs/themes.md lists it)."""

    uuid: str
    status: str  # valid | revoked | expired | not yet valid
    reason: str  # why it was revoked
    revoked_on: dt.date | None  # when, from content/status/revocations.csv; None if not revoked or not known
    learner: str
    title: str
    description: str
    content_lang: str  # the language the credential's texts are in
    issuer_name: str
    issuer_url: str
    country: str
    awarded: dt.date | None
    valid_until: dt.date | None
    results: list[dict[str, Any]]  # value and the grading scale's name
    evidence: list[dict[str, Any]]  # url and name
    credits: float | None
    credits_earned: float | None
    hours: int | None
    eqf: list[Any]
    fields: list[Any]
    skills: list[dict[str, Any]]  # uri and label
    outcomes: list[str]
    criteria: str
    assessment: list[str]
    participation: list[str]
    supervision: str
    languages: list[str]
    qa: dict[str, Any]
    qa_type: str
    prerequisites: str
    stackable: bool
    version: str
    course_path: str
    page_url: str
    json_path: str
    json_url: str
    verifier_url: str  # the independent verifier's page for this credential
    checked: dt.date | None  # the day the build checked its status
    png_path: str  # the baked image; with bake_in_browser, the course's plain one, which the browser bakes
    svg_path: str
    bake_in_browser: bool  # the download links bake the credential into the image as the learner clicks
    preview_url: str
    linkedin: str  # "Add to LinkedIn" link; only for a valid credential
    kind: str  # what the credential says it is: microcredential | non-formal | pathway (kind_of)


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None

# label(table, token) -> the token's label in the page's language: PageContext.concept,
# which lets a theme rename concepts. Tokens are those of generator.content.vocab.
Labeller = Callable[[str, Any], str]

_TABLES: dict[str, dict[Any, vocab.Concept]] = {
    "assessment": vocab.ASSESSMENT_TYPES, "participation": vocab.PARTICIPATION_MODES,
    "supervision": vocab.SUPERVISION, "qa": vocab.QA_TYPES, "grading": vocab.GRADING_SCALES}


def _labeller(lang: str) -> Labeller:
    def label(table: str, token: Any) -> str:
        concept = vocab.isced_f()[token] if table == "isced" else _TABLES[table][token]
        return concept.label_in(lang)
    return label


def _label(label: Labeller, table: str, token: object) -> str:
    """The label of a token the credential names, or the token itself when it is none of ours."""
    known = vocab.isced_f() if table == "isced" else _TABLES[table]
    return label(table, token) if isinstance(token, (str, int)) and token in known else str(token)


def _field(label: Labeller, alignment: dict) -> str:
    """An ISCED-F field the credential names, in the page's language; its own name when the code is unknown."""
    code = alignment.get("targetCode") or str(alignment.get("targetUrl", "")).removeprefix(ISCED_PREFIX)
    return label("isced", code) if code in vocab.isced_f() else str(alignment.get("targetName") or code)


def _scale_name(label: Labeller, name: str) -> str:
    """A result's grading scale in the page's language, when the credential names one of ours in any language."""
    for token, concept in vocab.GRADING_SCALES.items():
        if name in concept.label.values():
            return label("grading", token)
    return name


def revocation_dates(source: Path) -> dict[str, dt.date]:
    """Credential id -> the day it was revoked, from content/status/revocations.csv (shown, never trusted)."""
    path = source / status.REVOCATIONS
    try:
        stat = path.stat()
    except OSError:
        return {}
    return _revocation_dates(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4)  # once per build and process, not once per badge page
def _revocation_dates(path: str, mtime_ns: int, size: int) -> dict[str, dt.date]:
    try:
        records = csv_cells.records(Path(path).read_text(encoding="utf-8").splitlines())
    except (OSError, ValueError):  # unreadable: the pages say "revoked" without a day
        return {}
    return {row["credential"]: day for row in records
            if row.get("credential") and (day := _date(row.get("date"))) is not None}

# achievementType -> what a badge page calls the credential. Anything but these two is labelled a
# non-formal badge: a page says "microcredential" only where the signed credential claims to be one
# (and the build refuses that claim for a course that is not: documents.claim_problem).
_KINDS = {"MicroCredential": MICROCREDENTIAL, documents.PATHWAY_TYPE: "pathway"}


def kind_of(achievement: dict) -> str:
    return _KINDS.get(str(achievement.get("achievementType")), NON_FORMAL)


def learner_name(document: dict) -> str:
    for identity in (document.get("credentialSubject") or {}).get("identifier") or []:
        if isinstance(identity, dict) and identity.get("identityType") == "name" and not identity.get("hashed"):
            return str(identity.get("identityHash", ""))
    return ""


def _object(value: object) -> dict[str, Any]:
    """A JSON object of the credential, or an empty one where it holds something else."""
    return value if isinstance(value, dict) else {}


def view(site: Site, published: Published, lang: str, label: Labeller | None = None) -> BadgeView:
    """What the badge page in `lang` shows; `label` names vocabulary tokens (credsite's own labels if None)."""
    return views(site, published, {lang: label or _labeller(lang)})[lang]


def views(site: Site, published: Published, labels: dict[str, Labeller]) -> dict[str, BadgeView]:
    """view() in each language of `labels` (language -> its Labeller). What does not depend on the language is
    read once: a build makes a page per language of every credential, and this is most of a page's own cost."""
    doc = published.credential.document
    subject = _object(doc.get("credentialSubject"))
    ach = _object(subject.get("achievement"))
    issuer = _object(doc.get("issuer"))
    qa = _object(ach.get("qualityAssurance"))
    alignments = [a for a in ach.get("alignment") or [] if isinstance(a, dict)]
    course = published.course
    uid = published.credential.uuid
    default_page = routes.absolute(site, routes.badge(uid))
    # The credential's own baked copies, or the course version's plain images, which the browser bakes.
    images = {name: routes.baked_badge(uid, name) if site.bakes_images else routes.course_image(course, name)
              for name in ("badge.png", "badge.svg")}
    descriptions = {d.get("id"): d for d in ach.get("resultDescription") or [] if isinstance(d, dict)}
    results = [(result["value"], str(descriptions.get(result.get("resultDescription"), {}).get("name", "")))
               for result in subject.get("result") or [] if isinstance(result, dict) and result.get("value")]
    status = published.verdict.status
    title = str(ach.get("name") or doc.get("name") or "")
    json_url = routes.absolute(site, routes.credential_json(uid))
    isced = [a for a in alignments if str(a.get("targetUrl", "")).startswith(ISCED_PREFIX)]
    # The fields every language shares, in BadgeView's order of fields.
    shared: dict[str, Any] = dict(
        uuid=uid,
        status=status,
        reason=published.reason,
        revoked_on=revocation_dates(site.source).get(str(doc.get("id", ""))) if status == "revoked" else None,
        learner=learner_name(doc),
        title=title,
        description=str(ach.get("description") or ""),
        content_lang=str(ach.get("inLanguage") or site.default_language),
        issuer_url=str(issuer.get("url") or site.institution.url),
        country=str(_object(issuer.get("address")).get("addressCountryCode", "")),
        awarded=_date(doc.get("awardedDate") or doc.get("validFrom")),
        valid_until=_date(doc.get("validUntil")),
        evidence=[{"url": e.get("id"), "name": e.get("name") or e.get("id")}
                  for e in doc.get("evidence") or [] if isinstance(e, dict) and e.get("id")],
        credits=ach.get("creditsAvailable"),
        credits_earned=subject.get("creditsEarned"),
        hours=ach.get("studyLoadHours"),
        eqf=[a.get("targetCode") or a.get("targetUrl", "").removeprefix(EQF_PREFIX)
             for a in alignments if str(a.get("targetUrl", "")).startswith(EQF_PREFIX)],
        skills=[{"uri": a.get("targetUrl"), "label": a.get("targetName")}
                for a in alignments if a.get("targetType") == "ext:ESCOSkill"],
        outcomes=[str(o) for o in ach.get("learningOutcome") or []],
        criteria=str(_object(ach.get("criteria")).get("narrative") or ""),
        languages=list(ach.get("languageOfInstruction") or []),
        qa=qa,
        prerequisites=str(ach.get("entryRequirement") or ""),
        stackable=ach.get("stackability") == "stackable",
        version=str(ach.get("version") or course.version),
        json_path=routes.credential_json(uid),
        json_url=json_url,
        verifier_url=verifier_link(json_url),
        checked=published.checked_on,
        png_path=images["badge.png"],
        svg_path=images["badge.svg"],
        bake_in_browser=not site.bakes_images,
        preview_url=routes.absolute(site, routes.course_image(course, "preview.png")),
        kind=kind_of(ach),
    )
    linkedin: dict[str, str] = {}  # institution -> the link: the same in every language the issuer is named
    out = {}
    for lang, label in labels.items():
        institution = str(issuer.get("name") or pick(site.institution.name, lang, site.default_language))
        if status == "valid" and institution not in linkedin:
            linkedin[institution] = badges.linkedin_url(
                title, site.institution.linkedin_organization_id, institution,
                doc.get("awardedDate") or doc.get("validFrom") or "", doc.get("validUntil"), default_page,
                doc.get("id", ""))
        # Each page its own lists: a theme's template may change one in place (Jinja is not sandboxed here).
        own: dict[str, Any] = {name: list(v) if isinstance(v, list) else v for name, v in shared.items()}
        out[lang] = BadgeView(
            **own,
            issuer_name=institution,
            results=[{"value": value, "name": _scale_name(label, name)} for value, name in results],
            fields=[_field(label, a) for a in isced],
            assessment=[_label(label, "assessment", t) for t in ach.get("assessmentType") or []],
            participation=[_label(label, "participation", t) for t in ach.get("participationMode") or []],
            supervision=_label(label, "supervision", ach["supervision"]) if ach.get("supervision") else "",
            qa_type=_label(label, "qa", qa["category"]) if qa.get("category") else "",
            course_path=_award_path(site, lang, course),
            page_url=routes.absolute(site, routes.badge(uid, site, lang)),
            linkedin=linkedin[institution] if status == "valid" else "",
        )
    return out


def _award_path(site: Site, lang: str, award: Award) -> str:
    """The page of what the credential was awarded for: its course version's, or its pathway's."""
    if isinstance(award, Pathway):
        return routes.pathway(site, lang, award)
    return routes.course(site, lang, award) if not award.is_current else routes.course_version(site, lang, award)

