"""How much of its host's published limits a built site takes, measured on the staged output.

Measured before the output is published, so a site its host would refuse fails here, with the
old output left in place and the figures to act on, instead of in a deploy. At 80% of a limit
the build warns: the next cohort may not fit.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator.content.hosts import HOSTS, Host
from generator.model import Site
from generator.problems import Problem

SITE_FILE = "content/site.yaml"
WARN_AT = 0.8


@dataclass(frozen=True)
class Usage:
    files: int
    folders: int
    bytes: int
    largest: tuple[str, int]  # the biggest file (path under the output) and its size

    @property
    def entries(self) -> int:
        return self.files + self.folders


def measure(root: Path) -> Usage:
    """Files, folders and bytes under `root` (hard links count in full: a host stores each copy)."""
    tally = Tally()
    folders = 0
    for folder, subfolders, names in os.walk(root):
        folders += len(subfolders)
        for name in names:
            path = os.path.join(folder, name)
            tally.add(os.path.relpath(path, root).replace(os.sep, "/"), os.lstat(path).st_size)
    return Usage(tally.files, folders, tally.bytes, tally.largest)


@dataclass
class Tally:
    """The files a build stages, counted as they are written: a whole output of half a million files need not be
    walked again to learn its size (measure() does that, and the tests hold the two equal)."""

    files: int = 0
    bytes: int = 0
    largest: tuple[str, int] = ("", 0)  # of equal sizes, the first name in sorted order

    def add(self, name: str, size: int) -> None:
        self.files += 1
        self.bytes += size
        self._consider(name, size)

    def merge(self, other: Tally) -> None:
        """Add what another process counted."""
        self.files += other.files
        self.bytes += other.bytes
        if other.files:
            self._consider(*other.largest)

    def _consider(self, name: str, size: int) -> None:
        if size > self.largest[1] or (size == self.largest[1] and (name < self.largest[0] or not self.largest[0])):
            self.largest = (name, size)

    def usage(self, names: list[str]) -> Usage:
        """The usage of a folder that holds just these files (output-relative names), as counted."""
        folders: set[str] = set()
        for name in names:
            folder = name.rpartition("/")[0]
            while folder and folder not in folders:
                folders.add(folder)
                folder = folder.rpartition("/")[0]
        return Usage(self.files, len(folders), self.bytes, self.largest)


def patched(before: Usage, output: Path, staged_root: Path, staged: list[str], removed: set[str],
            gone_folders: list[str]) -> Usage:
    """The output's usage once a patch (writer.Patch) is published, from the usage before it and what the patch
    changes: no walk over the whole output. The largest file may be one the patch removes: then it is still
    counted, which errs on the side of a warning."""
    files, folders, total, largest = before.files, before.folders, before.bytes, before.largest
    new_folders: set[str] = set()
    for name in staged:
        size = os.lstat(os.path.join(staged_root, name)).st_size
        try:
            total -= os.lstat(os.path.join(output, name)).st_size
        except FileNotFoundError:
            files += 1
        total += size
        if size > largest[1] or (size == largest[1] and name < largest[0]):  # as Tally chooses
            largest = (name, size)
        folder = os.path.dirname(name)
        while folder and folder not in new_folders and not os.path.isdir(os.path.join(output, folder)):
            new_folders.add(folder)
            folder = os.path.dirname(folder)
    for name in removed:
        try:
            total -= os.lstat(os.path.join(output, name)).st_size
            files -= 1
        except FileNotFoundError:
            pass
    return Usage(files, folders + len(new_folders) - len(gone_folders), total, largest)


def describe(usage: Usage) -> str:
    return f"{usage.files} files in {usage.folders} folders, {_size(usage.bytes)}"


def problems(site: Site, usage: Usage) -> list[Problem]:
    """A warning for each limit of the site's host the output comes near, an error for each it passes."""
    host = HOSTS.get(site.host)
    if host is None:
        return []
    found = []
    for used, limit, what in _measures(host, usage):
        if limit is None or used < WARN_AT * limit:
            continue
        share = f"{used / limit:.0%}"
        if used > limit:
            found.append(Problem(SITE_FILE, None, "host", f"the site has {what(used)}, more than {host.name} takes "
                                 f"({what(limit)}; {host.source}), so a deploy would be refused",
                                 _fix(host)))
        else:
            found.append(Problem(SITE_FILE, None, "host", f"the site has {what(used)}, {share} of what {host.name} "
                                 f"takes ({what(limit)})", _fix(host), "warning"))
    return found


def _measures(host: Host, usage: Usage):
    yield usage.bytes, host.max_bytes, _size
    yield usage.entries, host.max_entries, lambda n: f"{n} files and folders"
    yield usage.files, host.max_files, lambda n: f"{n} files"
    yield usage.largest[1], host.max_file_bytes, lambda n: f"a file of {_size(n)} ({usage.largest[0]})"


def _fix(host: Host) -> str:
    return (f"publish on a host with room for it (credsite docs deploying lists how many credentials fit on "
            f"each), or set 'host:' to the one you use; {host.name} is what site.yaml names now")


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.1f} kB"
