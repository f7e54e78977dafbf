"""The static OOAPI v5 files: valid against the specification and RIO's profile, served at the API's
request paths by nginx (`try_files $uri $uri.json`) and by the _redirects rules, and walked as RIO's
mapper walks them, to the end."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import http.server
import json
import threading
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from openapi_schema_validator import OAS30Validator

from conftest import SITE_YAML, VENDOR, course_text, site_yaml
from generator import routes
from generator.build.pipeline import build, check, load, verify
from generator.exports import ooapi, validate
from generator.exports.common import registered
from generator.site import outputs

HOST = "https://example-university.github.io"
API = "/microcredentials/ooapi"  # the sample's API, as a registry is given it: the folder, without index.json


# ---------------------------------------------------------------- the specification


def v5_spec() -> dict:
    return json.loads((VENDOR / "ooapi" / "v5-ooapi.json").read_text(encoding="utf-8"))


@functools.cache
def openapi() -> OpenAPI:
    """The v5 specification as openapi-core reads it, with three fixes to the specification itself."""
    spec = v5_spec()
    # 1. The spec's one invalid default: GET /education-specifications gives `sort` the default
    #    [["name"]], a list in a list, which its own schema (an array of strings) refuses, so
    #    openapi-spec-validator rejects the whole file. Its sibling paths say ["name"].
    (sort,) = [p for p in spec["paths"]["/education-specifications"]["get"]["parameters"] if p.get("name") == "sort"]
    assert sort["schema"]["default"] == [["name"]]
    sort["schema"]["default"] = ["name"]
    # 2. Two responses are a `oneOf` without a discriminator whose branches a valid document matches
    #    together, so no document can pass them (test_the_specs_own_oneof_refuses_every_valid_document):
    #    a course offering is also a valid ProgramOffering, and an education specification matches both
    #    "with" and "without timelineOverrides". Each is checked against the branch the site answers with.
    _response(spec, "/offerings/{offeringId}")["schema"] = {"$ref": "#/components/schemas/CourseOffering"}
    _response(spec, "/education-specifications/{educationSpecificationId}")["schema"] = {
        "$ref": "#/components/schemas/EducationSpecificationExpanded"}
    # 3. The server is this site's API, not the specification's demo server.
    spec["servers"] = [{"url": HOST + API}]
    return OpenAPI.from_dict(spec)


def _response(spec: dict, path: str) -> dict:
    return spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]


def request_path(route: str) -> str:
    """The API request path a file answers: ooapi/courses/<id>.json -> /courses/<id>."""
    rest = route.removeprefix(routes.OOAPI_FOLDER).removesuffix(".json")
    return "/" if rest == "index" else "/" + rest


def ooapi_files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted((out / "ooapi").rglob("*")) if p.is_file()}


def test_every_ooapi_file_validates_against_the_v5_response_schema_of_its_path(sample):
    files = ooapi_files(sample.out)
    kinds = {validate.ooapi_kind(route) for route in files}
    assert kinds == {"root", "organization", "courses", "course", "offerings", "offering", "specification"}
    for route, data in files.items():
        request = MockRequest(HOST, "get", API + request_path(route))
        openapi().validate_response(request, MockResponse(data))  # raises on any problem


def test_the_specs_own_oneof_refuses_every_valid_document(sample):
    """Why openapi() names a branch: unpatched, the path's schema refuses a file the branch accepts."""
    spec = v5_spec()
    (sort,) = [p for p in spec["paths"]["/education-specifications"]["get"]["parameters"] if p.get("name") == "sort"]
    sort["schema"]["default"] = ["name"]
    spec["servers"] = [{"url": HOST + API}]
    unpatched = OpenAPI.from_dict(spec)
    content = verify(load(sample.root))
    offering = next(r for r in ooapi.resources(content.site, content.families) if r.origin.offering is not None)
    data = (sample.out / offering.route).read_bytes()
    request = MockRequest(HOST, "get", API + request_path(offering.route))
    with pytest.raises(Exception, match="valid under each of"):
        unpatched.validate_response(request, MockResponse(data))
    openapi().validate_response(request, MockResponse(data))


