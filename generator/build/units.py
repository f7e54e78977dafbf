"""Render the site's many small units, once, on all cores.

A unit is one course version (its pages, Achievement JSON and images) or one
issued credential (its pages, JSON and baked images). Each unit has a key: a
hash of everything its output depends on. A unit whose key matches the last
build is not rendered again; its files are hard-linked from the previous output.
Units that must be rendered are spread over worker processes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import multiprocessing.synchronize
import os
from collections.abc import Callable, Iterable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from generator import routes
from generator.build import writer
from generator.build.host_usage import Tally
from generator.build.identity import fingerprint, output_identity
from generator.build.issued import Judge, Judged, Todo, Verifying, judge, judged_uuid, read_ahead
from generator.build.pool import worker_pool
from generator.build.store import Store, empty
from generator.credentials.findings import Finding
from generator.credentials.linked_data import data_loss
from generator.model import Award, Course, CourseFamily, IssuedCredential, Pathway, Published, Site, Verdict
from generator.problems import Code, Problem
from generator.site import documents, theme
from generator.site.badge_view import revocation_dates
from generator.site.outputs import badge_unit_id, course_unit_id
from generator.site.render import (
    PageContext,
    asset_hashes,
    course_images,
    make_environment,
    render_badge,
    render_course,
)

PARALLEL_FROM = 24  # below this many units a worker pool costs more than it saves
BATCH = 100  # credentials per worker task


class Renderer:
    """The template environment and page helpers of one site, built once per process."""

    def __init__(self, site: Site, pathways: tuple[Pathway, ...] = ()):
        self.site = site
        self.pathways = pathways  # course pages list the pathways they count for
        self.env = make_environment(site)
        self.assets = asset_hashes(site)
        self.strings = {lang: theme.strings(site, lang) for lang in site.languages}
        from generator.site.badge_pages import BadgePages

        # This process's skeletons of badge pages: what the credentials of one course version share.
        self.badge_pages = BadgePages(self.env)

    def ctx(self, lang: str, path: str) -> PageContext:
        return PageContext(self.site, lang, path, self.strings[lang], self.assets)

    def course_unit(self, family: CourseFamily, course: Course,
                    achievement: dict) -> tuple[dict[str, bytes], list[Problem]]:
        """A course version's pages, images and Achievement (its body made once per build, by the pipeline)."""
        site: Site = self.site
        files: dict[str, bytes] = {}
        problems: list[Problem] = []
        # Every version has a permanent page; the current one also has the course URL,
        # and both point search engines at one canonical URL.
        paths = [routes.course, routes.course_version] if course.is_current else [routes.course_version]
        canonical = {lang: routes.course(site, lang, course) for lang in site.languages}
        for path_for in paths:
            for lang in site.languages:
                path = path_for(site, lang, course)
                html = render_course(self.env, site, lang, family, course, self.ctx(lang, path), canonical,
                                     self.pathways)
                files[routes.output_file(path)] = html.encode()
        for name, data in course_images(self.env, site, course).items():
            files[routes.course_image(course, name)] = data
        document = documents.standalone(achievement)
        problems += achievement_problems(course.source, document)
        files[routes.achievement(course)] = documents.dumps(document).encode()
        return files, problems

    def badge_unit(self, item, course_images: dict[str, bytes]) -> dict[str, bytes]:
        return render_badge(self.env, self.site, item, course_images, self.ctx, self.badge_pages)


def achievement_problems(source: str, document: dict) -> list[Problem]:
    """What JSON-LD processing would drop from a published Achievement (a course's or a pathway's):
    credsite makes these documents, so a loss is a bug in it, never in the content."""
    return [Problem(source, None, "", f"Achievement JSON-LD: {loss}", "report this as a credsite bug")
            for loss in data_loss(document)]


@dataclass(frozen=True)
class Job:
    """What a process needs to render units: the site's renderer and where files go."""

    renderer: Renderer
    out: writer.Files  # into the staging folder (see writer.Staging)
    images: dict[str, bytes] = field(default_factory=dict)  # course badge images, read once
    previous: str = ""  # the output a patch changes: unchanged course images are there, not in `out.root`


