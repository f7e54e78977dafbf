"""The catalogue as one upload for the Europass Qualification Dataset Register (loq.xsd, LOQ 3.1).

The upload holds every course on offer (current versions, not withdrawn): its LearningOpportunity,
the Qualification or LearningAchievementSpecification it leads to, their learning outcomes and
assessment, the institution and its location, each record in its section and linked by id. The ids
are those of the version's ELM document (elm.py), so the two describe the same things.

XML Schema fixes the order of the elements in each record, so each function writes them in the
order of its type in loq.xsd. A note holds one language (noteLiteral occurs once), so notes are in
the site's default language or, failing that, the first language they are given in.
"""

from __future__ import annotations

from xml.etree import ElementTree

from generator import routes
from generator.content import vocab
from generator.exports import elm
from generator.exports.common import eu_country, eu_language, offered, registered, texts
from generator.model import Course, CourseFamily, Site, Text

LOQ = "http://data.europa.eu/snb/model/ap/loq-constraints/"
XSD_VERSION = "3.1.0"  # loq.xsd's version (generator/data/elm/sources.json)
SECTIONS = ("learningOpportunityReferences", "learningAchievementSpecificationReferences",
            "learningOutcomeReferences", "learningAssessmentSpecificationReferences", "agentReferences",
            "locationReferences")  # in the order CoursesRootType gives them


def _tag(name: str) -> str:
    return f"{{{LOQ}}}{name}"


def upload(site: Site, families: list[CourseFamily]) -> bytes:
    """loq.xml: every course on offer, with the institution once."""
    ElementTree.register_namespace("", LOQ)
    root = ElementTree.Element(_tag("Courses"), {"xsdVersion": XSD_VERSION})
    sections = {name: ElementTree.Element(_tag(name)) for name in SECTIONS}
    for family in uploadable(families):
        course = family.current
        here = elm.url(site, course)
        sections["learningOpportunityReferences"].append(learning_opportunity(site, course, here))
        sections["learningAchievementSpecificationReferences"].append(specification(site, course, here))
        for i, outcome in enumerate(course.outcomes, 1):
            record = _record("learningOutcome", f"{here}#outcome-{i}")
            _strings(site, record, "title", outcome)
            sections["learningOutcomeReferences"].append(record)
        sections["learningAssessmentSpecificationReferences"].extend(assessments(site, course, here))
    if len(sections["learningOpportunityReferences"]):
        sections["agentReferences"].append(organisation(site))
        sections["locationReferences"].append(location(site))
    for name in SECTIONS:
        if len(sections[name]):
            root.append(sections[name])
    ElementTree.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode").encode() + b"\n"


def uploadable(families: list[CourseFamily]) -> list[CourseFamily]:
    """The courses loq.xml holds: those on offer with a field of study, which loq.xsd requires
    (field_of_study is optional in a course file; validate.content_problems warns of the rest)."""
    return [f for f in offered(registered(families)) if f.current.fields]


def location_id(site: Site) -> str:
    return routes.issuer_did(site) + "#location"


def learning_opportunity(site: Site, course: Course, here: str) -> ElementTree.Element:
    record = _record("learningOpportunity", here)
    _strings(site, record, "title", course.title)
    _strings(site, record, "description", course.summary)
    _web_resource(record, "homepage", routes.absolute(site, routes.course(site, site.default_language, course)))
    for token in course.participation:
        _concept(record, "mode", vocab.PARTICIPATION_MODES[token].uri)
    _ref(record, "providedBy", routes.issuer_did(site))
    _ref(record, "learningAchievementSpecification", here + "#specification")
    _concept(record, "defaultLanguage", eu_language(course.languages[0]))
    return record


