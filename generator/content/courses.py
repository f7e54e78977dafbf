"""Load course files from content/courses/ into Course models.

A course is one Markdown file with YAML front matter: `courses/<slug>.md` is
the current version and `courses/archive/<slug>/<version>.md` keeps each
version it replaced, so every version keeps its page and Achievement URL.
All rules of the course format live here; docs/course-format.md explains them.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path

import langcodes
from babel import Locale

from generator.content import vocab
from generator.content.reader import FieldReader
from generator.content.textfile import read_text, split_front_matter, split_languages
from generator.content.yamlsource import parse_mapping
from generator.model import Contact, Course, CourseFamily, Grading, Offering, Site, Skill, Stackable
from generator.problems import Problem

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
VERSION = r"[0-9A-Za-z][0-9A-Za-z._-]{0,39}"
# The language-tag shape Open Badges 3.0's JSON Schema accepts for inLanguage.
OB3_LANGUAGE = r"[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?"
ESCO_SKILL = r"http://data\.europa\.eu/esco/skill/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"
HOURS_PER_EC = 28
# Codes that are valid BCP 47 but name no language a course is taught in.
NOT_LANGUAGES = {"und", "zxx", "mul", "mis"}

TOP_LEVEL = (
    "id", "version", "status", "title", "summary", "language", "awarding_body", "workload",
    "level", "field_of_study", "learning_outcomes", "skills", "assessment", "participation",
    "quality_assurance", "prerequisites", "target_group", "stackability",
    "further_information", "codes", "tags", "contact", "offerings", "credential", "image",
)


def load_courses(site: Site, problems: list[Problem]) -> list[CourseFamily]:
    folder = site.source / "content" / "courses"
    if not folder.is_dir():
        problems.append(Problem("content/courses", None, "", "folder is missing",
                                "create it and add a course with 'credsite new course SLUG'"))
        return []
    families = []
    _skipped_files(site, folder, problems, folders_too=False)
    for path in sorted(folder.glob("*.md")):
        current = load_course(site, path, problems, expect_slug=path.stem)
        if current is None:
            continue
        if current.status == "archived":
            problems.append(Problem(_shown(site, path), _status_line(path), "status",
                                    "a current course file cannot be 'archived'",
                                    "move the file to content/courses/archive/"
                                    f"{current.slug}/{current.version}.md, or use draft/published"))
            continue
        archived = _load_archive(site, folder / "archive" / current.slug, current, problems)
        if archived and current.status == "draft":
            problems.append(Problem(_shown(site, path), _status_line(path), "status",
                                    "a course with published versions cannot become a draft, or their "
                                    "pages would disappear",
                                    "keep it published while you edit, or use 'status: withdrawn' to stop "
                                    "offering it (its pages stay online)"))
            continue
        families.append(CourseFamily(current, tuple(archived)))
    _check_orphan_archives(site, folder, {p.stem for p in folder.glob("*.md")}, problems)
    _check_names(site, families, problems)
    return families


def _status_line(path: Path) -> int | None:
    """The line of the front matter's status field, for problems found after the file was read."""
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if line.startswith("status:"):
            return number
    return None


def _skipped_files(site: Site, folder: Path, problems: list[Problem], folders_too: bool) -> None:
    """Warn about what looks like a course file but is not read (.MD, .markdown; folders in an archive)."""
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix.lower() in (".md", ".markdown") and path.suffix != ".md":
            problems.append(Problem(_shown(site, path), None, "", "is skipped: only names ending in lower-case "
                                    ".md are read", f"rename it to {path.stem}.md", "warning"))
        elif folders_too and path.is_dir():
            problems.append(Problem(_shown(site, path), None, "", "is a folder; archived versions in it are "
                                    "not read", f"move its files into {_shown(site, folder)}/", "warning"))


