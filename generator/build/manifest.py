"""Know that nothing changed without loading the site.

After each build that leaves a complete output, the manifest records what that
output was made from: the stat of every file under content/ (size, times, inode),
everything identity.fingerprint covers (credsite, its libraries, the theme,
site.yaml), the build's options, the output folder's identity, and the span of
time in which the build's verdicts hold (until the end of its day, or the first
validFrom / validUntil a credential, status list or endorsement names after
the build's moment). A build that finds all of it the same is done: it reads
no credential, renders nothing and walks no output file. Its cost is one stat
per content file. The manifest is the "manifest" section of the build's cache
(store.py).

What it cannot see is someone editing the output folder by hand;
`credsite build --paranoid` ignores the manifest and every other index, reads
and hashes every input and checks every output file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.build.store import Store
from generator.content.stamps import changed_lately
from generator.problems import Code, Problem

FORMAT = 1
FOLDER_SIZE = -2  # the size content_stats gives a folder (and anything else that is not a regular file)
_CODES = frozenset(code.value for code in Code)


@dataclass(frozen=True)
class Recorded:
    """What the manifest says the last build left: its file count and the problems it reported; and what changed
    under content/ since (nothing: the output is up to date)."""

    count: int
    problems: list[Problem]
    not_published: int
    until: dt.datetime  # when the last build's verdicts stop holding
    updated: str  # the feeds' `updated` time (ISO 8601), "" when not recorded
    awards: str  # build/delta.awards_identity of what it published, "" when not recorded
    changed: dict[str, tuple[str | None, str | None]]  # path under content/ -> (stat then, stat now); None: absent

    @property
    def up_to_date(self) -> bool:
        return not self.changed


@dataclass(frozen=True)
class Stats:
    """Every file and folder under content/, by path relative to it: "size:mtime_ns:inode:ctime_ns" (size -2 for a
    folder, "-1:0:0:0" for a broken link); when the walk began, and the newest time it saw."""

    files: dict[str, str]
    taken: int  # ns
    newest: int  # ns: the latest modification or change time of any of them


def content_stats(source: Path) -> Stats:
    """The stat of every file and folder under content/. A folder reached again through a link (a loop) is
    listed, not walked again."""
    taken = time.time_ns()
    found: dict[str, str] = {}
    newest = 0
    root = source / "content"
    stack = [(str(root), "")]
    try:
        top = root.stat()
        walked = {(top.st_dev, top.st_ino)}
    except OSError:
        walked = set()
    while stack:
        folder, prefix = stack.pop()
        try:
            entries = os.scandir(folder)
        except OSError:
            continue
        with entries:
            for entry in entries:
                name = prefix + entry.name
                try:
                    info = entry.stat(follow_symlinks=True)
                except OSError:
                    found[name] = "-1:0:0:0"  # a broken link counts as it is
                    continue
                found[name] = (f"{info.st_size if entry.is_file() else FOLDER_SIZE}:{info.st_mtime_ns}:{info.st_ino}:"
                               f"{info.st_ctime_ns}")
                newest = max(newest, info.st_mtime_ns, info.st_ctime_ns)
                if entry.is_dir(follow_symlinks=True) and (info.st_dev, info.st_ino) not in walked:
                    walked.add((info.st_dev, info.st_ino))
                    stack.append((entry.path, name + "/"))
    return Stats(found, taken, newest)


def key_of(fingerprint: str, output_identity: list | None, options: dict) -> str:
    return json.dumps([FORMAT, fingerprint, output_identity, options], sort_keys=True)


def recorded(store: Store, key: str, moment: dt.datetime, stats: Stats) -> Recorded | None:
    """What the last build left, when it was made by the same credsite, theme, site.yaml and options into this
    same output, and its verdicts still hold at `moment`; else None. Its `changed` lists the files under content/
    whose stat differs from then (`stats`: content_stats now). (The store's "manifest" section: its meta, the stat
    of every content file and the problems the build reported.)"""
    snapshot = store.read("manifest")
    meta = snapshot.meta
    racy, taken = meta.get("racy"), meta.get("taken")
    if meta.get("key") != key or racy not in (0, 1) or (racy and type(taken) is not int):
        return None
    count, not_published, made, until = (meta.get(n) for n in ("count", "not_published", "moment", "until"))
    if not (type(count) is int and type(not_published) is int and isinstance(made, str) and isinstance(until, str)):
        return None  # a damaged manifest is as good as none
    try:
        holds = dt.datetime.fromisoformat(until)
        if not dt.datetime.fromisoformat(made) <= moment < holds:
            return None
    except (TypeError, ValueError):
        return None
    then = snapshot.tables["content"]
    changed: dict[str, tuple[str | None, str | None]] = {}
    if then != stats.files:
        changed = {name: (then.get(name), now) for name, now in stats.files.items() if then.get(name) != now}
        changed.update((name, (then[name], None)) for name in then.keys() - stats.files.keys())
    if racy:
        # Files that changed just before that build looked may have changed again within the same tick of their
        # clock, unseen by their stat: each counts as changed, to be read again (not the whole manifest lost).
        # A folder is what its entries are, and each is listed: only files count.
        folder = f"{FOLDER_SIZE}:"
        changed.update((name, (stat, stats.files.get(name))) for name, stat in then.items()
                       if name not in changed and not stat.startswith(folder) and _changed_lately(stat, taken))
    updated, awards = meta.get("updated", ""), meta.get("awards", "")
    rows = [row for _, row in sorted(snapshot.tables["build_problems"].items())]  # (seq, path, line, ..., code)
    if not all(row[7] in _CODES for row in rows):
        return None
    return Recorded(count, [Problem(p[1], p[2], p[3], p[4], p[5], p[6], Code(p[7])) for p in rows], not_published,
                    holds, updated if isinstance(updated, str) else "", awards if isinstance(awards, str) else "",
                    changed)


def save(store: Store, key: str, stats: Stats, moment: dt.datetime, until: dt.datetime,
         count: int, problems: list[Problem], not_published: int, updated: str = "", awards: str = "") -> None:
    """Record a build that just published (or found up to date) a complete output. `stats` were taken before
    the build read its content, so an edit during the build makes the next one build again. `updated`: the feeds'
    time, which the credentials decide (feeds.updated), so that a build that only adds some need not read all;
    `awards`: what credentials take of the courses and pathways (delta.awards_identity)."""
    # A file changed shortly before the walk saw it may change again within the same tick of its clock, unseen.
    racy = bool(stats.files) and changed_lately(stats.newest, stats.newest, stats.taken)
    meta = {"key": key, "racy": int(racy), "taken": stats.taken, "moment": moment.isoformat(),
            "until": until.isoformat(), "count": count,
            "not_published": not_published, "updated": updated, "awards": awards}
    rows = {i: (i, p.path, p.line, p.field, p.message, p.fix, p.severity, p.code.value) for i, p in enumerate(problems)}
    store.write("manifest", meta, {"content": stats.files, "build_problems": rows})


def _changed_lately(stat: str, looked: object) -> bool:
    """A "size:mtime_ns:inode:ctime_ns" stat changed too shortly before `looked` (ns) to vouch for its file."""
    parts = stat.split(":")
    try:
        return type(looked) is int and changed_lately(int(parts[1]), int(parts[3]), looked)
    except (IndexError, ValueError):
        return True


def forget(store: Store) -> None:
    """Stop the manifest from vouching for an output about to be replaced: a build that dies half-way must not
    leave one that describes an output it no longer is."""
    store.forget("manifest", "key")


def holds_until(moment: dt.datetime, dates: Iterable[object]) -> dt.datetime:
    """The end of the span in which verdicts made at `moment` stay true: the next midnight (UTC; pages show the
    day of the check, and enrolment is judged by the day), or the first of `dates` (ISO 8601 strings) after
    `moment`, whichever comes first. Dates that cannot be read end the span at once."""
    until = dt.datetime.combine(moment.date() + dt.timedelta(days=1), dt.time(), dt.UTC)
    for value in dates:
        if not isinstance(value, str):
            continue
        try:
            when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return moment
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        if moment < when < until:
            until = when
    return until
