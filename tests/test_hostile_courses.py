"""Every field of a course file, replaced by hostile values: a clear error or a successful check.

The walk starts from COMPLETE, a valid course that holds every field of the course format. Each
field (nested mappings, list items and the language keys of texts included) is deleted and
replaced by {}, [], null, "" and values of the wrong type; `credsite check` must then either pass
or exit with the input-error status, every error naming the course file, its line and a field at
or around the one changed. It must never crash (exit 70, a traceback).

Two stricter rules come from docs/course-format.md: a field whose `required` column says `yes`
must give an error when it is deleted or left empty, and a mapping of fields (workload,
offerings[0], ...) written empty must give an error instead of being skipped silently.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

import pytest
import yaml

from conftest import ROOT, run
from generator.build.pipeline import Content, load
from generator.commands.common import EXIT_INPUT
from generator.model import CourseFamily

F = "content/courses/testing-things.md"
LANGUAGES = ("en", "nl")  # the test site's languages (conftest.SITE_YAML)
DOCS = ROOT / "docs" / "course-format.md"


def text(en: str, nl: str) -> dict[str, str]:
    return {"en": en, "nl": nl}


COMPLETE: dict[str, Any] = {
    "id": "testing-things",
    "version": "2026.1",
    "status": "published",
    "kind": "microcredential",
    "title": text("Testing Things Well", "Goed testen"),
    "summary": text("A short course about testing.", "Een korte cursus over testen."),
    "language": ["en", "nl"],
    "awarding_body": {"unit": text("Faculty of Tests", "Faculteit Testen")},
    "workload": {"ects": 4, "hours": 112},
    "level": {"eqf": 6, "nlqf": 6},
    "field_of_study": ["0613"],
    "learning_outcomes": [text("Write tests that can fail.", "Tests schrijven die kunnen falen."),
                          text("Read a failing test calmly.", "Een falende test rustig lezen."),
                          text("Fix the code, not the test.", "De code repareren, niet de test.")],
    "skills": [{"uri": "http://data.europa.eu/esco/skill/7dd94ad3-13d6-43fe-8b94-51fcbf67ced9",
                "label": text("think critically", "kritisch denken")}],
    "assessment": {"types": ["written_exam"], "description": text("A written exam.", "Een schriftelijke toets."),
                   "supervision": "supervised_with_id_check", "grading": {"scale": "nl-1-10", "pass": "5.5"}},
    "participation": ["online"],
    "quality_assurance": {"framework": "kwaliteitskader-ho", "type": "institutional", "experimental_space": False},
    "prerequisites": text("A laptop.", "Een laptop."),
    "target_group": text("Software testers.", "Softwaretesters."),
    "stackability": {"stackable": True, "towards": [{"title": text("Master of Tests", "Master Testen"),
                                                     "url": "https://www.uni.example.org/master"}]},
    "further_information": "https://www.uni.example.org/tests",
    "codes": {"course_code": "TT-01"},
    "tags": ["testing"],
    "contact": {"name": "Ann Example", "email": "ann@uni.example.org", "url": "https://www.uni.example.org/ann"},
    "offerings": [{"start": dt.date(2026, 9, 1), "end": dt.date(2026, 10, 1),
                   "application_deadline": dt.date(2026, 8, 1), "location": text("Online", "Online"),
                   "price_eur": 450, "enrol_url": "https://www.uni.example.org/enrol"}],
    "credential": {"valid_for": "P5Y"},
    "image": "images/badge.svg",
}
BADGE = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><circle cx="200" cy="200" r="190"/></svg>\n'

KeyPath = tuple[str | int, ...]  # ("offerings", 0, "start")


def field_paths(value: Any, path: KeyPath = ()) -> list[KeyPath]:
    """Every key path below `value`, parents before their children."""
    out: list[KeyPath] = []
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        out.append(path + (key,))
        out += field_paths(child, path + (key,))
    return out


def dotted(path: KeyPath) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(path))


def schema_name(path: KeyPath) -> str:
    """`offerings[].start` for ('offerings', 0, 'start'): the name docs and sample files share."""
    return "".join("[]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(path))


def value_at(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data[part]
    return data


def is_text(value: Any) -> bool:
    """Text per language ({en: ..., nl: ...}), as opposed to a mapping of fields."""
    return isinstance(value, dict) and set(value) <= set(LANGUAGES)


DELETE = object()


def wrong_types(value: Any) -> list[Any]:
    """Values of another type than `value`'s that a careless edit could leave."""
    if isinstance(value, bool):
        return ["maybe", 1]
    if isinstance(value, (int, float)):
        return ["four", [value]]
    if isinstance(value, str):
        return [[value], True, {"x": value}]
    if isinstance(value, dt.date):
        return ["soon", 20260901]
    if isinstance(value, list):
        return ["just text", {"a": 1}, [[]], [{}]]
    return [[value], 42, True, {"nested": {"deeper": [None]}}]


