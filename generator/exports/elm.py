"""Each course version as a European Learning Model (ELM 3) LearningOpportunity in JSON-LD.

The LearningOpportunity is offered by the institution and leads to what the learner achieves: a
Qualification when the course is placed in the national framework (ELM's Qualification needs an
NQF level), else a LearningAchievementSpecification, whose EQF level is its educationLevel. It holds
titles and descriptions in every language given, the EQF and NQF levels, the ISCED-F fields, the
languages and modes as the EU's concepts (each with the scheme it is in, which the EU's shapes
check), the ECTS credit points and hours, the learning outcomes, the entry requirements, the
assessment and the quality assurance.

Each document carries inline the terms of the EU's EDC context (edc-ap) that it uses, so a
JSON-LD processor reads it without fetching anything: nobody has to serve a context for it, and
the site does not name one it does not publish.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

from generator import routes
from generator.content import vocab
from generator.exports.common import eu_country, eu_language, registered, texts
from generator.model import Course, CourseFamily, Site, Text

_SNB = "http://data.europa.eu/snb/"
SCHEMES = {  # the concept scheme each kind of concept is in, as the EU's shapes require it to say
    "eqf": _SNB + "eqf/25831c2", "nqf": _SNB + "qdr/25831c2", "isced": _SNB + "isced-f/25831c2",
    "credit": _SNB + "education-credit/25831c2", "mode": _SNB + "learning-assessment/25831c2",
    "assessment": _SNB + "assessment/25831c2", "language": "http://publications.europa.eu/resource/authority/language",
    "country": "http://publications.europa.eu/resource/authority/country",
}
# Terms the documents use that the EDC context leaves to the Verifiable Credentials context it is
# meant to be used with (id, type), or does not define (defaultLanguage, an ELM property LOQ requires).
ADDED_TERMS = {"id": "@id", "type": "@type",
               "defaultLanguage": {"@id": "elm:defaultLanguage", "@type": "@id"}}


@lru_cache(maxsize=1)
def edc_context() -> dict:
    """The EU's EDC application profile context (generator/data/elm/sources.json), term by term."""
    text = (resources.files("generator") / "data" / "elm" / "edc-ap-context.jsonld").read_text(encoding="utf-8")
    context: dict = json.loads(text)["@context"]
    return context


def described(families: list[CourseFamily]) -> list[Course]:
    """The course versions that get an ELM document: every version of every registered course."""
    return [course for family in registered(families) for course in family.versions]


def url(site: Site, course: Course) -> str:
    return routes.absolute(site, routes.elm_learning_opportunity(course))


def learning_opportunity(site: Site, course: Course) -> dict:
    """The version's LearningOpportunity, without @context (see standalone and index)."""
    here = url(site, course)
    page = routes.absolute(site, routes.course(site, site.default_language, course))
    return {
        "id": here, "type": "LearningOpportunity",
        "title": texts(site, course.title), "description": texts(site, course.summary),
        "homepage": [web_resource(page)],
        "mode": [_mode(token) for token in course.participation],
        "providedBy": [organisation(site)],
        "learningAchievementSpecification": specification(site, course, here, page),
        "defaultLanguage": _language(course.languages[0]),
    }


