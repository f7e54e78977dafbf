"""The build's worker pools fork, whatever start method the platform (or Python) chooses by default."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest

from conftest import ROOT


def test_workers_inherit_what_cannot_be_pickled_under_any_default_start_method():
    # A verifying worker's Judge holds closures (what the site publishes, its status lists); spawned or
    # forkserver workers would need it pickled, and fail before checking anything.
    code = textwrap.dedent("""
        import multiprocessing
        multiprocessing.set_start_method("spawn")
        from generator.build import pool

        answer = 41
        def init(unpicklable):
            global answer
            answer = unpicklable()

        def read(_):
            return answer

        if __name__ == "__main__":
            with pool.worker_pool(2, init, (lambda: 42,)) as workers:
                print(sorted(set(workers.map(read, range(4)))))
        """)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["[42]"]


def collecting(_):
    import gc

    return gc.isenabled()


def test_workers_collect_their_own_garbage_while_the_parent_does_not():
    """A build pauses the cycle collector (pipeline.collector_paused) and forks its workers meanwhile; a rendering
    worker's pages leave cycles, and a worker without its collector grew to gigabytes at 100,000 credentials."""
    import gc

    from generator.build import pipeline, pool

    with pipeline.collector_paused():
        assert not gc.isenabled()
        with pool.worker_pool(2) as workers:
            assert set(workers.map(collecting, range(4))) == {True}
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_in_the_block_cancels_the_tasks_not_started():
    # A render pool is handed every batch of a build at once: an error (a theme mistake in one batch) must not wait
    # for all the others to be rendered before it is reported.
    from generator.build import pool

    tasks = []
    with pytest.raises(RuntimeError), pool.worker_pool(2) as workers:
        tasks = [workers.submit(time.sleep, 0.05) for _ in range(60)]
        raise RuntimeError("a batch failed")
    assert sum(task.cancelled() for task in tasks) >= 40  # at most a few had started



@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the page-fault count is glibc's behaviour on Linux")
def test_workers_keep_the_memory_they_free_instead_of_faulting_it_in_again():
    # zlib's deflate state (~256 kB) is allocated and freed for every PNG a worker makes (a QR code per
    # credential); glibc handed it back to the system each time, and every page of it faulted in again. Whether
    # it does depends on the heap's layout, so both pools are forked from a fresh, small process.
    code = textwrap.dedent("""
        import ctypes, multiprocessing, resource, zlib
        from generator.build import pool

        def faults(make):
            make()
            before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
            for _ in range(200):
                make()
            return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

        def deflate(_=None):  # a QR code's PNG
            return faults(lambda: zlib.compress(bytes(range(256)) * 2, 9))

        def large(_=None):  # a block over glibc's first mmap threshold (128 kB): a page's text, an image
            return faults(lambda: b"x" * (1 << 20))  # written, so its pages are touched

        if __name__ == "__main__":
            # As in a parent that never freed a large block: glibc's first mmap threshold, not one raised since.
            ctypes.CDLL(None).mallopt(-3, 128 << 10)
            with multiprocessing.get_context("fork").Pool(1) as plain:
                untuned = plain.apply(deflate)
            with pool.worker_pool(1) as workers:
                # The large blocks first: once the heap has grown (by the pad), they would come from its top.
                large_faults = workers.submit(large).result()
                print(untuned, workers.submit(deflate).result(), large_faults)
        """)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    untuned, tuned, large = map(int, done.stdout.split())
    if untuned < 200:
        pytest.skip(f"this C library keeps freed memory by itself ({untuned} page faults in 200 deflates)")
    assert tuned < 20, (tuned, untuned)
    assert large < 20, large  # a mapped megabyte would fault in 256 pages each time
