"""The build pipeline: load -> verify -> plan -> render -> write.

    load()    content/ into typed models (generator/content), or the problems
    verify()  which issued credentials may be published (build/issued.py)
    build()   the outputs table (site/outputs.py), the units to render again
              (units.py), the site-wide files (site_files.py), all written to a
              staging folder (writer.py) and swapped in atomically

`check()` runs load and verify and renders one of each kind of page in memory;
it writes nothing.

Each stage's modules are imported where the stage runs, not at the top: a build that finds nothing changed
answers from the manifest alone, and importing every stage (Jinja, pyld, the schemas, the renderers) took
longer than that answer does.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator import routes
from generator.build import host_usage, manifest
from generator.build.identity import fingerprint, output_identity
from generator.build.pool import on_another_core, read_on_all_cores
from generator.build.store import Store, borrowed
from generator.build.writer import MissingFromOutput, Patch, check_output_location, emptied_folders, patching, staging
from generator.content.config import load_site
from generator.model import CourseFamily, CredentialChanged, IssuedCredential, Pathway, Published, Site
from generator.problems import Code, Problem, errors, sort_key
from generator.site import theme

if TYPE_CHECKING:
    from generator.build.issued import Judged, Verifying
    from generator.build.units import Plan

Progress = Callable[[str], None]  # receives one line per stage of a long build


@dataclass(frozen=True)
class Unloadable:
    """content/site.yaml could not be read, so nothing else could be."""

    problems: list[Problem]
    ok: bool = False


@dataclass(frozen=True)
class Content:
    """The site's source, read and checked; after verify(), also what may be published."""

    site: Site
    families: list[CourseFamily]
    credentials: list[IssuedCredential]
    problems: list[Problem]  # sorted; errors stop the build, warnings do not
    published: list[Published] = field(default_factory=list)  # filled in by verify()
    pathways: list[Pathway] = field(default_factory=list)  # content/pathways/

    @property
    def ok(self) -> bool:
        return not errors(self.problems)


@dataclass
class BuildResult:
    problems: list[Problem]
    files: list[str] = field(default_factory=list)  # every file of the published output
    written: bool = False  # a new output was swapped in
    up_to_date: bool = False  # nothing changed, so the output was left as it was
    # Credentials a successful build left out (--skip-invalid): one problem may stand for many (one cause in
    # content/site.yaml), so they are counted here.
    not_published: int = 0
    count: int = 0  # files in the output; `files` names them, except when a build knew at once nothing changed

    @property
    def ok(self) -> bool:
        return not errors(self.problems)


def load(source: Path, base_url: str | None = None, drafts: bool = False, paranoid: bool = False,
         store: Store | None = None, stats: manifest.Stats | None = None,
         only: list[str] | None = None, defer: bool = False) -> Content | Unloadable:
    """`paranoid`: read and hash every credential file instead of trusting the index of unchanged ones. `store`:
    the build's caches (else the site's are only read). `stats`: the build's walk of content/, which the
    credential files' stats are taken from. `only`: of content/issued/, read just these files (build/delta.py).
    `defer`: leave the credential files no index knows unread, for their judges (see cold)."""
    from generator.build.issued import read_index
    from generator.content.courses import load_courses
    from generator.content.issued import load_issued
    from generator.content.pathways import load_pathways

    problems: list[Problem] = []
    site = load_site(source, problems, base_url)
    if site is None:
        return Unloadable(sorted(problems, key=sort_key))
    problems += theme.link_problems(site) + theme.string_problems(site) + theme.language_problems(site)
    families = load_courses(site, problems)
    pathways = load_pathways(site, families, problems)  # before drafts go: a published pathway may not need one
    if not drafts:
        families = [f for f in families if f.current.status != "draft"]
        pathways = [p for p in pathways if p.status != "draft"]
    if only is not None:  # new files: no index knows them
        credentials = load_issued(site, problems, paranoid, None, {}, stats.files if stats else None,
                                  stats.taken if stats else None, only)
    else:
        with borrowed(source, store) as cache:
            # A site without keys judges nothing: there, loading reads every file to report what is no credential.
            credentials = load_issued(site, problems, paranoid, read_on_all_cores, read_index(cache),
                                      stats.files if stats else None, stats.taken if stats else None,
                                      defer=defer and bool(site.keys))
    return Content(site, families, credentials, sorted(problems, key=sort_key), pathways=pathways)


