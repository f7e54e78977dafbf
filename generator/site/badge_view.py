"""What a badge page shows, read from the signed credential itself.

Pages are rendered from the signed bytes, never the other way round, so the
page can never claim something the credential does not say.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from dataclasses import dataclass
from typing import Any

from generator import routes
from generator.content import vocab
from generator.model import Published, Site, pick
from generator.site import badges

EQF_PREFIX = "http://data.europa.eu/snb/eqf/"
ISCED_PREFIX = "http://data.europa.eu/snb/isced-f/"
VERIFIER = "https://verifierplus.org/#verify?vc="  # VerifierPlus's deep link: it fetches and checks the credential

def verifier_link(credential_url: str) -> str:
    """The independent verifier's page that checks the credential published at `credential_url`."""
    return VERIFIER + urllib.parse.quote(credential_url, safe="")

@dataclass(frozen=True)
class BadgeView:
    """What a badge page shows, all of it read from the signed credential (docs/themes.md lists it)."""

    uuid: str
    status: str  # valid | revoked | expired | not yet valid
    reason: str  # why it was revoked
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
    png_path: str
    svg_path: str
    preview_url: str
    linkedin: str  # "Add to LinkedIn" link; only for a valid credential


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None

def _label(table: dict, token: object, lang: str) -> str:
    concept = table.get(token) if isinstance(token, (str, int)) else None
    return concept.label_in(lang) if concept else str(token)

def learner_name(document: dict) -> str:
    for identity in (document.get("credentialSubject") or {}).get("identifier") or []:
        if isinstance(identity, dict) and identity.get("identityType") == "name" and not identity.get("hashed"):
            return str(identity.get("identityHash", ""))
    return ""


def _object(value: object) -> dict[str, Any]:
    """A JSON object of the credential, or an empty one where it holds something else."""
    return value if isinstance(value, dict) else {}


def view(site: Site, published: Published, lang: str) -> BadgeView:
    doc = published.credential.document
    subject = _object(doc.get("credentialSubject"))
    ach = _object(subject.get("achievement"))
    issuer = _object(doc.get("issuer"))
    qa = _object(ach.get("qualityAssurance"))
    alignments = [a for a in ach.get("alignment") or [] if isinstance(a, dict)]
    course = published.course
    uid = published.credential.uuid
    page_url = routes.absolute(site, routes.badge(uid, site, lang))
    default_page = routes.absolute(site, routes.badge(uid))
    results: list[dict[str, Any]] = []
    descriptions = {d.get("id"): d for d in ach.get("resultDescription") or [] if isinstance(d, dict)}
    for result in subject.get("result") or []:
        if isinstance(result, dict) and result.get("value"):
            description = descriptions.get(result.get("resultDescription"), {})
            results.append({"value": result["value"], "name": description.get("name", "")})
    awarded = _date(doc.get("awardedDate") or doc.get("validFrom"))
    valid_until = _date(doc.get("validUntil"))
    name = learner_name(doc)
    title = str(ach.get("name") or doc.get("name") or "")
    institution = str(issuer.get("name") or pick(site.institution.name, lang, site.default_language))
    return BadgeView(
        uuid=uid,
        status=published.verdict.status,
        reason=published.reason,
        learner=name,
        title=title,
        description=str(ach.get("description") or ""),
        content_lang=str(ach.get("inLanguage") or site.default_language),
        issuer_name=institution,
        issuer_url=str(issuer.get("url") or site.institution.url),
        country=str(_object(issuer.get("address")).get("addressCountryCode", "")),
        awarded=awarded,
        valid_until=valid_until,
        results=results,
        evidence=[{"url": e.get("id"), "name": e.get("name") or e.get("id")}
                     for e in doc.get("evidence") or [] if isinstance(e, dict) and e.get("id")],
        credits=ach.get("creditsAvailable"),
        credits_earned=subject.get("creditsEarned"),
        hours=ach.get("studyLoadHours"),
        eqf=[a.get("targetCode") or a.get("targetUrl", "").removeprefix(EQF_PREFIX)
                for a in alignments if str(a.get("targetUrl", "")).startswith(EQF_PREFIX)],
        fields=[a.get("targetName") for a in alignments if str(a.get("targetUrl", "")).startswith(ISCED_PREFIX)],
        skills=[{"uri": a.get("targetUrl"), "label": a.get("targetName")}
                   for a in alignments if a.get("targetType") == "ext:ESCOSkill"],
        outcomes=[str(o) for o in ach.get("learningOutcome") or []],
        criteria=str(_object(ach.get("criteria")).get("narrative") or ""),
        assessment=[_label(vocab.ASSESSMENT_TYPES, t, lang) for t in ach.get("assessmentType") or []],
        participation=[_label(vocab.PARTICIPATION_MODES, t, lang) for t in ach.get("participationMode") or []],
        supervision=_label(vocab.SUPERVISION, ach["supervision"], lang) if ach.get("supervision") else "",
        languages=list(ach.get("languageOfInstruction") or []),
        qa=qa,
        qa_type=_label(vocab.QA_TYPES, qa["category"], lang) if qa.get("category") else "",
        prerequisites=str(ach.get("entryRequirement") or ""),
        stackable=ach.get("stackability") == "stackable",
        version=str(ach.get("version") or course.version),
        course_path=routes.course(site, lang, course) if not course.is_current
        else routes.course_version(site, lang, course),
        page_url=page_url,
        json_path=routes.credential_json(uid),
        json_url=routes.absolute(site, routes.credential_json(uid)),
        verifier_url=verifier_link(routes.absolute(site, routes.credential_json(uid))),
        checked=published.checked_on,
        png_path=routes.baked_badge(uid, "badge.png"),
        svg_path=routes.baked_badge(uid, "badge.svg"),
        preview_url=routes.absolute(site, routes.course_image(course, "preview.png")),
        linkedin=badges.linkedin_url(
            title, site.institution.linkedin_organization_id, institution,
            doc.get("awardedDate") or doc.get("validFrom") or "", doc.get("validUntil"), default_page,
            doc.get("id", "")) if published.verdict.status == "valid" else "",
    )

