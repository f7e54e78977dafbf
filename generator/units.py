"""Render the site's many small units, once, on all cores.

A unit is one course version (its pages, Achievement JSON and images) or one
issued credential (its pages, JSON and baked images). Each unit has a key: a
hash of everything its output depends on. A unit whose key matches the last
build is not rendered again; its files are hard-linked from the previous output.
Units that must be rendered are spread over worker processes.
"""

from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator import __version__, jsonld, routes, theme
from generator.linked_data import data_loss
from generator.model import Course, CourseFamily, Site
from generator.problems import Problem
from generator.render import (PageContext, asset_hashes, course_images, make_environment, render_badge,
                              render_course)

CACHE_FILE = ".credsite-cache/units.json"
PARALLEL_FROM = 24  # below this many units a worker pool costs more than it saves


@dataclass(frozen=True)
class Reuse:
    """An output file identical to one in the previous build: linked, not rewritten."""

    path: str


class Renderer:
    """The template environment and page helpers of one site, built once per process."""

    def __init__(self, site: Site):
        self.site = site
        self.env = make_environment(site)
        self.assets = asset_hashes(site)
        self.strings = {lang: theme.strings(site, lang) for lang in site.languages}

    def ctx(self, lang: str, path: str) -> PageContext:
        return PageContext(self.site, lang, path, self.strings[lang], self.assets)

    def course_unit(self, family: CourseFamily, course: Course) -> tuple[dict[str, bytes], list[Problem]]:
        site, files, problems = self.site, {}, []
        # Every version has a permanent page; the current one also has the course URL,
        # and both point search engines at one canonical URL.
        paths = [routes.course, routes.course_version] if course.is_current else [routes.course_version]
        canonical = {lang: routes.course(site, lang, course) for lang in site.languages}
        for path_for in paths:
            for lang in site.languages:
                path = path_for(site, lang, course)
                html = render_course(self.env, site, lang, family, course, self.ctx(lang, path), canonical)
                files[routes.output_file(path)] = html.encode()
        for name, data in course_images(self.env, site, course).items():
            files[routes.course_image(course, name)] = data
        document = jsonld.achievement(site, course)
        for loss in data_loss(document):
            problems.append(Problem(course.source, None, "", f"Achievement JSON-LD: {loss}",
                                    "report this as a credsite bug"))
        files[routes.achievement(course)] = jsonld.dumps(document).encode()
        return files, problems

    def badge_unit(self, item, course_files: dict[str, bytes]) -> dict[str, bytes]:
        return render_badge(self.env, self.site, item, course_files, self.ctx)


# One renderer per worker process, made by the pool's initializer.
_worker: Renderer | None = None


def _init_worker(site: Site) -> None:
    global _worker
    _worker = Renderer(site)


def _course_job(args):
    family, course = args
    files, problems = _worker.course_unit(family, course)
    return files, problems


def _badge_job(args):
    items, course_files = args
    out = {}
    for item in items:
        out.update(_worker.badge_unit(item, course_files))
    return out


def fingerprint(site: Site) -> str:
    """Everything every unit depends on: theme, site settings, credsite itself."""
    digest = hashlib.sha256(__version__.encode())
    folders = [*theme.theme_dirs(site), Path(__file__).parent]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    digest.update((site.source / "content" / "site.yaml").read_bytes())
    return digest.hexdigest()


