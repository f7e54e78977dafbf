"""Machine-readable documents as plain dicts: OB 3.0 Achievement, issuer Profile,
the achievements index and schema.org Course data for search engines.

Documents are built in Python and serialised once (`dumps`); templates never
write JSON by hand.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from generator import routes
from generator.content import vocab
from generator.credentials import linked_data
from generator.model import MICROCREDENTIAL, NON_FORMAL, Award, Course, Grading, Pathway, Site, pick

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_EXTENSIONS_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
OB_CONTEXTS = [VC_CONTEXT, OB_CONTEXT]  # every OB 3.0 document the site publishes
CREDENTIAL_CONTEXT = [VC_CONTEXT, OB_CONTEXT, OB_EXTENSIONS_CONTEXT]
EXTENSION_TYPE = "MicroCredentialAchievement"
# OB 3.0 achievementType per kind of course: only a microcredential claims to be one.
ACHIEVEMENT_TYPES = {MICROCREDENTIAL: "MicroCredential", NON_FORMAL: "Badge"}
PATHWAY_TYPE = "LearningProgram"  # a pathway: several achievements that make a larger whole
PART_TARGET_TYPE = "ext:PathwayPart"  # an alignment of a pathway's Achievement to one of its parts


def dumps(document: dict) -> str:
    """The one serialisation of every JSON file the site publishes (stable bytes)."""
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def context(standard: list[str], achievements: Iterable[dict]) -> list:
    """A document's @context: standard context URLs, then credsite's own terms inline, if it uses any.

    Inline because a verifier loads only the contexts it ships or can fetch, and no
    registered URL serves credsite's (the VC 2.0 data model allows objects after the
    first entries, and the OB 3.0 schema from its third entry on).
    """
    inline = extension_context(achievements)
    return [*standard, inline] if inline else list(standard)


def extension_context(achievements: Iterable[dict]) -> dict | None:
    """credsite's extension context, cut down to the terms and tokens `achievements` use.

    Every credential carries it, so it holds nothing the credential does not use;
    None when no achievement is a MicroCredentialAchievement.
    """
    full = linked_data.extension_context()["@context"]
    ours = [a for a in achievements if EXTENSION_TYPE in _as_list(a.get("type"))]
    if not ours:
        return None
    scoped = full[EXTENSION_TYPE]
    return {"@version": full["@version"], "@protected": True,
            EXTENSION_TYPE: {**scoped, "@context": _used(scoped["@context"], ours)}}


def _used(definitions: dict, values: list) -> dict:
    """The entries of a context that `values` (the nodes it applies to) use.

    A term stays when some node has it as a key, a vocabulary token when some node
    holds it as a value; a term's own scoped context is cut down the same way.
    """
    keys = {key for value in values if isinstance(value, dict) for key in value}
    tokens = {text for value in values for text in _strings(value)}
    kept: dict = {}
    for name, definition in definitions.items():
        if name.startswith("@"):
            kept[name] = definition
        elif name in keys:
            if isinstance(definition, dict) and isinstance(definition.get("@context"), dict):
                inner = [item for value in values if isinstance(value, dict) and name in value
                         for item in _as_list(value[name])]
                definition = {**definition, "@context": _used(definition["@context"], inner)}
            kept[name] = definition
        elif name in tokens and isinstance(definition, str):
            kept[name] = definition
    return kept


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def text_in(site: Site, text: dict[str, str], lang: str | None = None) -> str:
    return pick(text, lang or site.default_language, site.default_language)


def issuer_profile(site: Site, lang: str | None = None) -> dict:
    inst = site.institution
    address = {"type": ["Address"], "addressCountryCode": inst.country}
    if inst.region:
        address["addressRegion"] = inst.region
    if inst.locality:
        address["addressLocality"] = inst.locality
    profile: dict[str, Any] = {
        "id": routes.issuer_did(site),
        "type": ["Profile"],
        "name": text_in(site, inst.name, lang),
        "url": inst.url,
        "address": address,
    }
    if inst.email:
        profile["email"] = inst.email
    identifiers = [
        {"type": "IdentifierEntry", "identifier": value, "identifierType": f"ext:{name.upper()}"}
        for name, value in sorted(inst.identifiers.items())
    ]
    if identifiers:
        profile["otherIdentifier"] = identifiers
    return profile


def achievement_type(award: Award) -> str:
    """The OB 3.0 achievementType a course version or pathway is published and signed as."""
    if isinstance(award, Pathway):
        return PATHWAY_TYPE
    return ACHIEVEMENT_TYPES[award.kind]


def award_identity(award: Award) -> list:
    """All that an issued credential's verdict and badge page take from the course version or pathway it is for:
    where it is published (kind, slug, version, whether current), what it is published as (claim_problem), its
    status and its file. Editing anything else of it changes no credential's verdict or page (build/delta.py)."""
    micro = not isinstance(award, Pathway) and award.is_microcredential
    return [type(award).__name__, *award.key, award.is_current, achievement_type(award), micro,
            str(getattr(award, "status", "")), award.source]


