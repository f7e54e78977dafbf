"""The catalogue as static Open Education API (OOAPI) v5 resources, for RIO and eduXchange.

What a registry asks and what it gets:

    GET /                                   ooapi/index.json          the service
    GET /organizations/{id}                 organizations/<id>.json   the institution
    GET /courses                            courses.json              every course on offer, one page
    GET /courses/{courseId}                 courses/<id>.json         a course: its current version, earlier
                                                                      versions as timelineOverrides
    GET /courses/{courseId}/offerings       courses/<id>/offerings.json  its runs, one page
    GET /offerings/{offeringId}             offerings/<id>.json       a run
    GET /education-specifications/{id}      education-specifications/<id>.json  what the course teaches
                                                                      (RIO's mapper reads it for every course)

A static host answers every query string with the same file, so each collection is one page that
says there is no next one, and holds fewer items than the 250 RIO's mapper asks for: a full page
makes it ask again, and it refuses a page of 250 or more. Filters such as `consumer=rio` cannot be
applied, so the files hold only what every consumer may see.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass

from generator import routes
from generator.exports.common import (
    Period,
    amount,
    first_start,
    language_code,
    offered,
    registered,
    texts,
    timeline,
    with_end,
)
from generator.model import Course, CourseFamily, Offering, Site, Text

# The specification the files follow: the v5 OpenAPI file of the commit credsite checks them against
# (generator/data/ooapi/sources.json).
SPECIFICATION = ("https://raw.githubusercontent.com/open-education-api/specification/"
                 "9f79a80d18983770d59055fe2adb98b7d81e7e79/v5/ooapi.json")
DOCUMENTATION = "https://openonderwijsapi.nl/v5/"
PAGE_SIZE = 250  # the largest page a client may ask for; RIO's mapper asks for exactly this many
RIO = "rio"  # the consumerKey of RIO's entries

# EQF level -> OOAPI `level`, the level of education a course is taught at (RIO maps it with the sector).
LEVELS = {1: "secondary vocational education 1", 2: "secondary vocational education 2",
          3: "secondary vocational education 3", 4: "secondary vocational education 4",
          5: "associate degree", 6: "bachelor", 7: "master", 8: "doctoral"}
SECTORS = {"mbo": "secondary vocational education", "hbo": "higher professional education",
           "wo": "university education"}
# Participation -> OOAPI modeOfDelivery. Work-based learning happens in a physical place, so it is
# "situated", the value RIO maps to KLASSIKAAL; OOAPI has no value of its own for it.
MODES = {"online": "online", "blended": "hybrid", "onsite": "situated", "work_experience": "situated"}
RESULT_TYPES = {"nl-1-10": "1-10", "pass-fail": "pass-or-fail"}  # the ECTS A-E scale has no OOAPI value
LEVELS_OF_QUALIFICATION = ("1", "2", "3", "4", "4+", "5", "6", "7", "8")  # NLQF; "entry" has no value


def published(site: Site) -> bool:
    """OOAPI's service root must name a contact address, so the API is published when site.yaml gives one."""
    return bool(site.institution.email)


@dataclass(frozen=True)
class Origin:
    """What a file is made from, so a problem with it names the right file and field."""

    course: Course | None = None  # None: content/site.yaml
    offering: int | None = None  # the run's index in the course file's offerings
    periods: tuple[Period, ...] = ()  # a course's earlier versions, in its timelineOverrides' order
    items: tuple[Origin, ...] = ()  # a collection's items, in its order


@dataclass(frozen=True)
class Resource:
    route: str
    origin: Origin
    make: Callable[[dt.date], dict]  # the document, given the day the build judges open enrolment by