def specification(site: Site, course: Course, here: str) -> ElementTree.Element:
    qualification = bool(course.nlqf)
    record = _record("qualification" if qualification else "learningAchievementSpecification",
                     here + "#specification")
    _strings(site, record, "title", course.title)
    _strings(site, record, "description", course.summary)
    framework = vocab.QA_FRAMEWORKS.get(course.qa_framework)
    if framework is not None:
        qa = elm.quality_assurance(site, course)["noteLiteral"]
        _note(site, record, "additionalNote", qa)
    _web_resource(record, "homepage", routes.absolute(site, routes.course(site, site.default_language, course)))
    if framework is not None:
        _web_resource(record, "supplementaryDocument", framework.url)
    for code in course.fields:
        _concept(record, "ISCEDFCode", vocab.isced_f()[code].uri)
    _text(record, "volumeOfLearning", f"PT{course.hours}H")
    credit = _element(record, "creditPoint")
    _concept(credit, "framework", vocab.CREDIT_SYSTEMS["ECTS"].uri)
    _text(credit, "point", elm.points(course.ects or 0))  # uploadable() holds microcredentials only
    if not qualification:
        _concept(record, "educationLevel", vocab.EQF_LEVELS[course.eqf].uri)
    for tag in course.languages:
        _concept(record, "language", eu_language(tag))
    for token in course.participation:
        _concept(record, "mode", vocab.PARTICIPATION_MODES[token].uri)
    if texts(site, course.prerequisites):
        _note(site, record, "entryRequirement", course.prerequisites)
    for i in range(1, len(course.outcomes) + 1):
        _ref(record, "learningOutcome", f"{here}#outcome-{i}")
    _ref(record, "provenBy", here + "#assessment")
    if qualification:
        _concept(record, "EQFLevel", vocab.EQF_LEVELS[course.eqf].uri)
        level = course.nlqf
        _concept(record, "NQFLevel", vocab.NLQF_LEVELS[int(level) if level.isdigit() else level].uri)
    return record


def assessments(site: Site, course: Course, here: str) -> list[ElementTree.Element]:
    """The whole assessment and a part per kind, as in the ELM document."""
    node = elm.assessment(site, course, here)
    record = _record("learningAssessmentSpecification", node["id"])
    _strings(site, record, "title", node["title"])
    if "description" in node:
        _strings(site, record, "description", node["description"])
    if "additionalNote" in node:
        _note(site, record, "additionalNote", node["additionalNote"][0]["noteLiteral"])
    for tag in course.languages:
        _concept(record, "language", eu_language(tag))
    _ref(record, "proves", here + "#specification")
    parts = []
    for part in node.get("hasPart", []):
        _ref(record, "hasPart", part["id"])
        child = _record("learningAssessmentSpecification", part["id"])
        _strings(site, child, "title", part["title"])
        _concept(child, "type", part["dcType"]["id"])
        _ref(child, "isPartOf", node["id"])
        parts.append(child)
    return [record, *parts]


def organisation(site: Site) -> ElementTree.Element:
    record = _record("organisation", routes.issuer_did(site))
    _strings(site, record, "legalName", site.institution.name)
    _web_resource(record, "homepage", site.institution.url)
    _ref(record, "location", location_id(site))
    return record


def location(site: Site) -> ElementTree.Element:
    record = _record("location", location_id(site))
    address = _element(record, "address")
    _concept(address, "countryCode", eu_country(site.institution.country))
    return record


# ---------------------------------------------------------------- elements


def _element(parent: ElementTree.Element, name: str, attributes: dict[str, str] | None = None) -> ElementTree.Element:
    return ElementTree.SubElement(parent, _tag(name), attributes or {})


def _record(name: str, record_id: str) -> ElementTree.Element:
    return ElementTree.Element(_tag(name), {"id": record_id})


def _text(parent: ElementTree.Element, name: str, value: str) -> None:
    _element(parent, name).text = value


def _strings(site: Site, parent: ElementTree.Element, name: str, text: Text) -> None:
    for lang, value in texts(site, text).items():
        _element(parent, name, {"language": lang}).text = value


def _note(site: Site, parent: ElementTree.Element, name: str, text: Text) -> None:
    given = texts(site, text)
    if not given:
        return
    lang = site.default_language if site.default_language in given else next(iter(given))
    note = _element(parent, name)
    _element(note, "noteLiteral", {"language": lang}).text = given[lang]


def _web_resource(parent: ElementTree.Element, name: str, address: str) -> None:
    _text(_element(parent, name), "contentUrl", address)


def _concept(parent: ElementTree.Element, name: str, uri: str) -> None:
    _element(parent, name, {"uri": uri})


def _ref(parent: ElementTree.Element, name: str, record_id: str) -> None:
    _element(parent, name, {"idref": record_id})
