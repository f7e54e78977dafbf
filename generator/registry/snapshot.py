"""Which documents of a member the registry reads, where from, and the record of their digests.

A member's documents are read from a local copy of its site (registry.yaml `folder`) or from the
snapshot `credsite registry fetch` took: one folder per member, holding each document at its path
under the member's base URL, beside manifest.json. Both ways read the same documents, decided here
(`collect`), so a snapshot holds exactly what a build needs.

The manifest records the SHA-256 of every document read, per member, and the published versions seen
to change in place. Fetch keeps it in the snapshot; the build publishes it with the registry
(data/manifest.json). Comparing a new reading with either finds a version that changed under its
permanent URL (`changed_in_place`), which breaks the promise those URLs make, so it is reported.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator import routes
from generator.model import Institution, Site
from generator.problems import Problem
from generator.registry.model import Change
from generator.strict_json import loads

SEARCH_INDEX = "search.json"  # the member catalogue's search index: the courses it offers (read when there)
MAX_VERSIONS = 20_000  # per member: far above any catalogue, well below what would exhaust a build


def member_site(base_url: str) -> Site:
    """A member as a Site, for the routes that follow from a base URL alone (its DID, its DID document's place).

    The registry knows nothing else of the site before reading its documents, so the other fields are empty.
    """
    return Site(base_url=base_url, languages=("en",), title={}, description={},
                institution=Institution(name={}, url="", country="", sector=""), theme="default", source=Path())


def fixed_documents(base_url: str) -> tuple[list[str], list[str]]:
    """(required, optional) documents of a member, before its achievements index names the versions.

    The DID document's other place is read too, only to say so when a member publishes it there.
    """
    did_document = routes.did_document(member_site(base_url))
    required = [routes.issuer_profile(), did_document, routes.achievements_index()]
    elsewhere = [path for path in routes.DID_DOCUMENTS if path != did_document]
    return required, [SEARCH_INDEX, routes.elm_index(), *elsewhere]


def listed_versions(index: bytes | None, base_url: str) -> list[str]:
    """The per-version Achievement files the achievements index names under the member's base URL.

    Entries that name anything else are left for the member checks to report; here they are only not read.
    """
    if index is None:
        return []
    try:
        document = loads(index)
    except ValueError:
        return []
    graph = document.get("@graph") if isinstance(document, dict) else None
    out: list[str] = []
    for entry in graph if isinstance(graph, list) else []:
        url = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(url, str) and url.startswith(base_url):
            path = url[len(base_url):]
            if routes.version_of(path) and path not in out:
                out.append(path)
    return out[:MAX_VERSIONS]


Reader = Callable[[list[str]], dict[str, bytes | None]]  # paths -> their bytes, None for a missing file


def collect(read: Reader, base_url: str) -> dict[str, bytes]:
    """Every document of one member the registry uses: path under its base URL -> bytes."""
    required, optional = fixed_documents(base_url)
    first = read(required + optional)
    rest = read(listed_versions(first.get(routes.achievements_index()), base_url))
    return {path: data for path, data in {**first, **rest}.items() if data is not None}


def folder_reader(folder: Path) -> Reader:
    """Reads a member's documents from a folder laid out as its site is (a built site, or its snapshot)."""
    def read(paths: list[str]) -> dict[str, bytes | None]:
        found: dict[str, bytes | None] = {}
        for path in paths:
            try:
                found[path] = (folder / path).read_bytes()
            except OSError:  # missing, a folder, or unreadable: the member is reported without it
                found[path] = None
        return found
    return read


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------- the manifest


@dataclass(frozen=True)
class Record:
    """What the manifest holds about one member."""

    base_url: str
    seen: str  # when the documents were read: an ISO 8601 moment for a snapshot, "" for a local folder
    files: dict[str, str]  # path under the base URL -> sha256 (hex)
    changes: tuple[Change, ...] = ()


@dataclass
class Manifest:
    members: dict[str, Record] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # why (part of) a manifest could not be read


def read_manifest(path: Path, shown: str) -> Manifest:
    """The manifest at `path`; empty when there is none, and empty with a warning when it is damaged."""
    manifest = Manifest()
    try:
        data = loads(path.read_bytes())
    except FileNotFoundError:
        return manifest
    except (OSError, ValueError) as exc:
        manifest.problems.append(Problem(shown, None, "", f"cannot be read ({exc}); earlier digests are unknown, so "
                                         "no version can be seen to have changed in place",
                                         "restore it from git, or fetch again to start a new record", "warning"))
        return manifest
    members = data.get("members") if isinstance(data, dict) else None
    for member, entry in (members.items() if isinstance(members, dict) else ()):
        record = _record(entry)
        if record is None:
            manifest.problems.append(Problem(shown, None, f"members.{member}", "is not a manifest entry credsite "
                                             "wrote; its digests are ignored",
                                             "restore the file from git, or fetch again", "warning"))
        else:
            manifest.members[member] = record
    if not isinstance(members, dict):
        manifest.problems.append(Problem(shown, None, "members", "is missing; earlier digests are unknown",
                                         "restore the file from git, or fetch again", "warning"))
    return manifest


CHANGE_FIELDS = ("file", "was", "now", "seen")


def _record(entry: object) -> Record | None:
    if not (isinstance(entry, dict) and isinstance(entry.get("base_url"), str) and isinstance(entry.get("seen"), str)
            and isinstance(entry.get("files"), dict)
            and all(isinstance(v, str) for v in entry["files"].values())
            and isinstance(entry.get("changes"), list)):
        return None
    changes = []
    for change in entry["changes"]:
        if not (isinstance(change, dict) and all(isinstance(change.get(k), str) for k in CHANGE_FIELDS)):
            return None
        changes.append(Change(change["file"], change["was"], change["now"], change["seen"]))
    return Record(entry["base_url"], entry["seen"], dict(entry["files"]), tuple(changes))


def manifest_bytes(records: dict[str, Record]) -> bytes:
    """The manifest as published: members and paths sorted, so the same readings give the same bytes."""
    document = {"members": {
        member: {"base_url": record.base_url, "seen": record.seen, "files": dict(sorted(record.files.items())),
                 "changes": [{"file": c.file, "was": c.was, "now": c.now, "seen": c.seen} for c in record.changes]}
        for member, record in sorted(records.items())}}
    return (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def changed_in_place(before: dict[str, str], now: dict[str, str], day: str) -> list[Change]:
    """The published versions (Achievement files) whose digest differs between two readings.

    Only a version's Achievement promises to stay as it is; the member's index, search index and
    ELM files change with every new version or run, as they should.
    """
    return [Change(path, before[path], now[path], day) for path in sorted(now.keys() & before.keys())
            if routes.version_of(path) and before[path] != now[path]]


def merge_changes(*lists: Iterable[Change]) -> tuple[Change, ...]:
    """One record per change (file, from, to), the day it was first seen, in the order files are named."""
    first: dict[tuple[str, str, str], Change] = {}
    for changes in lists:
        for change in changes:
            key = (change.file, change.was, change.now)
            if key not in first or change.seen < first[key].seen:
                first[key] = change
    return tuple(sorted(first.values(), key=lambda c: (c.file, c.seen, c.was)))


def change_problem(member: str, base_url: str, change: Change) -> Problem:
    """The warning for a published version seen to change in place (fetch and build say it alike)."""
    return Problem(base_url + change.file, None, "", f"member '{member}' changed this published version in place: "
                   f"its SHA-256 was {change.was}, it is now {change.now}",
                   "a published version must not change, as credentials issued for it now point at other content; "
                   "ask the member to restore it and publish the change as a new version", "warning")