def _load_archive(site: Site, folder: Path, current: Course, problems: list[Problem]) -> list[Course]:
    versions = []
    if not folder.is_dir():
        return versions
    _skipped_files(site, folder, problems, folders_too=True)
    for path in sorted(folder.glob("*.md")):
        course = load_course(site, path, problems, expect_slug=current.slug,
                             expect_version=path.stem, is_current=False)
        if course is None:
            continue
        if course.version == current.version:
            problems.append(Problem(_shown(site, path), None, "version",
                                    f"'{course.version}' is also the version of the current "
                                    f"file courses/{current.slug}.md",
                                    "give the current course a new version when its content changes"))
            continue
        versions.append(course)
    # Newest first: archived files carry no date, so order by the version's text
    # the way people write versions (2025.1 < 2025.2 < 2026.1).
    versions.sort(key=lambda c: _version_key(c.version), reverse=True)
    return versions


def _version_key(version: str) -> tuple:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[._-]", version))


def _check_orphan_archives(site: Site, folder: Path, slugs: set[str], problems: list[Problem]) -> None:
    archive = folder / "archive"
    if not archive.is_dir():
        return
    for sub in sorted(archive.iterdir()):
        if sub.is_dir() and sub.name not in slugs:
            problems.append(Problem(_shown(site, sub), None, "",
                                    f"archived versions of '{sub.name}' but no file courses/{sub.name}.md",
                                    "keep the current course file; its old versions stay published only "
                                    "beside it"))


def _check_names(site: Site, families: list[CourseFamily], problems: list[Problem]) -> None:
    seen: dict[str, str] = {}
    for family in families:
        course = family.current
        title = course.title.get(site.default_language, "").casefold()
        if title and title in seen:
            problems.append(Problem(course.source, None, "title",
                                    f"same title as {seen[title]}",
                                    "give each course a distinct title so learners can tell them apart",
                                    "warning"))
        seen.setdefault(title, course.source)


def _shown(site: Site, path: Path) -> str:
    try:
        return path.relative_to(site.source).as_posix()
    except ValueError:
        return path.as_posix()


def load_course(site: Site, path: Path, problems: list[Problem], expect_slug: str,
                expect_version: str | None = None, is_current: bool = True) -> Course | None:
    shown = _shown(site, path)
    text = read_text(path, shown, problems)
    if text is None:
        return None
    split = split_front_matter(text, shown, problems)
    if split is None:
        return None
    yaml_text, body, body_line = split
    located = parse_mapping(yaml_text, shown, problems, 2, "the front matter",
                            "write one field per line, e.g. 'id: my-course'")
    if located is None:
        return None
    before = len(problems)
    course = _read_course(site, FieldReader(shown, located, site.languages, problems),
                          body, body_line, expect_slug, expect_version, is_current)
    if any(p.is_error for p in problems[before:]):
        return None
    return course


