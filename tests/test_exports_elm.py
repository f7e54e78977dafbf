"""The ELM 3 LearningOpportunity of each course version: conforms to the EU's EDC and LOQ SHACL shapes,
read with nothing but the document itself (its context is inline), and carries every element the issue
lists; a broken course fails the build naming its field."""

from __future__ import annotations

import copy
import dataclasses
import functools
import json
from pathlib import Path

import pytest
from pyshacl import validate as shacl
from rdflib import Graph
from rdflib.compare import isomorphic

from conftest import ROOT, VENDOR, course_text
from generator import routes
from generator.build.pipeline import build, load, verify
from generator.content import vocab
from generator.exports import elm, validate
from generator.model import CourseFamily
from generator.problems import Code

SNB = "http://data.europa.eu/snb/"


@functools.cache
def edc_shapes() -> Graph:
    """EDC's structural shapes and its controlled-vocabulary constraints, which hold only with each other."""
    shapes = Graph()
    shapes.parse(VENDOR / "elm" / "EDC-generic-no-cv.ttl", format="turtle")
    shapes.parse(VENDOR / "elm" / "EDC-generic-full.ttl", format="turtle")
    return shapes


# Three of LOQ's checks of a web address are Java regular expressions that Python's `re` (pyshacl's)
# cannot compile: an IPv6 literal as class unions with \p{L}, \p{Nl} and \p{Nd} inside, and once an
# inline flag after "^". Written in Python's syntax they say the same: the classes flat, \w for
# "letter or number", the flag first.
JAVA_IPV6 = r"(\\[[[A-Fa-f0-9]\\:\\.]*[%[\\p{L}\\p{Nl}\\p{Nd}]]*\\]"
PYTHON_IPV6 = r"(\\[[A-Fa-f0-9:.]*[%\\w]*\\]"
JAVA_FLAG, PYTHON_FLAG = '"^(?i)', '"(?i)^'


@functools.cache
def loq_shapes() -> Graph:
    text = (VENDOR / "elm" / "LOQ-constraints.ttl").read_text(encoding="utf-8")
    assert text.count(JAVA_IPV6) == 3 and text.count("\\p{") == 9 and text.count(JAVA_FLAG) == 1
    text = text.replace(JAVA_IPV6, PYTHON_IPV6).replace(JAVA_FLAG, PYTHON_FLAG)
    shapes = Graph()
    shapes.parse(data=text, format="turtle")
    return shapes


def graph(document: dict) -> Graph:
    data = Graph()
    data.parse(data=json.dumps(document), format="json-ld")
    return data


def conformance(document: dict) -> dict[str, list[str]]:
    """Each profile's violation messages for `document` (empty lists: it conforms)."""
    data = graph(document)
    found = {}
    for name, shapes in (("EDC", edc_shapes()), ("LOQ", loq_shapes())):
        conforms, _, text = shacl(data, shacl_graph=shapes, inference="none", allow_warnings=True)
        found[name] = [] if conforms else [line.strip() for line in text.splitlines() if "Message:" in line]
    return found


def elm_files(out: Path) -> dict[str, dict]:
    return {p.relative_to(out).as_posix(): json.loads(p.read_bytes()) for p in sorted((out / "elm").rglob("*.jsonld"))}


def test_every_elm_document_conforms_to_the_edc_and_loq_shapes_offline(sample, no_network):
    content = verify(load(sample.root))
    documents = elm_files(sample.out)
    # Every version of every microcredential; a non-formal badge gets none (exports.common.registered).
    versions = {routes.elm_learning_opportunity(c) for f in content.families for c in f.versions
                if c.is_microcredential}
    assert set(documents) == versions | {routes.elm_index()}
    for route in sorted(versions):
        assert conformance(documents[route]) == {"EDC": [], "LOQ": []}, route
    # The index says what the documents say, in one graph a harvester reads with one request.
    together = Graph()
    for route in versions:
        together.parse(data=json.dumps(documents[route]), format="json-ld")
    assert isomorphic(graph(documents[routes.elm_index()]), together)
    assert no_network == []


def test_the_shapes_do_catch_what_the_build_must_refuse(sample):
    """Not a vacuous check: a document without its EQF level or with a field outside ISCED-F fails."""
    content = verify(load(sample.root))
    course = next(c for f in content.families for c in f.versions if c.nlqf)
    document = json.loads((sample.out / routes.elm_learning_opportunity(course)).read_bytes())
    no_eqf = copy.deepcopy(document)
    del no_eqf["learningAchievementSpecification"]["eqfLevel"]
    assert any("EQFLevel" in m for m in conformance(no_eqf)["LOQ"])
    elsewhere = copy.deepcopy(document)
    elsewhere["learningAchievementSpecification"]["thematicArea"][0]["inScheme"]["id"] = "https://example.org/fields"
    assert any("ThematicAreaRestriction" in m for m in conformance(elsewhere)["EDC"])


def test_a_course_without_an_nlqf_level_is_a_learning_achievement_specification(make_site):
    content = verify(load(make_site()))
    (family,) = content.families
    assert not family.current.nlqf
    document = elm.standalone(elm.learning_opportunity(content.site, family.current))
    spec = document["learningAchievementSpecification"]
    assert spec["type"] == "LearningAchievementSpecification" and "eqfLevel" not in spec
    assert [level["id"] for level in spec["educationLevel"]] == [SNB + "eqf/6"]
    assert conformance(document) == {"EDC": [], "LOQ": []}


