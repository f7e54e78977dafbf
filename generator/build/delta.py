"""A build that only adds credentials: publish the new ones without loading the others.

Issuing adds files to content/issued/, and changes nothing else a build reads. The manifest (manifest.py) tells
which files under content/ changed since the last build; when they are only new credential files, and the last
build published every credential it had, the rest of the output is what a whole build would make again. Only the
new credentials' units are made (read, judged and rendered as the whole build does, by the same functions), with
the feeds when their time moves (the one thing of the credentials any site-wide file shows), and patched into the
output (writer.Patch). The last build's problems stand, except the host's limits, which are measured again.

Anything else goes the whole way (pipeline.py): a changed or removed credential file, any other change under
content/ (but issuing's own records, which no build reads), a new credential that cannot be published or whose
id the output already has, a problem the last build did not report, a cache that does not describe the output.
tests/test_incremental.py holds the two to the same output.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.build import checks, host_usage, manifest
from generator.build.checks import table_problems
from generator.build.site_files import achievement_bodies, feed_files, feeds_updated
from generator.build.store import Store
from generator.build.units import (
    Plan,
    UnitCache,
    badge_depends_on,
    badge_key,
    course_key,
    pathway_key,
    plan_units,
    render_units,
)
from generator.build.writer import Patch, emptied_folders, patching
from generator.content.status import UNREAD_BY_BUILDS
from generator.credentials import closed_world
from generator.model import Award, CourseFamily, Pathway, Published, Site
from generator.problems import Code, Problem, errors, sort_key
from generator.site import documents, outputs
from generator.site.badge_view import revocation_dates

if TYPE_CHECKING:
    from generator.build.pipeline import Content

MOST = 1000  # more new credentials than this are built the whole way, on all cores
FOLDER = f"{manifest.FOLDER_SIZE}:"


@dataclass(frozen=True)
class Patched:
    """What a build that patched the output without the whole build did (publish_added, publish_offer)."""

    problems: list[Problem]  # the whole site's: the last build's, with the host's limits measured again
    count: int  # files in the output
    updated: dt.datetime  # the feeds' time
    written: bool  # False: an error (a host limit) kept the patch from being published, or nothing changed
    up_to_date: bool = False  # nothing changed: the output was left as it was


def added_credentials(last: manifest.Recorded) -> list[str] | None:
    """The names of the credential files added to content/issued/ since the last build, when nothing else under
    content/ changed and that build published every credential it had; else None."""
    if last.not_published or not last.updated:
        return None
    if any(p.code is Code.CHANGED_IN_PLACE for p in last.problems):
        return None  # said by the build that made the change only: the whole build does not say it again
    names = []
    for path, (then, now) in last.changed.items():
        is_folder = now is not None and now.startswith(FOLDER)
        if is_folder and ((then is not None and then.startswith(FOLDER)) or path == "issued"):
            continue  # a folder's times change with what it holds; what it holds is listed itself
        if f"content/{path}" in UNREAD_BY_BUILDS:
            continue  # credsite issue keeps its records there
        folder, _, name = path.partition("/")
        if (folder != "issued" or "/" in name or then is not None or now is None or now.startswith("-")
                or name.startswith(".") or not name.endswith(".json")):
            return None
        names.append(name)
    return sorted(names) if 0 < len(names) <= MOST else None


def publish_added(store: Store, site: Site, families: list[CourseFamily], pathways: Sequence[Pathway],
            published: list[Published], output: Path, mtime: int | None, fp: str, last: manifest.Recorded,
            say: Callable[[str], None]) -> Patched | None:
    """Render `published` (the new credentials, every one of them publishable) into the output the last build
    left, as a patch; None when the cache cannot vouch for that output or the output has one of them already."""
    cache = UnitCache(site, output, fp, store=store, adding=True)
    if cache.usage is None or cache.output_problems is None:
        return None  # the cache does not describe this output
    if store.lookup("units", [outputs.badge_unit_id(item.credential.uuid) for item in published], strict=True) != {}:
        # A credential the output has already (the whole build names the file that repeats it), or the cache
        # could not say.
        return None
    try:
        before = dt.datetime.fromisoformat(last.updated)
    except ValueError:
        return None
    updated = max(before, feeds_updated(published))
    shared = feed_files(site, families, updated) if updated != before else {}
    revocations = revocation_dates(site.source)
    awards = {item.course.key: item.course for item in published}
    # What a badge takes from its award: all of it only when images are baked at build time (badge_depends_on).
    depends = {k: badge_depends_on(site, award, _award_unit_key(site, fp, families, tuple(pathways), award)
                                   if site.bakes_images else "") for k, award in awards.items()}
    todo = [(item, badge_key(fp, item, depends[item.course.key], revocations)) for item in published]
    plan = Plan(cache, {}, [], [], todo, {}, tuple(pathways))
    usage_before = _usage(cache.usage)
    old_limits = host_usage.problems(site, usage_before)
    with patching(output, mtime) as stage:
        _stage_changed(stage, cache, shared)
        say(f"rendering {len(todo)} new credential(s) into the last build's output")
        rendered = render_units(site, plan, output, stage)
        rows = [o for o in outputs.table(site, [], published, (), ()) if o.unit != outputs.SITE]
        staged = stage.staged()
        usage = host_usage.patched(usage_before, output, Path(stage.root), staged, set(), [])
        say(f"added {len(rendered.names)} files; measured {host_usage.describe(usage)}")
        found = rendered.problems + table_problems(rows, rendered.names) + host_usage.problems(site, usage)
        problems = sorted([p for p in last.problems if p not in old_limits] + found, key=sort_key)
        if errors(problems):
            return Patched(problems, 0, updated, written=False)  # as the whole build: no output counted
        cache.forget()
        manifest.forget(store)
        stage.publish(set())
    cache.store_site_files(shared, every=False)
    cache.store_output_problems([p for p in cache.output_problems if p not in old_limits] + found)
    cache.fresh_usage = [usage.files, usage.folders, usage.bytes, *usage.largest]
    cache.save(output)
    return Patched(problems, last.count + len(rendered.names), updated, written=True)


def _usage(figures: list) -> host_usage.Usage:
    """The output's usage as the unit cache records it (UnitCache.usage)."""
    files, folders, size, largest, largest_size = figures
    return host_usage.Usage(files, folders, size, (largest, largest_size))


