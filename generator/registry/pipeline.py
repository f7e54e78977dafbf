"""`credsite registry build`: the site's pipeline entered a second time, for a registry of many sites.

    load     registry.yaml (config.py) and each member's documents, from its local folder or the
             snapshot (snapshot.py), checked and read into Members (members.py)
    plan     one unit per member: its course version pages. A unit whose member's documents have the
             same digests as at the last build is linked from the previous output, as the site build
             reuses a course version (build/units.py: the same UnitCache, fingerprint idea and pool)
    render   the other members' units in worker processes: the slow checks first (OB 3.0 schema,
             JSON-LD), then the pages; a member that fails is left out and reported
    write    the registry-wide files (catalogue, search, member pages, statistics, JSON-LD index,
             manifest, feed, sitemap, theme files) beside the units, into a staging folder the writer
             swaps in whole (build/writer.py)

Nothing here touches the network: `credsite registry fetch` (fetch.py) takes the snapshot.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from generator import __version__, routes
from generator.build import writer
from generator.build.checks import template_problem
from generator.build.identity import dependency_versions
from generator.build.pipeline import now
from generator.build.pool import worker_pool
from generator.build.units import UnitCache
from generator.build.writer import check_output_location
from generator.credentials import canonical, linked_data
from generator.model import Site
from generator.problems import Code, Problem, errors, sort_key
from generator.registry import documents, pages
from generator.registry.config import load_config
from generator.registry.members import Reading, deep_problems, left_out, read_member
from generator.registry.model import Change, Member, MemberEntry, RegistryConfig
from generator.registry.snapshot import (
    Manifest,
    Record,
    change_problem,
    changed_in_place,
    collect,
    digest,
    folder_reader,
    manifest_bytes,
    merge_changes,
    read_manifest,
)
from generator.site import feeds, theme

Progress = Callable[[str], None]
SNAPSHOT = "snapshot"  # the snapshot folder's default place, beside registry.yaml
PARALLEL_FROM = 2  # members to render before a worker pool pays for itself (each is up to a few hundred pages)


@dataclass
class RegistryResult:
    problems: list[Problem]
    files: list[str] = field(default_factory=list)
    written: bool = False
    up_to_date: bool = False
    members: list[str] = field(default_factory=list)  # the ids of the members published
    left_out: list[str] = field(default_factory=list)  # the ids of the members whose documents failed

    @property
    def ok(self) -> bool:
        return not errors(self.problems)


def default_snapshot(sources: Path) -> Path:
    return sources.resolve().parent / SNAPSHOT


def build(sources: Path, output: Path, snapshot: Path | None = None, progress: Progress | None = None,
          workers: int | None = None) -> RegistryResult:
    say = progress or (lambda message: None)
    problems: list[Problem] = []
    config = load_config(sources, problems)
    if config is None:
        return RegistryResult(sorted(problems, key=sort_key))
    site = config.site
    snapshot = (snapshot or default_snapshot(sources)).resolve()
    problems += check_output_location(site.source, output) + _location_problems(config, output, snapshot)
    if errors(problems):
        return RegistryResult(sorted(problems, key=sort_key))
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    mtime = int(epoch) if epoch.isdigit() else None
    previous = output if output.is_dir() else None
    taken = read_manifest(snapshot / routes.snapshot_manifest(), str(snapshot / routes.snapshot_manifest()))
    published = (read_manifest(output / routes.registry_manifest(), str(output / routes.registry_manifest()))
                 if previous else Manifest())
    problems += taken.problems + published.problems

    # Load: every member's documents and their digests. Those that passed every check before, byte for
    # byte, and whose pages the previous output holds, are not checked again.
    fp = fingerprint(site, mtime)
    cache = UnitCache(site, previous, fp)
    day = now().date().isoformat()
    items = [_gather(entry, snapshot, taken, published, day, config, fp, cache) for entry in config.members]
    problems += [p for item in items for p in item.new_changes]
    records = {item.entry.id: Record(item.entry.base_url, item.seen, item.files, item.changes)
               for item in items if item.files}
    for item in items:
        if item.data and not item.passed:
            item.reading = read_member(item.entry, item.data, item.seen, item.changes)
            item.problems += item.reading.problems
            if not item.reading.ok:  # the slow checks too, so the member hears of every problem at once
                item.problems += deep_problems(item.entry, item.reading.checkable)
    say(f"read {sum(len(item.files) for item in items)} documents of {len(items)} member(s)")

    # Plan: the units the previous output holds, and those to check and render.
    reused = {unit_id(item.entry.id): cache.hit(unit_id(item.entry.id), item.key) for item in items if item.passed}
    reused_files = {unit: entry["files"] for unit, entry in reused.items() if entry is not None}
    for item in items:
        entry = reused.get(unit_id(item.entry.id))
        if entry is not None:
            item.problems += [Problem(p[0], p[1], p[2], p[3], p[4], p[5], Code(p[6])) for p in entry["problems"]]
    todo = [item for item in items if item.data and unit_id(item.entry.id) not in reused_files
            and (item.passed or (item.reading is not None and item.reading.ok))]
    say(f"checking and rendering {len(todo)} member(s); {len(reused_files)} unchanged since the last build")
    if previous is not None and not todo:
        key = site_key(fp, config, records, [item for item in items if item.passed])
        entry = cache.hit(SITE_UNIT, key)
        if entry is not None and cache.units.keys() == {*reused_files, SITE_UNIT}:
            names = [name for files in reused_files.values() for name in files] + entry["files"]
            say(f"nothing changed since the last build; {len(names)} files are up to date")
            return _result(problems, names, items, up_to_date=True)

    # Render and write: the members' units in worker processes, then the registry-wide files.
    for item in items:
        if item.passed and item.reading is None:  # read again, to list it (it was read strictly when it passed)
            item.reading = read_member(item.entry, item.data, item.seen, item.changes, passed=True)
            if unit_id(item.entry.id) not in reused_files:  # else its unit's remembered problems are there
                item.problems += item.reading.problems
    with writer.staging(output, mtime) as stage:
        names = []
        base = str(previous) + os.sep
        for files in reused_files.values():
            for name in files:
                stage.link(name, base + name)
            names += files
        try:
            rendered = _render(site, [item.reading for item in todo if item.reading], stage, workers)
        except (jinja2.TemplateError, RecursionError) as exc:
            return RegistryResult(sorted(problems + [template_problem(exc, site)], key=sort_key))
        for item, (written, unit_problems) in zip(todo, rendered, strict=True):
            item.problems += unit_problems
            if written is not None:
                names += written
                item.published = True
                cache.store(unit_id(item.entry.id), item.key, written,
                            [p for p in item.problems if p.code is not Code.NOT_PUBLISHED])
        for item in items:
            item.published = item.published or unit_id(item.entry.id) in reused_files
        members = [item.reading.member for item in items if item.published and item.reading and item.reading.member]
        try:
            shared = _site_files(pages.Renderer(site), members, items, records)
        except (jinja2.TemplateError, RecursionError) as exc:
            return RegistryResult(sorted(problems + [template_problem(exc, site)], key=sort_key))
        problems += _own_documents_problems(shared)
        if errors(problems):  # a bug of credsite's own: the members' problems are beside the point
            return RegistryResult(sorted(problems, key=sort_key))
        for name, data in shared.items():
            stage.write(name, data)
        names += list(shared)
        cache.store(SITE_UNIT, site_key(fp, config, records, [item for item in items if item.published]),
                    sorted(shared))
        say(f"publishing {len(names)} files")
        cache.forget()
        stage.publish()
    cache.save(output)
    return _result(problems, names, items, written=True)


@dataclass
class _Item:
    """One member in this build: its documents as read, their digests and changes, and what became of it."""

    entry: MemberEntry
    data: dict[str, bytes]  # path under the base URL -> bytes; empty when nothing could be read
    files: dict[str, str]  # path -> sha256
    seen: str
    changes: tuple[Change, ...]
    new_changes: list[Problem]  # one warning per version seen to change in this build
    key: str  # its unit's key
    passed: bool  # these documents passed every check in an earlier build whose output holds their pages
    problems: list[Problem] = field(default_factory=list)  # the member's own, from its checks
    reading: Reading | None = None
    published: bool = False


def _gather(entry: MemberEntry, snapshot: Path, taken: Manifest, published: Manifest, day: str,
            config: RegistryConfig, fp: str, cache: UnitCache) -> _Item:
    """A member's documents from its local folder, else from the snapshot; with the changes seen in them."""
    if entry.folder is not None:
        folder, record, seen = entry.folder, None, ""
    else:
        folder, record = snapshot / entry.id, taken.members.get(entry.id)
        seen = record.seen if record else ""
        if record is None or record.base_url != entry.base_url or not folder.is_dir():
            why = ("the snapshot holds nothing of it" if record is None or not folder.is_dir() else
                   f"the snapshot holds {record.base_url}, not {entry.base_url}")
            return _Item(entry, {}, {}, "", (), [], "", False, [Problem(
                config.path, entry.line, f"members.{entry.id}", f"{why} ({snapshot})",
                "run 'credsite registry fetch' first, or give the member a local 'folder'; until then the registry "
                f"leaves member '{entry.id}' out", "warning", Code.NOT_PUBLISHED)])
    data = collect(folder_reader(folder), entry.base_url)
    digests = {path: digest(content) for path, content in sorted(data.items())}
    earlier = [r for r in (record, published.members.get(entry.id)) if r is not None and r.base_url == entry.base_url]
    recorded = [c for r in earlier for c in r.changes]
    changes = merge_changes(recorded, [c for r in earlier for c in changed_in_place(r.files, digests, day)])
    known = {(c.file, c.was, c.now) for c in recorded}
    fresh = [change_problem(entry.id, entry.base_url, c) for c in changes if (c.file, c.was, c.now) not in known]
    key = unit_key(fp, entry, digests, changes)
    return _Item(entry, data, digests, seen, changes, fresh, key, cache.key(unit_id(entry.id)) == key)