# ---------------------------------------------------------------- RIO's consumer profile


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2's reading, in which only true and false are booleans: the profiles' enum [yes, no]
    means the words (RIO's JA and NEE), which PyYAML's YAML 1.1 would read as true and false."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", __import__("re").compile(r"^(?:true|false)$"),
                                   list("tf"))


def rio_profile(name: str) -> dict:
    return yaml.load((VENDOR / "ooapi" / f"v5-consumer-RIO-{name}.yaml").read_text(encoding="utf-8"),
                     Loader=Yaml12Loader)


def rio_entries(document: dict) -> list[dict]:
    return [c for c in document.get("consumers", []) if c["consumerKey"] == "rio"]


def test_every_rio_consumer_entry_validates_against_rios_profile(sample):
    files = {route: json.loads(data) for route, data in ooapi_files(sample.out).items()}
    by_kind: dict[str, list[dict]] = {"course": [], "offering": [], "specification": []}
    for route, document in files.items():
        kind = validate.ooapi_kind(route)
        if kind in by_kind:
            by_kind[kind].append(document)
            overrides = document.get("timelineOverrides", [])
            by_kind[kind] += [o.get("course") or o.get("educationSpecification") for o in overrides]
    assert all(len(documents) >= 5 for documents in by_kind.values())

    # The Offering profile is a valid schema: every offering's entry must pass it as published.
    offering = rio_profile("Offering")
    OAS30Validator.check_schema(offering)
    assert offering["properties"]["requiredPermissionRegistration"]["enum"] == ["yes", "no"]
    for document in by_kind["offering"]:
        (entry,) = rio_entries(document)
        OAS30Validator(offering).validate(entry)

    # The Course and EducationSpecification profiles are not valid schemas as published: Course gives
    # `foreignPartners` the items "string" instead of {type: string}, EducationSpecification has an empty
    # `required`. Each entry is checked against the profile without that one keyword, which credsite
    # never writes (should a fixed profile be published, the check_schema calls will say so).
    for name, kind, broken in (("Course", "course", ("properties", "foreignPartners")),
                               ("EducationSpecification", "specification", ("required",))):
        profile = rio_profile(name)
        with pytest.raises(Exception):  # noqa: B017 - jsonschema's SchemaError; which one does not matter
            OAS30Validator.check_schema(profile)
        repaired = copy.deepcopy(profile)
        holder = repaired
        for key in broken[:-1]:
            holder = holder[key]
        del holder[broken[-1]]
        OAS30Validator.check_schema(repaired)
        for document in by_kind[kind]:
            (entry,) = rio_entries(document)
            assert broken[-1] not in entry
            OAS30Validator(repaired).validate(entry)


def test_the_rio_entries_hold_the_codes_from_site_yaml(sample):
    site = verify(load(sample.root)).site
    assert site.rio is not None and site.rio.education_offerer_code == "999A999"
    for route, data in ooapi_files(sample.out).items():
        document = json.loads(data)
        if validate.ooapi_kind(route) == "course":
            (entry,) = rio_entries(document)
            assert entry["educationOffererCode"] == "999A999" and entry["educationLocationCode"] == "999X999"
            assert entry["teachingLanguages"] and all(len(code) == 3 for code in entry["teachingLanguages"])
        if validate.ooapi_kind(route) == "offering":
            (entry,) = rio_entries(document)
            assert entry["requiredPermissionRegistration"] == "no"
            assert entry["registrationStatus"] in ("open", "closed")


# ---------------------------------------------------------------- hosts


class TryFiles(http.server.SimpleHTTPRequestHandler):
    """nginx's `try_files $uri $uri.json $uri/ =404` with `index index.json`, as in SURFeduhub's own
    static test backend: the query string plays no part, and every response names what it sent."""

    extensions_map = {".json": "application/json"}

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.requests.append(self.path)
        path = urllib.parse.urlsplit(self.path).path
        root = Path(self.directory)
        target = root / path.lstrip("/")
        for candidate in (target, target.with_name(target.name + ".json"), target / "index.json"):
            if candidate.is_file() and root in candidate.resolve().parents:
                body = candidate.read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
        self.send_error(404)


