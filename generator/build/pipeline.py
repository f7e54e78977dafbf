"""The build pipeline: load -> validate -> render -> write.

`check()` runs the first two stages and writes nothing; `build()` runs all of
them and swaps the finished output in atomically.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import jinja2

from generator.credentials import closed_world, statuslist
from generator.site import feeds, documents, search, theme
from generator import routes
from generator.content.config import load_site
from generator.content.courses import load_courses
from generator.credentials.did import did_document
from generator.site.hosting import headers_file
from generator.build.issued import verify_issued
from generator.content.issued import load_issued
from generator.credentials.linked_data import extension_context
from generator.model import CourseFamily, IssuedCredential, Published, Site
from generator.problems import Problem, errors, sort_key
from generator.site.render import course_images, render_catalogue, render_issuer, render_not_found
from generator.build.units import Renderer, plan_units, render_units
from generator.build.writer import staging


Progress = Callable[[str], None]  # receives one line per stage of a long build


@dataclass
class Content:
    site: Site | None
    families: list[CourseFamily] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    credentials: list[IssuedCredential] = field(default_factory=list)
    published: list[Published] = field(default_factory=list)  # filled by verify()

    @property
    def ok(self) -> bool:
        return self.site is not None and not errors(self.problems)


@dataclass
class BuildResult:
    problems: list[Problem]
    files: list[str] = field(default_factory=list)  # every file of the published output
    written: bool = False  # a new output was swapped in
    up_to_date: bool = False  # nothing changed, so the output was left as it was

    @property
    def ok(self) -> bool:
        return not errors(self.problems)


def load(source: Path, base_url: str | None = None, drafts: bool = False) -> Content:
    problems: list[Problem] = []
    site = load_site(source, problems, base_url)
    if site is None:
        return Content(None, [], sorted(problems, key=sort_key))
    problems += theme.link_problems(site) + theme.string_problems(site) + theme.language_problems(site)
    families = load_courses(site, problems)
    if not drafts:
        families = [f for f in families if f.current.status != "draft"]
    credentials = load_issued(site, problems)
    return Content(site, families, sorted(problems, key=sort_key), credentials)


def verify(content: Content, skip_invalid: bool = False, save_cache: bool = True,
           progress: Progress | None = None) -> Content:
    """Check every issued credential; only those that verify are published."""
    if content.site is None or errors(content.problems):
        return content
    published, problems = verify_issued(content.site, content.credentials, content.families,
                                        now(), skip_invalid, save_cache, progress)
    content.published = published
    content.problems = sorted(content.problems + problems, key=sort_key)
    return content


def check(source: Path, base_url: str | None = None) -> Content:
    """Everything a build checks, without writing anything (not even the cache)."""
    content = verify(load(source, base_url, drafts=True), save_cache=False)
    if content.site is not None and not errors(content.problems):
        content.problems = sorted(content.problems + trial_render(content) + draft_credentials(content),
                                  key=sort_key)
    return content


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
    try:
        shared = site_files(content)
        renderer = Renderer(site)
        if content.families:
            family = content.families[0]
            renderer.course_unit(family, family.current)
        if content.published:
            item = content.published[0]
            images = {routes.course_image(item.course, name): data
                      for name, data in course_images(renderer.env, site, item.course).items()}
            renderer.badge_unit(item, images)
    except (jinja2.TemplateError, RecursionError) as exc:
        return [template_problem(exc, site)]
    status_lists = [p for p in statuslist.PURPOSES if routes.status_list(p) in shared]
    publishes = closed_world.verifiable_urls(site, content.families, status_lists)
    return closed_world.output_problems(shared, publishes)


def now() -> dt.datetime:
    """The moment expiry is judged at: SOURCE_DATE_EPOCH for reproducible builds, else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc)


def site_files(content: Content) -> dict[str, bytes]:
    """The site-wide files: catalogue, issuer page, feeds, sitemap, endpoints, theme assets."""
    site, families = content.site, content.families
    files: dict[str, bytes] = {}
    renderer = Renderer(site)
    env, ctx = renderer.env, renderer.ctx
    pages: list[dict[str, str]] = []

    offered = [f for f in families if f.current.status != "withdrawn"]
    for lang in site.languages:
        path = routes.catalogue(site, lang)
        files[routes.output_file(path)] = render_catalogue(env, site, lang, offered, ctx(lang, path)).encode()
        files[search.index_path(site, lang)] = search.search_index(site, lang, offered)
    pages.append({lang: routes.catalogue(site, lang) for lang in site.languages})
    pages += [{lang: routes.course(site, lang, c) for lang in site.languages} for f in families for c in f.versions]

    versions = [c for f in families for c in f.versions]
    files[routes.achievements_index()] = documents.dumps(documents.achievements_index(site, versions)).encode()
    for lang in site.languages:
        path = routes.issuer_page(site, lang)
        files[routes.output_file(path)] = render_issuer(env, site, lang, ctx(lang, path)).encode()
    pages.append({lang: routes.issuer_page(site, lang) for lang in site.languages})
    files[routes.issuer_profile()] = documents.dumps(
        {"@context": list(documents.OB_CONTEXTS), **documents.issuer_profile(site)}).encode()
    files[routes.EXTENSION_CONTEXT_PATH] = documents.dumps(extension_context()).encode()

    updated = build_time(site)
    for lang in site.languages:
        files[routes.feed(site, lang)] = feeds.atom(site, lang, offered, updated)
    files["sitemap.xml"] = feeds.sitemap(site, pages)
    files["robots.txt"] = feeds.robots(site)
    files["404.html"] = render_not_found(env, site, ctx(site.default_language, "404.html")).encode()
    for name, source in theme.static_files(site).items():
        files[routes.static(name)] = source.read_bytes()
    if site.institution.logo:
        files[routes.static("logo" + Path(site.institution.logo).suffix)] = \
            (site.source / "content" / site.institution.logo).read_bytes()
    if site.keys:
        files[routes.did_document(site)] = documents.dumps(did_document(site)).encode()
    for purpose in statuslist.PURPOSES:
        status_file = site.source / "content" / "status" / f"{purpose}.json"
        if status_file.is_file():  # signed bytes, published unchanged
            files[routes.status_list(purpose)] = status_file.read_bytes()
    # GitHub Pages would hide folders starting with "_" (and run Jekyll) without it.
    files[".nojekyll"] = b""
    files["_headers"] = headers_file(site)
    return files


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
                   "fix the template; see docs/themes.md for the variables each template gets")