def _result(problems: list[Problem], names: list[str], items: list[_Item], **flags: bool) -> RegistryResult:
    """The outcome, with every member's problems beside the build's own."""
    published = [item.entry.id for item in items if item.published or flags.get("up_to_date") and item.passed]
    return RegistryResult(sorted(problems + [p for item in items for p in item.problems], key=sort_key), names,
                          members=published, **flags,
                          left_out=[item.entry.id for item in items if item.entry.id not in published])


def _location_problems(config: RegistryConfig, output: Path, snapshot: Path) -> list[Problem]:
    """Every build replaces the whole output folder: it must hold none of what the build reads."""
    output = output.resolve()
    read = [(snapshot, "the snapshot")] + [(m.folder, f"member {m.id}'s folder") for m in config.members if m.folder]
    for folder, what in read:
        if output == folder or output in folder.parents or folder in output.parents:
            return [Problem(str(output), None, "--output", f"is or holds {what} ({folder}), or is inside it",
                            "build the registry into a folder of its own, such as _site/ beside registry.yaml")]
    return []


# ---------------------------------------------------------------- units: one per member


def unit_id(member: str) -> str:
    return f"member:{member}"


def unit_key(fp: str, entry: MemberEntry, files: dict[str, str], changes: tuple[Change, ...]) -> str:
    """Everything a member's pages show: its documents (by digest), registry.yaml's entry, its changes."""
    changed = [(c.file, c.was, c.now, c.seen) for c in changes]
    return hashlib.sha256(json.dumps([fp, entry.id, entry.base_url, entry.sector, sorted(files.items()),
                                      changed]).encode()).hexdigest()


