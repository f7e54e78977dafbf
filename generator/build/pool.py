"""Worker pools for the build's two parallel stages (verifying, rendering)."""

from __future__ import annotations

import gc
import signal
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager


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
    pool = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(initializer, initargs))
    try:
        yield pool
    finally:
        pool.shutdown()
        gc.unfreeze()


def _start_worker(initializer, initargs: tuple) -> None:
    # The parent's SIGTERM handler cleans up the build; a worker just stops.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if initializer is not None:
        initializer(*initargs)