BAKED = ("badge.png", "badge.svg")  # the course images a credential gets a baked copy of (baked_images: build)


def course_job(job: Job, family: CourseFamily, course: Course,
               achievement: dict) -> tuple[list[str], list[Problem], bytes, Tally]:
    """Render and write one course version; its file names, problems, Achievement JSON and what it wrote."""
    files, problems = job.renderer.course_unit(family, course, achievement)
    tally = Tally()
    for name, data in files.items():
        job.out.put(name, data)
        tally.add(name, len(data))
    return sorted(files), problems, files[routes.achievement(course)], tally


def badge_job(job: Job, items: list[Published]) -> tuple[list[list[str]], Tally]:
    """Render and write each credential's files; their names, one list per credential, and what they wrote."""
    tally = Tally()
    return [_badge_files(job, item, tally) for item in items], tally


def _badge_files(job: Job, item: Published, tally: Tally) -> list[str]:
    """Render and write one credential's files; their names.

    The course images to bake are already in the staging folder (made by the
    course units, or linked from the last build), so workers read them there.
    """
    for image in BAKED if job.renderer.site.bakes_images else ():
        path = routes.course_image(item.course, image)
        if path not in job.images:
            staged = os.path.join(job.out.root, path)
            where = staged if not job.previous or os.path.exists(staged) else os.path.join(job.previous, path)
            with open(where, "rb") as handle:
                job.images[path] = handle.read()
    files = job.renderer.badge_unit(item, job.images)
    # Without a pool (one core, a small site) the items are the plan's and live until the build ends: their
    # documents must not (a hundred thousand of them took gigabytes). A worker's items are its batch's.
    item.credential.parsed = None
    for name, data in files.items():
        job.out.put(name, data)
        tally.add(name, len(data))
    return sorted(files)


@dataclass(frozen=True)
class Judging:
    """What rendering needs to judge the credentials no unit of the last output may hold (a cold build: all of
    them) where it renders them: each is read, hashed and parsed once, not once to judge and again to render, and
    no stage waits for the slowest worker of the one before. Forked workers inherit it."""

    judge: Judge
    verifying: Verifying  # what a judgement means (Verifying.outcome)
    fp: str
    depends: dict[tuple[str, str], object]  # badge_depends_on of each award, by its key
    revocations: dict  # site/badge_view.revocation_dates
    # Set once the build is known to fail (a credential refused without --skip-invalid, or changed): the rest are
    # judged, to report them all, but not rendered.
    stop: multiprocessing.synchronize.Event
    skip_invalid: bool
    links_seen: dict[tuple, list[Finding]] = field(default_factory=dict)


Judgement = tuple[Judged | None, str, list[str]]  # a credential judged, its unit's key and files ("", [] if none)


def judge_job(job: Job, judging: Judging, todo: list[Todo]) -> tuple[list[Judgement], Tally]:
    """Judge each credential, then render the ones that may be published (unless told to stop). The whole batch
    is judged first: judging one credential and rendering it in turn took a twentieth longer (each evicts what
    the other keeps in the processor's caches)."""
    tally = Tally()
    had = [cred.stored for cred, _ in todo]
    read_ahead(cred for cred, _ in todo)
    # The bytes and document of each stay on the credential (this process's copy) for its pages.
    answers = [judge(judging.judge, cred, proven, judging.links_seen, keep=True) for cred, proven in todo]
    out: list[Judgement] = []
    for (cred, _), answer, stored in zip(todo, answers, had, strict=True):
        item = judging.verifying.outcome(cred, answer) if answer is not None else None
        if item is None or judging.stop.is_set():
            out.append((answer, "", []))
        else:
            key = badge_key(judging.fp, item, judging.depends[item.course.key], judging.revocations)
            out.append((answer, key, _badge_files(job, item, tally)))
            item.credential.stored, item.credential.parsed = stored, None  # a copy, when the file's bytes were new
        cred.stored, cred.parsed = stored, None
    return out, tally


@dataclass(frozen=True)
class _Worker:
    job: Job
    courses: list[tuple[CourseFamily, Course, dict]]
    awards: list[Award]
    judging: Judging | None