def resources(site: Site, families: list[CourseFamily]) -> list[Resource]:
    """Every OOAPI file of the site, in a stable order; none when the API is not published."""
    if not published(site):
        return []
    families = registered(families)
    organization = routes.ooapi_organization_id(site)
    out = [Resource(routes.ooapi_root(), Origin(), lambda today: service(site)),
           Resource(routes.ooapi_organization(organization), Origin(), lambda today: organization_document(site)),
           Resource(routes.ooapi_courses(), Origin(items=tuple(Origin(f.current) for f in offered(families))),
                    lambda today: page([course_document(site, f, overrides=False) for f in offered(families)]))]
    for family in families:
        out += _course_resources(site, family)
    return out


def _course_resources(site: Site, family: CourseFamily) -> list[Resource]:
    current = family.current
    course_id = routes.ooapi_course_id(site, current)
    spec_id = routes.ooapi_education_specification_id(site, current)
    _, earlier = timeline(family)
    origin = Origin(current, periods=tuple(earlier))
    runs: list[tuple[Course, int, str]] = []  # (version, index in its offerings, offering id)
    for course in family.versions:
        ids = routes.ooapi_offering_ids(site, course)
        runs += [(course, i, ids[i]) for i, _ in with_end(course)]
    runs.sort(key=lambda run: run[0].offerings[run[1]].start)  # OOAPI's default order: by start date
    out = [Resource(routes.ooapi_course(course_id), origin, lambda today: course_document(site, family)),
           Resource(routes.ooapi_education_specification(spec_id), origin,
                    lambda today: education_specification(site, family)),
           Resource(routes.ooapi_course_offerings(course_id),
                    Origin(current, items=tuple(Origin(c, i) for c, i, _ in runs)),
                    lambda today: page([offering_document(site, c, i, today) for c, i, _ in runs]))]
    for course, index, offering_id in runs:
        out.append(Resource(routes.ooapi_offering(offering_id), Origin(course, index),
                            functools.partial(offering_document, site, course, index)))
    return out


def left_out(course: Course) -> list[int]:
    """The runs OOAPI cannot carry: a course offering needs an end date."""
    return [i for i, o in enumerate(course.offerings) if o.end is None]


# ---------------------------------------------------------------- documents


def service(site: Site) -> dict:
    return {"contactEmail": site.institution.email, "specification": SPECIFICATION,
            "documentation": DOCUMENTATION}


def organization_document(site: Site) -> dict:
    inst = site.institution
    codes = [{"codeType": "brin", "code": inst.identifiers["brin"]}] if "brin" in inst.identifiers else []
    if "schac_home" in inst.identifiers:
        codes.append({"codeType": "schacHome", "code": inst.identifiers["schac_home"]})
    # An organisation without a BRIN code or SCHAC home is named by the site's address.
    primary, *others = codes or [{"codeType": "identifier", "code": site.base_url}]
    document: dict = {
        "organizationId": routes.ooapi_organization_id(site), "primaryCode": primary,
        "organizationType": "root", "name": strings(site, inst.name),
        "shortName": inst.name.get(site.default_language, "")[:256], "link": inst.url}
    if inst.logo:
        from pathlib import PurePosixPath
        document["logo"] = routes.absolute(site, routes.logo(PurePosixPath(inst.logo).suffix))
    address: dict = {"addressType": "visit", "countryCode": inst.country}
    if inst.locality:
        address["city"] = inst.locality
    document["addresses"] = [address]
    if others:
        document["otherCodes"] = others
    return document


def page(items: list[dict]) -> dict:
    """A collection as the only page there is. More than PAGE_SIZE items (only /courses can hold
    that many) stay on the one page, which says so, rather than a second page no static host serves."""
    return {"pageSize": max(PAGE_SIZE, len(items)), "pageNumber": 1, "hasPreviousPage": False,
            "hasNextPage": False, "totalPages": 1, "items": items}


def course_document(site: Site, family: CourseFamily, overrides: bool = True) -> dict:
    """The course as it is now (its current version), and, in a single course's file, its earlier
    versions as timelineOverrides, the periods RIO keeps."""
    now, earlier = timeline(family)
    document = {"courseId": routes.ooapi_course_id(site, family.current),
                **course_properties(site, family.current, family)}
    if now.valid_from is not None:
        document["validFrom"] = now.valid_from.isoformat()
    if overrides and earlier:
        document["timelineOverrides"] = [_override(p, course_properties(site, p.course, family), "course")
                                         for p in earlier]
    return document