def build_time(site: Site) -> dt.datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the newest content file's time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        seconds = int(epoch)
    else:
        content = site.source / "content"
        seconds = max((int(p.stat().st_mtime) for p in content.rglob("*") if p.is_file()), default=0)
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc)


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
                    "and give this course a new version", "warning"))
    return problems


SOURCE_FOLDERS = ("content", "themes", ".credsite-cache", ".git")  # what a build reads or keeps
BUILD_MARKERS = (".nojekyll", "_headers")  # files every build writes at the top of its output


def check_output_location(source: Path, output: Path) -> list[Problem]:
    """Refuse an output that the build's replace-the-whole-folder publish would destroy wrongly."""
    source, output = source.resolve(), output.resolve()

    def refuse(message: str, fix: str = "build into a separate folder such as _site/") -> list[Problem]:
        return [Problem(str(output), None, "--output", message, fix)]

    if output == source or output in source.parents:
        return refuse("the output folder contains the site's own files")
    for name in SOURCE_FOLDERS:
        if output == source / name or source / name in output.parents:
            return refuse(f"the output folder is inside the site's {name}/ folder")
    if output.exists() and not output.is_dir():
        return refuse("is a file, not a folder; building would replace it")
    if (output / ".git").exists():  # e.g. a gh-pages worktree: replacing the folder would drop its history link
        return refuse("holds a .git folder (a git worktree or repository); every build replaces the whole folder",
                      "build into another folder and copy its files into the worktree, or deploy with "
                      ".github/workflows/deploy.yml")
    if (output / "content" / "site.yaml").exists():
        return refuse("looks like a site's source folder, not a build output", "choose an empty folder or _site/")
    if output.is_dir() and any(output.iterdir()) and not all((output / m).is_file() for m in BUILD_MARKERS):
        return refuse("is a folder with other files in it, not a site credsite built (it has no "
                      f"{' or '.join(BUILD_MARKERS)}); every build replaces the whole folder",
                      "choose a new or empty folder, or move those files away first")
    return []


def build(source: Path, output: Path, base_url: str | None = None, drafts: bool = False,
          skip_invalid: bool = False, progress: Progress | None = None) -> BuildResult:
    say = progress or (lambda message: None)
    content = load(source, base_url, drafts)
    if content.ok:
        say(f"loaded {len(content.families)} course(s) and {len(content.credentials)} credential(s)")
    content = verify(content, skip_invalid, progress=progress)
    problems = list(content.problems) + check_output_location(source, output)
    if not content.ok or errors(problems):
        return BuildResult(sorted(problems, key=sort_key))
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    mtime = int(epoch) if epoch.isdigit() else None
    previous = output if output.is_dir() else None
    site = content.site
    plan = plan_units(site, content.families, content.published, previous, mtime)
    try:
        shared = site_files(content)
    except (jinja2.TemplateError, RecursionError) as exc:
        return BuildResult(sorted(problems + [template_problem(exc, site)], key=sort_key))
    if previous is not None and plan.units_unchanged and plan.cache.same_site_files(shared):
        # The new output would be the old one, file for file: leave it alone.
        names = [name for files in plan.reused.values() for name in files] + list(shared)
        say(f"nothing changed since the last build; {len(names)} files are up to date")
        return BuildResult(sorted(problems + plan.problems, key=sort_key), names, up_to_date=True)
    with staging(output, mtime) as stage:
        try:
            rendered = render_units(site, plan, previous, stage, progress=progress)
        except (jinja2.TemplateError, RecursionError) as exc:
            return BuildResult(sorted(problems + [template_problem(exc, site)], key=sort_key))
        for name, data in shared.items():
            stage.write(name, data)
        names = rendered.names + list(shared)
        publishes = closed_world.published_by(site, set(names))
        problems = sorted(problems + rendered.problems + changed_versions(content, rendered.achievements, output)
                          + closed_world.output_problems({**shared, **rendered.achievements}, publishes),
                          key=sort_key)
        if errors(problems):
            return BuildResult(problems)
        say(f"publishing {len(names)} files")
        plan.cache.forget()
        stage.publish()
    # Only now does the output hold what the cache describes.
    plan.cache.store_site_files(shared)
    plan.cache.save(output)
    return BuildResult(problems, names, written=True)