_worker: _Worker | None = None
Batch = list[tuple[IssuedCredential, Verdict, str, dt.date | None, int]]  # a Published, its award by position


def _init_worker(site: Site, root: str, mtime: int | None, pathways: tuple[Pathway, ...], previous: str,
                 courses: list[tuple[CourseFamily, Course, dict]], awards: list[Award],
                 judging: Judging | None) -> None:
    global _worker
    _worker = _Worker(Job(Renderer(site, pathways), writer.Files(root, mtime), previous=previous), courses, awards,
                      judging)


def _work() -> _Worker:
    if _worker is None:
        raise RuntimeError("a render worker was used before its initializer ran")
    return _worker


def _pool_course_job(index: int) -> tuple[list[str], list[Problem], bytes, Tally]:
    work = _work()
    return course_job(work.job, *work.courses[index])


def _pool_badge_job(batch: Batch) -> tuple[list[list[str]], Tally]:
    work = _work()
    return badge_job(work.job, [Published(credential, verdict, work.awards[award], reason, checked_on)
                                for credential, verdict, reason, checked_on, award in batch])


def _pool_judge_job(todo: list[Todo]) -> tuple[list[Judgement], Tally]:
    work = _work()
    if work.judging is None:
        raise RuntimeError("a render worker was given credentials to judge without what judging needs")
    return judge_job(work.job, work.judging, todo)


def _batches(items: list[Published]) -> tuple[list[Award], list[Batch]]:
    """The awards of `items`, and the items in batches that name their award by its position among them."""
    awards: list[Award] = []
    position: dict[int, int] = {}
    for item in items:
        if id(item.course) not in position:
            position[id(item.course)] = len(awards)
            awards.append(item.course)
    batches = [[(item.credential, item.verdict, item.reason, item.checked_on, position[id(item.course)])
                for item in items[i:i + BATCH]] for i in range(0, len(items), BATCH)]
    return awards, batches


def _key(*parts: object) -> str:
    # repr() tells str from int and nests lists alike; a third of json.dumps' cost, paid once per unit.
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def course_key(site: Site, fp: str, family: CourseFamily, course: Course, pathways: tuple[Pathway, ...] = ()) -> str:
    own = site.source / "content" / course.image if course.image else None
    return _key(fp, (site.source / course.source).read_bytes().decode("utf-8", "replace"),
                course.is_current, course.status, [(c.version, c.is_current) for c in family.versions],
                own.read_bytes().hex() if own else "",
                [hashlib.sha256(e.raw).hexdigest() for e in course.endorsements],  # the page shows them
                [pathway_key(site, fp, p) for p in pathways if p.counts(course)])  # the page lists them


def badge_key(fp: str, item: Published, depends_on: object, revocations: dict) -> str:
    """Everything a credential's unit depends on. `depends_on`: badge_depends_on its course version or pathway
    (the same for all of its credentials); `revocations`: site/badge_view.revocation_dates."""
    # The page shows the day its status was checked, so it is rendered again once a day.
    # A revoked credential's page shows the day content/status/revocations.csv gives, which may be corrected.
    revoked_on = revocations.get(str(item.credential.facts.get("id"))) if item.verdict.status == "revoked" else None
    return _key(fp, item.credential.digest, item.verdict.status, item.reason, str(revoked_on), depends_on,
                str(item.checked_on))


def badge_depends_on(site: Site, award: Award, award_key: str) -> object:
    """What a credential's unit takes from its course version or pathway. Its page shows the signed credential,
    and of the award only where its page is (kind, slug, version, whether current): editing a course's text does
    not make its credentials' pages again. Baked images (baked_images: build) hold the award's drawn image, so
    then they depend on all of it."""
    if site.bakes_images:
        return award_key
    return documents.award_identity(award)


def pathway_key(site: Site, fp: str, pathway: Pathway) -> str:
    """What a pathway's badges (and the pages of its parts) show of it: its file."""
    return _key(fp, (site.source / pathway.source).read_bytes().decode("utf-8", "replace"))