def _read_course(site: Site, r: FieldReader, body: str, body_line: int, expect_slug: str,
                 expect_version: str | None, is_current: bool) -> Course:
    r.unknown_keys((), r.located.data, TOP_LEVEL)
    good_name = re.sub(r"[^a-z0-9]+", "-", expect_slug.lower()).strip("-")
    rename = "" if good_name == expect_slug else f" and rename the file to {good_name}.md"
    slug = r.string(("id",), required=True, what="every course needs an id (its URL name)",
                    fix=f"add 'id: {good_name}'{rename}")
    if slug and not re.fullmatch(SLUG, slug):
        r.report(("id",), f"'{slug}' is not URL-safe",
                 "use lower-case letters, digits and single hyphens, e.g. 'data-literacy'")
    elif slug and not 3 <= len(slug) <= 80:
        r.report(("id",), f"'{slug}' has {len(slug)} characters", "use 3 to 80 characters")
    elif slug and slug != expect_slug:
        r.report(("id",), f"'{slug}' differs from the file name '{expect_slug}'",
                 f"rename the file to {slug}.md" + ("" if rename else f" or set 'id: {expect_slug}'"))
    if isinstance(r.raw(("version",)), float):
        r.report(("version",), f"{r.raw(('version',))} is a number, so YAML may have dropped digits "
                 "(2026.10 reads as 2026.1)", "put the version in quotes, e.g. version: \"2026.10\"")
    version = r.string(("version",), required=True, allow_numbers=True,
                       what="credentials point at a course version",
                       fix="add a version such as 'version: \"2026.1\"'")
    if version and not re.fullmatch(VERSION, version):
        r.report(("version",), f"'{version}' is not URL-safe",
                 "use letters, digits, dots, hyphens or underscores, e.g. '2026.1'")
    elif version and expect_version is not None and version != expect_version:
        r.report(("version",), f"'{version}' differs from the file name '{expect_version}.md'",
                 f"name archived files after their version: {version}.md")
    status = r.choice(("status",), ("published", "draft", "withdrawn", "archived"),
                      default="published" if is_current else "archived")

    title = r.text(("title",), required=True, what="the title is a mandatory EU element",
                   min_len=3, max_len=255, plain=True)
    summary = r.text(("summary",), required=True,
                     what="wallets and search engines show it as the description",
                     max_len=1000, plain=True)
    languages = _languages(r)
    unit = _awarding_body(r)
    ects, hours = _workload(r)
    eqf, nlqf = _level(r)
    fields = _fields(r)
    outcomes = _outcomes(r)
    skills = _skills(r)
    types, assessment_description, supervision, grading = _assessment(r)
    participation = _participation(r)
    qa_framework, qa_type, experimental = _quality(r)
    _check_ects(r, ects, hours, experimental)
    _check_sector(r, site, qa_framework, experimental)
    prerequisites = r.text(("prerequisites",), plain=True)
    target_group = r.text(("target_group",), plain=True)
    stackable, towards = _stackability(r)
    further = r.url(("further_information",))
    codes = r.mapping(("codes",), ("course_code",))
    course_code = r.string(("codes", "course_code"), allow_numbers=True, plain=True) if codes else ""
    tags = _tags(r)
    contact = _contact(r)
    offerings = _offerings(r)
    valid_for = _credential(r)
    if status == "published":
        _template_text(r, body, body_line)
    return Course(
        slug=slug, version=version, status=status, title=title, summary=summary,
        languages=tuple(languages), unit=unit, ects=ects or 0, hours=hours if hours is not None else round((ects or 0) * HOURS_PER_EC), eqf=eqf or 0,
        nlqf=nlqf, fields=tuple(fields), outcomes=tuple(outcomes), skills=tuple(skills),
        assessment_types=tuple(types), assessment_description=assessment_description,
        supervision=supervision, grading=grading, participation=tuple(participation),
        qa_framework=qa_framework, qa_type=qa_type, experimental_space=experimental,
        prerequisites=prerequisites, target_group=target_group, stackable=stackable,
        stackable_towards=tuple(towards), further_information=further, course_code=course_code,
        tags=tuple(tags), contact=contact, offerings=tuple(offerings), valid_for=valid_for,
        image=_image(r, site),
        body=_body(r, body, body_line), source=r.path, is_current=is_current,
    )


def _text_leaves(value, key: tuple = ()):
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
    data = parse_mapping(yaml_text, "course template", [], 2, "", "").data
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


def _languages(r: FieldReader) -> list[str]:
    value = r.raw(("language",))
    if isinstance(value, str):
        tags = [value]
    else:
        tags = r.string_list(("language",), required=True,
                             what="the language of instruction and assessment",
                             fix="add e.g. 'language: [en]'")
        if not tags:
            return []
    out = []
    for i, tag in enumerate(tags):
        key = ("language", i) if not isinstance(value, str) else ("language",)
        problem = language_tag_problem(tag)
        if problem:
            r.report(key, problem[0], problem[1])
        elif tag in out:
            r.report(key, f"'{tag}' is listed twice", "list each language once")
        else:
            out.append(tag)
    return out


