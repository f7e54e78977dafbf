"""The content stage's typed results, and the inputs that used to crash it.

Each crash case below raised a traceback (OverflowError, ValueError, struct.error)
before it was found by typing the number readers; now it is a Problem that
names the file, the field and the fix.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

from conftest import course_text
from generator.content import yamlsource
from generator.content.config import load_site
from generator.content.courses import load_courses
from generator.content.images import png_problem
from generator.content.reader import FieldReader
from generator.model import Course, Site
from generator.problems import Problem

F = "content/courses/testing-things.md"
HUGE = "9" * 400  # a whole number no float holds
HEX = "0x" + "f" * 4000  # more decimal digits than Python will print


def load(folder) -> tuple[Site, list[Course], list[Problem]]:
    problems: list[Problem] = []
    site = load_site(folder, problems)
    assert site is not None, [str(p) for p in problems]
    courses = [f.current for f in load_courses(site, problems)]
    return site, courses, problems


def messages(make_site, **change: str) -> list[str]:
    return [str(p) for p in load(make_site({F: course_text(**change)}))[2]]


@pytest.mark.parametrize("change, expected", [
    ({"  eqf: 6": f"  eqf: {HUGE}"},
     f"{F}:12: level.eqf: is a number too large to use; write the intended value, e.g. 'eqf: 4'"),
    ({"  hours: 112": f"  hours: {HUGE}"},
     f"{F}:10: workload.hours: is a number too large to use; write the intended value, e.g. 'hours: 4'"),
    ({"  ects: 4": f"  ects: {HUGE}", "  hours: 112\n": ""},
     f"{F}:9: workload.ects: is a number too large to use; write the intended value, e.g. 'ects: 4'"),
    ({"  ects: 4": f"  ects: -{HUGE}", "  hours: 112\n": ""},
     f"{F}:9: workload.ects: is a number too large to use; write the intended value, e.g. 'ects: 4'"),
], ids=["eqf", "hours", "ects", "negative-ects"])
def test_a_number_too_large_for_a_float_is_a_problem_not_a_crash(make_site, change, expected):
    assert messages(make_site, **change) == [expected]


def test_a_huge_price_is_a_problem_not_a_crash(make_site):
    offering = f"offerings:\n  - {{start: 2026-09-01, price_eur: {HUGE}}}\nquality_assurance:"
    assert messages(make_site, **{"quality_assurance:": offering}) == [
        f"{F}:24: offerings[0].price_eur: is a number too large to use; "
        "write the intended value, e.g. 'price_eur: 4'"]


@pytest.mark.parametrize("nlqf", ["²", "9" * 5000], ids=["superscript", "5000-digits"])
def test_an_nlqf_level_of_digits_int_cannot_read_is_a_problem_not_a_crash(make_site, nlqf):
    assert messages(make_site, **{"  eqf: 6": f'  eqf: 6\n  nlqf: "{nlqf}"'}) == [
        f"{F}:13: level.nlqf: '{nlqf}' is not an NLQF level; use entry, 1 to 8, or \"4+\""]


def test_only_ascii_digits_name_an_nlqf_level(make_site):
    # str.isdigit() holds for '٣' (Arabic-Indic 3) too, which used to be published as NLQF 3.
    assert messages(make_site, **{"  eqf: 6": '  eqf: 6\n  nlqf: "٣"'}) == [
        f"{F}:13: level.nlqf: '٣' is not an NLQF level; use entry, 1 to 8, or \"4+\""]
    _, [course], _ = load(make_site({F: course_text(**{"  eqf: 6": '  eqf: 6\n  nlqf: "6"'})}))
    assert course.nlqf == "6"


@pytest.mark.parametrize("change, field", [
    ({'version: "2026.1"': f"version: {HEX}"}, "version"),
    ({"status: published": f"status: {HEX}"}, "status"),
    ({"  eqf: 6": f"  eqf: 6\n  nlqf: {HEX}"}, "level.nlqf"),
    ({"language: [en]": f"language: [{HEX}]"}, "language[0]"),
], ids=["version", "status", "nlqf", "language"])
def test_a_hexadecimal_number_too_long_to_print_is_kept_as_text(make_site, change, field):
    problems = messages(make_site, **change)
    assert len(problems) == 1 and problems[0].startswith(f"{F}:") and f": {field}: '0xfff" in problems[0]


def test_yaml_keeps_an_unprintable_number_as_the_text_written():
    value = yamlsource.parse(f"a: {HEX}").data["a"]
    assert isinstance(value, yamlsource.InvalidScalar) and value == HEX
    assert value.reason == "the number has too many digits"
    assert yamlsource.parse("a: 0xff").data == {"a": 255}


@pytest.mark.parametrize("trailing", [b"\0", b"\0\0", b"\0\0\0"])
def test_a_png_with_a_few_stray_bytes_at_its_end_is_refused_not_a_crash(trailing):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "PNG")
    assert png_problem(buffer.getvalue()) == ""
    assert png_problem(buffer.getvalue() + trailing) == "is not a readable PNG image; export it again as PNG"


# --- typed results --------------------------------------------------------------


@pytest.mark.parametrize("change, ects, hours, eqf", [
    ({}, 4, 112, 6),
    ({"  ects: 4": "  ects: 4.5", "  hours: 112\n": ""}, 4.5, 126, 6),
    ({"  hours: 112": "  hours: 112.0", "  eqf: 6": "  eqf: 6.0"}, 4, 112, 6),
], ids=["as-written", "hours-from-ects", "whole-floats"])
def test_hours_and_eqf_are_whole_numbers(make_site, change, ects, hours, eqf):
    _, [course], problems = load(make_site({F: course_text(**change)}))
    assert problems == []
    assert (course.ects, course.hours, course.eqf) == (ects, hours, eqf)
    assert type(course.hours) is int and type(course.eqf) is int


def test_ects_keeps_the_form_it_was_written_in(make_site):
    # The Achievement prints credits as written, so a whole number must not turn into 4.0.
    _, [course], _ = load(make_site())
    assert type(course.ects) is int


def reader(yaml_text: str, problems: list[Problem]) -> FieldReader:
    located = yamlsource.parse_mapping(yaml_text, "x.yaml", problems, 1, "", "")
    assert located is not None
    return FieldReader("x.yaml", located, ("en",), problems)


def test_whole_number_returns_an_int_or_reports_why_not():
    problems: list[Problem] = []
    r = reader("a: 6\nb: 6.0\nc: 6.5\nd: six\n", problems)
    assert [r.whole_number((key,)) for key in "abcde"] == [6, 6, None, None, None]
    assert [str(p) for p in problems] == [
        "x.yaml:3: c: 6.5 is not a whole number; round it to a whole number",
        "x.yaml:4: d: expected a whole number, got text 'six'; write it without quotes or units, e.g. 'd: 4'",
    ]
