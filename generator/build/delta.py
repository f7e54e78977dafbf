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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.build import host_usage, manifest
from generator.build.checks import table_problems
from generator.build.site_files import feed_files, feeds_updated
from generator.build.store import Store
from generator.build.units import (
    Plan,
    UnitCache,
    badge_depends_on,
    badge_key,
    course_key,
    pathway_key,
    render_units,
)
from generator.build.writer import patching
from generator.content.status import UNREAD_BY_BUILDS
from generator.model import Award, CourseFamily, Pathway, Published, Site
from generator.problems import Code, Problem, errors, sort_key
from generator.site import outputs
from generator.site.badge_view import revocation_dates

MOST = 1000  # more new credentials than this are built the whole way, on all cores
FOLDER = f"{manifest.FOLDER_SIZE}:"


@dataclass(frozen=True)
class Added:
    """What a build that added credentials did."""

    problems: list[Problem]  # the whole site's: the last build's, with the host's limits measured again
    count: int  # files in the output
    updated: dt.datetime  # the feeds' time
    written: bool  # False: an error (a host limit) kept the patch from being published


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


def publish(store: Store, site: Site, families: list[CourseFamily], pathways: Sequence[Pathway],
            published: list[Published], output: Path, mtime: int | None, fp: str, last: manifest.Recorded,
            say: Callable[[str], None]) -> Added | None:
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
    depends = {k: badge_depends_on(site, award, _award_key(site, fp, families, tuple(pathways), award)
                                   if site.bakes_images else "") for k, award in awards.items()}
    todo = [(item, badge_key(fp, item, depends[item.course.key], revocations)) for item in published]
    plan = Plan(cache, {}, [], [], todo, {}, tuple(pathways))
    files, folders, size, largest, largest_size = cache.usage
    usage_before = host_usage.Usage(files, folders, size, (largest, largest_size))
    old_limits = host_usage.problems(site, usage_before)
    with patching(output, mtime) as stage:
        for name, data in shared.items():
            if not cache.same_file(name, data):
                stage.write(name, data)
        say(f"rendering {len(todo)} new credential(s) into the last build's output")
        rendered = render_units(site, plan, output, stage)
        rows = [o for o in outputs.table(site, [], published, (), ()) if o.unit != outputs.SITE]
        staged = stage.staged()
        usage = host_usage.patched(usage_before, output, Path(stage.root), staged, set(), [])
        say(f"added {len(rendered.names)} files; measured {host_usage.describe(usage)}")
        found = rendered.problems + table_problems(rows, rendered.names) + host_usage.problems(site, usage)
        problems = sorted([p for p in last.problems if p not in old_limits] + found, key=sort_key)
        if errors(problems):
            return Added(problems, last.count, updated, written=False)
        cache.forget()
        manifest.forget(store)
        stage.publish(set())
    cache.store_site_files(shared)
    cache.store_output_problems([p for p in cache.output_problems if p not in old_limits] + found)
    cache.fresh_usage = [usage.files, usage.folders, usage.bytes, *usage.largest]
    cache.save(output)
    return Added(problems, last.count + len(rendered.names), updated, written=True)


def _award_key(site: Site, fp: str, families: list[CourseFamily], pathways: tuple[Pathway, ...], award: Award) -> str:
    """The unit key of a course version or pathway, as the whole build has it (units.plan_units)."""
    if isinstance(award, Pathway):
        return pathway_key(site, fp, award)
    family = next(f for f in families if any(c.key == award.key for c in f.versions))
    return course_key(site, fp, family, award, pathways)