class UnitCache:
    """What the last published output holds, unit by unit (the "units" section of the build's cache, store.py):
    each unit's key and files, the site-wide files by digest, what the output takes on its host, and the problems
    its checks found.

    The cache describes one output folder, the one published right after it was
    written; it is trusted only for that same folder. Building into another
    folder, or after a build that published but died before saving, renders
    everything again instead of reusing files the output does not hold.
    """

    def __init__(self, site: Site, output: Path | None, fp: str, paranoid: bool = False, store: Store | None = None,
                 adding: bool = False):
        """`adding`: for a build that only adds units (build/delta.py): the units of the output are not read, and
        `save` adds the new ones to them."""
        # Without the build's store, the cache opens the site's for each of its own reads and writes.
        self.database = store if store is not None else Store(site.source, transient=True)
        self.output = output
        self.adding = adding
        snapshot = self.database.read("units", ("unit_problems", "site_files", "output_problems") if adding else None)
        meta, tables = snapshot.meta, snapshot.tables
        identity = output_identity(output)
        same = (meta.get("fingerprint") == fp and identity is not None and meta.get("output") == json.dumps(identity)
                and all(row[-1] in _CODES for rows in (tables["unit_problems"], tables["output_problems"])
                        for row in rows.values()))
        if not same:
            tables = empty("units").tables
        self.units: dict[str, tuple[str, str, str]] = tables["units"]  # unit -> (unit, key, file names one a line)
        # unit -> its problems' rows (unit, seq, *_row(problem)), for the few units that have any
        self.unit_problems: dict[str, list[tuple]] = {}
        for (unit, _), row in sorted(tables["unit_problems"].items()):
            self.unit_problems.setdefault(unit, []).append(row)
        # The site-wide files (catalogue, feeds, endpoints) of that output, by digest.
        self.site_files: dict[str, str] = tables["site_files"]
        # What that output takes on its host (host_usage.Usage), so a patch need not walk it to know.
        usage = [meta.get(name) for name in _USAGE]
        self.usage: list | None = usage if same and None not in usage else None
        self.fresh_usage: list | None = None
        # What the checks of that whole output found (templates' warnings, host limits, ...): a build that finds
        # its output unchanged reports them again.
        self.output_problems: list[Problem] | None = (
            [_problem(row[1:]) for _, row in sorted(tables["output_problems"].items())] if same else None)
        self.fresh_output_problems: list[tuple] = []
        self.fp = fp
        # The output is the folder the cache describes (same path and inode), so its files are there unless
        # someone removed them by hand; `paranoid` looks at each one rather than trust that.
        self.paranoid = paranoid
        self.fresh: dict[str, tuple[str, str, str]] = {}
        self.fresh_problems: dict[str, list[tuple]] = {}
        self.fresh_site_files: dict[str, str] = {}
        self.every_site_file = True

    def same_site_files(self, files: dict[str, bytes]) -> bool:
        """True when the previous output holds exactly these site-wide files."""
        return files.keys() == self.site_files.keys() and all(self.same_file(n, data) for n, data in files.items())

    def same_file(self, name: str, data: bytes) -> bool:
        """The previous output holds this site-wide file with these bytes."""
        return (self.output is not None and self.site_files.get(name) == hashlib.sha256(data).hexdigest()
                and os.path.isfile(os.path.join(self.output, name)))

    def gone(self, reused: Mapping[str, object], made: Iterable[str]) -> set[str]:
        """The files of the previous output the new one no longer has: those of its site-wide files and of its units
        that were not `reused`, less the files `made` anew (site-wide and rendered). A reused unit's files stay,
        and were no other unit's."""
        old = set(self.site_files)
        for unit, entry in self.units.items():
            if unit not in reused:
                old.update(_names(entry[2]))
        return old.difference(made)

    def key(self, unit: str) -> str | None:
        """The key of a unit of the previous output."""
        entry = self.units.get(unit)
        return entry[1] if entry is not None else None

    def store_site_files(self, files: dict[str, bytes], every: bool = True) -> None:
        """The site-wide files the output now holds; `every`: all of them (else only some, the others unchanged)."""
        self.fresh_site_files = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
        self.every_site_file = every

    def hit(self, unit: str, key: str) -> dict | None:
        """The cached unit ({"key", "files", "problems": their rows}) when its key matches and its files are still
        in the previous output."""
        files = self.reuse(unit, key)
        if files is None:
            return None
        return {"key": key, "files": files, "problems": [row[2:] for row in self.unit_problems.get(unit, [])]}

    def reuse(self, unit: str, key: str) -> list[str] | None:
        """The files of a unit of the previous output, kept for the next (with its problems), when its key matches
        and they are still there."""
        entry = self.units.get(unit)
        if entry is None or entry[1] != key or self.output is None:
            return None
        files = _names(entry[2])
        if self.paranoid:
            base = str(self.output) + os.sep
            if not all(os.path.isfile(base + name) for name in files):
                return None
        self.fresh[unit] = entry
        if unit in self.unit_problems:
            self.fresh_problems[unit] = self.unit_problems[unit]
        return files

    def store(self, unit: str, key: str, files: list[str], problems: tuple[Problem, ...] | list[Problem] = ()) -> None:
        text = "\n".join(files)
        if files and text.count("\n") != len(files) - 1:
            return  # a name with a line break cannot be recorded: the unit is rendered again next time
        self.fresh[unit] = (unit, key, text)
        if problems:
            self.fresh_problems[unit] = [(unit, i, *_row(p)) for i, p in enumerate(problems)]

    def store_output_problems(self, problems: list[Problem]) -> None:
        self.fresh_output_problems = [(i, *_row(p)) for i, p in enumerate(problems)]

    def forget(self) -> None:
        """Stop the saved cache from vouching for the output: called before publishing, so a build that dies
        between publishing and saving leaves no cache that describes another output."""
        self.database.forget("units", "output")

    def save(self, output: Path) -> None:
        """Record what the just-published `output` holds: the rows that changed (`adding`: the units added, and
        the site-wide files that changed)."""
        identity = output_identity(output)
        meta: dict[str, object] = {"fingerprint": self.fp}
        if identity is not None:
            meta["output"] = json.dumps(identity)
        usage = self.fresh_usage
        if isinstance(usage, list) and len(usage) == len(_USAGE):
            meta.update(zip(_USAGE, usage, strict=True))
        tables: dict[str, Mapping] = {
            "units": self.fresh,
            "unit_problems": {row[:2]: row for unit, rows in self.fresh_problems.items() if unit in self.fresh
                              for row in rows},
            "site_files": self.fresh_site_files,
            "output_problems": {row[0]: row for row in self.fresh_output_problems}}
        if self.adding:
            changed = {n: d for n, d in self.fresh_site_files.items() if self.site_files.get(n) != d}
            # A unit made again may have fewer problems than before: its old rows go first.
            stale = [row[:2] for unit in self.fresh if self.fresh[unit] is not self.units.get(unit)
                     for row in self.unit_problems.get(unit, [])]
            gone_files = [n for n in self.site_files if n not in self.fresh_site_files] if self.every_site_file else []
            self.database.amend("units", meta, {**tables, "site_files": changed}, whole=("output_problems",),
                                gone={"unit_problems": stale, "site_files": gone_files})
        else:
            self.database.write("units", meta, tables)