def _override(period: Period, properties: dict, name: str) -> dict:
    assert period.valid_from is not None  # timeline() places only versions that have a start
    override: dict = {"validFrom": period.valid_from.isoformat()}
    if period.valid_to is not None:
        override["validTo"] = period.valid_to.isoformat()
    override[name] = properties
    return override


def course_properties(site: Site, course: Course, family: CourseFamily) -> dict:
    """OOAPI CourseProperties of one version."""
    properties: dict = {
        "primaryCode": {"codeType": "identifier", "code": course.slug},
        "name": strings(site, course.title),
        "abbreviation": _abbreviation(course),
        "description": strings(site, course.summary),
        "teachingLanguage": language_code(course.languages[0]) if course.languages else "",
        "level": LEVELS[course.eqf],
        "studyLoad": {"studyLoadUnit": "ects", "value": course.ects},
        "modeOfDelivery": _modes(course),
    }
    duration = _duration(course)
    if duration:
        properties["duration"] = duration
    start = first_start(course)
    if start is not None:
        properties["firstStartDate"] = start.isoformat()
    properties["learningOutcomes"] = [strings(site, outcome) for outcome in course.outcomes]
    if texts(site, course.prerequisites):
        properties["admissionRequirements"] = strings(site, course.prerequisites)
    assessment = course.assessment_description if texts(site, course.assessment_description) else None
    if assessment:
        properties["assessment"] = strings(site, assessment)
    if course.fields:
        properties["fieldsOfStudy"] = course.fields[0]  # OOAPI holds one ISCED-F code
    properties["link"] = routes.absolute(site, routes.course(site, site.default_language, course))
    properties["educationSpecification"] = routes.ooapi_education_specification_id(site, family.current)
    properties["organization"] = routes.ooapi_organization_id(site)
    if course.course_code:
        properties["otherCodes"] = [{"codeType": "identifier", "code": course.course_code}]
    properties["ext"] = version_ext(site, course)
    if site.rio is not None:
        rio: dict = {"consumerKey": RIO, "educationOffererCode": site.rio.education_offerer_code}
        if site.rio.education_location_code:
            rio["educationLocationCode"] = site.rio.education_location_code
        rio["teachingLanguages"] = list(dict.fromkeys(language_code(t) for t in course.languages))[:3]
        properties["consumers"] = [rio]
    return properties


def education_specification(site: Site, family: CourseFamily) -> dict:
    """What the course teaches, as RIO's opleidingseenheid: every course has one, and versions are periods."""
    now, earlier = timeline(family)
    document = {"educationSpecificationId": routes.ooapi_education_specification_id(site, family.current),
                **_specification_properties(site, family.current)}
    if now.valid_from is not None:
        document["validFrom"] = now.valid_from.isoformat()
    if earlier:
        document["timelineOverrides"] = [
            _override(p, _specification_properties(site, p.course), "educationSpecification") for p in earlier]
    return document


def _specification_properties(site: Site, course: Course) -> dict:
    properties: dict = {
        "primaryCode": {"codeType": "identifier", "code": course.slug},
        "educationSpecificationType": "course",
        "name": strings(site, course.title),
        "abbreviation": _abbreviation(course),
        "formalDocument": "certificate",
        "level": LEVELS[course.eqf],
        "sector": SECTORS[site.institution.sector],
    }
    if course.nlqf in LEVELS_OF_QUALIFICATION:
        properties["levelOfQualification"] = course.nlqf
    if course.fields:
        properties["fieldsOfStudy"] = course.fields[0]
    properties["studyLoad"] = {"studyLoadUnit": "ects", "value": course.ects}
    properties["learningOutcomes"] = [strings(site, outcome) for outcome in course.outcomes]
    properties["link"] = routes.absolute(site, routes.course(site, site.default_language, course))
    properties["organization"] = routes.ooapi_organization_id(site)
    if site.rio is not None:
        properties["consumers"] = [{"consumerKey": RIO}]
    return properties