def cold(store: Store, output: Path) -> bool:
    """Nothing of an earlier build can be reused: no output, no proof or verdict kept by a credential's digest.
    Then a credential file is read, hashed and parsed only by its judge, not by loading first (a tenth of a cold
    build of 100,000 credentials went to reading them twice); what loading checks of it is checked there."""
    return not output.is_dir() and store.empty("signatures") and store.empty("verdicts")


def changed_problem(exc: CredentialChanged) -> Problem:
    return Problem(exc.source, None, "", "changed while the site was being built, so nothing was published",
                   "build again once it is written")


def verify(content: Content, skip_invalid: bool = False, save_cache: bool = True,
           progress: Progress | None = None, preview: bool = False, moment: dt.datetime | None = None,
           store: Store | None = None, proofs: Store | None = None) -> Content:
    """Check every issued credential: the content, with those that verify as `published`, at `moment` (now).
    `preview`: the base URL is --base-url's, so a problem it causes names the option, not site.yaml. `proofs`:
    see issued.verify_issued."""
    from generator.build.issued import judge_all

    if not content.ok:
        return content
    begun = begin_verify(content, progress, preview, moment or now(), store, proofs)
    todo = begun.verifying
    return begun.finish(judge_all(todo.judge, todo.todo) if todo.judge is not None else [], skip_invalid, save_cache)


@dataclass(frozen=True)
class VerifyBegun:
    """verify() begun: what must be judged is known (`verifying.todo`); `finish` concludes from the judgements,
    however they were made (a whole build makes most of them while rendering)."""

    content: Content
    families: list[CourseFamily]  # with their endorsements, which are checked first
    endorsement_problems: list[Problem]
    verifying: Verifying
    preview: bool

    def finish(self, answers: Sequence[Judged | None], skip_invalid: bool, save_cache: bool = True) -> Content:
        try:
            published, problems = self.verifying.finish(answers, skip_invalid, save_cache, self.preview)
        except CredentialChanged as exc:
            published, problems = [], [changed_problem(exc)]
        if self.verifying.unloadable:  # where a build that loads every file first stops, with nothing else to say
            return replace(self.content, problems=sorted(self.content.problems + problems, key=sort_key))
        return replace(self.content, families=self.families, credentials=self.verifying.credentials,
                       published=published,
                       problems=sorted(self.content.problems + self.endorsement_problems + problems, key=sort_key))


def begin_verify(content: Content, progress: Progress | None, preview: bool, moment: dt.datetime,
                 store: Store | None = None, proofs: Store | None = None) -> VerifyBegun:
    from generator.build.endorsements import endorse
    from generator.build.issued import Verifying

    # Endorsements first: the course versions that credentials are published for then carry theirs.
    families, endorsement_problems = endorse(content.site, content.families, moment, preview)
    verifying = Verifying.start(content.site, content.credentials, families, moment, content.pathways, store, proofs,
                                progress)
    return VerifyBegun(content, families, endorsement_problems, verifying, preview)