def specification(site: Site, course: Course, here: str, page: str) -> dict:
    qualification = bool(course.nlqf)
    spec: dict = {
        "id": here + "#specification",
        "type": "Qualification" if qualification else "LearningAchievementSpecification",
        "title": texts(site, course.title), "description": texts(site, course.summary),
        "homepage": [web_resource(page)],
        "thematicArea": [_isced(code) for code in course.fields],
        "language": [_language(tag) for tag in course.languages],
        "learningOutcome": [{"id": f"{here}#outcome-{i}", "type": "LearningOutcome", "title": texts(site, o)}
                            for i, o in enumerate(course.outcomes, 1)],
        # Only microcredentials get here (described()), and they always have credits.
        "creditPoint": [{"type": "CreditPoint", "framework": _credit_system(), "point": points(course.ects or 0)}],
        "volumeOfLearning": f"PT{course.hours}H",
        "mode": [_mode(token) for token in course.participation],
        "provenBy": [assessment(site, course, here)],
    }
    if texts(site, course.prerequisites):
        spec["entryRequirement"] = note(site, course.prerequisites)
    if course.qa_framework or course.qa_type:
        spec["additionalNote"] = [quality_assurance(site, course)]
        framework = vocab.QA_FRAMEWORKS.get(course.qa_framework)
        if framework is not None:
            spec["supplementaryDocument"] = [web_resource(framework.url, {site.default_language: framework.name})]
    level = _eqf(course.eqf)
    if qualification:
        spec["eqfLevel"] = level
        spec["nqfLevel"] = [_nqf(course.nlqf)]
    else:  # only a Qualification has an EQF level of its own; a specification names it as its education level
        spec["educationLevel"] = [level]
    return spec


def assessment(site: Site, course: Course, here: str) -> dict:
    """How the learning outcomes are assessed: the whole assessment, with a part per kind of assessment
    (the EDC shapes allow one type per assessment specification)."""
    types = [vocab.ASSESSMENT_TYPES[t] for t in course.assessment_types]
    node: dict = {"id": here + "#assessment", "type": "LearningAssessmentSpecification",
                  "title": _joined(site, [c.label for c in types]) or texts(site, course.title)}
    if texts(site, course.assessment_description):
        node["description"] = texts(site, course.assessment_description)
    node["language"] = [_language(tag) for tag in course.languages]
    supervision = vocab.SUPERVISION.get(course.supervision)
    if supervision is not None:
        node["additionalNote"] = [{"type": "Note", "noteLiteral": _labels(site, supervision.label)}]
    if types:
        node["hasPart"] = [{"id": f"{here}#assessment-{i}", "type": "LearningAssessmentSpecification",
                            "title": _labels(site, c.label),
                            "dcType": concept(c.uri, SCHEMES["assessment"], {"en": c.label["en"]})}
                           for i, c in enumerate(types, 1)]
    return node


def _joined(site: Site, labels: list[dict[str, str]]) -> dict[str, str]:
    """Labels joined with commas, in each site language every one of them has a label in."""
    return {lang: ", ".join(label[lang] for label in labels) for lang in site.languages
            if labels and all(lang in label for label in labels)}


def quality_assurance(site: Site, course: Course) -> dict:
    """The quality assurance the course is offered under, as a note: an ELM Accreditation would name
    the agency that accredited it, which the course file does not say."""
    framework = vocab.QA_FRAMEWORKS.get(course.qa_framework)
    kind = vocab.QA_TYPES.get(course.qa_type)
    parts = {lang: "; ".join(p for p in ((kind.label.get(lang, "") if kind else ""),
                                         framework.name if framework else "") if p)
             for lang in site.languages if kind is None or lang in kind.label}
    return {"type": "Note", "noteLiteral": {lang: text for lang, text in parts.items() if text}}


def organisation(site: Site) -> dict:
    inst = site.institution
    return {"id": routes.issuer_did(site), "type": "Organisation", "legalName": texts(site, inst.name),
            "homepage": [web_resource(inst.url)],
            "location": [{"type": "Location", "address": [{
                "type": "Address",
                "countryCode": concept(eu_country(inst.country), SCHEMES["country"], {})}]}]}


def web_resource(address: str, title: dict[str, str] | None = None) -> dict:
    node: dict = {"type": "WebResource", "contentURL": address}
    if title:
        node["title"] = title
    return node


def note(site: Site, text: Text) -> dict:
    return {"type": "Note", "noteLiteral": texts(site, text)}