def language_tag_problem(tag: str) -> tuple[str, str] | None:
    """Why `tag` is not a BCP 47 tag Open Badges accepts, or None when it is fine."""
    if "_" in tag:
        language, _, region = tag.partition("_")
        candidate = f"{language.lower()}-{region.upper()}"
        if region and language_tag_problem(candidate) is None:
            return f"'{tag}' is not a BCP 47 language tag", \
                f"use '{language.lower()}' or '{candidate}' (parts are joined by a hyphen)"
        return f"'{tag}' is not a BCP 47 language tag", \
            f"use '{language.lower()}'; {region} is not a region code"
    if not re.fullmatch(OB3_LANGUAGE, tag) or not langcodes.tag_is_valid(tag):
        return (f"'{tag}' is not a BCP 47 language tag",
                "use a code such as 'en', 'nl' or 'en-GB' (lower-case language, upper-case region)")
    language, *rest = tag.split("-")
    names = Locale.parse("en")
    if language not in names.languages or language in NOT_LANGUAGES:
        return f"'{tag}' is not a known language", "use a code such as 'en', 'nl', 'de' or 'fr'"
    for part in rest:
        if (len(part) == 2 or part.isdigit()) and part not in names.territories:
            return f"'{tag}': {part} is not a region code", f"use '{language}' or a region such as '{language}-NL'"
    return None


def _awarding_body(r: FieldReader) -> dict[str, str]:
    body = r.mapping(("awarding_body",), ("unit",))
    if not body:
        return {}
    return r.text(("awarding_body", "unit"), plain=True)


def _workload(r: FieldReader) -> tuple[float | None, int | None]:
    if not r.mapping(("workload",), ("ects", "hours"), required=True,
                     what="the notional workload is a mandatory EU element",
                     fix="add 'workload:' with 'ects: 4' below it"):
        return None, None
    ects = r.number(("workload", "ects"), required=True,
                    what="the workload in ECTS credits is a mandatory EU element",
                    fix="add e.g. 'ects: 4'")
    hours = r.number(("workload", "hours"), integer=True)
    if ects is not None and (ects * 2) != int(ects * 2):
        r.report(("workload", "ects"), f"{ects} is not a whole or half credit",
                 "round it to a multiple of 0.5")
    return ects, hours


def _check_ects(r: FieldReader, ects, hours, experimental: bool) -> None:
    if ects is None:
        return
    key = ("workload", "ects")
    if ects > 30:
        r.report(key, f"{ects:g} EC is more than 30",
                 "microcredentials are 3 to 30 EC; a larger unit is a programme, not a microcredential")
    elif ects < 1:
        r.report(key, f"{ects:g} EC is less than 1", "microcredentials are at least 1 EC (3 EC outside "
                 "the experimental space)")
    elif ects < 3 and experimental:
        r.warn(key, f"{ects:g} EC is below the pilot minimum of 3 EC",
               "allowed only for universities in the 2025-2027 experimental space; "
               "check that this course qualifies")
    elif ects < 3:
        r.report(key, f"{ects:g} EC is below the pilot minimum of 3 EC",
                 "use 3 to 30 EC, or set 'quality_assurance.experimental_space: true' "
                 "if this university course falls under the 2025-2027 experimental space (1 EC minimum)")
    if hours is not None and 1 <= ects <= 30 and hours != round(ects * HOURS_PER_EC):
        r.report(("workload", "hours"),
                 f"{hours} hours does not match {ects:g} EC x {HOURS_PER_EC} h = "
                 f"{round(ects * HOURS_PER_EC)} hours",
                 f"set 'hours: {round(ects * HOURS_PER_EC)}' or leave hours out "
                 "(1 EC is 28 hours of study in the Netherlands)")


# The 2025-2027 experimental space lets universities offer microcredentials of 1 to 3 EC.
EXPERIMENT_START, EXPERIMENT_END = "2025-05-01", "2027-04-30"


def _check_sector(r: FieldReader, site: Site, framework: str, experimental: bool) -> None:
    sector = site.institution.sector
    if framework and sector not in vocab.QA_FRAMEWORKS[framework].sectors:
        r.warn(("quality_assurance", "framework"),
               f"'{framework}' is for {'/'.join(vocab.QA_FRAMEWORKS[framework].sectors)}, "
               f"but the institution's sector is {sector}",
               "check the framework, or institution.sector in content/site.yaml")
    if experimental and sector != "wo":
        r.report(("quality_assurance", "experimental_space"),
                 f"the experimental space is for universities (wo), but the institution's sector is {sector}",
                 "remove 'experimental_space: true' and offer at least 3 EC")
    if experimental:
        for i, offering in enumerate(r.items(("offerings",))):
            start = offering.get("start") if isinstance(offering, dict) else None
            if start is not None and not EXPERIMENT_START <= str(start) <= EXPERIMENT_END:
                r.warn(("offerings", i, "start"),
                       f"{start} is outside the experimental space ({EXPERIMENT_START} to {EXPERIMENT_END})",
                       "below 3 EC the course may only start within the experimental space")