def claim_problem(award: Award, achievement_node: dict) -> str | None:
    """Why a credential's achievement may not stand for `award`: it claims another kind of achievement
    than the one `award` is published as (above all, a microcredential for what is not one); None if fine."""
    claimed = achievement_node.get("achievementType")
    types = _as_list(achievement_node.get("type"))
    expected = achievement_type(award)
    what = ("a pathway" if isinstance(award, Pathway) else
            "a microcredential" if award.is_microcredential else "a non-formal badge")
    if expected != "MicroCredential" and EXTENSION_TYPE in types:
        return f"claims to be a {EXTENSION_TYPE}, but {award.source} is {what}"
    if claimed != expected:
        return f"claims the achievementType {claimed!r}, but {award.source} is {what} ({expected!r})"
    return None


def achievement(site: Site, course: Course, with_context: bool = True) -> dict:
    """The OB 3.0 Achievement of one course version, in the site's default language.

    A microcredential's is also a MicroCredentialAchievement carrying the EU standard elements; a
    non-formal badge's holds Open Badges 3.0's own terms only, so nothing in it claims recognition
    (no credits, no quality assurance, no stackability): its outcomes and study load are in its criteria.
    """
    lang = site.default_language
    t = lambda text: text_in(site, text, lang)  # noqa: E731
    micro = course.is_microcredential
    page = routes.absolute(site, routes.course_version(site, lang, course))
    doc: dict[str, Any] = {
        "id": routes.absolute(site, routes.achievement(course)),
        "type": ["Achievement", EXTENSION_TYPE] if micro else ["Achievement"],
        "achievementType": achievement_type(course),
        "name": t(course.title),
        "description": t(course.summary),
        "criteria": {"id": page, "narrative": criteria_narrative(site, course, lang)},
        "image": {"id": routes.absolute(site, routes.course_image(course, "badge.png")), "type": "Image",
                  "caption": t(course.title)},
        "creator": _creator(site, course, lang),
    }
    if micro and course.ects is not None:
        doc["creditsAvailable"] = float(course.ects)
    doc.update({"inLanguage": lang, "version": course.version})
    if course.fields:
        doc["fieldOfStudy"] = vocab.isced_f()[course.fields[0]].label_in(lang)
    if course.course_code:
        doc["humanCode"] = course.course_code
    if course.tags:
        doc["tag"] = list(course.tags)
    doc["alignment"] = _alignments(site, course, lang)
    if course.grading:
        doc["resultDescription"] = [_result_description(site, course, course.grading, lang)]
    if course.endorsements:  # as their endorsers signed them (a non-formal badge's too), each with its @context
        doc["endorsement"] = [e.document for e in course.endorsements]
    if not micro:
        return standalone(doc) if with_context else doc
    doc.update({
        "learningOutcome": [t(o) for o in course.outcomes],
        "creditSystem": "ECTS",
        "studyLoadHours": course.hours,
        "eqfLevel": vocab.EQF_LEVELS[course.eqf].uri,
        "languageOfInstruction": list(course.languages),
        "participationMode": list(course.participation),
        "assessmentType": list(course.assessment_types),
    })
    if course.nlqf:
        doc["nlqfLevel"] = vocab.NLQF_LEVELS[_nlqf_key(course.nlqf)].uri
    if course.assessment_description:
        doc["assessmentDescription"] = t(course.assessment_description)
    if course.supervision:
        doc["supervision"] = course.supervision
    if course.grading:
        doc["gradingScale"] = course.grading.scale
    framework = vocab.QA_FRAMEWORKS[course.qa_framework]
    doc["qualityAssurance"] = {"category": course.qa_type, "name": framework.name, "url": framework.url}
    if course.experimental_space:
        doc["experimentalSpace"] = True
    if course.prerequisites:
        doc["entryRequirement"] = t(course.prerequisites)
    if course.target_group:
        doc["targetGroup"] = t(course.target_group)
    doc["stackability"] = "stackable" if course.stackable else "standalone"
    towards = [s.url for s in course.stackable_towards if s.url]
    if towards and course.stackable:
        doc["stackableTowards"] = towards
    if course.further_information:
        doc["furtherInformation"] = course.further_information
    return standalone(doc) if with_context else doc