def offering_document(site: Site, course: Course, index: int, today: dt.date) -> dict:
    """A run of a version as an OOAPI CourseOffering. `today` decides whether RIO sees it open."""
    offering = course.offerings[index]
    assert offering.end is not None  # resources() passes only runs with an end date
    ids = routes.ooapi_offering_ids(site, course)
    document: dict = {
        "offeringId": ids[index],
        "primaryCode": {"codeType": "offeringCode",
                        "code": f"{course.slug}/{course.version}/{offering.start.isoformat()}"},
        "offeringType": "course",
        "name": strings(site, course.title),
        "description": strings(site, course.summary),
        "teachingLanguage": language_code(course.languages[0]) if course.languages else "",
        "modeOfDelivery": _modes(course),
        "resultExpected": True,
    }
    if course.grading is not None and course.grading.scale in RESULT_TYPES:
        document["resultValueType"] = RESULT_TYPES[course.grading.scale]
    if offering.enrol_url:
        document["link"] = offering.enrol_url
    if site.rio is not None:
        document["consumers"] = [{
            "consumerKey": RIO, "registrationStatus": "open" if _open(offering, today) else "closed",
            "requiredPermissionRegistration": "yes" if site.rio.permission_required else "no"}]
    document["startDate"] = offering.start.isoformat()
    document["endDate"] = offering.end.isoformat()
    if offering.application_deadline is not None:
        document["enrollEndDate"] = offering.application_deadline.isoformat()
    location = texts(site, offering.location)
    if location:
        document["addresses"] = [{"addressType": "teaching", "additional": strings(site, offering.location)}]
    if offering.price_eur is not None:
        document["priceInformation"] = [{"costType": "total costs", "amount": amount(offering.price_eur),
                                         "currency": "EUR"}]
    document["course"] = routes.ooapi_course_id(site, course)
    document["organization"] = routes.ooapi_organization_id(site)
    document["ext"] = version_ext(site, course)
    return document


def version_ext(site: Site, course: Course) -> dict:
    """Which version of the course this is, and its Open Badges Achievement: the credentials issued for
    it name that address, so a registry entry and a learner's badge can be matched."""
    return {"version": course.version, "achievement": routes.absolute(site, routes.achievement(course))}


def _open(offering: Offering, today: dt.date) -> bool:
    """Open for enrolment on `today`: until the application deadline, else until the run starts."""
    return today <= (offering.application_deadline or offering.start)


def strings(site: Site, text: Text) -> list[dict]:
    """OOAPI's LanguageTypedString list: one entry per site language the text is given in."""
    return [{"language": lang, "value": value} for lang, value in texts(site, text).items()]


def _abbreviation(course: Course) -> str:
    # RIO keeps 1 to 40 characters as naamKort; the course code is the institution's short name for it.
    return (course.course_code or course.slug)[:40]


def _modes(course: Course) -> list[str]:
    return list(dict.fromkeys(MODES[token] for token in course.participation if token in MODES))


def _duration(course: Course) -> str:
    """How long a run takes (ISO 8601, in days), from the first run that has an end date."""
    for _, offering in with_end(course):
        assert offering.end is not None
        days = (offering.end - offering.start).days + 1
        if days > 0:
            return f"P{days}D"
    return ""


def redirects() -> bytes:
    """Netlify's and Cloudflare Pages' rewrites from the API's request paths to its files (200: the
    address stays). A file that exists is served as it is, so the .json addresses keep working."""
    root = "/" + routes.ooapi_root()
    folder = "/" + routes.OOAPI_FOLDER
    lines = [f"{folder.rstrip('/')} {root} 200", f"{folder} {root} 200", f"{folder}* {folder}:splat.json 200"]
    return ("\n".join(lines) + "\n").encode()