def _level(r: FieldReader) -> tuple[int | None, str]:
    if not r.mapping(("level",), ("eqf", "nlqf"), required=True,
                     what="the EQF level is a mandatory EU element",
                     fix="add 'level:' with 'eqf: 6' below it"):
        return None, ""
    eqf = r.number(("level", "eqf"), required=True, integer=True,
                   what="the EQF level is a mandatory EU element", fix="add e.g. 'eqf: 6'")
    if eqf is not None and eqf not in vocab.EQF_LEVELS:
        r.report(("level", "eqf"), f"{eqf} is not an EQF level", "use a whole number from 1 to 8")
        eqf = None
    nlqf = r.raw(("level", "nlqf"))
    if not r.present(("level", "nlqf")):
        return eqf, ""
    if isinstance(nlqf, str) and nlqf.isdigit():
        nlqf = int(nlqf)
    if isinstance(nlqf, float) and nlqf.is_integer():
        nlqf = int(nlqf)
    if isinstance(nlqf, bool) or not isinstance(nlqf, (int, str)) or nlqf not in vocab.NLQF_LEVELS:
        r.report(("level", "nlqf"), f"'{nlqf}' is not an NLQF level",
                 "use entry, 1 to 8, or \"4+\"")
        return eqf, ""
    if isinstance(nlqf, int) and eqf and nlqf != eqf:
        r.warn(("level", "nlqf"), f"NLQF {nlqf} differs from EQF {eqf}",
               "NLQF levels 1-8 correspond to EQF levels 1-8; check both")
    return eqf, str(nlqf)


def _fields(r: FieldReader) -> list[str]:
    codes = r.string_list(("field_of_study",), allow_numbers=False)
    table = vocab.isced_f()
    out = []
    for i, code in enumerate(codes):
        if code not in table:
            near = vocab.closest(code, table)
            hint = f"did you mean '{near}' ({table[near].label_in('en')})? " if near else ""
            r.report(("field_of_study", i), f"'{code}' is not an ISCED-F 2013 code",
                     f"{hint}use a 2- to 4-digit code from the ISCED-F 2013 list, quoted, e.g. \"0533\"")
        else:
            out.append(code)
    return out


def _outcomes(r: FieldReader) -> list[dict[str, str]]:
    items = r.items(("learning_outcomes",), required=True,
                    what="learning outcomes are a mandatory EU element",
                    fix="list what a learner can do after the course, one '- ...' line each")
    out = []
    for i in range(len(items)):
        text = r.text(("learning_outcomes", i), required=True, min_len=10, max_len=1000, plain=True)
        if text and text in out:
            r.report(("learning_outcomes", i), "repeats an earlier outcome", "remove the duplicate")
        elif text:
            out.append(text)
    if 0 < len(out) < 3:
        r.warn(("learning_outcomes",), f"only {len(out)} learning outcome(s)",
               "most microcredentials state 3 to 8 outcomes")
    return out


def _skills(r: FieldReader) -> list[Skill]:
    out = []
    for i, item in enumerate(r.items(("skills",))):
        key = ("skills", i)
        if not r.mapping(key, ("uri", "label"), required=True):
            continue
        uri = r.string(key + ("uri",), required=True, what="an ESCO skill URI",
                       fix="add 'uri: http://data.europa.eu/esco/skill/<id>'")
        label = r.text(key + ("label",), required=True, plain=True)
        if uri and not re.fullmatch(ESCO_SKILL, uri):
            fix = "write http://data.europa.eu/esco/skill/<uuid> as ESCO publishes it"
            if uri.startswith("https://data.europa.eu/esco/skill/"):
                r.report(key + ("uri",), "ESCO concept URIs use http, not https", fix)
            elif "/esco/occupation/" in uri:
                r.report(key + ("uri",), "is an ESCO occupation, not a skill",
                         "pick the skills of that occupation from ESCO instead")
            else:
                r.report(key + ("uri",), f"'{uri}' is not an ESCO skill URI", fix)
            continue
        if uri and label:
            out.append(Skill(uri, label))
    return out


