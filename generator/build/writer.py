"""Put a complete output tree in place atomically, and refuse an output folder that doing so would destroy.

The whole site is written into a fresh sibling folder (the staging folder)
first and swapped in only when every file is there, so a failed or interrupted
build leaves the previously published folder exactly as it was. Worker
processes write their units straight into the staging folder (`Files.put()`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from generator import routes
from generator.build.host_usage import Tally
from generator.problems import Problem

# A staging folder this old belongs to a build that was killed, not a running one.
ABANDONED_AFTER = 24 * 3600


class Files:
    """Writes output files under one folder, `root`, and gives them `mtime` when it is set.

    Each file costs one open, one write and one close: a build writes three files and two new folders per
    credential, and writing them was half of what rendering cost. It makes the folder before the file rather than
    after a failed open (a failed lookup and a Python exception per new folder were a tenth of a cold build's
    rendering). It remembers the folders it found already there (the shared ones: badges/, nl/badges/) and the
    last one it made, where a unit's next file most often goes (a badge's page beside its credential.json):
    remembering all 200,000 badge folders it makes would cost more memory than it saves time. Nothing removes a
    folder inside a staging or patch folder while it is written, so what it remembers stays true."""

    def __init__(self, root: str, mtime: int | None = None):
        self.root = root
        self.mtime = mtime
        self._there: set[str] = {""}
        self._made = ""

    def put(self, name: str, data: bytes) -> None:
        """Write one file `name` (a relative path with / separators), replacing any file of that name."""
        self.make_folder_of(name)
        fd = os.open(os.path.join(self.root, name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            if self.mtime is not None:
                os.utime(fd, (self.mtime, self.mtime))
        finally:
            os.close(fd)

    def make_folder_of(self, name: str) -> None:
        folder = name.rpartition("/")[0]
        if folder == self._made or folder in self._there:
            return
        path = os.path.join(self.root, folder)
        try:
            os.mkdir(path)  # most often its parent is there (badges/): one call, not one per level
            self._made = folder
        except FileExistsError:
            self._there.add(folder)  # made by another worker, by an earlier build, or earlier by this one
        except FileNotFoundError:
            os.makedirs(path, exist_ok=True)
            self._made = folder


SYNC_EACH_UP_TO = 64  # files: more are flushed with one sync() of everything, fewer one by one (a few ms each)


def flush(paths: list[str]) -> None:
    """Put these files on disk before a rename makes them public: a crash must not leave an empty file under a
    published name. A few are synced one by one; many at once with sync(), which also flushes whatever else
    the machine has written meanwhile (a build's patch of a dozen files would wait for all of that)."""
    if len(paths) > SYNC_EACH_UP_TO:
        os.sync()
        return
    for path in paths:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


SOURCE_FOLDERS = ("content", "themes", ".credsite-cache", ".git")  # what a build reads or keeps
BUILD_MARKERS = (routes.no_jekyll(), routes.host_headers())  # files every build writes at the top of its output


def check_output_location(source: Path, output: Path) -> list[Problem]:
    """Refuse an output that the build's replace-the-whole-folder publish would destroy wrongly."""
    source, output = source.resolve(), output.resolve()

    def refuse(message: str, fix: str = "build into a separate folder such as _site/") -> list[Problem]:
        return [Problem(str(output), None, "--output", message, fix)]

    if output == source or output in source.parents:
        return refuse("the output folder contains the site's own files")
    for name in SOURCE_FOLDERS:
        if output == source / name or source / name in output.parents:
            return refuse(f"the output folder is inside the site's {name}/ folder")
    if output.exists() and not output.is_dir():
        return refuse("is a file, not a folder; building would replace it")
    if (output / ".git").exists():  # e.g. a gh-pages worktree: replacing the folder would drop its history link
        return refuse("holds a .git folder (a git worktree or repository); every build replaces the whole folder",
                      "build into another folder and copy its files into the worktree, or deploy with "
                      ".github/workflows/deploy.yml")
    if (output / "content" / "site.yaml").exists():
        return refuse("looks like a site's source folder, not a build output", "choose an empty folder or _site/")
    if output.is_dir() and any(output.iterdir()) and not all((output / m).is_file() for m in BUILD_MARKERS):
        return refuse("is a folder with other files in it, not a site credsite built (it has no "
                      f"{' or '.join(BUILD_MARKERS)}); every build replaces the whole folder",
                      "choose a new or empty folder, or move those files away first")
    return []


class MissingFromOutput(FileNotFoundError):
    """A file the cache says the previous output holds is not there (someone removed it by hand)."""


class Staging:
    """The folder a build writes into; `publish()` makes it the output."""

    def __init__(self, output: Path, mtime: int | None = None):
        self.output = output.resolve()
        self.output.parent.mkdir(parents=True, exist_ok=True)
        _clear_leftovers(self.output)
        self.root = tempfile.mkdtemp(prefix=f".{self.output.name}.new-", dir=self.output.parent)
        os.chmod(self.root, 0o755)  # mkdtemp makes it private; a web server must be able to read it
        self.mtime = mtime
        self.files = Files(self.root, mtime)  # what this process writes (workers have their own)
        self.published = False
        self.tally = Tally()  # what is staged: what this process writes and links, and what workers report
        self._flushing: threading.Thread | None = None

    def write(self, name: str, data: bytes) -> None:
        self.files.put(name, data)
        self.tally.add(name, len(data))

    def link(self, name: str, existing: str) -> None:
        """Share an unchanged file of the previous output instead of writing it again."""
        self.files.make_folder_of(name)
        path = os.path.join(self.root, name)
        try:
            os.link(existing, path)
        except FileNotFoundError:
            if not os.path.exists(existing):
                raise MissingFromOutput(existing) from None
            raise
        except OSError:  # another file system, or links not allowed
            shutil.copyfile(existing, path)
        if self.mtime is not None:
            os.utime(path, (self.mtime, self.mtime))
        self.tally.add(name, os.lstat(path).st_size)

    def flush_ahead(self) -> None:
        """Start putting what is staged so far on disk, while this process makes the rest: publish() then waits
        only for what was written after. A cold build of 100,000 credentials stages 2 GB, and its publish waited
        for the disk with nothing left to do meanwhile."""
        if self._flushing is None:
            self._flushing = threading.Thread(target=os.sync, name="credsite-flush-ahead", daemon=True)
            self._flushing.start()

    def publish(self) -> None:
        if self.mtime is not None:  # folders too, so an archive of the output is reproducible
            for folder, _, _ in os.walk(self.root):
                os.utime(folder, (self.mtime, self.mtime))
        if self._flushing is not None:
            self._flushing.join()
        # The rename must not reach the disk before the files it publishes (a second sync after flush_ahead
        # writes only what came since).
        os.sync()
        _swap(Path(self.root), self.output)
        self.published = True

    def discard(self) -> None:
        if not self.published:
            shutil.rmtree(self.root, ignore_errors=True)


class Patch:
    """Changes to the published output, for a build that re-renders a small part of a large site.

    Re-creating a whole output of half a million files to add one credential costs more than the credential
    (every unchanged file linked again, every folder made again). A patch stages only the new and changed
    files, in a folder beside the output where the build checks them; `publish()` then moves each into
    place with an atomic rename and removes the files the site no longer has. Every file is whole at every
    moment, a failed check leaves the output as it was, and the output keeps its identity, so the caches
    that describe it stay valid. For the milliseconds the renames take, a visitor may see some files new and
    others old; a build that dies among them leaves no cache, so the next one builds the whole output again.
    """

    def __init__(self, output: Path, mtime: int | None = None):
        self.output = output.resolve()
        _clear_leftovers(self.output)
        self.root = tempfile.mkdtemp(prefix=f".{self.output.name}.patch-", dir=self.output.parent)
        os.chmod(self.root, 0o755)
        self.mtime = mtime
        self.files = Files(self.root, mtime)
        self.published = False

    def write(self, name: str, data: bytes) -> None:
        self.files.put(name, data)

    def staged(self) -> list[str]:
        """The files of the patch, as output-relative names."""
        names = []
        for folder, _, files in os.walk(self.root):
            relative = os.path.relpath(folder, self.root)
            prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
            names += [prefix + name for name in files]
        return sorted(names)

    def publish(self, removed: set[str]) -> None:
        """Move the staged files into the output, then remove `removed` and the folders they leave empty."""
        staged = self.staged()
        gone = emptied_folders(self.output, removed, staged)
        flush([os.path.join(self.root, name) for name in staged])  # before the renames that publish them
        touched: set[str] = set()
        for name in staged:
            target = os.path.join(self.output, name)
            folder = os.path.dirname(target)
            if folder not in touched:
                os.makedirs(folder, exist_ok=True)
                touched.add(folder)
            os.replace(os.path.join(self.root, name), target)
        for name in removed:
            try:
                os.unlink(os.path.join(self.output, name))
            except FileNotFoundError:
                pass
            touched.add(os.path.dirname(os.path.join(self.output, name)))
        for folder in gone:  # deepest first
            try:
                os.rmdir(os.path.join(self.output, folder))
            except OSError:
                pass  # something else put a file there: keep it
        if self.mtime is not None:  # every folder a new file or a removal changed, up to the output itself
            root = str(self.output)
            changed = {root}
            for folder in touched:
                while folder.startswith(root + os.sep) and folder not in changed:
                    changed.add(folder)
                    folder = os.path.dirname(folder)
            for folder in changed:
                if os.path.isdir(folder):
                    os.utime(folder, (self.mtime, self.mtime))
        self.published = True
        shutil.rmtree(self.root, ignore_errors=True)

    def discard(self) -> None:
        if not self.published:
            shutil.rmtree(self.root, ignore_errors=True)


def emptied_folders(output: Path, removed: set[str], staged: list[str]) -> list[str]:
    """The folders of `output` (relative, deepest first) that hold nothing once `removed` is removed and the
    staged files are in place."""
    kept = {os.path.dirname(name) for name in staged}
    kept |= {parent for name in kept for parent in _parents(name)}
    candidates = sorted({folder for name in removed for folder in _parents(os.path.dirname(name))} - kept - {""},
                        key=lambda folder: (-folder.count("/"), folder))
    gone: set[str] = set()
    for folder in candidates:
        try:
            entries = os.listdir(os.path.join(output, folder))
        except OSError:
            continue
        if all(f"{folder}/{entry}" in removed or f"{folder}/{entry}" in gone for entry in entries):
            gone.add(folder)
    return [folder for folder in candidates if folder in gone]


def _parents(folder: str) -> list[str]:
    """`folder` and each folder above it, up to the output itself (not included)."""
    out = []
    while folder:
        out.append(folder)
        folder = os.path.dirname(folder)
    return out


@contextmanager
def patching(output: Path, mtime: int | None = None):
    """A Patch that is removed again unless it was published, whatever happens."""
    patch = Patch(output, mtime)
    try:
        yield patch
    finally:
        patch.discard()


@contextmanager
def staging(output: Path, mtime: int | None = None):
    """A Staging that is removed again unless it was published, whatever happens."""
    stage = Staging(output, mtime)
    try:
        yield stage
    finally:
        stage.discard()


def write_site(files: dict[str, bytes], output: Path, mtime: int | None = None) -> None:
    """Replace `output` with exactly `files` (path -> bytes)."""
    with staging(output, mtime) as stage:
        for name in sorted(files):
            stage.write(name, files[name])
        stage.publish()


def _swap(staging_root: Path, output: Path) -> None:
    if not output.exists():
        os.rename(staging_root, output)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
    os.rmdir(retired)
    os.rename(output, retired)
    try:
        os.rename(staging_root, output)
    except BaseException:
        os.rename(retired, output)  # put the old site back
        raise
    _remove_later(retired)


def _clear_leftovers(output: Path) -> None:
    """Remove what interrupted builds left beside the output.

    Replaced outputs (.<name>.old-*) are garbage as soon as they exist; a staging
    folder (.<name>.new-*) or patch (.<name>.patch-*) may belong to a build running
    right now, so only one untouched for a day is taken for abandoned.
    """
    now = time.time()
    for path in output.parent.glob(f".{output.name}.*-*"):
        kind = path.name[len(output.name) + 2:].split("-", 1)[0]
        try:
            abandoned = kind == "old" or (kind in ("new", "patch") and now - path.stat().st_mtime > ABANDONED_AFTER)
        except OSError:
            continue
        if abandoned and path.is_dir():
            _remove_later(path)


def _remove_later(folder: Path) -> None:
    """Delete a folder without making the build wait for it.

    Removing tens of thousands of folders takes longer than building them; a
    detached process does it while credsite returns. Leftovers of an interrupted
    removal are cleared by the next build (see _clear_leftovers).
    """
    try:
        subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], True)",
                          str(folder)], start_new_session=True, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
