"""Read one course file: its front matter through the field rules into a Course, and its
Markdown body split into language sections.

A published course may not keep the example texts of `credsite new course`'s
template; that check lives here because it looks at the whole file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from generator.content import course_elements as elements
from generator.content import course_extras as extras
from generator.content.reader import FieldReader
from generator.content.textfile import read_front_matter_file, split_front_matter, split_languages
from generator.content.yamlsource import KeyPath, parse_mapping
from generator.model import KINDS, MICROCREDENTIAL, NON_FORMAL, Course, Site, Text
from generator.problems import Problem

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
VERSION = r"[0-9A-Za-z][0-9A-Za-z._-]{0,39}"
STATUSES = ("published", "draft", "withdrawn", "archived")

TOP_LEVEL = (
    "id", "version", "status", "title", "summary", "language", "awarding_body", "workload",
    "level", "field_of_study", "learning_outcomes", "skills", "assessment", "participation",
    "quality_assurance", "prerequisites", "target_group", "stackability",
    "further_information", "codes", "tags", "contact", "offerings", "credential", "image", "kind",
)


def shown(site: Site, path: Path) -> str:
    """`path` as messages name it: relative to the site folder."""
    try:
        return path.relative_to(site.source).as_posix()
    except ValueError:
        return path.as_posix()


def load_course(site: Site, path: Path, problems: list[Problem], expect_slug: str,
                expect_version: str | None = None, is_current: bool = True) -> Course | None:
    """The course in `path`, or None after reporting why it cannot be used."""
    where = shown(site, path)
    read = read_front_matter_file(path, where, problems, "'id: my-course'")
    if read is None:
        return None
    before = len(problems)
    course = _read_course(site, FieldReader(where, read.located, site.languages, problems),
                          read.body, read.body_line, expect_slug, expect_version, is_current, read.front)
    if any(p.is_error for p in problems[before:]):
        return None
    return course


def _read_course(site: Site, r: FieldReader, body: str, body_line: int, expect_slug: str,
                 expect_version: str | None, is_current: bool, front: str = "") -> Course:
    r.unknown_keys((), r.located.data, TOP_LEVEL)
    slug = _slug(r, expect_slug)
    version = _version(r, expect_version)
    status = r.choice(("status",), STATUSES, default="published" if is_current else "archived")
    title = r.text(("title",), required=True, what="the title is a mandatory EU element",
                   min_len=3, max_len=255, plain=True)
    summary = r.text(("summary",), required=True,
                     what="wallets and search engines show it as the description",
                     max_len=1000, plain=True)
    kind = r.choice(("kind",), KINDS, default=MICROCREDENTIAL)
    formal = kind != NON_FORMAL
    languages = elements.languages(r)
    unit = elements.awarding_body(r)
    workload = elements.workload(r, kind)
    level = elements.level(r)
    fields = elements.fields_of_study(r)
    outcomes = elements.outcomes(r)
    skills = elements.skills(r)
    assessment = elements.assessment(r, warn_supervision=formal)
    participation = elements.participation(r)
    if formal:
        quality = elements.quality(r)
        elements.check_ects(r, workload, quality.experimental_space)
        elements.check_sector(r, site, quality.framework, quality.experimental_space)
        stacking = elements.stackability(r)
    else:
        elements.non_formal_claims(r)
        quality, stacking = elements.Quality("", "", False), elements.Stackability(False, [])
    prerequisites = r.text(("prerequisites",), plain=True)
    target_group = r.text(("target_group",), plain=True)
    further = r.url(("further_information",))
    codes = elements.section(r, ("codes",), ("course_code",))
    course_code = r.string(("codes", "course_code"), allow_numbers=True, plain=True) if codes else ""
    tags = extras.tags(r)
    contact = extras.contact(r)
    offerings = extras.offerings(r)
    valid_for = extras.valid_for(r)
    if status == "published":
        _template_text(r, body, body_line)
        _example_values(r, front)
    # A course with problems is dropped by load_course, so the zeros below never reach a page.
    ects = (workload.ects or 0) if formal else None
    if workload.hours is not None:
        hours = workload.hours
    else:
        hours = elements.study_hours(ects) if ects is not None else 0
    return Course(
        slug=slug, version=version, status=status, title=title, summary=summary,
        languages=tuple(languages), unit=unit, ects=ects, hours=hours,
        eqf=level.eqf or 0, nlqf=level.nlqf, fields=tuple(fields), outcomes=tuple(outcomes),
        skills=tuple(skills), assessment_types=tuple(assessment.types),
        assessment_description=assessment.description, supervision=assessment.supervision,
        grading=assessment.grading, participation=tuple(participation),
        qa_framework=quality.framework, qa_type=quality.type, experimental_space=quality.experimental_space,
        prerequisites=prerequisites, target_group=target_group, stackable=stacking.stackable,
        stackable_towards=tuple(stacking.towards), further_information=further, course_code=course_code,
        tags=tuple(tags), contact=contact, offerings=tuple(offerings), valid_for=valid_for,
        image=extras.image(r, site),
        body=markdown_body(r, body, body_line), source=r.path, is_current=is_current, kind=kind,
    )


def _slug(r: FieldReader, expect_slug: str) -> str:
    good_name = re.sub(r"[^a-z0-9]+", "-", expect_slug.lower()).strip("-")
    rename = "" if good_name == expect_slug else f" and rename the file to {good_name}.md"
    slug = elements.required_string(r, ("id",), what="every course needs an id (its URL name)",
                                    fix=f"add 'id: {good_name}'{rename}")
    if slug and not re.fullmatch(SLUG, slug):
        r.report(("id",), f"'{slug}' is not URL-safe",
                 "use lower-case letters, digits and single hyphens, e.g. 'data-literacy'")
    elif slug and not 3 <= len(slug) <= 80:
        r.report(("id",), f"'{slug}' has {len(slug)} characters", "use 3 to 80 characters")
    elif slug and slug != expect_slug:
        r.report(("id",), f"'{slug}' differs from the file name '{expect_slug}'",
                 f"rename the file to {slug}.md" + ("" if rename else f" or set 'id: {expect_slug}'"))
    return slug


def _version(r: FieldReader, expect_version: str | None) -> str:
    if isinstance(r.raw(("version",)), float):
        r.report(("version",), f"{r.raw(('version',))} is a number, so YAML may have dropped digits "
                 "(2026.10 reads as 2026.1)", "put the version in quotes, e.g. version: \"2026.10\"")
    version = elements.required_string(r, ("version",), allow_numbers=True,
                                       what="credentials point at a course version",
                                       fix="add a version such as 'version: \"2026.1\"'")
    if version and not re.fullmatch(VERSION, version):
        r.report(("version",), f"'{version}' is not URL-safe",
                 "use letters, digits, dots, hyphens or underscores, e.g. '2026.1'")
    elif version and expect_version is not None and version != expect_version:
        r.report(("version",), f"'{version}' differs from the file name '{expect_version}.md'",
                 f"name archived files after their version: {version}.md")
    return version


def _text_leaves(value: Any, key: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """(key path, text) for every non-empty string in nested YAML data."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _text_leaves(item, key + (name,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _text_leaves(item, key + (index,))
    elif isinstance(value, str) and value.strip():
        yield key, value.strip()