_USAGE = ("usage_files", "usage_folders", "usage_bytes", "largest", "largest_size")  # host_usage.Usage, in the meta
_CODES = frozenset(code.value for code in Code)


def _names(files: str) -> list[str]:
    return files.split("\n") if files else []


def _row(p: Problem) -> tuple:
    return (p.path, p.line, p.field, p.message, p.fix, p.severity, p.code.value)


def _problem(row: tuple | list) -> Problem:
    return Problem(row[0], row[1], row[2], row[3], row[4], row[5], Code(row[6]))


@dataclass
class Plan:
    """Which units the previous output still holds, and which must be rendered."""

    cache: UnitCache
    reused: dict[str, list[str]]  # unit -> its files in the previous output
    problems: list[Problem]  # remembered warnings of reused course versions
    course_todo: list[tuple[CourseFamily, Course, dict]]  # with the version's Achievement body
    badge_todo: list[tuple[Published, str]]  # with the unit's key
    course_keys: dict[tuple[str, str], str]  # and the pathways' keys: their slugs are never a course's
    pathways: tuple[Pathway, ...] = ()
    revocations: dict = field(default_factory=dict)  # site/badge_view.revocation_dates
    # Credentials to judge where they are rendered (see Judging): no unit of the previous output is theirs.
    to_judge: list[Todo] = field(default_factory=list)
    judging: Judging | None = None

    @property
    def units_unchanged(self) -> bool:
        """Every unit of the previous output is reused, and none is gone or new."""
        return (not self.course_todo and not self.badge_todo and not self.to_judge
                and self.reused.keys() == self.cache.units.keys())

    @property
    def to_render(self) -> int:
        """Units this plan may render: some of those to judge may not be published."""
        return len(self.course_todo) + len(self.badge_todo) + len(self.to_judge)

    def depends_on(self, site: Site, awards: Iterable[Award]) -> dict[tuple[str, str], object]:
        """badge_depends_on of each of these awards, by its key."""
        return {award.key: badge_depends_on(site, award, self.course_keys[award.key]) for award in awards}

    def judge_while_rendering(self, site: Site, verifying: Verifying, todo: list[Todo], skip_invalid: bool) -> None:
        """Have `todo` judged by render_units, and rendered there when they may be published. Without
        `skip_invalid`, one that may not be stops the rendering (the build will fail); the rest are still judged."""
        if verifying.judge is None:
            raise ValueError("judge_while_rendering: nothing to judge")
        depends = self.depends_on(site, verifying.versions.values())
        self.to_judge = todo
        self.judging = Judging(verifying.judge, verifying, self.cache.fp, depends, self.revocations,
                               multiprocessing.get_context("fork").Event(), skip_invalid)