def _key(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()


def course_key(site: Site, fp: str, family: CourseFamily, course: Course) -> str:
    own = site.source / "content" / course.image if course.image else None
    return _key(fp, (site.source / course.source).read_bytes().decode("utf-8", "replace"),
                course.is_current, course.status, [(c.version, c.is_current) for c in family.versions],
                own.read_bytes().hex() if own else "")


class UnitCache:
    def __init__(self, site: Site, output: Path | None, fp: str):
        self.path = site.source / CACHE_FILE
        self.output = output
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        self.units: dict = data.get("units", {}) if data.get("fingerprint") == fp else {}
        self.fp = fp
        self.fresh: dict = {}

    def hit(self, unit: str, key: str) -> dict | None:
        """The cached unit when its key matches and its files are still in the previous output."""
        entry = self.units.get(unit)
        if not entry or entry["key"] != key or self.output is None:
            return None
        base = str(self.output) + os.sep
        if not all(os.path.isfile(base + name) for name in entry["files"]):
            return None
        self.fresh[unit] = entry
        return entry

    def store(self, unit: str, key: str, files: dict, problems: list[Problem] = ()) -> None:
        self.fresh[unit] = {"key": key, "files": sorted(files),
                            "problems": [[p.path, p.line, p.field, p.message, p.fix, p.severity]
                                         for p in problems]}

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temp = self.path.with_suffix(".tmp")
            temp.write_text(json.dumps({"fingerprint": self.fp, "units": self.fresh}), encoding="utf-8")
            os.replace(temp, self.path)
        except OSError:
            pass  # a cache that cannot be written only costs time


def render_units(site: Site, families: list[CourseFamily], published: list, output: Path | None,
                 workers: int | None = None, progress=None) -> tuple[dict[str, bytes | Reuse], list[Problem]]:
    fp = fingerprint(site)
    cache = UnitCache(site, output, fp)
    files: dict[str, bytes | Reuse] = {}
    problems: list[Problem] = []
    course_keys: dict[tuple[str, str], str] = {}
    course_todo = []
    for family in families:
        for course in family.versions:
            key = course_key(site, fp, family, course)
            course_keys[course.key] = key
            entry = cache.hit(f"course:{course.slug}/{course.version}", key)
            if entry:
                files.update({name: Reuse(f"{output}/{name}") for name in entry["files"]})
                problems.extend(Problem(*p) for p in entry["problems"])
            else:
                course_todo.append((family, course))

    badge_todo = []
    for item in published:
        key = _key(fp, item.credential.digest, item.verdict.status, item.reason, course_keys[item.course.key])
        entry = cache.hit(f"badge:{item.credential.uuid}", key)
        if entry:
            files.update({name: Reuse(f"{output}/{name}") for name in entry["files"]})
        else:
            badge_todo.append((item, key))

    if progress:
        units = sum(len(f.versions) for f in families) + len(published)
        progress(f"rendering {len(course_todo) + len(badge_todo)} of {units} course versions and badges "
                 "(the rest are unchanged)")
    workers = workers or os.cpu_count() or 1
    use_pool = workers > 1 and len(course_todo) + len(badge_todo) >= PARALLEL_FROM
    pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(site,)) if use_pool else None
    local = None if use_pool else Renderer(site)
    try:
        results = pool.map(_course_job, course_todo) if pool else \
            (local.course_unit(f, c) for f, c in course_todo)
        for (family, course), (unit_files, unit_problems) in zip(course_todo, results):
            files.update(unit_files)
            problems.extend(unit_problems)
            cache.store(f"course:{course.slug}/{course.version}", course_keys[course.key], unit_files,
                        unit_problems)
        # Baking needs each course version's badge images, made above or kept from before.
        needed = {item.course.key for item, _ in badge_todo}
        course_files = {}
        for family in families:
            for course in family.versions:
                if course.key in needed:
                    for name in ("badge.png", "badge.svg"):
                        path = routes.course_image(course, name)
                        data = files[path]
                        course_files[path] = Path(data.path).read_bytes() if isinstance(data, Reuse) else data
        if pool:
            chunk = max(1, len(badge_todo) // (workers * 8))
            batches = [badge_todo[i:i + chunk] for i in range(0, len(badge_todo), chunk)]
            jobs = [([item for item, _ in batch], {k: course_files[k] for k in {
                routes.course_image(item.course, n) for item, _ in batch for n in ("badge.png", "badge.svg")}})
                for batch in batches]
            outputs = [out for out in pool.map(_badge_job, jobs)]
            rendered = {}
            for out in outputs:
                rendered.update(out)
        else:
            rendered = {}
            for item, _ in badge_todo:
                rendered.update(local.badge_unit(item, course_files))
        files.update(rendered)
        by_uuid: dict[str, list[str]] = {}
        for name in rendered:
            parts = name.split("/")
            by_uuid.setdefault(parts[parts.index("badges") + 1], []).append(name)
        for item, key in badge_todo:
            cache.store(f"badge:{item.credential.uuid}", key, dict.fromkeys(by_uuid[item.credential.uuid]))
    finally:
        if pool:
            pool.shutdown()
    cache.save()
    return files, problems