def check(source: Path, base_url: str | None = None) -> Content | Unloadable:
    """Everything a build checks, without writing anything (not even the cache)."""
    from generator.build.checks import draft_credentials, trial_render
    from generator.content.endorsements import snapshot_age_problems
    from generator.content.status import registry_problems

    with Store(source, writable=False) as store:
        loaded = load(source, base_url, drafts=True, store=store)
        if isinstance(loaded, Unloadable):
            return loaded
        content = verify(loaded, save_cache=False, preview=base_url is not None, store=store)
    if not content.ok:
        return content
    # The registry matters to issuing, not to the build; check says so before anyone issues.
    more = trial_render(content) + draft_credentials(content) + registry_problems(source)
    more += snapshot_age_problems(source, now().date())  # endorsers' DID documents fetched long ago
    return replace(content, problems=sorted(content.problems + more, key=sort_key))


def now() -> dt.datetime:
    """The moment expiry is judged at: SOURCE_DATE_EPOCH for reproducible builds, else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC)


def build(source: Path, output: Path, base_url: str | None = None, drafts: bool = False,
          skip_invalid: bool = False, progress: Progress | None = None, paranoid: bool = False) -> BuildResult:
    """`paranoid`: trust no index or manifest; read and hash every input and check every output file."""
    # The build's caches (store.py; nothing is opened before they are needed), and no cycle collection: see
    # collector_paused.
    with Store(source) as store, collector_paused():
        try:
            return _build(store, source, output, base_url, drafts, skip_invalid, progress, paranoid)
        except BrokenProcessPool:  # staging folders and patches are removed on the way out, the output untouched
            return BuildResult([Problem("credsite build", None, "", "a process reading, checking or rendering "
                                        "the site stopped before it was done (the system may have run out of "
                                        "memory); nothing was published", "build again", code=Code.BUG)])


def _build(store: Store, source: Path, output: Path, base_url: str | None, drafts: bool, skip_invalid: bool,
           progress: Progress | None, paranoid: bool) -> BuildResult:
    say = progress or (lambda message: None)
    # Taken before anything is read, so that an edit made while this build runs makes the next one build again.
    stats = manifest.content_stats(source)
    moment = now()
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    mtime = int(epoch) if epoch.isdigit() else None
    options = {"base_url": base_url, "drafts": drafts, "skip_invalid": skip_invalid, "mtime": mtime}
    location = check_output_location(source, output)  # before anything: never vouch for a wrong output
    if location:
        return BuildResult(location)
    site_only = load_site(source, [], base_url)
    fp = fingerprint(site_only, mtime) if site_only is not None else ""
    if site_only is not None and not paranoid and output.is_dir():
        key = manifest.key_of(fp, output_identity(output), options)
        last = manifest.recorded(store, key, moment, stats)
        if last is not None and last.up_to_date:
            say(f"nothing changed since the last build; its {last.count} files are up to date")
            return BuildResult(last.problems, up_to_date=True, not_published=last.not_published, count=last.count)
        from generator.build import delta

        added = delta.added_credentials(last) if last is not None else None
        if last is not None and added:
            result = _add(store, source, output, base_url, drafts, skip_invalid, progress, moment, mtime, fp, key,
                          stats, last, added)
            if result is not None:
                return result
            say("building the whole site")
        elif last is not None and delta.edited_courses(last):
            result = _edit(store, source, output, base_url, drafts, skip_invalid, progress, moment, mtime, fp, key,
                           stats, last)
            if result is not None:
                return result
            say("building the whole site")
    return _whole(store, source, output, base_url, drafts, skip_invalid, progress, paranoid, stats, moment, mtime,
                  options, fp)


def _whole(store: Store, source: Path, output: Path, base_url: str | None, drafts: bool, skip_invalid: bool,
           progress: Progress | None, paranoid: bool, stats: manifest.Stats, moment: dt.datetime, mtime: int | None,
           options: dict, fp: str) -> BuildResult:
    """Build the whole site: every stage, with what the caches still vouch for reused."""
    import jinja2

    from generator.build import delta
    from generator.build.checks import (
        changed_versions,
        pathway_problems,
        site_files_checked,
        table_problems,
        template_problem,
    )
    from generator.build.issued import judge_all
    from generator.build.site_files import achievement_bodies
    from generator.build.units import UnitCache, plan_units, render_units
    from generator.credentials import closed_world
    from generator.site import outputs
    from generator.site.outputs import badge_unit_id

    say = progress or (lambda message: None)

    def remember(content: Content, updated: dt.datetime, result: BuildResult) -> BuildResult:
        until = manifest.holds_until(moment, verdict_dates(content))
        manifest.save(store, manifest.key_of(fp, output_identity(output), options), stats, moment, until,
                      result.count, result.problems, result.not_published, updated.isoformat(),
                      delta.awards_identity(content.families, content.pathways))
        return result

    # What a short path that gave up checked (the proofs of the credentials it added) is kept for this build.
    store.settle()
    loaded = load(source, base_url, drafts, paranoid, store, stats, defer=cold(store, output))
    if isinstance(loaded, Unloadable):
        return BuildResult(loaded.problems)
    if not loaded.ok:
        return BuildResult(loaded.problems)
    say(f"loaded {len(loaded.families)} course(s) and {len(loaded.credentials)} credential(s)")
    begun = begin_verify(loaded, progress, base_url is not None, moment, store)
    verifying = begun.verifying
    previous = output if output.is_dir() else None
    site = loaded.site
    pathways = tuple(loaded.pathways)
    bodies = achievement_bodies(site, begun.families, pathways)
    cache = UnitCache(site, previous, fingerprint(site, mtime), paranoid, store)
    # A credential whose unit the last output may hold is judged first: its verdict decides whether that unit is
    # reused. The others (a cold build: all of them) are judged where they are rendered.
    first = [i for i, (cred, _) in enumerate(verifying.todo)
             if not cred.unread and cache.key(badge_unit_id(cred.uuid)) is not None]
    j = verifying.judge
    answers: dict[int, Judged | None] = dict(zip(first, judge_all(j, [verifying.todo[i] for i in first]),
                                                 strict=True)) if j is not None else {}
    later = [i for i in range(len(verifying.todo)) if i not in answers]

    def judge_the_rest() -> Content:
        """Every credential judged (none rendered): the content as verify() gives it."""
        if later and j is not None:
            answers.update(zip(later, judge_all(j, [verifying.todo[i] for i in later]), strict=True))
        return begun.finish([answers[i] for i in range(len(verifying.todo))], skip_invalid)

    def nothing_changed(content: Content, updated: dt.datetime, shared: dict[str, bytes], plan: Plan,
                        made: bool) -> BuildResult | None:
        """The up-to-date answer, when the new output would be the old one file for file (`made`: a unit of it
        is rendered anew)."""
        if (previous is None or made or plan.reused.keys() != plan.cache.units.keys()
                or not plan.cache.same_site_files(shared)):
            return None
        names = [name for files in plan.reused.values() for name in files] + list(shared)
        say(f"nothing changed since the last build; {len(names)} files are up to date")
        found = plan.cache.output_problems if plan.cache.output_problems is not None else plan.problems
        return remember(content, updated, BuildResult(
            sorted(content.problems + found, key=sort_key), names, up_to_date=True,
            not_published=len(content.credentials) - len(content.published), count=len(names)))

    # A build already known to fail renders nothing: it judges the rest, to report every problem.
    doomed = errors(begun.endorsement_problems) or any(
        verifying.stops(answer, skip_invalid) for answer in answers.values())
    content: Content | None = judge_the_rest() if not later or doomed else None
    export_found: list[Problem] = []
    if content is not None:
        if errors(content.problems):
            return BuildResult(list(content.problems))
        table, updated, site_rows = _listing(content)
        # Planning the units takes a while for many credentials, and the site-wide files do not depend on it.
        with on_another_core(site_files_checked, site, content.families, bodies, site_rows, updated, pathways,
                             apart=len(content.published) >= SITE_FILES_APART_FROM) as made:
            plan = plan_units(site, content.families, bodies, content.published, previous, mtime, pathways,
                              paranoid, store, cache)
            outcome = made()
        if isinstance(outcome, Problem):
            return BuildResult(sorted(content.problems + [outcome], key=sort_key))
        shared, export_found = outcome
        same = nothing_changed(content, updated, shared, plan, bool(plan.course_todo or plan.badge_todo))
        if same is not None:
            return same
    else:
        known = verifying.kept + [item for i, answer in answers.items() if answer is not None
                                  and (item := verifying.outcome(verifying.todo[i][0], answer)) is not None]
        plan = plan_units(site, begun.families, bodies, known, previous, mtime, pathways, paranoid, store, cache)
        plan.judge_while_rendering(site, verifying, [verifying.todo[i] for i in later], skip_invalid)
        shared = {}  # made once every credential is judged
    patch = previous is not None and _small_change(plan)
    try:
        with (patching(output, mtime) if patch else staging(output, mtime)) as stage:
            try:
                # The site-wide files first: a pathway's badge images are among them, and its credentials' units
                # bake them. A patch holds only those that changed. Judging while rendering, only those images
                # come first (the rest list what was published).
                early = _pathway_badges(site, pathways) if content is None and site.bakes_images else {}
                for name, data in (shared if content is not None else early).items():
                    if not isinstance(stage, Patch) or not plan.cache.same_file(name, data):
                        stage.write(name, data)
                # The caches verify() put off are written while the workers render.
                rendered = render_units(site, plan, previous, stage, progress=progress, meanwhile=store.settle)
            except (jinja2.TemplateError, RecursionError, CredentialChanged) as exc:
                stopped = changed_problem(exc) if isinstance(exc, CredentialChanged) else template_problem(exc, site)
                # Judged while rendering, the credentials are judged again to report what else the build found.
                content = content if content is not None else judge_the_rest()
                if verifying.unloadable:  # a file that is no credential: a build that loads first stops there
                    return BuildResult(list(content.problems))
                return BuildResult(sorted(content.problems + [stopped], key=sort_key))
            if not isinstance(stage, Patch):  # a whole output is on its way to the disk while the rest is made
                stage.flush_ahead()
            if content is None:
                answers.update(zip(later, rendered.judged, strict=True))
                later = []
                content = judge_the_rest()
                store.settle()  # the proofs, index and verdicts it leaves, written while the disk is busy
                if errors(content.problems):
                    return BuildResult(list(content.problems))
                table, updated, site_rows = _listing(content)
                outcome = site_files_checked(site, content.families, bodies, site_rows, updated, pathways)
                if isinstance(outcome, Problem):
                    return BuildResult(sorted(content.problems + [outcome], key=sort_key))
                shared, export_found = outcome
                # Each of those refused: the output may be the old one after all (the units the last build left
                # out are left out again).
                same = nothing_changed(content, updated, shared, plan, bool(rendered.made))
                if same is not None:
                    return same
                for name, data in shared.items():
                    if early.get(name) != data and (not isinstance(stage, Patch)
                                                    or not plan.cache.same_file(name, data)):
                        stage.write(name, data)
            names = rendered.names + list(shared)
            found = (rendered.problems + changed_versions(content, rendered.achievements, output)
                     + closed_world.output_problems({**shared, **rendered.achievements}, outputs.publishes(site, table))
                     + table_problems(table, names) + export_found
                     + pathway_problems(content.pathways, bodies))
            removed: set[str] = set()
            if isinstance(stage, Patch):
                staged = stage.staged()
                removed = plan.cache.gone(plan.reused, rendered.made + list(shared))
                files, folders, size, largest, largest_size = plan.cache.usage or []
                before = host_usage.Usage(files, folders, size, (largest, largest_size))
                usage = host_usage.patched(before, output, Path(stage.root), staged, removed,
                                           emptied_folders(output, removed, staged))
                say(f"changed {len(staged)} and removed {len(removed)} of {len(names)} files")
            else:  # counted as it was written and linked, not walked
                usage = stage.tally.usage(names)
            say(f"measured {host_usage.describe(usage)}")
            found += host_usage.problems(site, usage)
            problems = sorted(content.problems + found, key=sort_key)
            if errors(problems):
                return BuildResult(problems)
            say(f"publishing {len(names)} files")
            plan.cache.forget()
            manifest.forget(store)
            if isinstance(stage, Patch):
                stage.publish(removed)
            else:
                stage.publish()
    except MissingFromOutput:  # a file of the last output is gone: the cache cannot be trusted for it
        if paranoid:
            raise
        say("a file of the last output is missing; building again, checking every file")
        store.settle()  # the proofs and verdicts of this build, for that one
        return build(source, output, base_url, drafts, skip_invalid, progress, paranoid=True)
    # Only now does the output hold what the cache describes.
    plan.cache.store_site_files(shared)
    plan.cache.store_output_problems(found)
    plan.cache.fresh_usage = [usage.files, usage.folders, usage.bytes, *usage.largest]
    plan.cache.save(output)
    return remember(content, updated, BuildResult(problems, names, written=True,
                                                  not_published=len(content.credentials) - len(content.published),
                                                  count=len(names)))


def _add(store: Store, source: Path, output: Path, base_url: str | None, drafts: bool, skip_invalid: bool,
         progress: Progress | None, moment: dt.datetime, mtime: int | None, fp: str, key: str,
         stats: manifest.Stats, last: manifest.Recorded, names: list[str]) -> BuildResult | None:
    """Publish the credentials added to content/issued/ since the last build, and nothing else (build/delta.py);
    None when the whole site must be built instead."""
    import jinja2

    from generator.build import delta
    from generator.content.issued import index_row

    say = progress or (lambda message: None)
    say(f"{len(names)} credential file(s) added since the last build")
    loaded = load(source, base_url, drafts, store=None, stats=stats, only=names)
    if isinstance(loaded, Unloadable) or not loaded.ok:
        return None
    # Judged without the caches of the others (remembered verdicts are of other files); the proofs it checks
    # are kept for the next whole build.
    content = verify(loaded, skip_invalid, progress=progress, preview=base_url is not None, moment=moment,
                     proofs=store)
    known = set(last.problems)
    if len(content.published) != len(names) or not all(p in known for p in content.problems):
        return None  # something the last build did not report: the whole build reports it in full
    try:
        added = delta.publish_added(store, content.site, content.families, content.pathways, content.published,
                                    output, mtime, fp, last, say)
    except (jinja2.TemplateError, RecursionError, CredentialChanged, OSError):
        return None  # the whole build reports it (or finds the output needs building again)
    if added is None:
        return None
    result = BuildResult(added.problems, written=added.written, count=added.count)
    if added.written:
        # The index knows them too, so the next whole build need not read and hash them again.
        store.add("issued", {row[0]: row for row in map(index_row, content.credentials) if row is not None})
        dates = [c.facts.get(d) for c in content.credentials for d in ("validFrom", "validUntil")]
        manifest.save(store, key, stats, moment, min(last.until, manifest.holds_until(moment, dates)), added.count,
                      added.problems, 0, added.updated.isoformat(), last.awards)
    return result


def _edit(store: Store, source: Path, output: Path, base_url: str | None, drafts: bool, skip_invalid: bool,
          progress: Progress | None, moment: dt.datetime, mtime: int | None, fp: str, key: str,
          stats: manifest.Stats, last: manifest.Recorded) -> BuildResult | None:
    """Publish courses edited in place without loading the credentials, when what the credentials take of the
    courses did not change (build/delta.py); None when the whole site must be built instead."""
    import jinja2

    from generator.build import delta

    say = progress or (lambda message: None)
    say("course file(s) edited since the last build")
    loaded = load(source, base_url, drafts, store=None, stats=stats, only=[])
    if isinstance(loaded, Unloadable) or not loaded.ok:
        return None
    content = verify(loaded, skip_invalid, progress=None, preview=base_url is not None, moment=moment)
    if not content.ok or delta.awards_identity(content.families, content.pathways) != last.awards:
        return None  # a verdict or a badge page may change: the whole build judges every credential
    try:
        edited = delta.publish_offer(store, content, output, mtime, fp, last, say)
    except (jinja2.TemplateError, RecursionError, OSError):
        return None
    if edited is None:
        return None
    result = BuildResult(edited.problems, written=edited.written, count=edited.count, up_to_date=edited.up_to_date)
    if edited.written or edited.up_to_date:
        # Nothing a verdict depends on changed, and no date passed (the manifest's window still holds).
        manifest.save(store, key, stats, moment, last.until, edited.count, edited.problems, 0, last.updated,
                      last.awards)
    return result


def _listing(content: Content) -> tuple[list, dt.datetime, list]:
    """What the site-wide files list of the published credentials: the outputs table, the feeds' date, and the
    table's rows of site-wide files."""
    from generator.build.site_files import feeds_updated
    from generator.site import outputs

    site = content.site
    table = outputs.table(site, content.families, content.published, outputs.status_lists_in(site.source),
                          tuple(content.pathways))
    return table, feeds_updated(content.published), [o for o in table if o.unit == outputs.SITE]


