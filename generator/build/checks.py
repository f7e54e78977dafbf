"""What a build checks besides the content itself: the output folder, versions whose meaning
changed in place, credentials of draft courses, and a trial render for `credsite check`."""

from __future__ import annotations

import datetime as dt
import json
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from generator import routes
from generator.build.site_files import achievement_bodies, feeds_updated, site_files
from generator.build.units import Renderer, achievement_problems
from generator.credentials import closed_world
from generator.exports.validate import problems as export_problems
from generator.model import CourseFamily, Pathway, Site
from generator.problems import Code, Problem
from generator.site import documents, outputs
from generator.site.render import course_images

if TYPE_CHECKING:
    from generator.build.pipeline import Content


def draft_credentials(content: Content) -> list[Problem]:
    """check reads drafts too; a build without --drafts refuses credentials of a draft course."""
    counts: dict[str, int] = {}
    for item in content.published:
        if item.course.status == "draft" and item.course.is_current:
            counts[item.course.source] = counts.get(item.course.source, 0) + 1
    return [Problem(source, None, "status", f"the course is a draft, but {count} issued credential(s) are for it; "
                    "a build without --drafts will refuse them", "set 'status: published'", "warning")
            for source, count in sorted(counts.items())]


def trial_render(content: Content) -> list[Problem]:
    """Make the site-wide files and each kind of page once, in memory, so that a theme mistake or a
    document verifiers could not load shows in check as in build."""
    site = content.site
    pathways = tuple(content.pathways)
    bodies = achievement_bodies(site, content.families, pathways)
    table = outputs.table(site, content.families, content.published, outputs.status_lists_in(site.source), pathways)
    try:
        shared = site_files(site, content.families, bodies, table, feeds_updated(content.published), pathways)
        renderer = Renderer(site, pathways)
        if content.families:
            family = content.families[0]
            renderer.course_unit(family, family.current, bodies[family.current.key])
        if content.published:
            item = content.published[0]
            images = {routes.course_image(item.course, name): data
                      for name, data in course_images(renderer.env, site, item.course).items()}
            renderer.badge_unit(item, images)
    except (jinja2.TemplateError, RecursionError) as exc:
        return [template_problem(exc, site)]
    # Each version's own Achievement too, as build checks it: not only the index that holds them all.
    achievements = {routes.achievement(c): documents.dumps(documents.standalone(bodies[c.key])).encode()
                    for f in content.families for c in f.versions}
    return (closed_world.output_problems({**shared, **achievements}, outputs.publishes(site, table))
            + export_problems(site, content.families, shared) + pathway_problems(content.pathways, bodies))


def pathway_problems(pathways, bodies: dict[tuple[str, str], dict]) -> list[Problem]:
    """The data-loss check each course's Achievement gets in its unit, for each pathway's (a site file)."""
    return [problem for pathway in pathways
            for problem in achievement_problems(pathway.source, documents.standalone(bodies[pathway.key]))]


def table_problems(table: list[outputs.Output], written: list[str]) -> list[Problem]:
    """The build wrote exactly the files the outputs table names, and hosts have a rule for each."""
    named, made = {o.route for o in table}, set(written)
    problems = [Problem(route, None, "", f"{what} (the outputs table and the build disagree)",
                        "report this as a bug in credsite", code=Code.BUG)
                for what, routes_ in (("written, but not in the outputs table", made - named),
                                      ("in the outputs table, but not written", named - made))
                for route in sorted(routes_)]
    return problems


def template_problem(exc: jinja2.TemplateError | RecursionError, site: Site) -> Problem:
    """A theme mistake, reported at its template line rather than as a credsite crash."""
    if isinstance(exc, RecursionError):
        return Problem("theme", None, "template", "a template extends or includes itself, directly or "
                       "through others", "in a site theme, extend the default's copy: {% extends \"default/<name>\" %}")
    name, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if not name:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".html")]
        if frames:
            name, line = frames[-1].filename, frames[-1].lineno
    shown = name or "theme"
    try:
        shown = str(Path(shown).resolve().relative_to(site.source.resolve()))
    except ValueError:
        pass
    return Problem(shown, line, "template", f"{type(exc).__name__}: {exc.message or exc}",
                   "fix the template; credsite docs themes lists the variables each template gets")


def changed_versions(content: Content, achievements: dict[str, bytes], output: Path) -> list[Problem]:
    """Warn when a published version's learning content changed without a new version.

    Issued credentials point at a version's Achievement URL; if its outcomes,
    workload, level or assessment change in place, old badges silently change meaning.
    """
    watched = ("learningOutcome", "creditsAvailable", "studyLoadHours", "eqfLevel",
               "assessmentType", "participationMode", "qualityAssurance", "resultDescription")
    problems = []
    for family in content.families:
        for course in family.versions:
            name = routes.achievement(course)
            previous = output / name
            if name not in achievements or not previous.is_file():
                continue  # reused unchanged from the previous build, or new
            try:
                old = json.loads(previous.read_bytes())
            except (OSError, ValueError):
                continue
            new = json.loads(achievements[name])
            changed = [key for key in watched if old.get(key) != new.get(key)]
            if changed:
                problems.append(Problem(
                    course.source, None, "version",
                    f"'{course.version}' is already published, but its {', '.join(changed)} changed",
                    f"credentials issued for {course.version} would change meaning: keep the published "
                    f"text as content/courses/archive/{course.slug}/{course.version}.md (from git history) "
                    "and give this course a new version", "warning", Code.CHANGED_IN_PLACE))
    return problems


def site_files_checked(site: Site, families: list[CourseFamily], bodies: dict[tuple[str, str], dict],
                       site_rows: list[outputs.Output], updated: dt.datetime,
                       pathways: Sequence[Pathway]) -> tuple[dict[str, bytes], list[Problem]] | Problem:
    """The site-wide files and what the registries' checks find in their exports; or the theme mistake that
    stopped them, as a problem (made where the error happened: its traceback names the template line)."""
    try:
        shared = site_files(site, families, bodies, site_rows, updated, pathways)
    except (jinja2.TemplateError, RecursionError) as exc:
        return template_problem(exc, site)
    return shared, export_problems(site, families, shared)