def pathway_achievement(site: Site, pathway: Pathway, with_context: bool = True) -> dict:
    """The OB 3.0 Achievement of a pathway: an alignment per Achievement that counts for each part.

    Alignment, not `related`: OB 3.0 keeps `related` for the same achievement in another edition or
    language, and a part is not the whole. Parts of an ordered pathway are numbered in targetCode;
    several versions that count for one part share its number.
    """
    lang = site.default_language
    t = lambda text: text_in(site, text, lang)  # noqa: E731
    page = routes.absolute(site, routes.pathway(site, lang, pathway))
    doc: dict[str, Any] = {
        "id": routes.absolute(site, routes.achievement(pathway)),
        "type": ["Achievement"],
        "achievementType": achievement_type(pathway),
        "name": t(pathway.title),
        "description": t(pathway.summary),
        "criteria": {"id": page, "narrative": pathway_narrative(site, pathway, lang)},
        "image": {"id": routes.absolute(site, routes.course_image(pathway, "badge.png")), "type": "Image",
                  "caption": t(pathway.title)},
        "creator": _creator(site, None, lang),
        "inLanguage": lang,
        "version": pathway.version,
    }
    if pathway.ects is not None:
        doc["creditsAvailable"] = float(pathway.ects)
    total = len(pathway.parts)
    doc["alignment"] = [
        {"type": ["Alignment"], "targetType": PART_TARGET_TYPE, "targetFramework": t(pathway.title),
         "targetName": t(part.title), "targetUrl": url, "targetCode": str(number),
         "targetDescription": _part_label(lang, number, total, pathway.ordered)}
        for number, part in enumerate(pathway.parts, 1) for url in part.achievements]
    return standalone(doc) if with_context else doc


def _part_label(lang: str, number: int, total: int, ordered: bool) -> str:
    strings = {"en": ("Step {n} of {total}", "Part {n} of {total}, in any order"),
               "nl": ("Stap {n} van {total}", "Onderdeel {n} van {total}, in willekeurige volgorde")}
    step, part = strings.get(lang, strings["en"])
    return (step if ordered else part).format(n=number, total=total)


