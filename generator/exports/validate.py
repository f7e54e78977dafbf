"""The build's check of the registry files it writes, each problem naming the file and field to fix.

    OOAPI   each file against the response schema of its path in the v5 specification (jsonschema-rs;
            the specification file is in generator/data/ooapi/), milliseconds for a whole catalogue
    QDR     qdr/loq.xml against loq.xsd and the schemas it includes (lxml; generator/data/elm/loq/)
    ELM     every term defined by the document's own context, and the properties the EU's LOQ
            profile requires present, with concepts from the EU vocabularies

The full conformance checks, openapi-core over the specification's paths and pyshacl over the EU's
SHACL shapes, take seconds per hundred documents and the shapes are not shipped, so they run in the
test suite (tests/test_exports_*.py), which CI always runs; docs/registries.md says why.

Content that passed the content stage makes valid files, so most problems here are credsite's own
bugs (Code.BUG). Those the content can cause, such as a language OOAPI has no code for, a run
without an end date or more runs than RIO reads, name the course file and its field.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, cast

import jsonschema_rs
from lxml import etree

from generator import routes
from generator.content import vocab
from generator.content.config import SITE_FILE
from generator.exports import elm, ooapi
from generator.exports.common import language_code, offered, registered
from generator.model import Course, CourseFamily, Site
from generator.problems import Code, Problem

MAX_PER_FILE = 5  # problems reported per file before the rest are summed up
BUG_FIX = "this is a bug in credsite; please report it with the file named"

# Which course field an OOAPI property is made from (generator/exports/ooapi.py).
COURSE_FIELDS = {
    "name": "title", "description": "summary", "abbreviation": "codes.course_code", "otherCodes": "codes.course_code",
    "teachingLanguage": "language", "level": "level.eqf", "levelOfQualification": "level.nlqf",
    "studyLoad": "workload.ects", "modeOfDelivery": "participation", "duration": "offerings",
    "firstStartDate": "offerings", "validFrom": "offerings", "learningOutcomes": "learning_outcomes",
    "admissionRequirements": "prerequisites", "assessment": "assessment.description",
    "fieldsOfStudy": "field_of_study", "resultValueType": "assessment.grading",
}
OFFERING_FIELDS = {"startDate": "start", "endDate": "end", "enrollEndDate": "application_deadline",
                   "priceInformation": "price_eur", "addresses": "location", "link": "enrol_url"}
SITE_FIELDS = {"contactEmail": "institution.email", "name": "institution.name", "shortName": "institution.name",
               "link": "institution.url", "logo": "institution.logo", "addresses": "institution.country",
               "primaryCode": "institution.identifiers", "otherCodes": "institution.identifiers",
               "consumers": "rio"}
# Which course field a QDR element is made from (generator/exports/qdr.py).
QDR_FIELDS = {
    "title": "title", "description": "summary", "mode": "participation", "defaultLanguage": "language",
    "language": "language", "ISCEDFCode": "field_of_study", "EQFLevel": "level.eqf", "educationLevel": "level.eqf",
    "NQFLevel": "level.nlqf", "creditPoint": "workload.ects", "point": "workload.ects",
    "volumeOfLearning": "workload.hours", "entryRequirement": "prerequisites", "type": "assessment.types",
    "learningOutcome": "learning_outcomes",
}
QDR_SITE_FIELDS = {"legalName": "institution.name", "countryCode": "institution.country"}
# The component schema each OOAPI file answers with: the path's own response schema, except where
# v5's `oneOf` has no discriminator and a valid document matches more than one branch (a course
# offering is also a valid ProgramOffering; an education specification with or without
# timelineOverrides matches both), so the branch this site answers with is named.
OOAPI_SCHEMAS = {"root": "Service", "organization": "Organization", "course": "CourseExpanded",
                 "offering": "CourseOffering", "specification": "EducationSpecificationExpanded"}
OOAPI_PAGES = {"courses": "Course", "offerings": "CourseOffering"}


def problems(site: Site, families: list[CourseFamily], files: Mapping[str, bytes]) -> list[Problem]:
    """Every problem with the export files among `files` (route -> bytes), and with what they leave out."""
    families = registered(families)  # the exports leave non-formal badges out; so does what they warn of
    found = content_problems(site, families)
    for resource in ooapi.resources(site, families):
        if resource.route in files:
            found += ooapi_problems(resource, files[resource.route])
    for family in families:
        for course in family.versions:
            route = routes.elm_learning_opportunity(course)
            if route in files:
                found += elm_problems(course, route, files[route])
    if routes.elm_index() in files:
        found += _undefined(routes.elm_index(), files[routes.elm_index()])
    if routes.qdr_upload() in files:
        found += qdr_problems(site, families, files[routes.qdr_upload()])
    return found


# ---------------------------------------------------------------- what the content can get wrong


def content_problems(site: Site, families: list[CourseFamily]) -> list[Problem]:
    found = []
    for family in families:
        for course in family.versions:
            for i, tag in enumerate(course.languages):
                if not language_code(tag):
                    found.append(Problem(course.source, None, f"language[{i}]",
                                         f"'{tag}' has no ISO 639-3 code, which OOAPI and the EU's language table "
                                         "use", "give the language as an ISO 639-1 or 639-3 code, e.g. 'nl'"))
            if not ooapi.published(site):
                continue
            for i in ooapi.left_out(course):
                found.append(Problem(course.source, None, f"offerings[{i}].end",
                                     "the run has no end date, so ooapi/ leaves it out (an OOAPI offering needs "
                                     "one)", "add 'end:' to publish the run to RIO and eduXchange", "warning"))
        if offered([family]) and not family.current.fields:
            found.append(Problem(family.current.source, None, "field_of_study",
                                 f"missing, and the EU's LOQ profile needs it: {routes.qdr_upload()} leaves the "
                                 "course out, and its ELM document does not conform",
                                 "add 'field_of_study:' with the course's ISCED-F code", "warning"))
        runs = sum(len(c.offerings) - len(ooapi.left_out(c)) for c in family.versions)
        if ooapi.published(site) and runs >= ooapi.PAGE_SIZE:
            found.append(Problem(family.current.source, None, "offerings",
                                 f"{runs} runs with their archived versions; RIO's mapper reads at most "
                                 f"{ooapi.PAGE_SIZE - 1} runs of a course",
                                 "remove runs that ended long ago from the course files"))
    return found


# ---------------------------------------------------------------- OOAPI


@cache
def _specification() -> dict:
    text = (resources.files("generator") / "data" / "ooapi" / "v5-ooapi.json").read_text(encoding="utf-8")
    spec: dict = json.loads(text)
    return spec


@cache
def _validator(kind: str) -> jsonschema_rs.Validator:
    components = _specification()["components"]
    schema: dict
    if kind in OOAPI_PAGES:
        schema = {"allOf": [{"$ref": "#/components/schemas/Pagination"},
                            {"type": "object", "required": ["items"], "properties": {"items": {
                                "type": "array", "items": {"$ref": f"#/components/schemas/{OOAPI_PAGES[kind]}"}}}}]}
    else:
        schema = {"$ref": f"#/components/schemas/{OOAPI_SCHEMAS[kind]}"}
    # OpenAPI 3.0 schema objects read as JSON Schema; its own formats (int32, double) are ignored.
    return jsonschema_rs.Draft202012Validator({**schema, "components": components}, validate_formats=True,
                                              offline=True)


def ooapi_kind(route: str) -> str:
    rest = route.removeprefix(routes.OOAPI_FOLDER)
    if route == routes.ooapi_root():
        return "root"
    if route == routes.ooapi_courses():
        return "courses"
    if rest.startswith("courses/"):
        return "offerings" if rest.endswith("/offerings.json") else "course"
    return {"organizations": "organization", "offerings": "offering",
            "education-specifications": "specification"}[rest.split("/")[0]]


def ooapi_problems(resource: ooapi.Resource, data: bytes) -> list[Problem]:
    document = json.loads(data)
    errors = list(_validator(ooapi_kind(resource.route)).iter_errors(document))
    found = []
    for error in errors[:MAX_PER_FILE]:
        path, field, code = _ooapi_field(resource.origin, list(error.instance_path))
        message = f"{resource.route} is not valid OOAPI v5: {_where(error.instance_path)}{error.message[:200]}"
        found.append(Problem(path, None, field, message,
                             BUG_FIX if code is Code.BUG else "see: credsite docs registries", code=code))
    if len(errors) > MAX_PER_FILE:
        found.append(Problem(resource.route, None, "", f"and {len(errors) - MAX_PER_FILE} more OOAPI problems",
                             BUG_FIX, code=Code.BUG))
    return found


def _ooapi_field(origin: ooapi.Origin, path: list) -> tuple[str, str, Code]:
    """The source file and field an OOAPI property comes from, and whether the content can be at fault."""
    if origin.items and len(path) >= 2 and path[0] == "items" and isinstance(path[1], int) \
            and path[1] < len(origin.items):
        origin, path = origin.items[path[1]], path[2:]
    if path[:1] == ["timelineOverrides"] and len(path) >= 3 and isinstance(path[1], int) \
            and path[1] < len(origin.periods):
        origin, path = ooapi.Origin(origin.periods[path[1]].course), path[3:]
    key = path[0] if path and isinstance(path[0], str) else ""
    if origin.course is None or key == "consumers":
        field = SITE_FIELDS.get(key, "")
        return SITE_FILE, field, Code.INPUT if field else Code.BUG
    course = origin.course
    if origin.offering is not None and key in OFFERING_FIELDS:
        return course.source, f"offerings[{origin.offering}].{OFFERING_FIELDS[key]}", Code.INPUT
    field = COURSE_FIELDS.get(key, "")
    if field == "learning_outcomes" and len(path) > 1 and isinstance(path[1], int):
        field += f"[{path[1]}]"
    return course.source, field, Code.INPUT if field else Code.BUG


def _where(path: Iterable) -> str:
    parts = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    return f"{parts}: " if parts else ""


# ---------------------------------------------------------------- ELM


def elm_problems(course: Course, route: str, data: bytes) -> list[Problem]:
    """The properties the EU's LOQ profile requires, present and from the EU's vocabularies."""
    found = _undefined(route, data)
    document = json.loads(data)
    spec = document.get("learningAchievementSpecification") or {}

    def missing(field: str, what: str) -> None:
        found.append(Problem(course.source, None, field, f"{route}: {what}, which ELM's LOQ profile requires",
                             "see: credsite docs course-format, for the field"))

    if not document.get("title") or not spec.get("title"):
        missing("title", "no title")
    if not spec.get("learningOutcome"):
        missing("learning_outcomes", "no learning outcome")
    isced = {c.uri for c in vocab.isced_f().values()}
    # A course without a field of study is warned of once, by content_problems.
    for i, area in enumerate(spec.get("thematicArea") or ([None] if course.fields else [])):
        if not isinstance(area, dict) or area.get("id") not in isced:
            missing(f"field_of_study[{i}]", "no ISCED-F field of the EU's vocabulary")
    for i, language in enumerate([document.get("defaultLanguage"), *(spec.get("language") or [None])]):
        if not isinstance(language, dict) or not language.get("id"):
            missing(f"language[{max(i - 1, 0)}]", "no language of the EU's language table")
    eqf = spec.get("eqfLevel") or (spec.get("educationLevel") or [None])[0]
    if not isinstance(eqf, dict) or eqf.get("id") not in {c.uri for c in vocab.EQF_LEVELS.values()}:
        missing("level.eqf", "no EQF level")
    if spec.get("type") == "Qualification" and not spec.get("nqfLevel"):
        missing("level.nlqf", "a Qualification without an NQF level")
    return found


def _undefined(route: str, data: bytes) -> list[Problem]:
    terms = elm.undefined_terms(json.loads(data))
    if not terms:
        return []
    return [Problem(route, None, "", f"uses terms its @context does not define ({', '.join(terms)}), which a "
                    "JSON-LD processor would drop", BUG_FIX, code=Code.BUG)]


# ---------------------------------------------------------------- QDR


@cache
def _schema() -> etree.XMLSchema:
    folder = resources.files("generator") / "data" / "elm" / "loq"
    # Parsed from the file's path so its includes and imports resolve beside it; a parser that may not
    # use the network keeps it so should a schema name a remote location.
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(Path(str(folder)) / "loq.xsd"), parser))


def qdr_problems(site: Site, families: list[CourseFamily], data: bytes) -> list[Problem]:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    document = etree.fromstring(data, parser)
    schema = _schema()
    if schema.validate(document):
        return []
    courses = {elm.url(site, f.current): f.current for f in offered(families)}
    by_line: dict[int, etree._Element] = {}
    for element in document.iter():
        line = element.sourceline
        by_line.setdefault(line if isinstance(line, int) else 0, element)
    found = []
    errors = list(cast(Iterable[Any], schema.error_log))  # lxml's stubs do not say its log is iterable
    for error in errors[:MAX_PER_FILE * 4]:
        element = by_line.get(error.line)
        path, field, code = _qdr_field(element, courses)
        found.append(Problem(path, None, field, f"{routes.qdr_upload()} is not valid for loq.xsd: {error.message}",
                             BUG_FIX if code is Code.BUG else "see docs/registries.md", code=code))
    return found


def _qdr_field(element: etree._Element | None, courses: dict[str, Course]) -> tuple[str, str, Code]:
    name = etree.QName(element).localname if element is not None else ""
    record = element
    while record is not None and record.get("id") is None:
        record = record.getparent()
    course = courses.get((record.get("id") or "").split("#")[0]) if record is not None else None
    if course is None:
        field = QDR_SITE_FIELDS.get(name, "")
        return SITE_FILE, field, Code.INPUT if field else Code.BUG
    field = QDR_FIELDS.get(name, "")
    if name == "ISCEDFCode" and element is not None:
        code = (element.get("uri") or "").rsplit("/", 1)[-1]
        field += f"[{course.fields.index(code)}]" if code in course.fields else ""
    return course.source, field, Code.INPUT if field else Code.BUG