def _stage_changed(stage: Patch, cache: UnitCache, shared: dict[str, bytes]) -> None:
    """Into the patch: the site-wide files the output does not hold as they are."""
    for name, data in shared.items():
        if not cache.same_file(name, data):
            stage.write(name, data)


def _award_unit_key(site: Site, fp: str, families: list[CourseFamily], pathways: tuple[Pathway, ...],
                    award: Award) -> str:
    """The unit key of a course version or pathway, as the whole build has it (units.plan_units); not the key its
    credentials' remembered verdicts are kept under (issued._award_key)."""
    if isinstance(award, Pathway):
        return pathway_key(site, fp, award)
    family = next(f for f in families if any(c.key == award.key for c in f.versions))
    return course_key(site, fp, family, award, pathways)


# ---------------------------------------------------------------- courses edited in place


def awards_identity(families: Sequence[CourseFamily], pathways: Sequence[Pathway]) -> str:
    """What the credentials take of every course version and pathway (documents.award_identity), as one digest:
    while it stays the same, no credential's verdict or badge page can change."""
    awards = [documents.award_identity(c) for f in families for c in f.versions]
    awards += [documents.award_identity(p) for p in pathways]
    return hashlib.sha256(repr(sorted(map(repr, awards))).encode()).hexdigest()