def plan_units(site: Site, families: list[CourseFamily], achievements: dict[tuple[str, str], dict],
               published: list[Published], previous: Path | None, mtime: int | None = None,
               pathways: tuple[Pathway, ...] = (), paranoid: bool = False, store: Store | None = None,
               cache: UnitCache | None = None) -> Plan:
    """`achievements`: each version's Achievement body by course key, made once by the pipeline; `store`: the
    build's caches; `cache`: the units of the previous output, when the caller has read them (build/delta.py)."""
    fp = fingerprint(site, mtime)
    cache = cache if cache is not None else UnitCache(site, previous, fp, paranoid, store)
    plan = Plan(cache, {}, [], [], [], {}, pathways)
    plan.course_keys.update({p.key: pathway_key(site, fp, p) for p in pathways})
    for family in families:
        for course in family.versions:
            key = course_key(site, fp, family, course, pathways)
            plan.course_keys[course.key] = key
            unit = course_unit_id(course.slug, course.version)
            entry = cache.hit(unit, key)
            if entry:
                plan.reused[unit] = entry["files"]
                plan.problems.extend(_problem(p) for p in entry["problems"])
            else:
                plan.course_todo.append((family, course, achievements[course.key]))
    revocations = plan.revocations = revocation_dates(site.source)
    depends = plan.depends_on(site, {item.course.key: item.course for item in published}.values())
    for item in published:
        key = badge_key(fp, item, depends[item.course.key], revocations)
        unit = badge_unit_id(item.credential.uuid)
        files = cache.reuse(unit, key)
        if files is not None:
            plan.reused[unit] = files
        else:
            plan.badge_todo.append((item, key))
    return plan


@dataclass
class Rendered:
    names: list[str]  # every file the units put into the output
    made: list[str]  # those rendered by this build (the others are the reused units')
    problems: list[Problem]
    achievements: dict[str, bytes]  # Achievement JSON of the course versions rendered this time
    judged: list[Judged | None] = field(default_factory=list)  # the plan's to_judge, in order


def _repeats(batch: list[Judgement], ids: set[str]) -> bool:
    """Whether a credential of `batch` has the id of one judged before (adding each to `ids`): a duplicate file,
    which fails the build (loading's rule, which finish applies to files a cold build left unread). Found here,
    the rest of a large site is not rendered for nothing."""
    repeated = False
    for answer, _, _ in batch:
        if answer is not None and answer.summary:
            repeated = repeated or answer.summary[0] in ids
            ids.add(answer.summary[0])
    return repeated


