"""Where a run of `credsite issue` keeps its credentials until every one is signed and checked, and how
they, the registry, the key history and the status list are then written: all of them, or none.

Two ways were open: write each credential into content/issued/ at once and remove them all when a
later row fails, or write them into a folder beside it and move them in at the end. The second is
used. Signing a large cohort takes minutes, and a process killed meanwhile (a closed laptop, the
out-of-memory killer, kill -9) cleans nothing up: credentials written straight into content/issued/
would stay there, signed and valid, published by the next build, yet in no registry row (so they
could not be revoked) and in no mail-merge list (so nobody would know their badge URLs). A staging
folder left behind by such a kill, content/.issuing-*, holds credentials that nothing reads.

The next run removes such a folder (clear_abandoned), and never one of a run still going: two runs
may sign at once. Each run holds an exclusive flock() on a file in its folder, OWNER, for as long as
it lives; the kernel lets go of it when the process ends, however it ends, so a folder whose OWNER
another process can lock belongs to no living run. A lock is certain where a process id is not (ids
are reused) and an age is not either (a run of 100,000 rows signs for ten minutes). The signing
workers are forked with the lock's descriptor, and would hold the lock with it; every child closes its
copy as it is forked (_forget_locks), so only the run itself keeps its folder. A folder without OWNER was left
by an older credsite, or is being set up this very moment: like the build's staging folders
(generator/build/writer.py, _clear_leftovers), it is taken for abandoned once untouched for
ABANDONED_AFTER (a day).

Moving them in is quick and journaled (Journal): each file written or replaced is recorded, and a
failure on the way (a full disk, a name another run took meanwhile) puts every one back as it was.

Nothing here keeps a run's credentials in memory: the Ledger holds 20 bytes a row.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import os
import secrets
import shutil
import socket
import stat
import tempfile
import time
import uuid
from array import array
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from generator.build import writer
from generator.build.writer import ABANDONED_AFTER
from generator.issuing import files
from generator.issuing.dates import iso, utc_now
from generator.strict_json import printable

STAGING_PREFIX = ".issuing-"  # content/.issuing-XXXXXXXX/
# The file of a staging folder its run keeps locked while it lives; it says which process that is, for people.
OWNER = "run.lock"


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
    """A folder beside content/issued/ for one run's credentials, held by this process until discard();
    OSError when it cannot be made. The staging folders of runs that are gone are removed first, each
    told to `say`."""

    def __init__(self, source: Path, say: Callable[[str], None] | None = None):
        clear_abandoned(source / "content", say)
        self.folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=source / "content"))
        try:
            self._lock = _claim(self.folder)
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        # Let go only once the folder is gone: another run must never find OWNER unlocked while it is here.
        if self._lock is not None:
            _HELD.discard(self._lock)
            os.close(self._lock)
            self._lock = None


_HELD: set[int] = set()  # the descriptors of the OWNER files this process keeps locked


def _claim(folder: Path) -> int | None:
    """Lock a new OWNER file in `folder` for as long as this process lives (or until discard()); its
    descriptor, or None where the file system has no locks (the folder is then judged by its age)."""
    partial = folder / f".{OWNER}.partial"
    fd = os.open(partial, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # nobody else has a file made this instant
        except OSError:
            os.close(fd)
            partial.unlink()
            return None
        os.write(fd, f"pid {os.getpid()} on {socket.gethostname()}, started {iso(utc_now())}\n".encode())
        # Named OWNER only once locked: another run never sees it unlocked and takes the folder for abandoned.
        os.rename(partial, folder / OWNER)
    except BaseException:
        os.close(fd)
        raise
    _HELD.add(fd)
    return fd


def _forget_locks() -> None:
    """In a forked child: close the inherited descriptors of this process's locks. A flock() belongs to
    every descriptor of the open file, so a signing worker that outlived its run (they do, after kill -9)
    would keep the folder's lock for ever; closing a copy never releases the parent's lock."""
    for fd in _HELD:
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


os.register_at_fork(after_in_child=_forget_locks)


def clear_abandoned(content: Path, say: Callable[[str], None] | None = None) -> list[Path]:
    """Remove every staging folder in `content` whose run is certainly gone, and say so; the folders removed.
    A folder that cannot be judged or removed is left alone (nothing reads it), after saying why."""
    say = say or (lambda message: None)
    try:
        entries = [entry for entry in os.scandir(content) if entry.name.startswith(STAGING_PREFIX)
                   and entry.is_dir(follow_symlinks=False)]
    except OSError:
        return []  # no content/ folder: the caller says so
    removed = []
    for entry in entries:
        folder = Path(entry.path)
        found = _abandoned(folder)
        if found is None:
            continue
        lock, who = found
        shown = f"content/{printable(folder.name)}/"
        try:
            count, moved = _remove(folder)
        except OSError as exc:
            say(f"cannot remove {shown}, left by a run of credsite issue that was stopped before it finished "
                f"({exc.strerror or exc}); remove it by hand: nothing reads it")
            continue
        finally:
            if lock is not None:
                os.close(lock)
        fate = (f"{moved} of them had been moved into content/issued/ when it was stopped: run credsite check"
                if moved else "none of them is in content/issued/")
        say(f"removed {shown}: {count} credential(s) signed by a run of credsite issue that was stopped before it "
            f"finished ({who}); {fate}")
        removed.append(folder)
    return removed


def _abandoned(folder: Path) -> tuple[int | None, str] | None:
    """(the folder's OWNER, now locked by this process, or None; who left the folder) when no living run
    holds the folder; None when one does, or when that cannot be told."""
    owner = folder / OWNER
    try:
        # Read and write: where flock() is emulated with POSIX locks (NFS), an exclusive lock needs both.
        fd = os.open(owner, os.O_RDWR | os.O_NOFOLLOW | os.O_NONBLOCK)  # a FIFO must not hang the run
    except FileNotFoundError:
        try:
            touched = folder.lstat().st_mtime
        except OSError:
            return None
        if time.time() - touched <= ABANDONED_AFTER:
            return None  # an older credsite's run may be filling it, or a run is making its OWNER right now
        return None, f"untouched since {iso(dt.datetime.fromtimestamp(touched, dt.UTC))}"
    except OSError:
        return None
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode):  # anything else is no lock credsite made: cannot tell
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError while a living run holds it
            # Another run may have removed the folder between our open and our lock: OWNER is then gone.
            if os.fstat(fd).st_ino == owner.lstat().st_ino:
                who = os.read(fd, 300).decode("utf-8", "replace").strip()
                # A lock shows only the runs of this machine on some shared file systems (NFS without lockd):
                # a run of another machine is judged by its folder's age too.
                if _other_host(who) and time.time() - folder.lstat().st_mtime <= ABANDONED_AFTER:
                    raise BlockingIOError
                return fd, printable(who) or "a run that said nothing of itself"
    except OSError:
        pass
    os.close(fd)
    return None


def _other_host(who: str) -> bool:
    """OWNER's text (see _claim) names a machine other than this one."""
    named = who.partition(" on ")[2].partition(",")[0]
    return bool(named) and named != socket.gethostname()


def _remove(folder: Path) -> tuple[int, int]:
    """Remove a staging folder, OWNER last (a removal cut short is finished by the next run); the number of
    credentials it held, and how many of them content/issued/ holds too (move_in links them there, so a
    run killed while moving them in leaves files with a second name)."""
    count = moved = 0
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name == OWNER:
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
                continue
            if entry.name.endswith(".json"):
                count += 1
                moved += entry.stat(follow_symlinks=False).st_nlink > 1
            os.unlink(entry.path)
    (folder / OWNER).unlink(missing_ok=True)
    folder.rmdir()
    return count, moved


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
    an empty file there."""
    if len(ledger) > writer.SYNC_EACH_UP_TO:
        os.sync()  # without listing a large run's names
        return
    writer.flush([str(staging.folder / f"{credential_uuid}.json") for _, credential_uuid in ledger])


def _link(staged: Path, target: Path) -> None:
    """A new name for a staged file; FileExistsError when the name is taken (link() never replaces)."""
    try:
        os.link(staged, target)
    except OSError as exc:
        if exc.errno != errno.EXDEV:  # content/issued/ on another file system: copy it there
            raise
        files.create_new(target, staged.read_bytes())