@functools.lru_cache(maxsize=1)
def template_texts() -> frozenset[str]:
    """The example texts of `credsite new course`'s template, which must not reach a published page."""
    template = (resources.files("generator") / "scaffold" / "course.md").read_text(encoding="utf-8")
    yaml_text, body, _ = split_front_matter(template, "course template", []) or ("", "", 0)
    located = parse_mapping(yaml_text, "course template", [], 2, "", "")
    data = located.data if located is not None else {}
    # Only the fields whose template text is an example; its vocabulary tokens and
    # the sample skill are real values a course may well keep.
    examples = {name: data.get(name) for name in ("title", "summary", "learning_outcomes", "prerequisites",
                                                  "target_group", "further_information")}
    examples["assessment"] = (data.get("assessment") or {}).get("description")
    examples["offerings"] = [offering.get("enrol_url") for offering in data.get("offerings") or []]
    return frozenset([text for _, text in _text_leaves(examples)] +
                     [text for _, text, _ in split_languages(body, "en") if text])


def _template_text(r: FieldReader, body: str, body_line: int) -> None:
    """Report fields of a published course still holding the template's example text."""
    placeholders = template_texts()
    fix = "write the course's own text there (credsite new course put the example in)"
    for key, text in _text_leaves(r.located.data):
        if text in placeholders:
            r.report(key, f"is still the course template's example '{text}'", fix)
    for lang, text, offset in split_languages(body, r.languages[0]):
        if text in placeholders:
            r.problems.append(Problem(r.path, body_line + offset, "body",
                                      f"the '{lang}' description is still the course template's example", fix))


# The note `credsite new course` puts beside each example value that no placeholder text can stand
# for (a number, a date, a code): "ects: 4   # example: ...".
EXAMPLE_NOTE = re.compile(r"(?:^|\s)#\s*example\b", re.IGNORECASE)
FRONT_MATTER_LINE = 2  # the front matter's first line in the file, after the opening '---'


def _example_values(r: FieldReader, front: str) -> None:
    """Report each value of a published course that still has the template's '# example' note: 4 EC or
    a start date look like any course's own, so only the note tells the template's from the author's."""
    deepest: dict[int, KeyPath] = {}
    for key, number in r.located.lines.items():
        if len(key) >= len(deepest.get(number, ())):
            deepest[number] = key
    for offset, text in enumerate(front.splitlines()):
        number = FRONT_MATTER_LINE + offset
        if EXAMPLE_NOTE.search(text) and number in deepest:
            r.report(deepest[number], "still holds the course template's example value (the '# example' note "
                     "beside it)", "write the course's own value and delete the note, or remove the field if it "
                     "is optional")


def markdown_body(r: FieldReader, body: str, body_line: int) -> Text:
    """The Markdown body per language: the text above the first `<!-- lang: xx -->` line is the default
    language's (course and pathway files alike)."""
    default = r.languages[0]
    out: Text = {}
    unmarked_top = False
    for lang, text, offset in split_languages(body, default):
        if lang not in r.languages:
            r.problems.append(Problem(r.path, body_line + offset, "body",
                                      f"'<!-- lang: {lang} -->' names a language the site does not have",
                                      "use one of " + ", ".join(r.languages)))
            continue
        if lang in out:
            if lang == default and unmarked_top:
                # Typical after reordering site.yaml's languages: the unmarked text at the
                # top used to be in the old default language.
                r.problems.append(Problem(
                    r.path, body_line + offset, "body",
                    f"a second '{lang}' section: the text above the first '<!-- lang: -->' line counts as "
                    f"the site's default language, '{default}' (the first of languages in content/site.yaml)",
                    "put a '<!-- lang: xx -->' line above the text at the top to say which language it is in"))
            else:
                r.problems.append(Problem(r.path, body_line + offset, "body",
                                          f"a second '{lang}' section", "merge the two sections"))
            continue
        if not out:
            unmarked_top = offset == 0 and lang == default and not body.lstrip().startswith("<!--")
        out[lang] = text
    return out
