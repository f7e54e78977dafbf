"""Signing the credentials of a run, a batch of rows at a time, on every core when there are enough rows.

Signing and checking a credential takes about 7 ms, nearly all of it canonicalizing JSON-LD twice
(to sign, then to verify as the build will), so a cohort of 100,000 rows is minutes of work on one
core. With enough rows it is shared out to a process pool. The parent reads the rows, hands out the
status list indexes (one set, so no index goes out twice) and sends batches of (learner, index);
each worker signs and checks its batch, writes each credential into the run's staging folder, and
sends back only its uuid or its problems. The parent keeps a few batches in flight, no more, so
memory does not grow with the cohort.

Each worker gets what it needs once, through the pool's initializer: the Recipe (site, course and
moment, which make and judge a credential), the status list's bits and the secret key. The key is
passed as its 32 raw bytes in memory (inherited on fork, or pickled down the pool's pipe where
processes are spawned), never in a file or on a command line.

A large run says how it is going (Tally): a line as it starts, then one at most every PROGRESS_EVERY
seconds, each time the parent takes a finished batch back; a run too small to take more than a second
or two (under PROGRESS_FROM rows) says nothing. A worker whose run is killed (kill -9, which nobody can
catch) would otherwise wait for its next batch for ever, with the secret key in its memory: it watches
its parent, and stops once it is gone (_watch_parent).
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from generator.build.pool import worker_pool
from generator.credentials import statuslist
from generator.credentials.canonical import IntegrityError
from generator.credentials.proofs import sign_rdfc
from generator.issuing import files
from generator.issuing.learners import Learner, as_problem
from generator.issuing.publishable import CredentialCheck, Refusal, refusal
from generator.issuing.staging import stage
from generator.model import Award
from generator.problems import Problem

PARALLEL_FROM = 48  # fewer rows are signed here: starting the workers would cost more than it saves
BATCH = 32  # rows a task at most, about a quarter of a second of signing
IN_FLIGHT = 3  # batches queued per worker: each has the next at hand, and few rows wait in memory
PROGRESS_FROM = 500  # rows, about two seconds of signing on two cores: a smaller run says nothing of its progress
PROGRESS_EVERY = 5.0  # seconds between two progress lines at most

Make = Callable[[Learner, int], dict]  # the unsigned credential of a learner, given its status list index
Progress = Callable[[str], None]  # receives a line now and then while a large run signs


@dataclass(frozen=True)
class Recipe:
    """How each credential of a run is made (`make`) and judged (`check`, given the status list's bits as
    they will be written). Made once in every process that signs."""

    award: Award
    make: Make
    check: Callable[[bytearray], CredentialCheck]


@dataclass(frozen=True)
class Outcome:
    """One row signed: the credential's uuid (written into the staging folder), or why it was refused."""

    credential_uuid: str
    problems: list[Problem]
    document: dict | None = None  # the signed credential, when the caller asked for the documents


class Rows(Protocol):
    """The learners of a run, read in order, and what reading them found once all were read."""

    count: int

    def __iter__(self) -> Iterator[Learner]: ...

    def problems(self) -> list[Problem]: ...


class Listed:
    """Learners given as a list (the API, one learner from the command line), checked before signing."""

    def __init__(self, learners: Sequence[Learner]):
        self.learners, self.count = learners, len(learners)

    def __iter__(self) -> Iterator[Learner]:
        return iter(self.learners)

    def problems(self) -> list[Problem]:
        return []


class RowSigner:
    """What one process needs to sign rows: the key, the recipe and the build's checks, made once."""

    def __init__(self, recipe: Recipe, secret: bytes, method: str, created: str, bits: bytearray, folder: Path,
                 documents: bool):
        self.recipe, self.method, self.created = recipe, method, created
        self.key = Ed25519PrivateKey.from_private_bytes(secret)
        self.publishable = recipe.check(bits)
        self.folder, self.documents = folder, documents

    def sign(self, learner: Learner, index: int) -> Outcome:
        award = self.recipe.award
        try:
            document = self.recipe.make(learner, index)
            signed = sign_rdfc(document, self.key, self.method, self.created)
        except IntegrityError as exc:  # signing refuses what JSON-LD would lose or change, e.g. a bad IRI
            return Outcome("", [refused(learner, award, refusal(message)) for message in exc.problems])
        except (FileExistsError, ValueError, OverflowError) as exc:
            return Outcome("", [as_problem(learner, f": cannot be issued: {exc}", "report this as a credsite bug")])
        found = [refused(learner, award, item) for item in self.publishable.refusals(signed)]
        if found:
            return Outcome("", found)
        credential_uuid = str(signed["id"]).removeprefix("urn:uuid:")
        try:
            stage(self.folder, credential_uuid, files.credential_bytes(signed))
        except FileExistsError:
            return Outcome("", [as_problem(learner, f": cannot be issued: the credential id {credential_uuid} was "
                                           "drawn twice in one run", "report this as a credsite bug")])
        return Outcome(credential_uuid, [], signed if self.documents else None)