def edited_courses(last: manifest.Recorded) -> bool:
    """Only course files under content/courses/ changed since the last build, each edited where it was (none
    added or removed), and the last build published every credential it had."""
    if last.not_published or not last.updated or not last.awards:
        return False
    for path, (then, now) in last.changed.items():
        if then is not None and now is not None and then.startswith(FOLDER) and now.startswith(FOLDER):
            continue  # a folder whose times changed: what it holds is listed itself
        if (not path.startswith("courses/") or then is None or now is None or then.startswith("-")
                or now.startswith("-")):
            return False
    return bool(last.changed)


def publish_offer(store: Store, content: Content, output: Path, mtime: int | None, fp: str,
                  last: manifest.Recorded, say: Callable[[str], None]) -> Patched | None:
    """Make the course versions and site-wide files again, as the whole build would, without the credentials:
    `content` is the site loaded without them, and what they take of the courses is as the last build left it
    (awards_identity). Their badge pages stay; so do the last build's problems under content/issued/. None when
    the cache cannot vouch for the output."""
    site, families, pathways = content.site, content.families, tuple(content.pathways)
    cache = UnitCache(site, output, fp, store=store, adding=True)
    if cache.usage is None or cache.output_problems is None or site.bakes_images:
        return None  # baked images hold the course's drawn image: its credentials' units change with it
    units = [outputs.course_unit_id(c.slug, c.version) for f in families for c in f.versions]
    found_units = store.lookup("units", units, strict=True)
    if found_units is None or found_units.keys() != set(units):
        return None
    cache.units.update(found_units)
    bodies = achievement_bodies(site, families, pathways)
    plan = plan_units(site, families, bodies, [], output, mtime, pathways, store=store, cache=cache)
    table = outputs.table(site, families, [], outputs.status_lists_in(site.source), pathways)
    updated = dt.datetime.fromisoformat(last.updated)
    made = checks.site_files_checked(site, families, bodies, [o for o in table if o.unit == outputs.SITE],
                                     updated, pathways)
    if isinstance(made, Problem):
        return None  # the whole build reports it
    shared, export_found = made
    usage_before = _usage(cache.usage)
    kept = [p for p in last.problems if p.path.startswith("content/issued/")]  # what loading credentials said
    if not plan.course_todo and cache.same_site_files(shared):
        # Touched, not changed (or read again only because the last build saw it change lately): as the whole
        # build, leave the output alone and repeat what its checks found.
        problems = sorted(content.problems + kept + cache.output_problems, key=sort_key)
        return Patched(problems, last.count, updated, written=False, up_to_date=True)
    with patching(output, mtime) as stage:
        _stage_changed(stage, cache, shared)
        say(f"rendering {len(plan.course_todo)} course version(s); the credentials' pages stay as they are")
        rendered = render_units(site, plan, output, stage)
        names = rendered.names + list(shared)
        found = (rendered.problems + checks.changed_versions(content, rendered.achievements, output)
                 + closed_world.output_problems({**shared, **rendered.achievements}, outputs.publishes(site, table))
                 + checks.table_problems(table, names) + export_found
                 + checks.pathway_problems(content.pathways, bodies))
        staged = stage.staged()
        removed = cache.gone(plan.reused, rendered.made + list(shared))
        usage = host_usage.patched(usage_before, output, Path(stage.root), staged, removed,
                                   emptied_folders(output, removed, staged))
        say(f"changed {len(staged)} and removed {len(removed)} files; measured {host_usage.describe(usage)}")
        found += host_usage.problems(site, usage)
        problems = sorted(content.problems + kept + found, key=sort_key)
        if errors(problems):
            return Patched(problems, 0, updated, written=False)  # as the whole build: no output counted
        cache.forget()
        manifest.forget(store)
        stage.publish(removed)
    cache.store_site_files(shared)
    cache.store_output_problems(found)
    cache.fresh_usage = [usage.files, usage.folders, usage.bytes, *usage.largest]
    cache.save(output)
    return Patched(problems, usage.files, updated, written=True)