def _assessment(r: FieldReader):
    if not r.mapping(("assessment",), ("types", "description", "supervision", "grading"),
                     required=True, what="the type of assessment is a mandatory EU element",
                     fix="add 'assessment:' with 'types: [written_exam]' below it"):
        return [], {}, "", None
    known = list(vocab.ASSESSMENT_TYPES)
    types = []
    for i, token in enumerate(r.string_list(("assessment", "types"), required=True,
                                            what="the type of assessment is a mandatory EU element",
                                            fix="add e.g. 'types: [written_exam]'; known types: "
                                            + ", ".join(known))):
        key = ("assessment", "types", i)
        if token not in known:
            guess = vocab.closest(token, known)
            r.report(key, f"'{token}' is not a known assessment type",
                     (f"did you mean '{guess}'? " if guess else "") + "use one of " + ", ".join(known))
        elif token not in types:
            types.append(token)
    description = r.text(("assessment", "description"), plain=True)
    supervision = r.choice(("assessment", "supervision"), vocab.SUPERVISION)
    if not supervision and r.present(("assessment",)) and not r.present(("assessment", "supervision")):
        r.warn(("assessment",), "supervision is not set",
               "add 'supervision:' (an optional EU element that recognition officers look for): "
               + ", ".join(vocab.SUPERVISION))
    grading = None
    if r.mapping(("assessment", "grading"), ("scale", "pass")):
        scale = r.choice(("assessment", "grading", "scale"), vocab.GRADING_SCALES, required=True)
        mark = r.string(("assessment", "grading", "pass"), allow_numbers=True)
        mark = _pass_mark(r, scale, mark)
        if scale:
            grading = Grading(scale, mark)
    return types, description, supervision, grading


def _pass_mark(r: FieldReader, scale: str, mark: str) -> str:
    key = ("assessment", "grading", "pass")
    if scale == "nl-1-10":
        if not mark:
            r.report(key, "missing for the 1-10 scale", "add e.g. 'pass: \"5.5\"'")
        else:
            try:
                value = float(mark)
            except ValueError:
                r.report(key, f"'{mark}' is not a number", "write the pass mark as a number, e.g. \"5.5\"")
                return mark
            if not 1 <= value <= 10:
                r.report(key, f"'{mark}' is outside the 1-10 scale", "use a mark from 1 to 10, e.g. \"5.5\"")
    elif scale == "ects-a-e" and mark and mark not in ("A", "B", "C", "D", "E"):
        r.report(key, f"'{mark}' is not an ECTS grade", "use one of A, B, C, D, E")
    elif scale == "ects-a-e" and not mark:
        return "E"
    elif scale == "pass-fail":
        if mark and mark != "pass":
            r.report(key, f"'{mark}' is not used on a pass/fail scale", "write 'pass: pass' or leave it out")
        return "pass"
    return mark


def _participation(r: FieldReader) -> list[str]:
    known = list(vocab.PARTICIPATION_MODES)
    value = r.raw(("participation",))
    tokens = [value] if isinstance(value, str) else r.string_list(
        ("participation",), required=True, what="the form of participation is a mandatory EU element",
        fix="add e.g. 'participation: [blended]'; use " + ", ".join(known))
    out = []
    for i, token in enumerate(tokens):
        key = ("participation",) if isinstance(value, str) else ("participation", i)
        if token not in known:
            guess = vocab.closest(token, known)
            r.report(key, f"'{token}' is not a form of participation",
                     (f"did you mean '{guess}'? " if guess else "") + "use " + ", ".join(known))
        elif token not in out:
            out.append(token)
    return out


def _quality(r: FieldReader) -> tuple[str, str, bool]:
    if not r.mapping(("quality_assurance",), ("framework", "type", "experimental_space"),
                     required=True, what="the type of quality assurance is a mandatory EU element",
                     fix="add 'quality_assurance:' with 'framework: kwaliteitskader-ho' below it"):
        return "", "", False
    framework = r.choice(("quality_assurance", "framework"), vocab.QA_FRAMEWORKS, required=True,
                         what="the quality framework the course was checked against")
    qa_type = r.choice(("quality_assurance", "type"), vocab.QA_TYPES, default="institutional")
    experimental = r.boolean(("quality_assurance", "experimental_space"))
    return framework, qa_type, experimental