SITE_UNIT = "registry"  # the registry-wide files, one unit whose key covers every member


def site_key(fp: str, config: RegistryConfig, records: dict[str, Record], published: list[_Item]) -> str:
    """Everything the registry-wide files show: every member's digests, moment and changes (the manifest),
    registry.yaml's entries, and which members are published."""
    entries = [(e.id, e.base_url, e.sector) for e in config.members]
    return hashlib.sha256(json.dumps([fp, entries, hashlib.sha256(manifest_bytes(records)).hexdigest(),
                                      [item.entry.id for item in published]]).encode()).hexdigest()


def fingerprint(site: Site, mtime: int | None) -> str:
    """What every unit depends on: credsite and its libraries, the theme, the registry's own settings.

    The member list is not part of it, so adding a member renders only that member's pages.
    """
    settings = [site.base_url, site.languages, site.title, site.description, site.institution.name,
                site.institution.url, site.theme]
    digest = hashlib.sha256(json.dumps([__version__, dependency_versions(), settings, mtime]).encode())
    for folder in [*theme.theme_dirs(site), Path(__file__).resolve().parents[1]]:  # all of credsite
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class _Job:
    renderer: pages.Renderer
    out: writer.Files  # into the staging folder


UnitOutcome = tuple[list[str] | None, list[Problem]]  # the files written (None: left out), problems


def _member_job(job: _Job, reading: Reading) -> UnitOutcome:
    """The slow checks of one member, then its pages, written straight into the staging folder."""
    problems = deep_problems(reading.entry, reading.checkable)
    if left_out(problems) or reading.member is None:
        return None, problems
    files = pages.member_files(job.renderer, reading.member)
    for name, data in files.items():
        job.out.put(name, data)
    return sorted(files), problems


_worker: _Job | None = None


