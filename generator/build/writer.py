"""Put a complete output tree in place atomically.

The whole site is written into a fresh sibling folder (the staging folder)
first and swapped in only when every file is there, so a failed or interrupted
build leaves the previously published folder exactly as it was. Worker
processes write their units straight into the staging folder with `put()`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

# A staging folder this old belongs to a build that was killed, not a running one.
ABANDONED_AFTER = 24 * 3600


def put(root: str, name: str, data: bytes, mtime: int | None = None) -> None:
    """Write one output file `name` (a relative path with / separators) under `root`."""
    path = os.path.join(root, name)
    try:
        handle = open(path, "wb")
    except FileNotFoundError:  # the first file of its folder
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handle = open(path, "wb")
    with handle:
        handle.write(data)
    if mtime is not None:
        os.utime(path, (mtime, mtime))


class Staging:
    """The folder a build writes into; `publish()` makes it the output."""

    def __init__(self, output: Path, mtime: int | None = None):
        self.output = output.resolve()
        self.output.parent.mkdir(parents=True, exist_ok=True)
        _clear_leftovers(self.output)
        self.root = tempfile.mkdtemp(prefix=f".{self.output.name}.new-", dir=self.output.parent)
        os.chmod(self.root, 0o755)  # mkdtemp makes it private; a web server must be able to read it
        self.mtime = mtime
        self.published = False
        self._folders: set[str] = {""}  # made by this process (workers make their own)

    def write(self, name: str, data: bytes) -> None:
        put(self.root, name, data, self.mtime)

    def link(self, name: str, existing: str) -> None:
        """Share an unchanged file of the previous output instead of writing it again."""
        folder = os.path.dirname(name)
        if folder not in self._folders:
            os.makedirs(os.path.join(self.root, folder), exist_ok=True)
            self._folders.add(folder)
        path = os.path.join(self.root, name)
        try:
            os.link(existing, path)
        except FileNotFoundError:
            raise
        except OSError:  # another file system, or links not allowed
            shutil.copyfile(existing, path)
        if self.mtime is not None:
            os.utime(path, (self.mtime, self.mtime))

    def publish(self) -> None:
        if self.mtime is not None:  # folders too, so an archive of the output is reproducible
            for folder, _, _ in os.walk(self.root):
                os.utime(folder, (self.mtime, self.mtime))
        # The rename must not reach the disk before the files it publishes.
        os.sync()
        _swap(Path(self.root), self.output)
        self.published = True

    def discard(self) -> None:
        if not self.published:
            shutil.rmtree(self.root, ignore_errors=True)


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
    folder (.<name>.new-*) may belong to a build running right now, so only one
    untouched for a day is taken for abandoned.
    """
    now = time.time()
    for path in output.parent.glob(f".{output.name}.*-*"):
        kind = path.name[len(output.name) + 2:].split("-", 1)[0]
        try:
            abandoned = kind == "old" or (kind == "new" and now - path.stat().st_mtime > ABANDONED_AFTER)
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
