"""Where a run of `credsite issue` keeps its credentials until every one is signed and checked, and how
they, the registry, the key history and the status list are then written: all of them, or none.

Two ways were open: write each credential into content/issued/ at once and remove them all when a
later row fails, or write them into a folder beside it and move them in at the end. The second is
used. Signing a large cohort takes minutes, and a process killed meanwhile (a closed laptop, the
out-of-memory killer, kill -9) cleans nothing up: credentials written straight into content/issued/
would stay there, signed and valid, published by the next build, yet in no registry row (so they
could not be revoked) and in no mail-merge list (so nobody would know their badge URLs). A staging
folder left behind by such a kill, content/.issuing-*, holds credentials that nothing reads.

Moving them in is quick and journaled (Journal): each file written or replaced is recorded, and a
failure on the way (a full disk, a name another run took meanwhile) puts every one back as it was.

Nothing here keeps a run's credentials in memory: the Ledger holds 20 bytes a row.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import tempfile
import uuid
from array import array
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from generator.issuing import files

STAGING_PREFIX = ".issuing-"  # content/.issuing-XXXXXXXX/
# Up to this many staged files are flushed to disk one by one (about 2 ms each); more at once, with sync().
FSYNC_EACH_UP_TO = 64


class Ledger:
    """The status list index and uuid of each credential a run made, in the order they were made."""

    def __init__(self) -> None:
        self._indexes = array("L")
        self._uuids = bytearray()

    def add(self, index: int, credential_uuid: str) -> None:
        """ValueError when the uuid is not in its canonical form, which could not be given back as it came."""
        parsed = uuid.UUID(credential_uuid)
        if str(parsed) != credential_uuid:
            raise ValueError(f"credential id {credential_uuid} is not a canonical UUID")
        self._indexes.append(index)
        self._uuids += parsed.bytes

    def __len__(self) -> int:
        return len(self._indexes)

    def __iter__(self) -> Iterator[tuple[int, str]]:
        for position, index in enumerate(self._indexes):
            yield index, str(uuid.UUID(bytes=bytes(self._uuids[16 * position:16 * position + 16])))


class Staging:
    """A folder beside content/issued/ for one run's credentials; OSError when it cannot be made."""

    def __init__(self, source: Path):
        self.folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=source / "content"))

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def stage(folder: Path, credential_uuid: str, data: bytes) -> None:
    """Write a credential into a staging folder (in a worker process, too); never over another file."""
    fd = os.open(folder / f"{credential_uuid}.json", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "wb") as handle:
        os.fchmod(handle.fileno(), 0o644)  # as files.create_new leaves a credential, whatever the umask
        handle.write(data)


class Journal:
    """The files and folders a commit wrote, so that undo() puts them back as they were."""

    def __init__(self) -> None:
        self._replaced: list[tuple[Path, Path | None]] = []  # (file, a link to its previous version)
        self._folders: list[Path] = []  # folders made

    def folder(self, path: Path) -> None:
        missing = []
        while not path.exists():
            missing.append(path)
            path = path.parent
        for folder in reversed(missing):
            folder.mkdir()
            self._folders.append(folder)

    def replace(self, target: Path, data: bytes) -> None:
        self._write(target, lambda handle: handle.write(data))

    def append(self, target: Path, header: str, lines: Iterable[str]) -> None:
        """files.append_rows, without holding the rows or the file in memory."""
        def fill(handle: BinaryIO) -> None:
            if target.exists():
                last = b""
                with target.open("rb") as old:
                    while chunk := old.read(1 << 16):
                        handle.write(chunk)
                        last = chunk[-1:]
                if last and last != b"\n":
                    handle.write(b"\n")
            else:
                handle.write(header.encode("utf-8") + b"\n")
            for line in lines:
                handle.write(line.encode("utf-8") + b"\n")
        self._write(target, fill)

    def _write(self, target: Path, fill: Callable[[BinaryIO], object]) -> None:
        """Replace `target` in one step, as files.replace does, keeping a link to its previous version."""
        self.folder(target.parent)
        previous = None
        if target.exists():
            previous = target.with_name(f".{target.name}.previous-{secrets.token_hex(8)}")
            os.link(target, previous)  # never over another file
        self._replaced.append((target, previous))
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                fill(handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(name, 0o644)
            os.replace(name, target)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise

    def undo(self) -> None:
        """Best effort: each step is tried even when one before it failed."""
        for target, previous in reversed(self._replaced):
            try:
                if previous is None:
                    target.unlink(missing_ok=True)
                else:
                    os.replace(previous, target)
            except OSError:
                pass
        for folder in reversed(self._folders):
            try:
                folder.rmdir()
            except OSError:
                pass
        self._replaced, self._folders = [], []

    def done(self) -> None:
        for _, previous in self._replaced:
            if previous is not None:
                previous.unlink(missing_ok=True)
        self._replaced, self._folders = [], []


def move_in(staging: Staging, ledger: Ledger, issued: Path, before: Callable[[Journal], None],
            after: Callable[[Journal], None]) -> None:
    """Write what `before` writes (the registry, first), then move every staged credential into `issued`,
    then write what `after` writes (the status list). All or nothing: on any failure what was written is
    undone and the error raised. The staging folder is removed either way."""
    journal = Journal()
    moved = 0
    try:
        _flush(staging, ledger)
        before(journal)
        journal.folder(issued)
        for _, credential_uuid in ledger:
            _link(staging.folder / f"{credential_uuid}.json", issued / f"{credential_uuid}.json")
            moved += 1
        after(journal)
    except BaseException:
        for _, credential_uuid in islice(ledger, moved):
            try:
                (issued / f"{credential_uuid}.json").unlink(missing_ok=True)
            except OSError:
                pass
        journal.undo()
        raise
    finally:
        staging.discard()
    journal.done()


def _flush(staging: Staging, ledger: Ledger) -> None:
    """The staged credentials on disk before their names appear in content/issued/: a crash must not leave
    an empty file there. Each file synced on its own costs about 2 ms; a large run syncs once."""
    if len(ledger) > FSYNC_EACH_UP_TO:
        os.sync()
        return
    for _, credential_uuid in ledger:
        fd = os.open(staging.folder / f"{credential_uuid}.json", os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _link(staged: Path, target: Path) -> None:
    """A new name for a staged file; FileExistsError when the name is taken (link() never replaces)."""
    try:
        os.link(staged, target)
    except OSError as exc:
        if exc.errno != errno.EXDEV:  # content/issued/ on another file system: copy it there
            raise
        files.create_new(target, staged.read_bytes())