def _init_worker(site: Site, root: str, mtime: int | None) -> None:
    global _worker
    _worker = _Job(pages.Renderer(site), writer.Files(root, mtime))


def _pool_member_job(reading: Reading) -> UnitOutcome:
    if _worker is None:
        raise RuntimeError("a registry worker was used before its initializer ran")
    return _member_job(_worker, reading)


def _render(site: Site, todo: list[Reading], stage: writer.Staging, workers: int | None) -> list[UnitOutcome]:
    workers = workers or os.cpu_count() or 1
    use_pool = workers > 1 and len(todo) >= PARALLEL_FROM
    with (worker_pool(workers, _init_worker, (site, stage.root, stage.mtime)) if use_pool else nullcontext()) as pool:
        if pool is None:
            job = _Job(pages.Renderer(site), stage.files)
            return [_member_job(job, reading) for reading in todo]
        # The largest members first, so no worker is left with a big one at the end.
        order = sorted(range(len(todo)), key=lambda i: -len(todo[i].checkable))
        done = dict(zip(order, pool.map(_pool_member_job, [todo[i] for i in order]), strict=True))
        return [done[i] for i in range(len(todo))]


# ---------------------------------------------------------------- the registry-wide files


def _site_files(renderer: pages.Renderer, members: list[Member], items: list[_Item],
                records: dict[str, Record]) -> dict[str, bytes]:
    """Every file that is not a member's unit: they list all members, so they are made when any changed."""
    site = renderer.site
    out = [pages.LeftOut(item.entry.id, item.entry.base_url, _first_failure(item)) for item in items
           if not item.published]
    files: dict[str, bytes] = {}
    for lang in site.languages:
        files[routes.output_file(routes.catalogue(site, lang))] = pages.catalogue(renderer, lang, members)
        files[routes.search_index(site, lang)] = documents.search_index(site, lang, members)
        files[routes.output_file(routes.registry_members(site, lang))] = pages.members_page(renderer, lang, members,
                                                                                            out)
        files[routes.output_file(routes.registry_statistics(site, lang))] = pages.statistics(renderer, lang, members)
        files[routes.feed(site, lang)] = documents.feed(site, lang, members, _updated(members))
    files.update(pages.member_pages(renderer, members))
    files[routes.registry_index()] = documents.registry_index(site, members)
    files[routes.registry_members_document()] = documents.members_document(site, members)
    files[routes.registry_manifest()] = manifest_bytes(records)
    files[routes.sitemap()] = feeds.sitemap(site, pages.page_paths(members, site))
    files[routes.robots()] = feeds.robots(site)
    files[routes.not_found()] = pages.not_found(renderer)
    for name, source in theme.static_files(site).items():
        files[routes.static(name)] = source.read_bytes()
    files[routes.no_jekyll()] = b""
    files[routes.host_headers()] = documents.headers_file()
    return dict(sorted(files.items()))


def _first_failure(item: _Item) -> str:
    """The address of the first document that failed; "" when nothing of the member could be read."""
    if not item.data:
        return ""
    return next((p.path for p in item.problems if p.code is Code.NOT_PUBLISHED), item.entry.base_url)


def _updated(members: list[Member]) -> dt.datetime:
    """The feed's time: SOURCE_DATE_EPOCH when set, else the newest snapshot's, so the same input gives the same
    feed (a local folder has no moment of its own)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    moments = []
    for member in members:
        try:
            moments.append(dt.datetime.fromisoformat(member.seen).astimezone(dt.UTC))
        except ValueError:
            continue
    return max(moments, default=feeds.NO_DATE)


def _own_documents_problems(files: dict[str, bytes]) -> list[Problem]:
    """The registry's own JSON-LD must expand as cleanly as it asks of its members' documents.

    Every entry of the index has the same terms, and its addresses are ones the member's own documents
    hold, which were expanded when the member was checked; so the first entry of each member stands for
    all of them (expanding thousands would cost more than the rest of a build).
    """
    problems = []
    index = json.loads(files[routes.registry_index()])
    firsts = {entry["creator"]["id"]: entry for entry in reversed(index["@graph"])}
    sample = {**index, "@graph": list(firsts.values())}
    for name, document in ((routes.registry_index(), sample),
                           (routes.registry_members_document(), json.loads(files[routes.registry_members_document()]))):
        try:
            canonical.guard_only(document, linked_data.loader())
        except canonical.IntegrityError as exc:
            problems += [Problem(name, None, "", message, "report this as a credsite bug", "error", Code.BUG)
                         for message in exc.problems[:5]]
    return problems