def test_each_document_carries_the_elements_of_the_course(sample):
    content = verify(load(sample.root))
    site = content.site
    for course in elm.described(content.families):
        document = json.loads((sample.out / routes.elm_learning_opportunity(course)).read_bytes())
        spec = document["learningAchievementSpecification"]
        given = {lang: course.title[lang] for lang in site.languages if lang in course.title}
        assert document["title"] == spec["title"] == given and len(given) == 2
        assert document["description"] == {lang: course.summary[lang] for lang in site.languages}
        assert spec["eqfLevel"]["id"] == SNB + f"eqf/{course.eqf}"
        assert spec["nqfLevel"][0]["id"] == vocab.NLQF_LEVELS[int(course.nlqf)].uri
        assert [a["id"] for a in spec["thematicArea"]] == [SNB + f"isced-f/{code}" for code in course.fields]
        assert spec["creditPoint"][0]["point"] == elm.points(course.ects)
        assert spec["creditPoint"][0]["framework"]["id"] == vocab.CREDIT_SYSTEMS["ECTS"].uri
        assert spec["volumeOfLearning"] == f"PT{course.hours}H"
        assert len(spec["learningOutcome"]) == len(course.outcomes)
        assert [m["id"] for m in spec["mode"]] == [vocab.PARTICIPATION_MODES[t].uri for t in course.participation]
        assert [lang["id"].rsplit("/", 1)[1] for lang in spec["language"]] == [
            {"en": "ENG", "nl": "NLD"}[tag] for tag in course.languages]
        assert spec["entryRequirement"]["noteLiteral"] == dict(course.prerequisites)
        (assessment,) = spec["provenBy"]
        assert [p["dcType"]["id"] for p in assessment["hasPart"]] == [
            vocab.ASSESSMENT_TYPES[t].uri for t in course.assessment_types]
        framework = vocab.QA_FRAMEWORKS[course.qa_framework]
        assert framework.name in spec["additionalNote"][0]["noteLiteral"]["en"]
        assert spec["supplementaryDocument"][0]["contentURL"] == framework.url
        assert document["providedBy"][0]["id"] == routes.issuer_did(site)


def test_the_inline_context_is_the_edc_contexts_own_definitions(sample):
    edc = json.loads((VENDOR / "elm" / "edc-ap-context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert (ROOT / "generator" / "data" / "elm" / "edc-ap-context.jsonld").read_bytes() == \
        (VENDOR / "elm" / "edc-ap-context.jsonld").read_bytes()
    # credsite adds only what EDC leaves to the credentials context (id, type) and defaultLanguage, which
    # LOQ requires and the EDC context lacks; the ELM ontology names it elm:defaultLanguage.
    assert not set(elm.ADDED_TERMS) & set(edc)
    for route, document in elm_files(sample.out).items():
        context = document["@context"]
        assert {term: definition for term, definition in context.items() if term not in elm.ADDED_TERMS} == {
            term: edc[term] for term in context if term not in elm.ADDED_TERMS}, route
        assert elm.undefined_terms(document) == [], route


# ---------------------------------------------------------------- what the build refuses


@pytest.mark.parametrize("change, field", [
    ({"level:\n  eqf: 6\n": ""}, "level"),
    ({"  eqf: 6": "  eqf: 9"}, "level.eqf"),
    ({'field_of_study: ["0613"]': 'field_of_study: ["0614"]'}, "field_of_study[0]"),
], ids=["level-removed", "eqf-unknown", "isced-unknown"])
def test_a_broken_course_fails_the_build_naming_its_field(make_site, tmp_path, change, field):
    root = make_site({"content/courses/testing-things.md": course_text(**change)})
    result = build(root, tmp_path / "out")
    assert not result.ok and not result.written and not (tmp_path / "out").exists()
    errors = [p for p in result.problems if p.is_error]
    assert [(p.path, p.field) for p in errors] == [("content/courses/testing-things.md", field)], \
        [str(p) for p in errors]


def test_the_build_check_names_the_course_file_and_field_of_a_bad_elm_value(sample):
    content = verify(load(sample.root))
    course = next(c for f in content.families for c in f.versions if c.nlqf and len(c.fields) > 1)
    route = routes.elm_learning_opportunity(course)
    document = json.loads((sample.out / route).read_bytes())
    spec = document["learningAchievementSpecification"]
    del spec["eqfLevel"]
    spec["thematicArea"][1]["id"] = SNB + "isced-f/0614"  # no such field in ISCED-F 2013
    spec["learningOutcome"] = []
    problems = validate.problems(content.site, content.families, {route: json.dumps(document).encode()})
    assert {(p.path, p.field) for p in problems} == {
        (course.source, "level.eqf"), (course.source, "field_of_study[1]"), (course.source, "learning_outcomes")}
    # A term the document's context does not define would be dropped by any JSON-LD processor: a bug.
    document = json.loads((sample.out / route).read_bytes())
    document["learningAchievementSpecification"]["stackable"] = True
    (problem,) = validate.problems(content.site, content.families, {route: json.dumps(document).encode()})
    assert problem.code is Code.BUG and "stackable" in problem.message


def test_a_version_taught_in_a_language_without_eu_code_is_refused_by_the_build_check(make_site):
    content = load(make_site())
    course = dataclasses.replace(content.families[0].current, languages=("i-klingon",))
    route = routes.elm_learning_opportunity(course)
    document = elm.standalone(elm.learning_opportunity(content.site, course))
    problems = validate.problems(content.site, [CourseFamily(course)], {route: json.dumps(document).encode()})
    assert {p.field for p in problems} == {"language[0]"}