def pathway_narrative(site: Site, pathway: Pathway, lang: str) -> str:
    strings = {
        "en": ("Awarded for holding a valid credential for each of these {n} parts, {order}:",
               "in this order", "in any order", "any of its versions {versions}"),
        "nl": ("Toegekend voor een geldig bewijs van elk van deze {n} onderdelen, {order}:",
               "in deze volgorde", "in willekeurige volgorde", "elk van de versies {versions}"),
    }
    lead, in_order, any_order, versions = strings.get(lang, strings["en"])
    lines = []
    for number, part in enumerate(pathway.parts, 1):
        title = text_in(site, part.title, lang)
        line = f"{number}. {title} ({part.achievements[0]})"
        if len(part.versions) > 1:
            line = f"{number}. {title} ({versions.format(versions=', '.join(v.version for v in part.versions))})"
        lines.append(line)
    order = in_order if pathway.ordered else any_order
    return lead.format(n=len(pathway.parts), order=order) + "\n" + "\n".join(lines)


def standalone(achievement_body: dict) -> dict:
    """An Achievement as its own JSON-LD document (achievements/<slug>/<version>.json)."""
    return {"@context": context(OB_CONTEXTS, [achievement_body]), **achievement_body}


def _nlqf_key(value: str):
    return int(value) if value.isdigit() else value


def _creator(site: Site, course: Course | None, lang: str) -> dict:
    name = text_in(site, site.institution.name, lang)
    unit = text_in(site, course.unit, lang) if course is not None else ""
    return {
        "id": routes.issuer_did(site),
        "type": ["Profile"],
        "name": f"{name}, {unit}" if unit else name,
        "url": site.institution.url,
        "address": issuer_profile(site, lang)["address"],
    }


def _alignments(site: Site, course: Course, lang: str) -> list[dict]:
    eqf = vocab.EQF_LEVELS[course.eqf]
    out = [{
        "type": ["Alignment"], "targetType": "ext:EQFLevel",
        "targetFramework": "European Qualifications Framework (EQF)",
        "targetName": eqf.label_in(lang), "targetCode": str(course.eqf), "targetUrl": eqf.uri,
    }]
    if course.nlqf:
        nlqf = vocab.NLQF_LEVELS[_nlqf_key(course.nlqf)]
        out.append({"type": ["Alignment"], "targetType": "ext:NLQFLevel",
                    "targetFramework": "Dutch Qualifications Framework (NLQF)",
                    "targetName": nlqf.label_in(lang), "targetCode": course.nlqf,
                    "targetUrl": nlqf.uri})
    for code in course.fields:
        concept = vocab.isced_f()[code]
        out.append({"type": ["Alignment"], "targetType": "ext:ISCEDF",
                    "targetFramework": "ISCED-F 2013", "targetName": concept.label_in(lang),
                    "targetCode": code, "targetUrl": concept.uri})
    for skill in course.skills:
        out.append({"type": ["Alignment"], "targetType": "ext:ESCOSkill", "targetFramework": "ESCO",
                    "targetName": text_in(site, skill.label, lang), "targetUrl": skill.uri})
    if not course.qa_framework:  # a non-formal badge claims no quality assurance
        return out
    framework = vocab.QA_FRAMEWORKS[course.qa_framework]
    out.append({"type": ["Alignment"], "targetType": "ext:QualityAssuranceFramework",
                "targetFramework": "Quality assurance", "targetName": framework.name,
                "targetUrl": framework.url})
    return out


def _result_description(site: Site, course: Course, grading: Grading, lang: str) -> dict:
    scale = vocab.GRADING_SCALES[grading.scale]
    desc: dict[str, Any] = {
        "id": routes.absolute(site, routes.achievement(course)) + "#grade",
        "type": ["ResultDescription"],
        "name": scale.label_in(lang),
        # OB 3.0 ResultType: a Dutch mark is a scaled score, A-E a letter grade.
        "resultType": {"nl-1-10": "ScaledScore", "ects-a-e": "LetterGrade"}.get(grading.scale, "Result"),
    }
    if grading.scale == "nl-1-10":
        desc.update({"valueMin": "1", "valueMax": "10", "requiredValue": grading.pass_mark})
    elif grading.scale == "ects-a-e":
        desc.update({"allowedValue": ["A", "B", "C", "D", "E", "F"],
                     "requiredValue": grading.pass_mark})
    else:
        desc.update({"allowedValue": ["pass", "fail"], "requiredValue": "pass"})
    return desc