def hostile_values(value: Any) -> list[tuple[str, Any]]:
    return [("deleted", DELETE), ("{}", {}), ("[]", []), ("null", None), ('""', ""), ("blank", "   ")] + \
        [(f"wrong type {i}", v) for i, v in enumerate(wrong_types(value))]


def replaced(path: KeyPath, value: Any) -> dict:
    data = copy.deepcopy(COMPLETE)
    parent = value_at(data, path[:-1])
    if value is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return data


def course_file(data: dict) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's when there: the walk writes many files
    return "---\n" + yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False) + "---\nBody.\n"


# ---------------------------------------------------------------- what the docs and samples name


def documented_fields() -> dict[str, bool]:
    """Field name -> required, from the tables of section 4 of docs/course-format.md."""
    section = DOCS.read_text(encoding="utf-8").split("## 4. Front-matter fields")[1].split("## 5.")[0]
    fields: dict[str, bool] = {}
    prefix = ""
    for line in section.splitlines():
        if line.startswith("Each item of `offerings`"):
            prefix = "offerings[]."
        match = re.match(r"\| `([a-z_.]+)` \| ([^|]+) \|", line)
        if match:
            fields[prefix + match[1]] = match[2].strip() == "yes"
    return fields


def sample_fields() -> set[str]:
    out = set()
    for path in sorted((ROOT / "content" / "courses").rglob("*.md")):
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        out |= {schema_name(p) for p in field_paths(yaml.safe_load(front))}
    return out


WALKED = {schema_name(p) for p in field_paths(COMPLETE)}


def test_the_walk_covers_every_documented_field_and_every_field_of_the_sample_courses():
    documented = documented_fields()
    assert len(documented) > 40, "the field tables of docs/course-format.md were not found"
    assert sorted(set(documented) - WALKED) == []
    assert sorted(sample_fields() - WALKED) == []


def test_the_complete_course_is_valid(make_site):
    result = run("check", "--source", make_site({F: course_file(COMPLETE), "content/images/badge.svg": BADGE}))
    assert result.exit_code == 0, result.stderr


# ---------------------------------------------------------------- the walk

REQUIRED = {name for name, required in documented_fields().items() if required}


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines()
            if not re.fullmatch(r"\d+ error\(s\), \d+ warning\(s\)", line) and ": warning: " not in line]


def related(field: str, changed: str) -> bool:
    """The error is about the changed field, one of the fields around it, or one inside it."""
    def inside(a: str, b: str) -> bool:
        return a == b or a.startswith(b + ".") or a.startswith(b + "[")
    return inside(field, changed) or inside(changed, field)


def must_fail(path: KeyPath, label: str) -> bool:
    """Cases the documentation makes an error: a required field left out or empty, an empty mapping."""
    original = value_at(COMPLETE, path)
    emptied = label in ("deleted", "{}", "[]", "null", '""', "blank")
    if schema_name(path) in REQUIRED and emptied:
        return True
    structural = isinstance(original, dict) and not is_text(original)
    return structural and (label == "{}" or (isinstance(path[-1], int) and label == "null"))


FIELDS = field_paths(COMPLETE)


@pytest.mark.parametrize("path", FIELDS, ids=[dotted(p) for p in FIELDS])
def test_every_field_replaced_by_a_hostile_value(make_site, path):
    site = make_site({"content/images/badge.svg": BADGE})
    changed = dotted(path)
    wrong = []
    passed: list[list[CourseFamily]] = []  # the courses a full check passed; one that reads the same passes again
    for label, value in hostile_values(value_at(COMPLETE, path)):
        (site / F).write_text(course_file(replaced(path, value)), encoding="utf-8")
        case = f"{changed} {label}"
        loaded = load(site, drafts=True)
        # Rendering every page of a course the walk already rendered would only cost time (most
        # values of an optional field read as left out).
        same = isinstance(loaded, Content) and loaded.ok and loaded.families in passed
        result = None if same else run("check", "--source", site)  # fails the test on a crash or a traceback
        if result is None or result.exit_code == 0:
            if must_fail(path, label):
                wrong.append(f"{case}: passed the check; expected an error")
            if result is not None and isinstance(loaded, Content):
                passed.append(loaded.families)
            continue
        if result.exit_code != EXIT_INPUT:
            wrong.append(f"{case}: exit {result.exit_code}: {result.stderr}")
            continue
        errors = error_lines(result.stderr)
        unnamed = [line for line in errors if not re.match(rf"{re.escape(F)}:\d+: \S", line)]
        fields = [m[1] for line in errors if (m := re.match(rf"{re.escape(F)}:\d+: ([^:]+): ", line))]
        if unnamed or not errors:
            wrong.append(f"{case}: an error without the file and its line: {errors}")
        elif not any(related(field, changed) for field in fields):
            wrong.append(f"{case}: no error names {changed} or a field around it: {errors}")
    assert wrong == []