def render_units(site: Site, plan: Plan, previous: Path | None, stage: writer.Staging | writer.Patch,
                 workers: int | None = None, progress=None,
                 meanwhile: Callable[[], object] = lambda: None) -> Rendered:
    """Render the units that changed into the staging folder; into a whole new output (Staging), also link
    the reused units' files from the previous output (a Patch leaves them where they are). `meanwhile`: work
    for this process while the workers render the credentials."""
    names: list[str] = []
    base = str(previous) + os.sep
    for files in plan.reused.values():
        if isinstance(stage, writer.Staging):
            for name in files:
                stage.link(name, base + name)
        names += files
    problems = list(plan.problems)
    course_todo, badge_todo, cache, judging = plan.course_todo, plan.badge_todo, plan.cache, plan.judging
    to_judge = plan.to_judge if judging is not None else []
    if progress:
        units = len(plan.reused) + plan.to_render
        also = f", judging {len(to_judge)} credential(s) as they are rendered" if to_judge else ""
        progress(f"rendering {plan.to_render} of {units} course versions and badges (the rest are unchanged{also})")
    workers = workers or os.cpu_count() or 1
    use_pool = workers > 1 and plan.to_render >= PARALLEL_FROM
    items: list[Published] = [item for item, _ in badge_todo]
    awards, batches = _batches(items) if use_pool else ([], [])
    patched = "" if isinstance(stage, writer.Staging) or previous is None else str(previous)
    judgements: list[Judgement] = []
    tally = stage.tally if isinstance(stage, writer.Staging) else Tally()

    ids: set[str] = set()  # of the credentials judged so far

    def take(results: Iterable[tuple[list[Judgement], Tally]]) -> None:
        for batch, tallied in results:
            judgements.extend(batch)
            tally.merge(tallied)
            if judging is not None and not judging.stop.is_set() and (
                    _repeats(batch, ids) or any(judging.verifying.stops(answer, judging.skip_invalid)
                                                for answer, _, _ in batch)):
                judging.stop.set()  # the build fails: the workers judge the rest without rendering them

    with (worker_pool(workers, _init_worker, (site, stage.root, stage.mtime, plan.pathways, patched, course_todo,
                                              awards, judging)) if use_pool
          else nullcontext()) as pool:
        if pool is None:
            meanwhile()
            local = Job(Renderer(site, plan.pathways), stage.files, previous=patched)
            course_results = [course_job(local, *todo) for todo in course_todo]
            badge_results = [badge_job(local, items)]
            if judging is not None:
                take(judge_job(local, judging, to_judge[i:i + BATCH]) for i in range(0, len(to_judge), BATCH))
        else:
            course_results = list(pool.map(_pool_course_job, range(len(course_todo))))
            # Small batches keep both workers busy to the end.
            done = pool.map(_pool_badge_job, batches)  # every task handed out at once
            judging_done = pool.map(_pool_judge_job, [to_judge[i:i + BATCH] for i in range(0, len(to_judge), BATCH)])
            meanwhile()
            badge_results = list(done)
            take(judging_done)
    badge_names = [unit for batch, _ in badge_results for unit in batch]
    for _, tallied in badge_results:
        tally.merge(tallied)
    achievements = {}
    reused_count = len(names)
    for (_, course, _), (unit_names, unit_problems, achievement, tallied) in zip(course_todo, course_results,
                                                                                 strict=True):
        tally.merge(tallied)
        names += unit_names
        problems.extend(unit_problems)
        achievements[routes.achievement(course)] = achievement
        cache.store(course_unit_id(course.slug, course.version), plan.course_keys[course.key], unit_names,
                    unit_problems)
    for (item, key), unit_names in zip(badge_todo, badge_names, strict=True):
        names += unit_names
        cache.store(badge_unit_id(item.credential.uuid), key, unit_names)
    for (cred, _), (answer, key, unit_names) in zip(to_judge, judgements, strict=True):
        if unit_names:
            assert answer is not None  # rendered: judged, and found publishable
            names += unit_names
            cache.store(badge_unit_id(judged_uuid(cred, answer)), key, unit_names)
    return Rendered(names, names[reused_count:], problems, achievements, [answer for answer, _, _ in judgements])