def criteria_narrative(site: Site, course: Course, lang: str) -> str:
    t = lambda text: text_in(site, text, lang)  # noqa: E731
    strings = {
        "en": ("Awarded for achieving all learning outcomes", "After this course the learner can:"),
        "nl": ("Toegekend voor het behalen van alle leerresultaten", "Na deze cursus kan de deelnemer:"),
    }
    lead, outcomes_intro = strings.get(lang, strings["en"])
    assessment = ", ".join(vocab.ASSESSMENT_TYPES[a].label_in(lang).lower()
                           for a in course.assessment_types)
    parts = [f"{lead} ({assessment})."]
    if course.assessment_description:
        parts.append(t(course.assessment_description))
    parts.append(outcomes_intro + "\n" + "\n".join(
        f"{i}. {t(o)}" for i, o in enumerate(course.outcomes, 1)))
    if not course.is_microcredential:
        # What the badge is not, said in the badge itself: wallets show the narrative, not the site's pages.
        notice = {"en": "Non-formal badge — not a recognised microcredential; it awards no credits. "
                        "Study load: {hours} hours.",
                  "nl": "Niet-formele badge — geen erkende microcredential; er horen geen studiepunten bij. "
                        "Studielast: {hours} uur."}
        parts.append(notice.get(lang, notice["en"]).format(hours=course.hours))
    return "\n\n".join(parts)


def achievements_index(achievement_bodies: list[dict]) -> dict:
    """All published achievement versions in one JSON-LD document."""
    graph = list(achievement_bodies)
    return {"@context": context(OB_CONTEXTS, graph), "@graph": graph}


def schema_org_course(site: Site, course: Course, lang: str, page_url: str) -> dict:
    """schema.org Course data for search engines (Google's Course rich results)."""
    t = lambda text: text_in(site, text, lang)  # noqa: E731
    doc: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Course",
        "@id": page_url,
        "url": page_url,
        "name": t(course.title),
        "description": t(course.summary),
        "inLanguage": list(course.languages),
        "provider": {"@type": "CollegeOrUniversity", "name": t(site.institution.name),
                     "sameAs": site.institution.url},
        "educationalCredentialAwarded": {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "Microcredential" if course.is_microcredential else "Badge",
            "name": t(course.title),
        },
        "numberOfCredits": {"@type": "StructuredValue", "value": course.ects, "unitText": "ECTS"},
        "timeRequired": f"PT{course.hours}H",
        "educationalLevel": vocab.EQF_LEVELS[course.eqf].label_in(lang),
        "teaches": [t(o) for o in course.outcomes],
        "version": course.version,
    }
    if course.ects is None:  # a non-formal badge awards no credits
        del doc["numberOfCredits"]
    if course.course_code:
        doc["courseCode"] = course.course_code
    if course.prerequisites:
        doc["coursePrerequisites"] = t(course.prerequisites)
    if course.offerings:
        modes = {"online": "Online", "onsite": "Onsite", "blended": "Blended",
                 "work_experience": "Onsite"}
        doc["hasCourseInstance"] = [
            {k: v for k, v in {
                "@type": "CourseInstance",
                "courseMode": sorted({modes[m] for m in course.participation}),
                "startDate": o.start.isoformat(),
                "endDate": o.end.isoformat() if o.end else None,
                "location": t(o.location) or None,
            }.items() if v}
            for o in course.offerings
        ]
        priced = [o for o in course.offerings if o.price_eur is not None]
        if priced:
            doc["offers"] = [{"@type": "Offer", "category": "Paid" if o.price_eur else "Free",
                              "price": o.price_eur, "priceCurrency": "EUR"} for o in priced[:1]]
    return doc
