"""Load content/pathways/: course versions that together make a larger whole.

A pathway is one Markdown file with YAML front matter, `content/pathways/<slug>.md`,
naming its parts: versions of this site's courses (by slug and version) or another
site's Achievements (by URL). It gets a page, an Achievement and, through
`credsite issue --pathway`, credentials of its own. docs/pathways-and-endorsements.md
explains the file to authors.

Pathway slugs share the course slugs' name space: a pathway's Achievement and images
sit at the addresses a course version's would (routes.achievement, routes.course_image),
so a pathway may not take a course's slug.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator import routes
from generator.content import course_elements as elements
from generator.content.course_file import SLUG, VERSION, markdown_body, shown
from generator.content.reader import FieldReader
from generator.content.textfile import read_front_matter_file
from generator.model import Course, CourseFamily, Pathway, PathwayPart, Site, Text
from generator.problems import Problem

FOLDER = "content/pathways"
TOP_LEVEL = ("id", "version", "status", "title", "summary", "ordered", "parts")
STATUSES = ("published", "draft")
LOCAL_PART = ("course", "version")
REMOTE_PART = ("achievement", "title")
MIN_PARTS = 2  # one part is that part, not a larger whole


def load_pathways(site: Site, families: list[CourseFamily], problems: list[Problem]) -> list[Pathway]:
    """Every pathway in content/pathways/ that can be used; a problem for each mistake.

    `families`: all the site's courses, drafts included, so a published pathway naming a draft is caught
    in `credsite check` as in a build.
    """
    folder = site.source / FOLDER
    if not folder.is_dir():
        return []
    courses = {family.current.slug: family for family in families}
    pathways = []
    for path in sorted(folder.glob("*.md")):
        pathway = _load(site, path, courses, problems)
        if pathway is not None:
            pathways.append(pathway)
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".md", ".markdown") and path.suffix != ".md" and not path.name.startswith("."):
            problems.append(Problem(shown(site, path), None, "", "is skipped: only names ending in lower-case "
                                    ".md are read", f"rename it to {path.stem}.md", "warning"))
    return pathways


def _load(site: Site, path: Path, courses: dict[str, CourseFamily], problems: list[Problem]) -> Pathway | None:
    where = shown(site, path)
    read = read_front_matter_file(path, where, problems, "'id: my-pathway'")
    if read is None:
        return None
    located, body, body_line = read.located, read.body, read.body_line
    before = len(problems)
    r = FieldReader(where, located, site.languages, problems)
    r.unknown_keys((), located.data, TOP_LEVEL)
    slug = _slug(r, path.stem, courses)
    version = elements.required_string(r, ("version",), allow_numbers=True,
                                       what="credentials point at a pathway's version",
                                       fix="add a version such as 'version: \"2026.1\"'")
    if version and not re.fullmatch(VERSION, version):
        r.report(("version",), f"'{version}' is not URL-safe",
                 "use letters, digits, dots, hyphens or underscores, e.g. '2026.1'")
    status = r.choice(("status",), STATUSES, default="published")
    title = r.text(("title",), required=True, what="the pathway's name on its page and credentials",
                   min_len=3, max_len=255, plain=True)
    summary = r.text(("summary",), required=True, what="wallets and search engines show it as the description",
                     max_len=1000, plain=True)
    ordered = r.boolean(("ordered",))
    parts = _parts(r, site, courses, status)
    pathway = Pathway(slug=slug, version=version, status=status, title=title, summary=summary, ordered=ordered,
                      parts=tuple(parts), body=markdown_body(r, body, body_line), source=where)
    if any(p.is_error for p in problems[before:]):
        return None
    return pathway


def _slug(r: FieldReader, expect: str, courses: dict[str, CourseFamily]) -> str:
    slug = elements.required_string(r, ("id",), what="every pathway needs an id (its URL name)",
                                    fix=f"add 'id: {expect}'")
    if slug and not re.fullmatch(SLUG, slug):
        r.report(("id",), f"'{slug}' is not URL-safe", "use lower-case letters, digits and single hyphens")
    elif slug and not 3 <= len(slug) <= 80:
        r.report(("id",), f"'{slug}' has {len(slug)} characters", "use 3 to 80 characters")
    elif slug and slug != expect:
        r.report(("id",), f"'{slug}' differs from the file name '{expect}'", f"rename the file to {slug}.md")
    elif slug in courses:
        r.report(("id",), f"'{slug}' is also a course's id (content/courses/{slug}.md)",
                 "give the pathway an id of its own: its Achievement and images would take the course's addresses")
    return slug


def _parts(r: FieldReader, site: Site, courses: dict[str, CourseFamily], status: str) -> list[PathwayPart]:
    items = r.items(("parts",), required=True, what="a pathway names the course versions it is made of",
                    fix="list them, one '- course: SLUG' with 'version: \"...\"' each")
    if 0 < len(items) < MIN_PARTS:
        r.report(("parts",), f"only {len(items)} part", "a pathway combines at least two courses; list them all")
    parts: list[PathwayPart] = []
    seen: dict[str, int] = {}
    for i in range(len(items)):
        key = ("parts", i)
        part = _part(r, site, courses, status, i)
        if part is None:
            continue
        for url in part.achievements:
            if url in seen:
                r.report(key, f"{url} is already part {seen[url] + 1}", "name each course version once")
        seen.update({url: i for url in part.achievements})
        parts.append(part)
    return parts


def _part(r: FieldReader, site: Site, courses: dict[str, CourseFamily], status: str,
          i: int) -> PathwayPart | None:
    key = ("parts", i)
    value = r.raw(key)
    known = REMOTE_PART if isinstance(value, dict) and "achievement" in value else LOCAL_PART
    if not elements.section(r, key, known, required=True,
                            fix="give 'course: SLUG' and 'version:', or 'achievement: URL' and 'title:'"):
        return None
    if known == REMOTE_PART:
        return _remote_part(r, site, key)
    slug = elements.required_string(r, key + ("course",), what="the id of one of this site's courses",
                                    fix="add 'course: SLUG', or 'achievement: URL' for another site's course")
    family = courses.get(slug)
    if slug and family is None and (site.source / "content" / "courses" / f"{slug}.md").is_file():
        return None  # the course file is there but has problems of its own, reported with its name
    if slug and family is None:
        r.report(key + ("course",), f"no course '{slug}' in content/courses/",
                 "use the id of one of this site's courses: " + ", ".join(sorted(courses)))
        return None
    if family is None:
        return None
    versions = _versions(r, key, family)
    if not versions:
        return None
    drafts = [v for v in versions if v.status == "draft"]
    if drafts and status != "draft":
        r.report(key + ("course",), f"'{slug}' is a draft, so its Achievement is not published",
                 "publish the course first, or make the pathway a draft (status: draft) too")
    return PathwayPart(tuple(routes.absolute(site, routes.achievement(v)) for v in versions),
                       versions[0].title, versions[0], tuple(versions))


def _versions(r: FieldReader, key: tuple, family: CourseFamily) -> list[Course]:
    """The versions of `family` the part names: one version, or a list of them (any one counts)."""
    vkey = key + ("version",)
    raw = r.raw(vkey)
    fix = f"name a version of '{family.current.slug}': " + ", ".join(v.version for v in family.versions)
    if isinstance(raw, float):
        r.report(vkey, f"{raw} is a number, so YAML may have dropped digits", "put the version in quotes")
        return []
    if isinstance(raw, list):
        given = r.string_list(vkey, required=True, allow_numbers=True, what="the versions that count", fix=fix)
    else:
        one = elements.required_string(r, vkey, allow_numbers=True,
                                       what="a pathway names course versions, as credentials do", fix=fix)
        given = [one] if one else []
    by_version = {v.version: v for v in family.versions}
    out: list[Course] = []
    for j, version in enumerate(given):
        where = vkey + (j,) if isinstance(raw, list) else vkey
        course = by_version.get(version)
        if course is None:
            r.report(where, f"'{family.current.slug}' has no version '{version}'", fix)
        elif course in out:
            r.report(where, f"'{version}' is listed twice", "list each version once")
        else:
            out.append(course)
    return out if len(out) == len(given) else []


def _remote_part(r: FieldReader, site: Site, key: tuple) -> PathwayPart | None:
    url = r.url(key + ("achievement",), required=True, what="the address of another site's Achievement")
    title: Text = r.text(key + ("title",), required=True, what="its name, which this site cannot look up",
                         min_len=3, max_len=255, plain=True)
    if url.startswith(site.base_url):
        r.report(key + ("achievement",), "is an Achievement of this site",
                 "name this site's courses with 'course: SLUG' and 'version:'")
        return None
    if not url or not title:
        return None
    return PathwayPart((url,), title)