@contextmanager
def nginx(folder: Path) -> Iterator[SimpleNamespace]:
    requests: list[str] = []
    handler = functools.partial(type("Handler", (TryFiles,), {"requests": requests}), directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield SimpleNamespace(origin=f"http://127.0.0.1:{server.server_address[1]}", requests=requests)
    finally:
        server.shutdown()
        server.server_close()


def get(origin: str, path: str) -> dict:
    request = urllib.request.Request(origin + path, headers={"Accept": "application/json; version=5"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Type"] == "application/json"
        return json.loads(response.read())


def pages(origin: str, path: str, limit: int = 20) -> list[dict]:
    """Every item of a collection, page after page while the API says there is a next one, as RIO's
    mapper (pageSize=250) and eduXchange do. A static host gives the same page for any pageNumber,
    so a collection that claimed a next page would never end; `limit` turns that into a failure."""
    items, number = [], 1
    while True:
        page = get(origin, f"{path}?pageSize=250&consumer=rio&pageNumber={number}")
        assert page["pageNumber"] == 1 and len(page["items"]) < 250, "RIO's mapper refuses a page of 250 or more"
        items += page["items"]
        if not page["hasNextPage"]:
            return items
        number += 1
        assert number <= limit, f"{path} says it has a next page after {limit} pages: a consumer would never end"


def test_the_rio_mapper_walk_ends_and_reaches_every_published_course(sample):
    content = verify(load(sample.root))
    # Non-formal badges are no registry's business (exports.common.registered): the walk must not reach them.
    families = [f for f in content.families if f.current.is_microcredential]
    published = {(f.current.slug, f.current.version) for f in families if f.current.status == "published"}
    runs = {(c.slug, c.version, o.start.isoformat()) for f in families for c in f.versions
            for o in c.offerings if o.end is not None}
    reached, offerings = set(), set()
    with nginx(sample.out.parent) as server:
        base = "/_site/ooapi"
        get(server.origin, base + "/")  # the service root, as a registry checks the endpoint
        for item in pages(server.origin, base + "/courses"):
            course = get(server.origin, f"{base}/courses/{item['courseId']}?returnTimelineOverrides=true")
            assert course["courseId"] == item["courseId"]
            reached.add((course["primaryCode"]["code"], course["ext"]["version"]))
            spec = get(server.origin, f"{base}/education-specifications/{course['educationSpecification']}"
                                      "?returnTimelineOverrides=true")
            assert spec["primaryCode"] == course["primaryCode"]
            for offering in pages(server.origin, f"{base}/courses/{item['courseId']}/offerings"):
                assert offering["course"] == item["courseId"]
                single = get(server.origin, f"{base}/offerings/{offering['offeringId']}")
                assert single == offering
                offerings.add((course["primaryCode"]["code"], offering["ext"]["version"], offering["startDate"]))
    assert reached == published
    assert offerings == runs


def test_every_request_path_is_served_by_nginx_and_by_the_redirect_rules(sample):
    files = ooapi_files(sample.out)
    rules = [line.split() for line in (sample.out / routes.host_redirects()).read_text().splitlines()]
    assert all(status == "200" for _, _, status in rules)
    with nginx(sample.out) as server:
        for route, data in files.items():
            path = "/" + routes.OOAPI_FOLDER.rstrip("/") + request_path(route).rstrip("/")
            for asked in {path, path + "/"} if route == routes.ooapi_root() else {path}:
                # nginx
                assert get(server.origin, asked + "?pageSize=250") == json.loads(data), asked
                # Netlify and Cloudflare Pages: the first rule that matches a path no file answers.
                assert not (sample.out / asked.lstrip("/")).is_file()
                target = next(_rewrite(to, asked, frm) for frm, to, _ in rules if _matches(frm, asked))
                assert (sample.out / target.lstrip("/")).read_bytes() == data, asked
            # GitHub Pages and every other host: the file's own address
            assert get(server.origin, "/" + route) == json.loads(data)


def _matches(rule: str, path: str) -> bool:
    return path.startswith(rule[:-1]) if rule.endswith("*") else path == rule


def _rewrite(target: str, path: str, rule: str) -> str:
    return target.replace(":splat", path[len(rule) - 1:]) if rule.endswith("*") else target


def test_hosts_serve_every_export_as_its_kind_with_cors(sample):
    content = verify(load(sample.root))
    table = outputs.table(content.site, content.families, content.published, outputs.status_lists_in(sample.root))
    assert outputs.unserved(content.site, table) == []
    headers = (sample.out / routes.host_headers()).read_text()
    for pattern, content_type in (("/ooapi/*", "application/json"), ("/elm/*", "application/ld+json"),
                                  ("/qdr/*", "application/xml")):
        block = headers.split(pattern + "\n", 1)[1].split("\n/", 1)[0]
        assert f"Content-Type: {content_type}" in block and "Access-Control-Allow-Origin: *" in block


# ---------------------------------------------------------------- what the files say


def test_ids_are_uuids_of_the_base_url_and_the_slug_so_they_never_change(sample, tmp_path):
    content = verify(load(sample.root))
    family = content.families[0]
    expected = uuid.uuid5(uuid.NAMESPACE_URL,
                          f"https://example-university.github.io/microcredentials/ooapi/courses/{family.current.slug}")
    assert routes.ooapi_course_id(content.site, family.current) == str(expected)
    assert (sample.out / routes.ooapi_course(str(expected))).is_file()
    # Every version of the course is the same course; another base URL gives other ids.
    for course in family.versions:
        assert routes.ooapi_course_id(content.site, course) == str(expected)
    elsewhere = load(sample.root, base_url="https://mc.example.org/").site
    assert routes.ooapi_course_id(elsewhere, family.current) != str(expected)
    # Runs are named by version and start date, not by their place in the file.
    course = next(c for f in content.families for c in f.versions if len(c.offerings) > 1)
    ids = routes.ooapi_offering_ids(content.site, course)
    swapped = type(course)(**{**course.__dict__, "offerings": tuple(reversed(course.offerings))})
    assert routes.ooapi_offering_ids(content.site, swapped) == list(reversed(ids))


def test_languages_study_load_and_texts_follow_the_course(sample):
    content = verify(load(sample.root))
    for family in registered(content.families):
        course = family.current
        document = json.loads((sample.out / routes.ooapi_course(routes.ooapi_course_id(content.site, course)))
                              .read_bytes())
        assert document["teachingLanguage"] == {"en": "eng", "nl": "nld"}[course.languages[0]]
        assert document["studyLoad"] == {"studyLoadUnit": "ects", "value": course.ects}
        for key, text in (("name", course.title), ("description", course.summary)):
            assert {s["language"]: s["value"] for s in document[key]} == {
                lang: text[lang] for lang in content.site.languages if lang in text}
        assert [{s["language"]: s["value"] for s in outcome} for outcome in document["learningOutcomes"]] == [
            {lang: o[lang] for lang in content.site.languages if lang in o} for o in course.outcomes]
        assert document["ext"]["achievement"].endswith(routes.achievement(course))


def test_earlier_versions_with_runs_are_periods_before_the_current_one():
    from generator.exports.common import timeline
    from generator.model import CourseFamily, Offering

    def version(name: str, *starts: str):
        return SimpleNamespace(version=name, offerings=tuple(
            Offering(dt.date.fromisoformat(s), None, {}, None, "") for s in starts))

    old, older, unrun = version("2024.1", "2024-02-01"), version("2023.1", "2023-02-01", "2023-09-01"), version("x")
    family = CourseFamily(version("2025.1", "2025-09-01", "2025-02-01"), (old, unrun, older))  # type: ignore[arg-type]
    now, earlier = timeline(family)
    assert now.valid_from == dt.date(2025, 2, 1) and now.valid_to is None
    assert [(p.course.version, p.valid_from, p.valid_to) for p in earlier] == [
        ("2023.1", dt.date(2023, 2, 1), dt.date(2024, 2, 1)), ("2024.1", dt.date(2024, 2, 1), dt.date(2025, 2, 1))]


# ---------------------------------------------------------------- what the build checks


def test_the_build_check_passes_the_sample(sample):
    content = verify(load(sample.root))
    files = {p.relative_to(sample.out).as_posix(): p.read_bytes() for p in sample.out.rglob("*") if p.is_file()}
    assert validate.problems(content.site, content.families, files) == []


def test_a_bad_value_in_an_ooapi_file_names_the_course_file_and_field(sample):
    content = verify(load(sample.root))
    family = next(f for f in content.families if f.current.offerings)
    course_route = routes.ooapi_course(routes.ooapi_course_id(content.site, family.current))
    document = json.loads((sample.out / course_route).read_bytes())
    document["teachingLanguage"] = "en"
    document["learningOutcomes"][1][0]["language"] = "EN"
    offering_id = routes.ooapi_offering_ids(content.site, family.current)[0]
    offering = json.loads((sample.out / routes.ooapi_offering(offering_id)).read_bytes())
    offering["endDate"] = "next year"
    files = {course_route: json.dumps(document).encode(),
             routes.ooapi_offering(offering_id): json.dumps(offering).encode()}
    found = {(p.path, p.field) for p in validate.problems(content.site, content.families, files)}
    source = family.current.source
    assert found == {(source, "language"), (source, "learning_outcomes[1]"), (source, "offerings[0].end")}


def test_every_language_a_course_may_name_has_an_iso_639_3_code():
    """OOAPI's teachingLanguage and the EU's language table need one; the content stage's tags all have it."""
    from babel import Locale

    from generator.content.language_tags import language_tag_problem
    from generator.exports.common import eu_language, language_code

    accepted = [tag for tag in Locale.parse("en").languages if language_tag_problem(tag) is None]
    assert len(accepted) > 400
    assert [tag for tag in accepted if not language_code(tag)] == []
    assert (language_code("nl-BE"), language_code("fy"), eu_language("en-GB")) == (
        "nld", "fry", "http://publications.europa.eu/resource/authority/language/ENG")


def test_a_language_without_a_code_would_fail_naming_the_field(make_site):
    """Should a tag without an ISO 639-3 code get past the content stage, the build names it."""
    import dataclasses

    from generator.model import CourseFamily

    content = load(make_site())
    course = dataclasses.replace(content.families[0].current, languages=("en", "i-klingon"))
    problems = validate.content_problems(content.site, [CourseFamily(course)])
    assert [(p.path, p.field, p.is_error) for p in problems] == [
        ("content/courses/testing-things.md", "language[1]", True)]


def test_a_run_without_an_end_date_is_left_out_with_a_warning(make_site):
    runs = "offerings:\n  - {start: 2026-09-01, end: 2026-12-01}\n  - {start: 2027-02-01}\nquality_assurance:"
    root = make_site({"content/courses/testing-things.md": course_text(**{"quality_assurance:": runs})},
                     site_yaml=site_yaml(**{"  country: NL": "  country: NL\n  email: mc@uni.example.org"}))
    content = verify(load(root))
    assert content.ok, [str(p) for p in content.problems]
    (problem,) = validate.content_problems(content.site, content.families)
    assert (problem.path, problem.field, problem.severity) == (
        "content/courses/testing-things.md", "offerings[1].end", "warning")
    resources = ooapi.resources(content.site, content.families)
    assert len([r for r in resources if r.origin.offering is not None]) == 1


def test_more_runs_than_rio_reads_is_an_error(make_site):
    runs = "".join(f"  - {{start: {dt.date(2000, 1, 1) + dt.timedelta(days=i)}, "
                   f"end: {dt.date(2000, 1, 2) + dt.timedelta(days=i)}}}\n" for i in range(250))
    root = make_site({"content/courses/testing-things.md": course_text(
        **{"quality_assurance:": "offerings:\n" + runs + "quality_assurance:"})},
        site_yaml=site_yaml(**{"  country: NL": "  country: NL\n  email: mc@uni.example.org"}))
    content = verify(load(root))
    assert content.ok, [str(p) for p in content.problems][:3]
    problems = validate.content_problems(content.site, content.families)
    assert [(p.field, p.is_error) for p in problems] == [("offerings", True)]
    assert "at most 249" in problems[0].message


def test_the_build_and_check_report_export_problems_and_an_error_keeps_the_old_output(make_site, tmp_path):
    """The exports are checked where everything else is: a build with too many runs fails, naming the course."""
    email = site_yaml(**{"  country: NL": "  country: NL\n  email: mc@uni.example.org"})
    root = make_site(site_yaml=email)
    out = tmp_path / "_site"
    assert build(root, out).ok
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    runs = "".join(f"  - {{start: {dt.date(2000, 1, 1) + dt.timedelta(days=i)}, "
                   f"end: {dt.date(2000, 1, 2) + dt.timedelta(days=i)}}}\n" for i in range(250))
    (root / "content/courses/testing-things.md").write_text(course_text(
        **{"quality_assurance:": "offerings:\n" + runs + "quality_assurance:"}), encoding="utf-8")

    result = build(root, out)
    assert not result.ok
    assert [(p.path, p.field) for p in result.problems if p.is_error] == [
        ("content/courses/testing-things.md", "offerings")]
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before
    checked = check(root)
    assert [(p.path, p.field) for p in checked.problems if p.is_error] == [
        ("content/courses/testing-things.md", "offerings")]


def test_without_a_contact_address_the_api_is_not_published(make_site):
    root = make_site()  # the test site.yaml gives no institution.email, which OOAPI's service root needs
    content = verify(load(root))
    assert content.ok and not content.site.institution.email
    table = outputs.table(content.site, content.families, content.published, [])
    kinds = {o.kind for o in table}
    assert outputs.Kind.OOAPI not in kinds and {outputs.Kind.ELM, outputs.Kind.QDR} <= kinds
    assert routes.host_redirects() not in {o.route for o in table}


# ---------------------------------------------------------------- site.yaml


@pytest.mark.parametrize("rio, field, message", [
    ("rio:\n  education_offerer_code: 12A345\n", "rio.education_offerer_code", "'12A345' is not valid"),
    ("rio:\n  education_location_code: 123X456\n", "rio.education_offerer_code", "missing"),
    ("rio:\n  education_offerer_code: 123A456\n  education_location_code: 123A456\n",
     "rio.education_location_code", "'123A456' is not valid"),
    ("rio:\n  education_offerer_code: 123A456\n  permission_required: maybe\n", "rio.permission_required",
     "expected true or false"),
    ("rio:\n  education_offerer: 123A456\n", "rio.education_offerer", "unknown field"),
], ids=["offerer-form", "offerer-missing", "location-form", "consent-not-boolean", "unknown-key"])
def test_the_rio_codes_in_site_yaml_are_checked(make_site, rio, field, message):
    loaded = load(make_site(site_yaml=SITE_YAML + rio))
    errors = [p for p in loaded.problems if p.is_error]
    assert any(p.path == "content/site.yaml" and p.field == field and message in p.message for p in errors), \
        [str(p) for p in errors]


def test_valid_rio_codes_reach_the_site(make_site):
    site = load(make_site(site_yaml=SITE_YAML + 'rio:\n  education_offerer_code: "123A456"\n'
                                                "  permission_required: true\n")).site
    assert site.rio is not None
    assert (site.rio.education_offerer_code, site.rio.education_location_code, site.rio.permission_required) == (
        "123A456", "", True)


def test_the_issuer_page_lists_the_exports_in_every_language(sample):
    import lxml.html

    for page, label in (("issuer/index.html", "Course offer for RIO and eduXchange (OOAPI v5)"),
                        ("nl/issuer/index.html", "Cursusaanbod voor RIO en eduXchange (OOAPI v5)")):
        document = lxml.html.document_fromstring((sample.out / page).read_bytes())
        terms = [" ".join(term.text_content().split()) for term in document.iter("dt")]
        assert label in terms, terms
        links = {a.get("href") for a in document.iter("a")}
        depth = "../" * page.count("/")
        for route in (routes.ooapi_root(), routes.elm_index(), routes.qdr_upload()):
            assert depth + route in links, (page, route, sorted(links))
            assert (sample.out / route).is_file()
