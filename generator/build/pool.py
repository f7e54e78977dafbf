"""Worker pools for the build's two parallel stages (verifying, rendering)."""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


@contextmanager
def worker_pool(workers: int, initializer=None, initargs: tuple = ()):
    """A process pool whose workers do not drag the parent's heap along.

    Forked workers share the parent's memory until they touch it, and every
    full garbage collection in a worker touches all of it: with ten thousand
    credentials loaded that copied hundreds of megabytes and cost a fifth of
    the workers' time. Freezing the parent's objects first keeps them out of
    the workers' collections.
    """
    gc.freeze()
    # Forked, whatever the platform's default (spawn on macOS, forkserver from Python 3.14): the workers inherit
    # what the parent made for them (a verifying worker's Judge holds closures) instead of pickling it.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_start_worker,
                               initargs=(initializer, initargs))
    try:
        yield pool
    except BaseException:
        # Tasks not started yet would only delay the error (a render pool holds a build's every batch).
        pool.shutdown(cancel_futures=True)
        raise
    finally:
        pool.shutdown()
        gc.unfreeze()


def _start_worker(initializer, initargs: tuple) -> None:
    # The parent's SIGTERM handler cleans up the build; a worker just stops.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # The parent builds with the cycle collector paused (pipeline.collector_paused); a worker makes garbage of its
    # own, in cycles too (a rendered page leaves some), and would grow by gigabytes without it. The parent's objects
    # are frozen, so a collection here walks only the worker's own.
    gc.enable()
    keep_freed_memory()
    if initializer is not None:
        initializer(*initargs)


# glibc's mallopt parameters: the memory kept at the top of the heap when it grows or is trimmed, and the size from
# which a block is mapped on its own (and unmapped when freed) instead of taken from the heap.
_M_TOP_PAD, _M_MMAP_THRESHOLD = -2, -3
TOP_PAD = 16 << 20
MMAP_THRESHOLD = 4 << 20


def keep_freed_memory() -> None:
    """Have this process keep up to TOP_PAD bytes of memory it frees, instead of handing them back to the system.

    A worker allocates and frees the same large buffers for every credential: zlib's deflate state for each PNG
    (about 256 kB, for a QR code of 300 bytes), Jinja's page strings, a document's N-Quads. glibc gave such
    memory back at once, so credentials faulted it in again, page by page: a cold build of 10,000 credentials took
    367,000 minor page faults, 76,000 with this, and a QR code's PNG spent 110 us in zlib's set-up instead of
    17 us. Where the C library is not glibc, its allocator decides, as before.

    Setting the pad stops glibc from raising its mmap threshold as it sees large blocks freed (128 kB at first),
    so the threshold is set too: else every block over 128 kB (a page's text, an image) would be mapped and
    unmapped, and faulted in, each time, in a worker whose parent had not raised it before forking.
    """
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    mallopt(_M_TOP_PAD, TOP_PAD)


@contextmanager
def on_another_core(work: Callable[..., T], *args: object, apart: bool = True) -> Iterator[Callable[[], T]]:
    """Start `work(*args)` in a forked process while the block goes on in this one; the block gets a function
    that waits for its result. Not `apart` (or one core only): the function does the work when called."""
    if not apart or (os.cpu_count() or 1) < 2:
        yield lambda: work(*args)
        return
    with worker_pool(1) as pool:
        yield pool.submit(work, *args).result


PARALLEL_READS = 2000  # files to read before a worker pool pays for itself


def read_on_all_cores(read: Callable[[str], T], paths: list[str]) -> list[T]:
    """`read` over `paths`, in order; spread over the cores when there are many (a cold build of a large site
    reads, hashes and parses every credential file, about 0.3 ms each)."""
    workers = os.cpu_count() or 1
    if workers < 2 or len(paths) < PARALLEL_READS:
        return [read(path) for path in paths]
    with worker_pool(workers) as pool:
        return list(pool.map(read, paths, chunksize=256))
