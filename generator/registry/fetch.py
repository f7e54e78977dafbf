"""`credsite registry fetch`: read the members' published documents over HTTPS into a snapshot folder.

The snapshot holds one folder per member with each document at its path under the member's base URL
(snapshot.collect decides which), and manifest.json with their digests. It is plain files, so git can
track it, and the registry build reads it without touching the network.

Only https is used, except for a member on this machine (localhost, 127.0.0.1), as content/site.yaml
allows for a site. Redirects are not followed: a member publishes at the base URL registry.yaml gives.
A member that cannot be reached keeps its previous snapshot; a document the member no longer
publishes (404, 410) is gone from the new one, as it is gone from the member's site.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from generator import __version__, routes
from generator.build import writer
from generator.build.pipeline import now
from generator.problems import Code, Problem, errors, sort_key
from generator.registry.config import load_config
from generator.registry.model import MemberEntry
from generator.registry.snapshot import (
    Record,
    change_problem,
    changed_in_place,
    collect,
    digest,
    manifest_bytes,
    merge_changes,
    read_manifest,
)

LOCAL_HOSTS = ("localhost", "127.0.0.1")
MAX_BYTES = 16 * 1024 * 1024  # per document: an index of thousands of versions fits many times over
TIMEOUT = 30  # seconds per request
CONNECTIONS = 8  # requests at once, per registry: polite to each host, quick over thirty-five


class Unreachable(Exception):
    """A document could not be read for a reason other than the member not publishing it."""


@dataclass
class FetchResult:
    problems: list[Problem]
    fetched: list[str] = field(default_factory=list)  # member ids read now
    kept: list[str] = field(default_factory=list)  # member ids whose previous snapshot was kept

    @property
    def ok(self) -> bool:
        return not errors(self.problems)


def allowed(url: str) -> bool:
    """https, or http to this machine only (for a member served locally, as in tests)."""
    parts = urlsplit(url)
    return parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOCAL_HOSTS)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise Unreachable(f"answered with a redirect ({code}) to {newurl}")


_OPENER = urllib.request.build_opener(_NoRedirects)


def get(url: str) -> bytes | None:
    """The document at `url`; None when the site does not publish it (404, 410); Unreachable otherwise."""
    if not allowed(url):
        raise Unreachable("is not an https address (http is for localhost only)")
    request = urllib.request.Request(url, headers={"User-Agent": f"credsite-registry/{__version__}",
                                                   "Accept": "application/json, application/ld+json"})
    try:
        with _OPENER.open(request, timeout=TIMEOUT) as response:
            data = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        if exc.code in (404, 410):
            return None
        raise Unreachable(f"answered HTTP {exc.code}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise Unreachable(f"could not be read ({reason})") from None
    if len(data) > MAX_BYTES:
        raise Unreachable(f"is larger than {MAX_BYTES // (1024 * 1024)} MB")
    return data


def _reader(base_url: str, pool: ThreadPoolExecutor):
    def read(paths: list[str]) -> dict[str, bytes | None]:
        return dict(zip(paths, pool.map(lambda path: get(base_url + path), paths), strict=True))
    return read


def fetch(sources: Path, snapshot: Path, progress=None) -> FetchResult:
    say = progress or (lambda message: None)
    problems: list[Problem] = []
    config = load_config(sources, problems)
    if config is None:
        return FetchResult(sorted(problems, key=sort_key))
    snapshot = snapshot.resolve()
    problems += _location_problems(snapshot)
    if errors(problems):
        return FetchResult(sorted(problems, key=sort_key))
    manifest_path = snapshot / routes.snapshot_manifest()
    before = read_manifest(manifest_path, str(manifest_path))
    problems += before.problems
    moment = now().replace(microsecond=0)
    day = moment.date().isoformat()
    result = FetchResult([])
    records: dict[str, Record] = {}
    fresh: dict[str, dict[str, bytes]] = {}
    with ThreadPoolExecutor(CONNECTIONS) as pool:
        for entry in config.members:
            say(f"reading {entry.base_url}")
            earlier = before.members.get(entry.id)
            earlier = earlier if earlier is not None and earlier.base_url == entry.base_url else None
            try:
                files = collect(_reader(entry.base_url, pool), entry.base_url)
            except Unreachable as exc:
                problems.append(_unreachable(entry, exc, earlier is not None))
                if earlier is not None and (snapshot / entry.id).is_dir():
                    records[entry.id] = earlier
                    result.kept.append(entry.id)
                continue
            digests = {path: digest(data) for path, data in sorted(files.items())}
            found = changed_in_place(earlier.files, digests, day) if earlier else []
            problems += [change_problem(entry.id, entry.base_url, c) for c in found]
            changes = merge_changes(earlier.changes if earlier else (), found)
            records[entry.id] = Record(entry.base_url, moment.isoformat(), digests, changes)
            fresh[entry.id] = files
            result.fetched.append(entry.id)
    with writer.staging(snapshot) as stage:
        for member, record in sorted(records.items()):
            if member in fresh:
                for path, data in sorted(fresh[member].items()):
                    stage.write(f"{member}/{path}", data)
            else:  # unreachable now: keep what the last fetch read (as much of it as is still there)
                for path in sorted(record.files):
                    if (snapshot / member / path).is_file():
                        stage.link(f"{member}/{path}", str(snapshot / member / path))
        stage.write(routes.snapshot_manifest(), manifest_bytes(records))
        stage.publish()
    result.problems = sorted(problems, key=sort_key)
    return result


def _unreachable(entry: MemberEntry, exc: Unreachable, kept: bool) -> Problem:
    keeps = ("its previous snapshot is kept" if kept else
             "the snapshot holds nothing of it, so the registry leaves it out")
    return Problem(entry.base_url, None, "", f"member '{entry.id}': a document {exc}; {keeps}",
                   "check that registry.yaml gives the address the member publishes its site at, and fetch again",
                   "warning", Code.INPUT)


def _location_problems(snapshot: Path) -> list[Problem]:
    """Each fetch replaces the whole snapshot folder: it must be a snapshot, or new, or empty."""
    if snapshot.exists() and not snapshot.is_dir():
        return [Problem(str(snapshot), None, "--snapshot", "is a file, not a folder", "give a folder for the snapshot")]
    if snapshot.is_dir() and any(snapshot.iterdir()) and not (snapshot / routes.snapshot_manifest()).is_file():
        return [Problem(str(snapshot), None, "--snapshot", "holds other files than a snapshot (it has no "
                        f"{routes.snapshot_manifest()}); every fetch replaces the whole folder",
                        "give a new or empty folder, or the folder of an earlier fetch")]
    return []