def concept(uri: str, scheme: str, labels: dict[str, str]) -> dict:
    node: dict = {"id": uri, "type": "Concept", "inScheme": {"id": scheme, "type": "ConceptScheme"}}
    if labels:
        node["prefLabel"] = labels
    return node


def _labels(site: Site, labels: dict[str, str]) -> dict[str, str]:
    return {lang: labels[lang] for lang in site.languages if lang in labels} or {"en": labels["en"]}


def _eqf(level: int) -> dict:
    c = vocab.EQF_LEVELS[level]
    return concept(c.uri, SCHEMES["eqf"], {"en": f"Level {level}"})


def _nqf(level: str) -> dict:
    c = vocab.NLQF_LEVELS[int(level) if level.isdigit() else level]
    return concept(c.uri, SCHEMES["nqf"], {"en": c.label["en"]})


def _isced(code: str) -> dict:
    c = vocab.isced_f()[code]
    return concept(c.uri, SCHEMES["isced"], {"en": c.label["en"]})


def _mode(token: str) -> dict:
    c = vocab.PARTICIPATION_MODES[token]
    return concept(c.uri, SCHEMES["mode"], {"en": c.label["en"]})


def _language(tag: str) -> dict:
    return concept(eu_language(tag), SCHEMES["language"], {})


def _credit_system() -> dict:
    c = vocab.CREDIT_SYSTEMS["ECTS"]
    return concept(c.uri, SCHEMES["credit"], {"en": c.label["en"]})


def points(ects: float) -> str:
    """ECTS as ELM writes credit points: text, without ".0" for a whole number."""
    return str(int(ects)) if float(ects).is_integer() else str(ects)


# ---------------------------------------------------------------- JSON-LD


def standalone(document: dict) -> dict:
    return {"@context": context([document]), **document}


def index(documents: list[dict]) -> dict:
    """Every version's LearningOpportunity in one document, to harvest the catalogue in one request."""
    return {"@context": context(documents), "@graph": documents}


def context(documents: Iterable[dict]) -> dict:
    """The EDC context's definitions of the terms `documents` use, and the prefixes those need.

    A term the EDC context does not define and credsite did not add is left out, and the build's
    check (validate.py) reports it as a bug: a JSON-LD processor would drop it silently.
    """
    edc = {**edc_context(), **ADDED_TERMS}
    used = set()
    for document in documents:
        used |= set(_terms(document))
    terms = {name: edc[name] for name in sorted(used) if name in edc}
    prefixes = {_prefix(value) for value in _iris(terms.values())} - {""}
    return {**{p: edc[p] for p in sorted(prefixes) if p in edc}, **terms}


def undefined_terms(document: dict) -> list[str]:
    """Keys and types of `document` that its own @context does not define (none when credsite is right)."""
    defined = document.get("@context", {})
    return sorted({t for t in _terms({k: v for k, v in document.items() if k != "@context"}) if t not in defined})


def _terms(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key.startswith("@"):
                if key == "@graph":
                    yield from _terms(value)
                continue
            yield key
            if key == "type":
                yield from (value if isinstance(value, list) else [value])
            elif not _is_language_map(key):
                yield from _terms(value)
    elif isinstance(node, list):
        for item in node:
            yield from _terms(item)


def _is_language_map(key: str) -> bool:
    definition = {**edc_context(), **ADDED_TERMS}.get(key)
    return isinstance(definition, dict) and definition.get("@container") == "@language"


def _iris(definitions: Iterable[object]) -> Iterator[str]:
    for definition in definitions:
        if isinstance(definition, str):
            yield definition
        elif isinstance(definition, dict):
            yield from (v for k, v in definition.items() if k in ("@id", "@type") and isinstance(v, str))


def _prefix(iri: str) -> str:
    """"elm" of the compact IRI "elm:EQFLevel"; "" for a full IRI or a keyword."""
    head, sep, rest = iri.partition(":")
    return head if sep and not head.startswith("@") and not rest.startswith("//") else ""
