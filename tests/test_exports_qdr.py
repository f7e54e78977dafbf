"""The Europass QDR upload (qdr/loq.xml) is valid for the EU's loq.xsd, describes the courses on offer
with the ids of their ELM documents, and a bad value in it names the course file and field. Also: the
standards' files the build ships are the copies their sources.json names."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, VENDOR
from generator import routes
from generator.build.pipeline import load, verify
from generator.exports import elm, qdr, validate
from generator.exports.common import offered, registered

DATA = ROOT / "generator" / "data"
LOQ = "{http://data.europa.eu/snb/model/ap/loq-constraints/}"


def loq_schema() -> etree.XMLSchema:
    """loq.xsd as the EU publishes it, with the schemas it includes and imports beside it: the build's
    own copy, whose files test_the_shipped_standards_files_are_the_copies_their_sources_name checks
    byte for byte. A parser without network access fails should any of them name a remote schema."""
    parser = etree.XMLParser(no_network=True)
    return etree.XMLSchema(etree.parse(str(DATA / "elm" / "loq" / "loq.xsd"), parser))


def test_the_upload_is_valid_for_loq_xsd(sample, no_network):
    document = etree.parse(str(sample.out / routes.qdr_upload()))
    schema = loq_schema()
    assert schema.validate(document), [str(e) for e in schema.error_log][:5]
    assert no_network == []


def test_the_upload_holds_every_course_on_offer_with_its_elm_ids(sample):
    content = verify(load(sample.root))
    root = etree.parse(str(sample.out / routes.qdr_upload())).getroot()
    opportunities = root.findall(f"{LOQ}learningOpportunityReferences/{LOQ}learningOpportunity")
    # The courses on offer, but no non-formal badge: QDR records recognised education (exports.common.registered).
    expected = [elm.url(content.site, f.current) for f in offered(registered(content.families))]
    assert [o.get("id") for o in opportunities] == expected
    assert {o.get("id") for o in opportunities} <= {elm.url(content.site, c) for f in content.families
                                                   for c in f.versions}
    specs = root.find(f"{LOQ}learningAchievementSpecificationReferences")
    assert [s.get("id") for s in specs] == [url + "#specification" for url in expected]
    assert {etree.QName(s).localname for s in specs} == {"qualification"}  # every sample course has an NLQF level
    # The institution once, as the provider every learning opportunity names.
    (organisation,) = root.findall(f"{LOQ}agentReferences/{LOQ}organisation")
    assert organisation.get("id") == routes.issuer_did(content.site)
    assert {o.find(f"{LOQ}providedBy").get("idref") for o in opportunities} == {organisation.get("id")}
    # Titles in every language; a note (one language only in loq.xsd) in the default language.
    first = content.families[0].current
    titles = {t.get("language"): t.text for t in opportunities[0].findall(f"{LOQ}title")}
    assert titles == dict(first.title)
    notes = specs[0].findall(f"{LOQ}entryRequirement/{LOQ}noteLiteral")
    assert [n.get("language") for n in notes] == [content.site.default_language]


def test_a_withdrawn_course_leaves_the_upload(sample):
    content = verify(load(sample.root))
    family = content.families[0]
    withdrawn = type(family)(type(family.current)(**{**family.current.__dict__, "status": "withdrawn"}),
                             family.archived)
    data = qdr.upload(content.site, [withdrawn, *content.families[1:]])
    root = etree.fromstring(data)
    ids = [o.get("id") for o in root.iter(f"{LOQ}learningOpportunity")]
    assert elm.url(content.site, family.current) not in ids and len(ids) == len(registered(content.families)) - 1
    assert loq_schema().validate(root)


def test_a_course_without_a_field_of_study_leaves_the_upload_with_a_warning(sample):
    """field_of_study is optional in a course file, but loq.xsd requires an ISCED-F code."""
    content = verify(load(sample.root))
    family = content.families[0]
    fieldless = type(family)(type(family.current)(**{**family.current.__dict__, "fields": ()}), family.archived)
    families = [fieldless, *content.families[1:]]
    root = etree.fromstring(qdr.upload(content.site, families))
    ids = [o.get("id") for o in root.iter(f"{LOQ}learningOpportunity")]
    on_offer = offered(registered(content.families))
    assert elm.url(content.site, family.current) not in ids and len(ids) == len(on_offer) - 1
    assert loq_schema().validate(root)
    (problem,) = validate.content_problems(content.site, families)
    assert (problem.path, problem.field, problem.severity) == (family.current.source, "field_of_study", "warning")


def test_a_bad_value_in_the_upload_names_the_course_file_and_field(sample):
    content = verify(load(sample.root))
    course = next(f.current for f in offered(content.families) if len(f.current.fields) > 1)
    data = (sample.out / routes.qdr_upload()).read_bytes()
    wrong = data.replace(f'uri="http://data.europa.eu/snb/isced-f/{course.fields[1]}"'.encode(),
                         b'uri="http://data.europa.eu/snb/isced-f/0614"', 1)
    assert wrong != data and not loq_schema().validate(etree.fromstring(wrong))
    problems = validate.problems(content.site, content.families, {routes.qdr_upload(): wrong})
    assert {(p.path, p.field) for p in problems} == {(course.source, "field_of_study")}
    assert all("loq.xsd" in p.message for p in problems)


# ---------------------------------------------------------------- the files the build ships


@pytest.mark.parametrize("area", ["elm", "ooapi"])
def test_the_shipped_standards_files_are_the_copies_their_sources_name(area):
    folder = DATA / area
    sources = json.loads((folder / "sources.json").read_text(encoding="utf-8"))
    held = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert held == sorted([*(entry["file"] for entry in sources), "sources.json"])
    for entry in sources:
        data = (folder / entry["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["file"]
        assert entry["origin"] == (f"https://raw.githubusercontent.com/{entry['repository']}/{entry['commit']}/"
                                   f"{entry['path']}")
        assert entry["licence"] and entry["used_by"]
        vendored = VENDOR / area / Path(entry["file"]).name
        if vendored.is_file():  # the tests' reference copy, where they have one, is the same file
            assert vendored.read_bytes() == data, entry["file"]