def _pathway_badges(site: Site, pathways: tuple[Pathway, ...]) -> dict[str, bytes]:
    """The images a pathway's credentials bake (site_files makes them again, byte for byte, with the rest)."""
    from generator.build.units import BAKED
    from generator.site.render import course_images, make_environment

    if not pathways:
        return {}
    env = make_environment(site)
    return {routes.course_image(p, name): data for p in pathways
            for name, data in course_images(env, site, p).items() if name in BAKED}


SITE_FILES_APART_FROM = 5000  # published credentials: with fewer, planning their units takes less than a fork


PATCH_UP_TO = 0.1  # the share of units a build may render again and still patch the output in place


def _small_change(plan: Plan) -> bool:
    """Patch the output (writer.Patch) rather than build a new one: the cache describes it and its usage, and few
    of its units change. Many changes are published by swapping in a whole new output, at once."""
    usage = plan.cache.usage
    if not (isinstance(usage, list) and len(usage) == 5 and isinstance(usage[3], str)
            and all(isinstance(n, int) and not isinstance(n, bool) for n in usage[:3] + usage[4:])):
        return False
    # Credentials judged while rendering count as changed: most of them will be.
    return plan.to_render <= PATCH_UP_TO * (len(plan.reused) + plan.to_render)


@contextmanager
def collector_paused():
    """Pause Python's cycle collector while a build runs. Its credentials are a few objects each, all alive until
    the build ends, so each collection walks every one of them for nothing: at a hundred thousand credentials that
    was most of the time spent loading, and seconds more after judging (planning, measuring, saving the caches).
    Reference counting still frees the rest; what a build leaves in cycles is collected when it returns."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def verdict_dates(content: Content) -> list[object]:
    """Every moment a verdict of this build depends on: credentials', status lists' and endorsements' validity."""
    dates: list[object] = []
    for credential in content.credentials:
        dates += [credential.facts.get("validFrom"), credential.facts.get("validUntil")]
    for path in sorted((content.site.source / "content" / "status").glob("*.json")):
        dates += _validity(path.read_bytes())
    for path in sorted((content.site.source / "content" / "endorsements").glob("*.json")):
        dates += _validity(path.read_bytes())  # those not valid yet too: they will be
    return dates


def _validity(raw: bytes) -> list[object]:
    try:
        document = json.loads(raw)
    except ValueError:
        return ["unreadable"]  # holds for no time at all
    return [document.get("validFrom"), document.get("validUntil")] if isinstance(document, dict) else []