def _stackability(r: FieldReader) -> tuple[bool, list[Stackable]]:
    if not r.mapping(("stackability",), ("stackable", "towards")):
        return False, []
    stackable = r.boolean(("stackability", "stackable"))
    towards = []
    for i, _ in enumerate(r.items(("stackability", "towards"))):
        key = ("stackability", "towards", i)
        if r.mapping(key, ("title", "url"), required=True):
            title = r.text(key + ("title",), required=True, plain=True)
            url = r.url(key + ("url",))
            if title:
                towards.append(Stackable(title, url))
    if towards and not stackable:
        r.warn(("stackability", "towards"), "given while 'stackable' is false",
               "set 'stackable: true' or remove 'towards'")
    return stackable, towards


def _image(r: FieldReader, site: Site) -> str:
    """An optional badge image of the course's own; PNG or SVG, under content/."""
    from generator.content import images

    name = r.string(("image",))
    if not name:
        return ""
    path, why = images.site_image(site.source, name)
    if path is None:
        r.report(("image",), why, "or leave 'image' out for a drawn badge")
        return ""
    if path.suffix.lower() == ".png":
        from PIL import Image

        with Image.open(path) as image:
            width, height = image.size
        if width != height or width < 400:
            r.warn(("image",), f"{name} is {width}x{height} pixels",
                   "badge images look best square and at least 400x400 pixels")
    return name


def _tags(r: FieldReader) -> list[str]:
    tags = r.string_list(("tags",), plain=True)
    for i, tag in enumerate(tags):
        if len(tag) > 50:
            r.report(("tags", i), f"{len(tag)} characters", "keep each tag to at most 50 characters")
    if len(tags) > 10:
        r.report(("tags",), f"{len(tags)} tags", "use at most 10 tags")
    return tags


def _contact(r: FieldReader) -> Contact:
    if not r.mapping(("contact",), ("name", "email", "url")):
        return Contact()
    return Contact(name=r.string(("contact", "name"), plain=True), email=r.email(("contact", "email")),
                   url=r.url(("contact", "url")))


def _offerings(r: FieldReader) -> list[Offering]:
    out = []
    for i, _ in enumerate(r.items(("offerings",))):
        key = ("offerings", i)
        if not r.mapping(key, ("start", "end", "location", "price_eur", "enrol_url",
                               "application_deadline"), required=True):
            continue
        start = r.date(key + ("start",), required=True, what="the date the course starts")
        end = r.date(key + ("end",))
        deadline = r.date(key + ("application_deadline",))
        if start and end and end < start:
            r.report(key + ("end",), f"{end} is before the start {start}", "swap or correct the dates")
        if start and deadline and deadline > start:
            r.report(key + ("application_deadline",), f"{deadline} is after the start {start}",
                     "set the deadline on or before the start date")
        price = r.number(key + ("price_eur",))
        if price is not None and price < 0:
            r.report(key + ("price_eur",), f"{price} is negative", "give the price in euros, 0 for free")
            price = None
        location = r.text(key + ("location",), plain=True)
        enrol = r.url(key + ("enrol_url",))
        if start:
            out.append(Offering(start, end, location, price, enrol, deadline))
    out.sort(key=lambda o: o.start)
    return out


def _credential(r: FieldReader) -> str:
    if not r.mapping(("credential",), ("valid_for",)):
        return ""
    value = r.string(("credential", "valid_for"))
    if value and not re.fullmatch(r"P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?", value):
        r.report(("credential", "valid_for"), f"'{value}' is not an ISO 8601 duration in whole days",
                 "write e.g. P5Y for five years, P18M for 18 months, or leave it out for no expiry")
        return ""
    return value


def _body(r: FieldReader, body: str, body_line: int) -> dict[str, str]:
    default = r.languages[0]
    out: dict[str, str] = {}
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