class Tally:
    """The progress lines of a run of `total` rows on `cores` processes, told to `say`: one as it starts, then
    one at most every PROGRESS_EVERY seconds as rows are done, and one when all are. None for a small run."""

    def __init__(self, say: Progress | None, total: int, cores: int, clock: Callable[[], float] = time.monotonic):
        self.say = say if total >= PROGRESS_FROM else None
        self.total, self.done, self.clock = total, 0, clock
        self.started = self.last = clock()
        self.every = PROGRESS_EVERY  # read when the run starts, so a test may set it
        if self.say is not None:
            self.say(f"signing {total:,} credential(s) on {cores} core(s)")

    def add(self, rows: int) -> None:
        self.done += rows
        if self.say is None:
            return
        now = self.clock()
        if self.done >= self.total:
            self.say(f"{self.done:,} of {self.total:,} done in {_duration(now - self.started)}")
            self.say = None  # said once, whatever is counted after
        elif now - self.last >= self.every:
            self.last = now
            left = (now - self.started) * (self.total - self.done) / self.done
            self.say(f"{self.done:,} of {self.total:,} done ({100 * self.done // self.total}%), "
                     f"about {_duration(max(1.0, left))} left")


def _duration(seconds: float) -> str:
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min {whole % 60:02d} s"
    return f"{whole // 3600} h {whole % 3600 // 60:02d} min"


def sign_rows(rows: Rows, used: set[int], recipe: Recipe, secret: bytes, method: str, created: str,
              bits: bytearray, folder: Path, documents: bool = False, workers: int | None = None,
              progress: Progress | None = None) -> Generator[tuple[Learner, int, Outcome], None, None]:
    """Each row's learner, its status list index (added to `used`) and its Outcome, in the order of the rows.

    `created` is the proofs' creation time; `folder` the staging folder; `documents` sends each signed
    credential back too (the API returns them; `credsite issue` does not keep them); `progress` hears how
    a large run is going (Tally)."""
    workers = workers or os.cpu_count() or 1
    if workers < 2 or rows.count < PARALLEL_FROM:
        signer = RowSigner(recipe, secret, method, created, bits, folder, documents)
        tally = Tally(progress, rows.count, 1)
        for learner in rows:
            index = statuslist.allocate(used)
            used.add(index)
            outcome = signer.sign(learner, index)
            tally.add(1)
            yield learner, index, outcome
        return
    size = max(1, min(BATCH, math.ceil(rows.count / (workers * 4))))
    pending: deque[tuple[list[tuple[Learner, int]], Future]] = deque()
    tally = Tally(progress, rows.count, workers)
    with worker_pool(workers, _start_worker,
                     (os.getpid(), recipe, secret, method, created, bits, folder, documents)) as pool:
        try:
            for batch in _batches(rows, used, size):
                pending.append((batch, pool.submit(_sign_batch, batch)))
                while len(pending) >= workers * IN_FLIGHT:
                    yield from _settled(*pending.popleft(), tally)
            while pending:
                yield from _settled(*pending.popleft(), tally)
        finally:
            for _, future in pending:  # the caller stopped early: what is not started never starts
                future.cancel()


def _batches(rows: Iterable[Learner], used: set[int], size: int) -> Iterator[list[tuple[Learner, int]]]:
    batch: list[tuple[Learner, int]] = []
    for learner in rows:
        index = statuslist.allocate(used)
        used.add(index)
        batch.append((learner, index))
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _settled(batch: list[tuple[Learner, int]], future: Future,
             tally: Tally) -> Iterator[tuple[Learner, int, Outcome]]:
    outcomes = future.result()
    tally.add(len(batch))  # here the parent learns that a batch is done
    for (learner, index), outcome in zip(batch, outcomes, strict=True):
        yield learner, index, outcome


_SIGNER: RowSigner | None = None  # a worker's own, made by _start_worker
WATCH_EVERY = 1.0  # seconds between a worker's looks at whether its run is still there


def _start_worker(parent: int, recipe: Recipe, secret: bytes, method: str, created: str, bits: bytearray,
                  folder: Path, documents: bool) -> None:
    global _SIGNER
    _SIGNER = RowSigner(recipe, secret, method, created, bits, folder, documents)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    """Stop this worker once the run that started it is gone: an orphan is adopted by another process."""
    while os.getppid() == parent:
        time.sleep(WATCH_EVERY)
    os._exit(1)


def _sign_batch(batch: list[tuple[Learner, int]]) -> list[Outcome]:
    assert _SIGNER is not None, "the worker was started without its initializer"
    return [_SIGNER.sign(learner, index) for learner, index in batch]


# Where a learner's data lands in the credential, so a refusal names the column (or option) to correct.
_COLUMNS = (("validFrom", "date"), ("awardedDate", "date"), ("validUntil", "valid_until"), ("evidence", "evidence"),
            ("credentialSubject.identifier[0]", "email"), ("credentialSubject.identifier[1]", "name"),
            ("credentialSubject.result", "grade"))


def column_of(path: str) -> str:
    """The cohort column whose value is at this JSON path of a credential; "" for none."""
    for prefix, column in _COLUMNS:
        if path == prefix or path.startswith((prefix + ".", prefix + "[")):
            return column
    return ""


def refused(learner: Learner, award: Award, refusal: Refusal) -> Problem:
    column = column_of(refusal.field)
    fix = (f"correct the {column}" if column else
           f"it comes from {award.source} or content/site.yaml, not from the learner: run credsite check, "
           "and if that finds nothing, report this as a credsite bug")
    return as_problem(learner, f"{column}: the build would not publish this credential ({refusal.message}), "
                               "so it is not signed", fix)
