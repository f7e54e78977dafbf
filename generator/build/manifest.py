"""Know that nothing changed without loading the site.

After each build that leaves a complete output, the manifest records what that
output was made from: the stat of every file under content/ (size, times, inode),
everything units.fingerprint covers (credsite, its libraries, the theme,
site.yaml), the build's options, the output folder's identity, and the span of
time in which the build's verdicts hold (until the end of its day, or the first
validFrom / validUntil a credential, status list or endorsement names after
the build's moment). A build that finds all of it the same is done: it reads
no credential, renders nothing and walks no output file. Its cost is one stat
per content file.

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

from generator.content.issued import changed_lately
from generator.problems import Code, Problem

MANIFEST_FILE = ".credsite-cache/manifest.json"
TAKEN = "\0taken"  # content_stats' entry for when it was taken (no file under content/ has this name)
FORMAT = 1


@dataclass(frozen=True)
class Recorded:
    """What the manifest says the last build left: its file count and the problems it reported."""

    count: int
    problems: list[Problem]
    not_published: int


def content_stats(source: Path) -> dict[str, list[int]]:
    """Every file and folder under content/, by path relative to it: [size, mtime_ns, inode, ctime_ns]; and under
    TAKEN, when the walk began. A folder reached again through a link (a loop) is listed, not walked again."""
    found: dict[str, list[int]] = {TAKEN: [time.time_ns()]}
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
                    found[name] = [-1, 0, 0, 0]  # a broken link counts as it is
                    continue
                found[name] = [info.st_size if entry.is_file() else -2, info.st_mtime_ns, info.st_ino,
                               info.st_ctime_ns]
                if entry.is_dir(follow_symlinks=True) and (info.st_dev, info.st_ino) not in walked:
                    walked.add((info.st_dev, info.st_ino))
                    stack.append((entry.path, name + "/"))
    return found


def key_of(fingerprint: str, output_identity: list | None, options: dict) -> str:
    return json.dumps([FORMAT, fingerprint, output_identity, options], sort_keys=True)


def recorded(source: Path, key: str, moment: dt.datetime, stats: dict[str, list[int]]) -> Recorded | None:
    """What the last build left, when nothing it was made from has changed since (`stats`: content_stats now)
    and its verdicts still hold at `moment`; else None."""
    try:
        data = json.loads((source / MANIFEST_FILE).read_bytes())
    except (OSError, ValueError):
        return None
    try:
        if data["key"] != key or data["racy"]:
            return None
        made, until = dt.datetime.fromisoformat(data["moment"]), dt.datetime.fromisoformat(data["until"])
        if not made <= moment < until:
            return None
        recorded_stats = {name: entry for name, entry in data["content"].items() if name != TAKEN}
        if recorded_stats != {name: entry for name, entry in stats.items() if name != TAKEN}:
            return None
        problems = [Problem(p[0], p[1], p[2], p[3], p[4], p[5], Code(p[6])) for p in data["problems"]]
        return Recorded(int(data["count"]), problems, int(data["not_published"]))
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):  # a damaged manifest is as good as none
        return None


def save(source: Path, key: str, stats: dict[str, list[int]], moment: dt.datetime, until: dt.datetime,
         count: int, problems: list[Problem], not_published: int) -> None:
    """Record a build that just published (or found up to date) a complete output. `stats` were taken before
    the build read its content, so an edit during the build makes the next one build again."""
    # A file changed shortly before the walk saw it may change again within the same tick of its clock, unseen.
    taken = stats[TAKEN][0]
    racy = any(changed_lately(entry[1], entry[3], taken) for name, entry in stats.items() if name != TAKEN)
    document = {"key": key, "racy": racy, "moment": moment.isoformat(), "until": until.isoformat(),
                "content": stats, "count": count, "not_published": not_published,
                "problems": [[p.path, p.line, p.field, p.message, p.fix, p.severity, p.code.value] for p in problems]}
    path = source / MANIFEST_FILE
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(json.dumps(document), encoding="utf-8")
        os.replace(temp, path)
    except OSError:
        temp.unlink(missing_ok=True)  # it only saves time


def forget(source: Path) -> None:
    """Drop the manifest before an output is replaced: a build that dies half-way must not leave one that
    vouches for an output it no longer describes."""
    try:
        os.unlink(source / MANIFEST_FILE)
    except OSError:
        pass


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
